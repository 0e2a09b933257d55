"""Changing the facts file changes every page that shows the fact; a bad file writes no site."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from chipwise.guide.model import Facts
from tests.support import FACTS_FILE, ROOT, build_site, page_text, visible_text


def edited_facts(tmp_path: Path, replacements: list[tuple[str, str]]) -> Path:
    text = FACTS_FILE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "edited.yml"
    path.write_text(text, encoding="utf-8")
    return path


INF2_CHIPS = [
    ("    value: 12\n    unit: chips", "    value: 13\n    unit: chips"),
    ("powered by up to 12 Inferentia2 chips, and allows", "powered by up to 13 Inferentia2 chips, and allows"),
]
NOTE_COST = [
    ("    value: 70\n    unit: percent\n    kind: exam-note", "    value: 60\n    unit: percent\n    kind: exam-note"),
    ("Cost benefit → up to 70% cost reduction", "Cost benefit → up to 60% cost reduction"),
]


def test_a_changed_fact_changes_every_page_that_shows_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_site(site, edited_facts(tmp_path, [*INF2_CHIPS, *NOTE_COST, ("  exam: AIF-C01\n", "  exam: AIF-C99\n")]))
    assert result.returncode == 0, result.stderr
    for page in ("inferentia/index.html", "inferentia-vs-trainium/index.html", "sources/index.html"):
        text = visible_text(page_text(site, page))
        assert "up to 13 chips" in text, page
        assert "up to 12 chips" not in text, page
    worked = visible_text(page_text(site, "worked-example/index.html"))
    assert "$30,000/month × (100% − 60%) = $12,000/month" in worked
    assert "$9,000" not in worked
    home = visible_text(page_text(site, "index.html"))
    assert "up to 60%" in home and "up to 70% cost reduction" not in home
    # meta.exam names the exam wherever the site's pages and code name it (text, descriptions, the sources' scope)
    assert "Preparing for the AIF-C99 exam" in home and "For AIF-C99, one rule is enough" in visible_text(page_text(site, "choosing/index.html"))
    assert '<meta name="description" content="AIF-C99-style practice' in page_text(site, "quiz/index.html")
    assert "spec · AIF-C99 · verified" in visible_text(page_text(site, "sources/index.html"))


def test_no_page_names_the_exam_by_hand(facts: Facts) -> None:
    """Pages call {{ exam_code() }} (meta.exam) and {{ exam_name() }}; the facts file is the one place that names the exam."""
    typed = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "docs").rglob("*.md")) if facts.meta.exam in path.read_text(encoding="utf-8")]
    assert typed == []


def test_a_bad_facts_file_fails_the_build_with_located_messages_and_writes_no_site(tmp_path: Path) -> None:
    broken = edited_facts(tmp_path, [("    value: 12\n    unit: chips", "    value: twelve\n    unit: chips")])
    site = tmp_path / "site"
    result = build_site(site, broken)
    assert result.returncode != 0
    line = next(number for number, text in enumerate(broken.read_text().splitlines(), 1) if "value: twelve" in text)
    assert f"edited.yml:{line}:5: facts.inf2.chips_max.value: expected a whole number above 0 for unit 'chips', received 'twelve'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_a_facts_file_nested_a_thousand_deep_fails_the_build_with_a_located_message(tmp_path: Path) -> None:
    # Once a RecursionError traceback from the YAML composer.
    broken = tmp_path / "deep.yml"
    broken.write_text("meta: " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    result = build_site(tmp_path / "site", broken)
    assert result.returncode != 0
    assert "deep.yml:1:70: (file): lists and mappings nest more than 64 deep here" in result.stderr
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_facts_file_missing_what_the_site_needs_fails_with_one_located_message(tmp_path: Path) -> None:
    text = FACTS_FILE.read_text(encoding="utf-8")
    start = text.index("  note.training_cost_reduction:\n")
    end = text.index("  note.footprint:\n", start)
    broken = tmp_path / "missing.yml"
    broken.write_text(text[:start] + text[end:], encoding="utf-8")
    result = build_site(tmp_path / "site", broken)
    assert result.returncode != 0
    assert "facts: the site needs the fact 'note.training_cost_reduction'" in result.stderr
    assert "exam.key_numbers[2]: unknown fact 'note.training_cost_reduction'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(url: str, predicate: object, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = _fetch(url)
            if predicate(last):  # type: ignore[operator]
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not change within {seconds} s; last page began: {last[:200]!r}")


def test_mkdocs_serve_reloads_when_the_facts_file_changes(tmp_path: Path) -> None:
    facts_copy = tmp_path / "facts.yml"
    facts_copy.write_text(FACTS_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    port = _free_port()
    environment = {**os.environ, "CHIPWISE_FACTS": str(facts_copy), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
    log = tmp_path / "serve.log"
    with log.open("w") as log_file, subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log_file, stderr=log_file) as server:
        try:
            url = f"http://127.0.0.1:{port}/inferentia/"
            _wait_for(url, lambda page: "up to 12 chips" in visible_text(page), 60)
            text = facts_copy.read_text(encoding="utf-8")
            for old, new in INF2_CHIPS:
                text = text.replace(old, new)
            facts_copy.write_text(text, encoding="utf-8")
            _wait_for(url, lambda page: "up to 13 chips" in visible_text(page), 60)
            # Rapid edits, as an editor saving several times a second: broken, empty, half-written, valid.
            original = FACTS_FILE.read_text(encoding="utf-8")
            for edit in (text.replace("value: 13", "value: thirteen", 1), "", text[: len(text) // 2], original):
                facts_copy.write_text(edit, encoding="utf-8")
                time.sleep(0.15)
            _wait_for(url, lambda page: "up to 12 chips" in visible_text(page), 60)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    errors = [line for line in log.read_text(encoding="utf-8").splitlines() if line.startswith("ERROR")]
    assert all(line.split("-", 1)[1].strip() for line in errors), errors  # may be empty: edits that land before a rebuild log nothing
    assert "Traceback" not in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["mkdocs.yml"])
def test_mkdocs_config_is_strict(name: str) -> None:
    config = (ROOT / name).read_text(encoding="utf-8")
    assert re.search(r"^strict: true$", config, re.MULTILINE)
    assert "on_undefined: strict" in config and "on_error_fail: true" in config
    for check in ("omitted_files", "absolute_links", "unrecognized_links", "anchors"):
        assert re.search(rf"^  {check}: warn$", config, re.MULTILINE), check
