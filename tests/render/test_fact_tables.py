"""Render functions: tables and links from the facts, with qualifiers kept."""

from __future__ import annotations

import dataclasses
import html
import re

from chipwise.facts.model import Quote
from chipwise.guide.model import Facts
from chipwise.render import escape, fact_tables
from tests.support import nonempty


def test_markdown_table_escapes_pipes() -> None:
    table = fact_tables.markdown_table(("A", "B"), [("x | y", "z")])
    assert table.splitlines() == ["| A | B |", "| --- | --- |", "| x \\| y | z |"]


def test_fact_link_keeps_the_qualifier_and_links_to_the_sources_entry(facts: Facts) -> None:
    fact = facts.fact("inf1.cost_vs_comparable")
    link = fact_tables.fact_link(fact, fact_tables.Links())
    assert link.startswith("[up to 70%](sources.md#fact-inf1-cost-vs-comparable ")
    assert "comparable inference-optimized Amazon EC2 instances" in link


def test_links_from_a_nested_page_and_from_another_site(facts: Facts) -> None:
    fact = facts.fact("inf2.chips_max")
    assert fact_tables.Links(prefix="../").fact(fact) == "../sources.md#fact-inf2-chips-max"
    assert fact_tables.Links(absolute_base="https://example.org/chipwise/").fact(fact) == "https://example.org/chipwise/sources/#fact-inf2-chips-max"


def test_family_table_has_a_column_per_family_and_a_row_per_spec(facts: Facts) -> None:
    table = fact_tables.family_table(facts, ("inf1", "inf2"), fact_tables.Links())
    header = table.splitlines()[0]
    assert header == "| Spec | **Inf1** | **Inf2** |"
    assert f"| {escape.markdown(facts.spec_labels['chips'])} | [up to 16 chips]" in table


def test_comparison_table_carries_the_exam_rule_and_memory_trick(facts: Facts) -> None:
    table = fact_tables.comparison_table(facts, fact_tables.Links())
    assert "Making predictions in production" in table and "Training a model" in table
    assert "Inferentia → Inference" in table and "Trainium → Training" in table


def test_decision_table_lists_every_rule(facts: Facts) -> None:
    table = fact_tables.decision_table(facts, fact_tables.Links())
    for rule in nonempty(facts.decision.rules):
        assert f"{{#rule-{rule.id}}}" in table


def test_linked_text_links_each_cited_fact_once(facts: Facts) -> None:
    text = fact_tables.linked_text("{p5.gpus} and {p4d.gpus}", facts, fact_tables.Links())
    assert text.count("](sources.md#fact-p5-gpus") == 1 and text.count("](sources.md#fact-p4d-gpus") == 1


def test_abbreviations_cover_the_glossary(facts: Facts) -> None:
    lines = fact_tables.abbreviations(facts).splitlines()
    assert len(lines) == len(facts.glossary)
    assert "*[NeuronCore]: " + facts.glossary["NeuronCore"] in lines



def _as_html(markdown_text: str) -> str:
    import markdown

    return markdown.markdown(markdown_text, extensions=["abbr", "attr_list", "md_in_html", "tables", "pymdownx.superfences"])


def test_a_backtick_or_backslash_in_a_link_title_reads_as_written(facts: Facts) -> None:
    # A raw backtick in the tooltip opened a code span across the link (or broke the build); a
    # backslash before the closing quote escaped it.
    fact = facts.fact("inf1.cost_vs_comparable")
    assert isinstance(fact.evidence, Quote)
    source = dataclasses.replace(fact.evidence.source, title="a `b c\\")
    hostile = dataclasses.replace(fact, baseline="than `GPUs", evidence=dataclasses.replace(fact.evidence, source=source))
    page = _as_html(fact_tables.fact_phrase(hostile, fact_tables.Links()) + " " + escape.markdown("and `code` \\"))
    assert "<code>" not in page
    assert page.count("<a ") == 1
    title = re.search(r'title="([^"]*)"', page)
    assert title is not None
    assert html.unescape(title.group(1)).endswith("than `GPUs (source: a `b c\\)")
    assert "than `GPUs</p>" not in page and "than `GPUs and `code` \\</p>" in html.unescape(page)


def test_comparison_table_joins_on_the_accelerator_not_the_answers_wording(facts: Facts) -> None:
    """exam.rule[].answer is shown only: reworded, the "Use it for" row still fills both columns."""
    reworded = dataclasses.replace(
        facts,
        exam=dataclasses.replace(
            facts.exam,
            rule=tuple(dataclasses.replace(rule, answer=f"{rule.accelerator.label.removeprefix('AWS ')} chips") for rule in facts.exam.rule),
        ),
    )
    table = fact_tables.comparison_table(reworded, fact_tables.Links())
    row = next(line for line in table.splitlines() if line.startswith("| Use it for |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells == ["Use it for", "Making predictions in production", "Training a model"]
