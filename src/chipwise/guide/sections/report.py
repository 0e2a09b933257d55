"""The one way a section builder reports: located problems, and the sources and facts built so far."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chipwise.errors import Problem, unknown_message
from chipwise.facts.model import PLACEHOLDER, Fact, Source
from chipwise.facts.schema_language import Walk
from chipwise.facts.units import repeated_unit


@dataclass
class Report:
    """What every section builder shares: the facts file's walk (where each key stands, the problems so far)
    and what earlier sections built, so a reference is checked against them and reported with its location."""

    path: Path
    """The facts file: the files it names are read beside it."""
    walk: Walk
    sources: dict[str, Source] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    refused: set[str] = field(default_factory=set)
    """Ids of facts whose own entry had a problem: references to them are not reported again."""

    def problem(self, key_path: str, message: str) -> None:
        self.walk.problems.append(Problem(self.walk.path, self.walk.at(key_path), key_path, message))

    def unknown(self, key_path: str, what: str, name: str, known: Iterable[str]) -> None:
        self.problem(key_path, unknown_message(what, name, known))

    def unknown_fact(self, key_path: str, fact_id: str) -> None:
        """Reports an unknown fact id, unless the fact exists but was refused (already reported)."""
        if fact_id not in self.refused:
            self.unknown(key_path, "fact", fact_id, self.facts)

    def source(self, key_path: str, source_id: str) -> Source | None:
        if source_id not in self.sources:
            self.unknown(key_path, "source", source_id, self.sources)
            return None
        return self.sources[source_id]

    def fact_list(self, key_path: str, fact_ids: Iterable[str]) -> tuple[Fact, ...]:
        found = []
        for index, fact_id in enumerate(fact_ids):
            if fact_id in self.facts:
                found.append(self.facts[fact_id])
            else:
                self.unknown_fact(f"{key_path}[{index}]", fact_id)
        return tuple(found)

    def text(self, key_path: str, template: str) -> str:
        """The text with each {fact.id} replaced by that fact's phrase; unknown ids are problems."""

        def replace(match: Any) -> str:
            fact_id = match.group(1)
            if fact_id not in self.facts:
                self.unknown_fact(key_path, fact_id)
                return str(match.group(0))
            fact = self.facts[fact_id]
            repeated = "" if fact.measures or fact.baseline else repeated_unit(fact.unit, template[match.end() :])
            if repeated:
                self.problem(
                    key_path,
                    f"{{{fact_id}}} already reads {fact.phrase!r}, unit included; the words after it repeat {repeated!r}: "
                    f"drop that word, or write the chip in brackets, like {{{fact_id}}} (Inferentia2)",
                )
            return str(fact.phrase)

        return PLACEHOLDER.sub(replace, template)

    def checked_template(self, key_path: str, template: str) -> str:
        """The template itself, once every fact it cites is known."""
        self.text(key_path, template)
        return template
