"""Machine-readable forms of the facts: JSON for the command, the site's api/ files and other guides."""

from __future__ import annotations

from typing import Any

from chipwise.decision.engine import HEADROOM_MAXIMUM, combinations, decide
from chipwise.decision.model import DecisionInput
from chipwise.errors import display_path
from chipwise.facts.model import CheckedCopy, Fact, Source
from chipwise.guide.model import Facts
from chipwise.render.benchmarks import archived_sentence, archived_status_facts


def shown_path(facts: Facts) -> str:
    return display_path(facts.path)


def fact_json(fact: Fact) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "label": fact.label,
        "value": fact.value,
        "unit": fact.unit,
        "formatted": fact.formatted,
        "display": fact.phrase,
        "kind": fact.kind,
        "scope": fact.scope,
        "verified": fact.verified.isoformat(),
    }
    optional = {"qualifier": fact.qualifier, "measures": fact.measures, "baseline": fact.baseline, "quote": fact.quote, "note": fact.note}
    entry.update({key: value for key, value in optional.items() if value})
    if fact.source is not None:
        entry["source"] = {"id": fact.source.id, "title": fact.source.title, "url": fact.source.url}
    if fact.derivation is not None:
        entry["formula"] = fact.derivation.formula
        entry["inputs"] = dict(fact.derivation.inputs)
        entry["arithmetic"] = fact.derivation.arithmetic
    return entry


def facts_json(facts: Facts) -> dict[str, Any]:
    return {
        "version": facts.meta.version,
        "title": facts.meta.title,
        "verified": facts.verified.isoformat(),
        "facts": {fact_id: fact_json(fact) for fact_id, fact in facts.facts.items()},
        "fact_checks": {
            check.id: {
                "topic": check.topic,
                "note_says": check.note_says,
                "aws_says": check.aws_says,
                "verdict": check.verdict,
                "explanation": check.explanation,
                "source": check.source.url,
                "note_facts": [fact.id for fact in check.note_facts],
                "aws_facts": [fact.id for fact in check.aws_facts],
            }
            for check in facts.fact_checks.values()
        },
        "sources": {source.id: source_json(source) for source in facts.sources.values()},
        "glossary": dict(facts.glossary),
    }


def source_json(source: Source) -> dict[str, Any]:
    """A source as the Sources page shows it: title, publisher, address, authority and the copy that was read."""
    copy = None if source.checked_copy is None else checked_copy_json(source.checked_copy)
    return {"title": source.title, "publisher": source.publisher, "url": source.url, "authority": source.authority, "checked_copy": copy}


def checked_copy_json(copy: CheckedCopy) -> dict[str, Any]:
    fields = {"url": copy.url, "repository": copy.repository, "path": copy.path, "commit": copy.commit, "note": copy.note}
    return {**{key: value for key, value in fields.items() if value}, "link": copy.link, "description": copy.description}


def decisions_json(facts: Facts) -> dict[str, Any]:
    """The engine's answer for every combination of inputs: what the decision helper page reads."""
    graph = facts.decision
    return {
        "version": facts.meta.version,
        "inputs": {item.name: _input_json(item) for item in graph.inputs},
        "tables": [
            {
                "id": table.id,
                "question": table.question,
                "hit_policy": table.hit_policy,
                "reads": [item.name for item in table.inputs],
                "outcomes": {
                    outcome.id: {"title": outcome.title, "accelerator": outcome.accelerator, "families": [family.id for family in outcome.families]}
                    for outcome in table.outcomes.values()
                },
                "rules": [rule.id for rule in table.rules],
            }
            for table in graph.tables
        ],
        "deprecated": {old.name: {"input": old.input_name, "values": dict(old.values)} for old in graph.deprecated.values()},
        "sizing": _sizing_json(facts),
        "benchmarks": _benchmark_links(facts),
        "benchmarks_archived": _benchmarks_archived(facts),
        "decisions": [decide(graph, **inputs).as_json() for inputs in combinations(graph)],
        "facts": {
            fact.id: {"short": fact.short, "anchor": fact.anchor}
            for rule in graph.rules
            for reason in rule.reasons
            for fact in reason.facts
        },
    }


def _input_json(item: DecisionInput) -> dict[str, Any]:
    entry: dict[str, Any] = {"question": item.question, "default": item.default}
    values: dict[str, Any] = {}
    for value in item.values:
        values[value.name] = {"label": value.label, "explanation": value.explanation}
        if value.interval is not None:
            interval = value.interval
            values[value.name]["interval"] = {
                "low": interval.low,
                "high": interval.high,
                "low_closed": interval.low_closed,
                "high_closed": interval.high_closed,
            }
    entry["values"] = values
    if item.numeric is not None:
        entry["number"] = {"unit": item.numeric.unit, "minimum": item.numeric.minimum, "maximum": item.numeric.maximum, "computed": item.numeric.computed}
    return entry


def _benchmark_links(facts: Facts) -> dict[str, Any]:
    """Per kind of workload (inference, training), per instance family, how many of AWS's published rows there are
    and where the page lists them: the helper links an answer that trains to training rows only."""
    if facts.benchmarks is None:
        return {"inference": {}, "training": {}}
    links: dict[str, dict[str, Any]] = {}
    for kind, families, anchor in (
        ("inference", [row.family for row in facts.benchmarks.rows.values()], "benchmarks/#family-{}"),
        ("training", [row.family for row in facts.benchmarks.training.values()], "benchmarks/#training"),
    ):
        counts: dict[str, int] = {}
        for family in families:
            counts[family] = counts.get(family, 0) + 1
        links[kind] = {family: {"rows": count, "anchor": anchor.format(family)} for family, count in sorted(counts.items())}
    return links


def _benchmarks_archived(facts: Facts) -> str | None:
    """AWS's statement that its benchmark pages are archived, with the page's date: the helper shows it beside the rows."""
    status = archived_status_facts(facts) if facts.benchmarks is not None else None
    return archived_sentence(*status, facts.page_copy) if status else None


def _sizing_json(facts: Facts) -> dict[str, Any] | None:
    """What the decision helper needs to size a model exactly as chipwise.decision.engine does."""
    sizing = facts.decision.sizing
    if sizing is None:
        return None
    return {
        "input": sizing.input_name,
        "parameters": {"question": sizing.parameters_question, "minimum": sizing.parameters_minimum, "maximum": sizing.parameters_maximum},
        "precision": {
            "question": sizing.precision_question,
            "default": sizing.default_precision,
            "values": {item.name: {"label": item.label, "bytes": item.bytes_per_parameter} for item in sizing.precisions},
        },
        "training": None
        if sizing.training is None
        else {
            "input": sizing.training.input_name,
            "values": list(sizing.training.values),
            "bytes": sizing.training.bytes_per_parameter.value,
            "label": sizing.training.label,
            "fact": sizing.training.bytes_per_parameter.id,
        },
        "headroom_percent": sizing.headroom_percent,
        "headroom_maximum": HEADROOM_MAXIMUM,
        "headroom_note": sizing.headroom_note,
        "families": {
            family.id: {
                "name": family.name,
                "beyond_one_instance": family.beyond_one_instance,
                "sizes": [
                    {"name": size.name, "accelerators": size.accelerators, "accelerator_memory_gib": size.accelerator_memory_gib}
                    for size in family.sizes
                ],
            }
            for family in facts.families.values()
        },
    }


def facts_text(facts: Facts) -> str:
    lines = [f"{facts.meta.title} (facts version {facts.meta.version}, {shown_path(facts)})", ""]
    width = max(len(fact_id) for fact_id in facts.facts)
    for fact_id, fact in facts.facts.items():
        lines.append(f"{fact_id:<{width}}  {fact.phrase}  [{fact.kind}, verified {fact.verified.isoformat()}]")
    return "\n".join(lines)
