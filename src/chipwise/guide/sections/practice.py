"""The facts file's practice section as model objects, each reference cross-checked with a location.

Scenarios and case-study questions state decision inputs; each set is decided by the engine here, so
a stem that names an unknown input or value is refused when the file loads, not when a page builds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.decision.engine import InvalidInput, decide
from chipwise.decision.model import DecisionGraph
from chipwise.decision.verify import verify_graph
from chipwise.facts.model import STATED_IN, CaseQuestion, CaseStudy, Exam, ExamMapping, Practice, Scenario, frozen_map
from chipwise.guide.sections.report import Report
from chipwise.vocabulary import Competing, Scope, Verdict

OPTIONS_PER_QUESTION = 4
"""A multiple-choice question: one right response and three distractors."""

SCENARIO_PARTS = ("company", "workload", "framework", "traffic", "constraint", "ask")

GENERATED_TOPICS = ("claims", "exam-notes", "exam-guide", "generations", "worked-example")
"""The topics of questions built from facts rather than from scenarios: each practises the task `practice.tasks` names."""


def build_practice(raw: Mapping[str, Any], graph: DecisionGraph, exam: Exam, report: Report) -> Practice:
    decidable = not verify_graph(graph)
    inputs = {item.name for item in graph.inputs}
    for name in (name for name in STATED_IN if raw.get("scenarios") and inputs and name not in inputs):
        report.problem("decision.inputs", f"practice stems state {name!r}, which is not a decision input; known: {', '.join(sorted(inputs))}")
    scenarios = []
    for scenario_id, entry in raw.get("scenarios", {}).items():
        where = f"practice.scenarios.{scenario_id}"
        texts = {part: report.checked_template(f"{where}.{part}", entry[part]) for part in SCENARIO_PARTS if part in entry}
        states = _states(f"{where}.states", entry["states"], graph, report, decidable)
        task = _task(f"{where}.task", entry["task"], exam, report)
        competing = Competing.of(entry["competing"]) if "competing" in entry else None
        also = _states(f"{where}.also", entry["also"], graph, report, decidable) if "also" in entry else None
        settles = report.checked_template(f"{where}.settles", entry["settles"]) if "settles" in entry else ""
        scope = Scope.of(entry["scope"]) if "scope" in entry else Scope.AIF_C01
        offers = _offers(f"{where}.offers", entry.get("offers", ""), graph, states, also, report)
        scenarios.append(
            Scenario(id=scenario_id, states=states, task=task, competing=competing, also=also, settles=settles, scope=scope, offers=offers, **texts)
        )
    cases = [_case_study(case_id, entry, graph, exam, report, decidable) for case_id, entry in raw.get("case_studies", {}).items()]
    tasks = {}
    for topic in (topic for topic in GENERATED_TOPICS if raw and topic not in raw.get("tasks", {})):
        report.problem("practice.tasks", f"name the task statement that questions of topic {topic!r} practise")
    for topic, fact_id in raw.get("tasks", {}).items():
        if topic not in GENERATED_TOPICS:
            report.problem(f"practice.tasks.{topic}", f"expected one of: {', '.join(GENERATED_TOPICS)}; received {topic!r}")
        task = _task(f"practice.tasks.{topic}", fact_id, exam, report)
        if task is not None:
            tasks[topic] = task
    corrections = {}
    for verdict, text in raw.get("corrections", {}).items():
        if verdict in Verdict.values():
            corrections[Verdict.of(verdict)] = report.checked_template(f"practice.corrections.{verdict}", text)
        else:
            report.problem(f"practice.corrections.{verdict}", f"expected one of: {', '.join(Verdict.values())}; received {verdict!r}")
    missing = [verdict for verdict in Verdict.values() if raw and verdict not in raw.get("corrections", {})]
    if missing:
        report.problem("practice.corrections", f"give the correction each verdict calls for; missing: {', '.join(missing)}")
    names = raw.get("option_names", {})
    outcomes = {outcome.id: outcome for table in graph.tables for outcome in table.outcomes.values()}
    hosted = raw.get("hosted_names", {})
    for key, named in (("option_names", names), ("hosted_names", hosted)):
        for outcome_id in (outcome_id for outcome_id in named if outcome_id not in outcomes):
            report.problem(f"practice.{key}.{outcome_id}", f"expected a decision outcome id ({', '.join(sorted(outcomes))}); received {outcome_id!r}")
    nameable = sorted(outcome.id for outcome in outcomes.values() if outcome.families or outcome.accelerator is None)
    missing_names = [outcome_id for outcome_id in nameable if names and outcome_id not in names]
    if missing_names:
        report.problem("practice.option_names", f"name every way of serving and every instance family's outcome; missing: {', '.join(missing_names)}")
    return Practice(
        scenarios=tuple(scenarios),
        case_studies=tuple(cases),
        tasks=frozen_map(tasks),
        corrections=frozen_map(corrections),
        option_names=frozen_map(dict(names)),
        hosted_names=frozen_map(dict(hosted)),
    )


def _task(where: str, fact_id: str, exam: Exam, report: Report) -> ExamMapping | None:
    """The exam mapping row whose task is this fact, or None with a located problem."""
    row = next((row for row in exam.mapping if row.task.id == fact_id), None)
    if row is None:
        known = ", ".join(row.task.id for row in exam.mapping)
        report.problem(where, f"expected the task fact of an exam.mapping row ({known}); received {fact_id!r}")
    return row


def _offers(where: str, table_id: str, graph: DecisionGraph, states: Mapping[str, str], also: Mapping[str, str] | None, report: Report) -> str:
    """The table whose answers a scenario's options name alone, once it is a table that answers before the last (the
    last, the hardware, is what every option names already) in a stem that asks one decision, a serving one."""
    if not table_id:
        return ""
    earlier = [table.id for table in graph.tables[:-1]]
    if table_id not in earlier:
        report.problem(where, f"expected a decision table that answers before the hardware ({', '.join(earlier) or 'none'}); received {table_id!r}")
    elif also is not None or (graph.sizing is not None and graph.sizing.trains(states)):
        report.problem(where, "only a stem that asks how one model is served can offer its ways of serving alone; this one trains, or asks two decisions")
    return table_id


def _states(where: str, states: Mapping[str, str], graph: DecisionGraph, report: Report, decidable: bool) -> Mapping[str, str]:
    """The stated inputs, once the engine accepts them."""
    if decidable:
        try:
            decide(graph, **states)
        except InvalidInput as error:
            report.problem(where, str(error))
    return frozen_map(states)


def _case_study(case_id: str, entry: Mapping[str, Any], graph: DecisionGraph, exam: Exam, report: Report, decidable: bool) -> CaseStudy:
    where = f"practice.case_studies.{case_id}"
    questions = []
    for index, item in enumerate(entry["questions"]):
        at = f"{where}.questions[{index}]"
        ask = report.checked_template(f"{at}.ask", item["ask"])
        if ("states" in item) == ("answer" in item):
            report.problem(at, "give either states (the engine answers) or answer with options (a fact is the answer), not both or neither")
            continue
        if "offers" in item and "states" not in item:
            report.problem(f"{at}.offers", "offers goes with states: the engine's answers are what a question offers")
        if "states" in item:
            if "options" in item:
                report.problem(f"{at}.options", "options go with answer; with states the engine's outcomes are the options")
            states = _states(f"{at}.states", item["states"], graph, report, decidable)
            questions.append(CaseQuestion(ask=ask, states=states, offers=_offers(f"{at}.offers", item.get("offers", ""), graph, states, None, report)))
            continue
        question = _figure_question(at, ask, item["answer"], item.get("options", []), report)
        if question is not None:
            questions.append(question)
    background = report.checked_template(f"{where}.background", entry["background"])
    if len(entry["questions"]) < 2:
        report.problem(f"{where}.questions", "a case study asks two or more questions about its scenario")
    task = _task(f"{where}.task", entry["task"], exam, report)
    return CaseStudy(id=case_id, title=entry["title"], background=background, questions=tuple(questions), task=task)


def _figure_question(at: str, ask: str, answer_id: str, option_ids: list[str], report: Report) -> CaseQuestion | None:
    found = []
    for key, fact_id in [("answer", answer_id), *((f"options[{index}]", fact_id) for index, fact_id in enumerate(option_ids))]:
        if fact_id in report.facts:
            found.append(report.facts[fact_id])
        else:
            report.unknown_fact(f"{at}.{key}", fact_id)
    if len(found) != len([answer_id, *option_ids]):
        return None
    shown = [fact.short for fact in found]
    if len(found) != OPTIONS_PER_QUESTION:
        report.problem(f"{at}.options", f"a multiple-choice question has one answer and {OPTIONS_PER_QUESTION - 1} other options; received {len(found) - 1}")
        return None
    if len(set(shown)) != len(shown):
        report.problem(f"{at}.options", f"the options must read differently; they read: {', '.join(shown)}")
        return None
    return CaseQuestion(ask=ask, answer=found[0], options=tuple(found[1:]))
