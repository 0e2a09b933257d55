"""The Jinja templates that lay out the site's forms, widgets and the Benchmarks page's blocks (src/chipwise/templates/*.html).

Python gathers each widget's data; its template lays it out. The templates ship inside the package, so
another guide that embeds `chipwise.site.macros` gets them too. Text is escaped by the one escaping policy,
registered as filters: `|html_text` for an element's text, `|attribute` for an attribute's value; `|grouped`
writes a number with thousands separators; `|filled` writes a sentence of the facts file's page copy, its words
escaped and each {name} place given its value (HTML the template has escaped already). Undefined names fail the render.

A template is written one element a line, indented as it nests, for reading; its lines are joined without
a break, so the page receives one line of HTML per block (a Markdown page then leaves it alone): a space a
reader sees is written inside a line, and an empty line in a template is a line break in the page.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from chipwise.facts.model import COPY_PLACE
from chipwise.render import escape

if TYPE_CHECKING:
    import jinja2


def _grouped(value: float) -> str:
    """A number with thousands separators and no trailing zeros: 86400 -> '86,400', 730.5 -> '730.5'."""
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _filled(sentence: str, **values: str) -> str:
    """A page copy sentence as HTML: its words escaped, each {name} place given its value, which is HTML already
    (`chipwise check` makes sure the places are exactly those the template fills)."""
    parts = COPY_PLACE.split(sentence)
    return "".join(values[part] if index % 2 else escape.html_text(part) for index, part in enumerate(parts))


@functools.cache
def environment() -> jinja2.Environment:
    """The templates' environment: the package's templates, the escaping filters, strict about undefined names.

    Jinja comes with the site extra: it is imported here, on the first render, so the command line (whose JSON
    shares values with the pages) runs without it."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("chipwise", "templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["html_text"] = escape.html_text
    environment.filters["attribute"] = escape.attribute
    environment.filters["grouped"] = _grouped
    environment.filters["filled"] = _filled
    return environment


def join_lines(text: str) -> str:
    """A rendered template's lines joined: each stripped of its indentation, an empty line kept as a line break."""
    return "".join(line.strip() or "\n" for line in text.splitlines())


def render(name: str, **data: Any) -> str:
    """The template `name` filled with `data`, its lines joined (see the module's docstring)."""
    return join_lines(environment().get_template(name).render(**data))


def render_markdown(name: str, **data: Any) -> str:
    """A Markdown template (`*.md`) filled with `data`, its line breaks kept: a Markdown table is a line per row."""
    return environment().get_template(name).render(**data).strip("\n")
