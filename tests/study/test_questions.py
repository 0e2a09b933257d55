"""Practice questions: every answer is what the engine or the facts say; a changed fact changes its question."""

from __future__ import annotations

from pathlib import Path

import chipwise
from chipwise.facts.model import Facts
from chipwise.rules import decide
from chipwise.study import questions
from tests.support import FACTS_FILE


def test_at_least_thirty_questions_with_unique_ids_and_four_distinct_options(facts: Facts) -> None:
    generated = questions.all_questions(facts)
    assert len(generated) >= 30
    assert len({question.id for question in generated}) == len(generated)
    for question in generated:
        assert len(question.options) == questions.OPTIONS_PER_QUESTION == len(set(question.options)), question.id
        assert question.explanation


def test_scenario_answers_are_the_engines_outcome(facts: Facts) -> None:
    scenarios = [question for question in questions.all_questions(facts) if question.kind == "scenario"]
    assert {question.rule for question in scenarios} == {rule.id for rule in facts.decision.rules}
    for question in scenarios:
        decision = decide(facts.decision, **dict(question.inputs))
        assert question.answer_text == decision.outcome.title, question.id
        assert question.rule == decision.rule.id


def test_the_worked_example_scenario_is_answered_by_the_engine(facts: Facts) -> None:
    question = questions.example_scenario_question(facts)
    assert question.answer_text == decide(facts.decision, workload="inference", neuron="yes", traffic="high").outcome.title


def test_fact_answers_are_the_facts(facts: Facts) -> None:
    for question in questions.fact_questions(facts):
        fact = facts.fact(question.facts[0])
        assert question.answer_text == fact.short
        assert fact.short not in [option for index, option in enumerate(question.options) if index != question.answer]


def test_fact_check_answers_are_the_verdicts(facts: Facts) -> None:
    for question in questions.fact_check_questions(facts):
        assert question.answer_text == facts.fact_checks[question.check].verdict.label


def test_questions_are_the_same_on_every_build(facts: Facts) -> None:
    assert questions.all_questions(facts) == questions.all_questions(facts)


def test_changing_a_fact_changes_its_question(tmp_path: Path) -> None:
    text = FACTS_FILE.read_text(encoding="utf-8").replace("value: 2.3\n", "value: 2.4\n", 1).replace("up to 2.3x higher", "up to 2.4x higher")
    edited = tmp_path / "facts.yml"
    edited.write_text(text, encoding="utf-8")
    changed = {question.id: question for question in questions.all_questions(chipwise.load_facts(edited))}
    assert changed["fact-inf1-throughput-vs-comparable"].answer_text == "up to 2.4x"
