"""Units and formulas: how values are checked, shown, and computed."""

from __future__ import annotations

import pytest

from chipwise.facts.formulas import FORMULAS
from chipwise.facts.units import MEMORY_BYTES, UNITS, number_text, quote_states


@pytest.mark.parametrize(
    ("value", "text"),
    [(12, "12"), (30000, "30,000"), (2.3, "2.3"), (9000.0, "9,000"), (7 / 3, "2.33"), (10_000_000, "10,000,000")],
)
def test_number_text(value: float, text: str) -> None:
    assert number_text(value) == text


@pytest.mark.parametrize(
    ("unit", "value", "shown"),
    [("percent", 70, "70%"), ("times", 4, "4x"), ("usd-per-month", 9000, "$9,000/month"), ("GiB", 384, "384 GiB"),
     ("domain", 2, "Domain 2"), ("task", "2.3", "Task Statement 2.3"), ("chips", 16, "16 chips"), ("year", 2019, "2019"),
     ("GiB-per-sec", 9840, "9,840 GiB/sec"), ("TB-per-sec", 313.6, "313.6 TB/sec"), ("TFLOPS", 96624, "96,624 TFLOPS"),
     ("PFLOPS", 10.7, "10.7 PFLOPS")],
)
def test_unit_format(unit: str, value: object, shown: str) -> None:
    assert UNITS[unit].format(value) == shown


@pytest.mark.parametrize(
    ("unit", "value", "accepted"),
    [("percent", 100, True), ("percent", 100.5, False), ("percent", -1, False), ("chips", 0, False), ("chips", 2.5, False),
     ("chips", True, False), ("task", "2.3", True), ("task", 2.3, False), ("text", 3, False), ("year", 2019, True)],
)
def test_unit_accepts(unit: str, value: object, accepted: bool) -> None:
    assert UNITS[unit].accepts(value) is accepted


@pytest.mark.parametrize(
    ("quote", "value", "states"),
    [("up to 12 Inferentia2 chips", 12, True), ("up to 120 chips", 12, False), ("over 30,000 Trainium devices", 30000, True),
     ("choose between four instance sizes", 4, True), ("serve 10 million API requests", 10_000_000, True),
     ("up to 2.3x higher", 2.3, True), ("up to 2.35x", 2.3, False), ("any text", "text value", True)],
)
def test_quote_states_the_value(quote: str, value: object, states: bool) -> None:
    assert quote_states(quote, value) is states


def test_formulas() -> None:
    assert FORMULAS["reduced_by_percent"].compute(amount=30000, percent=70) == 9000
    assert FORMULAS["percent_of"].compute(amount=30000, percent=70) == 21000
    assert FORMULAS["share_for_multiplier"].compute(multiplier=4) == 25
    assert FORMULAS["monthly_to_yearly"].compute(amount=21000) == 252000
    assert FORMULAS["product"].compute(amount=16, factor=4) == 64
    assert FORMULAS["divided_by"].compute(amount=32, divisor=2) == 16


def test_one_memory_table_converts_every_memory_unit_a_fact_or_a_size_row_may_carry() -> None:
    """Size rows give GiB, GB or MiB; facts give GiB, GB or MB (AWS's MB of 2**20 bytes: 6,144 MB is 6 GiB)."""
    assert set(MEMORY_BYTES) == {"GiB", "GB", "MiB"} | ({"GiB", "GB", "MB"} & set(UNITS))
    assert 6144 * MEMORY_BYTES["MB"] / MEMORY_BYTES["GiB"] == 6
    assert MEMORY_BYTES["GB"] == 10**9
