"""The decision section's tables: each table's inputs, outcomes and rules, every reference and range checked."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from chipwise.decision import ranges
from chipwise.decision.model import DecisionInput, DecisionTable, Interval, NumericRange, Outcome, Reason, Rule
from chipwise.errors import unknown_message
from chipwise.facts.model import PLACEHOLDER, Fact, Family, InstanceSize, frozen_map
from chipwise.facts.units import MEMORY_BYTES
from chipwise.guide.sections.report import Report
from chipwise.vocabulary import Accelerator


def build_table(
    table_id: str,
    raw: dict[str, Any],
    inputs: tuple[DecisionInput, ...],
    earlier: list[DecisionTable],
    families: Mapping[str, Family],
    sizes: Mapping[str, InstanceSize],
    outcome_ids: dict[str, str],
    table_ids: set[str],
    report: Report,
) -> DecisionTable | None:
    """One table: the inputs it reads must be the practitioner's or an earlier table's (so the graph has no cycle)."""
    where = f"decision.tables.{table_id}"
    available = {item.name: item for item in inputs} | {table.id: table.as_input() for table in earlier}
    read = []
    ok = True
    for index, name in enumerate(raw["reads"]):
        if name in available:
            read.append(available[name])
        elif name in table_ids:
            order = "list tables in the order they decide (a table may not read itself or a later one)"
            report.problem(f"{where}.reads[{index}]", f"{table_id!r} reads {name!r}, which is not decided before it: {order}")
            ok = False
        else:
            report.unknown(f"{where}.reads[{index}]", "input or earlier table", name, available)
            ok = False
    outcomes = {}
    for outcome_id, entry in raw["outcomes"].items():
        if outcome_id in outcome_ids:
            used = f"the outcome id {outcome_id!r} is already used by the table {outcome_ids[outcome_id]!r}"
            report.problem(f"{where}.outcomes.{outcome_id}", f"{used}; outcome ids are unique across the graph")
            ok = False
        outcome_ids.setdefault(outcome_id, table_id)
        chosen = []
        for index, family_id in enumerate(entry.get("families", [])):
            if family_id in families:
                chosen.append(families[family_id])
            else:
                report.unknown(f"{where}.outcomes.{outcome_id}.families[{index}]", "instance family", family_id, families)
        why_not_path = f"{where}.outcomes.{outcome_id}.why_not"
        report.text(why_not_path, entry["why_not"])
        if not PLACEHOLDER.search(entry["why_not"]):
            report.problem(why_not_path, "say what this outcome is for citing at least one fact as {fact.id}: it explains a wrong option")
        accelerator = Accelerator.of(entry["accelerator"]) if "accelerator" in entry else None
        outcomes[outcome_id] = Outcome(id=outcome_id, title=entry["title"], families=tuple(chosen), why_not=entry["why_not"], accelerator=accelerator)
    built_rules = []
    for rule_id, entry in raw["rules"].items():
        rule = _rule(f"{where}.rules.{rule_id}", rule_id, entry, tuple(read), outcomes, sizes, report)
        if rule is not None:
            built_rules.append(rule)
        else:
            ok = False
    if not ok:
        return None
    return DecisionTable(
        id=table_id, question=raw["question"], hit_policy=raw["hit_policy"], inputs=tuple(read), outcomes=frozen_map(outcomes), rules=tuple(built_rules)
    )


def _rule(
    where: str,
    rule_id: str,
    entry: dict[str, Any],
    inputs: tuple[DecisionInput, ...],
    outcomes: Mapping[str, Outcome],
    sizes: Mapping[str, InstanceSize],
    report: Report,
) -> Rule | None:
    by_name = {item.name: item for item in inputs}
    ok = True
    when = {}
    intervals = {}
    range_texts = {}
    for name, values in entry["when"].items():
        if name not in by_name:
            report.unknown(f"{where}.when.{name}", "input this table reads", name, by_name)
            ok = False
            continue
        numeric = by_name[name].numeric
        if numeric is not None:
            interval = _range(f"{where}.when.{name}", values, numeric, sizes, report)
            if interval is None:
                ok = False
            else:
                intervals[name] = interval
                range_texts[name] = str(values)
            continue
        if isinstance(values, str):
            report.problem(f"{where}.when.{name}", f"{name} is an enumerated input: list its values, like [{by_name[name].value_names[0]}]")
            ok = False
            continue
        for index, value in enumerate(values):
            if value not in by_name[name].value_names:
                report.unknown(f"{where}.when.{name}[{index}]", f"value of {name}", value, by_name[name].value_names)
                ok = False
        when[name] = frozenset(values)
    if entry["then"] not in outcomes:
        report.unknown(f"{where}.then", "outcome", entry["then"], outcomes)
        ok = False
    reasons = []
    for index, reason in enumerate(entry["reasons"]):
        reason_path = f"{where}.reasons[{index}]"
        cited = PLACEHOLDER.findall(reason["text"])
        text = report.text(f"{reason_path}.text", reason["text"])
        facts = tuple(report.facts[fact_id] for fact_id in cited if fact_id in report.facts)
        sources = [fact.source for fact in facts if fact.source is not None]
        if "source" in reason:
            source = report.source(f"{reason_path}.source", reason["source"])
            if source is not None:
                sources.insert(0, source)
        if not cited and "source" not in reason:
            report.problem(f"{reason_path}.text", "a reason must cite a fact as {fact.id} or name a source")
            ok = False
        unique_sources = tuple(dict.fromkeys(sources))
        reasons.append(Reason(text=text, template=reason["text"], facts=facts, sources=unique_sources, helper_only=reason.get("shown") == "helper"))
    if not ok:
        return None
    return Rule(
        id=rule_id,
        when=frozen_map(when),
        outcome=outcomes[entry["then"]],
        reasons=tuple(reasons),
        ranges=frozen_map(intervals),
        range_texts=frozen_map(range_texts),
    )


def _range(key_path: str, written: Any, numeric: NumericRange, sizes: Mapping[str, InstanceSize], report: Report) -> Interval | None:
    """The interval a rule's range test names, with {fact.id} bounds converted to the input's unit; a bound
    {size} (an instance size's name, such as {g6.48xlarge}) stands for that size's accelerator memory in GiB."""
    if not isinstance(written, str):
        report.problem(key_path, "a numeric input is tested with one range, like '<= 6', '> 6' or '[2..8)', not a list")
        return None

    def resolve(bound: str) -> float:
        placeholder = PLACEHOLDER.fullmatch(bound)
        if placeholder is None:
            try:
                value = float(bound)
            except ValueError:
                raise ValueError(f"expected a number or a fact as {{fact.id}} as a bound, received {bound!r}") from None
            if not math.isfinite(value):
                raise ValueError(f"expected a finite bound, received {bound!r}")
            return value
        fact_id = placeholder.group(1)
        if fact_id not in report.facts and fact_id in sizes and numeric.unit == "GiB":
            return sizes[fact_id].accelerator_memory_gib
        if fact_id not in report.facts:
            raise ValueError(unknown_message("fact or instance size", fact_id, [*report.facts, *sizes]))
        fact = report.facts[fact_id]
        return convert_unit(fact, numeric.unit)

    try:
        return ranges.parse(written, resolve)
    except ValueError as error:
        report.problem(key_path, str(error))
        return None


def convert_unit(fact: Fact, unit: str) -> float:
    """The fact's number in `unit`; ValueError when it is text or its unit cannot be converted."""
    if not fact.is_number:
        raise ValueError(f"the fact {fact.id!r} is text; a range bound needs a number")
    if fact.unit == unit:
        return float(fact.value)
    if fact.unit in MEMORY_BYTES and unit in MEMORY_BYTES:
        return float(fact.value) * MEMORY_BYTES[fact.unit] / MEMORY_BYTES[unit]
    raise ValueError(f"the fact {fact.id!r} is in {fact.unit}, which cannot be converted to {unit}")
