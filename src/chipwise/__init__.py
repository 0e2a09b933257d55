"""chipwise: one checked facts file about AWS Inferentia and Trainium, and a decision graph over it."""

from __future__ import annotations

import warnings

from chipwise.decision.engine import Decision, decide, replace_deprecated
from chipwise.errors import FactsError, InvalidInput, Problem
from chipwise.guide.load import default_facts_path, load_facts
from chipwise.guide.model import Facts

__all__ = ["Decision", "Facts", "FactsError", "InvalidInput", "Problem", "default_facts_path", "load_facts", "recommend"]


def recommend(facts: Facts | None = None, **inputs: object) -> Decision:
    """What serves a workload and what it runs on, decided by the facts file's decision graph (see
    `chipwise recommend`).

    The keyword arguments are the graph's inputs (today workload, model, requests and memory_gib, or
    params_billion with precision); one left out takes its default, and an unknown input or value raises
    InvalidInput naming the allowed ones. The previous release's neuron and traffic still work, with a
    DeprecationWarning.
    """
    graph = (facts or load_facts()).decision
    current, messages = replace_deprecated(graph, inputs)
    for message in messages:
        warnings.warn(message, DeprecationWarning, stacklevel=2)
    return decide(graph, **current)
