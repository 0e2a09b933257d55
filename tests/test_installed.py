"""What ships is what is tested: the sdist and wheel, installed in a fresh environment outside the repository.

The wheel is built from the sdist (as `python -m build` does), installed with the site extra into a new venv
that sees nothing of this one, and used there as a reader would: the command, and a one-page MkDocs guide that
takes chipwise's macros from the installed package. Slow (about a minute, most of it pip), never skipped.

Dependencies come from the package index pip is configured with, at the versions in requirements/site.txt;
set CHIPWISE_WHEELHOUSE to a folder of wheels
(`pip download -d DIR chipwise[site]` once) to install from it alone, offline. The release workflow sets
CHIPWISE_DIST to the folder of the sdist and wheel it is about to publish.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from chipwise.guide.model import Facts
from tests.support import ROOT, page_text, visible_text

# One worker under `pytest -n` (tests/conftest.py's XDIST_GROUPS): its tests share one built wheel and one venv.
pytestmark = pytest.mark.slow

GUIDE_CONFIG = """\
site_name: A guide that reuses chipwise
strict: true
theme:
  name: material
  font: false
plugins:
  - macros:
      modules: [chipwise.site.macros]
      on_undefined: strict
      on_error_fail: true
"""
GUIDE_PAGE = "# Chips\n\nInf2 instances carry {{ fact('inf2.chips_max') }} (Inferentia2).\n"
CALCULATOR_PAGE = "# The exam note's arithmetic\n\n{{ exam_note_calculator() }}\n"


def _clean_environment() -> dict[str, str]:
    """This process's environment without anything that points into the repository or its venv."""
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV", "CHIPWISE_FACTS", "PYTHONHOME")}
    environment["NO_MKDOCS_2_WARNING"] = "1"
    return environment


def _run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=_clean_environment(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{command} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel built from it, offline (the build backend is this venv's hatchling); or, with
    CHIPWISE_DIST set, the folder of the ones a release publishes, so what it uploads is what was tested."""
    if os.environ.get("CHIPWISE_DIST"):
        return Path(os.environ["CHIPWISE_DIST"]).resolve()
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT], cwd=out)
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv (no system site-packages, not this venv) with the wheel and its site extra; its bin folder.

    The venv gets no pip of its own (installing one was most of this fixture's time): this venv's pip installs
    into it (`pip --python`). Nor does pip byte-compile every module it installs (`--no-compile`, about half of the
    rest): Python compiles what the command and the guide's build import, as they import it."""
    venv = tmp_path_factory.mktemp("clean") / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=venv.parent)
    wheel = next(dist.glob("chipwise-*.whl"))
    source = ["--no-index", "--find-links", os.environ["CHIPWISE_WHEELHOUSE"]] if os.environ.get("CHIPWISE_WHEELHOUSE") else []
    install = [sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "--quiet", "--no-compile"]
    _run([*install, *source, *_locked(venv.parent), f"{wheel}[site]"], cwd=venv.parent)
    return venv / "bin"


def _locked(folder: Path) -> list[str]:
    """pip's options that hold each dependency at its version in requirements/site.txt (as constraints: pip
    still resolves the wheel's own requirements, so one it forgot to declare fails here); none in the weekly
    run against the newest versions (CHIPWISE_SETUP=newest)."""
    if os.environ.get("CHIPWISE_SETUP") == "newest":
        return []
    pins = re.findall(r"^[A-Za-z0-9_.-]+==\S+", (ROOT / "requirements" / "site.txt").read_text(encoding="utf-8"), re.MULTILINE)
    constraints = folder / "constraints.txt"
    constraints.write_text("".join(f"{pin}\n" for pin in pins), encoding="utf-8")
    return ["--constraint", str(constraints)]


def test_the_sdist_and_the_wheel_carry_the_facts_file_and_every_file_it_names(dist: Path) -> None:
    with zipfile.ZipFile(next(dist.glob("chipwise-*.whl"))) as wheel:
        data = {name for name in wheel.namelist() if name.startswith("chipwise/data/")}
    assert data == {"chipwise/data/aws-ml-chips.yml", "chipwise/data/aws-ml-chips.benchmarks.yml", "chipwise/data/aws-ml-chips.changes.yml"}
    with tarfile.open(next(dist.glob("chipwise-*.tar.gz"))) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"facts/aws-ml-chips.yml", "facts/aws-ml-chips.benchmarks.yml", "pyproject.toml", "README.md"} <= names


def test_the_wheel_carries_every_template_the_forms_are_laid_out_with(dist: Path) -> None:
    with zipfile.ZipFile(next(dist.glob("chipwise-*.whl"))) as wheel:
        templates = {name for name in wheel.namelist() if name.startswith("chipwise/templates/")}
    assert templates == {f"chipwise/templates/{path.name}" for path in (ROOT / "src" / "chipwise" / "templates").iterdir() if path.is_file()}


def test_the_installed_command_runs_outside_the_repository(installed: Path, tmp_path: Path, facts: Facts) -> None:
    version = _run([installed / "chipwise", "--version"], cwd=tmp_path).stdout
    assert version.startswith(f"chipwise 0.1.0, facts {facts.meta.version} (")
    assert f"{installed.parent}/lib/" in version and "/site-packages/chipwise/data/aws-ml-chips.yml)" in version

    answer = json.loads(_run([installed / "chipwise", "recommend", "--workload", "training", "--json"], cwd=tmp_path).stdout)
    assert answer["title"]
    check = _run([installed / "chipwise", "check"], cwd=tmp_path).stdout
    assert ": OK: " in check
    published = json.loads(_run([installed / "chipwise", "facts", "--json"], cwd=tmp_path).stdout)
    assert published["version"] == facts.meta.version
    assert set(published["facts"]) == set(facts.facts)


def test_a_guide_builds_with_the_installed_macros(installed: Path, tmp_path: Path, facts: Facts) -> None:
    guide = tmp_path / "guide"
    (guide / "docs").mkdir(parents=True)
    (guide / "mkdocs.yml").write_text(GUIDE_CONFIG, encoding="utf-8")
    (guide / "docs" / "index.md").write_text(GUIDE_PAGE, encoding="utf-8")
    (guide / "docs" / "calculator.md").write_text(CALCULATOR_PAGE, encoding="utf-8")
    result = _run([installed / "mkdocs", "build", "--strict"], cwd=guide)
    assert not [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))], result.stderr
    text = visible_text(page_text(guide / "site", "index.html"))
    assert f"Inf2 instances carry {facts.fact('inf2.chips_max').short}" in text
    # A form laid out by a template the installed package carries.
    calculator = page_text(guide / "site", "calculator/index.html")
    assert '<form class="chipwise-calculator"' in calculator and "Saving:" in visible_text(calculator)
