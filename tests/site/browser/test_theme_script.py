"""Material's script is loaded as Material writes it, and nothing of Material's is patched: no page
rewrites the bundle's tag, overrides a DOM method or chooses the palette itself. With Material in charge,
it starts once, search works and has an accessible name, the palette toggle works, and the palette
follows the reader's system theme."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.site.browser.support import open_page
from tests.support import PAGES, is_embed, nonempty

pytestmark = pytest.mark.browser

BUNDLE = "**/assets/javascripts/bundle.*.min.js"
# Counts what Material's document$ emits (each emission starts every component once more), and records when the
# bundle assigned it: Material's start.
COUNT_DOCUMENT_EMISSIONS = """
Object.defineProperty(window, "document$", {
  configurable: true,
  get() { return this.__chipwiseDocument$; },
  set(subject) {
    this.__chipwiseDocument$ = subject;
    window.__materialStartedAt = performance.now();
    window.__documentEmissions = 0;
    subject.subscribe(() => { window.__documentEmissions += 1; });
  },
});
"""
# Records, at each step of loading, whether anything has put its own setAttribute on <body> or its prototype.
WATCH_SET_ATTRIBUTE = """
window.__patched = [];
const original = Element.prototype.setAttribute;
const check = step => {
  if (Element.prototype.setAttribute !== original || (document.body && Object.prototype.hasOwnProperty.call(document.body, "setAttribute")))
    window.__patched.push(step);
};
document.addEventListener("readystatechange", () => check(document.readyState));
document.addEventListener("DOMContentLoaded", () => check("DOMContentLoaded"));
window.addEventListener("load", () => { check("load"); setTimeout(() => check("after load"), 200); });
"""


def _material_started(page: Page) -> int:
    page.wait_for_function("() => window.__documentEmissions >= 1")
    page.wait_for_timeout(300)
    return int(page.evaluate("() => window.__documentEmissions"))


OUR_INLINE_SCRIPT = '<script>document.querySelector("[data-md-component=search][role=dialog]").setAttribute("aria-label", "Search")</script>'


def _materials_inline_scripts() -> list[re.Pattern[str]]:
    """The inline scripts in Material's templates, each as a pattern with its Jinja expressions as wildcards."""
    patterns = []
    for template in Path(str(files("material") / "templates")).rglob("*.html"):
        for match in re.finditer(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.DOTALL):
            parts = re.split(r"{{.*?}}", match.group(1), flags=re.DOTALL)
            patterns.append(re.compile(".*?".join(re.escape(part) for part in parts), re.DOTALL))
    return patterns


def test_every_page_runs_materials_scripts_as_material_writes_them_and_one_line_of_ours(built_site: Path) -> None:
    """No loader in place of the bundle's tag, no palette of our own: every inline script is Material's, but one.
    (The 404 page is the exception, with its own test: it finds the site's root before it loads anything.)"""
    materials = _materials_inline_scripts()
    for name in nonempty(PAGES):
        html = (built_site / name).read_text(encoding="utf-8")
        bundles = re.findall(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>', html)
        embed = is_embed(name)
        assert len(bundles) == (0 if embed else 1), name
        assert html.count(OUR_INLINE_SCRIPT) == (0 if embed else 1), name
        inline = re.findall(r"<script>(.*?)</script>", html.replace(OUR_INLINE_SCRIPT, ""), re.DOTALL)
        assert inline or embed, name
        assert [script[:80] for script in inline if not any(pattern.fullmatch(script) for pattern in nonempty(materials))] == [], name


@pytest.mark.parametrize("path", ["", "quiz/choosing/", "helper/"])
def test_the_first_paint_comes_after_material_has_started_the_page(browser: Browser, site_url: str, path: str) -> None:
    """overrides/main.html holds the first paint until the parser has passed Material's scripts, so no reader sees a
    page whose search, tabs and forms are not working yet (and Lighthouse counts no start-up after the first paint).
    Without the hold, Chromium here painted the top of a long page before the bundle had run."""
    page, log = open_page(browser, "about:blank")
    try:
        page.add_init_script(COUNT_DOCUMENT_EMISSIONS)
        page.goto(site_url + path, wait_until="load")
        page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length === 1")
        started = page.evaluate("() => window.__materialStartedAt")
        painted = page.evaluate("() => performance.getEntriesByName('first-contentful-paint')[0].startTime")
        assert started is not None and started < painted, (started, painted)
        assert log.problems() == []
    finally:
        page.context.close()


def test_material_starts_once_and_nothing_patches_the_dom(browser: Browser, site_url: str) -> None:
    page, log = open_page(browser, "about:blank")
    try:
        page.add_init_script(COUNT_DOCUMENT_EMISSIONS)
        page.add_init_script(WATCH_SET_ATTRIBUTE)
        page.goto(site_url + "sources/", wait_until="networkidle")
        assert _material_started(page) == 1
        assert page.evaluate("() => window.__patched") == []
        assert log.problems() == []
    finally:
        page.context.close()


def test_search_finds_pages(browser: Browser, site_url: str) -> None:
    page, log = open_page(browser, site_url + "glossary/")
    try:
        page.locator("input.md-search__input").click()
        page.keyboard.type("Trainium")
        results = page.locator(".md-search-result__item")
        results.first.wait_for()
        assert results.count() >= 3
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_search_dialog_is_named_by_the_page_itself(browser: Browser, site_url: str) -> None:
    """The name comes from overrides/main.html, not from Material's script: it is there with the script blocked."""
    page, _ = open_page(browser, "about:blank")
    try:
        page.route(BUNDLE, lambda route: route.abort())
        page.goto(site_url, wait_until="domcontentloaded")
        assert page.evaluate("() => window.component$") is None
        assert page.get_by_role("dialog", name="Search", include_hidden=True).count() == 1
    finally:
        page.context.close()


def test_palette_toggle_switches_to_dark_and_back(browser: Browser, site_url: str) -> None:
    page, log = open_page(browser, site_url, color_scheme="light")
    try:
        page.wait_for_function("() => window.component$ !== undefined")
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == "default"
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
        assert log.problems() == []
    finally:
        page.context.close()


def test_palette_follows_the_system_theme(browser: Browser, site_url: str) -> None:
    """Material's own palette handling, with the palettes of mkdocs.yml: the reader's system theme on a first visit."""
    for scheme, expected in (("dark", "slate"), ("light", "default")):
        page, _ = open_page(browser, "about:blank", color_scheme=scheme)
        try:
            page.goto(site_url, wait_until="load")
            page.wait_for_function("() => window.component$ !== undefined")
            assert page.evaluate("() => document.body.dataset.mdColorScheme") == expected, scheme
            visible = page.locator("form[data-md-component=palette] label:not([hidden])")
            assert visible.count() == 1
            assert visible.get_attribute("title") == ("Switch to light mode" if scheme == "dark" else "Switch to dark mode")
        finally:
            page.context.close()
