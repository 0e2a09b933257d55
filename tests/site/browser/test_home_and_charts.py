"""The home page's ways in, the navigation's order, and the charts, in a real browser at a phone's and a desktop's width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from chipwise.guide.model import Facts
from chipwise.render import charts
from tests.site.browser.support import open_page
from tests.support import nonempty

pytestmark = pytest.mark.browser

SCREENS = [pytest.param(390, 844, id="phone"), pytest.param(1440, 900, id="desktop")]
WAYS_IN = [
    ["#the-exam-rule", "cheat-sheet/", "quiz/"],
    ["helper/", "choosing/#sizing-a-model", "benchmarks/", "calculator/"],
]
"""The candidate's path, then the engineer's."""
CHART_PAGES = ["benchmarks/", "inferentia-vs-trainium/", "choosing/"]
CHART_TEXT_PX = 12
"""No chart text smaller than the page's small print: Material sets the root at 20 px, and its smallest text at 0.6rem or more."""
SMALLEST_TEXT_PX = """svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return Math.min(...Array.from(svg.querySelectorAll("text"), text => parseFloat(getComputedStyle(text).fontSize) * scale));
}"""
"""The smallest text in a chart as drawn on the screen, in CSS pixels: its font size times the drawing's scale."""


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_home_shows_each_reader_a_way_in_above_the_fold(browser: Browser, site_url: str, width: int, height: int) -> None:
    page, log = open_page(browser, site_url, width=width, height=height)
    try:
        cards = page.locator("article .grid.cards > ul > li")
        assert cards.count() == len(WAYS_IN)
        for index, expected in enumerate(WAYS_IN):
            card = cards.nth(index)
            box = card.bounding_box()
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, f"card {index + 1} is below the fold: {box}"
            hrefs = card.locator("ol a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
            assert [href.removeprefix("./") for href in hrefs] == expected
            assert card.locator("svg").count() == 1, "each card has its icon"
        assert log.problems() == []
    finally:
        page.context.close()


def test_maintainer_pages_come_last_in_one_section(browser: Browser, site_url: str) -> None:
    page, _ = open_page(browser, site_url, width=1440, height=900)
    try:
        sections = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item")
        last = sections.last
        assert last.locator("> .md-nav__link, > label.md-nav__link").first.inner_text().strip() == "For maintainers"
        titles = [text.strip() for text in last.locator(".md-nav__item .md-nav__link").all_inner_texts()]
        assert titles == ["Embed and reuse", "Quality", "Performance"]
    finally:
        page.context.close()


def _luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), SCREENS)
@pytest.mark.parametrize("path", CHART_PAGES)
def test_each_chart_is_a_named_image_with_its_figures_and_readable_in_the_scheme(
    browser: Browser, site_url: str, path: str, width: int, height: int, scheme: str
) -> None:
    page, log = open_page(browser, site_url + path, width=width, height=height, color_scheme=scheme)
    try:
        figures = page.locator("figure.chipwise-chart")
        assert figures.count() >= 1
        background = page.evaluate("getComputedStyle(document.querySelector('.md-main')).backgroundColor")
        body = page.evaluate("getComputedStyle(document.body).backgroundColor")
        background = background if "rgba(0, 0, 0, 0)" not in background else body
        for figure in nonempty(figures.all()):
            figure.scroll_into_view_if_needed()
            svg = figure.locator("svg").first
            title = svg.locator("> title").text_content()
            assert title and page.get_by_role("img", name=title, exact=True).count() == 1
            description = svg.locator("> desc").text_content()
            assert description and svg.evaluate("svg => document.getElementById(svg.getAttribute('aria-describedby')).textContent") == description
            assert figure.locator("figcaption").inner_text() == title
            box = svg.bounding_box()
            frame = figure.locator(".chipwise-chart-scroll").bounding_box()
            assert box is not None and box["width"] > min(300, width - 40)
            assert frame is not None and frame["x"] + frame["width"] <= width, f"{title}: its frame is wider than the screen"
            smallest = svg.evaluate(SMALLEST_TEXT_PX)
            assert smallest >= CHART_TEXT_PX, f"{title}: text drawn at {smallest:.1f} px"
            if box["width"] > frame["width"] + 1:
                assert figure.locator(".chipwise-chart-cue").is_visible(), f"{title}: it scrolls sideways without saying so"
            has_table = figure.locator("details table").count() == 1 or figure.evaluate(
                "figure => { let next = figure.nextElementSibling; return !!next && !!next.querySelector('table'); }"
            )
            assert has_table, f"{title}: no table of its figures beside or behind it"
            text_colour = svg.locator(".axis text").first.evaluate("text => getComputedStyle(text).fill")
            assert _contrast(text_colour, background) >= 4.5, (title, text_colour, background)
            series = svg.locator(".series.color-0 .reactive").first.evaluate("shape => getComputedStyle(shape).fill")
            assert _contrast(series, background) >= 3, (title, series, background)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_benchmarks_page_has_both_charts_for_each_kind_of_row(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    page, _ = open_page(browser, site_url + "benchmarks/")
    try:
        keys = page.locator("figure.chipwise-chart").evaluate_all("figures => figures.map(figure => figure.id)")
        expected = [f"chart-{kind}-{category.value}" for category in charts.benchmark_categories(facts.benchmarks) for kind in ("cost", "latency")]
        assert keys == expected
        first = page.locator("figure.chipwise-chart details").first
        first.locator("summary").click()
        assert first.locator("table").is_visible()
        assert first.locator("tbody tr").count() >= 1
    finally:
        page.context.close()
