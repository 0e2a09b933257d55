"""The Anki deck carries every practice question, with ids that stay the same from build to build."""

from __future__ import annotations

from pathlib import Path

from anki.collection import Collection

from chipwise.guide.model import Facts
from chipwise.study import flashcards, practice
from tests.study.test_flashcards import import_package
from tests.support import nonempty


def test_every_question_is_a_card_with_its_answer_and_explanations(facts: Facts) -> None:
    cards = {card.id: card for card in flashcards.question_cards(facts)}
    for question in nonempty(practice.all_questions(facts)):
        card = cards[f"question:{question.id}"]
        assert card.back.startswith(f"Answer: {practice.answer_text(question)}")
        assert len(card.back.splitlines()) == 1 + len(question.options)


def test_anki_imports_the_question_notes(tmp_path: Path, facts: Facts) -> None:
    package = tmp_path / "deck.apkg"
    package.write_bytes(flashcards.apkg(facts))
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_package(collection, package)
        notes = [collection.get_note(note_id) for note_id in collection.find_notes("tag:question")]
        assert len(notes) == len(practice.all_questions(facts))
        assert all("Answer: " in note["Back"] and "<br>" in note["Back"] for note in notes)
    finally:
        collection.close()
