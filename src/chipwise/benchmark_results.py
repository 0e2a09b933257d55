"""Benchmark results (written by the scripts in benchmarks/) rendered as tables for the Quality page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chipwise.render import markdown_table

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def read_results(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def lighthouse_table(results: dict[str, Any] | None) -> str:
    if results is None:
        return "*Not measured yet: run `.venv/bin/python benchmarks/lighthouse.py`.*"
    rows = [
        (f"`{row['page']}`", *(str(row[name]) for name in LIGHTHOUSE_CATEGORIES), ", ".join(row.get("below_1", [])) or "—")
        for row in results["pages"]
    ]
    table = markdown_table(("Page", "Performance", "Accessibility", "Best practices", "SEO", "Audits below full marks"), rows)
    return (
        f"{table}\n\nMeasured {results['date']} with Lighthouse {results['lighthouse']} ({results['form_factor']}) "
        f"on {results['machine']}. Rerun: `{results['command']}`."
    )
