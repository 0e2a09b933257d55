// Practice mode for the practice page: choose a set and start (the page shows every answer until then), answer, submit, get a score, review the
// explanations, retry the ones missed. Everything it needs is in the page (each question's answer is in
// its data-answer), so it works offline; progress is kept in localStorage. Without this script the page
// lists every question with its answer and explanations.
(function () {
  "use strict";
  var STORE = "chipwise-practice";
  var LETTERS = "ABCDEFGH";
  var form = document.querySelector(".chipwise-practice");
  var finish = document.querySelector(".chipwise-practice__finish");
  if (!form || !finish) return;
  var questions = Array.prototype.slice.call(document.querySelectorAll(".chipwise-q"));
  var result = finish.querySelector(".chipwise-practice__result");
  var progressLine = form.querySelector(".chipwise-practice__progress");
  var retryButton = form.querySelector('[data-action="retry"]');
  var current = [];
  var missed = [];

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(STORE) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  function save(progress) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(progress));
    } catch (error) {
      /* storage may be off (private mode): the score still shows */
    }
  }

  function showProgress() {
    var progress = load();
    var known = questions.filter(function (q) { return progress[q.dataset.id]; });
    var right = known.filter(function (q) { return progress[q.dataset.id].right; });
    progressLine.textContent = known.length
      ? "Progress in this browser: " + known.length + " of " + questions.length + " questions answered, " + right.length + " right at the last try."
      : "No progress saved in this browser yet.";
  }

  function answerOf(q) {
    return q.dataset.answer.split(",").map(Number);
  }

  function options(q) {
    return Array.prototype.slice.call(q.querySelectorAll(".chipwise-q__options > li"));
  }

  function select(label, count, choices) {
    var element = document.createElement("select");
    element.setAttribute("aria-label", label);
    element.className = "chipwise-q__select";
    element.style.maxWidth = "100%";
    element.appendChild(new Option("—", ""));
    for (var index = 0; index < count; index++) element.appendChild(new Option(choices(index), String(index)));
    return element;
  }

  // Adds the controls a question's type needs, once.
  function equip(q) {
    if (q.dataset.equipped) return;
    q.dataset.equipped = "yes";
    var type = q.dataset.type;
    var items = options(q);
    if (type === "multiple-choice" || type === "case-study" || type === "multiple-response") {
      items.forEach(function (item, index) {
        var input = document.createElement("input");
        input.type = type === "multiple-response" ? "checkbox" : "radio";
        input.name = "answer-" + q.dataset.id;
        input.value = String(index);
        input.id = "answer-" + q.dataset.id + "-" + index;
        var label = document.createElement("label");
        label.htmlFor = input.id;
        label.appendChild(item.querySelector(".chipwise-q__text"));
        item.insertBefore(label, item.firstChild);
        item.insertBefore(input, label);
      });
    } else if (type === "ordering") {
      items.forEach(function (item) {
        var text = item.querySelector(".chipwise-q__text").textContent;
        item.insertBefore(select("Position of " + text, items.length, function (i) { return "Position " + (i + 1); }), item.firstChild);
      });
    } else if (type === "matching") {
      var texts = items.map(function (item) { return item.querySelector(".chipwise-q__text").textContent; });
      q.querySelectorAll(".chipwise-q__prompts > li").forEach(function (prompt) {
        prompt.appendChild(document.createTextNode(" "));
        prompt.appendChild(select("Response for " + prompt.textContent, texts.length, function (i) { return LETTERS[i] + ". " + texts[i]; }));
      });
    }
  }

  function response(q) {
    var type = q.dataset.type;
    if (type === "ordering") {
      var positions = options(q).map(function (item) { return item.querySelector("select").value; });
      var order = [];
      positions.forEach(function (position, index) { if (position !== "") order[Number(position)] = index; });
      return positions.length === order.filter(function (x) { return x !== undefined; }).length ? order : null;
    }
    if (type === "matching") {
      var chosen = Array.prototype.map.call(q.querySelectorAll(".chipwise-q__prompts select"), function (s) { return s.value; });
      return chosen.indexOf("") === -1 ? chosen.map(Number) : null;
    }
    var checked = Array.prototype.map.call(q.querySelectorAll(".chipwise-q__options input:checked"), function (input) { return Number(input.value); });
    return checked.length ? checked.sort() : null;
  }

  function isRight(q, given) {
    if (!given) return false;
    var answer = answerOf(q);
    if (q.dataset.type === "multiple-response") answer = answer.slice().sort();
    return given.length === answer.length && given.every(function (value, index) { return value === answer[index]; });
  }

  function reveal(q, shown) {
    q.querySelectorAll(".chipwise-q__why, .chipwise-q__answer").forEach(function (element) { element.hidden = !shown; });
  }

  function clear(q) {
    q.querySelectorAll("input").forEach(function (input) { input.checked = false; input.disabled = false; });
    q.querySelectorAll("select").forEach(function (s) { s.value = ""; s.disabled = false; });
    var verdict = q.querySelector(".chipwise-q__verdict");
    if (verdict) verdict.remove();
    q.classList.remove("chipwise-q--right", "chipwise-q--wrong");
  }

  function start(ids) {
    current = questions.filter(function (q) { return ids.indexOf(q.dataset.id) !== -1; });
    document.body.classList.add("chipwise-practising");
    questions.forEach(function (q) {
      var chosen = current.indexOf(q) !== -1;
      q.hidden = !chosen;
      if (!chosen) return;
      equip(q);
      clear(q);
      reveal(q, false);
    });
    // A type's heading shows only when one of its questions does.
    document.querySelectorAll(".md-content h2").forEach(function (heading) {
      var next = heading.nextElementSibling;
      var shown = false;
      var holds = false;
      while (next && next.tagName !== "H2") {
        if (next.classList.contains("chipwise-q")) {
          holds = true;
          shown = shown || !next.hidden;
        }
        next = next.nextElementSibling;
      }
      heading.hidden = holds && !shown;
    });
    result.textContent = "";
    finish.hidden = !current.length;
    if (current.length) current[0].querySelector("h3").focus();
  }

  function chosenIds() {
    var set = form.elements.set.value;
    var ids = questions.map(function (q) { return q.dataset.id; });
    if (set === "type") return questions.filter(function (q) { return q.dataset.type === form.elements.type.value; }).map(function (q) { return q.dataset.id; });
    if (set === "topic") return questions.filter(function (q) { return q.dataset.topic === form.elements.topic.value; }).map(function (q) { return q.dataset.id; });
    if (set === "random") {
      var count = Math.max(1, Math.min(ids.length, Math.floor(Number(form.elements.count.value)) || 1));
      for (var i = ids.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1));
        var swap = ids[i]; ids[i] = ids[j]; ids[j] = swap;
      }
      return ids.slice(0, count);
    }
    return ids;
  }

  function submit() {
    var progress = load();
    var right = 0;
    missed = [];
    current.forEach(function (q) {
      var ok = isRight(q, response(q));
      if (ok) right++; else missed.push(q.dataset.id);
      progress[q.dataset.id] = { right: ok };
      q.classList.add(ok ? "chipwise-q--right" : "chipwise-q--wrong");
      var verdict = document.createElement("p");
      verdict.className = "chipwise-q__verdict";
      verdict.textContent = ok ? "Right." : "Not right: the answer is " + q.querySelector(".chipwise-q__answer").textContent.replace("Answer: ", "") + ".";
      q.querySelector(".chipwise-q__stem").after(verdict);
      q.querySelectorAll("input, select").forEach(function (element) { element.disabled = true; });
      reveal(q, true);
    });
    save(progress);
    var percent = current.length ? Math.round((100 * right) / current.length) : 0;
    result.textContent = "You scored " + right + " of " + current.length + " (" + percent + "%)." +
      (missed.length ? " Review the explanations below each question, or retry the " + missed.length + " you missed." : " Every answer is right.");
    retryButton.disabled = !missed.length;
    showProgress();
    result.focus();
  }

  form.querySelector(".chipwise-practice__controls").disabled = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    start(chosenIds());
  });
  retryButton.addEventListener("click", function () { start(missed.slice()); });
  form.querySelector('[data-action="reset"]').addEventListener("click", function () {
    try { window.localStorage.removeItem(STORE); } catch (error) { /* nothing stored */ }
    showProgress();
  });
  finish.querySelector('[data-action="submit"]').addEventListener("click", submit);
  showProgress();
})();
