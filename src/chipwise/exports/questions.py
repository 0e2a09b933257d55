"""api/questions.json: every practice question for other guides, and its JSON Schema.

Texts are plain text with each {fact.id} replaced by the fact's whole claim; `facts` lists the ids the
question cites, so another guide can link them to api/facts.json.
"""

from __future__ import annotations

from typing import Any

from chipwise.facts.model import expand
from chipwise.guide.model import Facts
from chipwise.study.practice import Question, QuestionType, Topic, all_questions
from chipwise.vocabulary import Competing

SCHEMA_ID = "api/questions.schema.json"


def _text(template: str, facts: Facts) -> str:
    return expand(template, lambda fact_id: facts.fact(fact_id).phrase)


def question_json(question: Question, facts: Facts) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": question.id,
        "type": question.type.value,
        "topic": question.topic.value,
        "set": question.practice_set,
        "stem": _text(question.stem, facts),
        "options": [option.text for option in question.options],
        "answer": list(question.answer),
        "explanations": [_text(option.explanation, facts) for option in question.options],
        "option_facts": [list(option.facts) for option in question.options],
        "facts": list(question.facts),
    }
    if question.exam is not None:
        domain, task = question.exam.domain, question.exam.task
        entry["domain"] = {"fact": domain.id, "title": domain.source.title if domain.source else domain.label}
        entry["task"] = {"fact": task.id, "statement": task.quote or task.label}
        entry["objective"] = {"fact": question.exam.objective.id, "statement": str(question.exam.objective.value)}
    if question.competing is not None:
        entry["competing"] = question.competing.value
    if question.offers:
        entry["offers"] = question.offers
    if any(option.answers is not None for option in question.options):
        entry["option_answers"] = [dict(option.answers) if option.answers is not None else None for option in question.options]
    if question.prompts:
        entry["prompts"] = list(question.prompts)
    if question.case is not None:
        entry["case_study"] = {"id": question.case.id, "title": question.case.title, "background": _text(question.case.background, facts)}
    if question.inputs:
        entry["inputs"] = dict(question.inputs)
    if question.also:
        entry["also_inputs"] = dict(question.also)
    if question.rules:
        entry["rules"] = list(question.rules)
    if question.checks:
        entry["fact_checks"] = list(question.checks)
    return entry


def questions_json(facts: Facts) -> dict[str, Any]:
    return {
        "$schema": "questions.schema.json",
        "version": facts.meta.version,
        "questions": [question_json(question, facts) for question in all_questions(facts)],
    }


_STRINGS = {"type": "array", "items": {"type": "string"}}
_INDEXES = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 1}


def _required_for(kind: QuestionType, name: str) -> dict[str, Any]:
    """A question of this type must carry this property (and no other type may)."""
    return {
        "if": {"properties": {"type": {"const": kind.value}}, "required": ["type"]},
        "then": {"required": [name]},
        "else": {"not": {"required": [name]}},
    }


def _exam_place(text: str, description: str) -> dict[str, Any]:
    """The schema of where in the exam guide a question sits (its domain, task or objective): the fact, and its `text`."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["fact", text],
        "properties": {"fact": {"type": "string"}, text: {"type": "string"}},
        "description": description,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of api/questions.json."""
    question = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "type", "topic", "set", "domain", "task", "objective", "stem", "options", "answer", "explanations", "option_facts", "facts"],
        "allOf": [_required_for(QuestionType.CASE_STUDY, "case_study"), _required_for(QuestionType.MATCHING, "prompts")],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "Stable across builds."},
            "type": {"enum": [kind.value for kind in QuestionType], "description": "The exam guide's question types."},
            "topic": {"enum": [topic.value for topic in Topic]},
            "set": {"enum": ["exam-style", "drill"], "description": "exam-style items, or drills (arithmetic, launch order, the notes' claims)."},
            "domain": _exam_place("title", "The AIF-C01 content domain the question practises: its fact in api/facts.json, and its title in the exam guide."),
            "task": _exam_place("statement", "The domain's task statement the question practises: its fact, and the statement as the exam guide words it."),
            "objective": _exam_place("statement", "The task's objective the question practises: its fact (which says in whose words it is), and its wording."),
            "competing": {
                "enum": [item.value for item in Competing],
                "description": "Scenario questions: the second requirement the stem sets against the first, so that one distractor is right but not best.",
            },
            "offers": {
                "type": "string",
                "description": (
                    "Scenario questions whose options name one decision's answers alone: the table in api/decisions.json "
                    "('serving': SageMaker's ways of serving, for a stem whose hardware is not in question)."
                ),
            },
            "stem": {"type": "string"},
            "options": {**_STRINGS, "minItems": 3},
            "answer": {
                **_INDEXES,
                "description": (
                    "Indexes into options. multiple-choice and case-study: the one right option; multiple-response: the right options; "
                    "ordering: the options in the right order; matching: for each prompt, the option that matches it."
                ),
            },
            "explanations": {**_STRINGS, "description": "Why each option (same index) is right or wrong."},
            "option_facts": {"type": "array", "items": _STRINGS, "description": "The fact ids that decide each option."},
            "option_answers": {
                "type": "array",
                "items": {"type": ["object", "null"], "additionalProperties": {"type": "string"}},
                "description": "Scenario questions: for each wrong option, the neighbouring case (decision inputs) it is the engine's answer to.",
            },
            "facts": {**_STRINGS, "description": "Every fact id the question cites (keys of api/facts.json)."},
            "prompts": {
                **_STRINGS,
                "minItems": 2,
                "description": (
                    "Matching only, and required there: the items the stem asks to match (AWS's claims, say), in order; answer[i] is the option for prompts[i]."
                ),
            },
            "case_study": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "title", "background"],
                "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "background": {"type": "string"}},
                "description": (
                    "Case-study questions only, and required there: the scenario the case's questions share (its title and background), "
                    "to show before the stem, which asks about it without repeating it."
                ),
            },
            "inputs": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "Scenario questions: the decision inputs the stem states (see api/decisions.json).",
            },
            "also_inputs": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "'Select TWO' scenario questions: the inputs of the second decision the stem asks for (inputs gives the first).",
            },
            "rules": {**_STRINGS, "description": "Decision rules: the one that decides the answer first."},
            "fact_checks": _STRINGS,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "chipwise practice questions",
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "questions"],
        "properties": {
            "$schema": {"type": "string"},
            "version": {"type": "string"},
            "questions": {"type": "array", "items": question},
        },
    }
