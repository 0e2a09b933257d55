"""Instances, monthly cost and cost per 1M from one of AWS's published benchmark rows and your traffic.

The cost calculator's JavaScript twin (docs/javascripts/calculator.js, `chipwiseDeploymentCost`) does the same
arithmetic in the same order and rounds the same way, so the page and this module print the same texts;
a browser test compares them on every row and a grid of traffic levels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from chipwise.facts.benchmarks import PER_MILLION, SECONDS_PER_HOUR, BenchmarkRow, Benchmarks, Category
from chipwise.facts.formulas import DAYS_PER_MONTH
from chipwise.study.calculator import cents, checked_input, round_half_up

SECONDS_PER_DAY = 86_400
HOURS_PER_MONTH = 24 * DAYS_PER_MONTH
"""A month of 30 days, as the exam-note calculator counts it (AWS's price pages count 730 hours)."""
DEFAULT_LATENCY_LIMIT_MS = 100
DEFAULT_MODEL = "bert-base-uncased"
"""The default row: this model's cheapest published row (or the cheapest row, if AWS drops the model)."""

TOKEN_CATEGORIES = (Category.DECODER, Category.ENCODER_DECODER)
"""Rows measured in tokens: a reader gives replies a day and tokens a reply instead of the row's own generation."""

FORMULAS = (
    ("Units a second", "requests a day × units per request ÷ 86,400 seconds"),
    ("Instances needed", "⌈units a second ÷ measured throughput of one instance⌉, when the row's P99 latency is within your limit"),
    ("Monthly cost", f"instances × hourly rate × {HOURS_PER_MONTH} hours (24 hours × {DAYS_PER_MONTH} days)"),
    ("Cost per 1M units at your traffic", f"monthly cost ÷ (requests a day × units per request × {DAYS_PER_MONTH} days ÷ 1,000,000)"),
    ("Cost per 1M units at full use (AWS's figure)", "(1,000,000 ÷ measured throughput) × (hourly rate ÷ 3,600)"),
)
"""Each formula as the page shows it; the functions below compute exactly these."""


@dataclass(frozen=True)
class DeploymentCost:
    row: BenchmarkRow
    requests_per_day: float
    latency_limit_ms: float
    units_per_second: float
    meets_latency: bool
    instances: int | None
    """None when the row's P99 latency is above the limit: more instances do not lower it."""
    monthly_cost: float | None
    cost_per_million_at_traffic: float | None
    """None with no traffic, or when the row misses the latency limit."""
    cost_per_million_full_use: float
    usd_per_hour: float
    """The hourly rate the costs use: AWS's rate for the row's instance, or the reader's own."""
    units_per_request: float
    """The units one request takes: the row's own (chipwise.facts.benchmarks), or the tokens a reply the reader gave."""

    @property
    def awss_rate(self) -> bool:
        """Whether the costs use the rate AWS used for the row (so its basis, AWS's name for it, applies)."""
        return self.usd_per_hour == self.row.rate.usd_per_hour


def counts_tokens(row: BenchmarkRow) -> bool:
    """Whether the row is measured in tokens, so that a request is a reply of some number of tokens."""
    return row.category in TOKEN_CATEGORIES


def estimate(
    row: BenchmarkRow, requests_per_day: float, latency_limit_ms: float, usd_per_hour: float | None = None, tokens_per_reply: float | None = None
) -> DeploymentCost:
    """What serving `requests_per_day` from this row's instance takes, at AWS's hourly rate for it or the reader's
    own `usd_per_hour`; refuses bad inputs like the exam-note calculator.

    For a row measured in tokens, `tokens_per_reply` replaces the row's own tokens a request (its generation length)."""
    checked_input("Replies a day" if counts_tokens(row) else "Requests a day", requests_per_day)
    checked_input("Latency limit", latency_limit_ms)
    rate = row.rate.usd_per_hour if usd_per_hour is None else checked_input("Hourly rate", usd_per_hour)
    units = float(row.units_per_request)
    if tokens_per_reply is not None and counts_tokens(row):
        units = checked_input("Tokens per reply", tokens_per_reply)
    units_per_second = requests_per_day * units / SECONDS_PER_DAY
    full_use = round_half_up((PER_MILLION / row.throughput) * (rate / SECONDS_PER_HOUR), 3)
    meets = row.latency_p99_ms <= latency_limit_ms
    if not meets:
        return DeploymentCost(row, requests_per_day, latency_limit_ms, units_per_second, False, None, None, None, full_use, rate, units)
    instances = 0 if units_per_second == 0 else math.ceil(units_per_second / row.throughput)
    monthly = instances * rate * HOURS_PER_MONTH
    millions = requests_per_day * units * DAYS_PER_MONTH / PER_MILLION
    at_traffic = round_half_up(monthly / millions, 3) if millions else None
    return DeploymentCost(row, requests_per_day, latency_limit_ms, units_per_second, True, instances, cents(monthly), at_traffic, full_use, rate, units)


def default_row(benchmarks: Benchmarks) -> BenchmarkRow:
    rows = [row for row in benchmarks.rows.values() if row.model == DEFAULT_MODEL] or list(benchmarks.rows.values())
    return min(rows, key=lambda row: (row.cost_per_million, row.id))
