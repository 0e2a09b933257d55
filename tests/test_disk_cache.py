"""The disk cache between builds: a hit is exactly what computing again gives, a damaged or planted entry is
computed again, and nothing is kept unless a site build turns it on."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwise import disk_cache
from chipwise.exports import files
from chipwise.facts import benchmarks
from chipwise.facts.load import load_facts
from chipwise.facts.model import Facts


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "cache"
    disk_cache.use(folder)
    try:
        yield folder
    finally:
        disk_cache.use(None)


def _fresh_process() -> None:
    """What a new process starts with: no result kept in memory."""
    files._by_content.clear()
    benchmarks._read.clear()


def test_generated_files_and_rows_come_back_from_disk_as_computed(cache: Path, facts: Facts) -> None:
    _fresh_process()
    computed = files._generate(facts)
    _fresh_process()
    loaded = load_facts(facts.path, for_site=True)
    assert files.generated_files(loaded) == computed
    assert sorted(path.parent.name for path in cache.rglob("*.pickle")) == ["benchmark-rows", "generated-files"]
    _fresh_process()
    again = load_facts(facts.path, for_site=True)
    assert files.generated_files(again) == computed
    assert again.benchmarks is not None and loaded.benchmarks is not None
    assert again.benchmarks.rows == loaded.benchmarks.rows


def test_a_damaged_or_planted_entry_is_computed_again(cache: Path, facts: Facts) -> None:
    _fresh_process()
    files.generated_files(load_facts(facts.path, for_site=True))
    (entry,) = cache.glob("generated-files/*.pickle")
    for planted in (b"not a pickle", pickle.dumps(("key", {"x": "y"})), pickle.dumps(Path("/"))):
        entry.write_bytes(planted)
        _fresh_process()
        assert files.generated_files(load_facts(facts.path, for_site=True)) == files._generate(facts)


def test_nothing_is_kept_unless_a_build_turns_the_cache_on(tmp_path: Path, facts: Facts) -> None:
    _fresh_process()
    files.generated_files(load_facts(facts.path, for_site=True))
    assert disk_cache.load("generated-files", "anything") is None
