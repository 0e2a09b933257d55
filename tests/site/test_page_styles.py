"""Each page inlines the site's sheet and those of the other sheets (overrides/partials/styles/) whose rules can
match it, so no page loses a style it uses, and a page that uses none of a sheet's classes goes without it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support import ROOT, nonempty

SHEETS = ROOT / "overrides" / "partials" / "styles"
_RULE = re.compile(r"([^{}]+)\{[^{}]*\}")
_CLASS = re.compile(r"\.(chipwise-[\w-]+)")
_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _selectors(sheet: Path) -> list[set[str]]:
    """The chipwise classes each selector of the sheet names (a selector that names none is left out)."""
    css = _COMMENT.sub("", sheet.read_text(encoding="utf-8"))
    found = []
    for match in _RULE.finditer(css):
        for selector in match.group(1).rsplit("}", 1)[-1].split(","):
            classes = set(_CLASS.findall(selector))
            if classes:
                found.append(classes)
    return found


def _classes_used(html: str) -> set[str]:
    return {name for attribute in _CLASS_ATTRIBUTE.findall(html) for name in attribute.split()}


def _inlined(html: str) -> str:
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
    assert style is not None
    return style.group(1)


def _holds(inlined: str, sheet: Path) -> bool:
    """Whether a page's inline style holds the sheet: its first rule, comments dropped as the build drops them."""
    first_rule = _RULE.search(_COMMENT.sub("", sheet.read_text(encoding="utf-8")))
    assert first_rule is not None, sheet.name
    return first_rule.group(0).strip() in inlined


def test_every_page_inlines_each_sheet_whose_rules_can_match_it(built_site: Path) -> None:
    sheets = {sheet: _selectors(sheet) for sheet in nonempty(sorted(SHEETS.glob("*.css")))}
    for page in nonempty(sorted(built_site.rglob("*.html"))):
        html = page.read_text(encoding="utf-8")
        if "<style>" not in html:
            continue
        used, inlined = _classes_used(html), _inlined(html)
        for sheet, selectors in nonempty(list(sheets.items())):
            needed = any(classes <= used for classes in selectors)
            assert not needed or _holds(inlined, sheet), f"{page.relative_to(built_site)} uses {sheet.name}'s classes without it"


def test_a_page_goes_without_the_sheets_it_does_not_use(built_site: Path) -> None:
    html = (built_site / "calculator" / "index.html").read_text(encoding="utf-8")
    inlined = _inlined(html)
    assert _holds(inlined, SHEETS / "site.css") and _holds(inlined, SHEETS / "forms.css")
    for sheet in ("flowchart.css", "practice.css", "cards.css", "charts.css", "benchmarks.css"):
        assert not _holds(inlined, SHEETS / sheet), sheet


def test_a_topic_page_of_questions_goes_without_the_practice_form_sheet(built_site: Path) -> None:
    inlined = _inlined((built_site / "quiz" / "exam-guide" / "index.html").read_text(encoding="utf-8"))
    assert _holds(inlined, SHEETS / "site.css") and _holds(inlined, SHEETS / "questions.css")
    for sheet in ("practice.css", "verdicts.css", "facts.css", "forms.css"):
        assert not _holds(inlined, SHEETS / sheet), sheet
