"""HTML for the practice pages: one page per topic lists its questions, each with its answer and each
option's explanation (readable without JavaScript); the practice page holds the practice mode's controls
(practice.js enables them and brings in the questions from the topic pages), the list of those pages and
the coverage table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chipwise.facts.model import PLACEHOLDER, ExamMapping
from chipwise.guide.contract import EXAM_PACE, CopyKey
from chipwise.guide.model import Facts
from chipwise.render import escape, layout
from chipwise.render.fact_tables import Links, copy_columns, copy_text, markdown_table
from chipwise.study.practice import Coverage, Question, QuestionType, Topic, answer_text


def linked_html(template: str, facts: Facts, links: Links) -> str:
    """A template as HTML: text escaped, each {fact.id} shown as the fact's claim with its value linked."""
    parts = PLACEHOLDER.split(template)
    return "".join(_fact_html(facts, part, links) if index % 2 else escape.html_text(part) for index, part in enumerate(parts))


def _fact_html(facts: Facts, fact_id: str, links: Links) -> str:
    fact = facts.fact(fact_id)
    rest = " ".join(part for part in (fact.measures, fact.baseline) if part)
    target = links.fact_url(fact)
    return f"{_link_html(fact.short, target)} {escape.html_text(rest)}".rstrip()


def _link_html(text: str, url: str | None) -> str:
    """The text, escaped, linked to `url` when there is one."""
    shown = escape.html_text(text)
    return f'<a href="{escape.attribute(url)}">{shown}</a>' if url else shown


def question_html(question: Question, number: int, facts: Facts, links: Links) -> str:
    """One question as templates/question.html lays it out, numbered `number` on its page."""
    exam = question.exam
    return layout.render(
        "question.html",
        id=question.id,
        number=number,
        type=question.type.value,
        type_label=facts.page_copy[question.type.copy_key],
        topic=question.topic.value,
        topic_label=facts.page_copy[question.topic.copy_key],
        practice_set=question.practice_set,
        drill=question.practice_set == "drill",
        case_id=question.case.id if question.case else "",
        case_title=question.case.title if question.case else "",
        case_html=linked_html(question.case.background, facts, links) if question.case else "",
        domain_id=exam.domain.id if exam else "",
        exam=exam_place(exam, facts, links) if exam else None,
        answer_indexes=",".join(str(index) for index in question.answer),
        stem_html=linked_html(question.stem, facts, links),
        prompts=question.prompts,
        options=[{"text": option.text, "explanation_html": linked_html(option.explanation, facts, links)} for option in question.options],
        answer=answer_text(question),
    )


@dataclass(frozen=True)
class ExamPlace:
    """Where the exam guide covers a question: the exam's name, its domain, task statement and the task's objective the
    question practises (in whose words: a third-party copy's wording is not the guide's), each linked to its fact."""

    name: str
    domain_html: str
    task_html: str
    objective_html: str


def exam_place(row: ExamMapping, facts: Facts, links: Links) -> ExamPlace:
    """'Content Domain 1: ... · Task Statement 1.1: ... · Describe various types of inferencing (...)', each linked to its
    fact: a task statement alone ('Explain basic AI concepts and terminologies') does not say why a question on ways of
    serving sits there, and its objective does (issue #23, blind reviews)."""
    domain = row.domain.source.title if row.domain.source else row.domain.label
    return ExamPlace(
        facts.meta.exam,
        _link_html(domain, links.fact_url(row.domain)),
        _link_html(row.task.quote or row.task.label, links.fact_url(row.task)),
        f"{_link_html(f'“{row.objective.value}”', links.fact_url(row.objective))} {escape.html_text(f'({row.objective.kind.label})')}",
    )


QUESTION_PAGES = "quiz"
"""Each topic's questions are on docs/quiz/<topic>.md, beside the practice page docs/quiz.md."""


def topic_page(topic: Topic) -> str:
    """The Markdown path, from the docs root, of the page that lists one topic's questions."""
    return f"{QUESTION_PAGES}/{topic.value}.md"


def topics_asked(questions: Sequence[Question]) -> list[Topic]:
    return [topic for topic in Topic if any(question.topic is topic for question in questions)]


def questions_page(questions: Sequence[Question], facts: Facts, links: Links) -> str:
    """Questions (one topic's), grouped by type under a Markdown heading each, numbered through the page."""
    blocks = []
    number = 0
    for kind in QuestionType:
        chosen = [question for question in questions if question.type is kind]
        if not chosen:
            continue
        blocks.append(f"## {escape.markdown(facts.page_copy[kind.copy_key])}")
        for question in chosen:
            number += 1
            blocks.append(question_html(question, number, facts, links))
    return "\n\n".join(blocks) if blocks else copy_text(facts, CopyKey.PRACTICE_NO_QUESTIONS)


def question_pages(questions: Sequence[Question], facts: Facts, links: Links) -> str:
    """The topic pages as a Markdown list; practice.js fetches the questions from these links."""
    lines = []
    for topic in topics_asked(questions):
        count = sum(1 for question in questions if question.topic is topic)
        counted = copy_text(facts, CopyKey.PRACTICE_QUESTION_COUNT if count == 1 else CopyKey.PRACTICE_QUESTIONS_COUNT, count=str(count))
        label = escape.markdown(facts.page_copy[topic.copy_key])
        lines.append(f"- [{label}]({links.page(topic_page(topic))}){{ .chipwise-practice__page }}: {counted}")
    return "\n".join(lines)


@dataclass(frozen=True)
class ExamPace:
    """The exam's questions and minutes, for the timed mode: the form carries the numbers, the checkbox's
    sentence shows them linked to their facts."""

    questions: str
    minutes: str
    questions_html: str
    minutes_html: str


def exam_pace(facts: Facts, links: Links) -> ExamPace | None:
    """The exam's pace when the facts file gives its questions and minutes (else no timed mode): the time for a
    set is its share of the exam's time, question for question."""
    questions, minutes = (facts.facts.get(fact_id) for fact_id in EXAM_PACE)
    if questions is None or minutes is None:
        return None
    return ExamPace(
        str(questions.value),
        str(minutes.value),
        linked_html("{" + questions.id + "}", facts, links),
        linked_html("{" + minutes.id + "}", facts, links),
    )


def practice_mode(questions: Sequence[Question], facts: Facts, links: Links) -> str:
    """The practice mode's set chooser and progress (templates/practice_mode.html lays it out)."""
    return layout.render(
        "practice_mode.html",
        ids=",".join(question.id for question in questions),
        pace=exam_pace(facts, links),
        exam=facts.meta.exam,
        types=[(kind.value, facts.page_copy[kind.copy_key]) for kind in QuestionType if any(question.type is kind for question in questions)],
        topics=[(topic.value, facts.page_copy[topic.copy_key]) for topic in topics_asked(questions)],
        count=len(questions),
    )


def coverage_table(coverage: Coverage, questions: Sequence[Question], facts: Facts, links: Links) -> str:
    """What each rule, fact check and exam-scoped fact is asked by, each question linked on its topic's page."""
    topics = {question.id: question.topic for question in questions}

    def asked(ids: Sequence[str]) -> str:
        linked = ", ".join(f"[{escape.markdown(qid)}]({links.page(topic_page(topics[qid]), f'q-{qid}')})" for qid in ids)
        return linked or f"**{copy_text(facts, CopyKey.PRACTICE_COVERAGE_NOT_ASKED)}**"

    rows = [(copy_text(facts, CopyKey.PRACTICE_COVERAGE_RULE, rule=escape.code_span(rule_id)), asked(ids)) for rule_id, ids in coverage.rules.items()]
    rows += [
        (copy_text(facts, CopyKey.PRACTICE_COVERAGE_CHECK, topic=escape.markdown(facts.fact_checks[check_id].topic)), asked(ids))
        for check_id, ids in coverage.checks.items()
    ]
    rows += [(copy_text(facts, CopyKey.PRACTICE_COVERAGE_FACT, fact=escape.code_span(fact_id)), asked(ids)) for fact_id, ids in coverage.facts.items()]
    return markdown_table(copy_columns(facts, CopyKey.PRACTICE_COVERAGE_COLUMNS), rows)
