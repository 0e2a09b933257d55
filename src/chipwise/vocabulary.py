"""The facts file's vocabularies, each declared once with the label a reader sees.

The schema accepts exactly these values, the JSON Schema lists them, the model holds them as enum
members and the renderers show `member.label`. StrEnum members compare equal to their text, so JSON
output and templates need no conversion.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Vocabulary(StrEnum):
    """A StrEnum whose members are declared as (value, label)."""

    label: str

    def __new__(cls, value: str, label: str) -> Vocabulary:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def of(cls, value: str) -> Self:
        """The member whose value is `value` (checked by the schema before this is called)."""
        return next(member for member in cls if member.value == value)

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)


class Kind(Vocabulary):
    """What kind of claim a fact is."""

    SPEC = "spec", "spec"
    VENDOR_CLAIM = "vendor-claim", "AWS claim"
    EXAM_GUIDE = "exam-guide", "exam guide"
    EXAM_NOTE = "exam-note", "exam note"
    EXAMPLE_INPUT = "example-input", "example input"
    THIRD_PARTY = "third-party", "third-party"
    DERIVED = "derived", "derived"

    @classmethod
    def sourced(cls) -> tuple[str, ...]:
        """The kinds a fact in `facts:` may have (derived figures live under `derived:`)."""
        return tuple(member.value for member in cls if member is not cls.DERIVED)


class Scope(Vocabulary):
    AIF_C01 = "aif-c01", "in the exam"
    """In scope for the exam the facts file names (meta.exam); renderers show meta.exam."""
    BEYOND_EXAM = "beyond-exam", "beyond the exam"


class Verdict(Vocabulary):
    CONFIRMED = "confirmed", "Confirmed"
    QUALIFIED = "qualified", "Qualified"
    MIS_ATTRIBUTED = "mis-attributed", "Mis-attributed"
    UNSOURCED = "unsourced", "Unsourced"
    ILLUSTRATIVE = "illustrative", "Illustrative"


class Accelerator(Vocabulary):
    INFERENTIA = "inferentia", "AWS Inferentia"
    TRAINIUM = "trainium", "AWS Trainium"
    GPU = "gpu", "GPU"
    CPU = "cpu", "CPU"


class Status(Vocabulary):
    CURRENT = "current", "current"
    LEGACY = "legacy", "legacy"


class Authority(Vocabulary):
    AWS = "aws", "AWS"
    THIRD_PARTY = "third-party", "third party"


class Qualifier(Vocabulary):
    UP_TO = "up to", "up to"
    OVER = "over", "over"
    APPROXIMATELY = "approximately", "approximately"
    AT_LEAST = "at least", "at least"


class Competing(Vocabulary):
    """The second requirement an exam-style stem sets against the first, so that one distractor is right but not best."""

    LATENCY = "latency", "latency"
    OPERATIONS = "operations", "operational overhead"
    PAYLOAD = "payload", "payload size"
    ENVIRONMENT = "environment", "environmental impact"
    BUDGET = "budget", "budget"
