// Practice mode for the practice page: choose a set and start, answer, submit, get a score, review the
// explanations, retry the ones missed. The questions are on the topic pages the practice page links to,
// each with its answer (in its data-answer) and explanations; their text is fetched at the reader's first
// interaction with the page and parsed only when needed, so loading the page costs almost nothing and
// practice still works offline afterwards. Progress is kept in localStorage; the form lists every
// question's id, so progress is counted before anything is fetched. Each attempt shows a choice question's
// options in an order of its own (seeded by the attempt, so the review shows the order answered); a case
// study is never split by a topic set; links inside a question open in a new tab, so the set stays. Without
// this script the topic pages list every question with its answer and explanations. The sentences it writes are
// the form's data- attributes (src/chipwise/templates/practice_mode.html), each {name} filled in here.
(function () {
  "use strict";
  var STORE = "chipwise-practice";
  var ATTEMPTS = "chipwise-practice-attempts";
  var CHOICE_TYPES = ["multiple-choice", "case-study", "multiple-response"];
  var LETTERS = "ABCDEFGH";
  var form = document.querySelector(".chipwise-practice");
  var finish = document.querySelector(".chipwise-practice__finish");
  var list = document.querySelector(".chipwise-practice__questions");
  if (!form || !finish || !list) return;
  var sentences = form.dataset;
  // A sentence of the form's with its {name} places filled from `values`.
  function say(sentence, values) {
    return sentences[sentence].replace(/\{([a-z_]+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values || {}, name) ? String(values[name]) : whole;
    });
  }
  var ids = form.dataset.ids ? form.dataset.ids.split(",") : [];
  var questions = [];
  var loading = null;
  var result = finish.querySelector(".chipwise-practice__result");
  var progressLine = form.querySelector(".chipwise-practice__progress");
  var retryButton = form.querySelector('[data-action="retry"]');
  var submitButton = finish.querySelector('[data-action="submit"]');
  var current = [];
  var missed = [];
  // Timed mode: a set gets its share of the exam's time (the form carries the exam's questions and minutes,
  // from the facts file), counted down on the page; when it runs out, the set is scored as it stands.
  var timer = list.querySelector(".chipwise-practice__timer");
  var ticking = null;
  var deadline = 0;

  // The stored progress, kept only as far as it has the shape save() writes: a mapping of question ids to
  // {right: true|false}. Anything else there ("abc", true, 5, [] or another page's data) counts as no
  // progress, and the next save replaces it. No prototype, so an id such as "constructor" is just an id.
  function load() {
    var stored = null;
    var progress = Object.create(null);
    try {
      stored = JSON.parse(window.localStorage.getItem(STORE) || "{}");
    } catch (error) {
      /* unreadable, or storage is off: no progress */
    }
    if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return progress;
    Object.keys(stored).forEach(function (id) {
      var entry = stored[id];
      if (entry !== null && typeof entry === "object" && typeof entry.right === "boolean") progress[id] = { right: entry.right };
    });
    return progress;
  }

  function save(progress) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(progress));
    } catch (error) {
      /* storage may be off (private mode): the score still shows */
    }
  }

  // The questions answered wrong at their last try, as stored: what "Practise my wrong answers" brings back,
  // after a reload too.
  function storedMisses() {
    var progress = load();
    return ids.filter(function (id) { return progress[id] && !progress[id].right; });
  }

  function showProgress() {
    retryButton.disabled = !storedMisses().length;
    var progress = load();
    var known = ids.filter(function (id) { return progress[id]; });
    var right = known.filter(function (id) { return progress[id].right; });
    progressLine.textContent = known.length
      ? say("progress", { known: known.length, total: ids.length, right: right.length })
      : say("noProgress");
  }

  // One topic page's questions, ready for this page: links are made absolute, as they were written
  // relative to the topic page.
  function questionsOf(url, text) {
    var page = new DOMParser().parseFromString(text, "text/html");
    return Array.prototype.map.call(page.querySelectorAll(".chipwise-q"), function (section) {
      section.querySelectorAll("a[href]").forEach(function (link) {
        link.setAttribute("href", new URL(link.getAttribute("href"), url).href);
        link.target = "_blank";
        link.rel = "noopener";
      });
      return document.adoptNode(section);
    });
  }

  // Every topic page's text, fetched once, at the reader's first interaction with the page (pointer,
  // scroll, key or touch), so the practice mode still works if the connection drops later. Fetching at
  // load instead cost the page about 100 ms of blocking time in Lighthouse (measured side by side).
  var texts = null;
  function fetchTexts() {
    if (texts) return texts;
    var pages = Array.prototype.map.call(document.querySelectorAll("a.chipwise-practice__page"), function (link) { return link.href; });
    texts = Promise.all(pages.map(function (url) {
      return fetch(url).then(function (reply) {
        if (!reply.ok) throw new Error("HTTP " + reply.status + " for " + url);
        return reply.text();
      }).then(function (text) { return { url: url, text: text }; });
    }));
    texts.then(function () { form.dataset.fetched = "true"; }, function () { texts = null; });
    return texts;
  }
  ["pointermove", "pointerdown", "scroll", "keydown", "touchstart"].forEach(function (name) {
    window.addEventListener(name, function () { fetchTexts().catch(function () { /* fetched again at Start */ }); }, { once: true, passive: true });
  });

  // Puts every topic page's questions, hidden, in the bank's order into the list (once).
  function fetchQuestions() {
    if (loading) return loading;
    loading = fetchTexts().then(function (pages) {
      return pages.map(function (page) { return questionsOf(page.url, page.text); });
    }).then(function (groups) {
      var byId = {};
      groups.forEach(function (group) { group.forEach(function (q) { byId[q.dataset.id] = q; }); });
      questions = ids.filter(function (id) { return byId[id]; }).map(function (id) { return byId[id]; });
      questions.forEach(function (q) {
        q.hidden = true;
        list.appendChild(q);
      });
    });
    loading.catch(function () { loading = null; });
    return loading;
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
        item.insertBefore(select(say("positionOf", { option: text }), items.length, function (i) { return say("position", { number: i + 1 }); }), item.firstChild);
      });
    } else if (type === "matching") {
      var texts = items.map(function (item) { return item.querySelector(".chipwise-q__text").textContent; });
      q.querySelectorAll(".chipwise-q__prompts > li").forEach(function (prompt) {
        prompt.appendChild(document.createTextNode(" "));
        prompt.appendChild(select(say("responseFor", { prompt: prompt.textContent }), texts.length, function (i) { return LETTERS[i] + ". " + texts[i]; }));
      });
    }
  }

  function response(q) {
    var type = q.dataset.type;
    if (type === "ordering") {
      var positions = options(q).map(function (item) { return item.querySelector("select").value; });
      // Each position once: two items at the same position leave the order incomplete, not answered.
      var order = [];
      positions.forEach(function (position) { if (position !== "") order[Number(position)] = Number(position); });
      if (positions.indexOf("") !== -1 || order.filter(function (x) { return x !== undefined; }).length !== positions.length) return null;
      var byPosition = [];
      options(q).forEach(function (item, index) { byPosition[Number(item.querySelector("select").value)] = Number(item.dataset.option); });
      return byPosition;
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
    q.querySelectorAll(".chipwise-q__verdict, .chipwise-q__mark").forEach(function (element) { element.remove(); });
    q.querySelectorAll(".chipwise-q__option--picked, .chipwise-q__option--key").forEach(function (item) {
      item.classList.remove("chipwise-q__option--picked", "chipwise-q__option--key");
    });
    q.classList.remove("chipwise-q--right", "chipwise-q--wrong");
  }

  // A small seeded generator (mulberry32) and a string hash (FNV-1a): the same attempt gives the same order.
  function seeded(seed) {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function hash(text) {
    var value = 2166136261;
    for (var index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 16777619);
    return value >>> 0;
  }

  function nextAttempt() {
    var attempt = 1;
    try {
      attempt = (Number(window.localStorage.getItem(ATTEMPTS)) || 0) + 1;
      window.localStorage.setItem(ATTEMPTS, String(attempt));
    } catch (error) {
      attempt = Math.floor(Math.random() * 1e9);
    }
    return attempt;
  }

  // A choice question's options in this attempt's order; the answer line names the letters as shown.
  function shuffle(q, attempt) {
    if (CHOICE_TYPES.indexOf(q.dataset.type) === -1) return;
    var list = q.querySelector(".chipwise-q__options");
    var items = options(q).sort(function (a, b) { return Number(a.dataset.option) - Number(b.dataset.option); });
    var random = seeded(hash(q.dataset.id + ":" + attempt));
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var swap = items[i]; items[i] = items[j]; items[j] = swap;
    }
    items.forEach(function (item) { list.appendChild(item); });
    var key = answerOf(q);
    var letters = items.map(function (item, position) { return key.indexOf(Number(item.dataset.option)) !== -1 ? LETTERS[position] : null; })
      .filter(function (letter) { return letter; });
    q.querySelector(".chipwise-q__key").textContent = letters.join(", ");
  }

  // In review, the reader's pick and the key are marked in words, each explanation set apart from its option.
  function mark(q) {
    if (CHOICE_TYPES.indexOf(q.dataset.type) === -1) return;
    var key = answerOf(q);
    options(q).forEach(function (item) {
      var picked = item.querySelector("input").checked;
      var right = key.indexOf(Number(item.dataset.option)) !== -1;
      if (!picked && !right) return;
      var label = document.createElement("strong");
      label.className = "chipwise-q__mark";
      label.textContent = say(picked && right ? "pickedRight" : picked ? "picked" : "key");
      if (picked) item.classList.add("chipwise-q__option--picked");
      if (right) item.classList.add("chipwise-q__option--key");
      item.querySelector("label").after(label);
    });
  }

  function start(chosen) {
    current = questions.filter(function (q) { return chosen.indexOf(q.dataset.id) !== -1; });
    var attempt = nextAttempt();
    form.dataset.attempt = String(attempt);
    delete finish.dataset.warned;
    submitButton.disabled = false;
    document.body.classList.add("chipwise-practising");
    questions.forEach(function (q) {
      var chosen = current.indexOf(q) !== -1;
      q.hidden = !chosen;
      if (!chosen) return;
      equip(q);
      clear(q);
      shuffle(q, attempt);
      reveal(q, false);
      // Numbered through the set; the topic page numbers it through that page.
      q.querySelector("h3").firstChild.textContent = say("numbered", { number: current.indexOf(q) + 1, total: current.length }) + " ";
    });
    list.querySelector("h2").hidden = !current.length;
    result.textContent = "";
    finish.querySelector(".chipwise-practice__domains").hidden = true;
    finish.hidden = !current.length;
    startTimer();
    if (current.length) current[0].querySelector("h3").focus();
  }

  function chosenIds() {
    var set = form.elements.set.value;
    var every = questions.map(function (q) { return q.dataset.id; });
    if (set === "type") return questions.filter(function (q) { return q.dataset.type === form.elements.type.value; }).map(function (q) { return q.dataset.id; });
    if (set === "topic") {
      // A case study comes whole: its questions all stand on the same scenario.
      var inTopic = questions.filter(function (q) { return q.dataset.topic === form.elements.topic.value; });
      var cases = inTopic.map(function (q) { return q.dataset.case; }).filter(function (id) { return id; });
      return questions.filter(function (q) { return inTopic.indexOf(q) !== -1 || (q.dataset.case && cases.indexOf(q.dataset.case) !== -1); })
        .map(function (q) { return q.dataset.id; });
    }
    if (set === "random") {
      var count = Math.max(1, Math.min(every.length, Math.floor(Number(form.elements.count.value)) || 1));
      for (var i = every.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1));
        var swap = every[i]; every[i] = every[j]; every[j] = swap;
      }
      return every.slice(0, count);
    }
    return every;
  }

  function submit(timeUp) {
    if (submitButton.disabled) return;
    var unanswered = current.filter(function (q) { return response(q) === null; });
    if (unanswered.length && !finish.dataset.warned && timeUp !== true) {
      // Warn once: a second Submit scores them as wrong.
      finish.dataset.warned = "yes";
      var numbers = unanswered.map(function (q) { return current.indexOf(q) + 1; });
      result.textContent = say(unanswered.length === 1 ? "unansweredOne" : "unansweredMany", { numbers: numbers.join(", ") });
      result.focus();
      return;
    }
    var progress = load();
    var right = 0;
    missed = [];
    current.forEach(function (q) {
      q.querySelectorAll(".chipwise-q__verdict, .chipwise-q__mark").forEach(function (element) { element.remove(); });
      var ok = isRight(q, response(q));
      if (ok) right++; else missed.push(q.dataset.id);
      progress[q.dataset.id] = { right: ok };
      q.classList.add(ok ? "chipwise-q--right" : "chipwise-q--wrong");
      var verdict = document.createElement("p");
      verdict.className = "chipwise-q__verdict";
      verdict.textContent = ok ? say("right") : say("notRight", { answer: q.querySelector(".chipwise-q__key").textContent });
      q.querySelector(".chipwise-q__stem").after(verdict);
      mark(q);
      q.querySelectorAll("input, select").forEach(function (element) { element.disabled = true; });
      reveal(q, true);
    });
    submitButton.disabled = true;
    stopTimer();
    save(progress);
    result.textContent = (timeUp === true ? say("timeUp") + " " : "") + scoreLine(missed) + " " +
      (missed.length ? say("review", { missed: missed.length }) : say("allRight"));
    showDomains(missed);
    showProgress();
    result.focus();
  }

  function stopTimer() {
    if (ticking !== null) window.clearInterval(ticking);
    ticking = null;
    timer.hidden = true;
  }

  function showTimeLeft() {
    var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    var seconds = left % 60;
    timer.textContent = say("timeLeft", { minutes: Math.floor(left / 60), seconds: (seconds < 10 ? "0" : "") + seconds });
    if (left === 0) {
      stopTimer();
      submit(true);
    }
  }

  function startTimer() {
    stopTimer();
    var questionsInExam = Number(form.dataset.examQuestions);
    var minutes = Number(form.dataset.examMinutes);
    if (!form.elements.timed || !form.elements.timed.checked || !questionsInExam || !minutes || !current.length) return;
    deadline = Date.now() + 1000 * Math.round((current.length * minutes * 60) / questionsInExam);
    timer.hidden = false;
    showTimeLeft();
    ticking = window.setInterval(showTimeLeft, 1000);
  }

  function percentOf(part, whole) {
    return whole ? Math.round((100 * part) / whole) : 0;
  }

  // The score counts the exam-style questions only; drills (arithmetic, launch order, the notes' claims) are
  // counted apart, as the exam has none of them.
  function scoreLine(wrong) {
    var exam = current.filter(function (q) { return q.dataset.set !== "drill"; });
    var drills = current.filter(function (q) { return q.dataset.set === "drill"; });
    var rightOf = function (group) { return group.filter(function (q) { return wrong.indexOf(q.dataset.id) === -1; }).length; };
    var examRight = rightOf(exam);
    var drillsRight = rightOf(drills);
    if (!exam.length) return say("drillsOnly", { right: drillsRight, total: drills.length, percent: percentOf(drillsRight, drills.length) });
    return say("score", { right: examRight, total: exam.length, percent: percentOf(examRight, exam.length) }) +
      (drills.length ? " " + say("scoreAndDrills", { right: drillsRight, total: drills.length }) : say("scoreEnd"));
  }

  // The exam-style score per exam domain, in the order the domains first appear in the set.
  function showDomains(wrong) {
    var board = finish.querySelector(".chipwise-practice__domains");
    var rows = [];
    current.filter(function (q) { return q.dataset.set !== "drill" && q.dataset.domain; }).forEach(function (q) {
      var row = rows.filter(function (r) { return r.domain === q.dataset.domain; })[0];
      if (!row) {
        row = { domain: q.dataset.domain, name: q.querySelector(".chipwise-q__domain").textContent, asked: 0, right: 0 };
        rows.push(row);
      }
      row.asked++;
      if (wrong.indexOf(q.dataset.id) === -1) row.right++;
    });
    board.querySelector("ul").replaceChildren.apply(board.querySelector("ul"), rows.map(function (row) {
      var item = document.createElement("li");
      item.dataset.domain = row.domain;
      item.textContent = say("domainScore", { domain: row.name, right: row.right, total: row.asked, percent: percentOf(row.right, row.asked) });
      return item;
    }));
    board.hidden = !rows.length;
  }

  form.querySelector(".chipwise-practice__controls").disabled = false;
  // Fetching starts as soon as the reader reaches for the form, so the questions are usually there by Start.
  ["pointerdown", "focusin"].forEach(function (name) {
    form.addEventListener(name, function () { fetchQuestions().catch(function () { /* reported at Start */ }); }, { once: true });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!questions.length) progressLine.textContent = say("loading");
    fetchQuestions().then(function () {
      showProgress();
      start(chosenIds());
    }, function () {
      progressLine.textContent = say("notLoaded");
    });
  });
  retryButton.addEventListener("click", function () {
    var again = missed.length ? missed.slice() : storedMisses();
    if (!again.length) return;
    fetchQuestions().then(function () { start(again); }, function () {
      progressLine.textContent = say("notLoadedAgain");
    });
  });
  form.querySelector('[data-action="reset"]').addEventListener("click", function () {
    try { window.localStorage.removeItem(STORE); } catch (error) { /* nothing stored */ }
    showProgress();
  });
  submitButton.addEventListener("click", function () { submit(false); });
  showProgress();
})();
