"""Flashcards from the facts: an Anki package (.apkg) and a TSV of plain text that Anki and Quizlet import.

Note ids (guids) come from fact ids and never change, so importing an updated deck updates its cards
in place instead of adding duplicates. genanki is imported only when a package is built.
"""

from __future__ import annotations

import datetime
import functools
import io
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chipwise.facts.model import PLACEHOLDER, Derivation, expand
from chipwise.guide.contract import CopyKey
from chipwise.guide.model import Facts
from chipwise.memo import per_object
from chipwise.render import escape
from chipwise.study import practice
from chipwise.study.practice import LETTERS, answer_text

DECK_ID = 1_736_204_811  # chosen once at random; stable forever so re-imports update the same deck
MODEL_ID = 1_736_204_812


@dataclass(frozen=True)
class Card:
    id: str
    front: str
    back: str
    source: str
    tags: tuple[str, ...]


def cards(facts: Facts) -> list[Card]:
    """One card per fact, plus one per exam rule, per answer of the decision graph and per fact check."""
    result = []
    changed = changed_tags(facts)
    for fact in facts.facts.values():
        if isinstance(fact.evidence, Derivation):
            source = facts.sentence(CopyKey.FLASHCARD_COMPUTED, arithmetic=fact.evidence.arithmetic)
        else:
            evidence = fact.evidence.source
            source = facts.sentence(CopyKey.FLASHCARD_SOURCE, title=evidence.title, url=evidence.url, date=fact.verified.isoformat())
        result.append(Card(f"fact:{fact.id}", fact.label, fact.phrase, source, ("chipwise", fact.scope, fact.kind, *changed.get(fact.id, ()))))
    for rule in facts.exam.rule:
        result.append(Card(f"rule:{rule.accelerator}", facts.sentence(CopyKey.FLASHCARD_RULE_FRONT, situation=rule.situation),
                           facts.sentence(CopyKey.FLASHCARD_RULE_BACK, answer=rule.answer, instances=rule.instances),
                           facts.sentence(CopyKey.FLASHCARD_RULE_SOURCE, exam=facts.meta.exam), ("chipwise", facts.meta.exam.lower(), "exam-rule")))
    result.extend(outcome_cards(facts))
    for check in facts.fact_checks.values():
        result.append(Card(f"check:{check.id}", facts.sentence(CopyKey.FLASHCARD_CHECK_FRONT, note=check.note_says),
                           f"{check.verdict}: {check.explanation}", f"{check.source.title}, {check.source.url}",
                           ("chipwise", "fact-check", check.verdict)))
    result.extend(question_cards(facts))
    return result


def outcome_cards(facts: Facts) -> list[Card]:
    """One card per answer of each decision table: what the AWS product is for, with the facts that say so."""
    text = functools.partial(expand, show=lambda fact_id: facts.fact(fact_id).phrase)
    result = []
    for table in facts.decision.tables:
        for outcome in table.outcomes.values():
            cited = (facts.fact(fact_id).source for fact_id in PLACEHOLDER.findall(outcome.why_not))
            sources = sorted({source.url for source in cited if source is not None})
            front = facts.sentence(CopyKey.FLASHCARD_OUTCOME_FRONT, question=table.question, outcome=outcome.title)
            result.append(Card(f"outcome:{outcome.id}", front, text(outcome.why_not),
                               ", ".join(sources), ("chipwise", "decision", table.id)))
    return result


def changed_tags(facts: Facts) -> dict[str, tuple[str, ...]]:
    """Fact id -> a tag per release that changed it ('changed-2026.12.2'), so a learner can review just those."""
    tags: dict[str, tuple[str, ...]] = {}
    for release in facts.changes:
        for fact_id in dict.fromkeys(change.fact for change in release.changes):
            tags[fact_id] = (*tags.get(fact_id, ()), release.tag)
    return tags


def question_cards(facts: Facts) -> list[Card]:
    """One card per practice question: its stem and options; the answer with every option's explanation."""
    result = []
    for question in practice.all_questions(facts):
        text = functools.partial(expand, show=lambda fact_id: facts.fact(fact_id).phrase)
        stem = text(question.stem) if question.case is None else f"{text(question.case.background)} {text(question.stem)}"
        prompts = [f"{number}. {prompt}" for number, prompt in enumerate(question.prompts, start=1)]
        options = [f"{LETTERS[index]}. {option.text}" for index, option in enumerate(question.options)]
        explained = [f"{LETTERS[index]}: {text(option.explanation)}" for index, option in enumerate(question.options)]
        answer = facts.sentence(CopyKey.FLASHCARD_QUESTION_ANSWER, answer=answer_text(question))
        result.append(Card(f"question:{question.id}", "\n".join([stem, *prompts, *options]), "\n".join([answer, *explained]),
                           facts.page_copy[CopyKey.FLASHCARD_QUESTION_SOURCE], ("chipwise", "question", question.type.value, question.topic.value)))
    return result


# Anki's text import reads these headers. Without "#html:false" it guesses HTML from the first lines
# and keeps a tag such as <img onerror=...> live; with it, every field is plain text, as in the facts file.
TSV_HEADER = "#separator:tab\n#html:false\n#tags column:3\n"


def tsv(facts: Facts) -> str:
    """Anki's import headers, then front, back (with its source), tags: one card a line."""
    return tsv_of(cards(facts))


def tsv_of(deck: Sequence[Card]) -> str:
    return TSV_HEADER + "".join(
        f"{escape.tsv_field(card.front)}\t{escape.tsv_field(card.back + ' — ' + card.source)}\t{' '.join(card.tags)}\n" for card in deck
    )


def version_timestamp(facts: Facts) -> float:
    """The facts version (2026.11.26) as a Unix time: every note's modification time in the package.

    Anki updates an imported note only when the incoming one is newer, so a new facts version updates
    the cards in place; the same version always gives the same bytes.
    """
    year, month, day, *revision = (int(part) for part in facts.meta.version.split("."))
    return datetime.datetime(year, month, day, tzinfo=datetime.UTC).timestamp() + sum(revision)


@per_object
def apkg(facts: Facts) -> bytes:
    """The Anki package for these facts, built once per facts object (about a twentieth of a second)."""
    return build_apkg(facts)


def build_apkg(facts: Facts) -> bytes:
    """The Anki package, built with genanki; the same facts always give the same bytes."""
    import genanki  # heavy: only when the package is built

    model = genanki.Model(
        MODEL_ID,
        "chipwise card",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<br><small>{{Source}}</small>',
            }
        ],
    )
    deck = genanki.Deck(DECK_ID, facts.page_copy[CopyKey.FLASHCARD_DECK])
    for card in cards(facts):
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[escape.anki_field(field) for field in (card.front, card.back, card.source)],
                guid=genanki.guid_for("chipwise", card.id),
                tags=[tag.replace(" ", "_") for tag in card.tags],
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chipwise.apkg"
        package = genanki.Package(deck)
        package.write_to_file(str(path), timestamp=version_timestamp(facts))
        return _without_file_times(path)


def _without_file_times(package: Path) -> bytes:
    """The zip again with fixed member dates, so two builds of the same facts give the same bytes."""
    output = io.BytesIO()
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            member = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(name))
    return output.getvalue()
