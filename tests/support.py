"""Paths and helpers the tests share. Not a test module: tests and conftests import from here."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BROKEN = ROOT / "tests" / "broken_facts"
FACTS_FILE = ROOT / "facts" / "aws-ml-chips.yml"
SEED_NOTE = ROOT / "facts" / "seed" / "inferentia-study-note.txt"

PAGES = [
    "index.html",
    "inferentia/index.html",
    "trainium/index.html",
    "inferentia-vs-trainium/index.html",
    "choosing/index.html",
    "helper/index.html",
    "worked-example/index.html",
    "calculator/index.html",
    "benchmarks/index.html",
    "cheat-sheet/index.html",
    "quiz/index.html",
    "quiz/choosing/index.html",
    "quiz/claims/index.html",
    "quiz/exam-notes/index.html",
    "quiz/exam-guide/index.html",
    "quiz/generations/index.html",
    "quiz/worked-example/index.html",
    "flashcards/index.html",
    "glossary/index.html",
    "fact-check/index.html",
    "sources/index.html",
    "changes/index.html",
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


def page_text(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


HAND_TYPED = re.compile(r"(?<![\w.\-/#&])\d[\d,.]*")


def hand_typed_numbers(markdown: str) -> list[str]:
    """Numbers outside front matter, code, macros, comments and link targets (names like Inf2 are fine)."""
    text = re.sub(r"(?s)\A---\n.*?\n---\n", "", markdown)
    text = re.sub(r"(?s)```.*?```|~~~.*?~~~", "", text)
    text = re.sub(r"(?s)\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<!--.*?-->", "", text)
    text = re.sub(r"\]\([^)]*\)|`[^`]*`", "]", text)
    found = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(\d+\.|[-*+])\s", "", line)
        found.extend(match.group(0) for match in HAND_TYPED.finditer(line))
    return found


def visible_text(page_html: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities decoded, spaces folded)."""
    body = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page_html)
    body = re.sub(r"</?(p|div|td|th|tr|li|br|h[1-6]|text|table|ul|ol|svg|title|desc)\b[^>]*>", " ", body)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split())


ROWS_FILE = ROOT / "facts" / "aws-ml-chips.benchmarks.yml"
CHANGES_FILE = ROOT / "facts" / "aws-ml-chips.changes.yml"


def copy_rows_file(folder: Path) -> None:
    """Copy the data files the facts file names (benchmark rows, changes) into `folder`, so a facts file written there loads."""
    (folder / ROWS_FILE.name).write_bytes(ROWS_FILE.read_bytes())
    (folder / CHANGES_FILE.name).write_bytes(CHANGES_FILE.read_bytes())
