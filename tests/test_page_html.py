"""Tables are wrapped at build time; tables with attributes of their own are left as they are."""

from __future__ import annotations

from chipwise.page_html import TABLE_CLASS, prewrap_tables

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
