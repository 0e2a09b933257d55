"""Paths and helpers the tests share. Not a test module: tests and conftests import from here."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BROKEN = ROOT / "tests" / "broken_facts"
FACTS_FILE = ROOT / "facts" / "aws-ml-chips.yml"
SEED_NOTE = ROOT / "facts" / "seed" / "inferentia-study-note.txt"
DECISION_COMBINATIONS = 3 * 3 * 4 * 6
"""Every combination of the real graph's inputs: workloads × models × ways requests arrive × memory pieces (cut at
Serverless's 6 GiB, g6.48xlarge, g6e.48xlarge, inf2.48xlarge and trn2.48xlarge), written out here, not read."""

T = TypeVar("T")


def nonempty(items: Iterable[T]) -> list[T]:
    """The items as a list, once there is at least one: a loop of asserts over nothing would pass having checked nothing."""
    found = list(items)
    assert found, "expected at least one item to check, found none"
    return found

class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: its tags (!ENV, !!python/name:) read as None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: None)


def _nav_files(items: list[Any]) -> Iterator[str]:
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from _nav_files(value)
        elif isinstance(value, str) and value.endswith(".md"):
            yield value


def _built_path(source: str) -> str:
    """docs/quiz/choosing.md -> quiz/choosing/index.html, as MkDocs' directory URLs build it."""
    stem = source.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"


def site_pages() -> list[str]:
    """Every page the site builds: mkdocs.yml's navigation in order, then the embeds (reached from the Embed page)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    embeds = sorted(path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs" / "embed").glob("*.md"))
    return [_built_path(source) for source in [*_nav_files(config["nav"]), *embeds]]


PAGES = site_pages()


def is_embed(page: str) -> bool:
    """An embed page (embed.html: no header, no script), as against the Embed page that lists them."""
    return page.startswith("embed/") and page != "embed/index.html"


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
