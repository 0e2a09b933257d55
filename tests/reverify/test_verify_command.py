"""`chipwise verify` on small git repositories made here: a quote kept, changed, removed, its file renamed or
deleted, a commit the clone lacks, a shallow clone, and stored pages."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from chipwise.cli import main
from tests.support import FIXTURES

REPOSITORY = "example/docs"
PAGE_URL = "https://docs.aws.amazon.com/wellarchitected/latest/machine-learning-lens/mlsus-12.html"
ORIGINAL = """\
Inf2 Architecture
=================

The EC2 Inf2 instance is powered by up to 12 :ref:`Inferentia2 <inferentia2-arch>` chips, allowing
customers to choose between four instance sizes.
"""
GIT_ENVIRONMENT = {
    "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True, text=True, check=True, env={**os.environ, **GIT_ENVIRONMENT})
    return done.stdout.strip()


def commit_file(folder: Path, path: str, text: str, message: str) -> str:
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).write_text(text, encoding="utf-8")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)
    return git(folder, "rev-parse", "HEAD")


@pytest.fixture
def clone(tmp_path: Path) -> tuple[Path, str]:
    """A repository whose first commit holds the quote; returns its folder and that commit."""
    folder = tmp_path / "docs"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    return folder, commit_file(folder, "arch/inf2-arch.rst", ORIGINAL, "first")


def facts_file(tmp_path: Path, commit: str, path: str = "arch/inf2-arch.rst") -> Path:
    """The minimal fixture with neuron-inf2-arch read from the repository at `commit`, and the lens as a stored page."""
    text = (FIXTURES / "minimal.yml").read_text(encoding="utf-8")
    text = text.replace(
        "url: https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/inf2-arch.html\n    authority: aws\n",
        "url: https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/inf2-arch.html\n    authority: aws\n"
        f"    checked_copy: {{repository: {REPOSITORY}, path: {path}, commit: {commit}}}\n",
    )
    text = text.replace(f"url: {PAGE_URL}\n    authority: aws\n", f"url: {PAGE_URL}\n    authority: aws\n    checked_copy: {{url: \"{PAGE_URL}\"}}\n")
    written = tmp_path / "facts.yml"
    written.write_text(text, encoding="utf-8")
    return written


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01
    def invoke(*arguments: str) -> tuple[int, str, str]:
        code = main(["verify", *arguments])
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return invoke


def result(output: str, fact_id: str) -> dict[str, object]:
    return next(item for item in json.loads(output)["results"] if item["id"] == fact_id)


def test_a_kept_quote_is_confirmed(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    commit_file(folder, "README.md", "unrelated\n", "second")
    code, out, err = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={folder}", "--json")
    assert (code, err) == (0, "")
    assert result(out, "inf2.chips_max")["status"] == "confirmed"
    summary = json.loads(out)["summary"]
    assert summary["confirmed"] == 1 and summary["failed"] == 0 and summary["needs a person"] == 2


def test_a_changed_number_is_drift_with_the_current_sentence(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    commit_file(folder, "arch/inf2-arch.rst", ORIGINAL.replace("up to 12", "up to 16"), "more chips")
    code, out, _ = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={folder}", "--json")
    assert code == 0
    found = result(out, "inf2.chips_max")
    assert found["status"] == "drifted"
    assert found["drift"] == [
        {
            "kind": "numbers changed",
            "detail": "12 -> 16",
            "nearest": "The EC2 Inf2 instance is powered by up to 16 Inferentia2 chips, allowing customers to choose between four instance sizes.",
        }
    ]


def test_a_reworded_quote_names_the_nearest_sentence(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    commit_file(folder, "arch/inf2-arch.rst", ORIGINAL.replace("is powered by", "runs on"), "reworded")
    code, out, _ = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={folder}")
    assert code == 0
    assert re.search(r"^drifted +inf2\.chips_max ", out, re.M)
    assert "    quote changed: 'The EC2 Inf2 instance is powered by up to 12 Inferentia2 chips' reads differently" in out
    assert "      now: The EC2 Inf2 instance runs on up to 12 Inferentia2 chips, allowing customers to choose between four instance sizes." in out


def test_a_removed_quote(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    commit_file(folder, "arch/inf2-arch.rst", "Inf2 Architecture\n=================\n\nSee the new page.\n", "removed")
    code, out, _ = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={folder}", "--json")
    assert code == 0
    assert [drift["kind"] for drift in result(out, "inf2.chips_max")["drift"]] == ["quote removed"]  # type: ignore[union-attr]


def test_a_renamed_file_is_followed(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    (folder / "hardware").mkdir()
    git(folder, "mv", "arch/inf2-arch.rst", "hardware/inf2.rst")
    git(folder, "commit", "-q", "-m", "moved")
    code, out, _ = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={folder}", "--json")
    assert code == 0
    found = result(out, "inf2.chips_max")
    assert (found["status"], found["drift"]) == ("drifted", [{"kind": "moved", "detail": "arch/inf2-arch.rst -> hardware/inf2.rst", "nearest": None}])
    assert str(found["current"]).startswith("hardware/inf2.rst at ")


def test_a_deleted_file(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    git(folder, "rm", "-q", "arch/inf2-arch.rst")
    commit_file(folder, "README.md", "archived\n", "deleted")
    code, out, _ = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={folder}", "--json")
    assert code == 0
    assert [drift["kind"] for drift in result(out, "inf2.chips_max")["drift"]] == ["deleted"]  # type: ignore[union-attr]


def test_at_compares_with_the_given_ref_and_a_bare_clone_reads_alike(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    commit_file(folder, "arch/inf2-arch.rst", ORIGINAL.replace("up to 12", "up to 16"), "more chips")
    git(folder, "tag", "v1", first)
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(folder), str(bare)], check=True, capture_output=True)
    code, out, _ = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={bare}", "--at", "v1", "--json")
    assert code == 0
    assert result(out, "inf2.chips_max")["status"] == "confirmed"
    assert json.loads(out)["compared_with"] == {REPOSITORY: first}


def test_a_quote_not_in_its_recorded_copy_fails(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, _ = clone
    wrong = commit_file(folder, "arch/inf2-arch.rst", ORIGINAL.replace("up to 12", "up to 16"), "more chips")
    code, out, _ = run(str(facts_file(tmp_path, wrong)), "--repo", f"{REPOSITORY}={folder}")
    assert code == 1
    assert re.search(rf"^failed +inf2\.chips_max +{REPOSITORY}, arch/inf2-arch\.rst at commit {wrong[:12]} +the quote is not in", out, re.M)
    assert "    numbers changed: 12 -> 16" in out


def test_a_path_missing_at_the_recorded_commit_fails(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    code, out, _ = run(str(facts_file(tmp_path, first, path="arch/gone.rst")), "--repo", f"{REPOSITORY}={folder}", "--json")
    assert code == 1
    assert result(out, "inf2.chips_max")["message"] == f"arch/gone.rst is not in commit {first[:12]}"


def test_without_a_clone_the_fact_is_not_checked(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    _, first = clone
    code, out, _ = run(str(facts_file(tmp_path, first)), "--json")
    assert code == 0
    assert result(out, "inf2.chips_max")["message"] == f"no --repo {REPOSITORY}=PATH given"


def test_stored_pages_need_a_person_with_their_age(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    _, out, _ = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={folder}", "--json")
    found = result(out, "trn1.cost_to_train")
    assert (found["status"], found["copy"], found["age_days"]) == ("needs a person", PAGE_URL, 30)


def test_saved_pages_are_found_by_host_and_path(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    pages = tmp_path / "pages"
    pages.mkdir()
    saved = pages / "docs.aws.amazon.com_wellarchitected_latest_machine-learning-lens_mlsus-12.html"
    saved.write_text("<html><body><p>Trn1 instances offer up to 50% cost-to-train savings over comparable Amazon EC2 instances.</p></body></html>")
    code, out, _ = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={folder}", "--pages", str(pages), "--json")
    assert code == 0
    assert result(out, "trn1.cost_to_train")["status"] == "confirmed"
    assert result(out, "example.gpu_monthly_cost")["status"] == "drifted"


def test_a_pages_index_names_the_file(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "lens.txt").write_text("Trn1 offer up to 50% cost-to-train savings over comparable Amazon EC2 instances.\n")
    (pages / "index.json").write_text(json.dumps({PAGE_URL: "lens.txt"}))
    _, out, _ = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={folder}", "--pages", str(pages), "--json")
    assert result(out, "trn1.cost_to_train")["status"] == "confirmed"


CLONE_HINT = "clone it first: git clone https://github.com/example/docs /nonexistent/docs"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        pytest.param(
            ["--repo", "example"],
            "chipwise: error: --repo: expected OWNER/NAME=PATH (such as aws-neuron/aws-neuron-sdk=../aws-neuron-sdk), received 'example'\n",
            id="bad-repo-option",
        ),
        pytest.param(
            ["--repo", "example/docs=/nonexistent/docs"],
            f"chipwise: error: --repo example/docs=/nonexistent/docs: no such folder; {CLONE_HINT}\n",
            id="missing-clone",
        ),
        pytest.param(["--repo", "example/docs={plain}"], "chipwise: error: --repo example/docs={plain}: not a git repository", id="not-a-repository"),
        pytest.param(
            ["--repo", "example/docs={folder}", "--at", "no-such-ref"],
            "chipwise: error: example/docs at {folder}: no commit no-such-ref (--at)",
            id="unknown-ref",
        ),
        pytest.param(["--pages", "/nonexistent/pages"], "chipwise: error: --pages /nonexistent/pages: not a folder of saved pages\n", id="no-pages"),
    ],
)
def test_bad_arguments_are_one_line(tmp_path: Path, clone: tuple[Path, str], run: Run, arguments: list[str], message: str) -> None:
    folder, first = clone
    plain = tmp_path / "plain"
    plain.mkdir()
    filled = [argument.format(folder=folder, plain=plain) for argument in arguments]
    code, out, err = run(str(facts_file(tmp_path, first)), *filled)
    assert (code, out) == (1, "")
    assert err.startswith(message.format(folder=folder, plain=plain)) and err.count("\n") == 1


def test_a_commit_the_clone_lacks(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, _ = clone
    missing = "0123456789abcdef0123456789abcdef01234567"
    code, out, err = run(str(facts_file(tmp_path, missing)), "--repo", f"{REPOSITORY}={folder}")
    assert (code, out) == (1, "")
    assert err == (
        f"chipwise: error: {REPOSITORY} at {folder}: no commit {missing} (the commit source 'neuron-inf2-arch' was read at); "
        f"fetch it: git -C {folder} fetch origin, or give a newer clone\n"
    )


def test_a_shallow_clone_is_refused(tmp_path: Path, clone: tuple[Path, str], run: Run) -> None:
    folder, first = clone
    commit_file(folder, "README.md", "more\n", "second")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{folder}", str(shallow)], check=True, capture_output=True)
    code, out, err = run(str(facts_file(tmp_path, first)), "--repo", f"{REPOSITORY}={shallow}")
    assert (code, out) == (1, "")
    hint = f"run: git -C {shallow} fetch --unshallow"
    assert err == f"chipwise: error: --repo {REPOSITORY}={shallow}: a shallow clone lacks the history verify compares; {hint}\n"
