"""What the reader sees, measured in a real browser at a phone's and a desktop's width, in both schemes: the cheat
sheet's cards and its printed page, the practice mode's fields, buttons and review, and the benchmarks page's
first screen and tables."""

from __future__ import annotations

import itertools
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page

from chipwise.guide.contract import CopyKey, columns
from chipwise.guide.model import Facts
from chipwise.render import benchmarks as render_benchmarks
from chipwise.render import cheat_sheet
from chipwise.study import practice
from chipwise.study.practice import QuestionType
from tests.site.browser.support import open_page
from tests.support import nonempty

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
SCHEMES = ["light", "dark"]
READABLE_CELL_PX = 200
"""A table cell on a phone at least this wide holds a few words a line, not one."""
PRINT_TEXT_PX = 9
"""On paper, no text of the cheat sheet under 9 CSS px (6.75 pt)."""


def _box(locator: Locator) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None, "not laid out"
    return box


def _broken_over_lines(elements: Locator) -> list[str]:
    """The texts of those elements that break over more than one line (an inline element has one box a line)."""
    assert elements.count() > 0
    return elements.evaluate_all("elements => elements.filter(element => element.getClientRects().length > 1).map(element => element.textContent)")


def _style(locator: Locator, name: str) -> str:
    return str(locator.evaluate(f"element => getComputedStyle(element).{name}"))


# --- The cheat sheet ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_cheat_sheets_tables_read_as_cards_on_a_phone(browser: Browser, site_url: str, facts: Facts, scheme: str) -> None:
    page, log = open_page(browser, site_url + "cheat-sheet/", color_scheme=scheme, **PHONE)
    try:
        cells = page.locator(".chipwise-cheatsheet td:has(.chipwise-card-label)")
        note_columns = columns(facts.page_copy[CopyKey.EXAM_NOTE_CLAIMS_COLUMNS])
        mapping_columns = columns(facts.page_copy[CopyKey.EXAM_MAPPING_CARD_COLUMNS])
        assert cells.count() == len(note_columns) * len(cheat_sheet.note_checks(facts)) + len(mapping_columns) * len(facts.exam.mapping)
        for cell in nonempty(cells.all()):
            assert _box(cell)["width"] >= READABLE_CELL_PX, cell.inner_text()
            assert cell.locator(".chipwise-card-label").is_visible()
        assert page.locator(".chipwise-cheatsheet table:not(:has(.chipwise-card-label)) th").first.is_visible(), "the rule's short table keeps its head"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_page_beyond_the_cheat_sheet_reads_as_cards_on_a_phone(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "beyond-the-cheat-sheet/", **PHONE)
    try:
        rows = page.locator(".chipwise-cards table tbody tr")
        assert rows.count() == sum(fact.scope == "aif-c01" and fact.is_number for fact in facts.facts.values())
        for cell in nonempty(page.locator(".chipwise-cards table td").all()):
            assert _box(cell)["width"] >= READABLE_CELL_PX, cell.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        page.context.close()


def test_the_cheat_sheet_shows_column_names_only_in_the_head_on_a_desktop(browser: Browser, site_url: str) -> None:
    page, _ = open_page(browser, site_url + "cheat-sheet/", **DESKTOP)
    try:
        labels = page.locator(".chipwise-card-label")
        assert all(not label.is_visible() for label in nonempty(labels.all()))
        assert page.locator(".chipwise-cheatsheet table:has(.chipwise-card-label) thead").first.is_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printed_cheat_sheet_prints_its_flowcharts_readably(browser: Browser, site_url: str, paper: str) -> None:
    page, _ = open_page(browser, site_url + "cheat-sheet/")
    try:
        page.emulate_media(media="print")
        assert len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper))) == 1
        outlines = page.locator(".chipwise-cheatsheet .chipwise-flow-outline")
        assert outlines.count() >= 1
        for outline in nonempty(outlines.all()):
            assert outline.is_visible(), "on paper the flowcharts print as their nested lists"
            assert float(_style(outline, "fontSize").removesuffix("px")) >= PRINT_TEXT_PX
        assert all(not drawing.is_visible() for drawing in nonempty(page.locator(".chipwise-cheatsheet svg.chipwise-flow").all()))
        smallest = page.evaluate(
            "() => Math.min(...Array.from(document.querySelectorAll('.chipwise-cheatsheet td, .chipwise-cheatsheet li, .chipwise-cheatsheet p'),"
            " element => parseFloat(getComputedStyle(element).fontSize)))"
        )
        assert smallest >= PRINT_TEXT_PX - 1  # the footer may be a little smaller than the rest
    finally:
        page.context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_verdict_badge_is_one_line(browser: Browser, site_url: str, size: dict[str, int]) -> None:
    page, _ = open_page(browser, site_url + "cheat-sheet/", **size)
    try:
        assert _broken_over_lines(page.locator(".chipwise-verdict")) == []
    finally:
        page.context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_helpers_sizing_fields_stand_under_their_questions(browser: Browser, site_url: str, size: dict[str, int]) -> None:
    page, _ = open_page(browser, site_url + "helper/", **size)
    try:
        for label in nonempty(page.locator(".chipwise-helper__sizing label").all()):
            field = label.locator("input, select")
            assert _box(field)["x"] == pytest.approx(_box(label)["x"], abs=1), "a field runs on after its question's text"
            assert _style(field, "borderTopStyle") == "solid"
    finally:
        page.context.close()


# --- The practice mode ------------------------------------------------------------------------------------------


def _enabled(page: Page) -> None:
    page.wait_for_selector(".chipwise-practice__controls:not([disabled])")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_practice_fields_are_labelled_bordered_and_one_per_line_on_a_phone(browser: Browser, site_url: str, scheme: str) -> None:
    page, _ = open_page(browser, site_url + "quiz/", color_scheme=scheme, **PHONE)
    try:
        _enabled(page)
        fields = page.locator('.chipwise-practice select, .chipwise-practice input[type="number"]')
        assert fields.count() == 3
        tops = []
        for field in nonempty(fields.all()):
            assert _style(field, "borderTopStyle") == "solid" and float(_style(field, "borderTopWidth").removesuffix("px")) >= 1
            assert _style(field, "borderTopColor") != _style(field, "backgroundColor")
            label = field.locator("xpath=ancestor::label[1]")
            assert label.inner_text().strip(), "each field has its label"
            assert _box(label)["y"] < _box(field)["y"], "the label sits above its field"
            tops.append(_box(field)["y"])
        assert tops == sorted(tops) and len(set(tops)) == len(tops), "one field per line"
        buttons = [_box(button) for button in page.locator(".chipwise-practice__controls .md-button").all()]
        gaps = [lower["y"] - (upper["y"] + upper["height"]) for upper, lower in itertools.pairwise(buttons)]
        assert gaps and min(gaps) >= 4, "stacked buttons keep a gap"
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_disabled_practice_button_looks_disabled(browser: Browser, site_url: str, scheme: str) -> None:
    page, _ = open_page(browser, site_url + "quiz/", color_scheme=scheme, **DESKTOP)
    try:
        _enabled(page)
        retry = page.locator('[data-action="retry"]')
        start = page.locator('.chipwise-practice button[type="submit"]')
        assert retry.is_disabled() and start.is_enabled()
        assert _style(retry, "backgroundColor") != _style(start, "backgroundColor")
        assert _style(retry, "borderTopStyle") == "dashed"
        assert _style(retry, "cursor") == "not-allowed"
    finally:
        page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_review_sets_the_key_and_a_wrong_pick_apart_from_the_other_options(browser: Browser, site_url: str, facts: Facts, scheme: str) -> None:
    page, _ = open_page(browser, site_url + "quiz/", color_scheme=scheme, **PHONE)
    try:
        _enabled(page)
        question = next(q for q in practice.all_questions(facts) if q.type is QuestionType.MULTIPLE_CHOICE)
        page.check('input[name="set"][value="type"]')
        page.select_option('select[name="type"]', QuestionType.MULTIPLE_CHOICE.value)
        page.click("text=Start practice")
        page.wait_for_selector("body.chipwise-practising")
        section = page.locator(f'section[data-id="{question.id}"]')
        wrong = (question.answer[0] + 1) % len(question.options)
        section.locator(f'input[value="{wrong}"]').check()
        page.click('[data-action="submit"]')
        page.click('[data-action="submit"]')
        key = section.locator(".chipwise-q__option--key")
        picked = section.locator(".chipwise-q__option--picked")
        plain = section.locator(".chipwise-q__options > li:not(.chipwise-q__option--key):not(.chipwise-q__option--picked)").first
        assert _style(key, "borderLeftStyle") == "solid" and _style(picked, "borderLeftStyle") == "dashed"
        assert _style(plain, "borderLeftStyle") == "none"
        assert _style(key, "backgroundColor") != _style(plain, "backgroundColor")
        why = key.locator(".chipwise-q__why")
        assert _style(why, "display") == "block" and _style(why, "borderLeftStyle") == "solid"
        assert _box(why)["y"] > _box(key.locator("label"))["y"], "the explanation sits under its option"
    finally:
        page.context.close()


# --- The choosing page's flowcharts ----------------------------------------------------------------------------


def _intersects(inner: dict[str, float], outer: dict[str, float]) -> bool:
    return (
        inner["x"] < outer["x"] + outer["width"] and outer["x"] < inner["x"] + inner["width"]
        and inner["y"] < outer["y"] + outer["height"] and outer["y"] < inner["y"] + inner["height"]
    )


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_each_flowchart_opens_on_its_first_question_at_its_natural_size(browser: Browser, site_url: str, size: dict[str, int]) -> None:
    page, _ = open_page(browser, site_url + "choosing/", **size)
    try:
        for figure in nonempty(page.locator(".chipwise-flow-figures .chipwise-flow-figure").all()):
            figure.scroll_into_view_if_needed()
            drawing = figure.locator("svg.chipwise-flow")
            if drawing.is_visible():
                first = drawing.locator("rect").first
                assert _box(drawing)["width"] == pytest.approx(float(str(drawing.get_attribute("width")))), "the drawing is not scaled"
            else:
                first = figure.locator(".chipwise-flow-outline strong").first
            assert first.is_visible()
            assert _intersects(_box(first), _box(figure)), "the first question is outside the visible part of its frame"
    finally:
        page.context.close()


# --- The benchmarks page ------------------------------------------------------------------------------------------


def test_the_benchmarks_first_screen_shows_the_best_rows_and_a_chart_before_the_full_table(browser: Browser, site_url: str) -> None:
    page, _ = open_page(browser, site_url + "benchmarks/", **DESKTOP)
    try:
        first = page.locator(".chipwise-bench-best li").first
        assert _box(first)["y"] + _box(first)["height"] <= DESKTOP["height"], "the first best row is below the first screen"
        best, chart, table = (page.locator(selector).first for selector in (".chipwise-bench-best", "figure.chipwise-chart", "table.chipwise-bench"))
        drawing = chart.locator("svg")
        assert _box(chart)["y"] < DESKTOP["height"] and _box(drawing)["y"] < DESKTOP["height"], "the first chart is below the first screen"
        assert _box(drawing)["x"] > _box(best)["x"] + _box(best)["width"], "the chart stands beside the best rows"
        assert max(_box(best)["y"], _box(chart)["y"]) < _box(table)["y"]
    finally:
        page.context.close()


def test_on_a_phone_the_benchmarks_first_chart_follows_the_best_rows_and_the_filters(browser: Browser, site_url: str) -> None:
    page, _ = open_page(browser, site_url + "benchmarks/", **PHONE)
    try:
        best, form, chart = (page.locator(selector).first for selector in (".chipwise-bench-best", ".chipwise-bench-filters", "figure.chipwise-chart"))
        assert _box(best)["y"] < _box(form)["y"] < _box(chart)["y"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        page.context.close()


def test_the_best_rows_follow_the_filter_and_agree_with_python(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    without_script, _ = open_page(browser, site_url + "benchmarks/", javascript=False)
    page, log = open_page(browser, site_url + "benchmarks/")
    try:
        best = ".chipwise-bench-best ul"
        assert page.locator(best).inner_html() == without_script.locator(best).inner_html(), "benchmarks.js writes the line as Python does"
        page.select_option('.chipwise-bench-filters select[name="model"]', "bert-base-uncased")
        items = page.locator(f"{best} li")
        assert items.count() >= 1
        for item in nonempty(items.all()):
            row = page.locator(str(item.locator("a").get_attribute("href")))
            assert row.get_attribute("data-model") == "bert-base-uncased" and row.is_visible()
        page.select_option('.chipwise-bench-filters select[name="sort"]', "latency")
        shown = page.locator("table.chipwise-bench[data-family] tbody tr:not([hidden])").evaluate_all("rows => rows.map(row => Number(row.dataset.latency))")
        assert min(shown) == pytest.approx(float(str(page.locator(str(items.first.locator("a").get_attribute("href"))).get_attribute("data-latency"))))
        assert log.problems() == []
    finally:
        without_script.context.close()
        page.context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_benchmark_tables_break_no_instance_name_and_scroll_with_a_cue(browser: Browser, site_url: str, size: dict[str, int]) -> None:
    page, _ = open_page(browser, site_url + "benchmarks/", **size)
    try:
        assert _broken_over_lines(page.locator("table.chipwise-bench[data-family] tbody tr:not([hidden]) td[data-label='Instance'] code")) == []
        for wrap in nonempty(page.locator(".chipwise-bench-wrap").all()):
            fits = wrap.evaluate("wrap => wrap.scrollWidth <= wrap.clientWidth + 1")
            assert fits or (_style(wrap, "overflowX") == "auto" and "gradient" in _style(wrap, "backgroundImage"))
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    finally:
        page.context.close()


def test_the_filters_offer_each_value_once(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    page, _ = open_page(browser, site_url + "benchmarks/")
    try:
        for name in ("model", "task", "instance", "dtype"):
            values = page.locator(f'.chipwise-bench-filters select[name="{name}"] option').evaluate_all("options => options.map(o => o.value)")
            assert len(values) == len(set(values)) == len({render_benchmarks.filter_value(value) for value in values})
    finally:
        page.context.close()


# --- Accessibility at a phone's width, where these pages change their layout --------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["cheat-sheet/", "beyond-the-cheat-sheet/", "benchmarks/", "quiz/"])
def test_axe_finds_nothing_on_a_phone(browser: Browser, site_url: str, path: str, scheme: str) -> None:
    page, _ = open_page(browser, site_url + path, color_scheme=scheme, **PHONE)
    try:
        page.add_style_tag(content="* { content-visibility: visible !important; }")
        results = Axe().run(page)
        assert [f"{v['id']}: {v['nodes'][0]['target']}" for v in results.response["violations"]] == []
    finally:
        page.context.close()
