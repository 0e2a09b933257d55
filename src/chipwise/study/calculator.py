"""The cost calculator's arithmetic, shared with its JavaScript twin (docs/javascripts/calculator.js).

Both round to cents the same way (half up), so the page and this module print the same figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from chipwise.facts.formulas import DAYS_PER_MONTH, MONTHS_PER_YEAR
from chipwise.guide.contract import FactId
from chipwise.guide.model import Facts

COST_CUT_FACT = FactId.NOTE_COST_REDUCTION
THROUGHPUT_FACT = FactId.NOTE_THROUGHPUT
DEFAULT_BILL_FACT = FactId.EXAMPLE_GPU_MONTHLY_COST
DEFAULT_REQUESTS_FACT = FactId.EXAMPLE_REQUESTS_PER_DAY


def round_half_up(value: float, places: int) -> float:
    """Round half up to `places` decimals: Math.floor(value * 10 ** places + 0.5) / 10 ** places in JavaScript."""
    scale = 10.0**places
    return math.floor(value * scale + 0.5) / scale


def cents(value: float) -> float:
    """Round half up to cents: Math.round(value * 100) / 100 in JavaScript."""
    return round_half_up(value, 2)


@dataclass(frozen=True)
class Estimate:
    gpu_monthly: float
    requests_per_day: float
    inferentia_monthly: float
    monthly_saving: float
    yearly_saving: float
    gpu_per_million: float
    inferentia_per_million: float
    chip_share_percent: float


LARGEST_INPUT = 1_000_000_000_000
"""A trillion: the most either input may be. Larger numbers are typos, and would overflow as they grow."""


class CalculatorInputError(ValueError):
    """An input the calculator refuses; the message says which and what it accepts (calculator.js says the same)."""


def checked_input(name: str, value: float) -> float:
    """The value, or CalculatorInputError for a value that is not finite, negative or too large."""
    if not math.isfinite(value):
        raise CalculatorInputError(f"{name}: enter a finite number.")
    if value < 0:
        raise CalculatorInputError(f"{name}: enter zero or more.")
    if value > LARGEST_INPUT:
        raise CalculatorInputError(f"{name}: enter at most {LARGEST_INPUT:,}.")
    return value


def estimate(facts: Facts, gpu_monthly: float, requests_per_day: float) -> Estimate:
    """The best case the exam-note figures promise (AWS says "up to"; see the fact check)."""
    checked_input("Monthly GPU bill", gpu_monthly)
    checked_input("Requests a day", requests_per_day)
    cut = float(facts.fact(COST_CUT_FACT).value)
    throughput = float(facts.fact(THROUGHPUT_FACT).value)
    inferentia = gpu_monthly * (100 - cut) / 100
    millions_per_month = requests_per_day * DAYS_PER_MONTH / 1_000_000
    return Estimate(
        gpu_monthly=cents(gpu_monthly),
        requests_per_day=requests_per_day,
        inferentia_monthly=cents(inferentia),
        monthly_saving=cents(gpu_monthly - inferentia),
        yearly_saving=cents((gpu_monthly - inferentia) * MONTHS_PER_YEAR),
        gpu_per_million=cents(gpu_monthly / millions_per_month) if millions_per_month else 0.0,
        inferentia_per_million=cents(inferentia / millions_per_month) if millions_per_month else 0.0,
        chip_share_percent=cents(100 / throughput),
    )
