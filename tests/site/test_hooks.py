"""The hooks' page-level work: an embed's canonical URL is its full page's, and a wrong name stops the
build with the page's name; a finished page keeps Material's script tag as Material wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from chipwise.site.hooks import on_page_context, on_post_page

SITE_URL = "https://example.org/chipwise/"


def _page(path: str, config: MkDocsConfig, meta: dict[str, str] | None = None) -> Page:
    page = Page(None, File(path, "docs", "site", use_directory_urls=True), config)
    page._set_canonical_url(SITE_URL)
    page.meta = meta or {}
    return page


@pytest.fixture
def config(tmp_path: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "test", "site_url": SITE_URL, "docs_dir": str(tmp_path)})
    return config


def test_an_embed_points_search_engines_at_its_full_page(config: MkDocsConfig) -> None:
    choosing = _page("choosing.md", config)
    embed = _page("embed/flowchart.md", config, {"canonical_page": "choosing.md"})
    on_page_context({}, page=embed, nav=Navigation([choosing], [choosing]))
    assert embed.canonical_url == "https://example.org/chipwise/choosing/"


def test_a_page_without_canonical_page_keeps_its_own(config: MkDocsConfig) -> None:
    choosing = _page("choosing.md", config)
    on_page_context({}, page=choosing, nav=Navigation([choosing], [choosing]))
    assert choosing.canonical_url == "https://example.org/chipwise/choosing/"


def test_a_canonical_page_that_is_not_in_the_navigation_stops_the_build(config: MkDocsConfig) -> None:
    choosing = _page("choosing.md", config)
    embed = _page("embed/flowchart.md", config, {"canonical_page": "chosing.md"})
    with pytest.raises(PluginError, match=r"embed/flowchart\.md: canonical_page: 'chosing\.md' is not a page in the navigation \(choosing\.md\)"):
        on_page_context({}, page=embed, nav=Navigation([choosing], [choosing]))


def test_a_finished_page_keeps_materials_script_tag_and_loses_style_comments(config: MkDocsConfig) -> None:
    bundle = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    html = f"<head><style>/* ours */ p {{ color: red; }}</style></head><body><p>text</p>{bundle}</body>"
    assert on_post_page(html, page=_page("quiz.md", config)) == f"<head><style> p {{ color: red; }}</style></head><body><p>text</p>{bundle}</body>"
