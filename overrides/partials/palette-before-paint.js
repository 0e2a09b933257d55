// chipwise: choose the colour palette before the first paint, as Material's bundle would on load.
// The bundle now loads after the first paint (chipwise.page_html), and Material's own inline script
// only restores a palette the reader chose before; without this, a first visit with a dark system
// theme would paint light and then switch. Same choice as Material's watchPalette: the stored index,
// else the first palette whose media query matches, else the first.
(function () {
  var form = document.querySelector("[data-md-component=palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var stored = null;
  try { stored = __md_get("__palette"); } catch (error) { /* storage denied: use the system theme */ }
  var index = stored && typeof stored.index === "number" ? stored.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  index = Math.max(0, Math.min(index, inputs.length - 1));
  if (!stored) {
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, inputs[index].getAttribute("data-md-color-" + key));
    });
  }
  inputs.forEach(function (input, position) {
    var label = input.nextElementSibling;
    if (label instanceof HTMLElement) label.hidden = position !== index;
  });
})();
