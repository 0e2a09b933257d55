"""The one escaping policy: every text from the facts file is data, escaped where it lands.

Facts-file text is plain text: no Markdown, no HTML. Renderers pass each text through exactly one of
these functions for the context it lands in, so a quote such as "latency <b>under</b> 5 ms" reads
with its angle brackets, and `[x](javascript:...)` stays text. Links come only from source URLs,
which the schema restricts to https:// without quotes, spaces or angle brackets. XML (the DMN export)
is written with ElementTree, which escapes text and attributes itself; FEEL literals inside it come
from `feel_string`. This module imports nothing from chipwise, so every layer may use it.
"""

from __future__ import annotations

import html
import re

_MARKDOWN_ACTIVE = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])")
_LIST_START = re.compile(r"^(\s*)-")
_DETAILS_START = re.compile(r"^(\s*)\?")
"""'???' opens a collapsible block (pymdownx.details), and '?' cannot be escaped with a backslash."""
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def markdown(text: str) -> str:
    """Plain text for a Markdown paragraph, list item, heading or table cell (also safe in md_in_html).

    HTML's special characters become entities; each character that can start Markdown syntax gets a
    backslash; line breaks fold to spaces, so the text can never open a block of its own."""
    folded = re.sub(r"\s+", " ", text)
    escaped = _MARKDOWN_ACTIVE.sub(r"\\\1", html.escape(folded, quote=False))
    escaped = _LINE_START.sub(r"\1\2\\\3", escaped)
    escaped = _LIST_START.sub(r"\1\\-", escaped)
    return _DETAILS_START.sub(r"\1&#63;", escaped)


def code_span(text: str) -> str:
    """Plain text as a Markdown code span, shown exactly: backslashes are not escapes there, so the span is fenced
    with one backtick more than the text's longest run of them (spaced off when the text starts or ends with one)."""
    folded = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", folded)), default=0) + 1)
    return f"{fence} {folded} {fence}" if folded.startswith("`") or folded.endswith("`") else f"{fence}{folded}{fence}"


def table_cell(markdown: str) -> str:
    """Markdown (already escaped) safe inside a table cell: one line, and every pipe not already escaped is escaped."""
    return _UNESCAPED_PIPE.sub(r"\\|", markdown.replace("\n", " "))


def html_text(text: str) -> str:
    """Text inside an HTML element that Markdown does not process (raw HTML blocks, SVG)."""
    return html.escape(text, quote=False)


_LINK_TITLE_ACTIVE = str.maketrans({"[": "&#91;", "]": "&#93;", "`": "&#96;", "\\": "&#92;"})


def attribute(text: str) -> str:
    """Text for a double-quoted HTML attribute value. Square brackets, backticks and backslashes become
    entities too, so the value survives being a Markdown link title: a backtick there would open a code
    span across the link, and a backslash would escape the closing quote or vanish."""
    escaped = html.escape(" ".join(text.split()), quote=True)
    return escaped.translate(_LINK_TITLE_ACTIVE)


def link_target(url: str) -> str:
    """A URL as a Markdown link target: parentheses and spaces percent-encoded."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


_MERMAID_CODES = str.maketrans({"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"})


def mermaid_label(text: str) -> str:
    """A quoted Mermaid label: every character Mermaid could read as markup written as an entity code."""
    return '"' + " ".join(text.translate(_MERMAID_CODES).split()) + '"'


def tsv_field(text: str) -> str:
    """A field of a tab-separated line (Anki's text import, read with #html:false): one line, no tab."""
    return " ".join(text.replace("\t", " ").split())


def anki_field(text: str) -> str:
    """Plain text as a field of an Anki note, which Anki shows as HTML: escaped, its line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def feel_string(text: str) -> str:
    """A FEEL string literal (DMN): '"a"', with backslashes and double quotes escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
