"""The decision table: a golden answer for every input combination, and UNIQUE verified by property tests."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chipwise
from chipwise.decision.engine import combinations, decide
from chipwise.errors import InvalidInput
from chipwise.guide.model import Facts
from tests.support import nonempty

# The memory need's pieces: the rules cut it at Serverless Inference's 6 GiB, the largest G6 (8 × 22,888 MiB, the
# largest GPU instance a batch transform job takes), the largest G6e (8 × 45,776 MiB), the largest Inf2 (384 GiB) and
# a trn2.48xlarge (1,536 GiB).
MEMORY = ("[0..6]", "(6..178.8125]", "(178.8125..357.625]", "(357.625..384]", "(384..1536]", "(1536..10000000]")
SMALL, G6_SIZE, G6E_SIZE, INF2_SIZE, TRN2_SIZE, HUGE = MEMORY
TRAINS = ("training", "fine-tuning")
REQUESTS = ("steady", "intermittent", "queued", "dataset")
INSTANCE_SERVING = {"steady": "real-time", "queued": "asynchronous", "dataset": "batch-transform"}


def _expected(workload: str, model: str, requests: str, memory: str) -> tuple[str, str]:
    """(how it is served, what it runs on), as the issue's cases state them, written out independently of the facts file."""
    if workload in TRAINS:
        serving = "training-job"
    elif requests == "intermittent":
        serverless = model != "nvidia-only" and memory == SMALL
        serving = "serverless" if serverless else "real-time"
    else:
        serving = INSTANCE_SERVING[requests]
    # A batch transform job takes only the instance types SageMaker lists for it: no Graviton, nothing larger than
    # an inf2.48xlarge for a Neuron model or a g6.48xlarge for an NVIDIA one (those go through a queue instead).
    if serving == "batch-transform" and model == "deep-learning" and memory in (TRN2_SIZE, HUGE):
        serving = "asynchronous"
    if serving == "batch-transform" and model == "nvidia-only" and memory not in (SMALL, G6_SIZE):
        serving = "asynchronous"
    if serving == "serverless":
        return serving, "serverless-compute"
    if model == "classical":
        return serving, "x86-cpu" if serving == "batch-transform" else "graviton"
    if model == "nvidia-only":
        if serving == "training-job" or memory in (INF2_SIZE, TRN2_SIZE, HUGE):
            return serving, "p5"
        return serving, "g6"
    if memory == HUGE:
        return serving, "trainium-ultraserver"
    if serving == "training-job" or memory == TRN2_SIZE:
        return serving, "trn2"
    return serving, "inf2"


GOLDEN = [
    (workload, model, requests, memory, *_expected(workload, model, requests, memory))
    for workload in ("training", "fine-tuning", "inference")
    for model in ("deep-learning", "nvidia-only", "classical")
    for requests in REQUESTS
    for memory in MEMORY
]


@pytest.mark.parametrize(("workload", "model", "requests", "memory", "serving", "hardware"), GOLDEN, ids=["-".join(row[:4]) for row in GOLDEN])
def test_golden_decision(facts: Facts, workload: str, model: str, requests: str, memory: str, serving: str, hardware: str) -> None:
    decision = chipwise.recommend(workload=workload, model=model, requests=requests, memory_gib=memory, facts=facts)
    assert {step.table.id: step.outcome.id for step in decision.steps} == {"serving": serving, "hardware": hardware}


def test_golden_table_covers_every_combination(facts: Facts) -> None:
    every = {tuple(inputs.values()) for inputs in combinations(facts.decision)}
    assert {row[:4] for row in GOLDEN} == every


@pytest.mark.parametrize(
    ("inputs", "title"),
    [
        ({"workload": "training"}, "Amazon EC2 or a SageMaker training job on Trn2 (AWS Trainium2)"),
        ({"workload": "inference"}, "A SageMaker real-time endpoint on Inf2 (AWS Inferentia2)"),
        ({"workload": "inference", "requests": "queued", "params_billion": 8}, "SageMaker Asynchronous Inference on Inf2 (AWS Inferentia2), inf2.xlarge"),
        ({"workload": "inference", "params_billion": 405}, "A SageMaker real-time endpoint on Trn2 (AWS Trainium2), trn2.48xlarge"),
        ({"workload": "inference", "model": "classical", "requests": "intermittent"}, "SageMaker Serverless Inference on CPU compute that SageMaker manages"),
        ({"workload": "inference", "model": "classical", "requests": "dataset"}, "A SageMaker batch transform job on M5 CPU instances (x86)"),
        (
            {"workload": "inference", "model": "nvidia-only", "params_billion": 70},
            "A SageMaker real-time endpoint on G6 or G6e (NVIDIA L4 or L40S GPUs), g6.48xlarge",
        ),
    ],
)
def test_the_title_names_what_serves_it_what_it_runs_on_and_the_smallest_size(facts: Facts, inputs: dict[str, object], title: str) -> None:
    assert chipwise.recommend(facts=facts, **inputs).title == title  # type: ignore[arg-type]


def test_the_issues_cases_are_decided_as_aws_does(facts: Facts) -> None:
    """A scikit-learn model at 50 requests a day, Llama 3.1 405B at steady volume, a nightly job, long payloads."""
    sklearn = chipwise.recommend(workload="inference", model="classical", requests="intermittent", facts=facts)
    assert sklearn.outcomes[0].id == "serverless"
    llama = chipwise.recommend(workload="inference", params_billion=405, precision="bf16", facts=facts)
    assert llama.outcome.id == "trn2" and llama.size is not None and llama.size.name == "trn2.48xlarge"
    assert chipwise.recommend(workload="inference", requests="dataset", facts=facts).outcomes[0].id == "batch-transform"
    assert chipwise.recommend(workload="inference", requests="queued", facts=facts).outcomes[0].id == "asynchronous"


def test_seed_exam_rule_holds(facts: Facts) -> None:
    """The exam's simplification: predictions in production -> Inferentia; training -> Trainium."""
    assert chipwise.recommend(workload="inference", facts=facts).accelerator == "inferentia"
    assert chipwise.recommend(workload="training", facts=facts).accelerator == "trainium"


def test_defaults_are_a_deep_learning_model_with_steady_requests(facts: Facts) -> None:
    inputs = {"workload": "inference", "model": "deep-learning", "requests": "steady", "memory_gib": SMALL}
    assert dict(chipwise.recommend(workload="inference", facts=facts).inputs) == inputs


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ({"neuron": "yes"}, {"model": "deep-learning"}),
        ({"neuron": "no"}, {"model": "nvidia-only"}),
        ({"traffic": "high"}, {"requests": "steady"}),
        ({"traffic": "low"}, {"requests": "intermittent"}),
    ],
)
def test_the_previous_releases_inputs_still_decide_with_a_deprecation_warning(facts: Facts, old: dict[str, str], new: dict[str, str]) -> None:
    with pytest.warns(DeprecationWarning, match=f"^deprecated: {next(iter(old))}="):
        through_old = chipwise.recommend(workload="inference", facts=facts, **old)
    assert through_old == chipwise.recommend(workload="inference", facts=facts, **new)


def test_a_graph_whose_table_reads_a_later_table_is_refused(tmp_path: Path) -> None:
    from tests.support import FIXTURES

    text = (FIXTURES / "minimal.yml").read_text(encoding="utf-8").replace("reads: [workload, neuron]", "reads: [workload, neuron, chip]")
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(chipwise.FactsError) as caught:
        chipwise.load_facts(path)
    assert [problem.message for problem in caught.value.problems] == [
        "'chip' reads 'chip', which is not decided before it: list tables in the order they decide (a table may not read itself or a later one)"
    ]


def test_an_input_no_table_reads_is_refused(tmp_path: Path) -> None:
    from tests.support import FIXTURES

    text = (FIXTURES / "minimal.yml").read_text(encoding="utf-8").replace("reads: [workload, neuron]", "reads: [workload]")
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(chipwise.FactsError) as caught:
        chipwise.load_facts(path)
    assert [problem.message for problem in caught.value.problems] == ["no table reads the input 'neuron': read it in a table's reads, or remove it"]


def test_every_reason_cites_a_fact_or_a_source_with_a_url(facts: Facts) -> None:
    for rule in nonempty(facts.decision.rules):
        for reason in nonempty(rule.reasons):
            assert reason.sources and all(source.url.startswith("https://") for source in reason.sources), (rule.id, reason.text)
            assert "{" not in reason.text


def test_reasons_show_their_numbers_from_the_facts(facts: Facts) -> None:
    decision = chipwise.recommend(workload="training", facts=facts)
    saving = facts.fact("trn2.cost_to_train")
    assert decision.rule.id == "train-deep-learning"
    assert any(saving.phrase in reason.text and saving in reason.facts for reason in decision.rule.reasons)


@pytest.mark.parametrize(
    ("given_inputs", "message"),
    [
        ({"workload": "serving"}, "workload must be one of: training, fine-tuning, inference; received 'serving'"),
        ({"workload": "inference", "requests": "medium"}, "requests must be one of: steady, intermittent, queued, dataset; received 'medium'"),
        ({"model": "classical"}, "workload is required; choose one of: training, fine-tuning, inference"),
        (
            {"workload": "inference", "budget": "low"},
            "unknown input 'budget'; the inputs are: workload, model, requests, memory_gib, params_billion, precision, headroom_percent",
        ),
    ],
)
def test_invalid_inputs_name_the_allowed_values(facts: Facts, given_inputs: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidInput, match="^" + message.replace("(", r"\(").replace(")", r"\)") + "$"):
        decide(facts.decision, **given_inputs)


@given(data=st.data())
def test_any_valid_input_gets_exactly_one_rule_per_table(facts: Facts, data: st.DataObject) -> None:
    inputs = {item.name: data.draw(st.sampled_from(item.value_names), label=item.name) for item in facts.decision.inputs}
    decision = decide(facts.decision, **inputs)
    values: dict[str, str] = dict(inputs)
    assert len(decision.steps) == len(facts.decision.tables) == 2
    for table, step in nonempty(zip(facts.decision.tables, decision.steps, strict=True)):
        matching = [rule for rule in table.rules if rule.matches(values)]
        assert matching == [step.rule]
        values[table.id] = step.outcome.id


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
    head = text[: text.index("      rules:\n")]
    rules = "      rules:\n"
    for index, (workloads, neurons) in enumerate(conditions):
        when = f"            workload: [{', '.join(sorted(workloads))}]\n"
        if neurons:
            when += "            neuron: [" + ", ".join(f'"{value}"' for value in sorted(neurons)) + "]\n"
        reasons = "          reasons:\n            - text: Trn1 offers {trn1.cost_to_train}.\n"
        rules += f"        rule-{index}:\n          when:\n{when}          then: trainium\n" + reasons
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
@pytest.mark.parametrize("model", ["deep-learning", "nvidia-only"])
def test_sizing_names_the_smallest_size_that_fits_and_never_one_that_does_not(
    facts: Facts, parameters: float, precision: str, workload: str, model: str
) -> None:
    decision = chipwise.recommend(workload=workload, model=model, params_billion=parameters, precision=precision, facts=facts)
    needed = decision.memory_needed_gib
    assert needed is not None
    assert [size.family for size in decision.sizes] == list(decision.outcome.families)
    for sized in nonempty(decision.sizes):
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
    assert decision.outcome.id == "trainium-ultraserver"
    assert decision.size is not None and decision.size.name == "trn3-gen1-ultraserver"
    serving = chipwise.recommend(workload="inference", params_billion=70, precision="fp8", facts=facts)
    assert serving.memory_needed_gib == pytest.approx(70e9 * 1 / 2**30 * 1.2)


def test_serverless_inference_only_for_models_within_its_memory_limit(facts: Facts) -> None:
    small = chipwise.recommend(workload="inference", requests="intermittent", params_billion=1, precision="bf16", facts=facts)
    large = chipwise.recommend(workload="inference", requests="intermittent", params_billion=7, precision="bf16", facts=facts)
    assert [step.rule.id for step in small.steps] == ["serve-intermittent-serverless", "serverless-compute"]
    assert [step.rule.id for step in large.steps] == ["serve-intermittent-large", "serve-deep-learning"]
    assert large.size is not None and large.size.name == "inf2.xlarge"


def test_a_model_too_large_for_one_instance_says_so_and_points_beyond(facts: Facts) -> None:
    serving = chipwise.recommend(workload="inference", params_billion=1000, precision="bf16", facts=facts)
    assert serving.outcome.id == "trainium-ultraserver"
    assert serving.size is not None and serving.size.name == "trn3-gen1-ultraserver"
    huge = chipwise.recommend(workload="training", params_billion=1000, precision="bf16", facts=facts)
    assert huge.size is None
    assert "no single Trn3 UltraServer instance fits" in huge.sizes[0].reason


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"params_billion": -5}, "params_billion must be a number from 0.001 to 100000 (billions of parameters); received -5"),
        ({"params_billion": "many"}, "params_billion must be a number from 0.001 to 100000 (billions of parameters), written with the digits 0-9"),
        ({"params_billion": "1_000"}, "params_billion must be a number from 0.001 to 100000 (billions of parameters), written with the digits 0-9"),
        ({"params_billion": "\u0667"}, "params_billion must be a number from 0.001 to 100000 (billions of parameters), written with the digits 0-9"),
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


def test_a_decided_case_is_answered_again_from_memory_but_only_for_the_same_typed_inputs(facts: Facts) -> None:
    case = {"workload": "inference", "model": "deep-learning", "requests": "steady", "params_billion": 1}
    first = decide(facts.decision, **case)
    assert decide(facts.decision, **case) is first
    # True == 1 in Python, but True is no number of parameters: the remembered answer for 1 must not serve it.
    with pytest.raises(InvalidInput, match=r"^params_billion must be a number"):
        decide(facts.decision, **{**case, "params_billion": True})
    assert decide(facts.decision, **{**case, "params_billion": 1.0}).parameters_billion == 1.0
    # A refused case is refused every time: refusals are never remembered.
    for _ in range(2):
        with pytest.raises(InvalidInput):
            decide(facts.decision, **{**case, "params_billion": -5})
