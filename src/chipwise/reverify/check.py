"""Re-verifying the facts against their sources: each quote in the copy it was read from, then in today's copy.

For a source whose checked copy is a repository file, the quote must stand in that file at the recorded commit
(else the fact *failed*); the same file at the clone's newest commit (or a given ref) shows the *drift*: the
file moved or deleted, the quote changed (with the nearest current sentence) or gone, its numbers changed.
A source whose copy is a stored web page *needs a person*, unless a folder of saved pages holds it.
"""

from __future__ import annotations

import datetime
import json
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from chipwise.facts.model import Source
from chipwise.guide.model import Facts
from chipwise.reverify import quotes
from chipwise.reverify.clones import Clone, CloneError

PAGES_INDEX = "index.json"
"""In a folder of saved pages: an optional JSON object, URL -> file name in the folder."""
PAGE_SUFFIXES = ("", ".html", ".htm", ".txt", ".md")


class QuoteStatus(StrEnum):
    CONFIRMED = "confirmed"
    """The quote stands in its recorded copy and in today's."""
    DRIFTED = "drifted"
    """The quote stands in its recorded copy; today's copy moved, changed or lost it."""
    FAILED = "failed"
    """The quote is not in the copy the facts file says was read."""
    NEEDS_PERSON = "needs a person"
    """A stored web page: a person compares it (or --pages gives a saved copy)."""
    NOT_CHECKED = "not checked"
    """A repository file whose clone was not given."""


@dataclass(frozen=True)
class Claim:
    """A quote the facts file attributes to a source: a fact's, or an instance size row's."""

    id: str
    source: Source
    quote: str
    verified: datetime.date


@dataclass(frozen=True)
class Drift:
    kind: str
    """'moved', 'deleted', 'quote changed', 'quote removed' or 'numbers changed'."""
    detail: str
    nearest: str | None = None
    """Today's sentence or row most like the vanished quote."""


@dataclass(frozen=True)
class QuoteFinding:
    claim: Claim
    status: QuoteStatus
    message: str = ""
    drifts: tuple[Drift, ...] = ()
    age_days: int = 0
    current: str = ""
    """Where the quote was looked for today: 'path at commit' or the saved page."""

    def as_json(self) -> dict[str, Any]:
        copy = self.claim.source.checked_copy
        return {
            "id": self.claim.id,
            "status": str(self.status),
            "source": self.claim.source.id,
            "copy": copy.link if copy is not None else self.claim.source.url,
            "quote": self.claim.quote,
            "verified": self.claim.verified.isoformat(),
            "age_days": self.age_days,
            "message": self.message,
            "current": self.current,
            "drift": [{"kind": drift.kind, "detail": drift.detail, "nearest": drift.nearest} for drift in self.drifts],
        }


@dataclass(frozen=True)
class VerifyReport:
    findings: tuple[QuoteFinding, ...]
    today: datetime.date
    compared_with: Mapping[str, str] = field(default_factory=dict)
    """Repository -> the commit today's copies were read at."""

    def count(self, status: QuoteStatus) -> int:
        return sum(1 for finding in self.findings if finding.status is status)

    @property
    def summary(self) -> dict[str, int]:
        checked = sum(1 for finding in self.findings if finding.status in (QuoteStatus.CONFIRMED, QuoteStatus.DRIFTED, QuoteStatus.FAILED))
        return {"checked": checked, **{str(status): self.count(status) for status in QuoteStatus}}

    @property
    def exit_code(self) -> int:
        """1 when a quote is not in its recorded copy; drift alone exits 0."""
        return 1 if self.count(QuoteStatus.FAILED) else 0

    def as_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "compared_with": dict(self.compared_with),
            "summary": self.summary,
            "results": [finding.as_json() for finding in self.findings],
        }

    def as_text(self) -> str:
        rows = [("STATUS", "ID", "COPY", "WHAT")]
        for finding in self.findings:
            copy = finding.claim.source.checked_copy
            where = copy.description if copy is not None else finding.claim.source.url
            rows.append((str(finding.status), finding.claim.id, where, finding.message))
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        lines = []
        for index, row in enumerate(rows):
            lines.append("  ".join(cell.ljust(widths[column]) for column, cell in enumerate(row[:3])) + "  " + row[3])
            if index:
                for drift in self.findings[index - 1].drifts:
                    lines.append(f"    {drift.kind}: {drift.detail}")
                    if drift.nearest is not None:
                        lines.append(f"      now: {drift.nearest}")
        summary = self.summary
        lines.append(", ".join(f"{count} {name}" for name, count in summary.items()))
        return "\n".join(line.rstrip() for line in lines)


def claims(facts: Facts) -> list[Claim]:
    """Every quote the facts file attributes to a source: facts, then size rows (and their network figures)."""
    found = [Claim(fact.id, fact.source, fact.quote, fact.verified) for fact in facts.facts.values() if fact.source is not None]
    for family in facts.families.values():
        for size in family.sizes:
            found.append(Claim(f"sizes.{size.name}", size.source, size.quote, size.verified))
            if size.network_source is not None and size.network_quote:
                found.append(Claim(f"sizes.{size.name}.network", size.network_source, size.network_quote, size.verified))
    return found


def page_file(pages: Path, url: str) -> Path | None:
    """The saved copy of a page in `pages`: the file `index.json` names for the URL, else the URL's host and
    path with every '/' replaced by '_' (https://docs.aws.amazon.com/a/b.html -> docs.aws.amazon.com_a_b.html),
    tried as written and with .html, .htm, .txt and .md added."""
    index = pages / PAGES_INDEX
    if index.is_file():
        try:
            named = json.loads(index.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise CloneError(f"--pages {pages}: {PAGES_INDEX} is not a JSON object of URL -> file name ({error})") from None
        if isinstance(named, dict) and isinstance(named.get(url), str):
            candidate = pages / named[url]
            return candidate if candidate.is_file() else None
    parsed = urllib.parse.urlsplit(url)
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", (parsed.netloc + parsed.path.rstrip("/")).replace("/", "_"))
    for suffix in PAGE_SUFFIXES:
        candidate = pages / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def _drift_of(part: str, document: quotes.Document) -> Drift:
    """What became of a part of a quote that today's copy lacks."""
    renumbered = quotes.with_other_numbers(document, part)
    if renumbered is not None:
        sentence, stretch = renumbered
        return Drift("numbers changed", f"{', '.join(quotes.numbers(part))} -> {', '.join(quotes.numbers(stretch))}", sentence)
    nearest = quotes.nearest(document, part)
    if nearest is None:
        return Drift("quote removed", f"no sentence like {part!r} remains")
    before, after = quotes.numbers(part), quotes.numbers(nearest)
    numbers = f" (numbers {', '.join(before) or 'none'} -> {', '.join(after) or 'none'})" if before != after else ""
    return Drift("quote changed", f"{part!r} reads differently{numbers}", nearest)


@dataclass
class Verifier:
    """Checks claims against clones (repository -> Clone) and an optional folder of saved pages."""

    clones: Mapping[str, Clone]
    today: datetime.date
    at: str | None = None
    pages: Path | None = None
    _documents: dict[tuple[str, str, str], quotes.Document | None] = field(default_factory=dict)
    _refs: dict[str, str] = field(default_factory=dict)

    def prepare(self, items: Iterable[Claim]) -> None:
        """Resolves every commit the claims need before any is checked: CloneError names the first one missing."""
        for claim in items:
            copy = claim.source.checked_copy
            if copy is None or copy.repository is None or copy.repository not in self.clones:
                continue
            clone = self.clones[copy.repository]
            clone.require(str(copy.commit), f"the commit source {claim.source.id!r} was read at")
            if copy.repository not in self._refs:
                self._refs[copy.repository] = clone.require(self.at or "HEAD", "--at" if self.at else "the clone's newest commit")

    def _document(self, clone: Clone, commit: str, path: str) -> quotes.Document | None:
        key = (clone.repository, commit, path)
        if key not in self._documents:
            text = clone.read(commit, path)
            self._documents[key] = None if text is None else quotes.read_document(text, path)
        return self._documents[key]

    def check(self, claim: Claim) -> QuoteFinding:
        age = max(0, (self.today - claim.verified).days)
        copy = claim.source.checked_copy
        if copy is None or copy.repository is None:
            return self._check_page(claim, copy.url if copy is not None and copy.url else claim.source.url, age)
        clone = self.clones.get(copy.repository)
        if clone is None:
            return QuoteFinding(claim, QuoteStatus.NOT_CHECKED, f"no --repo {copy.repository}=PATH given", age_days=age)
        recorded, path = str(copy.commit), str(copy.path)
        document = self._document(clone, recorded, path)
        if document is None:
            return QuoteFinding(claim, QuoteStatus.FAILED, f"{path} is not in commit {recorded[:12]}", age_days=age)
        if not quotes.find(document, claim.quote):
            missing = quotes.missing_parts(document, claim.quote) or quotes.parts(claim.quote)
            drifts = tuple(_drift_of(part, document) for part in missing)
            return QuoteFinding(claim, QuoteStatus.FAILED, f"the quote is not in {path} at {recorded[:12]}", drifts, age)
        return self._compare_today(claim, clone, recorded, path, age)

    def _compare_today(self, claim: Claim, clone: Clone, recorded: str, path: str, age: int) -> QuoteFinding:
        today = self._refs.get(clone.repository) or clone.require(self.at or "HEAD", "today's copy")
        drifts: list[Drift] = []
        current_path = path
        document = self._document(clone, today, path) if today != recorded else self._document(clone, recorded, path)
        if document is None:
            moved_to = clone.moves(recorded, today).get(path)
            if moved_to is None:
                gone = Drift("deleted", f"{path} is gone at {today[:12]}")
                return QuoteFinding(claim, QuoteStatus.DRIFTED, f"{path} was deleted by {today[:12]}", (gone,), age, f"{path} at {today[:12]}")
            drifts.append(Drift("moved", f"{path} -> {moved_to}"))
            current_path = moved_to
            document = self._document(clone, today, moved_to)
        current = f"{current_path} at {today[:12]}"
        if document is not None and not quotes.find(document, claim.quote):
            missing = quotes.missing_parts(document, claim.quote) or quotes.parts(claim.quote)
            drifts.extend(_drift_of(part, document) for part in missing)
        if not drifts:
            same = " (the recorded commit is the newest)" if today == recorded else ""
            return QuoteFinding(claim, QuoteStatus.CONFIRMED, f"quote stands at {today[:12]}{same}", (), age, current)
        return QuoteFinding(claim, QuoteStatus.DRIFTED, "; ".join(sorted({drift.kind for drift in drifts})), tuple(drifts), age, current)

    def _check_page(self, claim: Claim, url: str, age: int) -> QuoteFinding:
        if self.pages is None:
            return QuoteFinding(claim, QuoteStatus.NEEDS_PERSON, f"{age} days since it was verified ({claim.verified.isoformat()})", age_days=age)
        saved = page_file(self.pages, url)
        if saved is None:
            unsaved = f"no saved page for {url} in {self.pages} ({age} days since {claim.verified.isoformat()})"
            return QuoteFinding(claim, QuoteStatus.NEEDS_PERSON, unsaved, age_days=age)
        document = quotes.read_document(saved.read_text(encoding="utf-8", errors="replace"), saved.name)
        if quotes.find(document, claim.quote):
            return QuoteFinding(claim, QuoteStatus.CONFIRMED, f"quote stands in {saved.name}", age_days=age, current=str(saved))
        missing = quotes.missing_parts(document, claim.quote) or quotes.parts(claim.quote)
        drifts = tuple(_drift_of(part, document) for part in missing)
        return QuoteFinding(claim, QuoteStatus.DRIFTED, f"the quote is not in {saved.name}", drifts, age, str(saved))

    def run(self, items: Iterable[Claim]) -> VerifyReport:
        listed = list(items)
        self.prepare(listed)
        return VerifyReport(tuple(self.check(claim) for claim in listed), self.today, dict(self._refs))


def verify_quotes(facts: Facts, clones: Mapping[str, Clone], today: datetime.date, at: str | None = None, pages: Path | None = None) -> VerifyReport:
    """Every claim of the facts checked; CloneError (one line) when a clone lacks a commit the claims need."""
    return Verifier(clones, today, at, pages).run(claims(facts))
