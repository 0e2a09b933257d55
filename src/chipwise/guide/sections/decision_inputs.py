"""The decision section's inputs: enumerated (named values) or numeric (a range, cut into pieces at the rules' bounds)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from chipwise.decision import ranges
from chipwise.decision.model import DecisionInput, DecisionTable, InputValue, NumericRange
from chipwise.facts.model import frozen_map
from chipwise.guide.sections.report import Report


def build_input(name: str, entry: dict[str, Any], report: Report) -> DecisionInput | None:
    """An enumerated input (values) or a numeric one (number); its pieces are cut once every rule is read."""
    where = f"decision.inputs.{name}"
    if ("values" in entry) == ("number" in entry):
        report.problem(where, "give either values (an enumerated input) or number (a numeric input), not both or neither")
        return None
    if "values" in entry:
        values = tuple(
            InputValue(
                name=value,
                label=spec["label"],
                explanation=report.text(f"{where}.values.{value}.explanation", spec["explanation"]),
                case=spec.get("case", ""),
            )
            for value, spec in entry["values"].items()
        )
        default = entry.get("default")
        return DecisionInput(name=name, question=entry["question"], values=values, default=None if default is None else str(default))
    number = entry["number"]
    bounds = [number["minimum"], number["maximum"], entry.get("default", number["minimum"])]
    if not all(isinstance(bound, (int, float)) and not isinstance(bound, bool) for bound in bounds):
        report.problem(f"{where}.number", "minimum, maximum and default of a numeric input must be numbers")
        return None
    minimum, maximum, default = (float(bound) for bound in bounds)
    if not minimum < maximum or not minimum <= default <= maximum:
        report.problem(f"{where}.number", f"expected minimum < maximum and the default between them; received {minimum:g}, {maximum:g}, default {default:g}")
        return None
    numeric = NumericRange(unit=number["unit"], minimum=minimum, maximum=maximum, computed=number.get("computed", ""))
    return DecisionInput(name=name, question=entry["question"], values=(), default=repr(default), numeric=numeric)


def cut_numeric_ranges(inputs: tuple[DecisionInput, ...], tables: list[DecisionTable]) -> tuple[tuple[DecisionInput, ...], list[DecisionTable]]:
    """Cut each numeric input's range at every bound any rule of the graph tests; the pieces become its values
    (in every table that reads it), and each rule's range becomes the pieces inside it."""
    every_rule = [rule for table in tables for rule in table.rules]
    result_inputs = []
    for item in inputs:
        if item.numeric is None:
            result_inputs.append(item)
            continue
        cut = ranges.pieces(item.numeric, [rule.ranges[item.name] for rule in every_rule if item.name in rule.ranges])
        values = tuple(
            InputValue(
                name=ranges.piece_name(piece),
                label=piece.text(item.numeric.unit, item.numeric.minimum, item.numeric.maximum),
                explanation="",
                interval=piece,
            )
            for piece in cut
        )
        result_inputs.append(replace(item, values=values))
    by_name = {item.name: item for item in result_inputs}
    result_tables = []
    for table in tables:
        result_rules = []
        for rule in table.rules:
            when = dict(rule.when)
            for name, interval in rule.ranges.items():
                when[name] = frozenset(
                    value.name for value in by_name[name].values if value.interval is not None and ranges.covers(interval, value.interval)
                )
            result_rules.append(replace(rule, when=frozen_map(when)))
        table_inputs = tuple(by_name.get(item.name, item) for item in table.inputs)
        result_tables.append(replace(table, inputs=table_inputs, rules=tuple(result_rules)))
    return tuple(result_inputs), result_tables
