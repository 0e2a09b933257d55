"""Machine-readable forms of the facts: JSON for the command, the site's api/ files and other guides."""

from __future__ import annotations

from typing import Any

from chipwise.errors import display_path
from chipwise.facts.model import Fact, Facts
from chipwise.rules import combinations, decide


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
        "sources": {
            source.id: {"title": source.title, "publisher": source.publisher, "url": source.url, "authority": source.authority}
            for source in facts.sources.values()
        },
        "glossary": dict(facts.glossary),
    }


def decisions_json(facts: Facts) -> dict[str, Any]:
    """The engine's answer for every combination of inputs: what the decision helper page reads."""
    table = facts.decision
    return {
        "version": facts.meta.version,
        "hit_policy": table.hit_policy,
        "inputs": {
            item.name: {
                "question": item.question,
                "default": item.default,
                "values": {value.name: {"label": value.label, "explanation": value.explanation} for value in item.values},
            }
            for item in table.inputs
        },
        "decisions": [decide(table, **inputs).as_json() for inputs in combinations(table)],
        "facts": {
            fact.id: {"short": fact.short, "anchor": fact.anchor}
            for rule in table.rules
            for reason in rule.reasons
            for fact in reason.facts
        },
    }


def facts_text(facts: Facts) -> str:
    lines = [f"{facts.meta.title} (facts version {facts.meta.version}, {shown_path(facts)})", ""]
    width = max(len(fact_id) for fact_id in facts.facts)
    for fact_id, fact in facts.facts.items():
        lines.append(f"{fact_id:<{width}}  {fact.phrase}  [{fact.kind}, verified {fact.verified.isoformat()}]")
    return "\n".join(lines)
