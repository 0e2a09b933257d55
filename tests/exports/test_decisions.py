"""api/decisions.json: valid against its schema, one decision per combination of the graph's inputs, each with
one step per table, as the engine decides it."""

from __future__ import annotations

import json

import jsonschema

from chipwise.decision.engine import combinations, decide
from chipwise.exports import decisions_schema, site_files
from chipwise.guide.model import Facts
from tests.support import DECISION_COMBINATIONS, nonempty


def test_decisions_json_matches_its_schema_and_the_engine(facts: Facts) -> None:
    generated = site_files.generated_files(facts)
    published = json.loads(generated["api/decisions.json"])
    schema = json.loads(generated[decisions_schema.SCHEMA_PATH])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(published)
    every = list(combinations(facts.decision))
    assert len(published["decisions"]) == len(every) == DECISION_COMBINATIONS
    for entry, inputs in nonempty(zip(published["decisions"], every, strict=True)):
        decision = decide(facts.decision, **inputs)
        assert entry["title"] == decision.title
        assert [step["table"] for step in entry["steps"]] == [table.id for table in facts.decision.tables]
    assert [table["id"] for table in published["tables"]] == ["serving", "hardware"]
    assert published["deprecated"]["neuron"] == {"input": "model", "values": {"yes": "deep-learning", "no": "nvidia-only"}}


def test_the_schema_refuses_a_decision_without_its_trace(facts: Facts) -> None:
    published = json.loads(site_files.generated_files(facts)["api/decisions.json"])
    del published["decisions"][0]["steps"]
    validator = jsonschema.Draft202012Validator(decisions_schema.json_schema())
    assert [error.message for error in validator.iter_errors(published)] == ["'steps' is a required property"]
