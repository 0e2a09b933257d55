"""Every page in a real browser: no errors, no third-party request, accessible, printable, phone-sized."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from chipwise.guide.model import Facts
from tests.site.browser.support import open_page
from tests.support import PAGES

pytestmark = pytest.mark.browser

URLS = [page.removesuffix("index.html") for page in PAGES]
FLOWCHART_PAGES = {"choosing/", "cheat-sheet/", "embed/flowchart/"}
axe = Axe()


@pytest.mark.parametrize("path", URLS, ids=lambda path: path or "home")
def test_page_loads_cleanly_offline(browser: Browser, site_url: str, path: str) -> None:
    page, log = open_page(browser, site_url + path)
    try:
        assert log.problems() == []
        text = page.evaluate(
            "() => { const body = document.body.cloneNode(true); body.querySelectorAll('pre').forEach(pre => pre.remove()); return body.innerText; }"
        )
        for leftover in ("{{", "{%", "Macro Rendering Error"):
            assert leftover not in text
        if path in FLOWCHART_PAGES:
            flowcharts = page.locator("svg.chipwise-flow").all()
            assert len(flowcharts) == 2, "one flowchart per table of the decision graph"
            for flowchart in flowcharts:
                assert flowchart.is_visible()
                box = flowchart.bounding_box()
                assert box is not None and box["width"] > 300 and box["height"] > 100
    finally:
        page.context.close()


@pytest.mark.parametrize("missing", ["no-such-page/", "quiz/no/such/page", "a/b/c/d/e.html"])
def test_404_page_works_at_any_depth_under_the_subpath(browser: Browser, site_url: str, missing: str) -> None:
    """The default build (no site address with a path) served as a project site: its 404 page finds its root."""
    page, log = open_page(browser, site_url + missing)
    try:
        # The missing page itself answers 404, and so do the probes for 404.html in the folders between it and
        # the root; nothing else may fail.
        folders_between = missing.rstrip("/").count("/") + (1 if missing.endswith("/") else 0)
        probes = {f"HTTP 404: {site_url}{missing.rsplit('/', depth)[0]}/404.html" for depth in range(1, folders_between + 1)}
        assert set(log.failed_requests) == {f"HTTP 404: {site_url}{missing}"} | probes
        assert log.console_errors == ["console error: Failed to load resource: the server responded with a status of 404 (Not Found)"] * (1 + len(probes))
        assert log.page_errors == [] and log.foreign_requests == []
        assert "404" in page.locator("article").inner_text()
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", "Material's stylesheet applied"
        assert page.evaluate("document.querySelector('a.md-header__button.md-logo').href") == site_url
        assert page.evaluate("document.querySelector('.md-nav__link[href]').href").startswith(site_url)
        # Material's script ran from the root too: its search opens and finds a page.
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").press_sequentially("Trainium")
        page.locator(".md-search-result__item").first.wait_for()
        assert page.evaluate("document.querySelector('.md-search-result__item a').href").startswith(site_url)
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", URLS, ids=lambda path: path or "home")
def test_axe_finds_no_violations(browser: Browser, site_url: str, path: str, scheme: str) -> None:
    page, _ = open_page(browser, site_url + path, color_scheme=scheme)
    try:
        # Entries below the fold are skipped by content-visibility until a reader scrolls to them; axe must see
        # them rendered, as a reader does, or it reads their colours against a wrong background.
        page.add_style_tag(content="* { content-visibility: visible !important; }")
        results = axe.run(page)
        violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})" for v in results.response["violations"]]
        assert violations == []
    finally:
        page.context.close()


@pytest.mark.parametrize("path", URLS, ids=lambda path: path or "home")
def test_page_prints_without_navigation_chrome(browser: Browser, site_url: str, path: str) -> None:
    page, _ = open_page(browser, site_url + path)
    try:
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
            for element in page.locator(chrome).all():  # may be empty: the embed pages have no navigation chrome
                assert element.evaluate("element => getComputedStyle(element).display") == "none", chrome
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
    finally:
        page.context.close()


@pytest.mark.parametrize("path", URLS, ids=lambda path: path or "home")
def test_tables_stay_readable_on_a_phone(browser: Browser, site_url: str, path: str) -> None:
    page, _ = open_page(browser, site_url + path, width=360, height=740)
    try:
        page_width = page.evaluate("document.documentElement.scrollWidth")
        assert page_width <= 360, "the page itself scrolls sideways"
        for table in page.locator("article table").all():  # may be empty: a page without tables has none to scroll
            wrapper_overflow = table.evaluate("t => getComputedStyle(t.closest('.md-typeset__scrollwrap') || t.parentElement).overflowX")
            table_width = table.evaluate("t => t.getBoundingClientRect().width")
            assert table_width <= 360 or wrapper_overflow in ("auto", "scroll")
    finally:
        page.context.close()


def _tab_until_flowchart_link(page: Page, limit: int = 200) -> str:
    for _ in range(limit):
        page.keyboard.press("Tab")
        rule = page.evaluate("document.activeElement && document.activeElement.getAttribute('data-rule')")
        if rule:
            return str(rule)
    raise AssertionError(f"no flowchart link reached in {limit} presses of Tab")


def test_keyboard_reaches_every_flowchart_outcome_and_follows_it(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "choosing/")
    try:
        links = page.locator("svg.chipwise-flow a")
        total = links.count()
        rules = {str(link.get_attribute("data-rule")) for link in links.all()}
        reached = [_tab_until_flowchart_link(page)]
        for _ in range(total - 1):
            page.keyboard.press("Tab")
            reached.append(str(page.evaluate("document.activeElement.getAttribute('data-rule')")))
        assert set(reached) == rules == {rule.id for rule in facts.decision.rules}
        page.keyboard.press("Shift+Tab")
        target = page.evaluate("document.activeElement.getAttribute('data-rule')")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**#rule-{target}")
    finally:
        page.context.close()


@pytest.mark.parametrize("embed", ["embed/key-numbers/", "embed/comparison/", "embed/flowchart/"])
def test_embed_works_inside_an_iframe_on_another_site(browser: Browser, site_url: str, embed: str) -> None:
    # The embedding page is another origin: the same server reached as localhost instead of 127.0.0.1.
    page, log = open_page(browser, site_url.replace("127.0.0.1", "localhost") + "glossary/")
    try:
        page.set_content(f'<h1>Another study guide</h1><iframe src="{site_url}{embed}" title="chipwise" style="width:100%;height:40rem"></iframe>')
        frame = page.frame_locator("iframe")
        frame.locator("article h1").wait_for()
        assert frame.locator(".md-header").count() == 0 and frame.locator(".md-sidebar--primary").count() == 0
        assert frame.locator("script[src]").count() == 0
        if embed == "embed/flowchart/":
            assert frame.locator("svg.chipwise-flow").first.is_visible()
        else:
            assert frame.locator("article table").first.is_visible()
        assert log.problems() == []
    finally:
        page.context.close()
