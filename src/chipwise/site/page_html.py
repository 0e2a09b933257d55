"""Finishing touches on a page's HTML at build time, so the reader's browser has less to do."""

from __future__ import annotations

import json
import re

TABLE_CLASS = "chipwise-table"
_TABLE_TAG = re.compile(r"<table\b[^>]*>|</table>")
# tabindex: a wide table scrolls sideways (on phones, always), and a scrollable region must be reachable
# from the keyboard (axe: scrollable-region-focusable).
_OPEN_WRAPPED = f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="{TABLE_CLASS}" tabindex="0">'


def prewrap_tables(html: str) -> str:
    """Wrap each plain Markdown table in Material's scroll containers now, instead of in the browser.

    Material's script wraps every `table:not([class])` on load, with a forced layout each, which cost
    pages with many tables 0.1 to 0.2 s of blocking time in Lighthouse. A table that carries a class is
    left alone by the script; chipwise.css gives it Material's table style. Tables with attributes of
    their own (code line numbers, say) are not touched.
    """
    parts: list[str] = []
    bare_stack: list[bool] = []
    position = 0
    for match in _TABLE_TAG.finditer(html):
        parts.append(html[position : match.start()])
        tag = match.group(0)
        if tag == "</table>":
            parts.append("</table></div></div>" if bare_stack and bare_stack.pop() else tag)
        else:
            bare = tag == "<table>"
            bare_stack.append(bare)
            parts.append(_OPEN_WRAPPED if bare else tag)
        position = match.end()
    parts.append(html[position:])
    return "".join(parts)


class ThemeScriptError(ValueError):
    """The page's Material bundle tag is not in the shape chipwise knows how to load after first paint."""


_THEME_BUNDLE = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
# Material's bundle starts its components on DOMContentLoaded (its `document$`). Loaded after the first
# paint, it usually runs after that event, so the loader then hands the document to `document$` itself,
# the subject Material publishes on window for this; if the event is still to come, Material's own
# listener takes it and the loader stays out of the way. The hand-over gets a task of its own: a
# script's load event runs in the script's task, and one long task blocks the reader more than two
# shorter ones (Lighthouse counts each task's time over 50 ms).
#
# While the bundle runs its first pass, <body> ignores attribute writes that change nothing, and
# data-md-color-switching. On start Material's palette sets that attribute (it turns transitions off
# during a palette switch) and writes back the colours already there (chosen before the first paint by
# overrides/partials/palette-before-paint.js); each write restyled every element of the page, about
# 20 ms of a 60 ms task on the sources page. Later switches by the reader go through untouched.
_BUNDLE_LOADER = """<script>(function () {
  var parsed = false;
  document.addEventListener("DOMContentLoaded", function () { parsed = true; });
  function load() {
    var body = document.body, setAttribute = body.setAttribute;
    body.setAttribute = function (name, value) {
      if (name !== "data-md-color-switching" && this.getAttribute(name) !== String(value)) setAttribute.call(this, name, value);
    };
    var script = document.createElement("script");
    script.src = SRC;
    script.onerror = function () { delete body.setAttribute; };
    script.onload = function () {
      delete body.setAttribute;
      if (parsed) setTimeout(function () { window.document$.next(document); });
    };
    body.appendChild(script);
  }
  requestAnimationFrame(function () { setTimeout(load); });
})();</script>"""
_STYLE_ELEMENT = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def load_theme_script_after_first_paint(html: str) -> str:
    """Load Material's bundle after the browser has painted the page, instead of before.

    The bundle (35 kB compressed) sits at the end of the body as a parser-blocking script, so the first
    paint waited for its download and its 0.1 s or so of work (4x that on Lighthouse's phone). Measured
    with Lighthouse: first contentful paint 1.37-1.45 s before, 0.91 s after, and no page's blocking time
    swings on whether the browser happened to paint before or after the script. The page reads and
    scrolls without the bundle; search, the palette toggle and the other components start a moment
    later. A page without the bundle (the embeds) is returned as it is.
    """
    matches = list(_THEME_BUNDLE.finditer(html))
    mentions = html.count("assets/javascripts/bundle.")
    if not mentions:
        return html
    if len(matches) != 1 or mentions != 1:
        raise ThemeScriptError(
            f"expected one <script src=\".../assets/javascripts/bundle.<hash>.min.js\"></script>, found {len(matches)} such "
            f"tags and {mentions} mentions of the bundle; has Material changed how base.html loads it? "
            "See chipwise.site.page_html.load_theme_script_after_first_paint."
        )
    match = matches[0]
    loader = _BUNDLE_LOADER.replace("SRC", json.dumps(match.group("src")))
    return html[: match.start()] + loader + html[match.end() :]


def strip_style_comments(html: str) -> str:
    """Drop CSS comments from the page's inline <style> elements (chipwise.css, the flowchart's styles).

    They are for the people editing the stylesheet, not for readers: 0.5 kB of every page compressed,
    and a page's first 14 kB or so arrive in the first round trip (TCP's initial window; Lighthouse
    models it), so the longest pages paint a round trip sooner without them.
    """
    return _STYLE_ELEMENT.sub(lambda match: match.group(1) + _CSS_COMMENT.sub("", match.group(2)) + match.group(3), html)
