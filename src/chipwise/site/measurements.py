"""This project's own measurements (written by the scripts in measurements/) for the Quality and Performance pages:
read here, laid out by the templates measurements_*.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chipwise.render import escape, layout

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def read_results(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def lighthouse_table(results: dict[str, Any] | None) -> str:
    rows = []
    if results is not None:
        reference = results.get("reference")
        rows = [_lighthouse_row(f"*{reference['page']}*", reference)] if reference else []
        rows += [_lighthouse_row(f"`{row['page']}`", row) for row in results["pages"]]
    return layout.render_markdown("measurements_lighthouse.md", results=results, rows=rows)


def _lighthouse_row(label: str, row: dict[str, Any]) -> list[str]:
    cells = [
        label,
        *(str(row[name]) for name in LIGHTHOUSE_CATEGORIES),
        ", ".join(str(score) for score in row.get("performance_runs", [row["performance"]])),
        ", ".join(row.get("below_1", [])) or "—",
        _median_run(row),
        _twin(row),
    ]
    return [escape.table_cell(cell) for cell in cells]


def _median_run(row: dict[str, Any]) -> str:
    if "first_contentful_paint_ms" not in row:
        return "—"
    return (
        f"{row['first_contentful_paint_ms'] / 1000:.2f} s, {row['total_blocking_time_ms']} ms; "
        f"{row['html_gzip_bytes'] / 1000:.1f} kB gzip"
    )


def _twin(row: dict[str, Any]) -> str:
    """The means of the page's runs and its twin's, which the verdict compares."""
    twin = row.get("twin")
    if twin is None:
        return "—"
    return (
        f"{row['performance_mean']} / {twin['performance_mean']}; "
        f"{row['total_blocking_time_mean_ms']} / {twin['total_blocking_time_mean_ms']} ms; {'yes' if row['within_twin'] else 'no'}"
    )


def build_speed_table(results: dict[str, Any] | None) -> str:
    return layout.render_markdown("measurements_build_speed.md", results=results)


def decision_scale_table(results: dict[str, Any] | None) -> str:
    """The verifier on a generated graph (and how it grows with rules), and `chipwise check` on the facts repeated."""
    return layout.render_markdown("measurements_decision_scale.md", results=results)
