"""Tables are wrapped at build time; tables with attributes of their own are left as they are. Material's
script tag becomes a loader that runs after the first paint, or the build stops."""

from __future__ import annotations

import json

import pytest

from chipwise.site.page_html import TABLE_CLASS, ThemeScriptError, load_theme_script_after_first_paint, prewrap_tables, strip_style_comments

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


BUNDLE_TAG = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'


def test_materials_script_tag_becomes_a_loader_that_waits_for_the_first_paint() -> None:
    page = f"<body><p>text</p>{BUNDLE_TAG}<script src=\"../javascripts/helper.js\" defer></script></body>"
    loaded = load_theme_script_after_first_paint(page)
    assert BUNDLE_TAG not in loaded
    assert f"script.src = {json.dumps('../assets/javascripts/bundle.a5f9d56c.min.js')};" in loaded
    assert "requestAnimationFrame(function () { setTimeout(load); });" in loaded
    assert loaded.startswith("<body><p>text</p><script>") and loaded.endswith('<script src="../javascripts/helper.js" defer></script></body>')


def test_a_page_without_materials_script_is_unchanged() -> None:
    assert load_theme_script_after_first_paint("<p>an embed</p>") == "<p>an embed</p>"


@pytest.mark.parametrize(
    "page",
    [
        '<script src="assets/javascripts/bundle.a5f9d56c.min.js" defer></script>',
        BUNDLE_TAG + BUNDLE_TAG,
        '<link rel="preload" href="assets/javascripts/bundle.a5f9d56c.min.js">' + BUNDLE_TAG,
    ],
    ids=["changed attributes", "twice", "also preloaded"],
)
def test_an_unknown_shape_of_materials_script_stops_the_build(page: str) -> None:
    with pytest.raises(ThemeScriptError, match=r"has Material changed how base\.html loads it"):
        load_theme_script_after_first_paint(page)


def test_comments_leave_inline_styles_and_nothing_else() -> None:
    page = (
        "<style>/* what the badges are */\n.badge { color: red; } /* two\nlines */ a::after { content: \"x\"; }</style>"
        "<p>/* prose about CSS stays */</p><style media=\"print\">/* print */ nav { display: none; }</style>"
    )
    assert strip_style_comments(page) == (
        '<style>\n.badge { color: red; }  a::after { content: "x"; }</style>'
        '<p>/* prose about CSS stays */</p><style media="print"> nav { display: none; }</style>'
    )
