"""The cost calculator's Python arithmetic: the worked example is its default and agrees with the derived facts."""

from __future__ import annotations

import math

import pytest

from chipwise.guide.model import Facts
from chipwise.render.calculator_form import money
from chipwise.study import calculator


def test_default_inputs_reproduce_the_worked_example(facts: Facts) -> None:
    result = calculator.estimate(facts, float(facts.fact("example.gpu_monthly_cost").value), float(facts.fact("example.requests_per_day").value))
    assert result.inferentia_monthly == facts.fact("example.inferentia_monthly_cost").value
    assert result.monthly_saving == facts.fact("example.monthly_savings").value
    assert result.yearly_saving == facts.fact("example.yearly_savings").value
    assert result.chip_share_percent == facts.fact("example.chip_share").value


def test_rounding_is_half_up_to_cents() -> None:
    assert calculator.cents(0.125) == 0.13
    assert calculator.cents(2.675) == 2.68
    assert calculator.cents(1 / 3) == 0.33


def test_money_format() -> None:
    assert money(9000.0) == "$9,000"
    assert money(3703.7) == "$3,703.70"


def test_zero_traffic_does_not_divide_by_zero(facts: Facts) -> None:
    assert calculator.estimate(facts, 1000, 0).gpu_per_million == 0


@pytest.mark.parametrize(
    ("bill", "message"), [(-1.0, "enter zero or more"), (math.inf, "enter a finite number"), (math.nan, "enter a finite number"), (1e13, "enter at most")]
)
def test_estimate_refuses_what_the_page_refuses(facts: Facts, bill: float, message: str) -> None:
    with pytest.raises(calculator.CalculatorInputError, match=message):
        calculator.estimate(facts, bill, 1000)
