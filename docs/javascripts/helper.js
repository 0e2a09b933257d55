// chipwise decision helper: shows the engine's answer for the chosen inputs, from api/decisions.json
// (computed at build time by the Python engine for every combination). The choice lives in the URL.
(function () {
  "use strict";
  var form = document.querySelector(".chipwise-helper");
  if (!form) return;
  var answer = document.querySelector(".chipwise-helper__answer");
  var message = document.querySelector(".chipwise-helper__message");

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  fetch(form.dataset.decisions)
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var names = Object.keys(data.inputs);

      function chosen() {
        var inputs = {};
        names.forEach(function (name) {
          var checked = form.querySelector('input[name="' + name + '"]:checked');
          if (checked) inputs[name] = checked.value;
        });
        return inputs;
      }

      // A link's answers are kept; one the table does not know is named, never silently replaced.
      function readUrl() {
        var params = new URLSearchParams(window.location.search);
        var refused = [];
        params.forEach(function (value, name) {
          if (names.indexOf(name) < 0) {
            refused.push("the link's question “" + name + "” is not one of this helper's (" + names.join(", ") + ")");
            return;
          }
          var radios = Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]'));
          var match = radios.filter(function (radio) { return radio.value === value; })[0];
          if (match) {
            match.checked = true;
          } else {
            refused.push("the link's answer " + name + "=“" + value + "” is not one of: " + radios.map(function (radio) { return radio.value; }).join(", "));
          }
        });
        if (refused.length) {
          message.textContent = "Not used: " + refused.join("; ") + ". The answer below uses the choices shown.";
          message.hidden = false;
        }
      }

      function show() {
        var inputs = chosen();
        answer.replaceChildren();
        if (Object.keys(inputs).length < names.length) {
          answer.appendChild(element("p", "Choose an answer to each question."));
          return;
        }
        window.history.replaceState(null, "", "?" + new URLSearchParams(inputs).toString());
        var decision = data.decisions.find(function (candidate) {
          return names.every(function (name) { return candidate.inputs[name] === inputs[name]; });
        });
        var heading = element("p", null, { "class": "chipwise-helper__title" });
        heading.appendChild(element("strong", decision.title));
        heading.appendChild(document.createTextNode(" — instance families, in order: " + decision.family_names.join(", ") + ". "));
        var rule = element("a", "Rule " + decision.rule, { href: form.dataset.rules + "#rule-" + decision.rule, "data-rule": decision.rule });
        heading.appendChild(rule);
        answer.appendChild(heading);
        var list = element("ul");
        decision.reasons.forEach(function (reason) {
          var item = element("li", reason.text + " ");
          reason.facts.forEach(function (factId) {
            var fact = data.facts[factId];
            item.appendChild(element("a", "[" + fact.short + "]", { href: form.dataset.sources + "#" + fact.anchor, "class": "chipwise-helper__fact" }));
            item.appendChild(document.createTextNode(" "));
          });
          reason.sources.forEach(function (url) {
            item.appendChild(element("a", "(source)", { href: url, "class": "chipwise-helper__source" }));
          });
          list.appendChild(item);
        });
        answer.appendChild(list);
      }

      readUrl();
      form.addEventListener("change", function () { message.hidden = true; show(); });
      form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
      show();
    });
})();
