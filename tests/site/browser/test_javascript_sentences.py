"""The sentences the JavaScript writes are the ones Python writes for the same case: helper.js and calculator.js
read theirs from their forms' data- attributes (the templates under src/chipwise/templates/), Python writes its
own (chipwise.decision.engine, chipwise.render.benchmarks), and these tests hold the two in step."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from chipwise.decision.engine import decide
from chipwise.guide.model import Facts
from tests.site.browser.support import open_page

pytestmark = pytest.mark.browser

SIZING_CASES = [
    # (workload, parameters in billions, precision): a size that fits, one too large for a single instance,
    # one accelerator and several, training state and weights only.
    ("inference", "7", "bf16"),
    ("inference", "70", "fp8"),
    ("inference", "3000", "fp32"),
    ("training", "13", "bf16"),
    ("training", "405", "bf16"),
]


@pytest.mark.parametrize(("workload", "parameters", "precision"), SIZING_CASES, ids=[f"{w}-{p}B-{q}" for w, p, q in SIZING_CASES])
def test_the_helpers_sizing_sentences_are_the_engines(browser: Browser, site_url: str, facts: Facts, workload: str, parameters: str, precision: str) -> None:
    query = f"workload={workload}&model=deep-learning&requests=steady&params_billion={parameters}&precision={precision}"
    page, log = open_page(browser, site_url + "helper/?" + query)
    try:
        sizes = page.locator(".chipwise-helper__sizes")
        sizes.wait_for()
        decision = decide(facts.decision, workload=workload, model="deep-learning", requests="steady", params_billion=parameters, precision=precision)
        assert sizes.locator("p").first.inner_text() == f"Memory needed: {decision.memory_arithmetic}"
        assert sizes.locator("li").all_inner_texts() == [sized.reason for sized in decision.sizes]
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_helpers_refusal_names_the_engines_limits(browser: Browser, site_url: str, facts: Facts) -> None:
    sizing = facts.decision.sizing
    assert sizing is not None
    page, _ = open_page(browser, site_url + "helper/")
    try:
        page.fill('.chipwise-helper input[name="params_billion"]', "-3")
        message = page.locator(".chipwise-helper__message")
        message.wait_for(state="visible")
        limits = f"from {sizing.parameters_minimum:,g} to {sizing.parameters_maximum:,.0f}"
        assert message.inner_text() == (
            f"Model size: enter a number of billions of parameters {limits}. The answer is cleared until the field holds a valid number."
        )
    finally:
        page.context.close()


@pytest.mark.parametrize(("form", "field"), [("chipwise-deployment-cost", "row"), ("chipwise-calculator", "bill")])
def test_each_calculators_result_reads_the_same_once_javascript_recomputes_it(browser: Browser, site_url: str, form: str, field: str) -> None:
    """Python renders the default result into the page; submitting the form (its default inputs) has calculator.js
    write every output again, from its own arithmetic and the sentences its form carries: the text is unchanged."""
    page, log = open_page(browser, site_url + "calculator/")
    try:
        result = page.locator(f".{form}__result")
        rendered = result.inner_text()
        assert "—" not in rendered and "{" not in rendered
        page.evaluate(f"() => document.querySelector('.{form}').requestSubmit()")
        page.wait_for_function("field => new URLSearchParams(location.search).has(field)", arg=field)
        assert result.inner_text() == rendered
        assert page.locator(f".{form}__message").is_hidden()
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_deployment_costs_sentences_for_an_own_rate_and_a_missed_limit_are_pythons(browser: Browser, site_url: str, facts: Facts) -> None:
    from chipwise.render.calculator_form import deployment_cost_fields
    from chipwise.study import deployment_cost

    assert facts.benchmarks is not None
    row = deployment_cost.default_row(facts.benchmarks)
    page, log = open_page(browser, site_url + f"calculator/?row={row.id}&traffic=5000&limit=0.5&rate=9.5")
    try:
        page.wait_for_function("() => location.search.includes('rate=9.5')")
        page.evaluate("() => document.querySelector('.chipwise-deployment-cost').requestSubmit()")
        expected = deployment_cost_fields(deployment_cost.estimate(row, 5000, 0.5, 9.5), facts)
        for name in ("rate_basis", "latency_verdict", "request_word"):
            shown = page.locator(f'.chipwise-deployment-cost__result output[data-deployment-cost-field="{name}"]').first.inner_text()
            assert shown == expected[name], name
        assert log.problems() == []
    finally:
        page.context.close()
