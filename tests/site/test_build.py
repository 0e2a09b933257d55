"""The built site: every page, its key content compared with what chipwise computes, no leftovers."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

from chipwise.exports import site_files
from chipwise.guide.contract import CopyKey
from chipwise.guide.model import Facts
from chipwise.render import cheat_sheet, flowchart
from chipwise.render import practice as render_practice
from chipwise.render.fact_tables import check_anchor
from chipwise.study import practice
from tests.support import PAGES, ROOT, nonempty, page_text, visible_text


@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_template_leftovers(built_site: Path, page: str) -> None:
    text = re.sub(r"(?s)<pre\b.*?</pre>", "", page_text(built_site, page))  # code samples may show macro calls
    for leftover in ("{{", "{%", "Macro Rendering Error", "{fact.", "Undefined"):
        assert leftover not in visible_text(text), (page, leftover)


@pytest.mark.parametrize("page", PAGES)
def test_page_has_a_meta_description(built_site: Path, page: str) -> None:
    match = re.search(r'<meta name="description" content="([^"]+)"', page_text(built_site, page))
    assert match and len(match.group(1)) > 50, page


@pytest.mark.parametrize(
    ("embed", "full_page"),
    [("embed/key-numbers/", ""), ("embed/comparison/", "inferentia-vs-trainium/"), ("embed/flowchart/", "choosing/")],
)
def test_embed_points_search_engines_at_its_full_page(built_site: Path, embed: str, full_page: str) -> None:
    def canonical(page: str) -> list[str]:
        return re.findall(r'<link rel="canonical" href="([^"]+)">', page_text(built_site, page + "index.html"))

    [site] = canonical("")
    assert canonical(embed) == [site + full_page]
    text = page_text(built_site, embed + "index.html")
    assert 'name="robots"' not in text


def test_home_shows_the_key_numbers_and_the_exam_rule(built_site: Path, facts: Facts) -> None:
    text = visible_text(page_text(built_site, "index.html"))
    for fact in nonempty(facts.exam.key_numbers):
        assert fact.short in text, fact.id
    for rule in nonempty(facts.exam.rule):
        assert rule.situation in text and rule.answer in text


def test_worked_example_shows_the_computed_arithmetic(built_site: Path, facts: Facts) -> None:
    text = visible_text(page_text(built_site, "worked-example/index.html"))
    for fact_id in ("example.inferentia_monthly_cost", "example.monthly_savings", "example.chip_share", "example.yearly_savings"):
        derivation = facts.fact(fact_id).derivation
        assert derivation is not None and derivation.arithmetic in text, fact_id


def test_each_question_is_on_its_topics_page_and_the_practice_page_links_every_topic_page(built_site: Path, facts: Facts) -> None:
    questions = practice.all_questions(facts)
    practice_page = page_text(built_site, "quiz/index.html")
    assert f'data-ids="{",".join(question.id for question in questions)}"' in practice_page
    for topic in nonempty(render_practice.topics_asked(questions)):
        assert f'<a class="chipwise-practice__page" href="{topic.value}/">' in practice_page, topic
        listed = re.findall(r'<section class="chipwise-q" id="q-([^"]+)"', page_text(built_site, f"quiz/{topic.value}/index.html"))
        assert sorted(listed) == sorted(question.id for question in questions if question.topic is topic), topic
    assert 'class="chipwise-q"' not in practice_page


def test_each_question_names_the_exam_objective_it_practises_linked_to_its_fact(built_site: Path, facts: Facts) -> None:
    """A question on ways of serving sits under Task 1.1, 'Explain basic AI concepts and terminologies'; its objective
    ('Describe various types of inferencing ...') says why, beside the task, with whose words they are (a third-party
    copy's wording is not the guide's) (issue #23, blind reviews)."""
    for question in nonempty(q for q in practice.all_questions(facts) if q.exam is not None):
        assert question.exam is not None
        shown = page_text(built_site, f"quiz/{question.topic.value}/index.html")
        section = shown[shown.index(f'id="q-{question.id}"') :]
        objective = re.search(r'<span class="chipwise-q__objective"><a href="[^"]*sources/#([^"]+)">“([^<]*)”</a> \(([^)]*)\)</span>', section)
        assert objective is not None, question.id
        shown_objective = (objective.group(1), html.unescape(objective.group(2)), objective.group(3))
        assert shown_objective == (question.exam.objective.anchor, question.exam.objective.value, question.exam.objective.kind.label), question.id


def test_every_number_links_to_an_existing_entry_on_the_sources_page(built_site: Path, facts: Facts) -> None:
    sources_ids = set(re.findall(r'id="([^"]+)"', page_text(built_site, "sources/index.html")))
    for page in nonempty(PAGES):
        targets = re.findall(r'href="[^"]*sources/#(fact-[^"]+)"', page_text(built_site, page))
        assert set(targets) <= sources_ids, page
    assert {fact.anchor for fact in facts.facts.values()} <= sources_ids


def test_sources_page_lists_every_fact_with_its_source_and_date(built_site: Path, facts: Facts) -> None:
    text = page_text(built_site, "sources/index.html")
    for fact in nonempty(facts.facts.values()):
        entry = text[text.index(f'id="{fact.anchor}"') :][:3000]
        assert fact.verified.isoformat() in entry, fact.id
        if fact.source is not None:
            assert html.escape(fact.source.url, quote=True) in entry or fact.source.url in entry, fact.id


def test_fact_check_page_has_every_fact_check_and_study_note_line(built_site: Path, facts: Facts) -> None:
    page = page_text(built_site, "fact-check/index.html")
    text = visible_text(page)
    for check in nonempty(facts.fact_checks.values()):
        assert f'id="{check_anchor(check)}"' in page
        assert check.verdict.replace("-", "") in text.lower().replace("-", "")
    for line in nonempty(facts.study_note):
        assert " ".join(line.reads.split()) in text, line.reads


def test_flowchart_shows_every_rule_and_outcome(built_site: Path, facts: Facts) -> None:
    page = page_text(built_site, "choosing/index.html")
    starts = [match.start() for match in re.finditer('<svg class="chipwise-flow"', page)]
    assert len(starts) == len(facts.decision.tables)
    svg = "".join(page[start : page.index("</svg>", start)] for start in starts)
    assert {rule.id for rule in facts.decision.rules} == set(re.findall(r'data-rule="([^"]+)"', svg))
    svg_text = visible_text(svg)
    for outcome in nonempty(facts.decision.outcomes.values()):
        assert all(word in svg_text for word in nonempty(outcome.title.split())), outcome.id
    for item in nonempty(facts.decision.inputs):
        assert item.question in html.unescape(svg)


def test_decision_table_lists_every_rule_with_its_reasons(built_site: Path, facts: Facts) -> None:
    page = page_text(built_site, "choosing/index.html")
    text = visible_text(page)
    for rule in nonempty(facts.decision.rules):
        assert f'id="rule-{rule.id}"' in page
        for reason in nonempty(rule.reasons):
            assert " ".join(reason.text.split()) in text, reason.text


def test_cheat_sheet_has_each_exam_note_number_beside_awss_claim(built_site: Path, facts: Facts) -> None:
    text = visible_text(page_text(built_site, "cheat-sheet/index.html"))
    for check in nonempty(cheat_sheet.note_checks(facts)):
        for fact in nonempty([fact for fact in check.note_facts if fact.is_number]):
            assert fact.short in text, fact.id
        assert f"“{' '.join(check.aws_says.split())}”" in text, check.id
        assert check.verdict.label in text, check.id


def test_every_exam_number_is_on_the_cheat_sheet_or_beyond_it(built_site: Path, facts: Facts) -> None:
    text = " ".join(visible_text(page_text(built_site, page)) for page in ("cheat-sheet/index.html", "beyond-the-cheat-sheet/index.html"))
    for fact in nonempty(facts.facts.values()):
        if fact.scope == "aif-c01" and fact.is_number:
            assert fact.short in text, fact.id


def test_glossary_terms_have_tooltips(built_site: Path, facts: Facts) -> None:
    page = page_text(built_site, "inferentia/index.html")
    assert f'<abbr title="{html.escape(facts.glossary["NeuronCore"], quote=True)}">NeuronCore</abbr>' in page


def test_generated_files_are_published(built_site: Path, facts: Facts) -> None:
    # The build gives the feed the site's address (mkdocs.yml: CHIPWISE_SITE_URL, else the local server's).
    default = re.search(r'site_url: !ENV \[CHIPWISE_SITE_URL, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert default is not None
    site_url = os.environ.get("CHIPWISE_SITE_URL", default.group(1))
    for path, content in nonempty(site_files.generated_files(facts, site_url).items()):
        published = built_site / path
        assert (published.read_bytes() if isinstance(content, bytes) else published.read_text(encoding="utf-8")) == content
    mermaid = flowchart.mermaid_source(facts.decision, facts.page_copy[CopyKey.FLOWCHART_MERMAID_TITLE])
    assert (built_site / site_files.MERMAID_PATH).read_text(encoding="utf-8") == mermaid


def test_no_third_party_assets(built_site: Path) -> None:
    for page in nonempty(PAGES):
        text = page_text(built_site, page)
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text
        assert not re.search(r'<script[^>]+src="https?://', text), page


def test_the_pages_tested_are_every_page_the_site_builds(built_site: Path) -> None:
    """tests.support.PAGES comes from mkdocs.yml's navigation and the embeds: a new page is tested without a list to edit."""
    built = {path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html") if path.name != "404.html"}
    assert built == set(PAGES)
