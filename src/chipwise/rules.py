"""The decision table's logic: decide one case, and verify the whole table. Pure: it reads model
objects and never the loader, which calls `verify` when a file loads.

The hit policy is UNIQUE: every combination of input values is decided by exactly one rule. Inputs
are small enumerations, so completeness, uniqueness and reachability are checked exhaustively.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from chipwise.errors import InvalidInput, did_you_mean, unknown_message
from chipwise.facts.model import DecisionTable, Outcome, Rule, frozen_map

__all__ = ["Decision", "Finding", "InvalidInput", "combinations", "decide", "describe_inputs", "verify"]


@dataclass(frozen=True)
class Finding:
    """Something wrong with a decision table: the key path it concerns, and what."""

    key_path: str
    message: str


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
        name = sorted(unknown)[0]
        raise InvalidInput(f"{unknown_message('input', name, (item.name for item in table.inputs))}; the inputs are: {allowed}")
    inputs = {}
    for item in table.inputs:
        value = given.get(item.name)
        if value is None:
            value = item.default
        if value is None:
            raise InvalidInput(f"{item.name} is required; choose one of: {', '.join(item.value_names)}")
        if value not in item.value_names:
            raise InvalidInput(f"{item.name} must be one of: {', '.join(item.value_names)}; received {value!r}{did_you_mean(value, item.value_names)}")
        inputs[item.name] = value
    matching = [rule for rule in table.rules if rule.matches(inputs)]
    # Loading verified the table, so exactly one rule matches.
    return Decision(inputs=frozen_map(inputs), rule=matching[0])


def verify(table: DecisionTable) -> list[Finding]:
    """UNIQUE: each combination decided by exactly one rule, and no rule that decides nothing."""
    findings = []
    decided: dict[str, int] = {rule.id: 0 for rule in table.rules}
    for inputs in combinations(table):
        matching = [rule for rule in table.rules if rule.matches(inputs)]
        for rule in matching:
            decided[rule.id] += 1
        if not matching:
            findings.append(Finding("decision.rules", f"gap: no rule decides {describe_inputs(inputs)}"))
        elif len(matching) > 1:
            names = " and ".join(repr(rule.id) for rule in matching)
            findings.append(
                Finding(
                    f"decision.rules.{matching[1].id}.when",
                    f"overlap: rules {names} both decide {describe_inputs(inputs)} (hit policy UNIQUE allows one)",
                )
            )
    for rule_id, count in decided.items():
        if count == 0:
            findings.append(Finding(f"decision.rules.{rule_id}.when", f"rule {rule_id!r} is unreachable: it decides no combination of inputs"))
    return findings
