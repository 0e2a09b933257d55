"""Decide one case through the decision graph, table by table, and size the model against each recommended
family. Pure: it reads model objects and never the loader.

Each table's hit policy is UNIQUE (chipwise.decision.verify proves it when the file loads): every combination of
the values a table reads is decided by exactly one rule. Enumerated inputs have a few values; a numeric input's
values are the pieces its range is cut into at the rules' bounds (see chipwise.decision.ranges); a table that
reads an earlier table reads its outcomes as values.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from chipwise.decision.model import DecisionGraph, DecisionInput, DecisionTable, Outcome, Reason, Rule, Sizing, SizingSentences
from chipwise.decision.ranges import representative
from chipwise.errors import InvalidInput, did_you_mean, unknown_message
from chipwise.facts.model import Family, InstanceSize, fill, frozen_map
from chipwise.facts.schema_language import PLAIN_DECIMAL

__all__ = ["Decision", "FamilySize", "InvalidInput", "Step", "combinations", "decide", "describe_inputs", "replace_deprecated"]


@dataclass(frozen=True)
class FamilySize:
    """The smallest size of a family whose accelerator memory holds the model, or why there is none."""

    family: Family
    size: InstanceSize | None
    reason: str
    """The arithmetic when a size fits; what to do instead when none does."""

    def as_json(self) -> dict[str, Any]:
        size = self.size
        return {
            "family": self.family.id,
            "size": size.name if size else None,
            "accelerators": size.accelerators if size else None,
            "accelerator_memory_gib": round(size.accelerator_memory_gib, 2) if size else None,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Step:
    """One table's part of a decision: the rule that fired and the outcome it gave."""

    table: DecisionTable
    rule: Rule

    @property
    def outcome(self) -> Outcome:
        return self.rule.outcome

    def as_json(self) -> dict[str, Any]:
        return {
            "table": self.table.id,
            "question": self.table.question,
            "rule": self.rule.id,
            "outcome": self.outcome.id,
            "title": self.outcome.title,
            "reasons": [_reason_json(reason) for reason in self.rule.reasons],
        }


def _reason_json(reason: Reason) -> dict[str, Any]:
    return {"text": reason.text, "facts": [fact.id for fact in reason.facts], "sources": [source.url for source in reason.sources]}


@dataclass(frozen=True)
class Decision:
    """The answer for one combination of inputs, with its trace: each table, the rule that fired and why."""

    inputs: Mapping[str, str]
    """Input name -> value name (for a numeric input, the piece of its range the number fell in)."""
    steps: tuple[Step, ...]
    """One per table, in the order they decide; the last gives the hardware."""
    numbers: Mapping[str, float]
    """Numeric input name -> the number given or computed."""
    memory_needed_gib: float | None = None
    """The model's memory need, when its size was given."""
    parameters_billion: float | None = None
    precision: str | None = None
    headroom_percent: float | None = None
    memory_arithmetic: str = ""
    sizes: tuple[FamilySize, ...] = ()

    @property
    def rule(self) -> Rule:
        """The rule of the last table: the one that names the hardware."""
        return self.steps[-1].rule

    @property
    def outcome(self) -> Outcome:
        return self.rule.outcome

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return tuple(step.outcome for step in self.steps)

    def step(self, table_id: str) -> Step:
        """This decision's step in one table ('serving': how it is served)."""
        return next(step for step in self.steps if step.table.id == table_id)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return tuple(reason for step in self.steps for reason in step.rule.reasons)

    @property
    def accelerator(self) -> str | None:
        return self.outcome.accelerator

    @property
    def instance_families(self) -> tuple[str, ...]:
        return tuple(family.id for family in self.outcome.families)

    @property
    def size(self) -> InstanceSize | None:
        """The smallest size that holds the model, in the first family that has one (when a size was given)."""
        return next((item.size for item in self.sizes if item.size is not None), None)

    @property
    def title(self) -> str:
        """What serves it and what it runs on: 'SageMaker Asynchronous Inference on Inf2 (AWS Inferentia2), inf2.xlarge'."""
        title = " on ".join(outcome.title for outcome in self.outcomes)
        return f"{title}, {self.size.name}" if self.size is not None else title

    def as_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "inputs": dict(self.inputs),
            "title": self.title,
            "accelerator": self.accelerator,
            "instance_families": list(self.instance_families),
            "family_names": [family.name for family in self.outcome.families],
            "outcome": self.outcome.id,
            "outcomes": {step.table.id: step.outcome.id for step in self.steps},
            "rule": self.rule.id,
            "rules": [step.rule.id for step in self.steps],
            "steps": [step.as_json() for step in self.steps],
            "reasons": [_reason_json(reason) for reason in self.reasons],
        }
        if self.memory_needed_gib is not None:
            result["parameters_billion"] = self.parameters_billion
            result["precision"] = self.precision
            result["headroom_percent"] = self.headroom_percent
            result["memory_needed_gib"] = round(self.memory_needed_gib, 2)
            result["memory_arithmetic"] = self.memory_arithmetic
            result["sizes"] = [size.as_json() for size in self.sizes]
            result["size"] = self.size.name if self.size is not None else None
        return result


def combinations(decides: DecisionGraph | DecisionTable) -> Iterator[dict[str, str]]:
    """Every combination of input values (for a numeric input, every piece of its range), in the inputs' order."""
    names = [item.name for item in decides.inputs]
    for values in itertools.product(*(item.value_names for item in decides.inputs)):
        yield dict(zip(names, values, strict=True))


def describe_inputs(inputs: Mapping[str, str]) -> str:
    return ", ".join(f"{name}={value}" for name, value in inputs.items())


def number_of(item: DecisionInput, value: object) -> float:
    """A numeric input's value as a number inside its range; InvalidInput naming the range otherwise.

    A piece's name (such as '[0..6]', from `combinations`) stands for a number inside that piece."""
    assert item.numeric is not None
    numeric = item.numeric
    piece = next((candidate for candidate in item.values if candidate.name == value and candidate.interval is not None), None)
    if piece is not None and piece.interval is not None:
        return representative(piece.interval)
    return _bounded_number(item.name, value, numeric.minimum, numeric.maximum, numeric.unit)


def replace_deprecated(graph: DecisionGraph, given: Mapping[str, object]) -> tuple[dict[str, object], list[str]]:
    """The inputs with every deprecated input replaced by today's, and a one-line message for each replaced."""
    result = {name: value for name, value in given.items() if value is not None}
    messages = []
    for name, old in graph.deprecated.items():
        if name not in result:
            continue
        value = result.pop(name)
        if str(value) not in old.values:
            raise InvalidInput(f"{name} must be one of: {', '.join(old.values)}; received {value!r}{did_you_mean(str(value), list(old.values))}")
        new = old.values[str(value)]
        if old.input_name in result and result[old.input_name] != new:
            raise InvalidInput(f"{name} (deprecated) says {old.input_name}={new}, but {old.input_name}={result[old.input_name]} was given too")
        result[old.input_name] = new
        messages.append(f"deprecated: {name}={value} is now {old.input_name}={new}; {name} goes in the next release")
    return result, messages


_DECIDED_LIMIT = 4096
_decided: dict[tuple[int, tuple[tuple[str, type, object], ...]], tuple[DecisionGraph, Decision]] = {}
"""Decisions already made, by the graph's identity (the graph is kept alive while cached) and the inputs as given:
a graph is immutable, so one case always gets the same answer. Practice questions ask for the same few hundred
cases thousands of times."""
_PLAIN = (str, int, float)


def decide(graph: DecisionGraph, **given: object) -> Decision:
    """The decision for these inputs, table by table; an input left out (or None) takes its default.

    With a sizing section, `params_billion` and `precision` may be given instead of the memory input: the
    memory need is then computed (parameters × bytes per parameter × (1 + headroom), where a workload that
    trains counts the training memory per parameter instead of the precision's) and each recommended family
    is sized.
    """
    given = {name: value for name, value in given.items() if value is not None}
    if not all(type(value) in _PLAIN for value in given.values()):
        return _decide(graph, given)  # a value of another type is refused or read as given, never cached
    # The type is part of the key (1, 1.0 and True are equal in Python, but not to decide), and a float is keyed by
    # its repr (-0.0 == 0.0, and nan equals nothing).
    key = (id(graph), tuple(sorted((name, type(value), repr(value) if type(value) is float else value) for name, value in given.items())))
    hit = _decided.get(key)
    if hit is not None and hit[0] is graph:
        return hit[1]
    decision = _decide(graph, given)
    if len(_decided) >= _DECIDED_LIMIT:
        _decided.clear()
    _decided[key] = (graph, decision)
    return decision


def _decide(graph: DecisionGraph, given: dict[str, object]) -> Decision:
    """decide's work, for inputs with None left out; raises InvalidInput (never cached) for a case it refuses."""
    sizing = graph.sizing
    parameters: float | None = None
    precision: str | None = None
    headroom: float | None = None
    trains = False
    if sizing is not None:
        parameters_value = given.pop(SIZING_PARAMETERS, None)
        precision_value = given.pop(SIZING_PRECISION, None)
        headroom_value = given.pop(SIZING_HEADROOM, None)
        if parameters_value is None and (precision_value is not None or headroom_value is not None):
            raise InvalidInput(f"{SIZING_PRECISION} and {SIZING_HEADROOM} size a model: give {SIZING_PARAMETERS} as well")
        if parameters_value is not None:
            parameters, precision, headroom = _sizing_inputs(sizing, parameters_value, precision_value, headroom_value)
            if sizing.input_name in given:
                raise InvalidInput(f"give either {SIZING_PARAMETERS} or {sizing.input_name}, not both")
            trains = sizing.trains({item.name: given.get(item.name, item.default) for item in graph.inputs})
            given[sizing.input_name] = sizing.memory_gib(parameters, precision, headroom, trains)
    names = [item.name for item in graph.inputs]
    if sizing is not None:
        names += [SIZING_PARAMETERS, SIZING_PRECISION, SIZING_HEADROOM]
    unknown = set(given) - {item.name for item in graph.inputs}
    if unknown:
        name = sorted(unknown)[0]
        raise InvalidInput(f"{unknown_message('input', name, names)}; the inputs are: {', '.join(names)}")
    inputs: dict[str, str] = {}
    numbers = {}
    for item in graph.inputs:
        value = given.get(item.name)
        if value is None:
            value = item.default
        if item.numeric is not None:
            number = number_of(item, value)
            numbers[item.name] = number
            inputs[item.name] = item.case_of(number).name
            continue
        if value is None:
            raise InvalidInput(f"{item.name} is required; choose one of: {', '.join(item.value_names)}")
        if value not in item.value_names:
            text = str(value)
            raise InvalidInput(f"{item.name} must be one of: {', '.join(item.value_names)}; received {value!r}{did_you_mean(text, item.value_names)}")
        inputs[item.name] = str(value)
    steps = _decide_tables(graph, inputs)
    memory = numbers.get(sizing.input_name) if sizing is not None and parameters is not None else None
    families = steps[-1].outcome.families
    sizes = tuple(size_family(family, memory, sizing.sentences) for family in families) if sizing is not None and memory is not None else ()
    arithmetic = ""
    if sizing is not None and parameters is not None and precision:
        arithmetic = sizing.arithmetic(parameters, precision, headroom, trains)
    return Decision(
        inputs=frozen_map(inputs),
        steps=steps,
        numbers=frozen_map(numbers),
        memory_needed_gib=memory,
        parameters_billion=parameters,
        precision=precision,
        headroom_percent=headroom,
        memory_arithmetic=arithmetic,
        sizes=sizes,
    )


def _decide_tables(graph: DecisionGraph, inputs: Mapping[str, str]) -> tuple[Step, ...]:
    """Each table in order, reading the inputs and the earlier tables' outcomes. Loading verified every table,
    so exactly one rule matches."""
    values = dict(inputs)
    steps = []
    for table in graph.tables:
        rule = next(rule for rule in table.rules if rule.matches(values))
        values[table.id] = rule.outcome.id
        steps.append(Step(table, rule))
    return tuple(steps)


SIZING_PARAMETERS = "params_billion"
"""The input that gives a model's size, in billions of parameters (with sizing)."""
SIZING_PRECISION = "precision"
"""The input that gives the precision its weights are stored in (with sizing)."""
SIZING_HEADROOM = "headroom_percent"
"""The input that overrides the sizing headroom, in percent of the weights (with sizing)."""
HEADROOM_MAXIMUM = 1000.0


def _bounded_number(name: str, value: object, minimum: float, maximum: float, unit: str) -> float:
    allowed = f"{name} must be a number from {minimum:g} to {maximum:g} ({unit})"
    if isinstance(value, bool):
        raise InvalidInput(f"{allowed}; received {value!r}")
    if isinstance(value, str) and not PLAIN_DECIMAL.fullmatch(value.strip()):
        raise InvalidInput(f"{allowed}, written with the digits 0-9; received {value!r}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidInput(f"{allowed}; received {value!r}") from None
    if not math.isfinite(number) or not minimum <= number <= maximum:
        raise InvalidInput(f"{allowed}; received {value!r}")
    return number


def _sizing_inputs(sizing: Sizing, parameters: object, precision: object, headroom: object) -> tuple[float, str, float]:
    number = _bounded_number(SIZING_PARAMETERS, parameters, sizing.parameters_minimum, sizing.parameters_maximum, "billions of parameters")
    names = [item.name for item in sizing.precisions]
    chosen = sizing.default_precision if precision is None else str(precision)
    if chosen not in names:
        raise InvalidInput(f"{SIZING_PRECISION} must be one of: {', '.join(names)}; received {precision!r}{did_you_mean(chosen, names)}")
    percent = sizing.headroom_percent if headroom is None else _bounded_number(SIZING_HEADROOM, headroom, 0, HEADROOM_MAXIMUM, "percent of the weights")
    return number, chosen, percent


def size_family(family: Family, memory_gib: float, sentences: SizingSentences) -> FamilySize:
    """The smallest size of the family whose accelerator memory holds `memory_gib`, with the arithmetic."""
    if not family.sizes:
        return FamilySize(family, None, fill(sentences.family_unlisted, family=family.name))
    for size in family.sizes:
        if size.accelerator_memory_gib >= memory_gib:
            accelerators = fill(sentences.accelerators if size.accelerators != 1 else sentences.accelerator, count=str(size.accelerators))
            memory = f"{size.accelerator_memory_gib:,.1f}"
            reason = fill(sentences.family_fits, size=size.name, accelerators=accelerators, memory=memory, needed=f"{memory_gib:,.1f}")
            return FamilySize(family, size, reason)
    largest = family.sizes[-1]
    beyond = f" {family.beyond_one_instance}" if family.beyond_one_instance else ""
    too_large = fill(
        sentences.family_too_large, needed=f"{memory_gib:,.1f}", family=family.name, largest=largest.name, memory=f"{largest.accelerator_memory_gib:,.1f}"
    )
    return FamilySize(family, None, too_large + beyond)
