"""The facts section: each fact with the quote from its source that backs it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.facts.model import Fact, Quote
from chipwise.guide.sections.report import Report
from chipwise.vocabulary import Authority, Kind, Scope

AWS_KINDS = (Kind.SPEC, Kind.VENDOR_CLAIM, Kind.EXAM_GUIDE)
"""Kinds of fact that say what AWS says: a third-party copy is never their only backing."""


def build_facts(entries: Mapping[str, dict[str, Any]], report: Report) -> None:
    """Adds each fact to `report.facts`; a fact whose source is unknown is refused (`report.refused`)."""
    for fact_id, entry in entries.items():
        where = f"facts.{fact_id}"
        source = report.source(f"{where}.source", entry["source"])
        if source is None:
            report.refused.add(fact_id)
            continue
        if Kind.of(entry["kind"]) in AWS_KINDS and source.authority is not Authority.AWS:
            report.problem(
                f"{where}.source",
                f"a {entry['kind']} fact states what AWS says, so its source must be an aws source; "
                f"{source.id!r} is {source.authority.value}: cite AWS's own page, or make the fact kind third-party",
            )
        report.facts[fact_id] = Fact(
            id=fact_id,
            label=entry["label"],
            value=entry["value"],
            unit=entry["unit"],
            kind=Kind.of(entry["kind"]),
            scope=Scope.of(entry["scope"]),
            verified=entry["verified"],
            evidence=Quote(source=source, text=entry["quote"]),
            qualifier=entry.get("qualifier", ""),
            measures=entry.get("measures", ""),
            baseline=entry.get("baseline", ""),
            note=entry.get("note", ""),
        )
