"""Finishing touches on a page's HTML at build time, so the reader's browser has less to do."""

from __future__ import annotations

import re

from chipwise.render import escape

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


_STYLE_ELEMENT = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def strip_style_comments(html: str) -> str:
    """Drop CSS comments from the page's inline <style> elements (chipwise.css, the flowchart's styles).

    They are for the people editing the stylesheet, not for readers: 0.5 kB of every page compressed,
    and a page's first 14 kB or so arrive in the first round trip (TCP's initial window; Lighthouse
    models it), so the longest pages paint a round trip sooner without them.
    """
    return _STYLE_ELEMENT.sub(lambda match: match.group(1) + _CSS_COMMENT.sub("", match.group(2)) + match.group(3), html)


def problems_page(problems: str) -> str:
    """A page's Markdown while `mkdocs serve` has a broken facts file: the located problems, as `chipwise check`
    prints them. The page reloads by itself once the file is fixed."""
    return (
        "# The facts file has problems\n\n"
        "<p>The site cannot be built until they are fixed; this page reloads when you save the file.</p>\n\n"
        f'<pre class="chipwise-problems"><code>{escape.html_text(problems)}</code></pre>\n'
    )
