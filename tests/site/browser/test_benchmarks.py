"""AWS's published rows in a real browser: the calculator's JavaScript agrees with Python on every row and a grid
of traffic levels; the form works and keeps its state in the address; the benchmarks page filters and sorts,
reads without JavaScript, and on a phone."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from chipwise.guide.contract import kind_words
from chipwise.guide.model import Facts
from chipwise.render.calculator_form import deployment_cost_fields
from chipwise.study import deployment_cost
from chipwise.study.calculator import round_half_up
from tests.site.browser.support import open_page

TRAFFIC = [0, 1, 999, 86_400, 1_000_000, 12_345_678, 3_000_000_000]
LIMITS = [1, 100, 100_000]

pytestmark = pytest.mark.browser


TOKENS = [None, 0, 1, 250.5, 4096]
"""Tokens per reply: None, the row's own generation."""


def _python_fields(facts: Facts, row_id: str, requests: float, limit: float, rate: float | None = None, tokens: float | None = None) -> dict[str, str]:
    assert facts.benchmarks is not None
    fields = deployment_cost_fields(deployment_cost.estimate(facts.benchmarks.rows[row_id], requests, limit, rate, tokens), facts)
    return fields


def _rows_ready(page: Page) -> None:
    """The page once calculator.js has AWS's rows (it fetches them at the first touch of the form or for a link's
    state): after that, each input recomputes before the event that caused it returns."""
    page.evaluate("() => chipwiseDeploymentCostRows(document.querySelector('.chipwise-deployment-cost')).then(() => true)")


def _javascript_deployment_costs(page: Page, cases: list[tuple[float, float, float | str | None, float | None]]) -> dict[str, dict[str, str]]:
    """calculator.js's chipwiseDeploymentCost for every row of the form and every case (requests, limit, rate, tokens per
    reply), keyed "row id|case index"; a rate of "aws" is AWS's rate for the row, as the form's field starts."""
    shown: dict[str, dict[str, str]] = page.evaluate(
        """async ([cases]) => {
            const form = document.querySelector(".chipwise-deployment-cost");
            const constants = chipwiseDeploymentCostConstants(form);
            const rows = await chipwiseDeploymentCostRows(form);
            const result = {};
            for (const option of form.elements.row.options)
              cases.forEach(([requests, limit, rate, tokens], index) => {
                const row = rows[option.value];
                const ownRate = rate === "aws" ? Number(row.rate) : rate;
                result[option.value + "|" + index] = chipwiseDeploymentCost(row, requests, limit, constants, ownRate, tokens);
              });
            return result;
        }""",
        [cases],
    )
    return shown


def test_javascript_agrees_with_python_on_every_row_and_traffic_level(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    page, log = open_page(browser, site_url + "calculator/")
    _rows_ready(page)
    try:
        cases = [(requests, limit, None, tokens) for requests in TRAFFIC for limit in LIMITS for tokens in TOKENS]
        shown = _javascript_deployment_costs(page, cases)
        assert len(shown) == len(facts.benchmarks.rows) * len(TRAFFIC) * len(LIMITS) * len(TOKENS)
        for key, fields in shown.items():
            row_id, index = key.split("|")
            requests, limit, _, tokens = cases[int(index)]
            expected = _python_fields(facts, row_id, float(requests), float(limit), tokens=tokens)
            expected["requests"] = fields["requests"]
            assert fields == expected, key
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_form_computes_and_keeps_its_state_in_the_address(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    row_id = "trn1-32xlarge-decoder-throughput-llama-3-8b-b8-s8192-in128-out8064-tp32"
    page, log = open_page(browser, site_url + "calculator/")
    _rows_ready(page)
    try:
        page.select_option('.chipwise-deployment-cost select[name="row"]', row_id)
        tokens = page.locator('.chipwise-deployment-cost input[name="tokens"]')
        assert tokens.is_visible() and tokens.input_value() == str(facts.benchmarks.rows[row_id].units_per_request)
        assert page.locator('.chipwise-deployment-cost [data-deployment-cost-label="traffic"]').inner_text() == "Replies a day"
        page.fill('.chipwise-deployment-cost input[name="traffic"]', "20000")
        page.fill('.chipwise-deployment-cost input[name="limit"]', "250")
        page.fill('.chipwise-deployment-cost input[name="tokens"]', "500")
        expected = _python_fields(facts, row_id, 20000, 250, tokens=500)
        for name in ("instances", "monthly", "at_traffic", "full_use", "units_per_second", "units_per_request", "request_word"):
            assert page.locator(f'.chipwise-deployment-cost__result output[data-deployment-cost-field="{name}"]').first.inner_text() == expected[name], name
        query = urlsplit(page.url).query
        assert f"row={row_id}" in query and "traffic=20000" in query and "limit=250" in query and "tokens=500" in query
        again, _ = open_page(browser, page.url)
        _rows_ready(again)
        try:
            assert again.locator('.chipwise-deployment-cost select[name="row"]').input_value() == row_id
            assert again.locator('.chipwise-deployment-cost input[name="tokens"]').input_value() == "500"
            assert again.locator('.chipwise-deployment-cost__result output[data-deployment-cost-field="monthly"]').first.inner_text() == expected["monthly"]
        finally:
            again.context.close()
        page.fill('.chipwise-deployment-cost input[name="traffic"]', "-4")
        assert page.locator(".chipwise-deployment-cost__message").inner_text().startswith("Replies a day: enter zero or more.")
        page.fill('.chipwise-deployment-cost input[name="traffic"]', "20000")
        # A row measured in inferences takes no tokens: the field goes, and the traffic is requests again.
        default = deployment_cost.default_row(facts.benchmarks)
        page.select_option('.chipwise-deployment-cost select[name="row"]', default.id)
        assert not tokens.is_visible()
        assert page.locator('.chipwise-deployment-cost [data-deployment-cost-label="traffic"]').inner_text() == "Requests a day"
        assert "tokens=" not in urlsplit(page.url).query
        expected = _python_fields(facts, default.id, 20000, 250)
        assert page.locator('.chipwise-deployment-cost__result output[data-deployment-cost-field="monthly"]').first.inner_text() == expected["monthly"]
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_calculator_shows_its_default_result_without_javascript(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    page, _ = open_page(browser, site_url + "calculator/", javascript=False)
    try:
        row = deployment_cost.default_row(facts.benchmarks)
        requests = float(facts.fact("example.requests_per_day").value)
        expected = _python_fields(facts, row.id, requests, deployment_cost.DEFAULT_LATENCY_LIMIT_MS)
        assert page.locator('.chipwise-deployment-cost__result output[data-deployment-cost-field="monthly"]').first.inner_text() == expected["monthly"]
    finally:
        page.context.close()


def test_the_benchmarks_page_filters_and_sorts(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    page, log = open_page(browser, site_url + "benchmarks/")
    try:
        rows = page.locator("table.chipwise-bench[data-family] tbody tr")
        assert rows.count() == len(facts.benchmarks.rows)
        page.select_option('.chipwise-bench-filters select[name="model"]', "bert-base-uncased")
        wanted = [row for row in facts.benchmarks.rows.values() if row.model == "bert-base-uncased"]
        assert page.locator("table.chipwise-bench[data-family] tbody tr:not([hidden])").count() == len(wanted)
        training = page.locator("table.chipwise-bench-training tbody tr:not([hidden])")
        assert training.count() == len(facts.benchmarks.training), "the filters leave the training rows alone"
        page.select_option('.chipwise-bench-filters select[name="sort"]', "cost")
        inf2 = [row for row in wanted if row.family == "inf2"]
        order = page.locator('table[data-family="inf2"] tbody tr:not([hidden])').evaluate_all("rows => rows.map(row => row.id)")
        assert order == [f"row-{row.id}" for row in sorted(inf2, key=lambda row: round_half_up(row.cost_per_million, 3))]
        page.select_option('.chipwise-bench-filters select[name="sort"]', "latency")
        order = page.locator('table[data-family="inf2"] tbody tr:not([hidden])').evaluate_all("rows => rows.map(row => row.id)")
        assert order == [f"row-{row.id}" for row in sorted(inf2, key=lambda row: row.latency_p99_ms)]
        assert "model=bert-base-uncased" in page.url and "sort=latency" in page.url
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_benchmarks_page_reads_without_javascript_and_on_a_phone(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    page, _ = open_page(browser, site_url + "benchmarks/", javascript=False, width=375, height=740)
    try:
        assert page.locator(".chipwise-bench-filters").is_hidden()
        row = deployment_cost.default_row(facts.benchmarks)
        target = page.locator(f"#row-{row.id}")
        assert target.is_visible()
        # A phone lays out only the card rows near the screen (content-visibility): the reader scrolls there, and
        # the row's text is rendered once the browser has laid it out.
        target.scroll_into_view_if_needed()
        expect(target.locator('td[data-label="Cost per 1M"]')).to_contain_text("$", use_inner_text=True)
        page_width = page.evaluate("document.documentElement.scrollWidth")
        assert page_width <= 375, f"the page scrolls sideways on a phone: {page_width}px"
    finally:
        page.context.close()


RATES = [0, 0.328, 1.5, 99.999, 1_000_000]


def test_javascript_agrees_with_python_at_the_readers_own_hourly_rates(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    page, log = open_page(browser, site_url + "calculator/")
    _rows_ready(page)
    try:
        cases: list[tuple[float, float, float | str | None, float | None]] = [(1_000_000, 100_000, rate, None) for rate in [*RATES, "aws"]]
        shown = _javascript_deployment_costs(page, cases)
        assert len(shown) >= len(facts.benchmarks.rows) * len(RATES)
        for key, fields in shown.items():
            row_id, index = key.split("|")
            rate = cases[int(index)][2]
            own = facts.benchmarks.rows[row_id].rate.usd_per_hour if rate == "aws" else float(rate)  # type: ignore[arg-type]
            expected = _python_fields(facts, row_id, 1_000_000, 100_000, own)
            expected["requests"] = fields["requests"]
            assert fields == expected, key
        assert log.problems() == []
    finally:
        page.context.close()


def test_a_fresh_calculator_fetches_no_rows_and_says_so_when_it_cannot(browser: Browser, site_url: str, facts: Facts) -> None:
    """The page arrives with its default row's result, so nothing is fetched until the reader touches the form;
    if AWS's rows cannot be fetched then, the form says so instead of a result computed from nothing."""
    page, log = open_page(browser, site_url + "calculator/")
    try:
        resources = "() => performance.getEntriesByType('resource').map(entry => entry.name).filter(name => name.endsWith('/api/benchmarks.json'))"
        assert page.evaluate(resources) == [], "a fresh page fetches no rows"
        page.route("**/api/benchmarks.json", lambda route: route.fulfill(status=503, body="unavailable"))
        traffic = '.chipwise-deployment-cost input[name="traffic"]'
        # The failure arrives before any result asks for the rows (the order a slow machine may produce).
        with page.expect_response("**/api/benchmarks.json"):
            page.focus(traffic)
        page.fill(traffic, "20000")
        message = page.locator(".chipwise-deployment-cost__message")
        expect(message).to_have_text("AWS's rows could not be loaded, so the result is not recomputed; reload the page to try again.")
        assert log.page_errors == []
    finally:
        page.context.close()


def test_the_reader_enters_their_own_hourly_rate_beside_awss_basis(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    row_id = "trn1-32xlarge-decoder-throughput-llama-3-8b-b8-s8192-in128-out8064-tp32"
    row = facts.benchmarks.rows[row_id]
    default = deployment_cost.default_row(facts.benchmarks)
    page, log = open_page(browser, site_url + "calculator/")
    _rows_ready(page)
    try:
        rate = page.locator('.chipwise-deployment-cost input[name="rate"]')
        assert page.locator('.chipwise-deployment-cost label:has(input[name="rate"])').inner_text().startswith("Hourly rate for one instance, in US dollars")
        assert float(rate.input_value()) == default.rate.usd_per_hour
        basis = page.locator('.chipwise-deployment-cost__basis output[data-deployment-cost-field="rate_basis"]')
        assert basis.inner_text() == "RI-Effective hourly rate"
        page.select_option('.chipwise-deployment-cost select[name="row"]', row_id)
        assert float(rate.input_value()) == row.rate.usd_per_hour, "another row puts AWS's rate for its instance in the field"
        page.fill('.chipwise-deployment-cost input[name="traffic"]', "20000")
        page.fill('.chipwise-deployment-cost input[name="limit"]', "250")
        rate.fill("10")
        expected = _python_fields(facts, row_id, 20000, 250, 10)
        for name in ("monthly", "at_traffic", "full_use", "rate", "rate_basis"):
            assert page.locator(f'.chipwise-deployment-cost__result output[data-deployment-cost-field="{name}"]').first.inner_text() == expected[name], name
        assert basis.inner_text() == expected["rate_basis"] and basis.inner_text().startswith("your rate; AWS used $")
        assert "rate=10" in urlsplit(page.url).query
        again, _ = open_page(browser, page.url)
        _rows_ready(again)
        try:
            assert again.locator('.chipwise-deployment-cost input[name="rate"]').input_value() == "10"
            assert again.locator('.chipwise-deployment-cost__result output[data-deployment-cost-field="monthly"]').first.inner_text() == expected["monthly"]
        finally:
            again.context.close()
        refusals = (
            ("-1", "Hourly rate: enter zero or more."),
            ("", "Hourly rate: enter a number; the field is empty."),
            ("1e13", "Hourly rate: enter at most"),
        )
        for hostile, message in refusals:
            rate.fill(hostile)
            assert page.locator(".chipwise-deployment-cost__message").inner_text().startswith(message), hostile
            assert page.locator('.chipwise-deployment-cost__result output[data-deployment-cost-field="monthly"]').first.inner_text() == "—"
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_benchmarks_page_shows_training_rows_apart_and_says_where_the_current_stack_is(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    page, log = open_page(browser, site_url + "benchmarks/")
    try:
        training = page.locator("table.chipwise-bench-training tbody tr")
        assert training.count() == len(facts.benchmarks.training)
        seventy = page.locator("table.chipwise-bench-training tr", has_text="Llama-3.1-70B pre-training")
        assert "32 × trn1.32xlarge/trn1n.32xlarge" in seventy.inner_text() and "sequences/s" in seventy.inner_text()
        assert page.locator("table.chipwise-bench:not(.chipwise-bench-training) tr", has_text="pre-training").count() == 0
        unshown = [row for row in facts.benchmarks.rows.values() if not row.shown_on_page]
        assert page.locator("tr[data-shown=no]").count() == len(unshown) > 0
        assert page.locator("tr[data-shown=no] .chipwise-bench-unshown").count() == len(unshown)
        current = page.locator("h2#figures-for-the-current-neuron-stack + p")
        assert str(facts.fact("neuron.benchmarks_current").value) in current.inner_text()
        assert "imports none" in current.inner_text()
        assert log.problems() == []
    finally:
        page.context.close()


def test_the_calculators_rows_are_grouped_by_kind_and_model(browser: Browser, site_url: str, facts: Facts) -> None:
    assert facts.benchmarks is not None
    page, _ = open_page(browser, site_url + "calculator/")
    _rows_ready(page)
    try:
        groups = page.locator('.chipwise-deployment-cost select[name="row"] optgroup').evaluate_all(
            "groups => groups.map(group => [group.label, Array.from(group.children, option => [option.value, option.textContent])])"
        )
        assert sum(len(options) for _, options in groups) == len(facts.benchmarks.rows)
        assert len({label for label, _ in groups}) == len(groups), "one group for each kind and model"
        for label, options in groups:
            for row_id, text in options:
                row = facts.benchmarks.rows[row_id]
                assert label == f"{kind_words(facts.page_copy, row.category).label}: {row.model}"
                assert text.startswith(f"{row.model} on {row.instance} · for {row.optimized.value} · batch {row.batch_size}"), text
    finally:
        page.context.close()
