// chipwise decision helper: shows the engine's answer for the chosen inputs, from api/decisions.json
// (computed at build time by the Python engine for every combination, table by table through the decision
// graph), and sizes the model the way chipwise.decision.engine does: memory = parameters × bytes per parameter × (1 + headroom), where a workload that
// trains counts its training state per parameter. The choice lives in the URL. The sentences it writes are the
// form's data- attributes (src/chipwise/templates/decision_helper.html), each {name} filled in here.
(function () {
  "use strict";
  var form = document.querySelector(".chipwise-helper");
  if (!form) return;
  var answer = document.querySelector(".chipwise-helper__answer");
  var message = document.querySelector(".chipwise-helper__message");
  var SIZING_FIELDS = ["params_billion", "precision", "headroom_percent"];
  var sentences = form.dataset;

  // A sentence of the form's with its {name} places filled from `values`.
  function say(sentence, values) {
    return sentences[sentence].replace(/\{([a-z_]+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values || {}, name) ? String(values[name]) : whole;
    });
  }

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function gib(value) { return value.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }); }
  function plain(value) { return value.toLocaleString("en-US", { maximumFractionDigits: 6 }); }

  function inside(interval, value) {
    var above = interval.low_closed ? value >= interval.low : value > interval.low;
    var below = interval.high_closed ? value <= interval.high : value < interval.high;
    return above && below;
  }

  // decisions.json (0.7 MB) is fetched when an answer needs it: at once for a shared link or a form the
  // browser restored with every question answered, otherwise at the reader's first touch of the form. A
  // fresh page shows "Choose an answer to each question." without it; fetching and parsing it at every load
  // cost the page a task of 110 to 150 ms in Lighthouse (median blocking time 204 ms before, 110 after).
  var loading = null;
  function load() {
    if (loading) return;
    loading = fetch(form.dataset.decisions)
    .then(function (response) {
      if (!response.ok) throw new Error(form.dataset.decisions + ": " + response.status);
      return response.json();
    })
    .then(function (data) {
      var sizing = data.sizing;
      var names = Object.keys(data.inputs).filter(function (name) { return !data.inputs[name].number; });
      var numeric = Object.keys(data.inputs).filter(function (name) { return data.inputs[name].number; });

      function field(name) { return form.elements[name]; }

      // The sizing fields: null when no size is given; {error} when a field holds something refused.
      function sizingInput() {
        if (!sizing) return null;
        var raw = field("params_billion").value.trim();
        if (raw === "" && !field("params_billion").validity.badInput) return null;
        var parameters = Number(raw);
        var limits = sizing.parameters;
        if (raw === "" || !Number.isFinite(parameters) || parameters < limits.minimum || parameters > limits.maximum) {
          return { error: say("parametersRefused", { minimum: plain(limits.minimum), maximum: plain(limits.maximum) }) };
        }
        var headroomRaw = field("headroom_percent").value.trim();
        var headroom = headroomRaw === "" ? sizing.headroom_percent : Number(headroomRaw);
        if (!Number.isFinite(headroom) || headroom < 0 || headroom > sizing.headroom_maximum || field("headroom_percent").validity.badInput) {
          return { error: say("headroomRefused", { maximum: plain(sizing.headroom_maximum) }) };
        }
        var precision = field("precision").value;
        // A workload that trains holds its training state per parameter, not only the weights.
        var training = sizing.training;
        var workload = training && form.querySelector('input[name="' + training.input + '"]:checked');
        var trains = Boolean(workload && training.values.indexOf(workload.value) >= 0);
        var bytes = trains ? training.bytes : sizing.precision.values[precision].bytes;
        var label = trains ? training.label : sizing.precision.values[precision].label;
        var held = parameters * 1e9 * bytes / Math.pow(2, 30);
        var memory = held * (1 + headroom / 100);
        return {
          parameters: parameters, precision: precision, headroom: headroom, held: held, memory: memory,
          bytes: bytes, label: label, trains: trains
        };
      }

      function chosen(size) {
        var inputs = {};
        names.forEach(function (name) {
          var checked = form.querySelector('input[name="' + name + '"]:checked');
          if (checked) inputs[name] = checked.value;
        });
        numeric.forEach(function (name) {
          var number = size && name === sizing.input ? size.memory : Number(data.inputs[name].default);
          var values = data.inputs[name].values;
          inputs[name] = Object.keys(values).filter(function (value) { return inside(values[value].interval, number); })[0];
        });
        return inputs;
      }

      // A link's answers are kept; one the table does not know is named, never silently replaced.
      function readUrl() {
        var params = new URLSearchParams(window.location.search);
        var refused = [];
        params.forEach(function (value, name) {
          if (sizing && SIZING_FIELDS.indexOf(name) >= 0) {
            // Own keys only ("constructor" is on every object) and plain ASCII decimals only: a number
            // field silently empties itself on NaN, Infinity, 0x10 or Arabic-Indic digits.
            if (name === "precision" && !Object.prototype.hasOwnProperty.call(sizing.precision.values, value)) {
              refused.push(say("linkPrecision", { value: value, choices: Object.keys(sizing.precision.values).join(", ") }));
            } else if (name !== "precision" && !/^[0-9]+(\.[0-9]+)?$/.test(value)) {
              refused.push(say("linkNumber", { name: name, value: value }));
            } else {
              field(name).value = value;
            }
            return;
          }
          var deprecated = data.deprecated && Object.prototype.hasOwnProperty.call(data.deprecated, name) ? data.deprecated[name] : null;
          if (deprecated) {
            // An input of the previous release: its answer maps onto today's input (kept for one release).
            if (!Object.prototype.hasOwnProperty.call(deprecated.values, value)) {
              refused.push(say("linkAnswer", { name: name, value: value, choices: Object.keys(deprecated.values).join(", ") }));
              return;
            }
            if (params.has(deprecated.input)) return;
            name = deprecated.input;
            value = deprecated.values[value];
          }
          if (names.indexOf(name) < 0) {
            refused.push(say("linkQuestion", { name: name, names: names.concat(sizing ? SIZING_FIELDS : []).join(", ") }));
            return;
          }
          var radios = Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]'));
          var match = radios.filter(function (radio) { return radio.value === value; })[0];
          if (match) {
            match.checked = true;
          } else {
            refused.push(say("linkAnswer", { name: name, value: value, choices: radios.map(function (radio) { return radio.value; }).join(", ") }));
          }
        });
        if (refused.length) {
          message.textContent = say("notUsed", { refused: refused.join("; ") });
          message.hidden = false;
        }
      }

      function sizeFamily(familyId, memory) {
        var family = sizing.families[familyId];
        if (!family.sizes.length) return { size: null, reason: say("noSizes", { family: family.name }) };
        for (var index = 0; index < family.sizes.length; index++) {
          var size = family.sizes[index];
          if (size.accelerator_memory_gib >= memory) {
            return {
              size: size.name,
              reason: say("fits", {
                size: size.name, accelerators: say(size.accelerators !== 1 ? "accelerators" : "accelerator", { count: size.accelerators }),
                memory: gib(size.accelerator_memory_gib), needed: gib(memory)
              })
            };
          }
        }
        var largest = family.sizes[family.sizes.length - 1];
        return {
          size: null,
          reason: say("tooLarge", { needed: gib(memory), family: family.name, largest: largest.name, memory: gib(largest.accelerator_memory_gib) }) +
            (family.beyond_one_instance ? " " + family.beyond_one_instance : "")
        };
      }

      function showSizing(decision, size, sizes) {
        var block = element("div", null, { "class": "chipwise-helper__sizes", "data-memory-gib": size.memory.toFixed(2) });
        block.appendChild(element("p", say("memoryNeeded", {
          parameters: plain(size.parameters), bytes: plain(size.bytes), precision: size.label, held: gib(size.held),
          held_as: say(size.trains ? "heldToTrain" : "heldAsWeights"), headroom: plain(size.headroom), memory: gib(size.memory)
        })));
        var list = element("ul");
        decision.instance_families.forEach(function (familyId, index) {
          var sized = sizes[index];
          list.appendChild(element("li", sized.reason, { "data-family": familyId, "data-size": sized.size || "" }));
        });
        block.appendChild(list);
        answer.appendChild(block);
      }

      // Whether the answer trains: the workloads decisions.json's sizing names as training (as
      // chipwise.decision.model.Sizing.trains reads them).
      function trains(decision) {
        var training = data.sizing && data.sizing.training;
        return Boolean(training && training.values.indexOf(decision.inputs[training.input]) >= 0);
      }

      // AWS's measured rows for the recommended families, where AWS publishes them: training rows for an answer that
      // trains, inference rows (throughput, latency and cost per 1M inferences) otherwise, never the other kind.
      function showBenchmarks(decision) {
        var training = trains(decision);
        var links = (data.benchmarks && data.benchmarks[training ? "training" : "inference"]) || {};
        var measured = decision.instance_families.filter(function (familyId) { return links[familyId]; });
        if (!measured.length) return;
        var line = element("p", say("measured") + " ", { "class": "chipwise-helper__benchmarks", "data-kind": training ? "training" : "inference" });
        measured.forEach(function (familyId, index) {
          var entry = links[familyId];
          if (index) line.appendChild(document.createTextNode(", "));
          var name = decision.family_names[decision.instance_families.indexOf(familyId)];
          line.appendChild(element("a", say(training ? "measuredTraining" : "measuredInference", { rows: entry.rows, family: name }), {
            href: form.dataset.site + entry.anchor, "data-family": familyId
          }));
        });
        line.appendChild(document.createTextNode(" " + say(training ? "measuredTrainingWhat" : "measuredInferenceWhat")));
        answer.appendChild(line);
        // AWS's own statement that those pages are archived, with its date, read from decisions.json.
        if (data.benchmarks_archived) {
          answer.appendChild(element("p", data.benchmarks_archived, { "class": "chipwise-helper__benchmarks-archived" }));
        }
      }

      function show() {
        var size = sizingInput();
        answer.replaceChildren();
        if (size && size.error) {
          message.textContent = size.error + " " + say("cleared");
          message.hidden = false;
          return;
        }
        var inputs = chosen(size);
        if (names.some(function (name) { return !inputs[name]; })) {
          answer.appendChild(element("p", say("choose")));
          return;
        }
        var state = {};
        names.forEach(function (name) { state[name] = inputs[name]; });
        if (size) {
          state.params_billion = String(size.parameters);
          state.precision = size.precision;
          if (size.headroom !== sizing.headroom_percent) state.headroom_percent = String(size.headroom);
        }
        window.history.replaceState(null, "", "?" + new URLSearchParams(state).toString());
        var decision = data.decisions.find(function (candidate) {
          return names.concat(numeric).every(function (name) { return candidate.inputs[name] === inputs[name]; });
        });
        // The title names what serves it and what it runs on, and, for a given size, the smallest that fits
        // (as chipwise.decision.engine.Decision.title does).
        // Each family sized once: the title names the first that fits, the sizing block lists them all.
        var sizes = size ? decision.instance_families.map(function (familyId) { return sizeFamily(familyId, size.memory); }) : [];
        var fitting = sizes.map(function (sized) { return sized.size; }).filter(function (name) { return name; })[0];
        var heading = element("p", null, { "class": "chipwise-helper__title" });
        heading.appendChild(element("strong", decision.title + (fitting ? ", " + fitting : "")));
        if (decision.family_names.length) {
          heading.appendChild(document.createTextNode(" " + say("families", { families: decision.family_names.join(", ") })));
        }
        answer.appendChild(heading);
        var trace = element("ol", null, { "class": "chipwise-helper__trace" });
        decision.steps.forEach(function (step) {
          var item = element("li", step.question + " " + step.title + " (");
          item.appendChild(element("a", say("ruleLink", { rule: step.rule }), { href: form.dataset.rules + "#rule-" + step.rule, "data-rule": step.rule }));
          item.appendChild(document.createTextNode(")"));
          trace.appendChild(item);
        });
        answer.appendChild(trace);
        var list = element("ul");
        decision.reasons.forEach(function (reason) {
          var item = element("li", reason.text + " ");
          reason.facts.forEach(function (factId) {
            var fact = data.facts[factId];
            item.appendChild(element("a", "[" + fact.short + "]", { href: form.dataset.sources + "#" + fact.anchor, "class": "chipwise-helper__fact" }));
            item.appendChild(document.createTextNode(" "));
          });
          reason.sources.forEach(function (url) {
            item.appendChild(element("a", say("sourceLink"), { href: url, "class": "chipwise-helper__source" }));
          });
          list.appendChild(item);
        });
        answer.appendChild(list);
        showBenchmarks(decision);
        if (size) showSizing(decision, size, sizes);
      }

      readUrl();
      form.addEventListener("change", function () { message.hidden = true; show(); });
      form.addEventListener("input", function (event) {
        if (event.target.type === "number") { message.hidden = true; show(); }
      });
      form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
      show();
    })
    .catch(function () {
      message.textContent = say("failed");
      message.hidden = false;
    });
  }

  var radios = Array.prototype.slice.call(form.querySelectorAll('input[type="radio"]'));
  var unanswered = radios.some(function (radio) { return !form.querySelector('input[name="' + radio.name + '"]:checked'); });
  var parameters = form.elements.params_billion;
  if (location.search || !unanswered || (parameters && (parameters.value || parameters.validity.badInput))) {
    load();
  } else {
    // The first submit or change is shown by show() once the data is in, as the form then stands.
    ["pointerdown", "focusin", "keydown", "input", "change", "submit"].forEach(function (name) {
      form.addEventListener(name, function (event) {
        if (name === "submit") event.preventDefault();
        load();
      }, { once: true });
    });
  }
})();
