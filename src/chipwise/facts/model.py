"""The validated facts as frozen, typed objects: what pages, rules and the command read."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from chipwise.errors import resolve
from chipwise.facts.benchmarks import Benchmarks
from chipwise.facts.units import UNITS, number_text
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
    sizes: tuple[InstanceSize, ...] = ()
    """Smallest first: by accelerator memory, then accelerators, then vCPUs."""
    beyond_one_instance: str = ""
    """What AWS offers when a model is too large for the largest size (a template citing facts)."""


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
    same_point_as: tuple[str, ...] = ()
    """Fact checks whose AWS quote also answers this note (never each other's wrong answer)."""

    def shares_point_with(self, other: FactCheck) -> bool:
        return other.id in self.same_point_as or self.id in other.same_point_as


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
    accelerator: Accelerator
    """What the code joins on (the comparison table's column); `answer` is only shown."""


@dataclass(frozen=True)
class MemoryTrick:
    accelerator: Accelerator
    chip: str
    word: str


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
    memory_trick: tuple[MemoryTrick, ...]
    when_to_use_inferentia: tuple[str, ...]
    """Templates: they may cite facts as {fact.id}."""
    key_numbers: tuple[Fact, ...]
    mapping: tuple[ExamMapping, ...] = ()


@dataclass(frozen=True, order=True)
class Interval:
    """A range of a numeric input, like a DMN unary test: [a..b), (a..b], >= a, < b."""

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True

    def contains(self, value: float) -> bool:
        above = value >= self.low if self.low_closed else value > self.low
        below = value <= self.high if self.high_closed else value < self.high
        return above and below

    def text(self, unit: str, minimum: float = -math.inf, maximum: float = math.inf) -> str:
        """'at most 6 GiB', 'more than 6 GiB', '[6..12) GiB'; an end at the input's minimum or maximum is left unsaid."""
        low, high = number_text(self.low), number_text(self.high)
        if self.high >= maximum:
            return f"{'at least' if self.low_closed else 'more than'} {low} {unit}"
        if self.low <= minimum:
            return f"{'at most' if self.high_closed else 'less than'} {high} {unit}"
        left, right = ("[" if self.low_closed else "("), ("]" if self.high_closed else ")")
        return f"{left}{low}..{high}{right} {unit}"


@dataclass(frozen=True)
class InputValue:
    name: str
    label: str
    explanation: str
    interval: Interval | None = None
    """For a numeric input: the piece of its range this value stands for."""


@dataclass(frozen=True)
class NumericRange:
    """A numeric input's unit and allowed range; its values are the pieces the rules' ranges cut it into."""

    unit: str
    minimum: float
    maximum: float
    computed: str = ""
    """How the value is computed when it is not given (empty when a person gives it)."""


@dataclass(frozen=True)
class DecisionInput:
    name: str
    question: str
    values: tuple[InputValue, ...]
    default: str | None = None
    numeric: NumericRange | None = None

    @property
    def value_names(self) -> tuple[str, ...]:
        return tuple(value.name for value in self.values)

    def case_of(self, number: float) -> InputValue:
        """The value (a piece of the range) that a number falls in."""
        return next(value for value in self.values if value.interval is not None and value.interval.contains(number))


@dataclass(frozen=True)
class Precision:
    name: str
    label: str
    bytes_per_parameter: float


@dataclass(frozen=True)
class TrainingMemory:
    """What training holds per parameter (weights, gradients, optimizer states), for the workloads that train."""

    input_name: str
    values: tuple[str, ...]
    bytes_per_parameter: Fact
    label: str


@dataclass(frozen=True)
class Sizing:
    """How a model's memory need is computed: parameters × bytes per parameter × (1 + headroom).

    Bytes per parameter are the precision's for serving; for a workload that trains, the training memory's."""

    input_name: str
    """The numeric decision input that receives the result (in GiB)."""
    parameters_question: str
    parameters_minimum: float
    parameters_maximum: float
    precisions: tuple[Precision, ...]
    precision_question: str
    default_precision: str
    headroom_percent: float
    headroom_note: str
    training: TrainingMemory | None = None

    def precision(self, name: str) -> Precision:
        return next(item for item in self.precisions if item.name == name)

    def trains(self, inputs: Mapping[str, object]) -> bool:
        return self.training is not None and inputs.get(self.training.input_name) in self.training.values

    def bytes_per_parameter(self, precision: str, trains: bool = False) -> tuple[float, str]:
        """The bytes each parameter needs, and what they hold."""
        if trains and self.training is not None:
            return float(self.training.bytes_per_parameter.value), self.training.label
        chosen = self.precision(precision)
        return chosen.bytes_per_parameter, chosen.label

    def held_gib(self, parameters_billion: float, precision: str, trains: bool = False) -> float:
        """What the parameters hold before headroom: the weights, or for a workload that trains, its training state."""
        return parameters_billion * 1e9 * self.bytes_per_parameter(precision, trains)[0] / 2**30

    def memory_gib(self, parameters_billion: float, precision: str, headroom_percent: float | None = None, trains: bool = False) -> float:
        """Parameters × bytes per parameter × (1 + headroom), in GiB."""
        headroom = self.headroom_percent if headroom_percent is None else headroom_percent
        return self.held_gib(parameters_billion, precision, trains) * (1 + headroom / 100)

    def arithmetic(self, parameters_billion: float, precision: str, headroom_percent: float | None = None, trains: bool = False) -> str:
        """'70 billion parameters × 2 bytes (BF16 / FP16) = 130.4 GiB of weights; + 20% headroom = 156.5 GiB'."""
        headroom = self.headroom_percent if headroom_percent is None else headroom_percent
        per_parameter, label = self.bytes_per_parameter(precision, trains)
        held = self.held_gib(parameters_billion, precision, trains)
        total = self.memory_gib(parameters_billion, precision, headroom, trains)
        what = "to train" if trains else "of weights"
        return (
            f"{number_text(parameters_billion)} billion parameters × {number_text(per_parameter)} bytes ({label}) "
            f"= {held:,.1f} GiB {what}; + {number_text(headroom)}% headroom = {total:,.1f} GiB"
        )


BYTES_PER_UNIT = {"GiB": 2**30, "GB": 10**9, "MiB": 2**20}
"""The memory units instance tables use, in bytes."""


@dataclass(frozen=True)
class InstanceSize:
    """One size of an instance family, with the table row it comes from."""

    name: str
    family: str
    accelerators: int
    accelerator_memory: float
    """The size's total accelerator memory, in memory_unit (accelerators × memory_per_accelerator where the
    source gives memory per accelerator)."""
    memory_unit: str
    """GiB, or GB or MiB where the source gives those."""
    vcpus: int | None
    network_gbps: float | None
    network_qualifier: str
    source: Source
    quote: str
    verified: datetime.date
    note: str = ""
    memory_per_accelerator: float | None = None
    network_source: Source | None = None
    """Where the network figure comes from another source than the row."""
    network_quote: str = ""

    @property
    def accelerator_memory_gib(self) -> float:
        return self.accelerator_memory * BYTES_PER_UNIT[self.memory_unit] / 2**30

    @property
    def memory_text(self) -> str:
        """The memory as the source gives it, with the arithmetic where chipwise multiplies it out."""
        if self.memory_per_accelerator is None:
            total = f"{number_text(self.accelerator_memory)} {self.memory_unit}"
        else:
            total = f"{number_text(self.accelerators)} × {number_text(self.memory_per_accelerator)} {self.memory_unit}"
        if self.memory_unit == "GiB":
            return total
        return f"{total} = {self.accelerator_memory_gib:,.1f} GiB"

    @property
    def network_text(self) -> str:
        if self.network_gbps is None:
            return "—"
        qualifier = f"{self.network_qualifier} " if self.network_qualifier else ""
        return f"{qualifier}{number_text(self.network_gbps)} Gbps"


def total_memory(accelerators: int, memory_per_accelerator: float) -> float:
    """A size's accelerator memory where the source gives it per accelerator."""
    return accelerators * memory_per_accelerator


def gbps_from_mbps(megabits_per_second: float) -> float:
    return megabits_per_second / 1000


@dataclass(frozen=True)
class Outcome:
    """One answer of a decision table: an AWS product by name, with the instance families it runs on (if any)."""

    id: str
    title: str
    families: tuple[Family, ...] = ()
    why_not: str = ""
    """What it is for, as a template citing facts as {fact.id}: the explanation when a question offers it and it is wrong."""
    accelerator: Accelerator | None = None
    """The kind of hardware, for an outcome that names hardware; None for a way of serving."""


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
    ranges: Mapping[str, Interval] = field(default_factory=lambda: MappingProxyType({}))
    """Numeric input name -> the range this rule tests, as written (its values above are the pieces inside it)."""
    range_texts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Numeric input name -> the range as the facts file writes it, with its {fact.id} or {size} bounds."""

    def matches(self, inputs: Mapping[str, str]) -> bool:
        return all(inputs[name] in values for name, values in self.when.items())


@dataclass(frozen=True)
class DecisionTable:
    """One decision of the graph: the inputs it reads (the practitioner's, or earlier tables' outputs), its
    outcomes and its rules, under a hit policy."""

    id: str
    question: str
    hit_policy: str
    inputs: tuple[DecisionInput, ...]
    outcomes: Mapping[str, Outcome]
    rules: tuple[Rule, ...]

    def input(self, name: str) -> DecisionInput:
        return next(item for item in self.inputs if item.name == name)

    def as_input(self) -> DecisionInput:
        """This table's output as an input of a later table: its values are the outcomes."""
        values = tuple(InputValue(name=outcome.id, label=outcome.title, explanation="") for outcome in self.outcomes.values())
        return DecisionInput(name=self.id, question=self.question, values=values)


@dataclass(frozen=True)
class DeprecatedInput:
    """An input of an earlier release: its values map onto a value of the input that replaced it."""

    name: str
    input_name: str
    values: Mapping[str, str]


@dataclass(frozen=True)
class DecisionGraph:
    """Decision tables where one table's output can be another's input (a DMN decision requirements graph).

    `tables` are in the order they decide: each reads only the practitioner's inputs and earlier tables. The
    last table's outcome is the recommendation."""

    inputs: tuple[DecisionInput, ...]
    """What the practitioner gives."""
    tables: tuple[DecisionTable, ...]
    sizing: Sizing | None = None
    deprecated: Mapping[str, DeprecatedInput] = field(default_factory=lambda: MappingProxyType({}))
    """Old input name -> how it maps onto today's input, accepted for one release."""

    def input(self, name: str) -> DecisionInput:
        return next(item for item in self.inputs if item.name == name)

    def table(self, table_id: str) -> DecisionTable:
        return next(item for item in self.tables if item.id == table_id)

    @property
    def top(self) -> DecisionTable:
        return self.tables[-1]

    @property
    def rules(self) -> tuple[Rule, ...]:
        """Every rule of every table, table by table."""
        return tuple(rule for table in self.tables for rule in table.rules)

    @property
    def outcomes(self) -> Mapping[str, Outcome]:
        """Every outcome of every table, by id (ids are unique across the graph)."""
        return MappingProxyType({outcome.id: outcome for table in self.tables for outcome in table.outcomes.values()})

    def table_of(self, rule: Rule) -> DecisionTable:
        return next(table for table in self.tables if rule in table.rules)


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
    decision: DecisionGraph
    topics: Mapping[str, str]
    """Id prefix -> the heading its facts stand under on the Sources page."""
    spec_labels: Mapping[str, str]
    """Family spec key -> the row label in comparison tables."""
    practice: Practice = field(default_factory=lambda: Practice())
    """Exam-style scenarios and case studies, the practice questions' stems."""
    benchmarks: Benchmarks | None = None
    """AWS's published benchmark rows, from the sibling file the facts file names; None when it names none."""

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


@dataclass(frozen=True)
class Scenario:
    """An exam-style stem in parts; `states` names the decision inputs its prose states."""

    id: str
    company: str
    workload: str
    ask: str
    states: Mapping[str, str]
    framework: str = ""
    traffic: str = ""
    constraint: str = ""

    @property
    def situation(self) -> str:
        """The stem without its question: 'A media company serves ... around the clock.'"""
        return " ".join(part for part in (f"{self.company} {self.workload}", self.framework, self.traffic, self.constraint) if part)

    @property
    def stem(self) -> str:
        return f"{self.situation} {self.ask}"


@dataclass(frozen=True)
class CaseQuestion:
    """One question of a case study: decided by the engine from `states`, or asking for the fact `answer`."""

    ask: str
    states: Mapping[str, str] | None = None
    answer: Fact | None = None
    options: tuple[Fact, ...] = ()
    """With `answer`: the other facts offered."""


@dataclass(frozen=True)
class CaseStudy:
    id: str
    title: str
    background: str
    """A template: it may cite facts as {fact.id}."""
    questions: tuple[CaseQuestion, ...]


@dataclass(frozen=True)
class Practice:
    scenarios: tuple[Scenario, ...] = ()
    case_studies: tuple[CaseStudy, ...] = ()
