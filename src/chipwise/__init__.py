"""chipwise: one checked facts file about AWS Inferentia and Trainium, and a decision table over it."""

from __future__ import annotations

from chipwise.errors import FactsError, InvalidInput, Problem
from chipwise.facts.load import default_facts_path, load_facts
from chipwise.facts.model import Facts
from chipwise.rules import Decision, decide

__all__ = ["Decision", "Facts", "FactsError", "InvalidInput", "Problem", "default_facts_path", "load_facts", "recommend"]


def recommend(workload: str, neuron: str | None = None, traffic: str | None = None, facts: Facts | None = None) -> Decision:
    """The chip for a workload, decided by the facts file's decision table (see `chipwise recommend`)."""
    table = (facts or load_facts()).decision
    given = {"workload": workload, "neuron": neuron, "traffic": traffic}
    return decide(table, **{name: value for name, value in given.items() if value is not None})
