"""The real facts file says what AWS's pages say today, and names the copy of each it was compared with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import chipwise
from chipwise.errors import FactsError
from chipwise.facts.file_schema import is_aws_url
from chipwise.guide.model import Facts
from chipwise.vocabulary import Authority, Kind, Status
from tests.support import FACTS_FILE, nonempty


def test_inf1_is_legacy_and_never_recommended(facts: Facts) -> None:
    assert facts.families["inf1"].status is Status.LEGACY
    for rule in nonempty(facts.decision.rules):
        assert "inf1" not in [family.id for family in rule.outcome.families], rule.id
    deep_learning = facts.decision.input("model").values[0]
    assert facts.fact("neuron.frameworks").phrase in deep_learning.explanation


def test_trainium3_and_the_ultraservers_are_covered(facts: Facts) -> None:
    assert facts.families["trn3"].chip == "AWS Trainium3"
    beyond_one_instance = facts.decision.outcomes["trainium-ultraserver"]
    assert "trn3" in [family.id for family in beyond_one_instance.families]
    assert facts.fact("trn3.gen2_chips").value == 144
    assert facts.fact("trn2.ultraserver_chips").value == 64
    assert "Trn3" in facts.glossary
    assert "in one instance" not in facts.glossary["NeuronLink"]
    assert "newer Trainium generation" not in facts.glossary["Trn2"]
    assert "Trn3" in next(rule.instances for rule in facts.exam.rule if rule.answer == "AWS Trainium")


def test_trn3_shows_both_ultraserver_configurations_and_its_switch(facts: Facts) -> None:
    specs = facts.families["trn3"].specs
    assert [fact.value for fact in specs["chips"]] == [64, 144]
    assert [fact.id for fact in specs["memory"]] == ["trn3.gen1_memory", "trn3.gen2_memory"]
    assert facts.fact("trn3.interconnect").value == "NeuronSwitch-v1"
    assert "NeuronSwitch-v1" in facts.fact("trn3.interconnect").quote
    assert facts.fact("trn3.availability").value == "trn3 instances and UltraServers"
    for term in ("UltraServer", "Trn3", "NeuronLink"):
        assert "only" not in facts.glossary[term], term
    assert all("only" not in size.note for size in nonempty(facts.families["trn3"].sizes))


def test_trn1_is_listed_for_training_and_inference(facts: Facts) -> None:
    assert facts.families["trn1"].role == "Training and inference"
    assert facts.fact("trn1.purpose").value == "Training and inference"
    assert "Trn1" in facts.fact("neuron.inference_instances").value
    assert "for training;" not in facts.glossary["Trn1"]


def test_each_neuron_framework_path_names_the_chips_it_runs_on(facts: Facts) -> None:
    assert "Trn2/Trn3" in facts.fact("neuron.pytorch_path_by_chip").value
    assert "Inf2/Trn1" in facts.fact("neuron.pytorch_path_by_chip").value
    assert "trn2" in facts.fact("neuron.torchneuron_instances").value
    assert facts.fact("neuron.xla_inference_trn_end").value == facts.fact("neuron.nxdi_trn_end").value == "Neuron 2.34"
    assert facts.fact("inf1.support").value == "no longer supported"
    assert facts.fact("inf1.last_driver").value == "2.24"


def test_trainium_serves_inference_as_aws_says_beside_the_exam_rule(facts: Facts) -> None:
    assert facts.fact("trn2.purpose").value == "training and inference"
    assert facts.fact("trn3.purpose").value == "training and inference"
    inference = next(rule for rule in facts.decision.rules if rule.id == "serve-deep-learning")
    assert inference.outcome.accelerator == "inferentia"
    larger = next(rule for rule in facts.decision.rules if rule.id == "serve-deep-learning-large")
    assert larger.outcome.id == "trn2"
    assert any(facts.fact("trn2.purpose") in reason.facts for reason in larger.reasons)


def test_the_70_percent_claim_is_awss_own_inf1_claim_against_gpus(facts: Facts) -> None:
    cost = facts.fact_checks["cost"]
    assert cost.verdict == "confirmed"
    assert "not GPUs" not in cost.explanation
    claim = facts.fact("inf1.cost_vs_gpu")
    assert (claim.value, claim.source.id) == (70, "wa-mlcost05-bp02")  # type: ignore[union-attr]
    assert "current generation GPU-based" in claim.quote
    assert "inference-optimized" in facts.fact("inf1.cost_vs_comparable").quote
    assert facts.fact("inf1.throughput_vs_gpu").value == 2.3


def test_the_low_traffic_rule_is_bounded_by_serverless_limits(facts: Facts) -> None:
    rule = next(rule for rule in facts.decision.rules if rule.id == "serve-intermittent-serverless")
    cited = {fact.id for reason in rule.reasons for fact in reason.facts}
    assert {"sagemaker.serverless_fit", "sagemaker.serverless_memory_max", "sagemaker.serverless_no_gpus"} <= cited
    assert facts.fact("sagemaker.serverless_memory_max").value == 6144
    assert "memory_gib" in rule.ranges, "the rule itself holds Serverless Inference to its memory limit"
    assert rule.when["model"] == {"deep-learning", "classical"}, "a model that needs a GPU cannot use Serverless Inference, which has none"


def test_figures_that_changed_or_had_no_aws_source(facts: Facts) -> None:
    assert facts.fact("trn1.ultracluster_chips").value == 100_000
    assert "inf2.network_max" not in facts.facts
    assert "network" not in facts.families["inf2"].specs


def test_the_exam_guide_wording_is_never_a_third_party_copy_passed_off_as_aws(facts: Facts) -> None:
    objective = facts.fact("exam.cost_objective")
    assert objective.kind is Kind.THIRD_PARTY
    assert objective.source.authority is Authority.THIRD_PARTY  # type: ignore[union-attr]
    # AWS's Domain 3 page has its own "cost tradeoffs of various approaches" objective (Task 3.1); the Task 2.3
    # objective's wording rests on the third-party copy alone and is never given an AWS source.
    assert "various" not in str(objective.value)
    assert all(
        fact.source.authority is Authority.THIRD_PARTY  # type: ignore[union-attr]
        for fact in nonempty([fact for fact in facts.facts.values() if fact.unit == "text" and "Describe cost tradeoffs" in str(fact.value)])
    )
    customization = facts.fact("exam.customization_objective")
    assert customization.source.authority is Authority.AWS  # type: ignore[union-attr]
    assert customization.value == customization.quote


def test_every_source_names_the_copy_read_and_aws_sources_are_on_aws_domains(facts: Facts) -> None:
    for source in nonempty(facts.sources.values()):
        assert source.checked_copy is not None, source.id
        if source.checked_copy.url is None:
            assert re.fullmatch(r"[0-9a-f]{40}", str(source.checked_copy.commit)), source.id
        if source.authority is Authority.AWS:
            assert is_aws_url(source.url), source.id
    for fact in nonempty(facts.facts.values()):
        if fact.kind in (Kind.SPEC, Kind.VENDOR_CLAIM, Kind.EXAM_GUIDE):
            assert fact.source is not None and fact.source.authority is Authority.AWS, fact.id


def test_every_fact_was_verified_on_or_after_the_facts_version(facts: Facts) -> None:
    version_day = "-".join(f"{int(part):02d}" for part in facts.meta.version.split(".")[:3])
    assert all(fact.verified.isoformat() <= version_day for fact in nonempty(facts.facts.values()))


def _problems_after(tmp_path: Path, old: str, new: str) -> list[str]:
    text = FACTS_FILE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "facts.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        chipwise.load_facts(path, for_site=True)
    return [f"{problem.key_path}: {problem.message}" for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "Both exist: Inf1 carries {inf1.chips_max} (Inferentia)",
            "Both exist: Inf1 carries {inf1.chips_max} Inferentia chips",
            "fact_checks.instance-types.explanation: {inf1.chips_max} already reads 'up to 16 chips', unit included; "
            "the words after it repeat 'chips'",
        ),
        (
            "    url: https://aws.amazon.com/blogs/aws/majority-of-alexa-now-running-on-faster-more-cost-effective-amazon-ec2-inf1-instances/",
            "    url: https://example.com/a-copy-of-the-alexa-post/",
            "sources.blog-alexa-inf1.url: an aws source must be on an AWS domain",
        ),
        (
            "    source: blog-alexa-inf1\n    quote: Inf1 instances provide up to 30% higher",
            "    source: aif-c01-task23-copy\n    quote: Inf1 instances provide up to 30% higher",
            "facts.inf1.throughput_vs_g4.source: a vendor-claim fact states what AWS says, so its source must be an aws source",
        ),
        (
            "    checked_copy: {repository: aws-neuron/aws-neuron-sdk, path: about-neuron/arch/neuron-hardware/inf1-arch.rst, "
            "commit: 81ce03ae261e12925e53437a0f690478e6366155}",
            "    checked_copy: {repository: aws-neuron/aws-neuron-sdk, path: about-neuron/arch/neuron-hardware/inf1-arch.rst}",
            "sources.neuron-inf1-arch.checked_copy: a repository file needs repository, path and commit; missing: commit",
        ),
        (
            "            Inferentia is for serving trained models: AWS deploys it for {inf2.deploy_for}, and only through the AWS\n"
            "            Neuron SDK ({neuron.frameworks}). Its largest instance holds {inf2.memory_max} of accelerator memory.",
            "            Inferentia is for serving trained models.",
            "decision.tables.hardware.outcomes.inf2.why_not: say what this outcome is for citing at least one fact",
        ),
        (
            "    same_point_as: [purpose, training-chip]",
            "    same_point_as: [purpose, training-chips]",
            "fact_checks.exam-rule.same_point_as[1]: unknown other fact check 'training-chips'; did you mean 'training-chip'?",
        ),
        (
            "  neuron.benchmarks_archived:\n",
            "  neuron.benchmarks_gone:\n",
            "facts: the benchmark rows are shown with what AWS says of its benchmark pages: add the fact 'neuron.benchmarks_archived'",
        ),
        (
            "      chips: [trn3.gen1_chips, trn3.gen2_chips]",
            "      chips: [trn3.gen1_chips, trn3.gen3_chips]",
            "families.trn3.specs.chips[1]: unknown fact 'trn3.gen3_chips'",
        ),
    ],
    ids=[
        "doubled-unit", "aws-source-off-aws", "aws-claim-from-third-party", "partial-checked-copy", "outcome-explained-without-a-fact",
        "same-point-as-unknown-check", "benchmarks-without-awss-archive-statement", "spec-list-names-an-unknown-fact",
    ],
)
def test_provenance_and_wording_mistakes_are_refused(tmp_path: Path, old: str, new: str, expected: str) -> None:
    problems = _problems_after(tmp_path, old, new)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_every_size_of_the_families_the_rules_name_gives_memory_vcpus_and_network_from_aws(facts: Facts) -> None:
    named = {family.id for outcome in facts.decision.outcomes.values() for family in outcome.families}
    for family_id in nonempty(named - {"c7g"}):
        sizes = facts.families[family_id].sizes
        assert sizes, family_id
        for size in sizes:
            assert size.source.authority == Authority.AWS, size.name
            assert size.accelerator_memory_gib > 0 and size.vcpus and size.network_gbps, size.name
    g5 = {size.name: size for size in facts.families["g5"].sizes}
    assert len(g5) == 8
    assert g5["g5.48xlarge"].accelerators == 8
    assert g5["g5.48xlarge"].accelerator_memory == 8 * 22888  # MiB, as EC2 reports one A10G
    assert round(g5["g5.48xlarge"].accelerator_memory_gib, 2) == 178.81
    assert g5["g5.xlarge"].network_gbps == 2.5 and g5["g5.xlarge"].network_qualifier == "baseline"
    inf2 = {size.name: size for size in facts.families["inf2"].sizes}
    assert inf2["inf2.xlarge"].network_text == "up to 15 Gbps"
    assert inf2["inf2.xlarge"].network_source is not None and inf2["inf2.xlarge"].network_source.id == "ec2-accelerated"


G5_XLARGE = "g5.xlarge: {family: g5, accelerators: 1, memory_per_accelerator: 22888, memory_unit: MiB, vcpus: 4, network_mbps: 2500"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (G5_XLARGE, G5_XLARGE.replace("vcpus: 4", "vcpus: 6"), "sizes.g5.xlarge.vcpus: the quoted row does not contain 6"),
        (
            G5_XLARGE,
            G5_XLARGE.replace("memory_per_accelerator: 22888", "memory_per_accelerator: 22888, accelerator_memory: 22888"),
            "sizes.g5.xlarge.memory_per_accelerator: give accelerator_memory or memory_per_accelerator, not both",
        ),
        (
            G5_XLARGE,
            G5_XLARGE.replace("memory_per_accelerator: 22888, ", ""),
            "sizes.g5.xlarge: give accelerator_memory (the size's total) or memory_per_accelerator",
        ),
        (
            'network_gbps: 15, network_qualifier: up to, source: neuron-inf2-arch',
            'network_gbps: 16, network_qualifier: up to, source: neuron-inf2-arch',
            "sizes.inf2.xlarge.network_gbps: the quoted row does not contain 16",
        ),
        (
            ', network_source: ec2-accelerated, network_quote: "inf2.xlarge † | Up to 15 Gigabit | ENA"',
            ', network_source: ec2-accelerated',
            "sizes.inf2.xlarge: network_source and network_quote go together",
        ),
    ],
    ids=["number-not-in-row", "memory-twice", "no-memory", "network-not-in-its-row", "network-source-without-row"],
)
def test_size_rows_state_only_what_their_rows_say(tmp_path: Path, old: str, new: str, expected: str) -> None:
    problems = _problems_after(tmp_path, old, new)
    assert any(problem.startswith(expected) for problem in problems), problems
