"""The validated facts as frozen, typed objects: what pages, rules and the command read."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from chipwise.errors import resolve
from chipwise.facts.units import UNITS
from chipwise.vocabulary import Accelerator, Authority, Kind, Scope, Status, Verdict

Key = TypeVar("Key")
Value = TypeVar("Value")

PLACEHOLDER = re.compile(r"\{([a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_.-]*)\}")


def expand(template: str, show: Callable[[str], str]) -> str:
    """The template with each {fact.id} replaced by show(fact_id)."""
    return PLACEHOLDER.sub(lambda match: show(match.group(1)), template)


@dataclass(frozen=True)
class CheckedCopy:
    """The copy of a source that was read: a stored page, or a file at a commit of a repository."""

    url: str | None = None
    repository: str | None = None
    path: str | None = None
    commit: str | None = None
    note: str = ""

    @property
    def link(self) -> str:
        """Where a reader opens this exact copy."""
        if self.url is not None:
            return self.url
        return f"https://github.com/{self.repository}/blob/{self.commit}/{self.path}"

    @property
    def description(self) -> str:
        """'aws-neuron/aws-neuron-sdk, path/file.rst at 81ce03a' or the stored page's address."""
        if self.url is not None:
            return self.url
        return f"{self.repository}, {self.path} at commit {str(self.commit)[:12]}"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    authority: Authority
    checked_copy: CheckedCopy | None = None


@dataclass(frozen=True)
class Quote:
    """A fact's evidence when a source states it: the source and its own words."""

    source: Source
    text: str


@dataclass(frozen=True)
class Derivation:
    formula: str
    inputs: Mapping[str, str]
    """Formula parameter -> fact id."""
    arithmetic: str
    """The computation with its numbers, e.g. '$30,000/month × (100% − 70%) = $9,000/month'."""


@dataclass(frozen=True)
class Fact:
    id: str
    label: str
    value: str | int | float
    unit: str
    kind: Kind
    scope: Scope
    verified: datetime.date
    evidence: Quote | Derivation
    """What backs the value: a source's words, or a formula over other facts. Never neither."""
    qualifier: str = ""
    measures: str = ""
    baseline: str = ""
    note: str = ""

    @property
    def source(self) -> Source | None:
        return self.evidence.source if isinstance(self.evidence, Quote) else None

    @property
    def quote(self) -> str:
        return self.evidence.text if isinstance(self.evidence, Quote) else ""

    @property
    def derivation(self) -> Derivation | None:
        return self.evidence if isinstance(self.evidence, Derivation) else None

    @property
    def formatted(self) -> str:
        """The value in its unit: '16 chips', '70%', '$9,000/month'."""
        return UNITS[self.unit].format(self.value)

    @property
    def short(self) -> str:
        """The value with its qualifier: 'up to 70%'."""
        return " ".join(part for part in (self.qualifier, self.formatted) if part)

    @property
    def phrase(self) -> str:
        """The whole claim: 'up to 70% lower cost per inference than comparable ... instances'."""
        return " ".join(part for part in (self.short, self.measures, self.baseline) if part)

    @property
    def anchor(self) -> str:
        """The id of this fact's entry on the sources page."""
        return "fact-" + self.id.replace(".", "-").replace("_", "-")

    @property
    def is_number(self) -> bool:
        return not isinstance(self.value, str)


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    chip: str
    accelerator: Accelerator
    role: str
    status: Status
    specs: Mapping[str, Fact]


@dataclass(frozen=True)
class FactCheck:
    id: str
    topic: str
    note_says: str
    aws_says: str
    source: Source
    verdict: Verdict
    explanation: str
    explanation_template: str
    note_facts: tuple[Fact, ...] = ()
    aws_facts: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class StudyNoteLine:
    as_received: str
    reads: str
    section: str
    checks: tuple[FactCheck, ...]
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExamRule:
    situation: str
    answer: str
    instances: str


@dataclass(frozen=True)
class ExamMapping:
    """Where a topic sits in the exam guide."""

    topic: str
    domain: Fact
    task: Fact
    weight: Fact
    objective: Fact


@dataclass(frozen=True)
class Exam:
    rule: tuple[ExamRule, ...]
    memory_trick: tuple[tuple[str, str], ...]
    when_to_use_inferentia: tuple[str, ...]
    """Templates: they may cite facts as {fact.id}."""
    key_numbers: tuple[Fact, ...]
    mapping: tuple[ExamMapping, ...] = ()


@dataclass(frozen=True)
class InputValue:
    name: str
    label: str
    explanation: str


@dataclass(frozen=True)
class DecisionInput:
    name: str
    question: str
    values: tuple[InputValue, ...]
    default: str | None = None

    @property
    def value_names(self) -> tuple[str, ...]:
        return tuple(value.name for value in self.values)


@dataclass(frozen=True)
class Outcome:
    id: str
    accelerator: Accelerator
    title: str
    families: tuple[Family, ...]


@dataclass(frozen=True)
class Reason:
    text: str
    """The sentence with every {fact.id} replaced by the fact's phrase."""
    template: str
    facts: tuple[Fact, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    when: Mapping[str, frozenset[str]]
    """Input name -> the values this rule matches; an input left out matches any value."""
    outcome: Outcome
    reasons: tuple[Reason, ...]

    def matches(self, inputs: Mapping[str, str]) -> bool:
        return all(inputs[name] in values for name, values in self.when.items())


@dataclass(frozen=True)
class DecisionTable:
    hit_policy: str
    inputs: tuple[DecisionInput, ...]
    outcomes: Mapping[str, Outcome]
    rules: tuple[Rule, ...]

    def input(self, name: str) -> DecisionInput:
        return next(item for item in self.inputs if item.name == name)


@dataclass(frozen=True)
class Meta:
    title: str
    version: str
    exam: str
    exam_name: str
    verified_note: str


@dataclass(frozen=True)
class Facts:
    """Everything in one facts file, validated and cross-checked."""

    path: Path
    meta: Meta
    sources: Mapping[str, Source]
    facts: Mapping[str, Fact]
    families: Mapping[str, Family]
    fact_checks: Mapping[str, FactCheck]
    study_note: tuple[StudyNoteLine, ...]
    exam: Exam
    glossary: Mapping[str, str]
    decision: DecisionTable
    topics: Mapping[str, str]
    """Id prefix -> the heading its facts stand under on the Sources page."""
    spec_labels: Mapping[str, str]
    """Family spec key -> the row label in comparison tables."""

    def fact(self, fact_id: str) -> Fact:
        return resolve(self.facts, fact_id, "fact")

    def topic(self, fact: Fact) -> str:
        return self.topics.get(fact.id.split(".", 1)[0], "Other facts")

    @property
    def verified(self) -> datetime.date:
        """The most recent verification date of any fact."""
        return max(fact.verified for fact in self.facts.values())


def frozen_map(items: Mapping[Key, Value]) -> Mapping[Key, Value]:
    """A read-only copy of the mapping."""
    return MappingProxyType(dict(items))
