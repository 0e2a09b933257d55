"""The one escaping module: for each context a text lands in, no text the facts file accepts comes back as markup.

Each property parses the escaped text the way its reader does (Python-Markdown with the site's extensions,
html.parser, ElementTree, the TSV split, Mermaid's entity codes) and checks that the text comes back as the same
text, with no element of its own.
"""

from __future__ import annotations

import ast
import functools
import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import markdown as python_markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.utils import yaml as mkdocs_yaml

from chipwise.facts.schema_language import refuse_value
from chipwise.render import escape
from tests.support import ROOT

ESCAPING_MODULE = ROOT / "src" / "chipwise" / "render" / "escape.py"
HTML_ESCAPE = re.compile(r"\bhtml\.escape\(|from\s+html\s+import\b[^\n]*\bescape\b|\bxml\.sax\.saxutils\b|\bquoteattr\(")

PROPERTY = settings(derandomize=True, deadline=None, max_examples=300, database=None)
"""Deterministic and untimed: the same examples on every run, however busy the machine."""

MARKUP = [
    "<", ">", "&", '"', "'", "`", "```", "~~~", "\\", "*", "_", "[", "]", "(", ")", "{", "}", "#", "+", "-", "!", "|", ":", "=", "?",
    "???", "!!!", "1.", "2)", "- ", "* ", "> ", "    ", "\t", "\n", "\n\n", "---", "===", "<script>", "</p>", "<!--", "-->", "]]>",
    "&amp;", "&lt;", "&#60;", "#lt;", "#35;", "[x](javascript:alert(1))", "![i](x.png)", "<https://x.org>", "{: .x }", "*[HTML]: y",
    "<div markdown>", "</td>", "__init__", "a|b", "\\|", "\u00a0", "é", "☃",
]
any_character = st.characters(codec="utf-8").filter(lambda character: not refuse_value(character))
facts_text = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(any_character, max_size=4)), max_size=12).map("".join)
"""Text as the facts file accepts it (no control character but tab and line feed, no surrogate), rich in markup."""


class Parsed(HTMLParser):
    """The elements and the text of an HTML fragment, character references read as characters."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[dict[str, str | None]] = []
        self.text = ""
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.append(dict(attrs))
        if tag == "br":
            self.text += "\n"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text += data

    def handle_comment(self, data: str) -> None:
        self.tags.append("<!--")

    def unknown_decl(self, data: str) -> None:
        self.tags.append("<!")

    def handle_decl(self, decl: str) -> None:
        self.tags.append("<!")

    def handle_pi(self, data: str) -> None:
        self.tags.append("<?")


def folded(text: str) -> str:
    return " ".join(text.split())


@functools.cache
def site_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The Markdown extensions mkdocs.yml lists, with their options."""
    listed = mkdocs_yaml.yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
    names = [item if isinstance(item, str) else next(iter(item)) for item in listed]
    return names, {name: item[name] for item in listed if isinstance(item, dict) for name in item}


def site_markdown(source: str) -> str:
    """Markdown rendered as MkDocs renders a page of this site."""
    names, options = site_extensions()
    return python_markdown.markdown(source, extensions=names, extension_configs=options)


def test_the_parsers_see_markup_where_there_is_some() -> None:
    """The properties below could fail: unescaped, the same inputs make elements."""
    assert Parsed(site_markdown("- *x* [y](z)")).tags == ["ul", "li", "em", "a"]
    assert Parsed(site_markdown("??? note\n    hidden")).tags[0] == "details"
    assert Parsed("<p>a <b>b</b></p>").tags == ["p", "b"]
    assert Parsed(site_markdown('[x](https://e.org "a `b` c")')).attributes[1] != {"href": "https://e.org", "title": "a `b` c"}


@PROPERTY
@given(facts_text)
@example("??? note hidden")
@example("1. not a list")
@example(" ??? note hidden")
@example(" - not a list")
@example(" + not a list")
@example("    not code")
def test_markdown_text_stays_one_paragraph_of_text(text: str) -> None:
    page = Parsed(site_markdown(escape.markdown(text)))
    assert page.tags == (["p"] if text.strip() else [])
    assert page.text.strip() == folded(text)


@PROPERTY
@given(facts_text)
@example("??? note hidden")
@example(" - not a list")
@example("#not a heading")
def test_markdown_text_stays_text_in_a_list_item_and_a_heading(text: str) -> None:
    shown = escape.markdown(text)
    item = Parsed(site_markdown(f"- {shown} z"))
    assert item.tags == ["ul", "li"]
    assert folded(item.text) == folded(f"{text} z")
    heading = Parsed(site_markdown(f"### {shown} z"))
    assert heading.tags == ["h3", "a"]  # toc's permalink, and nothing else
    assert folded(heading.text.removesuffix("¶")) == folded(f"{text} z")


@PROPERTY
@given(facts_text.filter(str.strip))
@example("inf2.throughput_vs_inf1")
@example("`a`` b\\")
def test_a_code_span_shows_the_text_exactly(text: str) -> None:
    page = Parsed(site_markdown(f"a {escape.code_span(text)} z"))
    assert page.tags == ["p", "code"]
    assert folded(page.text) == folded(f"a {text} z")


@PROPERTY
@given(facts_text, facts_text)
def test_markdown_text_stays_in_its_table_cell(first: str, second: str) -> None:
    rows = f"| A | B |\n| --- | --- |\n| {escape.table_cell(escape.markdown(first))} | {escape.table_cell(escape.markdown(second))} |"
    table = Parsed(site_markdown(rows))
    assert table.tags == ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]
    assert folded(table.text) == folded(f"A B {folded(first)} {folded(second)}")


@PROPERTY
@given(facts_text)
def test_html_text_stays_text_in_an_element(text: str) -> None:
    for element in ("p", "text", "code"):
        parsed = Parsed(f"<{element}>{escape.html_text(text)}</{element}>")
        assert parsed.tags == [element]
        assert parsed.text == text


@PROPERTY
@given(facts_text)
def test_an_attribute_is_one_value_in_html_and_in_a_markdown_link_title(text: str) -> None:
    value = escape.attribute(text)
    element = Parsed(f'<span title="{value}">x</span>')
    assert element.tags == ["span"]
    assert element.attributes == [{"title": folded(text)}]
    link = Parsed(site_markdown(f'[x](https://example.org/a "{value}")'))
    assert link.tags == ["p", "a"]
    assert link.attributes[1] == {"href": "https://example.org/a", "title": folded(text)}
    assert link.text == "x"


@PROPERTY
@given(st.text(st.sampled_from("abc:/.() ?#"), max_size=20))
def test_a_link_target_stays_one_link(path: str) -> None:
    link = Parsed(site_markdown(f"[x](https://example.org/{escape.link_target(path)})"))
    assert link.tags == ["p", "a"]
    assert link.text == "x"
    assert link.attributes[1]["href"] == "https://example.org/" + path.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


MERMAID_CODE = re.compile(r"#(\d+|[a-z]+);")


def mermaid_decoded(label: str) -> str:
    """What Mermaid shows for a quoted label: each entity code (#35;, #quot;) read as its character, in one pass."""
    return MERMAID_CODE.sub(lambda code: chr(int(code.group(1))) if code.group(1).isdigit() else html.unescape(f"&{code.group(1)};"), label)


@PROPERTY
@given(facts_text)
@example("#lt;b#gt; \"quoted\" `code` & <i>")
def test_a_mermaid_label_is_one_quoted_line_of_text(text: str) -> None:
    label = escape.mermaid_label(text)
    assert label.startswith('"') and label.endswith('"') and len(label) >= 2
    body = label[1:-1]
    assert not set(body) & set('"<>&`\n\r\t')
    assert mermaid_decoded(body) == folded(text)


@PROPERTY
@given(facts_text, facts_text)
def test_tsv_fields_stay_in_their_columns(front: str, back: str) -> None:
    line = f"{escape.tsv_field(front)}\t{escape.tsv_field(back)}\ttag\n"
    assert line.count("\n") == 1
    assert line.rstrip("\n").split("\t") == [folded(front), folded(back), "tag"]


@PROPERTY
@given(facts_text)
def test_an_anki_field_is_text_with_its_line_breaks(text: str) -> None:
    field = Parsed(escape.anki_field(text))
    assert set(field.tags) <= {"br"}
    assert field.text == text


XML_CHARACTER = re.compile("[\ufffe\uffff]")
"""Not characters in XML 1.0; the facts file's loader accepts them (see the report on #27)."""


@PROPERTY
@given(facts_text.filter(lambda text: not XML_CHARACTER.search(text)))
def test_a_feel_string_in_dmn_xml_reads_back_as_the_text(text: str) -> None:
    root = ET.Element("text")
    root.text = escape.feel_string(text)
    parsed = ET.fromstring(ET.tostring(root, encoding="unicode"))
    assert len(parsed) == 0
    literal = re.fullmatch(r'"((?:[^"\\]|\\.)*)"', parsed.text or "", re.DOTALL)
    assert literal is not None
    assert re.sub(r"\\(.)", r"\1", literal.group(1), flags=re.DOTALL) == text


def html_escape_calls(source: str) -> list[str]:
    return [match.group(0) for match in HTML_ESCAPE.finditer(source)]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("x = html.escape(text)", ["html.escape("]),
        ("from html import escape, unescape", ["from html import escape"]),
        ("from xml.sax.saxutils import quoteattr", ["xml.sax.saxutils"]),
        ("text = html.unescape(line)", []),
    ],
    ids=["html.escape", "from html import escape", "saxutils", "unescape is not escaping"],
)
def test_the_scan_finds_escaping(source: str, found: list[str]) -> None:
    assert html_escape_calls(source) == found


def test_only_the_escaping_module_escapes() -> None:
    """Every other module calls chipwise.render.escape: one function per context, one place to fix."""
    modules = sorted((ROOT / "src").rglob("*.py"))
    assert ESCAPING_MODULE in modules
    found = {str(path.relative_to(ROOT)): html_escape_calls(path.read_text(encoding="utf-8")) for path in modules if path != ESCAPING_MODULE}
    assert {path: calls for path, calls in found.items() if calls} == {}
    assert html_escape_calls(ESCAPING_MODULE.read_text(encoding="utf-8"))


def test_the_escaping_module_imports_nothing_of_chipwise() -> None:
    """Every layer may use it (study's Anki deck does), so it stands below them all."""
    tree = ast.parse(ESCAPING_MODULE.read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert imported and not [name for name in imported if name.startswith("chipwise")]

