// Material adds an unlabelled <nav> (the copy button) to every code block; with several on one page
// they are indistinguishable landmarks. Name each after its position, as soon as Material adds it.
(function () {
  "use strict";
  function label() {
    document.querySelectorAll(".md-code__nav").forEach(function (nav, index) {
      nav.setAttribute("aria-label", "Code block " + (index + 1));
    });
  }
  new MutationObserver(label).observe(document.body, { childList: true, subtree: true });
  label();
})();
