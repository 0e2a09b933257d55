(function () {
  var form = document.querySelector("[data-md-component=palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var stored = null;
  try { stored = __md_get("__palette"); } catch (error) { stored = null; }
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
