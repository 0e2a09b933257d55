"""The README's architecture drawing and package table agree with the package graph the code's imports make."""

from __future__ import annotations

import itertools
import re

import pytest
from scripts.package_graph import package_graph, reduction, short

from tests.support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = README.split("\n## Architecture\n", 1)[1].split("\n## ", 1)[0]
DRAWING = re.search(r"```mermaid\n(.*?)```", ARCHITECTURE, re.DOTALL)
ARROW = re.compile(r"^\s*(\w+) --> (\w+)\s*$", re.MULTILINE)
NODE = re.compile(r'^\s*(\w+)\["([\w.]+)<br/>[^"]+"\]\s*$', re.MULTILINE)
GRAPH = package_graph()


def drawn() -> str:
    assert DRAWING is not None, "the README's Architecture section has no ```mermaid drawing"
    return DRAWING.group(1)


def test_the_drawing_has_exactly_the_arrows_of_the_code_s_package_graph() -> None:
    in_code = {(short(imported), short(importer)) for imported, importer in reduction(GRAPH)}
    in_readme = set(ARROW.findall(drawn()))
    assert in_code, "the code has no package graph"
    missing = sorted(f"{a} --> {b}" for a, b in in_code - in_readme)
    extra = sorted(f"{a} --> {b}" for a, b in in_readme - in_code)
    assert not missing and not extra, f"drawn arrows missing: {missing}; not in the code: {extra}; see .venv/bin/python scripts/package_graph.py"


def test_every_node_of_the_drawing_is_a_package_of_the_code_named_in_its_label() -> None:
    labels = dict(NODE.findall(drawn()))
    assert {short(name) for name in labels.values()} == set(labels), "each node's id is its label's package name"
    assert set(labels.values()) == set(GRAPH)
    assert {name for pair in ARROW.findall(drawn()) for name in pair} == set(labels)


def test_the_package_table_names_every_package_of_the_code_once() -> None:
    table = ARCHITECTURE.split("| Package | What it holds |", 1)[1].split("\n\n", 1)[0]
    named = [name for row in table.splitlines()[2:] for name in re.findall(r"`([\w.]+)`", row.split(" | ", 1)[0])]
    assert sorted(named) == sorted(GRAPH)


def test_the_packages_follow_one_flow_with_no_loop() -> None:
    """read and check (facts) -> decide (decision) -> build the whole model (guide) -> render -> export -> site and command line."""

    def reaches(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            for importer in (importer for importer, imports in GRAPH.items() if node in imports):
                if importer not in seen:
                    seen.add(importer)
                    todo.append(importer)
        return seen

    assert [node for node in GRAPH if node in reaches(node)] == []
    flow = ["chipwise.facts", "chipwise.decision", "chipwise.guide", "chipwise.render", "chipwise.exports"]
    assert [(a, b) for a, b in itertools.pairwise(flow) if b not in reaches(a)] == []
    assert {"chipwise.site", "chipwise.cli"} <= reaches("chipwise.exports")


@pytest.mark.parametrize(
    ("graph", "arrows"),
    [
        pytest.param({"a": set(), "b": {"a"}, "c": {"a", "b"}}, {("a", "b"), ("b", "c")}, id="an implied arrow is left out"),
        pytest.param({"a": set(), "b": {"a"}, "c": {"a"}}, {("a", "b"), ("a", "c")}, id="two importers keep their arrows"),
    ],
)
def test_reduction_draws_only_the_arrows_no_longer_path_implies(graph: dict[str, set[str]], arrows: set[tuple[str, str]]) -> None:
    assert reduction(graph) == arrows
