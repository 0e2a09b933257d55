"""HTML for the practice pages: one page per topic lists its questions, each with its answer and each
option's explanation (readable without JavaScript); the practice page holds the practice mode's controls
(practice.js enables them and brings in the questions from the topic pages), the list of those pages and
the coverage table."""

from __future__ import annotations

from collections.abc import Sequence

from chipwise.facts.model import PLACEHOLDER, ExamMapping
from chipwise.guide.contract import EXAM_PACE
from chipwise.guide.model import Facts
from chipwise.render import escape
from chipwise.render.fact_tables import Links, markdown_table
from chipwise.study.practice import Coverage, Question, QuestionType, Topic, answer_text


def linked_html(template: str, facts: Facts, links: Links) -> str:
    """A template as HTML: text escaped, each {fact.id} shown as the fact's claim with its value linked."""
    parts = PLACEHOLDER.split(template)
    return "".join(_fact_html(facts, part, links) if index % 2 else escape.html_text(part) for index, part in enumerate(parts))


def _fact_html(facts: Facts, fact_id: str, links: Links) -> str:
    fact = facts.fact(fact_id)
    rest = " ".join(part for part in (fact.measures, fact.baseline) if part)
    target = links.fact_url(fact)
    shown = escape.html_text(fact.short)
    value = f'<a href="{escape.attribute(target)}">{shown}</a>' if target else shown
    return f"{value} {escape.html_text(rest)}".rstrip()


def question_html(question: Question, number: int, facts: Facts, links: Links) -> str:
    qid = escape.attribute(question.id)
    parts = [
        f'<section class="chipwise-q" id="q-{qid}" data-id="{qid}" data-type="{question.type.value}" data-topic="{question.topic.value}" '
        + (f'data-case="{escape.attribute(question.case.id)}" ' if question.case else "")
        + (f'data-domain="{escape.attribute(question.exam.domain.id)}" ' if question.exam else "")
        + f'data-set="{question.topic.practice_set}" '
        + f'data-answer="{",".join(str(index) for index in question.answer)}" aria-labelledby="q-{qid}-title">',
        f'<h3 id="q-{qid}-title" tabindex="-1">Question {number} <small class="chipwise-q__type">{escape.html_text(question.type.label)}'
        f" · {escape.html_text(question.topic.label)}{' · drill' if question.topic.practice_set == 'drill' else ''}</small></h3>",
    ]
    if question.exam is not None:
        parts.append(exam_html(question.exam, facts, links))
    if question.case is not None:
        parts.append(
            f'<p class="chipwise-q__case"><strong>Case study: {escape.html_text(question.case.title)}.</strong> '
            f"{linked_html(question.case.background, facts, links)}</p>"
        )
    parts.append(f'<p class="chipwise-q__stem">{linked_html(question.stem, facts, links)}</p>')
    if question.prompts:
        prompts = "".join(f'<li data-prompt="{index}">{escape.html_text(prompt)}</li>' for index, prompt in enumerate(question.prompts))
        parts.append(f'<p>Prompts:</p><ol class="chipwise-q__prompts">{prompts}</ol><p>Responses:</p>')
    options = "".join(
        f'<li data-option="{index}"><span class="chipwise-q__text">{escape.html_text(option.text)}</span> '
        f'<span class="chipwise-q__why">{linked_html(option.explanation, facts, links)}</span></li>'
        for index, option in enumerate(question.options)
    )
    parts.append(f'<ol class="chipwise-q__options" type="A">{options}</ol>')
    parts.append(f'<p class="chipwise-q__answer"><strong>Answer: {escape.html_text(answer_text(question))}</strong></p>')
    parts.append("</section>")
    return "".join(parts)


def exam_html(row: ExamMapping, facts: Facts, links: Links) -> str:
    """Where the exam guide covers the question: 'Content Domain 2: Fundamentals of GenAI · Task Statement 2.3: ...', each linked to its fact."""
    domain = escape.html_text(row.domain.source.title if row.domain.source else row.domain.label)
    task = escape.html_text(row.task.quote or row.task.label)
    domain_url, task_url = links.fact_url(row.domain), links.fact_url(row.task)
    domain_html = f'<a href="{escape.attribute(domain_url)}">{domain}</a>' if domain_url else domain
    task_html = f'<a href="{escape.attribute(task_url)}">{task}</a>' if task_url else task
    return (
        f'<p class="chipwise-q__exam">{escape.html_text(facts.meta.exam)}: <span class="chipwise-q__domain">{domain_html}</span> · '
        f'<span class="chipwise-q__task">{task_html}</span></p>'
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
        blocks.append(f"## {kind.label}")
        for question in chosen:
            number += 1
            blocks.append(question_html(question, number, facts, links))
    return "\n\n".join(blocks) if blocks else "No questions on this topic in this facts file."


def question_pages(questions: Sequence[Question], links: Links) -> str:
    """The topic pages as a Markdown list; practice.js fetches the questions from these links."""
    lines = []
    for topic in topics_asked(questions):
        count = sum(1 for question in questions if question.topic is topic)
        noun = "question" if count == 1 else "questions"
        lines.append(f"- [{escape.markdown(topic.label)}]({links.page(topic_page(topic))}){{ .chipwise-practice__page }}: {count} {noun}")
    return "\n".join(lines)


def timed_choice(facts: Facts, links: Links) -> tuple[str, str]:
    """The form's pace attributes and the timed-mode checkbox, when the facts file gives the exam's questions and
    minutes (else neither): the time for a set is its share of the exam's time, question for question."""
    questions, minutes = (facts.facts.get(fact_id) for fact_id in EXAM_PACE)
    if questions is None or minutes is None:
        return "", ""
    attributes = f' data-exam-questions="{escape.attribute(str(questions.value))}" data-exam-minutes="{escape.attribute(str(minutes.value))}"'
    checkbox = (
        '<p><label><input type="checkbox" name="timed"> Timed, at the exam\'s pace</label>: '
        f"{escape.html_text(facts.meta.exam)} gives {linked_html('{' + questions.id + '}', facts, links)} in "
        f"{linked_html('{' + minutes.id + '}', facts, links)}; a set gets its share of that time, and is scored when it runs out.</p>"
    )
    return attributes, checkbox


def practice_mode(questions: Sequence[Question], facts: Facts, links: Links) -> str:
    """The practice mode's set chooser and progress: disabled until practice.js enables it, so the page does not shift.

    The form carries every question's id, so progress can be counted before any question is fetched; the
    chosen questions are brought in from the topic pages into the empty list below it.
    """
    pace, timed = timed_choice(facts, links)
    types = "".join(f'<option value="{kind.value}">{kind.label}</option>' for kind in QuestionType if any(q.type is kind for q in questions))
    topics = "".join(f'<option value="{topic.value}">{topic.label}</option>' for topic in topics_asked(questions))
    ids = escape.attribute(",".join(question.id for question in questions))
    return (
        f'<form class="chipwise-practice" aria-label="Practice mode" data-ids="{ids}"{pace}><fieldset class="chipwise-practice__controls" disabled>'
        "<fieldset><legend>Choose a set</legend>"
        '<label><input type="radio" name="set" value="all" checked> All questions</label> '
        '<label><input type="radio" name="set" value="type"> By type</label> '
        f'<label><input type="radio" name="set" value="topic"> By topic</label> '
        f'<label><input type="radio" name="set" value="random"> At random</label></fieldset>'
        f'<p><label>Type <select name="type">{types}</select></label> <label>Topic <select name="topic">{topics}</select></label> '
        f'<label>How many at random <input type="number" name="count" min="1" max="{len(questions)}" value="10"></label></p>'
        f"{timed}"
        '<p><button type="submit" class="md-button md-button--primary">Start practice</button> '
        '<button type="button" class="md-button md-button--primary" data-action="retry" disabled>Practise my wrong answers</button> '
        '<button type="button" class="md-button md-button--primary" data-action="reset">Reset progress</button></p>'
        "</fieldset>"
        '<p class="chipwise-practice__progress" aria-live="polite">'
        "The practice mode needs JavaScript; every question is on the topic pages listed below, with its answer and explanations.</p>"
        "</form>"
        '<div class="chipwise-practice__questions"><h2 id="practice-set" hidden>Your practice set</h2>'
        '<p class="chipwise-practice__timer" role="timer" hidden></p></div>'
        '<div class="chipwise-practice__finish" hidden><button type="button" class="md-button md-button--primary" data-action="submit">'
        'Submit answers</button><div class="chipwise-practice__result" role="status" tabindex="-1"></div>'
        '<div class="chipwise-practice__domains" hidden><p>By exam domain (exam-style questions only):</p><ul></ul></div></div>'
    )


def coverage_table(coverage: Coverage, questions: Sequence[Question], facts: Facts, links: Links) -> str:
    """What each rule, fact check and exam-scoped fact is asked by, each question linked on its topic's page."""
    topics = {question.id: question.topic for question in questions}

    def asked(ids: Sequence[str]) -> str:
        return ", ".join(f"[{escape.markdown(qid)}]({links.page(topic_page(topics[qid]), f'q-{qid}')})" for qid in ids) or "**not asked**"

    rows = [(f"Rule `{rule_id}`", asked(ids)) for rule_id, ids in coverage.rules.items()]
    rows += [(f"Fact check: {escape.markdown(facts.fact_checks[check_id].topic)}", asked(ids)) for check_id, ids in coverage.checks.items()]
    rows += [(f"Fact `{fact_id}`", asked(ids)) for fact_id, ids in coverage.facts.items()]
    return markdown_table(["Subject", "Asked by"], rows)
