"""Hostile URL and storage states in a real browser: the helper names a link value it cannot use (an
Object.prototype name, a number field given NaN, Infinity, hex or non-ASCII digits) instead of throwing or
dropping it silently, and practice mode starts from no progress whatever localStorage holds, then saves."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser

from chipwise.facts.model import Facts
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
        _result(page)
        saved = json.loads(page.evaluate("() => localStorage.getItem('chipwise-practice')"))
        assert isinstance(saved, dict) and saved[question.id] == {"right": True}
        assert "Progress in this browser: " in page.locator(".chipwise-practice__progress").inner_text()
        assert log.page_errors == [] and log.console_errors == []
    finally:
        page.context.close()
