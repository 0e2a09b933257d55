"""The decision table: built from the facts file, verified when it loads, and evaluated.

The hit policy is UNIQUE: every combination of input values is decided by exactly one rule. Inputs
are small enumerations, so completeness, uniqueness and reachability are checked exhaustively.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from chipwise.facts.model import (
    PLACEHOLDER,
    DecisionInput,
    DecisionTable,
    Family,
    InputValue,
    Outcome,
    Reason,
    Rule,
    frozen_map,
)

if TYPE_CHECKING:
    from chipwise.facts.load import _Builder


class InvalidInput(ValueError):
    """A recommend() call with an unknown input or value; the message names the allowed values."""


@dataclass(frozen=True)
class Decision:
    """The answer for one combination of inputs, with its trace: which rule matched and why."""

    inputs: Mapping[str, str]
    rule: Rule

    @property
    def outcome(self) -> Outcome:
        return self.rule.outcome

    @property
    def accelerator(self) -> str:
        return self.outcome.accelerator

    @property
    def instance_families(self) -> tuple[str, ...]:
        return tuple(family.id for family in self.outcome.families)

    def as_json(self) -> dict[str, Any]:
        return {
            "inputs": dict(self.inputs),
            "accelerator": self.accelerator,
            "instance_families": list(self.instance_families),
            "family_names": [family.name for family in self.outcome.families],
            "outcome": self.outcome.id,
            "title": self.outcome.title,
            "rule": self.rule.id,
            "reasons": [
                {
                    "text": reason.text,
                    "facts": [fact.id for fact in reason.facts],
                    "sources": [source.url for source in reason.sources],
                }
                for reason in self.rule.reasons
            ],
        }


def combinations(table: DecisionTable) -> Iterator[dict[str, str]]:
    """Every combination of input values, in the table's order."""
    names = [item.name for item in table.inputs]
    for values in itertools.product(*(item.value_names for item in table.inputs)):
        yield dict(zip(names, values, strict=True))


def describe_inputs(inputs: Mapping[str, str]) -> str:
    return ", ".join(f"{name}={value}" for name, value in inputs.items())


def decide(table: DecisionTable, **given: str | None) -> Decision:
    """The decision for these inputs; an input left out (or None) takes its default."""
    unknown = set(given) - {item.name for item in table.inputs}
    if unknown:
        allowed = ", ".join(item.name for item in table.inputs)
        raise InvalidInput(f"unknown input {sorted(unknown)[0]!r}; the inputs are: {allowed}")
    inputs = {}
    for item in table.inputs:
        value = given.get(item.name)
        if value is None:
            value = item.default
        if value is None:
            raise InvalidInput(f"{item.name} is required; choose one of: {', '.join(item.value_names)}")
        if value not in item.value_names:
            raise InvalidInput(f"{item.name} must be one of: {', '.join(item.value_names)}; received {value!r}")
        inputs[item.name] = value
    matching = [rule for rule in table.rules if rule.matches(inputs)]
    # Loading verified the table, so exactly one rule matches.
    return Decision(inputs=frozen_map(inputs), rule=matching[0])  # type: ignore[arg-type]


def build_table(raw: dict[str, Any], builder: _Builder, families: Mapping[str, Family]) -> DecisionTable:
    """The decision table from its checked raw mapping; problems go to the builder's walk."""
    inputs = tuple(
        DecisionInput(
            name=name,
            question=entry["question"],
            default=entry.get("default"),
            values=tuple(
                InputValue(name=value, label=spec["label"], explanation=builder.text(f"decision.inputs.{name}.values.{value}.explanation", spec["explanation"]))
                for value, spec in entry["values"].items()
            ),
        )
        for name, entry in raw["inputs"].items()
    )
    for item in inputs:
        if item.default is not None and item.default not in item.value_names:
            builder.unknown(f"decision.inputs.{item.name}.default", f"value of {item.name}", item.default, item.value_names)

    outcomes = {}
    for outcome_id, entry in raw["outcomes"].items():
        chosen = []
        for index, family_id in enumerate(entry["families"]):
            if family_id in families:
                chosen.append(families[family_id])
            else:
                builder.unknown(f"decision.outcomes.{outcome_id}.families[{index}]", "instance family", family_id, families)
        outcomes[outcome_id] = Outcome(id=outcome_id, accelerator=entry["accelerator"], title=entry["title"], families=tuple(chosen))

    built_rules = []
    for rule_id, entry in raw["rules"].items():
        rule = _build_rule(rule_id, entry, inputs, outcomes, builder)
        if rule is not None:
            built_rules.append(rule)
    table = DecisionTable(
        hit_policy=raw["hit_policy"],
        inputs=inputs,
        outcomes=frozen_map(outcomes),  # type: ignore[arg-type]
        rules=tuple(built_rules),
    )
    if len(built_rules) == len(raw["rules"]):
        _verify(table, builder)
    return table


def _build_rule(
    rule_id: str, entry: dict[str, Any], inputs: tuple[DecisionInput, ...], outcomes: Mapping[str, Outcome], builder: _Builder
) -> Rule | None:
    where = f"decision.rules.{rule_id}"
    by_name = {item.name: item for item in inputs}
    ok = True
    when = {}
    for name, values in entry["when"].items():
        if name not in by_name:
            builder.unknown(f"{where}.when.{name}", "input", name, by_name)
            ok = False
            continue
        for index, value in enumerate(values):
            if value not in by_name[name].value_names:
                builder.unknown(f"{where}.when.{name}[{index}]", f"value of {name}", value, by_name[name].value_names)
                ok = False
        when[name] = frozenset(values)
    if entry["then"] not in outcomes:
        builder.unknown(f"{where}.then", "outcome", entry["then"], outcomes)
        ok = False
    reasons = []
    for index, reason in enumerate(entry["reasons"]):
        reason_path = f"{where}.reasons[{index}]"
        cited = PLACEHOLDER.findall(reason["text"])
        text = builder.text(f"{reason_path}.text", reason["text"])
        facts = tuple(builder.facts[fact_id] for fact_id in cited if fact_id in builder.facts)
        sources = [fact.source for fact in facts if fact.source is not None]
        if "source" in reason:
            source = builder.source(f"{reason_path}.source", reason["source"])
            if source is not None:
                sources.insert(0, source)
        if not cited and "source" not in reason:
            builder.problem(f"{reason_path}.text", "a reason must cite a fact as {fact.id} or name a source")
            ok = False
        unique_sources = tuple(dict.fromkeys(sources))
        reasons.append(Reason(text=text, template=reason["text"], facts=facts, sources=unique_sources))
    if not ok:
        return None
    return Rule(id=rule_id, when=frozen_map(when), outcome=outcomes[entry["then"]], reasons=tuple(reasons))  # type: ignore[arg-type]


def _verify(table: DecisionTable, builder: _Builder) -> None:
    """UNIQUE: each combination decided by exactly one rule, and no rule that decides nothing."""
    decided: dict[str, int] = {rule.id: 0 for rule in table.rules}
    for inputs in combinations(table):
        matching = [rule for rule in table.rules if rule.matches(inputs)]
        for rule in matching:
            decided[rule.id] += 1
        if not matching:
            builder.problem("decision.rules", f"gap: no rule decides {describe_inputs(inputs)}")
        elif len(matching) > 1:
            names = " and ".join(repr(rule.id) for rule in matching)
            builder.problem(
                f"decision.rules.{matching[1].id}.when",
                f"overlap: rules {names} both decide {describe_inputs(inputs)} (hit policy UNIQUE allows one)",
            )
    for rule_id, count in decided.items():
        if count == 0:
            builder.problem(f"decision.rules.{rule_id}.when", f"rule {rule_id!r} is unreachable: it decides no combination of inputs")
