// chipwise cost calculator: the same arithmetic as chipwise/calculator.py (a browser test compares them).
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
  }

  form.addEventListener("input", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
})();
