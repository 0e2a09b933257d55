"""One build reads the facts file once; a failed build's problems print every time, and while `mkdocs serve`
has a broken file its pages say so instead of leaving the browser on the last good page.

Builds run in-process, as `mkdocs serve` runs its rebuilds, with MkDocs' duplicate-message filter on."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.utils import DuplicateFilter

from chipwise.guide import load as facts_load
from chipwise.render import escape
from chipwise.site import macros
from tests.support import ROOT, copy_rows_file

BROKEN_LINE = "facts.inf2.chips_max.value: expected a whole number above 0 for unit 'chips', received 'twelve'"


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Builds in this process from the project folder; yields the paths load_facts was called with."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    calls: list[str] = []
    real = facts_load.load_facts

    def counting(path: object = None, **options: bool) -> object:
        calls.append(str(path))
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(macros, "load_facts", counting)
    duplicates = DuplicateFilter()
    logging.getLogger("mkdocs.commands.build").addFilter(duplicates)
    yield calls
    logging.getLogger("mkdocs.commands.build").removeFilter(duplicates)
    macros.serving(False)


def _build(site: Path) -> None:
    build(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site)))


def _broken(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "facts" / "aws-ml-chips.yml").read_text(encoding="utf-8")
    copy_rows_file(folder)
    (folder / "broken.yml").write_text(text.replace("    value: 12\n    unit: chips", "    value: twelve\n    unit: chips", 1), encoding="utf-8")
    monkeypatch.setenv("CHIPWISE_FACTS", str(folder / "broken.yml"))


def test_one_build_reads_the_facts_once(in_process: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHIPWISE_FACTS", raising=False)
    _build(tmp_path / "one")
    assert len(in_process) == 1
    _build(tmp_path / "two")
    assert len(in_process) == 2, "a second build (a rebuild of mkdocs serve) reads the file again"


def test_a_repeated_failure_prints_its_problems_again(in_process: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    _broken(tmp_path, monkeypatch)
    for attempt in range(2):
        caplog.clear()
        with pytest.raises(Abort):
            _build(tmp_path / f"site-{attempt}")
        assert any(BROKEN_LINE in record.getMessage() for record in caplog.records), (attempt, caplog.text)
    assert len(in_process) == 2


def test_while_serving_a_broken_file_every_page_shows_its_problems(in_process: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    _broken(tmp_path, monkeypatch)
    macros.serving(True)
    for attempt in range(2):
        caplog.clear()
        site = tmp_path / f"site-{attempt}"
        _build(site)
        assert any(BROKEN_LINE in record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR), (attempt, caplog.text)
        for page in ("index.html", "helper/index.html", "sources/index.html"):
            text = (site / page).read_text(encoding="utf-8")
            assert "The facts file has problems" in text and escape.html_text(BROKEN_LINE) in text, page
    monkeypatch.delenv("CHIPWISE_FACTS")
    _build(tmp_path / "fixed")
    assert "The facts file has problems" not in (tmp_path / "fixed" / "index.html").read_text(encoding="utf-8")
