"""No number is typed by hand in docs/: every figure comes from the facts file through a macro."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import ROOT, hand_typed_numbers, nonempty


@pytest.mark.parametrize("page", sorted((ROOT / "docs").rglob("*.md")), ids=lambda path: str(path.relative_to(ROOT / "docs")))
def test_no_hand_typed_number(page: Path) -> None:
    assert hand_typed_numbers(page.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("markdown", "numbers"),
    [
        ("Inferentia costs 70% less.", ["70"]),
        ("Up to 4x throughput on Inf2 and Trn1.", ["4"]),
        ("A bill of $30,000 a month.", ["30,000"]),
        ("{{ fact('note.cost_reduction') }} lower cost on Inf2.", []),
        ("See [the table](choosing.md#rule-2) and `p5.48xlarge`.", []),
        ("---\ndescription: about 12 chips\n---\nNo number here.", []),
        ("1. A numbered list item", []),
    ],
)
def test_the_scan_catches_typed_numbers_and_only_those(markdown: str, numbers: list[str]) -> None:
    assert hand_typed_numbers(markdown) == numbers


def test_inlined_stylesheets_hold_no_template_markers() -> None:
    """overrides/main.html includes each sheet under partials/styles/ as a template: Jinja markers in one would break the build."""
    for sheet in nonempty(sorted((ROOT / "overrides" / "partials" / "styles").glob("*.css"))):
        css = sheet.read_text(encoding="utf-8")
        assert not re.search(r"\{\{|\{%|\{#", css), sheet.name
        rules = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
        assert rules.count("{") == rules.count("}"), f"{sheet.name}: a block left open would swallow the next sheet's rules"
