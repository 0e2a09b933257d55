"""Builds the site once per test session, strictly, the way CI and authors do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGES = [
    "index.html",
    "inferentia/index.html",
    "trainium/index.html",
    "inferentia-vs-trainium/index.html",
    "choosing/index.html",
    "helper/index.html",
    "worked-example/index.html",
    "calculator/index.html",
    "cheat-sheet/index.html",
    "quiz/index.html",
    "flashcards/index.html",
    "glossary/index.html",
    "fact-check/index.html",
    "sources/index.html",
    "embed/index.html",
    "quality/index.html",
    "performance/index.html",
    "embed/key-numbers/index.html",
    "embed/comparison/index.html",
    "embed/flowchart/index.html",
]


def build_site(destination: Path, facts_file: Path | None = None, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    environment.pop("CHIPWISE_FACTS", None)
    if facts_file is not None:
        environment["CHIPWISE_FACTS"] = str(facts_file)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("site") / "site"
    result = build_site(destination)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []
    return destination


def page_text(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")
