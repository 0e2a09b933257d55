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

# workload, neuron, traffic, memory need (a piece of its range) -> accelerator, instance families in order, rule id
SMALL, LARGE = "[0..6]", "(6..10000000]"
TRAINIUM, TRAINING_GPUS = ("trn2", "trn1", "trn3"), ("p5", "p4d")
GOLDEN = [
    *(
        (workload, "yes", traffic, memory, "trainium", TRAINIUM, "train-on-neuron")
        for workload in ("training", "fine-tuning")
        for traffic in ("high", "low")
        for memory in (SMALL, LARGE)
    ),
    *(
        (workload, "no", traffic, memory, "gpu", TRAINING_GPUS, "train-without-neuron")
        for workload in ("training", "fine-tuning")
        for traffic in ("high", "low")
        for memory in (SMALL, LARGE)
    ),
    ("inference", "yes", "high", SMALL, "inferentia", ("inf2",), "inference-neuron-high"),
    ("inference", "yes", "high", LARGE, "inferentia", ("inf2",), "inference-neuron-high"),
    ("inference", "yes", "low", SMALL, "cpu", ("c7g",), "inference-low-traffic"),
    ("inference", "yes", "low", LARGE, "inferentia", ("inf2",), "inference-neuron-large-low-traffic"),
    ("inference", "no", "high", SMALL, "gpu", ("g6", "g5"), "inference-without-neuron"),
    ("inference", "no", "high", LARGE, "gpu", ("g6", "g5"), "inference-without-neuron"),
    # A model that needs a GPU gets one at any traffic: Serverless Inference has none.
    ("inference", "no", "low", SMALL, "gpu", ("g6", "g5"), "inference-without-neuron"),
    ("inference", "no", "low", LARGE, "gpu", ("g6", "g5"), "inference-without-neuron"),
]


@pytest.mark.parametrize(
    ("workload", "neuron", "traffic", "memory", "accelerator", "families", "rule"),
    GOLDEN,
    ids=["-".join(row[:4]) for row in GOLDEN],
)
def test_golden_decision(
    facts: Facts, workload: str, neuron: str, traffic: str, memory: str, accelerator: str, families: tuple[str, ...], rule: str
) -> None:
    decision = chipwise.recommend(workload=workload, neuron=neuron, traffic=traffic, memory_gib=memory, facts=facts)
    assert (decision.accelerator, decision.instance_families, decision.rule.id) == (accelerator, families, rule)


def test_golden_table_covers_every_combination(facts: Facts) -> None:
    every = {tuple(inputs.values()) for inputs in combinations(facts.decision)}
    assert {row[:4] for row in GOLDEN} == every


def test_seed_exam_rule_holds(facts: Facts) -> None:
    """Predictions in production -> Inferentia; training -> Trainium."""
    assert chipwise.recommend(workload="inference", facts=facts).accelerator == "inferentia"
    assert chipwise.recommend(workload="training", facts=facts).accelerator == "trainium"


def test_defaults_are_neuron_yes_and_high_traffic(facts: Facts) -> None:
    inputs = {"workload": "inference", "neuron": "yes", "traffic": "high", "memory_gib": SMALL}
    assert dict(chipwise.recommend(workload="inference", facts=facts).inputs) == inputs


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
        (
            {"workload": "inference", "budget": "low"},
            "unknown input 'budget'; the inputs are: workload, neuron, traffic, memory_gib, params_billion, precision, headroom_percent",
        ),
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


def test_memory_needed_is_parameters_times_bytes_plus_headroom(facts: Facts) -> None:
    decision = chipwise.recommend(workload="inference", params_billion=70, precision="bf16", facts=facts)
    assert decision.memory_needed_gib == pytest.approx(70e9 * 2 / 2**30 * 1.2)
    assert decision.memory_arithmetic == "70 billion parameters × 2 bytes (BF16 / FP16) = 130.4 GiB of weights; + 20% headroom = 156.5 GiB"
    wider = chipwise.recommend(workload="inference", params_billion=70, precision="bf16", headroom_percent=50, facts=facts)
    assert wider.memory_needed_gib == pytest.approx(70e9 * 2 / 2**30 * 1.5)
    assert chipwise.recommend(workload="inference", facts=facts).memory_needed_gib is None


@pytest.mark.parametrize("parameters", [0.001, 0.5, 1, 3, 7, 13, 70, 180, 405, 1000, 3000, 12000, 100000])
@pytest.mark.parametrize("precision", ["fp32", "bf16", "fp8", "int8"])
@pytest.mark.parametrize("workload", ["training", "inference"])
@pytest.mark.parametrize("neuron", ["yes", "no"])
def test_sizing_names_the_smallest_size_that_fits_and_never_one_that_does_not(
    facts: Facts, parameters: float, precision: str, workload: str, neuron: str
) -> None:
    decision = chipwise.recommend(workload=workload, neuron=neuron, params_billion=parameters, precision=precision, facts=facts)
    needed = decision.memory_needed_gib
    assert needed is not None
    assert [size.family for size in decision.sizes] == list(decision.outcome.families)
    for sized in decision.sizes:
        fitting = [size for size in sized.family.sizes if size.accelerator_memory_gib >= needed]
        if sized.size is None:
            assert fitting == [], (sized.family.id, needed)
            assert sized.family.sizes == () or "no single" in sized.reason
        else:
            assert sized.size.accelerator_memory_gib >= needed
            assert sized.size == fitting[0]


@pytest.mark.parametrize("workload", ["training", "fine-tuning"])
def test_training_counts_awss_training_memory_per_parameter_not_the_weights(facts: Facts, workload: str) -> None:
    per_parameter = facts.fact("sagemaker.training_bytes_per_parameter").value
    assert per_parameter == 20
    decision = chipwise.recommend(workload=workload, params_billion=70, precision="fp8", facts=facts)
    assert decision.memory_needed_gib == pytest.approx(70e9 * 20 / 2**30 * 1.2)
    assert decision.memory_arithmetic.startswith("70 billion parameters × 20 bytes (training state with mixed precision and Adam")
    assert "GiB to train; + 20% headroom = 1,564.6 GiB" in decision.memory_arithmetic
    by_family = {sized.family.id: sized for sized in decision.sizes}
    assert by_family["trn2"].size is None and "Trn2 UltraServer" in by_family["trn2"].reason
    serving = chipwise.recommend(workload="inference", params_billion=70, precision="fp8", facts=facts)
    assert serving.memory_needed_gib == pytest.approx(70e9 * 1 / 2**30 * 1.2)


def test_serverless_inference_only_for_models_within_its_memory_limit(facts: Facts) -> None:
    small = chipwise.recommend(workload="inference", traffic="low", params_billion=1, precision="bf16", facts=facts)
    large = chipwise.recommend(workload="inference", traffic="low", params_billion=7, precision="bf16", facts=facts)
    assert small.rule.id == "inference-low-traffic"
    assert large.rule.id == "inference-neuron-large-low-traffic"
    assert large.sizes[0].size is not None and large.sizes[0].size.name == "inf2.xlarge"


def test_a_model_too_large_for_one_instance_says_so_and_points_beyond(facts: Facts) -> None:
    decision = chipwise.recommend(workload="training", params_billion=500, precision="bf16", facts=facts)
    by_family = {sized.family.id: sized for sized in decision.sizes}
    assert by_family["trn2"].size is None
    assert "no single Trn2 instance fits" in by_family["trn2"].reason
    assert "Trn2 UltraServer" in by_family["trn2"].reason
    assert by_family["trn3"].size is not None


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"params_billion": -5}, "params_billion must be a number from 0.001 to 100000 (billions of parameters); received -5"),
        ({"params_billion": "many"}, "params_billion must be a number from 0.001 to 100000 (billions of parameters); received 'many'"),
        ({"params_billion": float("inf")}, "params_billion must be a number from 0.001 to 100000"),
        ({"params_billion": 7, "precision": "fp4"}, "precision must be one of: fp32, bf16, fp8, int8; received 'fp4'"),
        ({"params_billion": 7, "headroom_percent": 5000}, "headroom_percent must be a number from 0 to 1000"),
        ({"precision": "fp8"}, "precision and headroom_percent size a model: give params_billion as well"),
        ({"memory_gib": -1}, "memory_gib must be a number from 0 to 1e+07 (GiB); received -1"),
    ],
)
def test_bad_numbers_name_the_allowed_range(facts: Facts, given: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        chipwise.recommend(workload="inference", facts=facts, **given)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)
