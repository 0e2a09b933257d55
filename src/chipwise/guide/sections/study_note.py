"""The study_note section: the note as received, line by line, with the fact checks and rules each line meets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.facts.model import FactCheck, StudyNoteLine
from chipwise.guide.sections.report import Report


def build_study_note(entries: list[dict[str, Any]], fact_checks: Mapping[str, FactCheck], decision: Any, report: Report) -> tuple[StudyNoteLine, ...]:
    lines = []
    rule_ids = [rule.id for rule in decision.rules] if decision is not None else []
    for index, entry in enumerate(entries):
        where = f"study_note[{index}]"
        checks = []
        for position, check_id in enumerate(entry["checks"]):
            if check_id in fact_checks:
                checks.append(fact_checks[check_id])
            else:
                report.unknown(f"{where}.checks[{position}]", "fact check", check_id, fact_checks)
        for position, rule_id in enumerate(entry.get("rules", [])):
            if decision is not None and rule_id not in rule_ids:
                report.unknown(f"{where}.rules[{position}]", "rule", rule_id, rule_ids)
        lines.append(
            StudyNoteLine(
                as_received=entry["as_received"],
                reads=entry["reads"],
                section=entry["section"],
                checks=tuple(checks),
                rules=tuple(entry.get("rules", [])),
            )
        )
    return tuple(lines)
