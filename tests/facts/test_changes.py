"""The changelog as data: the changes file is checked with the facts file, and facts/CHANGELOG.md is generated from it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from chipwise.errors import FactsError
from chipwise.facts.changes import ChangedField, changelog_markdown, last_changed
from chipwise.guide.load import load_facts
from chipwise.guide.model import Facts
from tests.support import CHANGES_FILE, FACTS_FILE, ROOT, copy_rows_file

# Where each release sits in the changes file, newest first: the tests below name a release by its version, so
# a new release on top moves no test.
_VERSIONS = re.findall(r'^  - version: "([^"]+)"$', CHANGES_FILE.read_text(encoding="utf-8"), re.MULTILINE)
AT = {version: index for index, version in enumerate(_VERSIONS)}


def test_the_committed_changelog_is_generated_from_the_changes_file(facts: Facts) -> None:
    assert facts.changes_path is not None
    expected = changelog_markdown(facts.changes, facts.changes_path.name)
    assert (ROOT / "facts" / "CHANGELOG.md").read_text(encoding="utf-8") == expected, "run: chipwise changelog > facts/CHANGELOG.md"


def test_every_release_of_the_old_changelog_is_kept(facts: Facts) -> None:
    old = ["2026.12.2.3", "2026.12.2.2", "2026.12.2.1", "2026.12.2", "2026.11.26.4", "2026.11.26.3", "2026.11.26.2", "2026.11.26"]
    versions = [release.version for release in facts.changes]
    assert versions[-len(old) :] == old and versions == sorted(versions, key=lambda v: tuple(map(int, v.split("."))), reverse=True)
    assert facts.changes[0].version == facts.meta.version


def test_a_fact_last_changed_in_the_newest_release_that_names_it(facts: Facts) -> None:
    changed = last_changed(facts.changes)
    assert changed["sagemaker.realtime_fit"].version == "2026.12.2"
    assert changed["p5.gpu"].version == "2026.11.26.3"
    assert changed["trn2.cost_to_train"].version == "2026.11.26.2"
    assert "inf1.chips_max" not in changed
    renamed = next(change for change in facts.changes[AT["2026.11.26.2"]].changes if change.fact == "trn2.cost_to_train")
    assert (renamed.field, renamed.text) == (ChangedField.ID, "renamed from trn1.cost_to_train")


@pytest.mark.parametrize(
    ("old", "new", "key_path", "message"),
    [
        pytest.param(
            "  - {fact: sagemaker.batch_fit,", "  - {fact: sagemaker.batch_fits,", f"releases[{AT['2026.12.2']}].changes[1].fact",
            "unknown fact 'sagemaker.batch_fits'; did you mean 'sagemaker.batch_fit'?", id="unknown-fact",
        ),
        pytest.param(
            "source: sagemaker-async, why: \"What Asynchronous Inference accepts.\"", "source: sagemaker-asynch, why: \"What Asynchronous Inference accepts.\"",
            f"releases[{AT['2026.12.2']}].changes[3].source", "unknown source 'sagemaker-asynch'; did you mean 'sagemaker-async'?", id="unknown-source",
        ),
        pytest.param(
            '  - version: "2026.12.2"\n    date: 2026-12-02', '  - version: "2026.12.2"\n    date: 2026-12-01', f"releases[{AT['2026.12.2']}].date",
            "expected 2026-12-02, the day of version 2026.12.2, received 2026-12-01", id="date-not-the-versions-day",
        ),
        pytest.param(
            '  - version: "2026.11.26.3"', '  - version: "2026.11.26.5"', f"releases[{AT['2026.11.26.3']}].version",
            "expected a version older than 2026.11.26.4 (releases are newest first), received '2026.11.26.5'", id="versions-out-of-order",
        ),
        pytest.param(
            "{fact: sagemaker.realtime_fit, field: added,", "{fact: sagemaker.realtime_fit, field: addded,", f"releases[{AT['2026.12.2']}].changes[0].field",
            "expected one of", id="unknown-field",
        ),
    ],
)
def test_a_broken_changes_file_is_refused_with_located_messages(tmp_path: Path, old: str, new: str, key_path: str, message: str) -> None:
    copy_rows_file(tmp_path)
    text = CHANGES_FILE.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / CHANGES_FILE.name).write_text(text.replace(old, new, 1), encoding="utf-8")
    shutil.copy(FACTS_FILE, tmp_path / FACTS_FILE.name)
    with pytest.raises(FactsError) as raised:
        load_facts(tmp_path / FACTS_FILE.name)
    reported = raised.value.report()
    assert re.search(rf"{re.escape(CHANGES_FILE.name)}:\d+:\d+: {re.escape(key_path)}: {re.escape(message)}", reported), reported


def test_the_newest_release_must_be_the_facts_files_version(tmp_path: Path) -> None:
    copy_rows_file(tmp_path)
    newest = _VERSIONS[0]
    year, month, day, *sequence = newest.split(".")
    later = f"{year}.{month}.{day}.{int(sequence[0]) + 1 if sequence else 1}"
    text = FACTS_FILE.read_text(encoding="utf-8").replace(f'  version: "{newest}"\n', f'  version: "{later}"\n', 1)
    (tmp_path / FACTS_FILE.name).write_text(text, encoding="utf-8")
    with pytest.raises(FactsError) as raised:
        load_facts(tmp_path / FACTS_FILE.name)
    expected = f"releases[0].version: expected the facts file's meta.version '{later}' (the newest release comes first), received '{newest}'"
    assert re.search(rf"{re.escape(CHANGES_FILE.name)}:\d+:\d+: {re.escape(expected)}", raised.value.report()), raised.value.report()


def _changes_problems(report: str) -> list[str]:
    return [line for line in report.splitlines() if line.startswith(f"{CHANGES_FILE.name}:") or f"/{CHANGES_FILE.name}:" in line]


def test_a_changes_file_problem_is_located_again_after_every_edit_and_moves_with_the_changes_file(tmp_path: Path) -> None:
    """Its locations are kept in-process by the changes file's bytes: each edit of the facts file that breaks the same
    reference gets the same line, and an edit of the changes file itself is read again."""
    copy_rows_file(tmp_path)
    lines = FACTS_FILE.read_text(encoding="utf-8").split("\n")
    start = lines.index("  p5.gpu:")
    end = next(index for index in range(start + 1, len(lines)) if not lines[index].startswith("    "))
    without = "\n".join(lines[:start] + lines[end:])
    found = []
    for edit in (without, without + "\n# a second edit\n", without):
        (tmp_path / FACTS_FILE.name).write_text(edit, encoding="utf-8")
        with pytest.raises(FactsError) as raised:
            load_facts(tmp_path / FACTS_FILE.name)
        found.append(_changes_problems(raised.value.report()))
    assert found[0] and found[0] == found[1] == found[2]
    assert all(re.search(r":\d+:\d+: releases\[\d+\]\.changes\[\d+\]\.fact: unknown fact 'p5\.gpu'", line) for line in found[0]), found[0]
    (tmp_path / CHANGES_FILE.name).write_text("\n" + CHANGES_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(FactsError) as raised:
        load_facts(tmp_path / FACTS_FILE.name)
    moved = _changes_problems(raised.value.report())
    assert [_line_of(line) for line in moved] == [_line_of(line) + 1 for line in found[0]], moved


def _line_of(problem: str) -> int:
    match = re.search(r":(\d+):\d+: releases\[", problem)
    assert match is not None, problem
    return int(match.group(1))
