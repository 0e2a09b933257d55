"""The cheat sheet's tables: the exam notes' numbers with AWS's claim and the verdict, each cell named for the phone."""

from __future__ import annotations

from chipwise.guide.contract import CopyKey, columns
from chipwise.guide.model import Facts
from chipwise.render import cheat_sheet
from chipwise.render.fact_tables import Links
from chipwise.vocabulary import Kind
from tests.support import nonempty


def test_the_note_checks_are_those_of_a_number_exam_notes_give(facts: Facts) -> None:
    chosen = cheat_sheet.note_checks(facts)
    assert {check.id for check in chosen} == {
        check.id
        for check in facts.fact_checks.values()
        if check.note_facts and {fact.kind for fact in check.note_facts} == {Kind.EXAM_NOTE} and any(fact.is_number for fact in check.note_facts)
    }
    assert not any(check.id == "worked-example" for check in chosen), "the worked example's inputs are not exam notes"


def test_each_row_names_its_columns_and_carries_the_claim_and_the_verdict(facts: Facts) -> None:
    table = cheat_sheet.note_claims_table(facts, Links())
    rows = table.splitlines()[2:]
    assert len(rows) == len(cheat_sheet.note_checks(facts))
    for row, check in zip(nonempty(rows), cheat_sheet.note_checks(facts), strict=True):
        for column in nonempty(columns(facts.page_copy[CopyKey.EXAM_NOTE_CLAIMS_COLUMNS])):
            assert f'<span class="chipwise-card-label">{column}:</span>' in row
        assert f"chipwise-verdict--{check.verdict}" in row


def test_text_from_the_facts_is_escaped(facts: Facts) -> None:
    check = cheat_sheet.note_checks(facts)[0]
    hostile = {**facts.fact_checks, check.id: type(check)(**{**vars(check), "note_says": "<b>4x</b> | pipe"})}
    table = cheat_sheet.note_claims_table(type(facts)(**{**vars(facts), "fact_checks": hostile}), Links())
    assert "<b>" not in table and "4x</b>" not in table
