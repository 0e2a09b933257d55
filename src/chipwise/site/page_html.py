"""Finishing touches on a page's HTML at build time, so the reader's browser has less to do."""

from __future__ import annotations

import json
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
    left alone by the script; the tables sheet (overrides/partials/styles/tables.css) gives it Material's table style. Tables with attributes of
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


_STYLE_ELEMENT = re.compile(r"(<style\b[^>]*>)([^<]*(?:<(?!/style>)[^<]*)*)(</style>)")
"""A style element, its content up to the first </style>: written as runs without '<' (a lazy `.*?` tried to
match </style> after every character of every page's stylesheet, a hundredth of a build)."""
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def strip_style_comments(html: str) -> str:
    """Drop CSS comments from the page's inline <style> elements (the site's sheets, the flowchart's styles).

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


# The 404 page of a build whose address has no path (the default build, or a site at a host's root).
# MkDocs writes that page's URLs from the host's root ("/assets/..."), since a 404 page is served at any
# depth and cannot link relatively. Served under a subpath (a GitHub Pages project site built without
# CHIPWISE_SITE_URL), every asset and link would miss. So the page finds the site's root in the reader's
# browser: the nearest folder above the missing address that holds this very 404.html is the root, a
# <base> element names it, and the page's URLs are written relative to it. The elements that fetch (styles,
# icon, scripts) are written by script once the <base> is in place: as markup, the browser's preload scanner
# would fetch them against the missing address before the root is known.
_FETCHING_ELEMENT = re.compile(r'<link rel="(?:stylesheet|icon)" href="[^"]*">|<script src="[^"]*"></script>')
_ROOT_ABSOLUTE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')
_CHARSET = '<meta charset="utf-8">'
_FIND_ROOT = (
    "<script>(function(){"
    'var folder=location.pathname.replace(/[^/]*$/,""),root="/";'
    "for(;;){var probe=new XMLHttpRequest();"
    'try{probe.open("HEAD",folder+"404.html",false);probe.send();}catch(error){break}'
    "if(probe.status===200){root=folder;break}"
    'if(folder==="/")break;folder=folder.replace(/[^/]*\\/$/,"")}'
    'var base=document.createElement("base");base.href=root;document.head.appendChild(base)'
    "})()</script>"
)
_MATERIAL_SCOPE = '__md_scope=new URL("/",location)'
_CONFIG_ELEMENT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
# Material reads its base and search worker from the config, resolved against the page's address; resolve
# them against the <base> instead, before Material's bundle runs.
_RESOLVE_CONFIG = (
    '<script>(function(element){var config=JSON.parse(element.textContent);'
    "config.base=new URL(config.base,document.baseURI).href;config.search=new URL(config.search,document.baseURI).href;"
    'element.textContent=JSON.stringify(config)})(document.getElementById("__config"))</script>'
)


def find_root_in_browser(page: str) -> str:
    """The 404 page, made to work at any depth under any subpath (see above).

    Raises ValueError if Material's markup no longer has the pieces this relies on, so a theme upgrade that
    moves them fails the build instead of shipping a broken 404 page.
    """
    missing = [piece for piece in (_CHARSET, _MATERIAL_SCOPE) if piece not in page]
    if missing or not _CONFIG_ELEMENT.search(page):
        raise ValueError(f"404.html: Material's markup changed; not found: {missing or ['the __config element']}")
    page = page.replace(_CHARSET, _CHARSET + _FIND_ROOT, 1)
    page = page.replace(_MATERIAL_SCOPE, '__md_scope=new URL(".",document.baseURI)', 1)
    page = _ROOT_ABSOLUTE_URL.sub(r"\1", page)
    page = _FETCHING_ELEMENT.sub(_written_by_script, page)

    def relative_config(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        for key in ("base", "search"):
            config[key] = config[key].removeprefix("/") or "."
        return match.group(1) + json.dumps(config) + match.group(3) + _RESOLVE_CONFIG

    return _CONFIG_ELEMENT.sub(relative_config, page, count=1)


def _written_by_script(element: re.Match[str]) -> str:
    markup = json.dumps(element.group(0)).replace("</", "<\\/")
    return f"<script>document.write({markup})</script>"
