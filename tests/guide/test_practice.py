"""The facts file's practice section: scenarios and case studies are checked when the file loads."""

from __future__ import annotations

from pathlib import Path

import pytest

import chipwise
from chipwise.errors import FactsError
from tests.support import CHANGES_FILE, FACTS_FILE


def _refused(tmp_path: Path, old: str, new: str) -> list[str]:
    text = FACTS_FILE.read_text(encoding="utf-8")
    assert old in text
    edited = tmp_path / "facts.yml"
    edited.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FactsError) as error:
        chipwise.load_facts(edited)
    return [str(problem) for problem in error.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'states: {workload: training, model: nvidia-only, params_billion: "7"}\n      settles: "AWS',
            'states: {workload: trainng, model: nvidia-only, params_billion: "7"}\n      settles: "AWS',
            "practice.scenarios.protein-pretraining.states: workload must be one of",
        ),
        (
            'states: {workload: training, model: nvidia-only, params_billion: "7"}\n      settles: "AWS',
            'states: {workload: training, chip: nvidia-only, params_billion: "7"}\n      settles: "AWS',
            "practice.scenarios.protein-pretraining.states: unknown input 'chip'",
        ),
        (
            "          answer: example.inferentia_monthly_cost\n",
            "          answer: example.inferentia_monthly_cots\n",
            "practice.case_studies.llm-api.questions[2].answer: unknown fact 'example.inferentia_monthly_cots'",
        ),
        (
            "          answer: example.inferentia_monthly_cost\n",
            "          offers: serving\n          answer: example.inferentia_monthly_cost\n",
            "practice.case_studies.llm-api.questions[2].offers: offers goes with states",
        ),
        (
            "options: [example.gpu_monthly_cost, example.monthly_savings, example.yearly_savings]",
            "options: [example.gpu_monthly_cost, example.monthly_savings]",
            "practice.case_studies.llm-api.questions[2].options: a multiple-choice question has one answer and 3 other options; received 2",
        ),
        (
            "      company: A media company\n",
            "      company: A media company {inf9.chips}\n",
            "practice.scenarios.live-captions.company: unknown fact 'inf9.chips'",
        ),
        (
            '      task: exam.cost_task\n      competing: budget\n      states: {workload: training, model: nvidia-only, params_billion: "7"}',
            '      task: exam.cost_domain\n      competing: budget\n      states: {workload: training, model: nvidia-only, params_billion: "7"}',
            "practice.scenarios.protein-pretraining.task: expected the task fact of an exam.mapping row",
        ),
        (
            "      competing: operations\n      states: {workload: fine-tuning",
            "      competing: speed\n      states: {workload: fine-tuning",
            "practice.scenarios.carbon-fine-tuning.competing",
        ),
        (
            "      offers: serving\n      states: {workload: inference, requests: dataset, params_billion: \"0.05\"}",
            "      offers: hardware\n      states: {workload: inference, requests: dataset, params_billion: \"0.05\"}",
            "practice.scenarios.truck-perception.offers: expected a decision table that answers before the hardware (serving); received 'hardware'",
        ),
        (
            "      offers: serving\n      states: {workload: inference, requests: dataset, params_billion: \"0.05\"}",
            "      offers: serving\n      states: {workload: training, requests: dataset, params_billion: \"0.05\"}",
            "practice.scenarios.truck-perception.offers: only a stem that asks how one model is served can offer its ways of serving alone",
        ),
        (
            "    worked-example: exam.cost_task\n",
            "    worked-examples: exam.cost_task\n",
            "practice.tasks.worked-examples: expected one of: claims, exam-notes",
        ),
        (
            "    worked-example: exam.cost_task\n",
            "",
            "practice.tasks: name the task statement that questions of topic 'worked-example' practise",
        ),
        (
            "    unsourced: \"No AWS source says this;",
            "    unsourced-ish: \"No AWS source says this;",
            "practice.corrections: give the correction each verdict calls for; missing: unsourced",
        ),
    ],
)
def test_a_bad_practice_entry_is_refused_at_its_key(tmp_path: Path, old: str, new: str, expected: str) -> None:
    problems = _refused(tmp_path, old, new)
    assert any(expected in problem for problem in problems), problems


def test_the_exams_pace_must_be_numbers_and_without_it_there_is_no_timed_mode(tmp_path: Path) -> None:
    from chipwise.render.fact_tables import Links
    from chipwise.render.practice import exam_pace, practice_mode

    text = FACTS_FILE.read_text(encoding="utf-8")
    worded = tmp_path / "worded.yml"
    worded.write_text(text.replace("    value: 90\n    unit: minutes\n", "    value: ninety minutes\n    unit: text\n", 1), encoding="utf-8")
    with pytest.raises(FactsError) as error:
        chipwise.load_facts(worded, for_site=True)
    problems = [str(problem) for problem in error.value.problems]
    assert any("exam.duration.value: the timed practice mode keeps the exam's pace" in problem for problem in problems), problems
    start, end = text.index("  exam.question_count:\n"), text.index("  exam.inference_domain:\n")
    edited = tmp_path / "no-pace.yml"
    edited.write_text(text[:start] + text[end:], encoding="utf-8")
    # The changes file records when the two facts were added: without them, it no longer names them.
    changes = tmp_path / CHANGES_FILE.name
    lines = changes.read_text(encoding="utf-8").splitlines(keepends=True)
    changes.write_text("".join(line for line in lines if "fact: exam.question_count," not in line and "fact: exam.duration," not in line), encoding="utf-8")
    unpaced = practice_mode([], chipwise.load_facts(edited, for_site=True), Links())
    assert "data-exam-questions" not in unpaced and 'name="timed"' not in unpaced
    facts = chipwise.load_facts(FACTS_FILE)
    assert exam_pace(facts, Links()) is not None
    form = practice_mode([], facts, Links())
    assert f'data-exam-questions="{facts.facts["exam.question_count"].value}"' in form and 'name="timed"' in form
