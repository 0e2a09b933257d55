"""The derived section: figures computed by a named formula from other facts, in the order they depend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.facts.formulas import FORMULAS
from chipwise.facts.model import Derivation, Fact, frozen_map
from chipwise.facts.units import UNITS
from chipwise.guide.sections.report import Report
from chipwise.vocabulary import Kind, Scope


def build_derived(entries: Mapping[str, dict[str, Any]], report: Report) -> None:
    """Adds each derived figure to `report.facts` once its inputs are there; a cycle is reported on each member."""
    pending = dict(entries)
    for fact_id in pending:
        if fact_id in report.facts:
            report.problem(f"derived.{fact_id}", f"the id {fact_id!r} is already used in facts")
    pending = {key: value for key, value in pending.items() if key not in report.facts}
    while pending:
        ready = [
            fact_id for fact_id, entry in pending.items() if all(input_id in report.facts or input_id not in pending for input_id in entry["inputs"].values())
        ]
        if not ready:
            cycle = ", ".join(sorted(pending))
            for fact_id in pending:
                report.problem(f"derived.{fact_id}.inputs", f"derived figures depend on each other in a cycle: {cycle}")
            return
        for fact_id in ready:
            _derive(fact_id, pending.pop(fact_id), report)


def _derive(fact_id: str, entry: dict[str, Any], report: Report) -> None:
    where = f"derived.{fact_id}"
    formula = FORMULAS[entry["formula"]]
    given, wanted = set(entry["inputs"]), set(formula.parameters)
    if given != wanted:
        missing = ", ".join(sorted(wanted - given)) or "none"
        extra = ", ".join(sorted(given - wanted)) or "none"
        report.problem(
            f"{where}.inputs",
            f"formula {formula.name!r} takes inputs {', '.join(formula.parameters)}; missing: {missing}; unexpected: {extra}",
        )
        return
    inputs: dict[str, Fact] = {}
    for parameter, input_id in entry["inputs"].items():
        if input_id not in report.facts:
            report.unknown_fact(f"{where}.inputs.{parameter}", input_id)
            return
        if not report.facts[input_id].is_number:
            report.problem(f"{where}.inputs.{parameter}", f"the fact {input_id!r} is text; a formula needs a number")
            return
        inputs[parameter] = report.facts[input_id]
    try:
        value = formula.compute(**{name: fact.value for name, fact in inputs.items()})
    except ZeroDivisionError:
        report.problem(f"{where}.inputs", f"formula {formula.name!r} divides by zero")
        return
    unit = UNITS[entry["unit"]]
    if not unit.accepts(value):
        report.problem(f"{where}.unit", f"the computed value {value!r} is not {unit.expected} for unit {unit.name!r}")
        return
    result = unit.format(value)
    arithmetic = formula.explain({name: fact.formatted for name, fact in inputs.items()}, result)
    report.facts[fact_id] = Fact(
        id=fact_id,
        label=entry["label"],
        value=value,
        unit=entry["unit"],
        kind=Kind.DERIVED,
        scope=Scope.of(entry["scope"]),
        verified=max(fact.verified for fact in inputs.values()),
        evidence=Derivation(
            formula=formula.name,
            inputs=frozen_map({name: fact.id for name, fact in inputs.items()}),
            arithmetic=arithmetic,
        ),
    )
