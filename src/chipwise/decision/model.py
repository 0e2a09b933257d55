"""The decision graph as frozen, typed objects: inputs and their ranges, outcomes, rules, tables, sizing."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from chipwise.facts.model import Fact, Family, Source, fill
from chipwise.facts.units import number_text
from chipwise.vocabulary import Accelerator


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
    case: str = ""
    """The value as a practice explanation's condition ('the model depended on code that runs only on NVIDIA GPUs')."""


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
class SizingSentences:
    """The sentences a sized decision writes, from the facts file's page copy (chipwise.guide.contract.CopyKey's
    SIZING_* keys, with their places); decisions.json's helper writes the same ones from the helper form."""

    memory_needed: str
    held_to_train: str
    held_as_weights: str
    family_unlisted: str
    family_fits: str
    accelerator: str
    accelerators: str
    family_too_large: str


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
    sentences: SizingSentences
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
        return fill(
            self.sentences.memory_needed,
            parameters=number_text(parameters_billion),
            bytes=number_text(per_parameter),
            precision=label,
            held=f"{held:,.1f}",
            held_as=self.sentences.held_to_train if trains else self.sentences.held_as_weights,
            headroom=number_text(headroom),
            memory=f"{total:,.1f}",
        )


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
    helper_only: bool = False
    """A reason the helper page gives and a practice explanation leaves out (it compares with hardware no option offers)."""


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
