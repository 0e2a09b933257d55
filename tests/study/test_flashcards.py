"""Flashcards: the Anki package opens, imports into Anki's own backend twice without duplicates, and
an updated deck updates its cards in place."""

from __future__ import annotations

import html
import sqlite3
import zipfile
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest, ImportCsvRequest

import chipwise
from chipwise.exports import site_files
from chipwise.guide.model import Facts
from chipwise.study import flashcards
from tests.support import CHANGES_FILE, FACTS_FILE


def import_package(collection: Collection, package: Path) -> tuple[int, int, int]:
    request = ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False))
    log = collection.import_anki_package(request).log
    return len(log.new), len(log.updated), len(log.duplicate)


def test_at_least_thirty_cards_with_unique_ids(facts: Facts) -> None:
    cards = flashcards.cards(facts)
    assert len(cards) >= 30
    assert len({card.id for card in cards}) == len(cards)


def test_package_is_an_anki_collection_with_every_card(tmp_path: Path, facts: Facts) -> None:
    package = tmp_path / "chipwise.apkg"
    package.write_bytes(flashcards.apkg(facts))
    with zipfile.ZipFile(package) as archive:
        archive.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as database:
        notes = database.execute("select count(*), count(distinct guid) from notes").fetchone()
    assert notes == (len(flashcards.cards(facts)),) * 2


def test_same_facts_give_the_same_package(facts: Facts) -> None:
    assert flashcards.build_apkg(facts) == flashcards.build_apkg(facts)


def test_the_package_is_reproducible_and_built_once_per_facts(facts: Facts) -> None:
    assert flashcards.build_apkg(facts) == flashcards.build_apkg(facts)
    assert flashcards.apkg(facts) is flashcards.apkg(facts)


def test_anki_imports_the_deck_twice_without_duplicates_and_updates_in_place(tmp_path: Path, facts: Facts) -> None:
    package = tmp_path / "deck.apkg"
    package.write_bytes(flashcards.apkg(facts))
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        count = len(flashcards.cards(facts))
        assert import_package(collection, package) == (count, 0, 0)
        assert import_package(collection, package) == (0, 0, count)
        assert collection.note_count() == count

        edited = tmp_path / "facts.yml"
        edited.write_text(
            FACTS_FILE.read_text(encoding="utf-8")
            .replace("value: 2.3\n", "value: 2.4\n", 1)
            .replace("up to 2.3x higher", "up to 2.4x higher")
            # The same day's last revision: newer, and (unlike a future date) accepted by the loader.
            .replace(f'version: "{facts.meta.version}"', f'version: "{".".join(facts.meta.version.split(".")[:3])}.999"'),
            encoding="utf-8",
        )
        # A new version needs its release in the changes file the facts file names.
        changes = CHANGES_FILE.read_text(encoding="utf-8")
        revision = f'{".".join(facts.meta.version.split(".")[:3])}.999'
        first = changes.index("  - version:")
        release = f'  - version: "{revision}"\n    date: {facts.changes[0].date.isoformat()}\n    summary: A test release.\n'
        (tmp_path / CHANGES_FILE.name).write_text(changes[:first] + release + changes[first:], encoding="utf-8")
        updated = tmp_path / "updated.apkg"
        updated.write_bytes(flashcards.apkg(chipwise.load_facts(edited)))
        new, changed, _ = import_package(collection, updated)
        assert (new, collection.note_count()) == (0, count)
        assert changed >= 1
        backs = [collection.get_note(note_id)["Back"] for note_id in collection.find_notes("")]
        assert any("up to 2.4x higher throughput" in back for back in backs)
    finally:
        collection.close()


def test_tsv_has_one_card_a_line_with_three_tab_separated_fields(facts: Facts) -> None:
    header, lines = flashcards.tsv(facts).splitlines()[:3], flashcards.tsv(facts).splitlines()[3:]
    assert header == ["#separator:tab", "#html:false", "#tags column:3"]
    assert len(lines) == len(flashcards.cards(facts))
    assert all(len(line.split("\t")) == 3 for line in lines)


def test_anki_imports_the_tsv_as_plain_text_so_markup_reads_as_written(tmp_path: Path) -> None:
    # Without "#html:false" Anki's importer sees a tag, treats the file as HTML and keeps <img onerror> live.
    deck = [
        flashcards.Card("a", "latency <b>under</b> 5 ms", "<img src=x onerror=alert(1)> & more", "a source", ("chipwise", "spec")),
        flashcards.Card("b", "plain", "text", "another source", ("chipwise",)),
    ]
    (tmp_path / "cards.tsv").write_text(flashcards.tsv_of(deck), encoding="utf-8")
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        metadata = collection.get_csv_metadata(str(tmp_path / "cards.tsv"), None)
        assert len(collection.import_csv(ImportCsvRequest(path=str(tmp_path / "cards.tsv"), metadata=metadata)).log.new) == 2
        notes = {collection.get_note(note_id).fields[0]: collection.get_note(note_id) for note_id in collection.find_notes("")}
    finally:
        collection.close()
    front, back = notes["latency &lt;b&gt;under&lt;/b&gt; 5 ms"].fields
    assert html.unescape(front) == "latency <b>under</b> 5 ms"
    assert "<" not in back and html.unescape(back) == "<img src=x onerror=alert(1)> & more — a source"
    assert sorted(notes["latency &lt;b&gt;under&lt;/b&gt; 5 ms"].tags) == ["chipwise", "spec"]


def test_every_answer_of_the_decision_graph_has_a_card_citing_its_sources(facts: Facts) -> None:
    by_id = {card.id: card for card in flashcards.cards(facts)}
    outcomes = [outcome for table in facts.decision.tables for outcome in table.outcomes.values()]
    assert len(outcomes) == 13
    for outcome in outcomes:
        card = by_id[f"outcome:{outcome.id}"]
        assert outcome.title in card.front and "{" not in card.back
        assert card.source.startswith("https://"), outcome.id
    assert "SageMaker Asynchronous Inference" in by_id["outcome:asynchronous"].front
    assert "up to 1 GB" in by_id["outcome:asynchronous"].back


def test_the_deck_size_the_site_shows_is_the_number_of_cards(facts: Facts) -> None:
    assert site_files.deck_size(facts) == len(flashcards.cards(facts))
