// chipwise cost calculators: the same arithmetic as chipwise/study/deployment_cost.py (deployment cost on AWS's
// published rows) and chipwise/study/calculator.py (the exam's simplification); browser tests compare them. Both forms
// keep their inputs in the page address (?row=&traffic=&limit=&rate= and ?bill=&requests=), so a result can be shared.
// The constants and the sentences this script writes are the forms' data- attributes (their templates, under
// src/chipwise/templates/, write them once): only the arithmetic is here.

// A sentence from a data- attribute with its {name} places filled from `values`.
function chipwiseFill(pattern, values) {
  return pattern.replace(/\{([a-z_]+)\}/g, function (whole, name) {
    return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
  });
}

// A number field's value, or the sentence refusing it: the same refusals as chipwise/study/calculator.py's
// checked_input, plus an empty field; the sentences are the form's data-refuse-* attributes.
function chipwiseReadNumber(form, input) {
  var copy = form.dataset;
  var largest = Number(copy.largestInput);
  var values = { label: input.dataset.label, largest: largest.toLocaleString("en-US") };
  var raw = input.value.trim();
  // A number input reports text it cannot parse (such as "1e999" or "abc") as empty too.
  if (raw === "") return { error: chipwiseFill(input.validity.badInput ? copy.refuseUnreadable : copy.refuseEmpty, values) };
  var value = Number(raw);
  if (!Number.isFinite(value)) return { error: chipwiseFill(copy.refuseInfinite, values) };
  if (value < 0) return { error: chipwiseFill(copy.refuseNegative, values) };
  if (value > largest) return { error: chipwiseFill(copy.refuseTooLarge, values) };
  return { value: value };
}

// The page address: read once when the page opens, rewritten by each form as it changes.
var chipwiseAddress = {
  read: function (form, names) {
    var given = new URLSearchParams(location.search);
    names.forEach(function (name) {
      var value = given.get(name);
      var field = form.elements[name];
      if (value === null || !field) return;
      if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (option) { return option.value === value; })) return;
      field.value = value;
    });
  },
  // dropped: names the form leaves out for now (the deployment cost's tokens, for a row not measured in tokens).
  write: function (form, names, dropped) {
    var params = new URLSearchParams(location.search);
    names.forEach(function (name) { params.set(name, form.elements[name].value.trim()); });
    (dropped || []).forEach(function (name) { params.delete(name); });
    history.replaceState(null, "", location.pathname + "?" + params.toString() + location.hash);
  }
};

// The deployment cost form's constants and sentences, read from its data- attributes (the sentences are the facts
// file's page copy).
function chipwiseDeploymentCostConstants(form) {
  var data = form.dataset;
  return {
    secondsPerDay: Number(data.secondsPerDay),
    hoursPerMonth: Number(data.hoursPerMonth),
    daysPerMonth: Number(data.daysPerMonth),
    secondsPerHour: Number(data.secondsPerHour),
    perMillion: Number(data.perMillion),
    requestsName: data.requestsName,
    repliesName: data.repliesName,
    withinLimit: data.withinLimit,
    aboveLimit: data.aboveLimit,
    ownRate: data.ownRate
  };
}

// AWS's rows, by id, each in the shape chipwiseDeploymentCost reads: its figures from api/benchmarks.json (the
// form's data-rows, 15 kB compressed), its kind's words from the form's data-kinds. Fetched once, when a result
// needs them: at once for a shared link, otherwise at the reader's first touch of the form. The page arrives with
// its default row's result written, so a fresh page fetches nothing.
function chipwiseDeploymentCostRows(form) {
  if (!form.chipwiseRows) {
    var kinds = JSON.parse(form.dataset.kinds);
    form.chipwiseRows = fetch(form.dataset.rows)
      .then(function (response) {
        if (!response.ok) throw new Error(form.dataset.rows + ": " + response.status);
        return response.json();
      })
      .then(function (data) {
        var rows = Object.create(null);
        data.rows.forEach(function (row) {
          var kind = kinds[row.category];
          rows[row.id] = {
            throughput: row.throughput, rate: row.usd_per_hour, rateBasis: row.rate_basis, units: row.units_per_request,
            unit: kind.unit, p99: row.latency_p99_ms, latencyName: kind.latency_name, instance: row.instance,
            tokens: kind.tokens ? "yes" : "no"
          };
        });
        return rows;
      });
  }
  return form.chipwiseRows;
}

// The same rounding and texts as chipwise/study/deployment_cost.py and chipwise/render/calculator_form.py's deployment_cost_fields.
// `data` is a row from chipwiseDeploymentCostRows, `constants` chipwiseDeploymentCostConstants(form). `ownRate`, when
// given, is the reader's hourly rate in place of AWS's for the row; `tokensPerReply`, for a row measured in tokens
// (data-tokens="yes"), replaces the row's own tokens a request.
function chipwiseDeploymentCost(data, requests, limit, constants, ownRate, tokensPerReply) {
  function round(value, digits) { var scale = Math.pow(10, digits); return Math.floor(value * scale + 0.5) / scale; }
  function grouped(value, digits) { return value.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: digits }); }
  function dollars(value, digits) { return "$" + value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }); }
  var throughput = Number(data.throughput);
  var awsRate = Number(data.rate);
  var rate = ownRate === undefined || ownRate === null ? awsRate : ownRate;
  var tokens = data.tokens === "yes";
  var units = tokens && tokensPerReply !== undefined && tokensPerReply !== null ? tokensPerReply : Number(data.units);
  var p99 = Number(data.p99);
  var unitsPerSecond = requests * units / constants.secondsPerDay;
  var fullUse = round((constants.perMillion / throughput) * (rate / constants.secondsPerHour), 3);
  var meets = p99 <= limit;
  var instances = null, monthly = null, atTraffic = null;
  if (meets) {
    instances = unitsPerSecond === 0 ? 0 : Math.ceil(unitsPerSecond / throughput);
    var monthlyRaw = instances * rate * constants.hoursPerMonth;
    var millions = requests * units * constants.daysPerMonth / constants.perMillion;
    monthly = round(monthlyRaw, 2);
    atTraffic = millions ? round(monthlyRaw / millions, 3) : null;
  }
  return {
    unit: data.unit,
    units_per_request: grouped(round(units, 2), 2),
    request_word: tokens ? constants.repliesName : constants.requestsName,
    units_per_second: grouped(round(unitsPerSecond, 3), 3),
    throughput: grouped(round(throughput, 2), 2),
    instance: data.instance,
    rate: dollars(rate, 3),
    rate_basis: rate === awsRate ? data.rateBasis : chipwiseFill(constants.ownRate, { aws_rate: dollars(awsRate, 3), basis: data.rateBasis }),
    p99: grouped(round(p99, 2), 2),
    latency_name: data.latencyName,
    limit: grouped(round(limit, 2), 2),
    full_use: dollars(fullUse, 3),
    latency_verdict: meets ? constants.withinLimit : constants.aboveLimit,
    instances: instances === null ? "—" : grouped(instances, 0),
    monthly: monthly === null ? "—" : dollars(monthly, 2),
    at_traffic: atTraffic === null ? "—" : dollars(atTraffic, 3),
    requests: grouped(round(requests, 2), 2)
  };
}

(function () {
  "use strict";
  var form = document.querySelector(".chipwise-deployment-cost");
  if (!form) return;
  var names = ["row", "traffic", "tokens", "limit", "rate"];
  var tokensLabel = form.querySelector(".chipwise-deployment-cost__tokens");
  var trafficLabel = form.querySelector('[data-deployment-cost-label="traffic"]');
  var constants = chipwiseDeploymentCostConstants(form);
  var message = form.querySelector(".chipwise-deployment-cost__message");
  var outputs = document.querySelectorAll(".chipwise-deployment-cost__result output, .chipwise-deployment-cost__basis output");

  function read(input) { return chipwiseReadNumber(form, input); }

  var kinds = JSON.parse(form.dataset.kinds);

  function option() { return form.elements.row.selectedOptions[0]; }
  function countsTokens() { return kinds[option().dataset.kind].tokens; }

  // `then` gets the chosen row once AWS's rows are here (at once after the first time).
  function withRow(then) {
    chipwiseDeploymentCostRows(form).then(function (rows) { then(rows[option().value]); }, function () {
      message.textContent = form.dataset.rowsFailed;
      message.hidden = false;
    });
  }

  // A row measured in tokens serves replies of some length: show the field and name the traffic so. The page
  // arrives written for its default row: only what differs is written (a write costs a style pass at startup).
  function showRow() {
    var tokens = countsTokens();
    var words = tokens ? constants.repliesName : constants.requestsName;
    var name = words.charAt(0).toUpperCase() + words.slice(1);
    if (tokensLabel.hidden === tokens) tokensLabel.hidden = !tokens;
    if (trafficLabel.textContent !== name) trafficLabel.textContent = name;
    if (form.elements.traffic.dataset.label !== name) form.elements.traffic.dataset.label = name;
  }

  // Every field is read once the rows are here, so a row chosen before they arrived has its rate in place first.
  function update() {
    withRow(function (row) {
      var traffic = read(form.elements.traffic);
      var limit = read(form.elements.limit);
      var rate = read(form.elements.rate);
      var tokens = countsTokens() ? read(form.elements.tokens) : { value: null };
      var problem = traffic.error || tokens.error || limit.error || rate.error;
      if (problem) {
        message.textContent = problem + " " + form.dataset.cleared;
        message.hidden = false;
        outputs.forEach(function (output) { output.textContent = "—"; });
        return;
      }
      message.hidden = true;
      message.textContent = "";
      var fields = chipwiseDeploymentCost(row, traffic.value, limit.value, constants, rate.value, tokens.value);
      outputs.forEach(function (output) { output.textContent = fields[output.dataset.deploymentCostField]; });
      var tokensShown = countsTokens();
      chipwiseAddress.write(form, names.filter(function (name) { return name !== "tokens" || tokensShown; }), tokensShown ? [] : ["tokens"]);
    });
  }

  // Choosing another row puts AWS's rate for its instance in the rate field (the reader may then change it).
  function awsRate(row) { if (form.elements.rate.value !== String(row.rate)) form.elements.rate.value = String(row.rate); }
  form.elements.row.addEventListener("change", function () { withRow(awsRate); });
  // A failure is the result's to report (withRow): the fetch started here may fail before any result asks for it.
  form.addEventListener("focusin", function () { chipwiseDeploymentCostRows(form).catch(function () { /* reported by withRow */ }); });
  chipwiseAddress.read(form, names);
  // The rate field arrives with AWS's rate for the default row; another row, from a link or restored by the
  // browser, takes its own unless the link gives one.
  if (!option().defaultSelected && !new URLSearchParams(location.search).has("rate")) withRow(awsRate);
  showRow();
  // Another row starts from its own generation length; the form's change listener then recomputes.
  form.elements.row.addEventListener("change", function () {
    form.elements.tokens.value = option().dataset.units;
    showRow();
  });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  if (location.search) update();
})();

(function () {
  "use strict";
  var form = document.querySelector(".chipwise-calculator");
  if (!form) return;
  var cut = Number(form.dataset.costCut);
  var throughput = Number(form.dataset.throughput);
  var daysPerMonth = Number(form.dataset.daysPerMonth);
  var monthsPerYear = Number(form.dataset.monthsPerYear);
  var perMillion = Number(form.dataset.perMillion);
  var message = form.querySelector(".chipwise-calculator__message");

  function cents(value) { return Math.floor(value * 100 + 0.5) / 100; }
  function number(value) { return value.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 }); }
  function money(value) {
    var digits = Number.isInteger(value) ? 0 : 2;
    return "$" + value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function set(name, text) { document.querySelector('output[data-field="' + name + '"]').textContent = text; }

  function read(input) { return chipwiseReadNumber(form, input); }

  function refuse(text) {
    message.textContent = text + " " + form.dataset.cleared;
    message.hidden = false;
    document.querySelectorAll(".chipwise-calculator__result output").forEach(function (output) { output.textContent = "—"; });
  }

  function update() {
    var billInput = read(form.elements.bill);
    var requestsInput = read(form.elements.requests);
    var problem = billInput.error || requestsInput.error;
    if (problem) { refuse(problem); return; }
    message.hidden = true;
    message.textContent = "";
    var bill = billInput.value;
    var requests = requestsInput.value;
    var inferentia = bill * (100 - cut) / 100;
    var millions = requests * daysPerMonth / perMillion;
    set("gpu_monthly", money(cents(bill)));
    set("inferentia_monthly", money(cents(inferentia)));
    set("monthly_saving", money(cents(bill - inferentia)));
    set("yearly_saving", money(cents((bill - inferentia) * monthsPerYear)));
    set("gpu_per_million", money(millions ? cents(bill / millions) : 0));
    set("inferentia_per_million", money(millions ? cents(inferentia / millions) : 0));
    set("chip_share_percent", number(cents(100 / throughput)) + "%");
    chipwiseAddress.write(form, ["bill", "requests"]);
  }

  chipwiseAddress.read(form, ["bill", "requests"]);
  if (new URLSearchParams(location.search).has("bill")) update();
  form.addEventListener("input", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
})();
