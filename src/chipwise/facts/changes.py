"""The facts' changelog as data: each release of the facts file with its summary, notes and per-fact changes.

The facts file names the sibling (`changes: aws-ml-chips.changes.yml`, relative to the facts file). This module
reads and checks its shape; the loader cross-checks it with the facts (every fact and source named exists, the
newest release is meta.version). facts/CHANGELOG.md, the "What changed" page, feed.xml and api/changes.json are
generated from it.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from chipwise import disk_cache
from chipwise.errors import FactsError, Location, Problem, unknown_message
from chipwise.facts.schema_language import Choice, Date, Field, ListOf, Record, Scalar, Text, Version, Walk
from chipwise.facts.yaml_nodes import read_bytes, read_nodes


class ChangedField(StrEnum):
    """What a change did to a fact."""

    ADDED = "added"
    REMOVED = "removed"
    ID = "id"
    """Renamed: `before` is the old id, `fact` the new one."""
    VALUE = "value"
    QUALIFIER = "qualifier"
    QUOTE = "quote"
    SOURCE = "source"
    KIND = "kind"
    LABEL = "label"
    SCOPE = "scope"
    FORMULA = "formula"
    ROW = "row"
    """An instance size row (`fact: sizes.NAME`)."""


@dataclass(frozen=True)
class Change:
    fact: str
    field: ChangedField
    why: str
    before: str | int | float | None = None
    after: str | int | float | None = None
    source: str | None = None
    """The id of the source that says so."""

    @property
    def text(self) -> str:
        """'value: 30000 → 100000', 'added: up to 1 GB', 'renamed from trn1.cost_to_train'."""
        if self.field is ChangedField.ID:
            return f"renamed from {self.before}"
        if self.field is ChangedField.ADDED:
            return f"added: {self.after}" if self.after not in (None, "") else "added"
        if self.field is ChangedField.REMOVED:
            return "removed"
        before = "(none)" if self.before in (None, "") else str(self.before)
        after = "(none)" if self.after in (None, "") else str(self.after)
        return f"{self.field}: {before} → {after}"


@dataclass(frozen=True)
class Release:
    version: str
    date: datetime.date
    summary: str
    notes: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()

    @property
    def tag(self) -> str:
        """The flashcard tag of the facts this release changed: 'changed-2026.12.2'."""
        return f"changed-{self.version}"

    @property
    def anchor(self) -> str:
        """The id of this release's section on the What changed page: 'release-2026-12-2'."""
        return "release-" + self.version.replace(".", "-")


_text = Text()
CHANGE = Record(
    {
        "fact": Field(Text(pattern=r"[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_.-]*", hint="a fact id like inf2.chips_max, or sizes.NAME"), doc="The fact changed."),
        "field": Field(Choice(tuple(ChangedField)), doc="What changed: added, removed, id (renamed), or the field."),
        "before": Field(Scalar(), required=False, doc="The field before (the old id for a rename)."),
        "after": Field(Scalar(), required=False, doc="The field after."),
        "source": Field(Text(pattern=r"[a-z0-9][a-z0-9_-]*", hint="a source id"), required=False, doc="The source that says so."),
        "why": Field(_text, doc="Why it changed."),
    },
    name="a change (fact, field, before, after, source, why)",
)
RELEASE = Record(
    {
        "version": Field(Version(), doc="The facts file's meta.version of this release."),
        "date": Field(Date(), doc="The release's day: its version's date."),
        "summary": Field(_text, doc="What the release does, in a sentence or two."),
        "notes": Field(ListOf(_text), required=False, doc="Changes beyond one fact (rules, inputs, practice), in words."),
        "changes": Field(ListOf(CHANGE), required=False, doc="One per fact and field."),
    },
    name="a release (version, date, summary, notes, changes)",
)
CHANGES_FILE = Record(
    {"releases": Field(ListOf(RELEASE, allow_empty=False), doc="Newest first.")},
    name="the changes file (releases)",
)


def version_key(version: str) -> tuple[int, ...]:
    """'2026.11.26' -> (2026, 11, 26, 0); a same-day revision '.2' sorts after it."""
    parts = [int(part) for part in version.split(".")]
    return (*parts, 0) if len(parts) == 3 else tuple(parts)


def version_day(version: str) -> datetime.date:
    year, month, day = (int(part) for part in version.split(".")[:3])
    return datetime.date(year, month, day)


_CHECKED = "changes-file"
"""The disk cache's name for a changes file's checked data (plain values and dates), keyed by the file's bytes."""


def read_changes(path: Path, shown: str, walk_out: list[Problem], *, cached: bool = True) -> tuple[tuple[Release, ...], Walk] | None:
    """The releases of a changes file, or None after adding its shape problems to `walk_out`.

    With `cached`, data this code checked before (the same bytes) comes from the disk cache, with a walk that
    locates nothing: a caller that finds problems reads again with `cached=False` to give their lines (kept in this
    process, by the bytes and the shown path, for the next edit of the facts file that breaks the same reference)."""
    data = read_bytes(path, shown)
    digest = hashlib.sha256(data).hexdigest()
    located = _located.get((digest, shown))
    if not cached and located is not None:
        return located[0], Walk(shown, locations=located[1])
    if cached:
        stored = _in_process.get(digest) or disk_cache.load(_CHECKED, digest, allowed=frozenset({("datetime", "date")}))
        if isinstance(stored, dict):
            try:
                return _releases(stored), Walk(shown)
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # not what this code stores: read the file
    walk = Walk(shown)
    try:
        raw = CHANGES_FILE.check(read_nodes(data, shown), walk, "")
    except FactsError as error:
        walk_out.extend(error.problems)
        return None
    if walk.problems:
        walk_out.extend(walk.problems)
        return None
    releases = _releases(raw)
    disk_cache.store(_CHECKED, digest, raw)
    _keep_in_process(digest, raw)
    _located[(digest, shown)] = (releases, walk.locations)
    while len(_located) > _IN_PROCESS_FILES:
        del _located[next(iter(_located))]
    return releases, walk


_in_process: dict[str, dict[str, Any]] = {}
"""Checked data of the changes files this process read, by their bytes' digest: `chipwise check` of one edited facts
file after another (a test, `mkdocs serve`) reads the unchanged changes file once."""
_IN_PROCESS_FILES = 4
_located: dict[tuple[str, str], tuple[tuple[Release, ...], dict[str, Location]]] = {}
"""The releases and every key path's location of the changes files this process read with `cached=False`, by their
bytes' digest and shown path: each is read-only once made (a walk's `at` only looks locations up)."""


def _keep_in_process(digest: str, raw: dict[str, Any]) -> None:
    _in_process.pop(digest, None)
    _in_process[digest] = raw
    while len(_in_process) > _IN_PROCESS_FILES:
        del _in_process[next(iter(_in_process))]


def _releases(raw: dict[str, Any]) -> tuple[Release, ...]:
    return tuple(
        Release(
            version=entry["version"],
            date=entry["date"],
            summary=entry["summary"],
            notes=tuple(entry.get("notes", ())),
            changes=tuple(
                Change(
                    fact=change["fact"],
                    field=ChangedField(change["field"]),
                    why=change["why"],
                    before=change.get("before"),
                    after=change.get("after"),
                    source=change.get("source"),
                )
                for change in entry.get("changes", ())
            ),
        )
        for entry in raw["releases"]
    )


def check_releases(releases: tuple[Release, ...], walk: Walk, version: str, fact_ids: Iterable[str], source_ids: Iterable[str]) -> list[Problem]:
    """Every cross-check the changes file fails: order, dates, the newest version, unknown facts and sources."""
    found: list[Problem] = []

    def problem(key_path: str, message: str) -> None:
        found.append(Problem(walk.path, walk.at(key_path), key_path, message))

    if releases and releases[0].version != version:
        newest = releases[0].version
        problem("releases[0].version", f"expected the facts file's meta.version {version!r} (the newest release comes first), received {newest!r}")
    for index, release in enumerate(releases):
        where = f"releases[{index}]"
        if release.date != version_day(release.version):
            day = version_day(release.version).isoformat()
            problem(f"{where}.date", f"expected {day}, the day of version {release.version}, received {release.date.isoformat()}")
        newer = releases[index - 1].version if index else None
        if newer is not None and version_key(release.version) >= version_key(newer):
            problem(f"{where}.version", f"expected a version older than {newer} (releases are newest first), received {release.version!r}")
    known = set(fact_ids)
    gone = {change.fact for release in releases for change in release.changes if change.field is ChangedField.REMOVED}
    gone |= {str(change.before) for release in releases for change in release.changes if change.field is ChangedField.ID}
    sources = set(source_ids)
    for index, release in enumerate(releases):
        for number, change in enumerate(release.changes):
            where = f"releases[{index}].changes[{number}]"
            if change.fact not in known and change.fact not in gone:
                problem(f"{where}.fact", _unknown("fact", change.fact, known))
            if change.source is not None and change.source not in sources:
                problem(f"{where}.source", _unknown("source", change.source, sources))
    return found


def _unknown(what: str, name: str, known: set[str]) -> str:
    return unknown_message(what, name, sorted(known))


def last_changed(releases: Iterable[Release]) -> Mapping[str, Release]:
    """Fact id -> the newest release that changed it."""
    found: dict[str, Release] = {}
    for release in releases:
        for change in release.changes:
            found.setdefault(change.fact, release)
    return found


def size_id(name: str) -> str:
    """The id a change gives an instance size row: 'sizes.inf2.xlarge'."""
    return f"sizes.{name}"


def generated_header(source_name: str) -> str:
    return f"<!-- Generated from facts/{source_name} by `chipwise changelog`: edit that file, not this one. -->\n"


def changelog_markdown(releases: Iterable[Release], source_name: str) -> str:
    """facts/CHANGELOG.md: every release, newest first, with its summary, notes and changes."""
    lines = [
        generated_header(source_name),
        "# Changes to the facts",
        "",
        f"Every change to a value, a claim, a source or a rule in `facts/aws-ml-chips.yml` gets a new `meta.version` (the date, "
        f"`YYYY.M.D`) and a release in `facts/{source_name}`, newest first, which `chipwise check` checks with the facts file. "
        "This file is generated from it (`chipwise changelog > facts/CHANGELOG.md`); a test fails when it is stale.",
    ]
    for release in releases:
        lines += ["", f"## {release.version}", "", release.summary]
        items = list(release.notes) + [_change_line(change) for change in release.changes]
        if items:
            lines.append("")
            lines.extend(f"- {item}" for item in items)
    return "\n".join(lines) + "\n"


def _change_line(change: Change) -> str:
    source = f" (source `{change.source}`)" if change.source else ""
    return f"`{change.fact}` {change.text} — {change.why}{source}"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the changes file (draft 2020-12)."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "chipwise facts changes file", **CHANGES_FILE.json_schema()}
