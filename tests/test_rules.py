"""The decision table: a golden answer for every input combination, and UNIQUE verified by property tests."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chipwise
from chipwise.errors import InvalidInput
from chipwise.facts.model import Facts
from chipwise.rules import combinations, decide

# workload, neuron, traffic -> accelerator, instance families in order, rule id
GOLDEN = [
    ("training", "yes", "high", "trainium", ("trn2", "trn1", "trn3"), "train-on-neuron"),
    ("training", "yes", "low", "trainium", ("trn2", "trn1", "trn3"), "train-on-neuron"),
    ("training", "no", "high", "gpu", ("p5", "p4d"), "train-without-neuron"),
    ("training", "no", "low", "gpu", ("p5", "p4d"), "train-without-neuron"),
    ("fine-tuning", "yes", "high", "trainium", ("trn2", "trn1", "trn3"), "train-on-neuron"),
    ("fine-tuning", "yes", "low", "trainium", ("trn2", "trn1", "trn3"), "train-on-neuron"),
    ("fine-tuning", "no", "high", "gpu", ("p5", "p4d"), "train-without-neuron"),
    ("fine-tuning", "no", "low", "gpu", ("p5", "p4d"), "train-without-neuron"),
    ("inference", "yes", "high", "inferentia", ("inf2",), "inference-neuron-high"),
    ("inference", "yes", "low", "cpu", ("c7g",), "inference-low-traffic"),
    ("inference", "no", "high", "gpu", ("g6", "g5"), "inference-without-neuron"),
    ("inference", "no", "low", "cpu", ("c7g",), "inference-low-traffic"),
]


@pytest.mark.parametrize(
    ("workload", "neuron", "traffic", "accelerator", "families", "rule"),
    GOLDEN,
    ids=["-".join(row[:3]) for row in GOLDEN],
)
def test_golden_decision(facts: Facts, workload: str, neuron: str, traffic: str, accelerator: str, families: tuple[str, ...], rule: str) -> None:
    decision = chipwise.recommend(workload=workload, neuron=neuron, traffic=traffic, facts=facts)
    assert (decision.accelerator, decision.instance_families, decision.rule.id) == (accelerator, families, rule)


def test_golden_table_covers_every_combination(facts: Facts) -> None:
    every = {tuple(inputs.values()) for inputs in combinations(facts.decision)}
    assert {row[:3] for row in GOLDEN} == every


def test_seed_exam_rule_holds(facts: Facts) -> None:
    """Predictions in production -> Inferentia; training -> Trainium."""
    assert chipwise.recommend(workload="inference", facts=facts).accelerator == "inferentia"
    assert chipwise.recommend(workload="training", facts=facts).accelerator == "trainium"


def test_defaults_are_neuron_yes_and_high_traffic(facts: Facts) -> None:
    assert dict(chipwise.recommend(workload="inference", facts=facts).inputs) == {"workload": "inference", "neuron": "yes", "traffic": "high"}


def test_every_reason_cites_a_fact_or_a_source_with_a_url(facts: Facts) -> None:
    for rule in facts.decision.rules:
        for reason in rule.reasons:
            assert reason.sources and all(source.url.startswith("https://") for source in reason.sources), (rule.id, reason.text)
            assert "{" not in reason.text


def test_reasons_show_their_numbers_from_the_facts(facts: Facts) -> None:
    decision = chipwise.recommend(workload="training", facts=facts)
    saving = facts.fact("trn2.cost_to_train")
    assert any(saving.phrase in reason.text and saving in reason.facts for reason in decision.rule.reasons)


@pytest.mark.parametrize(
    ("given_inputs", "message"),
    [
        ({"workload": "serving"}, "workload must be one of: training, fine-tuning, inference; received 'serving'"),
        ({"workload": "inference", "traffic": "medium"}, "traffic must be one of: high, low; received 'medium'"),
        ({"neuron": "yes"}, "workload is required; choose one of: training, fine-tuning, inference"),
        ({"workload": "inference", "budget": "low"}, "unknown input 'budget'; the inputs are: workload, neuron, traffic"),
    ],
)
def test_invalid_inputs_name_the_allowed_values(facts: Facts, given_inputs: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidInput, match="^" + message.replace("(", r"\(").replace(")", r"\)") + "$"):
        decide(facts.decision, **given_inputs)


@given(data=st.data())
def test_any_valid_input_gets_exactly_one_decision(facts: Facts, data: st.DataObject) -> None:
    inputs = {item.name: data.draw(st.sampled_from(item.value_names), label=item.name) for item in facts.decision.inputs}
    matching = [rule for rule in facts.decision.rules if rule.matches(inputs)]
    assert len(matching) == 1
    assert decide(facts.decision, **inputs).rule is matching[0]


def _cases(message: str) -> list[tuple[str, str]]:
    """The (workload, neuron) combinations a gap or overlap message's region stands for."""
    region = message.split(" decide", 1)[1].split(" (hit policy", 1)[0].removeprefix("s ").removeprefix(" ").strip()
    allowed = {"workload": ["training", "inference"], "neuron": ["yes", "no"]}
    if region != "every combination":
        for part in region.split(", "):
            name, values = part.split("=", 1)
            allowed[name] = values.split(" or ")
    return list(itertools.product(allowed["workload"], allowed["neuron"]))


@given(
    conditions=st.lists(
        st.tuples(st.sets(st.sampled_from(["training", "fine-tuning", "inference"])), st.sets(st.sampled_from(["yes", "no"]))),
        min_size=1,
        max_size=4,
    )
)
def test_loading_reports_exactly_the_gaps_and_overlaps_brute_force_finds(
    tmp_path_factory: pytest.TempPathFactory, conditions: list[tuple[set[str], set[str]]]
) -> None:
    """Random rule sets over the minimal fixture: the verifier agrees with counting matches by hand."""
    from tests.support import FIXTURES

    text = (FIXTURES / "minimal.yml").read_text()
    head = text[: text.index("  rules:\n")]
    rules = "  rules:\n"
    for index, (workloads, neurons) in enumerate(conditions):
        when = f"        workload: [{', '.join(sorted(workloads))}]\n"
        if neurons:
            when += "        neuron: [" + ", ".join(f'"{value}"' for value in sorted(neurons)) + "]\n"
        rules += f"    rule-{index}:\n      when:\n{when}      then: trainium\n      reasons:\n        - text: Trn1 offers {{trn1.cost_to_train}}.\n"
    path = tmp_path_factory.mktemp("rules") / "facts.yml"
    path.write_text(head + rules)

    expected_gaps = expected_overlaps = 0
    for workload, neuron in itertools.product(["training", "inference"], ["yes", "no"]):
        hits = sum(workload in w and (not n or neuron in n) for w, n in conditions)
        expected_gaps += hits == 0
        expected_overlaps += hits > 1
    expected_dead = sum(not workloads for workloads, _ in conditions)
    # "fine-tuning" is not a value of this fixture's workload input: such a rule is refused as unknown.
    unknown_values = any("fine-tuning" in w for w, _ in conditions)

    try:
        chipwise.load_facts(path)
        messages: list[str] = []
    except chipwise.FactsError as error:
        messages = [problem.message for problem in error.problems]
    if unknown_values:
        assert any("unknown value of workload 'fine-tuning'" in message for message in messages)
        return
    # The verifier reports regions ("workload=training", any neuron); expanded, they are the brute-force cases.
    assert sum(len(_cases(message)) for message in messages if message.startswith("gap:")) == expected_gaps
    assert sum(len(_cases(message)) for message in messages if message.startswith("overlap:")) == expected_overlaps
    assert sum("is unreachable" in message for message in messages) == expected_dead
