"""What changed in the facts, for machines: api/changes.json (with its JSON Schema) and the Atom feed feed.xml.

Both are built from the releases of the changes file only: the feed's dates are the releases' days, never the
clock, so the same facts give the same bytes. feedgen is part of the site extra and imported only here.
"""

from __future__ import annotations

import datetime
from typing import Any

from chipwise.facts.changes import ChangedField, Release
from chipwise.guide.model import Facts

JSON_PATH = "api/changes.json"
SCHEMA_PATH = "api/changes.schema.json"
FEED_PATH = "feed.xml"
CHANGES_PAGE = "changes/"
"""The What changed page's address, relative to the site root."""
FEED_ID = "tag:chipwise.invalid,2026:facts-changes"
"""The feed's permanent id (a tag URI: independent of where the site is published)."""


def release_json(release: Release) -> dict[str, Any]:
    return {
        "version": release.version,
        "date": release.date.isoformat(),
        "summary": release.summary,
        "notes": list(release.notes),
        "changes": [
            {"fact": change.fact, "field": str(change.field), "before": change.before, "after": change.after, "source": change.source, "why": change.why}
            for change in release.changes
        ],
    }


def changes_json(facts: Facts) -> dict[str, Any]:
    """Every release of the facts, newest first, with its per-fact changes."""
    return {"version": facts.meta.version, "$schema": "changes.schema.json", "releases": [release_json(release) for release in facts.changes]}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of api/changes.json (draft 2020-12)."""
    scalar = {"type": ["string", "number", "null"]}
    change = {
        "type": "object",
        "additionalProperties": False,
        "required": ["fact", "field", "before", "after", "source", "why"],
        "properties": {
            "fact": {"type": "string", "description": "The fact's id (sizes.NAME for an instance size row)."},
            "field": {"enum": [str(item) for item in ChangedField], "description": "What changed: added, removed, id (renamed) or the field."},
            "before": {**scalar, "description": "The field before (the old id for a rename)."},
            "after": {**scalar, "description": "The field after."},
            "source": {"type": ["string", "null"], "description": "The id of the source that says so."},
            "why": {"type": "string"},
        },
    }
    release = {
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "date", "summary", "notes", "changes"],
        "properties": {
            "version": {"type": "string", "pattern": r"^2[0-9]{3}\.[0-9]{1,2}\.[0-9]{1,2}(\.[1-9][0-9]{0,2})?$"},
            "date": {"type": "string", "format": "date", "pattern": "^2[0-9]{3}-[0-9]{2}-[0-9]{2}$"},
            "summary": {"type": "string"},
            "notes": {"type": "array", "items": {"type": "string"}},
            "changes": {"type": "array", "items": change},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "chipwise: what changed in the facts",
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "releases"],
        "properties": {
            "$schema": {"type": "string"},
            "version": {"type": "string", "description": "The facts file's meta.version: the newest release."},
            "releases": {"type": "array", "items": release, "description": "Newest first."},
        },
    }


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def _entry_text(release: Release) -> str:
    lines = [release.summary, *release.notes, *(f"{change.fact} {change.text}: {change.why}" for change in release.changes)]
    return "\n".join(lines)


def atom_feed(facts: Facts, site_url: str = "") -> bytes:
    """feed.xml: one entry per release, newest first, dated by the release's day; links go to the What changed page
    (absolute when the site's address is known)."""
    from feedgen.feed import FeedGenerator

    page = (site_url.rstrip("/") + "/" if site_url else "") + CHANGES_PAGE
    feed = FeedGenerator()
    feed.id(FEED_ID)
    feed.title(f"chipwise: what changed in {facts.meta.title}")
    feed.subtitle("Each release of the facts file: what changed, fact by fact, with its source and why.")
    feed.link(href=page, rel="alternate")
    feed.language("en")
    feed.generator("chipwise")
    if facts.changes:
        feed.updated(_midnight(facts.changes[0].date))
    else:
        feed.updated(_midnight(facts.verified))
    for release in reversed(facts.changes):  # feedgen prepends: add the oldest first
        entry = feed.add_entry()
        entry.id(f"{FEED_ID}:{release.version}")
        entry.title(f"Facts release {release.version}")
        entry.summary(release.summary)
        entry.link(href=f"{page}#{release.anchor}", rel="alternate")
        entry.updated(_midnight(release.date))
        entry.published(_midnight(release.date))
        entry.content(_entry_text(release), type="text")
    return bytes(feed.atom_str(pretty=True))
