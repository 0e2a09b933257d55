"""The JSON Schema of api/decisions.json: the decision graph's inputs and tables, and the engine's answer for
every combination of inputs, each with its trace (what the decision helper reads, and other tools may)."""

from __future__ import annotations

from typing import Any

from chipwise.vocabulary import Accelerator

SCHEMA_PATH = "api/decisions.schema.json"

_TEXT = {"type": "string", "minLength": 1}
_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"}
_IDS = {"type": "array", "items": _ID}
_FACT_IDS = {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*\\.[a-z0-9][a-z0-9_.-]*$"}}
_REASON = {
    "type": "object",
    "properties": {"text": _TEXT, "facts": _FACT_IDS, "sources": {"type": "array", "items": {"type": "string", "format": "uri"}}},
    "required": ["text", "facts", "sources"],
    "additionalProperties": False,
}
_ACCELERATOR = {"enum": [*Accelerator.values(), None]}
_INTERVAL = {
    "type": "object",
    "properties": {"low": {"type": "number"}, "high": {"type": "number"}, "low_closed": {"type": "boolean"}, "high_closed": {"type": "boolean"}},
    "required": ["low", "high", "low_closed", "high_closed"],
    "additionalProperties": False,
}


def _closed(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required or list(properties), "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of api/decisions.json."""
    value = _closed({"label": _TEXT, "explanation": {"type": "string"}, "interval": _INTERVAL}, ["label", "explanation"])
    decision_input = _closed(
        {
            "question": _TEXT,
            "default": {"type": ["string", "null"]},
            "values": {"type": "object", "additionalProperties": value, "minProperties": 1},
            "number": _closed({"unit": _TEXT, "minimum": {"type": "number"}, "maximum": {"type": "number"}, "computed": {"type": "string"}}),
        },
        ["question", "default", "values"],
    )
    outcome = _closed({"title": _TEXT, "accelerator": _ACCELERATOR, "families": _IDS})
    table = _closed(
        {
            "id": _ID,
            "question": _TEXT,
            "hit_policy": {"const": "UNIQUE"},
            "reads": {**_IDS, "minItems": 1},
            "outcomes": {"type": "object", "additionalProperties": outcome, "minProperties": 1},
            "rules": {**_IDS, "minItems": 1},
        }
    )
    step = _closed({"table": _ID, "question": _TEXT, "rule": _ID, "outcome": _ID, "title": _TEXT, "reasons": {"type": "array", "items": _REASON}})
    size = _closed(
        {
            "family": _ID,
            "size": {"type": ["string", "null"]},
            "accelerators": {"type": ["integer", "null"]},
            "accelerator_memory_gib": {"type": ["number", "null"]},
            "reason": _TEXT,
        }
    )
    decision = _closed(
        {
            "inputs": {"type": "object", "additionalProperties": {"type": "string"}},
            "title": {**_TEXT, "description": "What serves it and what it runs on, and with a model size the smallest size that holds it"},
            "accelerator": _ACCELERATOR,
            "instance_families": _IDS,
            "family_names": {"type": "array", "items": _TEXT},
            "outcome": _ID,
            "outcomes": {"type": "object", "additionalProperties": _ID, "description": "table id -> the outcome it gave"},
            "rule": {**_ID, "description": "the rule of the last table"},
            "rules": _IDS,
            "steps": {"type": "array", "items": step, "minItems": 1},
            "reasons": {"type": "array", "items": _REASON},
            "parameters_billion": {"type": "number"},
            "precision": _TEXT,
            "headroom_percent": {"type": "number"},
            "memory_needed_gib": {"type": "number"},
            "memory_arithmetic": _TEXT,
            "sizes": {"type": "array", "items": size},
            "size": {"type": ["string", "null"]},
        },
        ["inputs", "title", "accelerator", "instance_families", "family_names", "outcome", "outcomes", "rule", "rules", "steps", "reasons"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "chipwise api/decisions.json",
        "type": "object",
        "properties": {
            "version": _TEXT,
            "inputs": {"type": "object", "additionalProperties": decision_input},
            "tables": {"type": "array", "items": table, "minItems": 1},
            "deprecated": {
                "type": "object",
                "additionalProperties": _closed({"input": _ID, "values": {"type": "object", "additionalProperties": _ID}}),
            },
            "sizing": {"type": ["object", "null"]},
            "benchmarks": _closed(
                {kind: {"type": "object", "additionalProperties": _closed({"rows": {"type": "integer", "minimum": 1}, "anchor": _TEXT}, ["rows", "anchor"])}
                 for kind in ("inference", "training")},
                ["inference", "training"],
            ),
            "benchmarks_archived": {"type": ["string", "null"], "description": "What AWS says of its benchmark pages, with its date"},
            "decisions": {"type": "array", "items": decision, "minItems": 1},
            "facts": {"type": "object", "additionalProperties": _closed({"short": _TEXT, "anchor": _TEXT})},
        },
        "required": ["version", "inputs", "tables", "deprecated", "sizing", "benchmarks", "decisions", "facts"],
        "additionalProperties": False,
    }
