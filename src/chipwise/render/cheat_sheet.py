"""The cheat sheet's own tables: what the exam expects, each cell carrying its column's name, so that on a phone
a row reads as a card (overrides/partials/styles/cards.css shows the names there and hides them on a wider screen and on paper)."""

from __future__ import annotations

from collections.abc import Sequence

from chipwise.facts.model import FactCheck
from chipwise.guide.contract import CopyKey, columns
from chipwise.guide.model import Facts
from chipwise.render import escape
from chipwise.render.fact_tables import Links, exam_mapping_rows, fact_link, markdown_table, source_link, verdict_badge
from chipwise.vocabulary import Kind


def _card_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table whose cells each start with their column's name, for the phone's card layout."""
    named = [
        [f'<span class="chipwise-card-label">{escape.html_text(header)}:</span> {cell}' for header, cell in zip(headers, row, strict=True)]
        for row in rows
    ]
    return markdown_table([escape.markdown(header) for header in headers], named)


def note_checks(facts: Facts) -> list[FactCheck]:
    """The fact checks of a number exam notes give: every fact of the note's side is an exam note, and one is a number."""
    return [
        check
        for check in facts.fact_checks.values()
        if check.note_facts and all(fact.kind is Kind.EXAM_NOTE for fact in check.note_facts) and any(fact.is_number for fact in check.note_facts)
    ]


def note_claims_table(facts: Facts, links: Links) -> str:
    """Each number exam notes use, in the note's words, with AWS's exact claim and its source beside it, and the verdict."""
    rows = []
    for check in note_checks(facts):
        numbers = ", ".join(fact_link(fact, links) for fact in check.note_facts if fact.is_number)
        rows.append(
            (
                f"**{numbers}**: “{escape.markdown(check.note_says)}”",
                f"“{escape.markdown(check.aws_says)}” ({source_link(check.source)})",
                f"[{verdict_badge(check.verdict)}]({escape.link_target(links.check(check))})",
            )
        )
    return _card_table(columns(facts.page_copy[CopyKey.EXAM_NOTE_CLAIMS_COLUMNS]), rows)


def exam_mapping_cards(facts: Facts, links: Links) -> str:
    """The exam mapping (chipwise.render.fact_tables.exam_mapping_rows), its rows read as cards on a phone."""
    return _card_table(columns(facts.page_copy[CopyKey.EXAM_MAPPING_CARD_COLUMNS]), exam_mapping_rows(facts, links))
