"""The glossary section: each term's definition, its {fact.id} citations read as the facts' phrases."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.facts.model import frozen_map
from chipwise.guide.sections.report import Report


def build_glossary(entries: Mapping[str, dict[str, Any]], report: Report) -> Mapping[str, str]:
    return frozen_map({term: report.text(f"glossary.{term}.definition", entry["definition"]) for term, entry in entries.items()})
