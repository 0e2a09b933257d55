"""The flowcharts are generated from the decision graph, one per table, and agree with the engine for every input."""

from __future__ import annotations

import itertools

from chipwise.decision.engine import combinations, decide
from chipwise.decision.model import Interval
from chipwise.guide.model import Facts
from chipwise.render import flowchart
from tests.support import nonempty


def walk(node: flowchart.Node, inputs: dict[str, str]) -> str:
    """Follow the tree as a reader would, answering each question from `inputs`."""
    while isinstance(node, flowchart.Split):
        value = next(value for value in node.input.values if value.name == inputs[node.input.name])
        if value.interval is not None:
            node = next(child for labels, child in node.branches if _label_holds(labels, value.interval))
        else:
            node = next(child for labels, child in node.branches if value.label in labels)
    return node.rule.id


def _label_holds(labels: tuple[str, ...], piece: Interval) -> bool:
    """Does a range label ('at most 384 GiB', '(384..1,536] GiB', 'more than 1,536 GiB') hold this piece?"""
    (label,) = labels
    number = (piece.low + min(piece.high, piece.low + 1)) / 2 if piece.high > piece.low else piece.low
    text = label.removesuffix(" GiB").replace(",", "")
    if text.startswith("at most "):
        return number <= float(text.removeprefix("at most "))
    if text.startswith("more than "):
        return number > float(text.removeprefix("more than "))
    low, high = text[1:-1].split("..")
    return float(low) < number <= float(high)


def test_walking_each_tables_tree_gives_the_engines_answer_for_every_combination(facts: Facts) -> None:
    trees = {table.id: flowchart.build_tree(table) for table in facts.decision.tables}
    for inputs in nonempty(combinations(facts.decision)):
        decision = decide(facts.decision, **inputs)
        values = dict(inputs)
        for step in nonempty(decision.steps):
            assert walk(trees[step.table.id], values) == step.rule.id, inputs
            values[step.table.id] = step.outcome.id


def test_every_rule_is_a_leaf_and_training_skips_the_requests_question(facts: Facts) -> None:
    for table in nonempty(facts.decision.tables):
        tree = flowchart.build_tree(table)
        assert {rule.id for rule in flowchart.leaves(tree)} == {rule.id for rule in table.rules}
    serving = flowchart.build_tree(facts.decision.table("serving"))
    assert isinstance(serving, flowchart.Split) and serving.input.name == "workload"
    training = next(child for labels, child in serving.branches if "Training" in labels)
    assert isinstance(training, flowchart.Leaf) and training.rule.id == "train"


def test_mermaid_source_names_every_rule_question_and_outcome(facts: Facts) -> None:
    source = flowchart.mermaid_source(facts.decision, "Which AWS option?")
    assert source.startswith("---\ntitle: ")
    assert "flowchart TD" in source
    for table in nonempty(facts.decision.tables):
        assert f"subgraph table_{table.id}" in source
    for rule in nonempty(facts.decision.rules):
        assert "rule_" + rule.id.replace("-", "_") in source
        assert rule.outcome.title in source
    for item in nonempty(facts.decision.inputs):
        assert item.question in source


def test_svg_is_accessible_and_links_each_outcome(facts: Facts) -> None:
    hrefs = {rule.id: f"#rule-{rule.id}" for rule in facts.decision.rules}
    for table in nonempty(facts.decision.tables):
        svg = flowchart.flowchart_svg(table, hrefs, f"{table.question} The decision flowchart of table {table.id}")
        assert 'role="group"' in svg and f'aria-labelledby="chipwise-flow-title-{table.id}"' in svg and "<title" in svg and "<desc" in svg
        for rule in nonempty(table.rules):
            assert f'href="#rule-{rule.id}"' in svg and f'data-rule="{rule.id}"' in svg
        assert "<script" not in svg


def test_no_outcome_box_repeats_a_name(facts: Facts) -> None:
    """'Inf2 (AWS Inferentia2)', never 'AWS Inferentia (Inf2) (Inf2)'."""
    for table in nonempty(facts.decision.tables):
        for rule in nonempty(flowchart.leaves(flowchart.build_tree(table))):
            words = rule.outcome.title.replace("(", " ").replace(")", " ").split()
            assert not any(first == second for first, second in nonempty(itertools.pairwise(words))), rule.outcome.title
