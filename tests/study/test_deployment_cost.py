"""The calculator on AWS's published rows: instances, monthly cost and cost per 1M for every row and a grid of
traffic levels, each checked against the formula the page shows."""

from __future__ import annotations

import math

import pytest

from chipwise.facts.benchmarks import Category
from chipwise.guide.model import Facts
from chipwise.study import deployment_cost
from chipwise.study.calculator import CalculatorInputError, round_half_up
from tests.support import nonempty

TRAFFIC = [0, 1, 1_000, 86_400, 1_000_000, 50_000_000, 3_000_000_000]
LIMITS = [5, 100, 60_000]


def test_every_row_and_traffic_level_follows_the_formulas(facts: Facts) -> None:
    assert facts.benchmarks is not None
    for row in nonempty(facts.benchmarks.rows.values()):
        rate = row.rate.usd_per_hour
        for requests in TRAFFIC:
            for limit in LIMITS:
                result = deployment_cost.estimate(row, requests, limit)
                per_second = requests * row.units_per_request / 86_400
                assert math.isclose(result.units_per_second, per_second), row.id
                assert result.cost_per_million_full_use == round_half_up((1e6 / row.throughput) * (rate / 3600), 3)
                if row.latency_p99_ms > limit:
                    assert (result.meets_latency, result.instances, result.monthly_cost) == (False, None, None), row.id
                    continue
                instances = math.ceil(per_second / row.throughput)
                assert result.instances == instances, (row.id, requests)
                assert instances * row.throughput >= per_second and (instances == 0 or (instances - 1) * row.throughput < per_second)
                assert result.monthly_cost == math.floor(instances * rate * 720 * 100 + 0.5) / 100
                if requests:
                    monthly = instances * rate * 720
                    assert result.cost_per_million_at_traffic == round_half_up(monthly / (requests * row.units_per_request * 30 / 1e6), 3)
                    assert result.cost_per_million_at_traffic >= result.cost_per_million_full_use - 0.001, "never cheaper than full use"
                else:
                    assert result.cost_per_million_at_traffic is None


def test_the_default_row_is_the_cheapest_published_bert_row(facts: Facts) -> None:
    assert facts.benchmarks is not None
    row = deployment_cost.default_row(facts.benchmarks)
    assert row.model == "bert-base-uncased"
    assert all(row.cost_per_million <= other.cost_per_million for other in nonempty(facts.benchmarks.rows.values()) if other.model == row.model)


@pytest.mark.parametrize(
    ("requests", "limit", "message"),
    [
        (-1, 100, "Requests a day: enter zero or more."),
        (math.inf, 100, "Requests a day: enter a finite number."),
        (10**13, 100, "Requests a day: enter at most 1,000,000,000,000."),
        (100, math.nan, "Latency limit: enter a finite number."),
        (100, -5, "Latency limit: enter zero or more."),
    ],
)
def test_bad_inputs_are_refused_like_the_exam_note_calculator(facts: Facts, requests: float, limit: float, message: str) -> None:
    assert facts.benchmarks is not None
    row = next(row for row in facts.benchmarks.rows.values() if not deployment_cost.counts_tokens(row))
    with pytest.raises(CalculatorInputError, match=f"^{message}$".replace(".", r"\.")):
        deployment_cost.estimate(row, requests, limit)


@pytest.mark.parametrize("rate", [0, 0.5, 12.34, 1_000_000])
def test_the_readers_own_hourly_rate_replaces_awss_in_every_cost(facts: Facts, rate: float) -> None:
    assert facts.benchmarks is not None
    row = deployment_cost.default_row(facts.benchmarks)
    result = deployment_cost.estimate(row, 1_000_000, 100, rate)
    assert (result.usd_per_hour, result.awss_rate) == (rate, rate == row.rate.usd_per_hour)
    assert result.instances is not None
    assert result.monthly_cost == math.floor(result.instances * rate * 720 * 100 + 0.5) / 100
    assert result.cost_per_million_full_use == round_half_up((1e6 / row.throughput) * (rate / 3600), 3)
    assert deployment_cost.estimate(row, 1_000_000, 100, row.rate.usd_per_hour) == deployment_cost.estimate(row, 1_000_000, 100)


@pytest.mark.parametrize(
    ("rate", "message"),
    [(-0.01, "Hourly rate: enter zero or more."), (math.nan, "Hourly rate: enter a finite number."), (1e13, "Hourly rate: enter at most 1,000,000,000,000.")],
)
def test_a_bad_hourly_rate_is_refused_like_the_other_fields(facts: Facts, rate: float, message: str) -> None:
    assert facts.benchmarks is not None
    with pytest.raises(CalculatorInputError, match=f"^{message}$".replace(".", r"\.")):
        deployment_cost.estimate(deployment_cost.default_row(facts.benchmarks), 100, 100, rate)


@pytest.mark.parametrize("tokens", [0, 1, 250.5, 4096])
def test_a_reply_of_your_length_replaces_the_rows_generation_for_rows_measured_in_tokens(facts: Facts, tokens: float) -> None:
    assert facts.benchmarks is not None
    rows = list(facts.benchmarks.rows.values())
    assert {row.category for row in rows if deployment_cost.counts_tokens(row)} == {Category.DECODER, Category.ENCODER_DECODER}
    for row in rows:
        result = deployment_cost.estimate(row, 86_400, 60_000, tokens_per_reply=tokens)
        if deployment_cost.counts_tokens(row):
            assert result.units_per_request == tokens and math.isclose(result.units_per_second, tokens), row.id
        else:
            assert result == deployment_cost.estimate(row, 86_400, 60_000), "a row measured in inferences or images takes no tokens"


@pytest.mark.parametrize(
    ("tokens", "message"),
    [(-1, "Tokens per reply: enter zero or more."), (math.nan, "Tokens per reply: enter a finite number.")],
)
def test_bad_tokens_per_reply_are_refused_and_a_reply_is_what_the_traffic_counts(facts: Facts, tokens: float, message: str) -> None:
    assert facts.benchmarks is not None
    row = next(row for row in facts.benchmarks.rows.values() if row.category is Category.DECODER)
    with pytest.raises(CalculatorInputError, match=f"^{message}$".replace(".", r"\.")):
        deployment_cost.estimate(row, 100, 100, tokens_per_reply=tokens)
    with pytest.raises(CalculatorInputError, match=r"^Replies a day: enter zero or more\.$"):
        deployment_cost.estimate(row, -1, 100)
