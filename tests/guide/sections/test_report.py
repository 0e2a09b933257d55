"""The one way section builders report: located problems, checked against what earlier sections built."""

from __future__ import annotations

from chipwise.errors import Location
from chipwise.facts.schema_language import Walk
from chipwise.guide.load import load_facts
from chipwise.guide.sections.derived import build_derived
from chipwise.guide.sections.report import Report
from tests.support import FACTS_FILE


def report() -> Report:
    """A report holding the real file's sources and facts, with `glossary.Inf2` located at 7:3."""
    facts = load_facts(FACTS_FILE)
    return Report(FACTS_FILE, Walk("facts.yml", locations={"glossary.Inf2": Location(7, 3)}), dict(facts.sources), dict(facts.facts))


def messages(built: Report) -> list[str]:
    return [str(problem) for problem in built.walk.problems]


def test_text_reads_each_cited_fact_as_its_phrase() -> None:
    built = report()
    phrase = built.facts["inf2.chips_max"].phrase
    assert built.text("glossary.Inf2.definition", "up to {inf2.chips_max} (Inferentia2)") == f"up to {phrase} (Inferentia2)"
    assert messages(built) == []


def test_an_unknown_fact_is_reported_where_its_nearest_key_stands_and_left_as_written() -> None:
    built = report()
    assert built.text("glossary.Inf2.definition", "up to {inf2.chips_mx}") == "up to {inf2.chips_mx}"
    assert messages(built) == ["facts.yml:7:3: glossary.Inf2.definition: unknown fact 'inf2.chips_mx'; did you mean 'inf2.chips_max'?"]


def test_a_refused_fact_is_not_reported_again_where_it_is_cited() -> None:
    built = report()
    built.refused.add("inf2.refused")
    assert built.fact_list("exam.key_numbers", ["inf2.refused", "inf2.chips_max"]) == (built.facts["inf2.chips_max"],)
    assert messages(built) == []


def test_an_unknown_source_is_reported_with_a_suggestion() -> None:
    built = report()
    assert built.source("sizes.inf2.xlarge.source", "no-such-source") is None
    assert messages(built)[0].startswith("facts.yml:1:1: sizes.inf2.xlarge.source: unknown source 'no-such-source'")


def test_derived_figures_that_depend_on_each_other_are_each_reported() -> None:
    built = report()
    entry = {"formula": "monthly_to_yearly", "unit": "usd-per-year", "label": "A yearly figure", "scope": "aif-c01"}
    build_derived({"loop.a": {**entry, "inputs": {"amount": "loop.b"}}, "loop.b": {**entry, "inputs": {"amount": "loop.a"}}}, built)
    cycle = "derived figures depend on each other in a cycle: loop.a, loop.b"
    assert messages(built) == [f"facts.yml:1:1: derived.loop.a.inputs: {cycle}", f"facts.yml:1:1: derived.loop.b.inputs: {cycle}"]
    assert "loop.a" not in built.facts
