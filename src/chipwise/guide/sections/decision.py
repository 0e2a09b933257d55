"""The decision section: its inputs, tables (read in the order they decide), sizing and deprecated inputs, as one graph."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.decision.model import DecisionGraph, DecisionInput, DecisionTable, DeprecatedInput
from chipwise.facts.model import Family, frozen_map
from chipwise.guide.sections.decision_inputs import build_input, cut_numeric_ranges
from chipwise.guide.sections.decision_tables import build_table
from chipwise.guide.sections.report import Report
from chipwise.guide.sections.sizing import build_sizing


def build_decision(raw: dict[str, Any], families: Mapping[str, Family], page_copy: Mapping[str, str], report: Report) -> tuple[DecisionGraph, bool]:
    """The decision graph from its checked raw mapping (its sizing writes sentences of the page copy), and whether
    every input and table of it was built (only a complete graph can be verified); problems go to the report."""
    inputs = tuple(item for item in (build_input(name, entry, report) for name, entry in raw["inputs"].items()) if item is not None)
    for item in inputs:
        if item.numeric is None and item.default is not None and item.default not in item.value_names:
            report.unknown(f"decision.inputs.{item.name}.default", f"value of {item.name}", str(item.default), item.value_names)
    sizes = {size.name: size for family in families.values() for size in family.sizes}
    table_ids = set(raw["tables"])
    clashes = table_ids & set(raw["inputs"])
    for name in sorted(clashes):
        report.problem(f"decision.tables.{name}", f"{name!r} names both an input and a table: give the table another id")
    outcome_ids: dict[str, str] = {}
    built_tables: list[DecisionTable] = []
    complete = len(inputs) == len(raw["inputs"]) and not clashes
    for table_id, entry in raw["tables"].items():
        table = build_table(table_id, entry, inputs, built_tables, families, sizes, outcome_ids, table_ids, report)
        if table is None:
            complete = False
        else:
            built_tables.append(table)
    inputs, built_tables = cut_numeric_ranges(inputs, built_tables)
    sizing = build_sizing(raw["sizing"], inputs, page_copy, report) if "sizing" in raw else None
    deprecated = _deprecated_inputs(raw.get("deprecated_inputs", {}), inputs, report)
    graph = DecisionGraph(inputs=inputs, tables=tuple(built_tables), sizing=sizing, deprecated=frozen_map(deprecated))
    return graph, complete


def _deprecated_inputs(raw: Mapping[str, dict[str, Any]], inputs: tuple[DecisionInput, ...], report: Report) -> dict[str, DeprecatedInput]:
    by_name = {item.name: item for item in inputs if item.numeric is None}
    result = {}
    for name, entry in raw.items():
        where = f"decision.deprecated_inputs.{name}"
        if name in by_name:
            report.problem(where, f"{name!r} is a current input; a deprecated input needs a name of its own")
            continue
        target = by_name.get(entry["input"])
        if target is None:
            report.unknown(f"{where}.input", "enumerated input", entry["input"], by_name)
            continue
        for old, new in entry["values"].items():
            if new not in target.value_names:
                report.unknown(f"{where}.values.{old}", f"value of {target.name}", new, target.value_names)
        result[name] = DeprecatedInput(name=name, input_name=target.name, values=frozen_map({str(old): new for old, new in entry["values"].items()}))
    return result
