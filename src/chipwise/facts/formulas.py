"""Formulas for derived figures: the facts file names the formula and its inputs; code computes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MONTHS_PER_YEAR = 12
DAYS_PER_MONTH = 30


@dataclass(frozen=True)
class Formula:
    name: str
    parameters: tuple[str, ...]
    compute: Callable[..., float]
    expression: str
    """How the arithmetic reads, with each parameter's formatted value filled in."""

    def explain(self, shown: dict[str, str], result: str) -> str:
        return f"{self.expression.format(**shown)} = {result}"


def _clean(value: float) -> float:
    rounded = round(value, 6)
    return int(rounded) if float(rounded).is_integer() else rounded


FORMULAS: dict[str, Formula] = {
    formula.name: formula
    for formula in (
        Formula("reduced_by_percent", ("amount", "percent"),
                lambda amount, percent: _clean(amount * (100 - percent) / 100),
                "{amount} × (100% − {percent})"),
        Formula("difference", ("amount", "minus"),
                lambda amount, minus: _clean(amount - minus),
                "{amount} − {minus}"),
        Formula("percent_of", ("amount", "percent"),
                lambda amount, percent: _clean(amount * percent / 100),
                "{amount} × {percent}"),
        Formula("monthly_to_yearly", ("amount",),
                lambda amount: _clean(amount * MONTHS_PER_YEAR),
                "{amount} × " + str(MONTHS_PER_YEAR) + " months"),
        Formula("daily_to_monthly", ("amount",),
                lambda amount: _clean(amount * DAYS_PER_MONTH),
                "{amount} × " + str(DAYS_PER_MONTH) + " days"),
        Formula("share_for_multiplier", ("multiplier",),
                lambda multiplier: _clean(100 / multiplier),
                "100% ÷ {multiplier}"),
        Formula("divided_by", ("amount", "divisor"),
                lambda amount, divisor: _clean(amount / divisor),
                "{amount} ÷ {divisor}"),
        Formula("product", ("amount", "factor"),
                lambda amount, factor: _clean(amount * factor),
                "{amount} × {factor}"),
    )
}
