"""Material's script loads after the first paint (chipwise.site.page_html), and the site still works with it:
Material starts once whichever comes first, the script or DOMContentLoaded; search and the palette
toggle work; and the palette follows the reader's system theme before the script arrives."""

from __future__ import annotations

import http.server
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.site.browser.support import open_page, serving_on_loopback
from tests.support import PAGES

pytestmark = pytest.mark.browser

BUNDLE = "**/assets/javascripts/bundle.*.min.js"
# Counts what Material's document$ emits: each emission starts every component once more.
COUNT_DOCUMENT_EMISSIONS = """
Object.defineProperty(window, "document$", {
  configurable: true,
  get() { return this.__chipwiseDocument$; },
  set(subject) {
    this.__chipwiseDocument$ = subject;
    window.__documentEmissions = 0;
    subject.subscribe(() => { window.__documentEmissions += 1; });
  },
});
"""


def _material_started(page: Page) -> int:
    page.wait_for_function("() => window.__documentEmissions >= 1")
    page.wait_for_timeout(300)
    return int(page.evaluate("() => window.__documentEmissions"))


def test_no_page_waits_for_materials_script_before_painting(built_site: Path) -> None:
    for name in [*PAGES, "404.html"]:
        html = (built_site / name).read_text(encoding="utf-8")
        assert not re.search(r'<script src="[^"]*bundle\.[0-9a-f]+\.min\.js"', html), name
        if "embed/" not in name:
            assert "window.document$.next(document)" in html, name


def test_material_starts_once_when_its_script_comes_after_domcontentloaded(browser: Browser, site_url: str) -> None:
    page, log = open_page(browser, "about:blank")
    try:
        page.add_init_script(COUNT_DOCUMENT_EMISSIONS)
        page.goto(site_url, wait_until="networkidle")
        assert page.evaluate("() => document.readyState") == "complete"
        assert _material_started(page) == 1
        assert log.problems() == []
    finally:
        page.context.close()


@contextmanager
def _slow_server(body: bytes, delay: float) -> Iterator[str]:
    """A loopback server that answers every request with `body` after `delay` seconds."""

    class Slow(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(delay)
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    with serving_on_loopback(Slow) as address:
        yield address + "/"


def test_material_starts_once_when_its_script_comes_before_domcontentloaded(browser: Browser, site_url: str, built_site: Path) -> None:
    """A deferred script that arrives late holds DOMContentLoaded back while the page paints and loads Material."""
    page, log = open_page(browser, "about:blank")
    with _slow_server((built_site / "javascripts" / "helper.js").read_bytes(), delay=1.5) as slow_url:
        try:
            page.add_init_script(COUNT_DOCUMENT_EMISSIONS)
            page.add_init_script("document.addEventListener('DOMContentLoaded', () => { window.__materialBeforeEvent = !!window.component$; });")
            page.route("**/javascripts/helper.js", lambda route: route.continue_(url=slow_url + "helper.js"))
            page.goto(site_url + "helper/", wait_until="networkidle")
            assert page.evaluate("() => window.__materialBeforeEvent") is True
            assert _material_started(page) == 1
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


RECORD_BODY_ATTRIBUTE_WRITES = """
window.__bodyWrites = [];
document.addEventListener("readystatechange", () => {
  if (window.__watchingBody) return;
  window.__watchingBody = true;
  new MutationObserver(records => records.forEach(record => window.__bodyWrites.push(record.attributeName)))
    .observe(document.body, { attributes: true });
}, { once: true });
"""


def test_palette_toggle_switches_to_dark_and_back(browser: Browser, site_url: str) -> None:
    """Material's start-up skips its no-op palette writes; the reader's switches still turn transitions off."""
    page, log = open_page(browser, "about:blank")
    try:
        page.add_init_script(RECORD_BODY_ATTRIBUTE_WRITES)
        page.goto(site_url, wait_until="networkidle")
        page.wait_for_function("() => window.component$ !== undefined")
        page.wait_for_timeout(300)
        assert "data-md-color-switching" not in page.evaluate("() => window.__bodyWrites")
        assert page.evaluate("() => Object.prototype.hasOwnProperty.call(document.body, 'setAttribute')") is False
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == "default"
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.wait_for_function("() => window.__bodyWrites.includes('data-md-color-switching')")
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
        assert log.problems() == []
    finally:
        page.context.close()


def test_palette_follows_the_system_theme_before_materials_script(browser: Browser, site_url: str) -> None:
    """With Material's script held back entirely, the page already paints in the reader's theme."""
    for scheme, expected in (("dark", "slate"), ("light", "default")):
        page, _ = open_page(browser, "about:blank", color_scheme=scheme)
        try:
            page.route(BUNDLE, lambda route: route.abort())
            page.goto(site_url, wait_until="domcontentloaded")
            assert page.evaluate("() => window.component$") is None
            assert page.evaluate("() => document.body.dataset.mdColorScheme") == expected, scheme
            visible = page.locator("form[data-md-component=palette] label:not([hidden])")
            assert visible.count() == 1
            assert visible.get_attribute("title") == ("Switch to light mode" if scheme == "dark" else "Switch to dark mode")
        finally:
            page.context.close()
