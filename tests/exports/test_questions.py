"""api/questions.json: valid against its schema, every question with stable id, answer, explanations
and facts; scenario questions carry the inputs their stems state."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from chipwise.exports import questions, site_files
from chipwise.guide.model import Facts
from chipwise.study import practice
from chipwise.vocabulary import Scope
from tests.support import nonempty


def test_questions_json_matches_its_schema_and_every_question(facts: Facts) -> None:
    published = json.loads(site_files.generated_files(facts)["api/questions.json"])
    schema = json.loads(site_files.generated_files(facts)["api/questions.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(published, schema)
    assert [entry["id"] for entry in published["questions"]] == [question.id for question in practice.all_questions(facts)]


def test_each_question_has_answer_explanations_and_known_facts(facts: Facts) -> None:
    for entry in nonempty(questions.questions_json(facts)["questions"]):
        assert len(entry["explanations"]) == len(entry["options"]) == len(entry["option_facts"]), entry["id"]
        assert all(0 <= index < len(entry["options"]) for index in nonempty(entry["answer"])), entry["id"]
        assert entry["facts"] and set(entry["facts"]) <= set(facts.facts), entry["id"]
        assert "{" not in entry["stem"] and not any("{" in text for text in nonempty(entry["explanations"])), entry["id"]


def test_scenario_questions_carry_the_inputs_their_stems_state(facts: Facts) -> None:
    published = {entry["id"]: entry for entry in questions.questions_json(facts)["questions"]}
    for scenario in nonempty(facts.practice.scenarios):
        assert published[f"scenario-{scenario.id}"]["inputs"] == dict(scenario.states)


def test_each_scenario_distractor_names_the_case_it_answers_and_the_requirement_that_would_make_it_right(facts: Facts) -> None:
    from chipwise.decision.engine import decide

    published = json.loads(site_files.generated_files(facts)["api/questions.json"])
    scenarios = [entry for entry in published["questions"] if "inputs" in entry and "also_inputs" not in entry]
    assert scenarios
    for entry in scenarios:
        scope = next(s.scope for s in facts.practice.scenarios if f"scenario-{s.id}" == entry["id"]) if entry["id"].startswith("scenario-") else None
        assert entry["set"] == ("drill" if scope is Scope.BEYOND_EXAM else "exam-style"), entry["id"]
        for index, case in nonempty(enumerate(entry["option_answers"])):
            if index in entry["answer"]:
                assert case is None
                continue
            neighbour = decide(facts.decision, **case)
            hardware_only = all(" on " not in option for option in entry["options"])
            if "offers" in entry:
                shown = practice.offered_text(facts, neighbour, entry["offers"])
            else:
                shown = practice.option_label(facts, neighbour.outcome) if hardware_only else practice._option_text(facts, neighbour)
            assert entry["options"][index] == shown, entry["id"]
            assert re.match(r"Wrong\. (It|To (train|serve) the model, it) would fit if ", entry["explanations"][index]), entry["id"]
            assert "were answered" not in entry["explanations"][index], entry["id"]
    drills = {entry["topic"] for entry in published["questions"] if entry["set"] == "drill"}
    assert drills == {"worked-example", "generations", "exam-notes", "claims", "exam-guide", "choosing"}  # choosing: scenarios beyond the exam


def test_each_question_names_its_exam_domain_and_task_from_the_exam_section(facts: Facts) -> None:
    rows = {row.task.id: row for row in facts.exam.mapping}
    published = nonempty(questions.questions_json(facts)["questions"])
    for entry in published:
        row = rows[entry["task"]["fact"]]
        assert entry["domain"] == {"fact": row.domain.id, "title": row.domain.source.title if row.domain.source else ""}, entry["id"]
        assert entry["task"]["statement"] == row.task.quote and entry["task"]["statement"].startswith("Task Statement "), entry["id"]
        assert entry["objective"] == {"fact": row.objective.id, "statement": row.objective.value}, entry["id"]
    # Every domain the exam mapping names has a question, except Domain 3's customization-cost objective: the
    # decision engine decides hardware and serving, not how to customize a model, so only the exam-guide drill asks it.
    asked = {entry["domain"]["fact"] for entry in published}
    assert asked == {row.domain.id for row in facts.exam.mapping} - {"exam.customization_domain"}


def test_the_schema_refuses_a_question_without_its_domain(facts: Facts) -> None:
    published = questions.questions_json(facts)
    del published["questions"][0]["domain"]
    with pytest.raises(jsonschema.ValidationError, match="'domain' is a required property"):
        jsonschema.validate(published, questions.json_schema())


@pytest.mark.parametrize(
    ("kind", "name"),
    [("case-study", "case_study"), ("matching", "prompts")],
)
def test_the_schema_refuses_a_case_question_without_its_case_and_a_matching_one_without_its_prompts(facts: Facts, kind: str, name: str) -> None:
    published = questions.questions_json(facts)
    entry = next(entry for entry in published["questions"] if entry["type"] == kind)
    del entry[name]
    with pytest.raises(jsonschema.ValidationError, match=f"'{name}' is a required property"):
        jsonschema.validate(published, questions.json_schema())


def test_every_case_question_carries_its_case_and_every_matching_question_the_claims_it_matches(facts: Facts) -> None:
    published = nonempty(questions.questions_json(facts)["questions"])
    cases = {case.id: case for case in facts.practice.case_studies}
    for entry in nonempty(entry for entry in published if entry["type"] == "case-study"):
        case = cases[entry["case_study"]["id"]]
        assert entry["case_study"]["title"] == case.title and entry["case_study"]["background"], entry["id"]
    for entry in nonempty(entry for entry in published if entry["type"] == "matching"):
        assert len(entry["prompts"]) == len(entry["answer"]) >= 2, entry["id"]
