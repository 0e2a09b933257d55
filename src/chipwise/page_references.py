"""The macro calls in the site's pages, checked against the facts: a page cannot cite what is not there.

`chipwise check`, run in the project, and the site build read every `{{ name(...) }}` in docs/*.md and
report an unknown macro, fact, instance family, fact check or decision input by file, line and column,
in the same form as a problem in the facts file.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

from chipwise.errors import Location, Problem, unknown_message
from chipwise.facts.units import repeated_unit
from chipwise.guide.model import Facts

_CALL = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)

FactsCheck = Callable[[Facts, ast.Call], Iterator[str]]


def _literal_strings(nodes: list[ast.expr]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def _ids(what: str, known: Callable[[Facts], Collection[str]]) -> FactsCheck:
    """Every positional string argument must name a known `what`."""

    def check(facts: Facts, call: ast.Call) -> Iterator[str]:
        names = known(facts)
        for name in _literal_strings(call.args):
            if name not in names:
                yield unknown_message(what, name, names)

    return check


def _topics() -> list[str]:
    # Imported here: the practice questions' module is the largest, and a build that takes its pages from the
    # disk cache needs only its topics' names.
    from chipwise.study.practice import Topic

    return [topic.value for topic in Topic]


def _repeated_unit(facts: Facts, call: ast.Call, following: str) -> Iterator[str]:
    """fact('x') shows the value with its unit ('up to 12 chips'): the page's next words must not repeat it."""
    for fact_id in _literal_strings(call.args[:1]):
        fact = facts.facts.get(fact_id)
        if fact is None:
            continue
        repeated = repeated_unit(fact.unit, following)
        if repeated:
            yield (
                f"fact({fact_id!r}) already reads {fact.short!r}, unit included; the words after it "
                f"repeat {repeated!r}: drop that word, or write the chip in brackets"
            )


def _decision_inputs(facts: Facts, call: ast.Call) -> Iterator[str]:
    names = [item.name for item in facts.decision.inputs]
    for keyword in call.keywords:
        if keyword.arg is None or keyword.arg not in names:
            yield unknown_message("decision input", str(keyword.arg), names) + f" (the inputs are: {', '.join(names)})"
            continue
        values = facts.decision.input(keyword.arg).value_names
        for value in _literal_strings([keyword.value]):
            if value not in values:
                yield (
                    unknown_message(f"value of {keyword.arg}", value, values) + f" (choose one of: {', '.join(values)})"
                )


def _needs_benchmarks(facts: Facts, call: ast.Call) -> Iterator[str]:
    if facts.benchmarks is None:
        yield "the facts file names no benchmarks file (benchmarks: aws-ml-chips.benchmarks.yml), so there are no rows to show"


def _benchmark_families(facts: Facts, call: ast.Call) -> Iterator[str]:
    """Each family named must have benchmark rows."""
    yield from _needs_benchmarks(facts, call)
    if facts.benchmarks is not None:
        yield from _ids("instance family with benchmark rows", lambda facts: sorted({row.family for row in facts.benchmarks.rows.values()}))(facts, call)  # type: ignore[union-attr]


def _nothing(facts: Facts, call: ast.Call) -> Iterator[str]:
    return iter(())


MACROS: dict[str, FactsCheck] = {
    "fact": _ids("fact", lambda facts: facts.facts),
    "claim": _ids("fact", lambda facts: facts.facts),
    "family_table": _ids("instance family", lambda facts: facts.families),
    "size_table": _ids("instance family", lambda facts: facts.families),
    "sizing_chart": _ids("instance family", lambda facts: facts.families),
    "fact_checks": _ids("fact check", lambda facts: facts.fact_checks),
    "recommend": _decision_inputs,
    "quiz": _ids("question topic", lambda _facts: _topics()),
    "benchmark_table": _benchmark_families,
    "benchmark_count": _benchmark_families,
    **{
        name: _needs_benchmarks
        for name in ("benchmark_filters", "benchmark_sources", "benchmark_status", "benchmark_training_table", "benchmark_superseded", "benchmark_charts")
    },
    **{
        name: _nothing
        for name in [
            "key_numbers",
            "comparison_table",
            "decision_table",
            "decision_inputs",
            "decision_flowchart",
            "study_note",
            "fact_entries",
            "changes",
            "source_list",
            "exam_rule",
            "exam_code",
            "exam_name",
            "memory_trick",
            "when_to_use_inferentia",
            "exam_mapping",
            "exam_numbers",
            "exam_note_claims",
            "exam_mapping_cards",
            "worked_example",
            "glossary",
            "question_count",
            "question_pages",
            "practice_mode",
            "practice_coverage",
            "flashcard_count",
            "decision_helper",
            "cost_calculator",
            "exam_note_calculator",
            "benchmark_formulas",
            "benchmark_units",
            "page_script",
            "iframe_snippet",
            "mermaid_snippet",
            "site_address",
            "lighthouse_scores",
            "build_speed",
            "facts_version",
            "verified_date",
            "freshness",
            "decision_scale",
            "sizing_assumptions",
            "timeline",
            "timeline_chart",
        ]
    },
}
"""Every macro a page may call, with what its arguments must name."""


def _location(text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def page_problems(facts: Facts, page: Path, shown: str, *, other_macros: bool = False) -> Iterator[Problem]:
    """Problems with the macro calls in one page. With `other_macros` (another guide using chipwise's
    macros beside its own), calls to macros chipwise does not know are left alone."""
    text = page.read_text(encoding="utf-8", errors="replace")
    for match in _CALL.finditer(text):
        source = match.group(1).strip()
        where = _location(text, match.start())
        try:
            expression = ast.parse(source, mode="eval").body
        except SyntaxError:
            yield Problem(shown, where, source[:40], "not a macro call chipwise can read")
            continue
        if not isinstance(expression, ast.Call) or not isinstance(expression.func, ast.Name):
            continue
        name = expression.func.id
        check = MACROS.get(name)
        if check is None:
            if other_macros:
                continue
            yield Problem(shown, where, f"{name}()", unknown_message("macro", name, MACROS))
            continue
        messages = list(check(facts, expression))
        if name == "fact":
            messages.extend(_repeated_unit(facts, expression, text[match.end() : match.end() + 80].split("{{", 1)[0]))
        for message in messages:
            yield Problem(shown, where, f"{name}()", message)


def docs_problems(facts: Facts, docs_dir: Path, shown_dir: str = "docs", *, other_macros: bool = False) -> list[Problem]:
    """Problems with the macro calls in every page under docs_dir."""
    problems: list[Problem] = []
    for page in sorted(docs_dir.rglob("*.md")):
        shown = f"{shown_dir}/{page.relative_to(docs_dir).as_posix()}"
        problems.extend(page_problems(facts, page, shown, other_macros=other_macros))
    return problems
