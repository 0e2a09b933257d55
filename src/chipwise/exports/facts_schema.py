"""The JSON Schema of api/facts.json (what `chipwise facts --json` prints): every fact with its evidence, the
fact checks, the sources with the copy that was read, and the glossary.

The facts file itself has its own schema (chipwise.facts.file_schema), published as api/facts-file.schema.json.
"""

from __future__ import annotations

from typing import Any

from chipwise.vocabulary import Authority, Kind, Scope, Verdict

SCHEMA_PATH = "api/facts.schema.json"

_TEXT = {"type": "string", "minLength": 1}
_DATE = {"type": "string", "format": "date"}
_URL = {"type": "string", "format": "uri", "pattern": "^https://"}
_FACT_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*\\.[a-z0-9][a-z0-9_.-]*$"}
_SOURCE_ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"}


def _closed(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties) if required is None else required, "additionalProperties": False}


def _fact() -> dict[str, Any]:
    """A fact backed by a source's words (source and quote) or by a formula (formula, inputs, arithmetic)."""
    fact = _closed(
        {
            "label": _TEXT,
            "value": {"type": ["string", "number"]},
            "unit": {"type": "string"},
            "formatted": _TEXT,
            "display": {"type": "string", "description": "the whole claim: qualifier, value, what it measures and its baseline"},
            "kind": {"enum": list(Kind.values())},
            "scope": {"enum": list(Scope.values())},
            "verified": _DATE,
            "qualifier": _TEXT,
            "measures": _TEXT,
            "baseline": _TEXT,
            "quote": {**_TEXT, "description": "the source's own words"},
            "note": _TEXT,
            "source": _closed({"id": _SOURCE_ID, "title": _TEXT, "url": _URL}),
            "formula": _TEXT,
            "inputs": {"type": "object", "additionalProperties": _FACT_ID, "description": "formula parameter -> fact id"},
            "arithmetic": _TEXT,
        },
        ["label", "value", "unit", "formatted", "display", "kind", "scope", "verified"],
    )
    fact["oneOf"] = [
        {"required": ["source", "quote"], "not": {"anyOf": [{"required": ["formula"]}, {"required": ["inputs"]}, {"required": ["arithmetic"]}]}},
        {"required": ["formula", "inputs", "arithmetic"], "not": {"anyOf": [{"required": ["source"]}, {"required": ["quote"]}]}},
    ]
    return fact


def _checked_copy() -> dict[str, Any]:
    """A stored page (url) or a file at a commit of a repository; `link` opens it either way."""
    copy = _closed(
        {
            "url": _URL,
            "repository": {"type": "string", "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"},
            "path": _TEXT,
            "commit": {"type": "string", "pattern": "^[0-9a-f]{7,40}$"},
            "note": _TEXT,
            "link": _URL,
            "description": _TEXT,
        },
        ["link", "description"],
    )
    copy["oneOf"] = [
        {"required": ["url"], "not": {"anyOf": [{"required": ["repository"]}, {"required": ["path"]}, {"required": ["commit"]}]}},
        {"required": ["repository", "path", "commit"], "not": {"required": ["url"]}},
    ]
    return copy


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of api/facts.json."""
    fact_check = _closed(
        {
            "topic": _TEXT,
            "note_says": _TEXT,
            "aws_says": _TEXT,
            "verdict": {"enum": list(Verdict.values())},
            "explanation": _TEXT,
            "source": _URL,
            "note_facts": {"type": "array", "items": _FACT_ID},
            "aws_facts": {"type": "array", "items": _FACT_ID},
        }
    )
    source = _closed(
        {
            "title": _TEXT,
            "publisher": _TEXT,
            "url": _URL,
            "authority": {"enum": list(Authority.values())},
            "checked_copy": {"anyOf": [_checked_copy(), {"type": "null"}], "description": "the copy of the source that was read"},
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_PATH,
        "title": "chipwise facts (api/facts.json)",
        "description": "Every fact chipwise shows, with its source's words or its formula, the fact checks, the sources and the glossary.",
        **_closed(
            {
                "version": {"type": "string", "pattern": "^[0-9]{4}\\.[0-9]{1,2}\\.[0-9]{1,2}(\\.[0-9]+)?$"},
                "title": _TEXT,
                "verified": {**_DATE, "description": "the day of the most recent comparison of a fact with its source"},
                "facts": {"type": "object", "propertyNames": _FACT_ID, "additionalProperties": _fact()},
                "fact_checks": {"type": "object", "propertyNames": _SOURCE_ID, "additionalProperties": fact_check},
                "sources": {"type": "object", "propertyNames": _SOURCE_ID, "additionalProperties": source},
                "glossary": {"type": "object", "additionalProperties": _TEXT},
            }
        ),
    }
