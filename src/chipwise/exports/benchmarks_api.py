"""api/benchmarks.json: AWS's published benchmark rows with their derived costs, for other guides, and its JSON Schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.facts.benchmarks import COST_FORMULA, BenchmarkRow, Benchmarks, TrainingRow
from chipwise.guide.contract import CopyKey, kind_words
from chipwise.guide.model import Facts
from chipwise.render.benchmarks import archived_sentence, archived_status_facts, row_anchor
from chipwise.study.calculator import round_half_up

JSON_PATH = "api/benchmarks.json"
SCHEMA_PATH = "api/benchmarks.schema.json"
PAGE = "benchmarks/"


def row_json(benchmarks: Benchmarks, row: BenchmarkRow, copy: Mapping[str, str]) -> dict[str, Any]:
    optional = {
        "sequence_length": row.sequence_length,
        "input_length": row.input_length,
        "output_length": row.output_length,
        "image_size": row.image_size,
        "tp_degree": row.tp_degree,
        "weight_data_type": row.weight_data_type,
        "tpot_p50_ms": row.tpot_p50_ms,
        "tpot_p99_ms": row.tpot_p99_ms,
    }
    return {
        "id": row.id,
        "anchor": f"{PAGE}#{row_anchor(row)}",
        "model": row.model,
        "category": row.category.value,
        "optimized_for": row.optimized.value,
        "task": row.task,
        "framework": row.framework,
        "instance": row.instance,
        "family": row.family,
        "application": row.application,
        "batch_size": row.batch_size,
        **{key: value for key, value in optional.items() if value is not None},
        "model_data_type": row.model_data_type,
        "autocast_data_type": row.autocast_data_type,
        "throughput": row.throughput,
        "unit": kind_words(copy, row.category).unit_name,
        "units_per_request": row.units_per_request,
        "latency_p50_ms": row.latency_p50_ms,
        "latency_p99_ms": row.latency_p99_ms,
        "latency_measures": kind_words(copy, row.category).latency_name,
        "neuron_version": row.neuron_version,
        "usd_per_hour": row.rate.usd_per_hour,
        "rate_basis": row.rate.basis,
        "cost_per_million": round_half_up(row.cost_per_million, 3),
        "stack": row.stack,
        "shown_on_page": _shown(row),
        "source": {"file": row.file.path, "line": row.line, "url": benchmarks.source_link(row), "page": row.file.page_source(benchmarks.commit)},
    }


def _shown(row: BenchmarkRow | TrainingRow) -> str | None:
    """Where the live documentation shows the AWS page that showed the row (archived); None: no page showed it."""
    return row.file.page if row.shown_on_page else None


def training_json(benchmarks: Benchmarks, row: TrainingRow) -> dict[str, Any]:
    optional = {"sequence_length": row.sequence_length, "tutorial_url": row.tutorial_url}
    return {
        "id": row.id,
        "anchor": f"{PAGE}#training-{row.id}",
        "model": row.model,
        "instances": row.instances,
        "nodes": row.nodes,
        "data_type": row.data_type,
        "topology": row.topology,
        "microbatch": row.microbatch,
        "global_batch": row.global_batch,
        "optimizer": row.optimizer,
        **{key: value for key, value in optional.items() if value is not None},
        "throughput": row.throughput,
        "unit": "training sequence",
        "scaling": row.scaling,
        "neuron_version": row.neuron_version,
        "torch_neuronx_version": row.torch_neuronx_version,
        "tutorial": row.tutorial,
        "stack": row.stack,
        "shown_on_page": _shown(row),
        "source": {"file": row.file.path, "line": row.line, "url": benchmarks.source_link(row), "page": row.file.page_source(benchmarks.commit)},
    }


def benchmarks_json(facts: Facts) -> dict[str, Any]:
    benchmarks = facts.benchmarks
    if benchmarks is None:
        return {"version": facts.meta.version, "rows": [], "rates": {}, "note": "this facts file includes no benchmark rows"}
    status = archived_status_facts(facts)
    archived = (
        {
            "statement": status[0].quote,
            "date_modified": str(status[1].value),
            "url": status[0].source.url if status[0].source else None,
            "verified": status[0].verified.isoformat(),
            "note": archived_sentence(*status, facts.page_copy),
        }
        if status
        else None
    )
    return {
        "version": facts.meta.version,
        "archived": archived,
        "repository": benchmarks.repository,
        "commit": benchmarks.commit,
        "imported": benchmarks.imported.isoformat(),
        "cost_formula": COST_FORMULA,
        "rates_dated": benchmarks.rates_dated,
        "price_caveat": facts.page_copy[CopyKey.PRICE_CAVEAT],
        "rates": {
            rate.instance: {
                "usd_per_hour": rate.usd_per_hour,
                "basis": rate.basis,
                "file": rate.file.path,
                "line": rate.line,
                "url": benchmarks.rate_link(rate),
            }
            for rate in benchmarks.rates.values()
        },
        "rows": [row_json(benchmarks, row, facts.page_copy) for row in benchmarks.rows.values()],
        "superseded": dict(benchmarks.superseded),
        "training": [training_json(benchmarks, row) for row in benchmarks.training.values()],
    }


def _number(minimum: float | None = None) -> dict[str, Any]:
    return {"type": "number", "exclusiveMinimum": 0} if minimum is None else {"type": "number", "minimum": minimum}


_TEXT = {"type": "string", "minLength": 1}
_WHOLE = {"type": "integer", "minimum": 1}
_STACK = {**_TEXT, "description": "the software that measured the row and its precision, in AWS's words (the CSV's framework and data types)"}
_SHOWN = {
    "type": ["string", "null"],
    "format": "uri",
    "description": "where the live documentation shows the AWS page that showed the row (now archived); null: no AWS page showed it",
}
_SOURCE = {
    "type": "object",
    "properties": {
        "file": _TEXT,
        "line": _WHOLE,
        "url": {"type": "string", "format": "uri"},
        "page": {"type": ["string", "null"], "description": "the page's source at the commit the rows were read at"},
    },
    "required": ["file", "line", "url", "page"],
    "additionalProperties": False,
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of api/benchmarks.json."""
    row_properties: dict[str, Any] = {
        "id": _TEXT,
        "anchor": _TEXT,
        "model": _TEXT,
        "category": {"enum": ["encoder", "decoder", "encoder-decoder", "vision"]},
        "optimized_for": {"enum": ["throughput", "latency"]},
        "task": _TEXT,
        "framework": _TEXT,
        "instance": _TEXT,
        "family": _TEXT,
        "application": _TEXT,
        "batch_size": _WHOLE,
        "sequence_length": _WHOLE,
        "input_length": _WHOLE,
        "output_length": _WHOLE,
        "image_size": _TEXT,
        "tp_degree": _WHOLE,
        "weight_data_type": _TEXT,
        "tpot_p50_ms": _number(),
        "tpot_p99_ms": _number(),
        "model_data_type": _TEXT,
        "autocast_data_type": _TEXT,
        "throughput": {**_number(), "description": "units a second, as AWS measured"},
        "unit": {"enum": ["inference", "output token", "token", "image"], "description": "what one unit of throughput is"},
        "units_per_request": _WHOLE,
        "latency_p50_ms": _number(),
        "latency_p99_ms": _number(),
        "latency_measures": _TEXT,
        "neuron_version": _TEXT,
        "usd_per_hour": _number(),
        "rate_basis": {**_TEXT, "description": "AWS's name for the hourly rate, from its price file (an RI-Effective rate is not On-Demand)"},
        "cost_per_million": {**_number(), "description": COST_FORMULA + ", rounded to 0.001"},
        "stack": _STACK,
        "shown_on_page": _SHOWN,
        "source": _SOURCE,
    }
    training_properties: dict[str, Any] = {
        "id": _TEXT,
        "anchor": _TEXT,
        "model": _TEXT,
        "instances": {**_TEXT, "description": "AWS's words for the instance types"},
        "nodes": {**_WHOLE, "description": "how many instances the run used"},
        "data_type": _TEXT,
        "topology": _TEXT,
        "microbatch": _WHOLE,
        "global_batch": _WHOLE,
        "optimizer": _TEXT,
        "sequence_length": _WHOLE,
        "throughput": {**_number(), "description": "training sequences a second over all the nodes, as AWS measured"},
        "unit": {"enum": ["training sequence"]},
        "scaling": _TEXT,
        "neuron_version": _TEXT,
        "torch_neuronx_version": _TEXT,
        "tutorial": _TEXT,
        "tutorial_url": {"type": "string", "format": "uri"},
        "stack": _STACK,
        "shown_on_page": _SHOWN,
        "source": _SOURCE,
    }
    optional = {"sequence_length", "input_length", "output_length", "image_size", "tp_degree", "weight_data_type", "tpot_p50_ms", "tpot_p99_ms"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "chipwise api/benchmarks.json",
        "type": "object",
        "properties": {
            "version": _TEXT,
            "archived": {
                "description": "AWS's statement that its benchmark pages are archived, its page's date and source; null when the facts file gives none",
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "properties": {"statement": _TEXT, "date_modified": _TEXT, "url": {"type": ["string", "null"]}, "verified": _TEXT, "note": _TEXT},
                        "required": ["statement", "date_modified", "url", "verified", "note"],
                        "additionalProperties": False,
                    },
                ],
            },
            "repository": _TEXT,
            "commit": {"type": "string", "pattern": "^[0-9a-f]{40}$"},
            "imported": {"type": "string", "format": "date"},
            "cost_formula": _TEXT,
            "rates_dated": {"type": ["string", "null"]},
            "price_caveat": _TEXT,
            "note": _TEXT,
            "rates": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "properties": {"usd_per_hour": _number(), "basis": _TEXT, "file": _TEXT, "line": _WHOLE, "url": _TEXT},
                    "required": ["usd_per_hour", "basis", "file", "line", "url"],
                    "additionalProperties": False,
                },
            },
            "rows": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": row_properties,
                    "required": [key for key in row_properties if key not in optional],
                    "additionalProperties": False,
                },
            },
            "superseded": {
                "type": "object",
                "description": "each row of AWS's files left out, as a file a page showed measures it again -> the id of the row kept",
                "additionalProperties": _TEXT,
            },
            "training": {
                "type": "array",
                "description": "AWS's Trn1 training rows: sequences a second over all the run's instances, not comparable with inference rows",
                "items": {
                    "type": "object",
                    "properties": training_properties,
                    "required": [key for key in training_properties if key not in ("sequence_length", "tutorial_url")],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["version", "rows", "rates"],
        "additionalProperties": False,
    }
