"""Macro calls in pages are checked against the facts, located by file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from chipwise.guide.model import Facts
from chipwise.page_references import MACROS, docs_problems, page_problems
from chipwise.site.macros import MACRO_NAMES
from tests.support import ROOT


def test_every_site_macro_is_known_to_the_page_check() -> None:
    assert set(MACROS) == set(MACRO_NAMES)


def test_the_sites_pages_cite_only_what_exists(facts: Facts) -> None:
    assert docs_problems(facts, ROOT / "docs") == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("{{ fact('inf2.chip_max') }}", "fact(): unknown fact 'inf2.chip_max'; did you mean 'inf2.chips_max'?"),
        ("{{ claim('nope.nothing') }}", "claim(): unknown fact 'nope.nothing'"),
        ("{{ family_table('inf2', 'inf9') }}", "family_table(): unknown instance family 'inf9'; did you mean 'inf2'?"),
        ("{{ fact_checks('costs') }}", "fact_checks(): unknown fact check 'costs'; did you mean 'cost'?"),
        ("{{ recommend(load='high') }}", "recommend(): unknown decision input 'load'"),
        ("{{ recommend(workload='serving') }}", "recommend(): unknown value of workload 'serving'"),
        ("{{ fact('inf2.chips_max') }} Inferentia2 chips", "fact(): fact('inf2.chips_max') already reads 'up to 12 chips', unit included"),
        ("{{ facts_versions() }}", "facts_versions(): unknown macro 'facts_versions'; did you mean 'facts_version'?"),
    ],
)
def test_a_bad_reference_is_named_with_its_page_line_and_column(facts: Facts, tmp_path: Path, call: str, message: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"# Title\n\nSome text {call} and more.\n", encoding="utf-8")
    problems = [str(problem) for problem in page_problems(facts, page, "docs/page.md")]
    assert len(problems) == 1
    assert problems[0].startswith(f"docs/page.md:3:11: {message}")
