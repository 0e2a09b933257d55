"""Everything in one facts file, validated and cross-checked, as one frozen object."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from chipwise.decision.model import DecisionGraph
from chipwise.errors import resolve
from chipwise.facts.benchmarks import Benchmarks
from chipwise.facts.changes import Release
from chipwise.facts.model import Exam, Fact, FactCheck, Family, Practice, Source, StudyNoteLine, fill


@dataclass(frozen=True)
class Meta:
    title: str
    version: str
    exam: str
    exam_name: str
    verified_note: str


@dataclass(frozen=True)
class Facts:
    """Everything in one facts file, validated and cross-checked."""

    path: Path
    meta: Meta
    sources: Mapping[str, Source]
    facts: Mapping[str, Fact]
    families: Mapping[str, Family]
    fact_checks: Mapping[str, FactCheck]
    study_note: tuple[StudyNoteLine, ...]
    exam: Exam
    glossary: Mapping[str, str]
    decision: DecisionGraph
    topics: Mapping[str, str]
    """Id prefix -> the heading its facts stand under on the Sources page."""
    spec_labels: Mapping[str, str]
    """Family spec key -> the row label in comparison tables."""
    practice: Practice = field(default_factory=lambda: Practice())
    """Exam-style scenarios and case studies, the practice questions' stems."""
    benchmarks: Benchmarks | None = None
    """AWS's published benchmark rows, from the sibling file the facts file names; None when it names none."""
    changes: tuple[Release, ...] = ()
    """The releases of the facts file, newest first, from the sibling changes file; () when it names none."""
    changes_path: Path | None = None
    page_copy: Mapping[str, str] = field(default_factory=dict)
    """Sentences the site writes, each with {name} places the code fills (chipwise.guide.contract.CopyKey)."""

    def fact(self, fact_id: str) -> Fact:
        return resolve(self.facts, fact_id, "fact")

    def sentence(self, key: str, **values: str) -> str:
        """A sentence of the page copy (a chipwise.guide.contract.CopyKey) as plain text, each {name} place given its value."""
        return fill(self.page_copy[key], **values)

    def topic(self, fact: Fact) -> str:
        return self.topics.get(fact.id.split(".", 1)[0], "Other facts")

    @property
    def verified(self) -> datetime.date:
        """The most recent verification date of any fact."""
        return max(fact.verified for fact in self.facts.values())
