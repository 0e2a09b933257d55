"""The decision helper's form (templates/decision_helper.html): the decision table's questions and the model
sizing fields, gathered here and laid out by the template; helper.js shows the answer from decisions.json."""

from __future__ import annotations

from dataclasses import dataclass

from chipwise.decision.engine import HEADROOM_MAXIMUM, SIZING_HEADROOM, SIZING_PARAMETERS, SIZING_PRECISION
from chipwise.guide.model import Facts
from chipwise.render import layout
from chipwise.render.fact_tables import Links, decision_inputs


@dataclass(frozen=True)
class HelperChoice:
    """One answer the helper offers: a decision input's value, or a sizing precision."""

    name: str
    label: str
    chosen: bool


@dataclass(frozen=True)
class HelperQuestion:
    """One enumerated decision input as the helper asks it."""

    name: str
    text: str
    choices: tuple[HelperChoice, ...]


@dataclass(frozen=True)
class SizingFields:
    """The optional model sizing fields: the model's size, its precision and the headroom beyond its weights."""

    parameters_name: str
    parameters_question: str
    parameters_minimum: str
    parameters_maximum: str
    precision_name: str
    precision_question: str
    precisions: tuple[HelperChoice, ...]
    headroom_name: str
    headroom_maximum: str
    headroom_percent: str


def questions(facts: Facts) -> tuple[HelperQuestion, ...]:
    """The questions a reader answers; a numeric input is computed from the model's size (the sizing fields)."""
    return tuple(
        HelperQuestion(item.name, item.question, tuple(HelperChoice(value.name, value.label, value.name == item.default) for value in item.values))
        for item in facts.decision.inputs
        if item.numeric is None
    )


def sizing_fields(facts: Facts) -> SizingFields | None:
    sizing = facts.decision.sizing
    if sizing is None:
        return None
    return SizingFields(
        parameters_name=SIZING_PARAMETERS,
        parameters_question=sizing.parameters_question,
        parameters_minimum=f"{sizing.parameters_minimum:g}",
        parameters_maximum=f"{sizing.parameters_maximum:g}",
        precision_name=SIZING_PRECISION,
        precision_question=sizing.precision_question,
        precisions=tuple(HelperChoice(item.name, item.label, item.name == sizing.default_precision) for item in sizing.precisions),
        headroom_name=SIZING_HEADROOM,
        headroom_maximum=f"{HEADROOM_MAXIMUM:g}",
        headroom_percent=f"{sizing.headroom_percent:g}",
    )


def decision_helper(facts: Facts, links: Links) -> str:
    """The helper's form, its message and answer areas, then the table's inputs (shown without JavaScript too)."""
    form = layout.render(
        "decision_helper.html", url_prefix=links.url_prefix, questions=questions(facts), sizing=sizing_fields(facts), copy=facts.page_copy
    )
    return form + "\n\n" + decision_inputs(facts)
