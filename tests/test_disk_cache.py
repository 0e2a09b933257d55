"""The disk cache between builds: a hit is exactly what computing again gives, a damaged or planted entry is
computed again, and nothing is kept unless a site build turns it on."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from chipwise import disk_cache
from chipwise.errors import FactsError
from chipwise.exports import files
from chipwise.facts import benchmarks
from chipwise.guide import load
from chipwise.guide.load import load_facts
from chipwise.guide.model import Facts
from tests.support import FACTS_FILE, copy_rows_file


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
    load._cache.clear()


def test_generated_files_and_rows_come_back_from_disk_as_computed(cache: Path, facts: Facts) -> None:
    _fresh_process()
    computed = files._generate(facts)
    _fresh_process()
    loaded = load_facts(facts.path, for_site=True)
    assert files.generated_files(loaded) == computed
    assert sorted(path.parent.name for path in cache.rglob("*.pickle")) == ["benchmark-rows", "facts-file", "generated-files"]
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


def _uncached(path: Path) -> Facts:
    disk_cache.use(None)
    _fresh_process()
    return load_facts(path, for_site=True)


def test_the_facts_file_comes_back_from_disk_as_checked(cache: Path, facts: Facts) -> None:
    _fresh_process()
    first = load_facts(facts.path, for_site=True)
    assert len(list(cache.glob("facts-file/*.pickle"))) == 1
    _fresh_process()
    assert load_facts(facts.path, for_site=True) == first == _uncached(facts.path)


def test_a_problem_found_after_the_check_is_still_located(cache: Path, tmp_path: Path) -> None:
    """The file passes the shape check (so its checked data is kept) but names an unknown fact: every load
    reads the file again to say where."""
    text = FACTS_FILE.read_text(encoding="utf-8")
    path = tmp_path / "facts.yml"
    path.write_text(text.replace("key_numbers: [note.throughput,", "key_numbers: [note.thruput,", 1), encoding="utf-8")
    copy_rows_file(tmp_path)
    for _ in range(2):
        _fresh_process()
        with pytest.raises(FactsError) as refused:
            load_facts(path, for_site=True)
        assert [(problem.key_path, problem.location.line > 1) for problem in refused.value.problems] == [("exam.key_numbers[0]", True)]


def test_a_remembered_text_is_computed_once_per_key(cache: Path) -> None:
    calls: list[str] = []

    def compute() -> str:
        calls.append("computed")
        return "<svg/>"

    assert [disk_cache.remembered_text("flowcharts", key, compute) for key in ("a", "a", "b")] == ["<svg/>"] * 3
    assert calls == ["computed", "computed"]
