"""The disk cache between builds: a hit is exactly what computing again gives, a damaged or planted entry is
computed again, and nothing is kept unless a site build turns it on."""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from chipwise import disk_cache
from chipwise.errors import FactsError
from chipwise.exports import site_files
from chipwise.facts import benchmarks, changes
from chipwise.guide import load
from chipwise.guide.load import load_facts
from chipwise.guide.model import Facts
from chipwise.site.macros import MACRO_NAMES, SiteMacros, check_pages
from tests.support import CHANGES_FILE, FACTS_FILE, ROOT, copy_rows_file, nonempty


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
    site_files._by_content.clear()
    benchmarks._read.clear()
    changes._in_process.clear()
    load._cache.clear()


def test_generated_files_and_rows_come_back_from_disk_as_computed(cache: Path, facts: Facts) -> None:
    _fresh_process()
    computed = site_files._generate(facts)
    _fresh_process()
    loaded = load_facts(facts.path, for_site=True)
    assert site_files.generated_files(loaded) == computed
    assert sorted(path.parent.name for path in cache.rglob("*.pickle")) == ["benchmark-rows", "changes-file", "facts-file", "generated-files"]
    _fresh_process()
    again = load_facts(facts.path, for_site=True)
    assert site_files.generated_files(again) == computed
    assert again.benchmarks is not None and loaded.benchmarks is not None
    assert again.benchmarks.rows == loaded.benchmarks.rows


def test_a_damaged_or_planted_entry_is_computed_again(cache: Path, facts: Facts) -> None:
    _fresh_process()
    site_files.generated_files(load_facts(facts.path, for_site=True))
    (entry,) = cache.glob("generated-files/*.pickle")
    for planted in (b"not a pickle", pickle.dumps(("key", {"x": "y"})), pickle.dumps(Path("/"))):
        entry.write_bytes(planted)
        _fresh_process()
        assert site_files.generated_files(load_facts(facts.path, for_site=True)) == site_files._generate(facts)


def test_nothing_is_kept_unless_a_build_turns_the_cache_on(tmp_path: Path, facts: Facts) -> None:
    _fresh_process()
    site_files.generated_files(load_facts(facts.path, for_site=True))
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


def test_a_problem_in_the_changes_file_found_after_its_check_is_still_located(cache: Path, tmp_path: Path) -> None:
    """The changes file passes its shape check (so its checked data is kept) but names an unknown fact: every
    load reads it again to say on which line."""
    path = tmp_path / "facts.yml"
    path.write_bytes(FACTS_FILE.read_bytes())
    copy_rows_file(tmp_path)
    changes = tmp_path / CHANGES_FILE.name
    text = changes.read_text(encoding="utf-8")
    added = "- {fact: inf1.memory_bandwidth_per_chip, field: added"
    assert text.count(added) == 1
    changes.write_text(text.replace(added, added.replace("bandwidth", "bandwith")), encoding="utf-8")
    located = []
    for _ in range(2):
        _fresh_process()
        with pytest.raises(FactsError) as refused:
            load_facts(path, for_site=True)
        located.append([(problem.path, problem.key_path, problem.location.line) for problem in refused.value.problems])
        assert len(list(cache.glob("changes-file/*.pickle"))) == 1
    assert located[0] == located[1] and len(located[0]) == 1 and located[0][0][2] > 1


def test_the_changes_file_comes_back_from_disk_as_checked(cache: Path, facts: Facts) -> None:
    _fresh_process()
    first = load_facts(facts.path, for_site=True)
    assert len(list(cache.glob("changes-file/*.pickle"))) == 1
    _fresh_process()
    assert load_facts(facts.path, for_site=True).changes == first.changes == _uncached(facts.path).changes


def test_a_remembered_text_is_computed_once_per_key(cache: Path) -> None:
    calls: list[str] = []

    def compute() -> str:
        calls.append("computed")
        return "<svg/>"

    assert [disk_cache.remembered_text("flowcharts", key, compute) for key in ("a", "a", "b")] == ["<svg/>"] * 3
    assert calls == ["computed", "computed"]


def _page_macros(facts: Facts, src_uri: str) -> dict[str, Any]:
    """The macros as mkdocs-macros gives them to the page at `src_uri` of chipwise's own site."""
    page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=src_uri.removesuffix(".md").removesuffix("index") + "/")
    env = SimpleNamespace(conf={"extra": {"chipwise_own_site": True}, "site_url": "https://example.org/chipwise/"}, page=page, project_dir=str(ROOT))
    macros = SiteMacros(env, facts)
    return {name: getattr(macros, name) for name in MACRO_NAMES}


def _every_call(facts: Facts) -> list[str]:
    """Each page's macro calls, run against that page's macros: what a build renders."""
    rendered = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        namespace = _page_macros(facts, page.relative_to(ROOT / "docs").as_posix())
        for call in re.findall(r"\{\{(.*?)\}\}", page.read_text(encoding="utf-8"), re.DOTALL):
            rendered.append(str(eval(call.strip(), {"__builtins__": {}}, namespace)))
    return rendered


def test_every_macro_gives_from_disk_what_it_computes(cache: Path, facts: Facts) -> None:
    computed = _every_call(_uncached(facts.path))
    disk_cache.use(cache)
    _fresh_process()
    first = _every_call(load_facts(facts.path, for_site=True))
    kept = len(list(cache.glob("macros/*.pickle")))
    _fresh_process()
    assert computed and first == computed and _every_call(load_facts(facts.path, for_site=True)) == computed
    assert kept > 20 and len(list(cache.glob("macros/*.pickle"))) == kept


def test_a_kept_macro_is_kept_per_page_position(cache: Path, facts: Facts) -> None:
    """A macro's links depend on where its page stands: a page one folder down gets its own entry."""
    _fresh_process()
    loaded = load_facts(facts.path, for_site=True)
    top, nested = _page_macros(loaded, "cheat-sheet.md")["key_numbers"](), _page_macros(loaded, "quiz/claims.md")["key_numbers"]()
    assert top != nested and "](sources.md#" in top and "](../sources.md#" in nested
    assert len(list(cache.glob("macros/*.pickle"))) == 2


def test_pages_that_passed_are_remembered_and_an_edited_page_is_checked_again(cache: Path, facts: Facts, tmp_path: Path) -> None:
    _fresh_process()
    loaded = load_facts(facts.path, for_site=True)
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "page.md"
    page.write_text("{{ fact('inf2.chips_max') }}\n", encoding="utf-8")
    for _ in range(2):
        check_pages(loaded, docs, own_site=True)
        assert len(list(cache.glob("checked-pages/*.pickle"))) == 1
    page.write_text("{{ fact('inf2.chips_maxx') }}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(PluginError, match=r"docs/page\.md:1:.*inf2\.chips_maxx"):
            check_pages(loaded, docs, own_site=True)
    assert len(list(cache.glob("checked-pages/*.pickle"))) == 1


def test_an_entry_none_of_the_last_builds_used_is_deleted_when_a_build_writes(tmp_path: Path) -> None:
    """Builds that each write a text of their own and read one they share: the folder keeps the shared text and the
    texts of the last KEPT_BUILDS builds, not all of them (nor one an older chipwise left, stamped with the clock)."""
    folder = tmp_path / "cache"
    leftover = folder / "macros" / "left-by-an-older-chipwise.pickle"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(pickle.dumps(("key", "text")))
    os.utime(leftover, (1_700_000_000, 1_700_000_000))
    builds = disk_cache.KEPT_BUILDS + 5
    try:
        for build in nonempty(range(builds)):
            disk_cache.use(folder)
            assert disk_cache.remembered_text("macros", "shared", lambda: "shared text") == "shared text"
            disk_cache.store("macros", f"build {build}", f"text of build {build}")
        kept = [build for build in range(builds) if disk_cache.load("macros", f"build {build}") is not None]
        assert kept == list(range(5, builds))
        assert disk_cache.load("macros", "shared") == "shared text"
        assert len(list(folder.glob("macros/*.pickle"))) == disk_cache.KEPT_BUILDS + 1
    finally:
        disk_cache.use(None)
