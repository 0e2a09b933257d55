"""Every answer that names a SageMaker way of serving names instances SageMaker offers for it.

The instance families each way takes, as AWS's SageMaker API Reference lists them (ProductionVariant and
TransformResources, valid values; read 2026-12-03 in the AWS SDK's service model, botocore 1.43.11): written out
here, independently of the facts file, as the golden table is."""

from __future__ import annotations

from chipwise.decision.engine import combinations, decide
from chipwise.guide.model import Facts
from tests.support import nonempty

ENDPOINT_FAMILIES = frozenset(
    [
        "c4",
        "c5",
        "c5d",
        "c6g",
        "c6gd",
        "c6gn",
        "c6i",
        "c6in",
        "c7g",
        "c7i",
        "c8g",
        "dl1",
        "g4dn",
        "g5",
        "g6",
        "g6e",
        "g7e",
        "inf1",
        "inf2",
        "m4",
        "m5",
        "m5d",
        "m6g",
        "m6gd",
        "m6i",
        "m7i",
        "m8g",
        "p2",
        "p3",
        "p4d",
        "p4de",
        "p5",
        "p5e",
        "p5en",
        "r5",
        "r5d",
        "r6g",
        "r6gd",
        "r6i",
        "r7gd",
        "r7i",
        "r8g",
        "t2",
        "trn1",
        "trn1n",
        "trn2",
    ]
)
"""ProductionVariantInstanceType: real-time endpoints and Asynchronous Inference endpoints."""
TRANSFORM_FAMILIES = frozenset(["c4", "c5", "c6i", "c7i", "g4dn", "g5", "g6", "inf2", "m4", "m5", "m6i", "m7i", "p2", "p3", "r6i", "r7i", "trn1"])
"""TransformInstanceType: batch transform jobs."""
OFFERED = {"real-time": ENDPOINT_FAMILIES, "asynchronous": ENDPOINT_FAMILIES, "batch-transform": TRANSFORM_FAMILIES}


def _hosted_family(facts: Facts, outcome_id: str) -> str:
    """The family a practice option names after a SageMaker way of serving ('ml.m5 instances' -> 'm5')."""
    return facts.practice.hosted_names[outcome_id].removeprefix("ml.").split()[0]


def test_every_sagemaker_answer_runs_on_instances_that_way_of_serving_offers(facts: Facts) -> None:
    decided = [decide(facts.decision, **inputs) for inputs in combinations(facts.decision)]
    hosted = [decision for decision in decided if decision.outcomes[0].id in OFFERED]
    for decision in nonempty(hosted):
        way, hardware = decision.outcomes[0].id, decision.outcomes[-1]
        if hardware.id == "trainium-ultraserver":
            continue  # beyond one trn2.48xlarge no SageMaker instance type holds the model (see the test below)
        offered = OFFERED[way]
        if hardware.families:  # an outcome with families (G6 or G6e) runs on one of them at least
            assert {family.id for family in hardware.families} & offered, (decision.inputs, way, hardware.id)
        assert _hosted_family(facts, hardware.id) in offered, (decision.inputs, way, hardware.id)


def test_only_a_model_larger_than_any_sagemaker_instance_is_answered_with_ultraservers(facts: Facts) -> None:
    """The one answer outside SageMaker's lists, kept in view: a Neuron model larger than a trn2.48xlarge holds."""
    memory = next(item for item in facts.decision.inputs if item.name == "memory_gib")
    ultraserver = [inputs for inputs in combinations(facts.decision) if decide(facts.decision, **inputs).outcomes[-1].id == "trainium-ultraserver"]
    for inputs in nonempty(ultraserver):
        assert (inputs["model"], inputs["memory_gib"]) == ("deep-learning", memory.value_names[-1]), inputs
