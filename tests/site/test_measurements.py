"""The Quality and Performance pages' tables, from the measuring scripts' results files."""

from __future__ import annotations

from pathlib import Path

from chipwise.site import measurements
from tests.support import ROOT, nonempty

RESULTS = ROOT / "measurements" / "results"


def test_build_speed_table_shows_every_figure_and_how_to_rerun() -> None:
    results = measurements.read_results(RESULTS / "build_speed.json")
    table = measurements.build_speed_table(results)
    assert results is not None
    assert f"**{results['build']['median_ratio']}×**" in table and f"**{results['reload']['median_ratio']}×**" in table
    assert "`bash scripts/measure.sh`" in table


def test_lighthouse_table_has_a_row_per_page() -> None:
    results = measurements.read_results(RESULTS / "lighthouse.json")
    assert results is not None
    table = measurements.lighthouse_table(results)
    assert all(f"`{row['page']}`" in table for row in nonempty(results["pages"]))


def test_lighthouse_table_shows_the_median_runs_timings_and_page_size() -> None:
    row = {"page": "/quiz/", "performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100,
           "first_contentful_paint_ms": 907, "total_blocking_time_ms": 66, "html_gzip_bytes": 14275}
    results = {"date": "2026-11-26", "lighthouse": "12.2.3", "form_factor": "mobile", "machine": "x", "command": "c", "pages": [row]}
    assert "| 0.91 s, 66 ms; 14.3 kB gzip |" in measurements.lighthouse_table(results)


def test_lighthouse_table_compares_each_page_with_its_twin_by_the_means_of_their_runs() -> None:
    twin = {"performance": 96, "performance_mean": 93.8, "total_blocking_time_ms": 102, "total_blocking_time_mean_ms": 223}
    row = {"page": "/quiz/choosing/", "performance": 88, "accessibility": 100, "best-practices": 100, "seo": 100,
           "performance_mean": 92.4, "total_blocking_time_mean_ms": 264, "twin": twin, "within_twin": True}
    results = {"date": "2026-12-04", "lighthouse": "12.2.3", "form_factor": "mobile", "machine": "x", "command": "c", "pages": [row]}
    table = measurements.lighthouse_table(results)
    assert "| 92.4 / 93.8; 264 / 223 ms; yes |" in table
    assert "each the mean of the runs" in table


def test_lighthouse_table_puts_the_reference_first_and_says_what_it_is() -> None:
    row = {"page": "/quiz/", "performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
    reference = {**row, "page": "(reference) Material alone, one paragraph", "performance": 97}
    results = {"date": "2026-11-26", "lighthouse": "12.2.3", "form_factor": "mobile", "machine": "x", "command": "c",
               "reference": reference, "pages": [row]}
    table = measurements.lighthouse_table(results)
    assert table.index("| *(reference) Material alone, one paragraph* | 97 |") < table.index("| `/quiz/` | 98 |")
    assert "the reference, measured in the same run" in table


def test_missing_results_say_how_to_measure(tmp_path: Path) -> None:
    assert "measurements/build_speed.py" in measurements.build_speed_table(measurements.read_results(tmp_path / "none.json"))
    assert "lighthouse.py" in measurements.lighthouse_table(None)
