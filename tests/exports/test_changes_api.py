"""What changed, for machines and readers: api/changes.json against its schema, feed.xml as a feed reader reads it,
the page, the Sources entries and the flashcards' tags."""

from __future__ import annotations

import datetime
import json

import feedparser
import jsonschema

from chipwise.exports import changes_api
from chipwise.exports.site_files import generated_files
from chipwise.facts.changes import last_changed
from chipwise.guide.model import Facts
from chipwise.render import changes as render_changes
from chipwise.render.fact_tables import Links, fact_entries
from chipwise.study.flashcards import cards
from tests.support import nonempty


def test_changes_json_validates_against_its_schema(facts: Facts) -> None:
    files = generated_files(facts)
    published = json.loads(files[changes_api.JSON_PATH])
    schema = json.loads(files[changes_api.SCHEMA_PATH])
    jsonschema.validate(published, schema, format_checker=jsonschema.FormatChecker())
    assert published["version"] == schema["version"] == facts.meta.version
    assert [release["version"] for release in published["releases"]] == [release.version for release in facts.changes]


def test_the_feed_has_one_entry_per_release_newest_first_dated_by_the_release(facts: Facts) -> None:
    parsed = feedparser.parse(changes_api.atom_feed(facts, "https://example.github.io/chipwise/"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [entry.title for entry in parsed.entries] == [f"Facts release {release.version}" for release in facts.changes]
    assert [datetime.date(*entry.updated_parsed[:3]) for entry in parsed.entries] == [release.date for release in facts.changes]
    assert parsed.feed.updated == f"{facts.changes[0].date.isoformat()}T00:00:00+00:00"
    assert parsed.entries[0].link == f"https://example.github.io/chipwise/changes/#{facts.changes[0].anchor}"
    assert parsed.entries[0].summary == facts.changes[0].summary


def test_the_feed_is_the_same_bytes_from_the_same_facts(facts: Facts) -> None:
    first = changes_api.atom_feed(facts, "https://example.github.io/chipwise/")
    assert changes_api.atom_feed(facts, "https://example.github.io/chipwise/") == first
    assert b"T00:00:00+00:00" in first and str(datetime.date.today().year + 5).encode() not in first


def test_the_page_lists_every_release_newest_first_with_its_changes(facts: Facts) -> None:
    page = render_changes.changes_page(facts, Links())
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == [f"## {release.version} {{ #{release.anchor} }}" for release in facts.changes]
    assert "| [`sagemaker.realtime_fit`](sources.md#fact-sagemaker-realtime-fit) | added: " in page
    assert "| `inf2.network_max` | removed |" in page


def test_each_sources_entry_says_when_it_last_changed(facts: Facts) -> None:
    entries = fact_entries(facts, datetime.date(2026, 12, 2)).replace("\\(", "(").replace("\\)", ")")  # the page copy's words, Markdown-escaped
    changed = last_changed(facts.changes)
    assert "verified 2026-12-02 (today) · last changed in 2026.12.2 · id sagemaker.realtime_fit" in entries
    assert changed["p5.gpu"].version == "2026.11.26.3"
    assert "last changed in 2026.11.26.3 · id p5.gpu" in entries
    assert "(6 days ago) · id sagemaker.serverless_no_gpus" in entries


def test_flashcards_of_changed_facts_carry_a_tag_per_release(facts: Facts) -> None:
    tags = {card.id: card.tags for card in cards(facts)}
    assert tags["fact:p5.gpu"][-1:] == ("changed-2026.11.26.3",)
    assert tags["fact:sagemaker.realtime_fit"][-1:] == ("changed-2026.12.2",)
    assert not any(tag.startswith("changed-") for tag in nonempty(tags["fact:inf1.chips_max"]))
