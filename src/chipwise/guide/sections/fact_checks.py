"""The fact_checks section: each claim of the study note set against what AWS says, with a verdict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.facts.model import FactCheck
from chipwise.guide.sections.report import Report
from chipwise.vocabulary import Verdict


def build_fact_checks(entries: Mapping[str, dict[str, Any]], report: Report) -> dict[str, FactCheck]:
    checks = {}
    for check_id, entry in entries.items():
        where = f"fact_checks.{check_id}"
        source = report.source(f"{where}.source", entry["source"])
        if source is None:
            continue
        checks[check_id] = FactCheck(
            id=check_id,
            topic=entry["topic"],
            note_says=entry["note_says"],
            aws_says=entry["aws_says"],
            source=source,
            verdict=Verdict.of(entry["verdict"]),
            explanation=report.text(f"{where}.explanation", entry["explanation"]),
            explanation_template=entry["explanation"],
            note_facts=report.fact_list(f"{where}.note_facts", entry.get("note_facts", [])),
            aws_facts=report.fact_list(f"{where}.aws_facts", entry.get("aws_facts", [])),
            same_point_as=tuple(entry.get("same_point_as", [])),
        )
    for check_id, check in checks.items():
        for index, other in enumerate(check.same_point_as):
            if other not in checks or other == check_id:
                report.unknown(f"fact_checks.{check_id}.same_point_as[{index}]", "other fact check", other, [c for c in checks if c != check_id])
    return checks
