// chipwise benchmarks page: filter the published rows by model, task, instance and data type, and sort them by
// cost per million or P99 latency. Without JavaScript the form stays hidden and every row is listed.
(function () {
  "use strict";
  var form = document.querySelector(".chipwise-bench-filters");
  if (!form) return;
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.chipwise-bench[data-family] tbody"));
  var count = form.querySelector(".chipwise-bench-count");
  var filters = ["model", "task", "instance", "dtype"];
  tables.forEach(function (body) {
    Array.prototype.forEach.call(body.rows, function (row, index) { row.dataset.order = String(index); });
  });

  function showCount(shown) { count.textContent = shown + (shown === 1 ? " row shown" : " rows shown"); }

  function apply() {
    var shown = 0;
    var sort = form.elements.sort.value;
    tables.forEach(function (body) {
      var rows = Array.prototype.slice.call(body.rows);
      rows.forEach(function (row) {
        var match = filters.every(function (name) {
          var wanted = form.elements[name].value;
          return !wanted || row.dataset[name] === wanted;
        });
        if (row.hidden === match) row.hidden = !match;  // touch the DOM only where something changes
        if (match) shown += 1;
      });
      var sorted = rows.slice().sort(function (a, b) {
        if (sort) {
          var difference = Number(a.dataset[sort]) - Number(b.dataset[sort]);
          if (difference) return difference;
        }
        return Number(a.dataset.order) - Number(b.dataset.order);
      });
      // Moving a few hundred rows costs a long layout: only when the order really changes.
      if (sorted.some(function (row, index) { return row !== rows[index]; })) {
        sorted.forEach(function (row) { body.appendChild(row); });
      }
    });
    showCount(shown);
    showBest(sort || "cost");
    var params = new URLSearchParams();
    filters.concat(["sort"]).forEach(function (name) { if (form.elements[name].value) params.set(name, form.elements[name].value); });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // Each kind's best shown row by `key`, written as the best_item macro of templates/benchmark_filters.html writes it, from the row's cells.
  var bestList = document.querySelector(".chipwise-bench-best ul");
  function showBest(key) {
    var best = {};
    tables.forEach(function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var kind = row.dataset.kind;
        if (!row.hidden && (!best[kind] || Number(row.dataset[key]) < Number(best[kind].dataset[key]))) best[kind] = row;
      });
    });
    var items = JSON.parse(bestList.dataset.kinds).filter(function (kind) { return best[kind]; }).map(function (kind) {
      var row = best[kind];
      var item = document.createElement("li");
      var name = document.createElement("strong"), link = document.createElement("a"), code = document.createElement("code");
      name.textContent = kind;
      link.href = "#" + row.id;
      link.textContent = row.cells[0].querySelector("strong").textContent;
      code.textContent = row.cells[1].textContent;
      item.append(name, ": ", link, " on ", code, " · " + row.cells[6].firstChild.textContent + " · " + row.cells[5].textContent);
      return item;
    });
    bestList.replaceChildren.apply(bestList, items);
  }

  var given = new URLSearchParams(location.search);
  filters.concat(["sort"]).forEach(function (name) {
    var value = given.get(name);
    var select = form.elements[name];
    if (value !== null && Array.prototype.some.call(select.options, function (option) { return option.value === value; })) select.value = value;
  });
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  // Opened without a query, the page shows every row in its own order: only the count is new. Filtering and
  // sorting every row anyway lengthened the page's startup task, which Lighthouse counts as blocking.
  if (location.search) apply();
  else showCount(tables.reduce(function (sum, body) { return sum + body.rows.length; }, 0));
})();
