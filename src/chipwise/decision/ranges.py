"""Ranges on numeric decision inputs, written like DMN unary tests, and the pieces they cut a range into.

A rule tests a numeric input with one range: `<= 6`, `> 6`, `>= 2`, `< 8`, `[2..8)`, `(2..8]`. A bound may
name a fact, `<= {sagemaker.serverless_memory_max}`, converted to the input's unit. The loader cuts the
input's whole range at every bound the rules use; each piece is then a value of the input, and a rule
matches the pieces inside its range. Completeness and uniqueness are decided over those pieces: interval
reasoning, never a sweep over numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

from chipwise.decision.model import Interval, NumericRange

_COMPARISON = re.compile(r"^\s*(<=|>=|<|>)\s*(\S+)\s*$")
_BETWEEN = re.compile(r"^\s*([\[(])\s*([^.\s]+(?:\.\d+)?|\{[^}]+\})\s*\.\.\s*([^\s\])]+)\s*([\])])\s*$")

Resolve = Callable[[str], float]
"""Turns a bound as written (a number, or {fact.id}) into a number in the input's unit; ValueError if it cannot."""


def parse(text: str, resolve: Resolve) -> Interval:
    """The interval a range test describes; ValueError with a message a person can act on."""
    comparison = _COMPARISON.match(text)
    if comparison:
        operator, bound = comparison.group(1), resolve(comparison.group(2))
        return {
            "<=": Interval(-math.inf, bound, False, True),
            "<": Interval(-math.inf, bound, False, False),
            ">=": Interval(bound, math.inf, True, False),
            ">": Interval(bound, math.inf, False, False),
        }[operator]
    between = _BETWEEN.match(text)
    if between:
        low, high = resolve(between.group(2)), resolve(between.group(3))
        if low >= high:
            raise ValueError(f"the range {text.strip()!r} is empty: its lower bound must be below its upper bound")
        return Interval(low, high, between.group(1) == "[", between.group(4) == "]")
    raise ValueError(f"expected a range like '<= 6', '> 6' or '[2..8)', received {text!r}")


def pieces(numeric: NumericRange, intervals: Iterable[Interval]) -> list[Interval]:
    """The input's range [minimum..maximum] cut at every bound of these intervals, smallest first."""
    cuts: set[tuple[float, int]] = set()
    for interval in intervals:
        for bound, closed, is_low in ((interval.low, interval.low_closed, True), (interval.high, interval.high_closed, False)):
            if numeric.minimum < bound < numeric.maximum or (bound == numeric.minimum and not is_low and closed):
                # A cut "before" the bound separates x < b from x >= b; "after" separates x <= b from x > b.
                cuts.add((bound, 0 if (is_low and closed) or (not is_low and not closed) else 1))
    result = []
    start, start_closed = numeric.minimum, True
    for bound, after in sorted(cuts):
        piece = Interval(start, bound, start_closed, after == 1)
        if piece.low < piece.high or (piece.low == piece.high and piece.low_closed and piece.high_closed):
            result.append(piece)
        start, start_closed = bound, after == 0
    last = Interval(start, numeric.maximum, start_closed, True)
    if last.low < last.high or (last.low_closed and last.high_closed):
        result.append(last)
    return result


def representative(piece: Interval) -> float:
    """A number inside the piece (pieces are never split by a rule, so one number stands for all)."""
    if piece.low == piece.high:
        return piece.low
    return (piece.low + piece.high) / 2


def covers(interval: Interval, piece: Interval) -> bool:
    return interval.contains(representative(piece))


def piece_name(piece: Interval) -> str:
    """The piece in range notation, used as the value's name: '[0..6]', '(6..1000000]'."""
    def number(value: float) -> str:
        return str(int(value)) if float(value).is_integer() else repr(value)

    return f"{'[' if piece.low_closed else '('}{number(piece.low)}..{number(piece.high)}{']' if piece.high_closed else ')'}"
