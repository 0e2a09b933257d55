"""This project's own measurements (written by the scripts in measurements/) rendered as tables for the Quality and Performance pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chipwise.render.fact_tables import markdown_table

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def read_results(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def lighthouse_table(results: dict[str, Any] | None) -> str:
    if results is None:
        return "*Not measured yet: run `.venv/bin/python measurements/lighthouse.py`.*"
    reference = results.get("reference")
    rows = [_lighthouse_row(f"*{reference['page']}*", reference)] if reference else []
    rows += [_lighthouse_row(f"`{row['page']}`", row) for row in results["pages"]]
    headers = (
        "Page", "Performance", "Accessibility", "Best practices", "SEO", "Performance, every run", "Audits below full marks",
        "Median run: first paint, blocking time; page size",
    )
    table = markdown_table(headers, rows)
    reference_note = (
        " The first row is the reference, measured in the same run: a one-paragraph page of Material as this site"
        " configures it, without the site's own templates, styles or scripts. No page here can be expected to score"
        " higher without changing how Material loads. Its accessibility and SEO findings are Material's own"
        " (the search dialog's name, the palette's contrast, a page description); this site's templates and styles mend them."
        if reference else ""
    )
    return (
        f"{table}\n\nMeasured {results['date']} with Lighthouse {results['lighthouse']} ({results['form_factor']}) "
        f"on {results['machine']}.{reference_note} Rerun: `{results['command']}`."
    )


def _lighthouse_row(label: str, row: dict[str, Any]) -> tuple[str, ...]:
    return (
        label,
        *(str(row[name]) for name in LIGHTHOUSE_CATEGORIES),
        ", ".join(str(score) for score in row.get("performance_runs", [row["performance"]])),
        ", ".join(row.get("below_1", [])) or "—",
        _median_run(row),
    )


def _median_run(row: dict[str, Any]) -> str:
    if "first_contentful_paint_ms" not in row:
        return "—"
    return (
        f"{row['first_contentful_paint_ms'] / 1000:.2f} s, {row['total_blocking_time_ms']} ms; "
        f"{row['html_gzip_bytes'] / 1000:.1f} kB gzip"
    )


def build_speed_table(results: dict[str, Any] | None) -> str:
    if results is None:
        return "*Not measured yet: run `.venv/bin/python measurements/build_speed.py`.*"
    build, reload, targets = results["build"], results["reload"], results["targets"]
    rows = [
        ("Full build, project ÷ static twin", f"{build['project_median_s']} s ÷ {build['twin_median_s']} s = **{build['median_ratio']}×**",
         f"≤ {targets['build_ratio']}×", f"median of {build['pairs']} alternating pairs of fresh processes"),
        ("The floor: twin with mkdocs-macros and no macros", f"{build['empty_macros_median_s']} s = **{build['empty_macros_median_ratio']}×**",
         "—", "what the plugin costs before chipwise does anything"),
        ("Reload after an edit, facts file ÷ twin page", f"{reload['project_median_s']} s ÷ {reload['twin_median_s']} s = **{reload['median_ratio']}×**",
         f"≤ {targets['reload_ratio']}×", f"median of {reload['edits']} edits each, save to served page"),
        ("Load, validate and verify the facts", f"{results['facts_load_s'] * 1000:.1f} ms = **{results['facts_load_share_of_build']:.1%}** of a build",
         f"≤ {targets['facts_load_share']:.0%}", "median of repeated loads in a fresh process"),
    ]
    versions = ", ".join(f"{name} {version}" for name, version in results["versions"].items())
    table = markdown_table(("Measure", "Result", "Target", "How"), rows)
    return f"{table}\n\nMeasured {results['date']} on {results['machine']} ({versions}). Rerun: `{results['command']}`."


def decision_scale_table(results: dict[str, Any] | None) -> str:
    """The verifier on a generated graph (and how it grows with rules), and `chipwise check` on the facts repeated."""
    if results is None:
        return "*Not measured yet: run `.venv/bin/python measurements/decision_scale.py`.*"
    verifier = results["verifier"]
    tables = f"{verifier['tables']} tables × " if "tables" in verifier else ""
    verify_row = markdown_table(
        ("Graph", "Value combinations it stands for", "Verify (median)", "Target", "A broken copy"),
        [
            (
                f"{tables}{verifier['inputs']} inputs ({verifier['enumerated_inputs']} enumerated, {verifier['numeric_inputs']} numeric), "
                f"{verifier['rules']} rules",
                f"{verifier['value_combinations']:,}",
                f"**{verifier['verify_median_s']} s**",
                f"< {results['targets']['verify_s']:g} s",
                f"{verifier['broken_table_findings']} located gaps and overlaps (one rule removed, one widened)",
            )
        ],
    )
    check_rows = markdown_table(
        ("Facts file", "Facts", "Size", "`chipwise check` (median of 3, fresh process)", "Per 1,000 facts", "Time ÷ 1×"),
        [
            (
                f"{row['times']}×",
                f"{row['facts']:,}",
                f"{row['bytes'] / 1000:,.0f} kB",
                f"{row['check_median_s']} s",
                f"{row['seconds_per_1000_facts']} s",
                f"{row['ratio_to_1x']}×",
            )
            for row in results["check"]
        ],
    )
    growth = ""
    if verifier.get("verify_by_rules"):
        growth = "\n\n" + markdown_table(
            ("Rules per table", "Verify the graph (median)"),
            [(f"{row['rules_per_table']:,}", f"{row['verify_median_s']} s") for row in verifier["verify_by_rules"]],
        )
    return (
        f"{verify_row}{growth}\n\n{check_rows}\n\nMeasured {results['date']} on {results['machine']}. "
        f"Rerun: `{results['command']}`."
    )

