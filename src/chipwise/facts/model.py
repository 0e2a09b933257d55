"""The validated facts as frozen, typed objects: what pages, rules and the command read."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from chipwise.facts.units import MEMORY_BYTES, UNITS, number_text
from chipwise.vocabulary import Accelerator, Authority, Competing, Kind, Scope, Status, Verdict

Key = TypeVar("Key")
Value = TypeVar("Value")

PLACEHOLDER = re.compile(r"\{([a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_.-]*)\}")


def expand(template: str, show: Callable[[str], str]) -> str:
    """The template with each {fact.id} replaced by show(fact_id)."""
    return PLACEHOLDER.sub(lambda match: show(match.group(1)), template)


COPY_PLACE = re.compile(r"\{([a-z_]+)\}")
"""A {name} place in a page_copy sentence ({fact.id}, with its dot, is not one: the page copy names no fact)."""


def fill(sentence: str, **values: str) -> str:
    """A page_copy sentence as plain text, each {name} place given its value (the loader checked the places)."""
    return COPY_PLACE.sub(lambda place: values[place.group(1)], sentence)


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
    specs: Mapping[str, tuple[Fact, ...]]
    """Spec name -> the facts its cell shows: one, or several read as alternatives (Gen1 or Gen2)."""
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
        return self.accelerator_memory * MEMORY_BYTES[self.memory_unit] / MEMORY_BYTES["GiB"]

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


def frozen_map(items: Mapping[Key, Value]) -> Mapping[Key, Value]:
    """A read-only copy of the mapping."""
    return MappingProxyType(dict(items))


STATED_IN = {"workload": "workload", "model": "framework", "requests": "traffic", "memory_gib": "workload"}
"""Where a scenario's prose states each decision input (the loader checks these are the graph's inputs)."""


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
    task: ExamMapping | None = None
    """Where the exam guide covers what it practises (None only while the file is refused)."""
    competing: Competing | None = None
    also: Mapping[str, str] | None = None
    """A second decision the stem asks for: the question is 'Select TWO', one right option per decision."""
    settles: str = ""
    """How the stem's competing requirement bears on the answer: the right option's explanation opens with it."""
    scope: Scope = Scope.AIF_C01
    """BEYOND_EXAM: the stem turns on more than the exam asks, so its question is a drill."""
    offers: str = ""
    """The decision table whose answers the options name alone ('serving': the ways of serving, for a stem whose
    hardware is not in question); empty: what serves it on what hardware (a training stem's options: hardware)."""

    @property
    def sentences(self) -> Mapping[str, str]:
        """For each decision input the stem can state, the sentence that states it: the model in the framework
        sentence, requests in the traffic sentence, the size in the workload (each falling back to the workload)."""
        return {name: getattr(self, part) or self.workload for name, part in STATED_IN.items()}

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
    offers: str = ""
    """With `states`: the decision table whose answers alone the options name (as a scenario's `offers`)."""
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
    task: ExamMapping | None = None


@dataclass(frozen=True)
class Practice:
    scenarios: tuple[Scenario, ...] = ()
    case_studies: tuple[CaseStudy, ...] = ()
    tasks: Mapping[str, ExamMapping] = field(default_factory=dict)
    corrections: Mapping[Verdict, str] = field(default_factory=dict)
    """A fact check's verdict -> the correction it calls for (templates)."""
    option_names: Mapping[str, str] = field(default_factory=dict)
    """A decision outcome's id -> its name in a practice option ('Amazon EC2 P5 instances'); '' for none."""
    hosted_names: Mapping[str, str] = field(default_factory=dict)
    """A decision outcome's id -> its name after a SageMaker way of serving ('ml.inf2 instances')."""
    """A generated question's topic -> where the exam guide covers it."""
