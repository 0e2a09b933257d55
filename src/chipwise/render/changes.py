"""The What changed page: each release of the facts, newest first, with its per-fact changes."""

from __future__ import annotations

from chipwise.facts.changes import Change, Release
from chipwise.guide.contract import CopyKey
from chipwise.guide.model import Facts
from chipwise.render import escape
from chipwise.render.fact_tables import Links, copy_columns, copy_text, markdown_table, source_link


def _fact_cell(change: Change, facts: Facts, links: Links) -> str:
    """The fact's id, linked to its Sources entry while it exists (a removed fact has none)."""
    fact = facts.facts.get(change.fact)
    name = escape.code_span(change.fact) if fact is None else f"[{escape.code_span(change.fact)}]({links.fact(fact)})"
    return escape.table_cell(name)


def _source_cell(change: Change, facts: Facts) -> str:
    source = facts.sources.get(change.source) if change.source else None
    return escape.table_cell(source_link(source)) if source is not None else "—"


def release_section(release: Release, facts: Facts, links: Links) -> str:
    # A version is digits and dots (checked when the file loads): nothing to escape.
    released = copy_text(facts, CopyKey.CHANGES_RELEASED, date=release.date.isoformat())
    lines = [f"## {release.version} {{ #{release.anchor} }}", "", f"*{released}* {escape.markdown(release.summary)}"]
    if release.notes:
        lines += ["", *(f"- {escape.markdown(note)}" for note in release.notes)]
    if release.changes:
        rows = [
            (_fact_cell(change, facts, links), escape.markdown(change.text), _source_cell(change, facts), escape.markdown(change.why))
            for change in release.changes
        ]
        lines += ["", markdown_table(copy_columns(facts, CopyKey.CHANGES_COLUMNS), rows)]
    return "\n".join(lines)


def changes_page(facts: Facts, links: Links) -> str:
    """Every release, newest first."""
    return "\n\n".join(release_section(release, facts, links) for release in facts.changes)
