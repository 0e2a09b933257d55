"""Verify each decision table and the graph: hit policy UNIQUE (no gap, no overlap), no dead rule, every
input read and every table's answer used.

A table's input space is split region by region, one input at a time, grouping the values that leave the same
rules in play: it reasons over sets and intervals, so a table of many inputs and rules is proved complete and
unambiguous without visiting every combination."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from chipwise.decision.model import DecisionGraph, DecisionInput, DecisionTable, Rule


@dataclass(frozen=True)
class Finding:
    """Something wrong with a decision table: the key path it concerns, and what."""

    key_path: str
    message: str


def verify(table: DecisionTable, where: str = "decision") -> list[Finding]:
    """UNIQUE: each region of the table's input space decided by exactly one rule, and no rule that decides nothing."""
    search = _Search(
        where=where,
        described=table.inputs,
        classes={item.name: _equivalent_values(item, table.rules) for item in table.inputs},
    )
    # Split first on the inputs most rules test: candidates thin out soonest (stable, so ties keep the table's order).
    order = sorted(table.inputs, key=lambda item: -sum(item.name in rule.when for rule in table.rules))
    _split(order, 0, {}, table.rules, search)
    for rule in table.rules:
        if rule.id not in search.reached:
            search.findings.append(Finding(f"{where}.rules.{rule.id}.when", f"rule {rule.id!r} is unreachable: it decides no combination of inputs"))
    return search.findings


@dataclass
class _Search:
    """What one table's verification carries through its splits."""

    where: str
    described: Sequence[DecisionInput]
    """The table's inputs in its own order, for describing a region."""
    classes: Mapping[str, Sequence[tuple[str, ...]]]
    """Per input, its values in classes that every rule of the table treats alike."""
    findings: list[Finding] = field(default_factory=list)
    reached: set[str] = field(default_factory=set)


def verify_graph(graph: DecisionGraph) -> list[Finding]:
    """Every table verified; every rule id unique; every input read by some table; every table but the last read
    by a later one (so each output is used). Tables read only earlier ones, so the graph has no cycle."""
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    for table in graph.tables:
        where = f"decision.tables.{table.id}"
        findings.extend(verify(table, where))
        for rule in table.rules:
            if rule.id in seen:
                used = f"the rule id {rule.id!r} is already used in the table {seen[rule.id]!r}"
                findings.append(Finding(f"{where}.rules.{rule.id}", f"{used}; rule ids are unique across the graph"))
            seen.setdefault(rule.id, table.id)
    read = {item.name for table in graph.tables for item in table.inputs}
    for item in graph.inputs:
        if item.name not in read:
            findings.append(Finding(f"decision.inputs.{item.name}", f"no table reads the input {item.name!r}: read it in a table's reads, or remove it"))
    for table in graph.tables[:-1]:
        if table.id not in read:
            unused = f"no later table reads the outcome of {table.id!r}: only the last table's outcome is the recommendation"
            findings.append(Finding(f"decision.tables.{table.id}", unused))
    if not graph.tables:
        findings.append(Finding("decision.tables", "the graph needs at least one table"))
    return findings


_MOST_FINDINGS = 50


def _split(inputs: Sequence[DecisionInput], index: int, region: dict[str, tuple[str, ...]], candidates: Sequence[Rule], search: _Search) -> None:
    """Split the region on input `index`: values that keep the same candidate rules stay together. Each input's
    values come in classes that every rule of the table treats alike (a numeric input's pieces between two of
    this table's bounds, though other tables cut it finer): one value of a class stands for all of it."""
    findings = search.findings
    if len(findings) >= _MOST_FINDINGS:
        return
    if not candidates:
        findings.append(Finding(f"{search.where}.rules", f"gap: no rule decides {_describe_region(search.described, region)}"))
        return
    if index == len(inputs):
        search.reached.update(rule.id for rule in candidates)
        if len(candidates) > 1:
            names = " and ".join(repr(rule.id) for rule in candidates)
            findings.append(
                Finding(
                    f"{search.where}.rules.{candidates[1].id}.when",
                    f"overlap: rules {names} both decide {_describe_region(search.described, region)} (hit policy UNIQUE allows one)",
                )
            )
        return
    if len(candidates) == 1 and all(_accepts_every_value(candidates[0], item) for item in inputs[index:]):
        search.reached.add(candidates[0].id)  # one rule, and nothing left that it could refuse: decided once
        return
    item = inputs[index]
    groups: dict[tuple[str, ...], list[str]] = {}
    for alike in search.classes[item.name]:
        value = alike[0]
        keeping = tuple(rule.id for rule in candidates if item.name not in rule.when or value in rule.when[item.name])
        groups.setdefault(keeping, []).extend(alike)
    by_id = {rule.id: rule for rule in candidates}
    for keeping, values in groups.items():
        members = set(values)
        chosen = tuple(name for name in item.value_names if name in members)
        _split(inputs, index + 1, {**region, item.name: chosen}, [by_id[rule_id] for rule_id in keeping], search)


def _accepts_every_value(rule: Rule, item: DecisionInput) -> bool:
    return item.name not in rule.when or len(rule.when[item.name]) == len(item.values)


def _equivalent_values(item: DecisionInput, rules: Sequence[Rule]) -> list[tuple[str, ...]]:
    """The input's values grouped by which of these rules accept them, in the input's order."""
    classes: dict[tuple[bool, ...], list[str]] = {}
    for value in item.value_names:
        accepted = tuple(item.name not in rule.when or value in rule.when[item.name] for rule in rules)
        classes.setdefault(accepted, []).append(value)
    return [tuple(members) for members in classes.values()]


def _describe_region(inputs: Sequence[DecisionInput], region: Mapping[str, tuple[str, ...]]) -> str:
    """'workload=inference, neuron=no' (an input with all its values left out); ranges by their pieces."""
    parts = []
    for item in inputs:
        values = region.get(item.name)
        if values is None or len(values) == len(item.values):
            continue
        parts.append(f"{item.name}={' or '.join(values)}")
    return ", ".join(parts) or "every combination"
