// chipwise cost calculator: the same arithmetic as chipwise/study/deployment_cost.py (the calculator on AWS's published
// rows) and chipwise/study/calculator.py (the exam's simplification); browser tests compare them. Both forms
// keep their inputs in the page address (?row=&traffic=&limit=&rate= and ?bill=&requests=), so a result can be shared.

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
  // dropped: names the form leaves out for now (the sizer's tokens, for a row not measured in tokens).
  write: function (form, names, dropped) {
    var params = new URLSearchParams(location.search);
    names.forEach(function (name) { params.set(name, form.elements[name].value.trim()); });
    (dropped || []).forEach(function (name) { params.delete(name); });
    history.replaceState(null, "", location.pathname + "?" + params.toString() + location.hash);
  }
};

// The same rounding and texts as chipwise/study/deployment_cost.py and chipwise/render/benchmarks.py's sizing_fields.
// `ownRate`, when given, is the reader's hourly rate in place of AWS's for the row; `tokensPerReply`, for a row
// measured in tokens (data-tokens="yes"), replaces the row's own tokens a request.
function chipwiseSizing(data, requests, limit, constants, ownRate, tokensPerReply) {
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
  var fullUse = round((1e6 / throughput) * (rate / 3600), 3);
  var meets = p99 <= limit;
  var instances = null, monthly = null, atTraffic = null;
  if (meets) {
    instances = unitsPerSecond === 0 ? 0 : Math.ceil(unitsPerSecond / throughput);
    var monthlyRaw = instances * rate * constants.hoursPerMonth;
    var millions = requests * units * constants.daysPerMonth / 1e6;
    monthly = round(monthlyRaw, 2);
    atTraffic = millions ? round(monthlyRaw / millions, 3) : null;
  }
  return {
    unit: data.unit,
    units_per_request: grouped(round(units, 2), 2),
    request_word: tokens ? "replies a day" : "requests a day",
    units_per_second: grouped(round(unitsPerSecond, 3), 3),
    throughput: grouped(round(throughput, 2), 2),
    instance: data.instance,
    rate: dollars(rate, 3),
    rate_basis: rate === awsRate ? data.rateBasis : "your rate; AWS used " + dollars(awsRate, 3) + ", its " + data.rateBasis,
    p99: grouped(round(p99, 2), 2),
    latency_name: data.latencyName,
    limit: grouped(round(limit, 2), 2),
    full_use: dollars(fullUse, 3),
    latency_verdict: meets ? "within your limit" : "above your limit: more instances do not lower it; choose a row optimized for latency",
    instances: instances === null ? "—" : grouped(instances, 0),
    monthly: monthly === null ? "—" : dollars(monthly, 2),
    at_traffic: atTraffic === null ? "—" : dollars(atTraffic, 3),
    requests: grouped(round(requests, 2), 2)
  };
}

(function () {
  "use strict";
  var form = document.querySelector(".chipwise-sizer");
  if (!form) return;
  var names = ["row", "traffic", "tokens", "limit", "rate"];
  var tokensLabel = form.querySelector(".chipwise-sizer__tokens");
  var trafficLabel = form.querySelector('[data-sizer-label="traffic"]');
  var constants = {
    secondsPerDay: Number(form.dataset.secondsPerDay),
    hoursPerMonth: Number(form.dataset.hoursPerMonth),
    daysPerMonth: Number(form.dataset.daysPerMonth)
  };
  var largest = Number(form.dataset.largestInput);
  var message = form.querySelector(".chipwise-sizer__message");
  var outputs = document.querySelectorAll(".chipwise-sizer__result output, .chipwise-sizer__basis output");

  function read(input) {
    var label = input.dataset.label;
    var raw = input.value.trim();
    if (raw === "") return { error: label + (input.validity.badInput ? ": enter a number." : ": enter a number; the field is empty.") };
    var value = Number(raw);
    if (!Number.isFinite(value)) return { error: label + ": enter a finite number." };
    if (value < 0) return { error: label + ": enter zero or more." };
    if (value > largest) return { error: label + ": enter at most " + largest.toLocaleString("en-US") + "." };
    return { value: value };
  }

  function option() { return form.elements.row.selectedOptions[0]; }
  function countsTokens() { return option().dataset.tokens === "yes"; }

  // A row measured in tokens serves replies of some length: show the field and name the traffic so.
  function showRow() {
    var tokens = countsTokens();
    var name = tokens ? "Replies a day" : "Requests a day";
    tokensLabel.hidden = !tokens;
    trafficLabel.textContent = name;
    form.elements.traffic.dataset.label = name;
  }

  function update() {
    var traffic = read(form.elements.traffic);
    var limit = read(form.elements.limit);
    var rate = read(form.elements.rate);
    var tokens = countsTokens() ? read(form.elements.tokens) : { value: null };
    var problem = traffic.error || tokens.error || limit.error || rate.error;
    if (problem) {
      message.textContent = problem + " The result is cleared until every field holds a valid number.";
      message.hidden = false;
      outputs.forEach(function (output) { output.textContent = "—"; });
      return;
    }
    message.hidden = true;
    message.textContent = "";
    var fields = chipwiseSizing(option().dataset, traffic.value, limit.value, constants, rate.value, tokens.value);
    outputs.forEach(function (output) { output.textContent = fields[output.dataset.sizerField]; });
    var tokensShown = countsTokens();
    chipwiseAddress.write(form, names.filter(function (name) { return name !== "tokens" || tokensShown; }), tokensShown ? [] : ["tokens"]);
  }

  // Choosing another row puts AWS's rate for its instance in the rate field (the reader may then change it).
  function awsRate() { form.elements.rate.value = option().dataset.rate; }
  form.elements.row.addEventListener("change", awsRate);
  chipwiseAddress.read(form, names);
  if (!new URLSearchParams(location.search).has("rate")) awsRate();
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
  var largest = Number(form.dataset.largestInput);
  var message = form.querySelector(".chipwise-calculator__message");

  function cents(value) { return Math.floor(value * 100 + 0.5) / 100; }
  function number(value) { return value.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 }); }
  function money(value) {
    var digits = Number.isInteger(value) ? 0 : 2;
    return "$" + value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function set(name, text) { document.querySelector('output[data-field="' + name + '"]').textContent = text; }

  // The same refusals as chipwise/study/calculator.py's checked_input, plus an empty field.
  function read(input) {
    var label = input.dataset.label;
    var raw = input.value.trim();
    if (raw === "") {
      // A number input reports text it cannot parse (such as "1e999" or "abc") as empty too.
      return { error: label + (input.validity.badInput ? ": enter a number." : ": enter a number; the field is empty.") };
    }
    var value = Number(raw);
    if (!Number.isFinite(value)) return { error: label + ": enter a finite number." };
    if (value < 0) return { error: label + ": enter zero or more." };
    if (value > largest) return { error: label + ": enter at most " + largest.toLocaleString("en-US") + "." };
    return { value: value };
  }

  function refuse(text) {
    message.textContent = text + " The result is cleared until both fields hold a valid number.";
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
    var millions = requests * daysPerMonth / 1e6;
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
