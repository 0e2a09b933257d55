"""Practice questions generated from the facts and the decision table, so none can drift from them.

Three kinds: scenario questions (the right answer is the engine's outcome), fact questions (the right
answer is the fact; distractors are sibling facts' values in the same unit), and fact-check questions
(the right answer is the verdict on an exam-note simplification). Ids are stable; options are shuffled
by a hash of the question id, so the order is the same on every build.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass

from chipwise.facts.contract import EXAMPLE_SCENARIO_INPUTS, FactId
from chipwise.facts.model import Derivation, Fact, Facts
from chipwise.facts.units import UNITS
from chipwise.memo import per_object
from chipwise.rules import decide
from chipwise.vocabulary import Verdict

OPTIONS_PER_QUESTION = 4


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    """'scenario', 'fact' or 'fact-check'."""
    prompt: str
    options: tuple[str, ...]
    answer: int
    """Index of the right option."""
    explanation: str
    """Markdown-free explanation; it may cite facts as {fact.id} (rendered with links on the site)."""
    facts: tuple[str, ...] = ()
    rule: str = ""
    check: str = ""
    inputs: tuple[tuple[str, str], ...] = ()
    """For scenario questions: the inputs the scenario states."""

    @property
    def answer_text(self) -> str:
        return self.options[self.answer]


def _stable_order(question_id: str, options: list[str]) -> tuple[str, ...]:
    return tuple(sorted(options, key=lambda option: hashlib.sha256(f"{question_id}|{option}".encode()).hexdigest()))


def _question(question_id: str, kind: str, prompt: str, right: str, wrong: list[str], explanation: str, **refs: object) -> Question:
    options = _stable_order(question_id, [right, *wrong[: OPTIONS_PER_QUESTION - 1]])
    return Question(question_id, kind, prompt, options, options.index(right), explanation, **refs)  # type: ignore[arg-type]


def _pick(question_id: str, candidates: list[str], count: int) -> list[str]:
    return list(_stable_order(question_id + "|distractors", sorted(set(candidates))))[:count]


def scenario_questions(facts: Facts) -> list[Question]:
    """One question per rule and combination of the inputs that rule looks at."""
    table = facts.decision
    titles = [outcome.title for outcome in table.outcomes.values()]
    questions = []
    for rule in table.rules:
        constrained = [item for item in table.inputs if item.name in rule.when]
        for values in itertools.product(*(sorted(rule.when[item.name], key=item.value_names.index) for item in constrained)):
            inputs = dict(zip((item.name for item in constrained), values, strict=True))
            decision = decide(table, **inputs)
            question_id = "scenario-" + "-".join(values)
            prompt = _scenario_prompt(facts, inputs)
            wrong = _pick(question_id, [title for title in titles if title != decision.outcome.title], OPTIONS_PER_QUESTION - 1)
            explanation = " ".join(reason.template for reason in decision.rule.reasons)
            questions.append(
                _question(question_id, "scenario", prompt, decision.outcome.title, wrong, explanation, rule=rule.id,
                          facts=tuple(fact.id for reason in decision.rule.reasons for fact in reason.facts), inputs=tuple(inputs.items()))
            )
    return questions


EXAMPLE_SCENARIO = (
    "A company serves {example.requests_per_day} from a trained model that runs on the Neuron SDK, and wants "
    "the lowest cost per inference in production. Which option fits best?"
)


def example_scenario_question(facts: Facts) -> Question:
    """The study note's own scenario, with its numbers from the facts file."""
    decision = decide(facts.decision, **EXAMPLE_SCENARIO_INPUTS)
    titles = [outcome.title for outcome in facts.decision.outcomes.values() if outcome.title != decision.outcome.title]
    question_id = "scenario-worked-example"
    explanation = " ".join(reason.template for reason in decision.rule.reasons)
    return _question(question_id, "scenario", EXAMPLE_SCENARIO, decision.outcome.title, _pick(question_id, titles, OPTIONS_PER_QUESTION - 1),
                     explanation, rule=decision.rule.id, facts=(FactId.EXAMPLE_REQUESTS_PER_DAY,),
                     inputs=tuple(decision.inputs.items()))


def _scenario_prompt(facts: Facts, inputs: dict[str, str]) -> str:
    parts = []
    for item in facts.decision.inputs:
        if item.name in inputs:
            value = next(value for value in item.values if value.name == inputs[item.name])
            parts.append(f"{item.question} {value.label}. {value.explanation}")
    return " ".join(parts) + " Which option fits best?"


def fact_questions(facts: Facts) -> list[Question]:
    """One question per numeric fact whose unit has at least three other values to choose from."""
    questions = []
    numbers = [fact for fact in facts.facts.values() if fact.is_number]
    for fact in numbers:
        siblings = {sibling.value for sibling in numbers if sibling.unit == fact.unit and sibling.value != fact.value}
        if len(siblings) < OPTIONS_PER_QUESTION - 1:
            continue
        question_id = "fact-" + fact.id.replace(".", "-").replace("_", "-")
        wrong = _pick(question_id, [_shown(fact, value) for value in siblings], OPTIONS_PER_QUESTION - 1)
        prompt = f"{fact.label}: which figure is right?"
        explanation = _fact_explanation(fact)
        questions.append(_question(question_id, "fact", prompt, fact.short, wrong, explanation, facts=(fact.id,)))
    return questions


def _shown(fact: Fact, value: object) -> str:
    return " ".join(part for part in (fact.qualifier, UNITS[fact.unit].format(value)) if part)


def _fact_explanation(fact: Fact) -> str:
    if isinstance(fact.evidence, Derivation):
        return f"Computed from the facts: {fact.evidence.arithmetic}."
    source = fact.evidence.source
    return f"{source.title} ({source.publisher}) gives {{{fact.id}}}: “{fact.evidence.text}”"


def fact_check_questions(facts: Facts) -> list[Question]:
    verdicts = [verdict.label for verdict in Verdict]
    questions = []
    for check in facts.fact_checks.values():
        question_id = f"check-{check.id}"
        right = check.verdict.label
        wrong = _pick(question_id, [label for label in verdicts if label != right], OPTIONS_PER_QUESTION - 1)
        prompt = f"Exam notes say: “{check.note_says}” Checked against AWS's own wording, that is…"
        explanation = f"AWS says: “{check.aws_says}” {check.explanation_template}"
        questions.append(_question(question_id, "fact-check", prompt, right, wrong, explanation, check=check.id))
    return questions


@per_object
def all_questions(facts: Facts) -> list[Question]:
    return [example_scenario_question(facts), *scenario_questions(facts), *fact_check_questions(facts), *fact_questions(facts)]

