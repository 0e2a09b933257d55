"""Every line of the seed study note is in the facts file, mapped to what checks it."""

from __future__ import annotations

from chipwise.guide.model import Facts
from tests.support import SEED_NOTE, nonempty

SEED_HEADINGS = {
    "Main Concept", "Key Idea", "When to Use", "Example", "Key Numbers for the Exam",
    "Critical Distinction: Inferentia vs Trainium", "Key Exam Rule", "Exam Domain",
}


def seed_claim_lines() -> list[str]:
    lines = [line.strip() for line in SEED_NOTE.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and line not in SEED_HEADINGS]


def test_seed_note_is_present() -> None:
    assert SEED_NOTE.is_file(), f"the seed study note is expected at {SEED_NOTE}"


def test_every_seed_line_is_in_the_facts_file_exactly_once(facts: Facts) -> None:
    received = [line.as_received for line in facts.study_note]
    assert sorted(received) == sorted(seed_claim_lines())


def test_every_seed_line_has_a_fact_check(facts: Facts) -> None:
    for line in nonempty(facts.study_note):
        assert line.checks, line.reads
        assert "β" not in line.reads


def test_every_seed_section_is_kept(facts: Facts) -> None:
    assert {line.section for line in facts.study_note} == SEED_HEADINGS
