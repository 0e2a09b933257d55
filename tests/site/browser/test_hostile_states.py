"""Hostile URL and storage states in a real browser: the helper names a link value it cannot use (an
Object.prototype name, a number field given NaN, Infinity, hex or non-ASCII digits) instead of throwing or
dropping it silently, and practice mode starts from no progress whatever localStorage holds, then saves."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser

from chipwise.guide.model import Facts
from chipwise.study import practice
from tests.site.browser.support import open_page
from tests.site.browser.test_practice import _answer, _result, _start

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("precision", ["constructor", "__proto__", "toString", "hasOwnProperty"])
def test_helper_names_a_precision_that_is_an_object_prototype_name(browser: Browser, site_url: str, precision: str) -> None:
    page, log = open_page(browser, site_url + f"helper/?workload=inference&params_billion=7&precision={precision}")
    try:
        message = page.locator(".chipwise-helper__message")
        message.wait_for(state="visible")
        assert f"the link's precision “{precision}” is not one of: " in message.inner_text()
        page.locator(".chipwise-helper__answer a[data-rule]").first.wait_for()
        assert log.page_errors == [] and log.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("size", ["NaN", "Infinity", "-Infinity", "0x10", "1e3", "١٠", "٧", "1_0", " 7"])
def test_helper_names_a_model_size_it_cannot_read(browser: Browser, site_url: str, size: str) -> None:
    page, log = open_page(browser, site_url + "helper/?workload=inference&params_billion=" + size.replace(" ", "%20"))
    try:
        message = page.locator(".chipwise-helper__message")
        message.wait_for(state="visible")
        assert f"the link's params_billion=“{size}” is not a number written with the digits 0-9" in message.inner_text()
        assert page.locator('.chipwise-helper input[name="params_billion"]').input_value() == ""
        assert log.page_errors == [] and log.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("stored", ['"abc"', "true", "5", "[]", "null", "{", '{"x": 5, "constructor": {"right": true}}'])
def test_practice_starts_from_no_progress_whatever_storage_holds_and_then_saves(browser: Browser, site_url: str, facts: Facts, stored: str) -> None:
    page, log = open_page(browser, site_url + "quiz/")
    try:
        page.evaluate("value => { localStorage.setItem('chipwise-practice', value); }", stored)
        page.reload(wait_until="load")
        assert page.locator(".chipwise-practice__progress").inner_text() == "No progress saved in this browser yet."
        question = practice.all_questions(facts)[0]
        _start(page)
        _answer(page, question)
        _result(page)  # the others are unanswered: the first Submit warns of them, the second scores
        _result(page)
        saved = json.loads(page.evaluate("() => localStorage.getItem('chipwise-practice')"))
        assert isinstance(saved, dict) and saved[question.id] == {"right": True}
        assert "Progress in this browser: " in page.locator(".chipwise-practice__progress").inner_text()
        assert log.page_errors == [] and log.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("row=constructor&traffic=1000&limit=100", None),
        ("row=__proto__&traffic=NaN&limit=Infinity", "enter a number"),
        ("row=%3Cscript%3Ealert(1)%3C%2Fscript%3E&traffic=0x10", "enter a number"),
        ("traffic=1000&limit=100&rate=Infinity", "Hourly rate: enter a number"),
        ("traffic=1000&limit=100&rate=-3", "Hourly rate: enter zero or more"),
        ("traffic=1000&limit=100&rate=%3Cb%3E", "Hourly rate: enter a number"),
        ("bill=1e999&requests=-1", "Monthly GPU bill: enter"),
        ("bill=%D9%A7&requests=1000", "Monthly GPU bill: enter a number"),
        ("bill=30000&requests=toString", "Requests a day: enter a number"),
    ],
)
def test_calculator_names_a_link_value_it_cannot_use_or_keeps_its_default(browser: Browser, site_url: str, query: str, message: str | None) -> None:
    """Every hostile address state either shows a named message or leaves the field at its default, without a page error."""
    page, log = open_page(browser, site_url + "calculator/?" + query)
    try:
        if message is None:
            page.wait_for_function("() => document.querySelector('.chipwise-deployment-cost__result output')?.textContent.trim() !== ''")
            assert page.locator(".chipwise-deployment-cost__message").is_hidden()
            assert page.locator(".chipwise-deployment-cost select").input_value() != "constructor"
            assert "$" in " ".join(page.locator(".chipwise-deployment-cost__result output").all_inner_texts())
        else:
            shown = page.locator(".chipwise-calculator__message:visible, .chipwise-deployment-cost__message:visible").first
            shown.wait_for(state="visible")
            assert message in shown.inner_text()
        assert log.page_errors == [] and log.console_errors == []
    finally:
        page.context.close()
