"""chipwise: one checked facts file about AWS Inferentia and Trainium, and a decision table over it."""

from __future__ import annotations

from chipwise.errors import FactsError, InvalidInput, Problem
from chipwise.facts.load import default_facts_path, load_facts
from chipwise.facts.model import Facts
from chipwise.rules import Decision, decide

__all__ = ["Decision", "Facts", "FactsError", "InvalidInput", "Problem", "default_facts_path", "load_facts", "recommend"]


def recommend(facts: Facts | None = None, **inputs: str | None) -> Decision:
    """The chip for a workload, decided by the facts file's decision table (see `chipwise recommend`).

    The keyword arguments are the table's inputs (today workload, neuron and traffic); one left out
    takes its default, and an unknown input or value raises InvalidInput naming the allowed ones.
    """
    return decide((facts or load_facts()).decision, **inputs)
