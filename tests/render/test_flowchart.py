"""The flowchart is generated from the decision table and agrees with it for every input."""

from __future__ import annotations

from chipwise.facts.model import Facts
from chipwise.render import flowchart
from chipwise.rules import combinations, decide


def walk(node: flowchart.Node, inputs: dict[str, str]) -> str:
    """Follow the tree as a reader would, answering each question from `inputs`."""
    while isinstance(node, flowchart.Question):
        label = next(value.label for value in node.input.values if value.name == inputs[node.input.name])
        node = next(child for labels, child in node.branches if label in labels)
    return node.rule.id


def test_walking_the_tree_gives_the_engines_answer_for_every_combination(facts: Facts) -> None:
    tree = flowchart.build_tree(facts.decision)
    for inputs in combinations(facts.decision):
        assert walk(tree, inputs) == decide(facts.decision, **inputs).rule.id, inputs


def test_every_rule_is_a_leaf_and_training_skips_the_traffic_question(facts: Facts) -> None:
    tree = flowchart.build_tree(facts.decision)
    assert sorted(rule.id for rule in flowchart.leaves(tree)) == sorted(rule.id for rule in facts.decision.rules)
    assert isinstance(tree, flowchart.Question) and tree.input.name == "workload"
    training = next(child for labels, child in tree.branches if "Training" in labels)
    assert isinstance(training, flowchart.Question) and training.input.name == "neuron"


def test_mermaid_source_names_every_rule_question_and_outcome(facts: Facts) -> None:
    source = flowchart.mermaid_source(facts.decision)
    assert source.startswith("---\ntitle: ")
    assert "flowchart TD" in source
    for rule in facts.decision.rules:
        assert "rule_" + rule.id.replace("-", "_") in source
        assert rule.outcome.title in source
    for item in facts.decision.inputs:
        assert item.question in source


def test_svg_is_accessible_and_links_each_outcome(facts: Facts) -> None:
    hrefs = {rule.id: f"#rule-{rule.id}" for rule in facts.decision.rules}
    svg = flowchart.flowchart_svg(facts.decision, hrefs)
    assert 'role="group"' in svg and 'aria-labelledby="chipwise-flow-title"' in svg and "<title" in svg and "<desc" in svg
    for rule in facts.decision.rules:
        assert f'href="#rule-{rule.id}"' in svg and f'data-rule="{rule.id}"' in svg
    assert "<script" not in svg
