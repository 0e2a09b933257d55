"""Units a fact can carry: what values each accepts and how each is shown to a reader."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    name: str
    template: str
    accepts: Callable[[object], bool]
    expected: str
    grouped: bool = True
    """Group thousands (30,000); a year is not grouped."""

    def format(self, value: object) -> str:
        if isinstance(value, (int, float)) and self.grouped:
            return self.template.format(number_text(value))
        return self.template.format(value)


_WORD = re.compile(r"[A-Za-z]+")


def repeated_unit(unit_name: str, following: str) -> str:
    """The unit word that the text after a value repeats ('chips' in '{inf1.chips_max} Inferentia chips'), or ''.

    A value is shown with its unit ('up to 16 chips'), so the words that follow must not name the unit again."""
    words = _WORD.findall(UNITS[unit_name].template.replace("{}", ""))
    if not words:
        return ""
    unit_word = words[-1].lower().rstrip("s")
    following_words = _WORD.findall(following)[:3]
    return next((word for word in following_words if word.lower().rstrip("s") == unit_word), "")


def number_text(value: float) -> str:
    """12 -> '12', 30000 -> '30,000', 2.3 -> '2.3', 9000.0 -> '9,000', 2.3333 -> '2.33'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{round(value, 2):,}".rstrip("0").rstrip(".")


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _positive_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def _non_negative_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0


def _percent(value: object) -> bool:
    return _non_negative_number(value) and value <= 100  # type: ignore[operator]


def _text(value: object) -> bool:
    return isinstance(value, str)


def _task(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[1-9]\.[1-9]", value) is not None


def _year(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1990 <= value <= 2100


_COUNT = "a whole number above 0"
UNITS: dict[str, Unit] = {
    unit.name: unit
    for unit in (
        Unit("chips", "{} chips", _positive_int, _COUNT),
        Unit("sizes", "{} sizes", _positive_int, _COUNT),
        Unit("instances", "{} instances", _positive_int, _COUNT),
        Unit("neuroncores", "{} NeuronCores", _positive_int, _COUNT),
        Unit("gpus", "{} GPUs", _positive_int, _COUNT),
        Unit("GiB", "{} GiB", _positive_number, "a number above 0"),
        Unit("bytes-per-parameter", "{} bytes per parameter", _positive_number, "a number above 0"),
        Unit("MB", "{} MB", _positive_number, "a number above 0"),
        Unit("GB", "{} GB", _positive_number, "a number above 0"),
        Unit("invocations", "{} invocations", _positive_int, _COUNT),
        Unit("Gbps", "{} Gbps", _positive_number, "a number above 0"),
        Unit("GiB-per-sec", "{} GiB/sec", _positive_number, "a number above 0"),
        Unit("TB-per-sec", "{} TB/sec", _positive_number, "a number above 0"),
        Unit("TFLOPS", "{} TFLOPS", _positive_number, "a number above 0"),
        Unit("PFLOPS", "{} PFLOPS", _positive_number, "a number above 0"),
        Unit("times", "{}x", _positive_number, "a number above 0 (the multiplier)"),
        Unit("percent", "{}%", _percent, "a percentage from 0 to 100"),
        Unit("billion-parameters", "{}-billion-parameter model", _positive_number, "a number above 0"),
        Unit("requests-per-day", "{} requests a day", _positive_number, "a number above 0"),
        Unit("requests-per-month", "{} requests a month", _positive_number, "a number above 0"),
        Unit("usd-per-month", "${}/month", _non_negative_number, "an amount of 0 or more"),
        Unit("usd-per-year", "${}/year", _non_negative_number, "an amount of 0 or more"),
        Unit("questions", "{} questions", _positive_int, _COUNT),
        Unit("minutes", "{} minutes", _positive_int, _COUNT),
        Unit("year", "{}", _year, "a year from 1990 to 2100", grouped=False),
        Unit("domain", "Domain {}", _positive_int, "a domain number above 0"),
        Unit("task", "Task Statement {}", _task, 'a task number written as text, like "2.3"'),
        Unit("text", "{}", _text, "text"),
    )
}

MEMORY_BYTES = {"GiB": 2**30, "GB": 10**9, "MiB": 2**20, "MB": 2**20}
"""The memory units, in bytes, for every conversion: instance tables give GiB, GB or MiB, and a fact in MB is AWS's
MB of 2**20 bytes ("1 GB increments: 1024 MB, 2048 MB, ... or 6144 MB"), so 6,144 MB is 6 GiB."""

NUMBER_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
    9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 16: "sixteen",
}


def quote_states(quote: str, value: object) -> bool:
    """Does the verbatim quote contain this number (as digits, grouped, or as a word)?"""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return True
    forms = {number_text(value), number_text(value).replace(",", "")}
    if isinstance(value, int) and value in NUMBER_WORDS:
        forms.add(NUMBER_WORDS[value])
    if isinstance(value, int) and value >= 1_000_000 and value % 1_000_000 == 0:
        forms.add(f"{value // 1_000_000:,} million")
    return any(
        re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", quote, flags=re.IGNORECASE)
        for form in forms
    )
