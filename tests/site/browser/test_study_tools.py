"""The study tools in a real browser: the helper matches the engine, the calculator matches Python,
the cheat sheet prints on one page, and the pages work without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from chipwise.decision.engine import combinations, decide
from chipwise.decision.ranges import representative
from chipwise.facts.units import number_text
from chipwise.guide.model import Facts
from chipwise.render.calculator_form import money
from chipwise.study import calculator
from tests.site.browser.support import open_page
from tests.support import DECISION_COMBINATIONS, nonempty

pytestmark = pytest.mark.browser


def _helper_answer(page: Page) -> tuple[str, list[str], str]:
    """The answer's title, the rule of each table in its trace, and the heading's text."""
    answer = page.locator(".chipwise-helper__answer")
    answer.locator("a[data-rule]").first.wait_for()
    return (
        answer.locator("strong").first.inner_text(),
        [str(link.get_attribute("data-rule")) for link in answer.locator(".chipwise-helper__trace a[data-rule]").all()],
        answer.locator(".chipwise-helper__title").inner_text(),
    )


def _parameters_for(facts: Facts, piece: str, workload: str) -> str:
    """A model size (billions of parameters, in BF16) whose memory need falls in this piece of the memory input;
    '' for the first piece, which no size is needed to reach."""
    sizing = facts.decision.sizing
    assert sizing is not None
    item = facts.decision.input("memory_gib")
    value = next(value for value in item.values if value.name == piece)
    assert value.interval is not None
    if value.interval.low <= item.numeric.minimum:  # type: ignore[union-attr]
        return ""
    target = representative(value.interval) if value.interval.high < item.numeric.maximum else value.interval.low * 1.5  # type: ignore[union-attr]
    trains = sizing.trains({"workload": workload})
    per_billion = sizing.memory_gib(1, "bf16", trains=trains)
    return f"{target / per_billion:.3f}"


def test_decision_helper_matches_the_engine_for_every_combination(browser: Browser, site_url: str, facts: Facts) -> None:
    page, log = open_page(browser, site_url + "helper/")
    try:
        every = list(combinations(facts.decision))
        assert len(every) == DECISION_COMBINATIONS
        for inputs in every:
            parameters = _parameters_for(facts, inputs["memory_gib"], inputs["workload"])
            for name, value in inputs.items():
                if name != "memory_gib":
                    page.check(f'.chipwise-helper input[name="{name}"][value="{value}"]')
            page.fill('.chipwise-helper input[name="params_billion"]', parameters)
            given = {name: value for name, value in inputs.items() if name != "memory_gib"}
            decision = decide(facts.decision, **given, **({"params_billion": parameters, "precision": "bf16"} if parameters else {}))
            assert decision.inputs["memory_gib"] == inputs["memory_gib"], (inputs, parameters)
            page.wait_for_function("title => document.querySelector('.chipwise-helper__answer strong')?.textContent === title", arg=decision.title)
            title, rules, heading = _helper_answer(page)
            assert (title, rules) == (decision.title, [step.rule.id for step in decision.steps]), inputs
            assert ", ".join(family.name for family in decision.outcome.families) in heading
            reasons = page.locator(".chipwise-helper__answer > ul > li").all_inner_texts()
            assert [text.split(" [")[0].split(" (source)")[0].strip() for text in reasons] == [reason.text for reason in decision.reasons]
            assert all(f"{name}={value}" in page.url for name, value in nonempty(given.items()))
        assert log.problems() == []
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("query", "inputs"),
    [
        ("workload=inference&model=classical&requests=dataset", {"model": "classical", "requests": "dataset"}),
        # The previous release's neuron= and traffic= keep working for this release: they map onto model= and requests=.
        ("workload=fine-tuning&neuron=no&traffic=low", {"workload": "fine-tuning", "model": "nvidia-only", "requests": "intermittent"}),
    ],
)
def test_decision_helper_reads_a_shared_link(browser: Browser, site_url: str, facts: Facts, query: str, inputs: dict[str, str]) -> None:
    page, log = open_page(browser, site_url + "helper/?" + query)
    try:
        title, rules, _ = _helper_answer(page)
        decision = decide(facts.decision, **{"workload": "inference", **inputs})
        assert (title, rules) == (decision.title, [step.rule.id for step in decision.steps])
        for name, value in nonempty(inputs.items()):
            assert page.locator(f'.chipwise-helper input[name="{name}"][value="{value}"]').is_checked()
            assert f"{name}={value}" in page.url
        assert "neuron=" not in page.url and "traffic=" not in page.url
        assert log.problems() == []
    finally:
        page.context.close()


def test_decision_helper_page_shows_the_whole_table_without_javascript(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "helper/", javascript=False)
    try:
        for rule in nonempty(facts.decision.rules):
            assert page.locator(f"#rule-{rule.id}").is_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize(("bill", "requests"), [(30000, 10_000_000), (12345.67, 2_500_000), (999.99, 1), (0, 0), (1_000_000, 123_456_789)])
def test_calculator_agrees_with_python(browser: Browser, site_url: str, facts: Facts, bill: float, requests: int) -> None:
    page, log = open_page(browser, site_url + "calculator/")
    try:
        page.fill('input[name="requests"]', str(requests))
        page.fill('input[name="bill"]', str(bill))
        expected = calculator.estimate(facts, bill, requests)
        shown = {name: page.locator(f'output[data-field="{name}"]').inner_text() for name in (
            "inferentia_monthly", "monthly_saving", "yearly_saving", "gpu_per_million", "inferentia_per_million", "chip_share_percent")}
        assert shown == {
            "inferentia_monthly": money(expected.inferentia_monthly),
            "monthly_saving": money(expected.monthly_saving),
            "yearly_saving": money(expected.yearly_saving),
            "gpu_per_million": money(expected.gpu_per_million),
            "inferentia_per_million": money(expected.inferentia_per_million),
            "chip_share_percent": number_text(expected.chip_share_percent) + "%",
        }
        assert log.problems() == []
    finally:
        page.context.close()


def test_calculator_shows_the_worked_example_without_javascript(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "calculator/", javascript=False)
    try:
        shown = page.locator('output[data-field="inferentia_monthly"]').inner_text()
        assert shown == money(float(facts.fact("example.inferentia_monthly_cost").value))
    finally:
        page.context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cheat_sheet_prints_on_one_page(browser: Browser, site_url: str, facts: Facts, paper: str) -> None:
    page, _ = open_page(browser, site_url + "cheat-sheet/")
    try:
        pdf = page.pdf(format=paper)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
        footer = page.locator(".chipwise-cheatsheet__footer").inner_text()
        assert facts.verified.isoformat() in footer and "http" in footer
    finally:
        page.context.close()


def test_decision_helper_names_a_link_value_it_does_not_know(browser: Browser, site_url: str, facts: Facts) -> None:
    page, log = open_page(browser, site_url + "helper/?workload=serving&requests=queued&colour=red")
    try:
        message = page.locator(".chipwise-helper__message")
        message.wait_for(state="visible")
        text = message.inner_text()
        assert "workload=“serving” is not one of: training, fine-tuning, inference" in text
        assert "question “colour” is not one of this helper's" in text
        assert page.locator('.chipwise-helper input[name="requests"][value="queued"]').is_checked()
        page.check('.chipwise-helper input[name="workload"][value="training"]')
        message.wait_for(state="hidden")
        assert log.problems() == []
    finally:
        page.context.close()


def test_decision_helper_says_so_when_its_answers_cannot_be_loaded(browser: Browser, site_url: str) -> None:
    """A fresh helper fetches decisions.json at the first touch; if that fails, the form says so."""
    page, log = open_page(browser, site_url + "helper/")
    try:
        page.route("**/api/decisions.json", lambda route: route.fulfill(status=503, body="unavailable"))
        with page.expect_response("**/api/decisions.json"):
            page.check('.chipwise-helper input[name="workload"][value="training"]')
        message = page.locator(".chipwise-helper__message")
        expect(message).to_have_text("The answers could not be loaded, so none is shown; reload the page to try again.")
        assert log.page_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("bill", "requests", "message"),
    [
        ("", "1000", "Monthly GPU bill: enter a number; the field is empty."),
        ("-5", "1000", "Monthly GPU bill: enter zero or more."),
        ("1e308", "1000", "Monthly GPU bill: enter at most 1,000,000,000,000."),
        ("30000", "1e999", "Requests a day: enter a number."),
        ("30000", "-1", "Requests a day: enter zero or more."),
    ],
)
def test_calculator_refuses_bad_input_visibly(browser: Browser, site_url: str, bill: str, requests: str, message: str) -> None:
    page, log = open_page(browser, site_url + "calculator/")
    try:
        page.fill('.chipwise-calculator input[name="bill"]', bill)
        page.fill('.chipwise-calculator input[name="requests"]', requests)
        shown = page.locator(".chipwise-calculator__message")
        shown.wait_for(state="visible")
        assert shown.inner_text().startswith(message)
        assert set(page.locator(".chipwise-calculator__result output").all_inner_texts()) == {"—"}
        page.fill('.chipwise-calculator input[name="bill"]', "30000")
        page.fill('.chipwise-calculator input[name="requests"]', "1000")
        shown.wait_for(state="hidden")
        assert "$" in page.locator('output[data-field="gpu_monthly"]').inner_text()
        assert log.problems() == []
    finally:
        page.context.close()


@pytest.mark.parametrize(("workload", "model"), [("training", "deep-learning"), ("inference", "deep-learning"), ("inference", "nvidia-only")])
def test_decision_helper_sizes_like_the_engine_on_a_grid(browser: Browser, site_url: str, facts: Facts, workload: str, model: str) -> None:
    page, log = open_page(browser, site_url + "helper/")
    try:
        page.check(f'.chipwise-helper input[name="workload"][value="{workload}"]')
        page.check(f'.chipwise-helper input[name="model"][value="{model}"]')
        for requests in ("steady", "intermittent"):
            page.check(f'.chipwise-helper input[name="requests"][value="{requests}"]')
            for precision in ("fp32", "bf16", "fp8"):
                page.select_option('.chipwise-helper select[name="precision"]', precision)
                for parameters in ("0.5", "7", "70", "405", "3000"):
                    page.fill('.chipwise-helper input[name="params_billion"]', parameters)
                    decision = decide(facts.decision, workload=workload, model=model, requests=requests, params_billion=parameters, precision=precision)
                    sizes = page.locator(".chipwise-helper__sizes")
                    sizes.wait_for()
                    assert sizes.get_attribute("data-memory-gib") == f"{decision.memory_needed_gib:.2f}"
                    shown = [(item.get_attribute("data-family"), item.get_attribute("data-size")) for item in sizes.locator("li").all()]
                    expected = [(sized.family.id, sized.size.name if sized.size else "") for sized in decision.sizes]
                    assert shown == expected, (requests, precision, parameters)
                    assert page.locator(".chipwise-helper__answer strong").first.inner_text() == decision.title
                    assert f"params_billion={parameters}" in page.url and f"precision={precision}" in page.url
        page.fill('.chipwise-helper input[name="params_billion"]', "-3")
        message = page.locator(".chipwise-helper__message")
        message.wait_for(state="visible")
        assert message.inner_text().startswith("Model size: enter a number of billions of parameters from 0.001 to 100,000.")
        assert page.locator(".chipwise-helper__answer").inner_text() == ""
        assert log.problems() == []
    finally:
        page.context.close()


def test_decision_helper_reads_a_model_size_from_a_shared_link(browser: Browser, site_url: str, facts: Facts) -> None:
    page, _ = open_page(browser, site_url + "helper/?workload=inference&model=deep-learning&requests=intermittent&params_billion=70&precision=fp8")
    try:
        page.locator(".chipwise-helper__sizes").wait_for()
        decision = decide(facts.decision, workload="inference", requests="intermittent", params_billion=70, precision="fp8")
        assert page.locator(".chipwise-helper__sizes li").first.get_attribute("data-size") == decision.sizes[0].size.name  # type: ignore[union-attr]
        assert page.input_value('.chipwise-helper input[name="params_billion"]') == "70"
    finally:
        page.context.close()


def test_decision_helper_links_its_answer_to_awss_benchmark_rows(browser: Browser, site_url: str, facts: Facts) -> None:
    page, log = open_page(browser, site_url + "helper/?workload=inference&model=deep-learning&requests=steady")
    try:
        link = page.locator(".chipwise-helper__benchmarks a[data-family=inf2]")
        link.wait_for()
        assert facts.benchmarks is not None
        rows = sum(1 for row in facts.benchmarks.rows.values() if row.family == "inf2")
        assert link.inner_text() == f"{rows} benchmark rows for Inf2"
        assert page.locator(".chipwise-helper__benchmarks").get_attribute("data-kind") == "inference"
        link.click()
        page.wait_for_url("**/benchmarks/#family-inf2")
        assert page.locator("#family-inf2").count() == 1
        assert log.problems() == []
    finally:
        page.context.close()


@pytest.mark.parametrize("workload", ["training", "fine-tuning"])
def test_decision_helper_links_a_training_answer_to_training_rows_only(browser: Browser, site_url: str, facts: Facts, workload: str) -> None:
    page, log = open_page(browser, site_url + f"helper/?workload={workload}&model=deep-learning&requests=steady")
    try:
        line = page.locator(".chipwise-helper__benchmarks")
        line.wait_for()
        assert facts.benchmarks is not None
        training = sum(1 for row in facts.benchmarks.training.values() if row.family == "trn1")
        assert line.get_attribute("data-kind") == "training"
        links = line.locator("a")
        assert [links.nth(index).get_attribute("href").rsplit("/", 1)[-1] for index in range(links.count())] == ["#training"]  # type: ignore[union-attr]
        assert links.first.inner_text().startswith(f"{training} training rows for Trn1")
        assert "inference" not in line.inner_text() and "family-" not in (line.inner_html())
        links.first.click()
        page.wait_for_url("**/benchmarks/#training")
        assert page.locator("#training").count() == 1 and page.locator("table.chipwise-bench-training tbody tr").count() == training
        assert log.problems() == []
    finally:
        page.context.close()
