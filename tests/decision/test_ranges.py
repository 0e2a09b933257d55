"""Ranges on numeric decision inputs: parsed like DMN unary tests, and proved complete and unambiguous by
reasoning over the pieces they cut the input's range into."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import chipwise
from chipwise.decision.model import Interval, NumericRange
from chipwise.decision.ranges import parse, piece_name, pieces
from chipwise.errors import FactsError
from tests.support import FACTS_FILE


def number(bound: str) -> float:
    return float(bound)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("<= 6", Interval(-math.inf, 6, False, True)),
        ("< 6", Interval(-math.inf, 6, False, False)),
        (">= 2.5", Interval(2.5, math.inf, True, False)),
        ("> 6", Interval(6, math.inf, False, False)),
        ("[2..8)", Interval(2, 8, True, False)),
        ("(2..8]", Interval(2, 8, False, True)),
    ],
)
def test_range_tests_parse_like_dmn(text: str, interval: Interval) -> None:
    assert parse(text, number) == interval


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("about 6", "expected a range like '<= 6', '> 6' or '\\[2..8\\)', received 'about 6'"),
        ("[8..2]", "the range '\\[8..2\\]' is empty"),
        ("<= six", "could not convert"),
    ],
)
def test_a_bad_range_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse(text, number)


def test_pieces_cut_the_range_at_every_bound_and_nowhere_else() -> None:
    numeric = NumericRange("GiB", 0, 100)
    cut = pieces(numeric, [parse("<= 6", number), parse("> 6", number), parse("[2..8)", number)])
    assert [piece_name(piece) for piece in cut] == ["[0..2)", "[2..6]", "(6..8)", "[8..100]"]
    assert [piece_name(piece) for piece in pieces(numeric, [parse("< 6", number), parse(">= 6", number), parse("<= 6", number)])] == [
        "[0..6)",
        "[6..6]",
        "(6..100]",
    ]


def test_the_real_table_cuts_memory_at_serverless_inferences_limit(facts: chipwise.Facts) -> None:
    memory = next(item for item in facts.decision.inputs if item.name == "memory_gib")
    limit = float(facts.fact("sagemaker.serverless_memory_max").value) / 1024
    assert memory.value_names[0] == f"[0..{limit:g}]"
    assert memory.value_names[1:] == ("(6..178.8125]", "(178.8125..357.625]", "(357.625..384]", "(384..1536]", "(1536..10000000]")
    assert [value.label for value in memory.values][:2] == ["at most 6 GiB", "(6..178.81] GiB"]


def test_a_bound_may_be_an_instance_sizes_accelerator_memory(facts: chipwise.Facts) -> None:
    """'<= {g6e.48xlarge}': the largest G6e's 8 × 45,776 MiB, in GiB, from its sourced row."""
    rule = next(rule for rule in facts.decision.rules if rule.id == "serve-nvidia")
    assert rule.ranges["memory_gib"].high == pytest.approx(8 * 45776 / 1024)


def _problems(tmp_path: Path, old: str, new: str) -> list[str]:
    text = FACTS_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "facts.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for sibling in FACTS_FILE.parent.glob(f"{FACTS_FILE.stem}.*.yml"):
        (tmp_path / sibling.name).write_text(sibling.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        chipwise.load_facts(path)
    return [f"{problem.location.line}: {problem.key_path}: {problem.message}" for problem in caught.value.problems]


LARGE_NEURON = '''            requests: [intermittent]
            model: [deep-learning, classical]
            memory_gib: "> {sagemaker.serverless_memory_max}"
          then: real-time'''


def test_a_range_that_leaves_a_gap_is_located_with_the_region(tmp_path: Path) -> None:
    problems = _problems(tmp_path, LARGE_NEURON, LARGE_NEURON.replace('"> {sagemaker.serverless_memory_max}"', '"> 8"'))
    assert any(
        "decision.tables.serving.rules: gap: no rule decides workload=inference, requests=intermittent, model=deep-learning or classical, memory_gib=(6..8]"
        in problem
        for problem in problems
    ), problems


def test_a_range_that_overlaps_is_located_at_the_rule(tmp_path: Path) -> None:
    problems = _problems(tmp_path, LARGE_NEURON, LARGE_NEURON.replace('"> {sagemaker.serverless_memory_max}"', '">= 4"'))
    assert any(
        "decision.tables.serving.rules.serve-intermittent-large.when: overlap: rules 'serve-intermittent-serverless' and "
        "'serve-intermittent-large' both decide workload=inference, requests=intermittent, model=deep-learning or classical, memory_gib=[4..6]"
        in problem
        for problem in problems
    ), problems


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (
            '"> {sagemaker.serverless_memory_mx}"',
            "unknown fact or instance size 'sagemaker.serverless_memory_mx'; did you mean 'sagemaker.serverless_memory_max'?",
        ),
        ('"> {neuron.frameworks}"', "the fact 'neuron.frameworks' is text; a range bound needs a number"),
        ('["big"]', "a numeric input is tested with one range"),
        ('"roughly big"', "expected a range like '<= 6', '> 6' or '[2..8)'"),
    ],
)
def test_a_bad_range_in_the_facts_file_is_located(tmp_path: Path, new: str, message: str) -> None:
    problems = _problems(tmp_path, LARGE_NEURON, LARGE_NEURON.replace('"> {sagemaker.serverless_memory_max}"', new))
    assert any("decision.tables.serving.rules.serve-intermittent-large.when.memory_gib: " + message in problem for problem in problems), problems
