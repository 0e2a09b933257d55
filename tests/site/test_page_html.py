"""Tables are wrapped at build time; tables with attributes of their own are left as they are; inline
styles lose their comments. The theme overrides stay thin: each one extends Material through its
documented blocks, and Material's originals of what they extend are pinned, so an upgrade that changes
them fails here until the overrides are checked against the new version."""

from __future__ import annotations

import hashlib
import re
from importlib.resources import files
from pathlib import Path

import pytest

from chipwise.site.page_html import TABLE_CLASS, prewrap_tables, strip_style_comments
from tests.support import PAGES, ROOT, is_embed, nonempty

WRAP = f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="{TABLE_CLASS}" tabindex="0">'


def test_plain_tables_are_wrapped_and_closed() -> None:
    html = "<p>a</p><table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>"
    assert prewrap_tables(html) == (
        f"<p>a</p>{WRAP}<tr><td>1</td></tr></table></div></div>{WRAP}<tr><td>2</td></tr></table></div></div>"
    )


def test_tables_with_attributes_and_nested_tables_keep_their_shape() -> None:
    html = '<table class="highlighttable"><tr><td><table><tr><td>x</td></tr></table></td></tr></table>'
    assert prewrap_tables(html) == (
        f'<table class="highlighttable"><tr><td>{WRAP}<tr><td>x</td></tr></table></div></div></td></tr></table>'
    )


def test_page_without_tables_is_unchanged() -> None:
    assert prewrap_tables("<p>no tables</p>") == "<p>no tables</p>"


def test_comments_leave_inline_styles_and_nothing_else() -> None:
    page = (
        "<style>/* what the badges are */\n.badge { color: red; } /* two\nlines */ a::after { content: \"x\"; }</style>"
        "<p>/* prose about CSS stays */</p><style media=\"print\">/* print */ nav { display: none; }</style>"
    )
    assert strip_style_comments(page) == (
        '<style>\n.badge { color: red; }  a::after { content: "x"; }</style>'
        '<p>/* prose about CSS stays */</p><style media="print"> nav { display: none; }</style>'
    )


OVERRIDES = ROOT / "overrides"
MATERIAL_TEMPLATES = files("material") / "templates"
# The one line of script overrides/main.html adds to every page (its scripts block), as built.
ARIA_LABEL_LINE = '<script>document.querySelector("[data-md-component=search][role=dialog]").setAttribute("aria-label", "Search")</script>'
# What holds a page's first paint until the parser has passed Material's scripts: a link in the head, a marker after them.
FIRST_PAINT_LINK = '<link rel="expect" href="#chipwise-after-material" blocking="render">'
FIRST_PAINT_MARKER = '<div id="chipwise-after-material" hidden></div>'
# sha256 of the installed Material's (9.8.2) templates that the overrides rely on:
# main.html is replaced by overrides/main.html (Material's own is one line, `extends "base.html"`);
# base.html holds every block the overrides fill (styles, header, extrahead, site_nav, footer, config, scripts);
# partials/header.html includes the search dialog inside the header block, and partials/search.html is the
# dialog that overrides/main.html names (aria-label) in the scripts block, after Material's own scripts.
# A new Material version that changes one of these fails the test below: read the new original, check
# the override against it (and the browser tests), then record the new hash.
MATERIAL_ORIGINALS = {
    "main.html": "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0",
    "base.html": "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
}
_BLOCK = re.compile(r"{%-?\s*block\s+(\w+)\s*-?%}(.*?){%-?\s*endblock\b", re.DOTALL)


def _blocks(template: str) -> dict[str, str]:
    return {match.group(1): match.group(2) for match in _BLOCK.finditer(template)}


@pytest.mark.parametrize("name", sorted(MATERIAL_ORIGINALS))
def test_materials_originals_of_what_the_overrides_extend_are_unchanged(name: str) -> None:
    digest = hashlib.sha256((MATERIAL_TEMPLATES / name).read_bytes()).hexdigest()
    assert digest == MATERIAL_ORIGINALS[name], (
        f"Material's {name} has changed (installed {digest}); check overrides/ against it, then update MATERIAL_ORIGINALS"
    )


def test_no_override_is_a_copy_of_a_material_template_except_main_html() -> None:
    """Material documents main.html as the file to override; anything else shadowing a Material template
    would be a copy of it that silently stops following Material's changes."""
    ours = {path.relative_to(OVERRIDES).as_posix() for path in OVERRIDES.rglob("*") if path.is_file()}
    shadowing = {name for name in ours if (MATERIAL_TEMPLATES / name).is_file()}
    assert shadowing == {"main.html"}
    assert set(MATERIAL_ORIGINALS) >= shadowing


@pytest.mark.parametrize("name", ["main.html", "embed.html"])
def test_each_override_extends_a_template_and_fills_only_blocks_base_html_has(name: str) -> None:
    template = (OVERRIDES / name).read_text(encoding="utf-8")
    base_blocks = _blocks((MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8"))
    assert re.search(r'{%\s*extends\s+"(base|main)\.html"\s*%}', template)
    ours = _blocks(template)
    assert ours and set(ours) <= set(base_blocks)


def test_main_html_adds_to_materials_blocks_and_never_replaces_them() -> None:
    """Each block of main.html keeps Material's content (super()); only the embed page empties blocks."""
    blocks = _blocks((OVERRIDES / "main.html").read_text(encoding="utf-8"))
    assert blocks
    assert [name for name, body in blocks.items() if "{{ super() }}" not in body] == []


def test_the_dialog_main_html_names_is_in_materials_search_partial(built_site: Path) -> None:
    search = (MATERIAL_TEMPLATES / "partials" / "search.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="md-search" data-md-component="search" role="dialog">', search)
    page = (built_site / "index.html").read_text(encoding="utf-8")
    dialog = page.index('data-md-component="search" role="dialog"')
    script = page.index(ARIA_LABEL_LINE)
    assert dialog < script


def test_every_page_but_the_embeds_waits_to_paint_until_the_parser_has_passed_materials_scripts(built_site: Path) -> None:
    """The link is in the head, where a page may block its rendering; the marker it waits for comes after Material's
    bundle and the aria-label line, so the first paint cannot fall between the content and Material's start-up
    (overrides/main.html). Embeds load no script and wait for nothing."""
    for name in nonempty(PAGES):
        page = (built_site / name).read_text(encoding="utf-8")
        embed = is_embed(name)
        assert (page.count(FIRST_PAINT_LINK), page.count(FIRST_PAINT_MARKER)) == ((0, 0) if embed else (1, 1)), name
        if not embed:
            assert page.index(FIRST_PAINT_LINK) < page.index("</head>"), name
            bundle = page.index("assets/javascripts/bundle.")
            assert page.index("<article") < bundle < page.index(ARIA_LABEL_LINE) < page.index(FIRST_PAINT_MARKER), name
            assert page.count('id="chipwise-after-material"') == 1, name
