// chipwise cost calculator: the same arithmetic as chipwise/calculator.py (a browser test compares them).
(function () {
  "use strict";
  var form = document.querySelector(".chipwise-calculator");
  if (!form) return;
  var cut = Number(form.dataset.costCut);
  var throughput = Number(form.dataset.throughput);
  var daysPerMonth = Number(form.dataset.daysPerMonth);
  var monthsPerYear = Number(form.dataset.monthsPerYear);

  function cents(value) { return Math.floor(value * 100 + 0.5) / 100; }
  function number(value) { return value.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 }); }
  function money(value) {
    var digits = Number.isInteger(value) ? 0 : 2;
    return "$" + value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function set(name, text) { document.querySelector('output[data-field="' + name + '"]').textContent = text; }

  function update() {
    var bill = Number(form.elements.bill.value);
    var requests = Number(form.elements.requests.value);
    if (!(bill >= 0) || !(requests >= 0)) return;
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
