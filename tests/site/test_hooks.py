"""The hooks' page-level work: an embed's canonical URL is its full page's, and a wrong name stops the
build with the page's name; a finished page keeps Material's script tag as Material wrote it; the 404 page
of a build without a subpath finds its root in the browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from chipwise.site.hooks import on_page_context, on_post_page, on_post_template

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


NOT_FOUND_PAGE = (
    '<head><meta charset="utf-8"><link rel="stylesheet" href="/assets/main.css">'
    '<script>__md_scope=new URL("/",location)</script></head>'
    '<body><a href="/.">home</a><a href="/quiz/">quiz</a><a href="https://example.org/x">out</a>'
    '<script id="__config" type="application/json">{"base": "/", "search": "/assets/search.js"}</script>'
    '<script src="/assets/bundle.js"></script></body>'
)


def _config_with(site_url: str, tmp_path: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "test", "site_url": site_url, "docs_dir": str(tmp_path)})
    return config


def test_the_404_page_of_a_build_without_a_subpath_finds_its_root_in_the_browser(tmp_path: Path) -> None:
    page = on_post_template(NOT_FOUND_PAGE, template_name="404.html", config=_config_with("http://127.0.0.1:8000/", tmp_path))
    assert '<meta charset="utf-8"><script>(function(){var folder=location.pathname' in page
    assert 'document.write("<link rel=\\"stylesheet\\" href=\\"assets/main.css\\">")' in page
    assert 'document.write("<script src=\\"assets/bundle.js\\"><\\/script>")' in page
    assert '<a href=".">home</a><a href="quiz/">quiz</a><a href="https://example.org/x">out</a>' in page
    assert '{"base": ".", "search": "assets/search.js"}' in page
    assert '__md_scope=new URL(".",document.baseURI)' in page
    assert 'href="/' not in page and 'src="/' not in page


def test_the_404_page_of_a_build_with_a_subpath_is_left_as_mkdocs_wrote_it(tmp_path: Path) -> None:
    built = NOT_FOUND_PAGE.replace('"/', '"/chipwise/')
    assert on_post_template(built, template_name="404.html", config=_config_with("https://example.org/chipwise/", tmp_path)) == built


def test_a_404_page_whose_markup_material_changed_stops_the_build(tmp_path: Path) -> None:
    changed = NOT_FOUND_PAGE.replace('__md_scope=new URL("/",location)', "__md_scope=somewhere_else")
    with pytest.raises(PluginError, match=r"404.html: Material's markup changed; not found: \['__md_scope=new URL"):
        on_post_template(changed, template_name="404.html", config=_config_with("http://127.0.0.1:8000/", tmp_path))
