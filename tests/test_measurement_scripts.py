"""The measuring scripts under measurements/ run: each in its small mode, as a person runs it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from tests.support import ROOT, nonempty


def test_import_scale_prints_rows_against_seconds_and_the_cost_of_check() -> None:
    result = subprocess.run([sys.executable, "measurements/import_scale.py", "--small"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "import-benchmarks: duplicate rows, seconds"
    assert [line.split()[0] for line in lines[1:4]] == ["100", "200", "400"]
    assert all(re.fullmatch(r"\s*\d+\s+\d+\.\d\d", line) for line in nonempty(lines[1:4])), lines
    assert re.fullmatch(r"chipwise check: [\d,]+ bytes \(cap [\d,]+\), [\d.]+ s \([\d.]+ s of CPU\), peak \d+ MiB, exit 0", lines[4]), lines[4]


def _lighthouse_script() -> ModuleType:
    """measurements/lighthouse.py, imported as the script sees its own folder (it imports serve_site beside it)."""
    sys.path.insert(0, str(ROOT / "measurements"))
    try:
        import lighthouse
    finally:
        sys.path.remove(str(ROOT / "measurements"))
    return lighthouse


def test_the_lighthouse_twin_of_a_page_keeps_its_table_of_contents(tmp_path: Path) -> None:
    """The twin is the page as stock Material would serve it: its headings listed in the table of contents as on the
    page, or Material's work for the list would count against the page alone."""
    lighthouse = _lighthouse_script()
    site = lighthouse.build_twin_site(tmp_path, "http://127.0.0.1:8000/")
    page = (site / "helper" / "index.html").read_text(encoding="utf-8")
    toc = page[page.index('data-md-component="toc"') :]
    headings = nonempty(re.findall(r'<h[23] id="([^"]+)"', page))
    assert [anchor for anchor in headings if f'href="#{anchor}"' not in toc] == []


def _lighthouse_run(performance: int, blocking_ms: int) -> dict[str, object]:
    """One Lighthouse report, as much of it as the benchmark reads."""
    categories = {name: {"score": score / 100, "auditRefs": []} for name, score in
                  (("performance", performance), ("accessibility", 100), ("best-practices", 100), ("seo", 100))}
    audits = {"first-contentful-paint": {"numericValue": 1500.0}, "total-blocking-time": {"numericValue": float(blocking_ms)}}
    return {"categories": categories, "audits": audits}


def test_a_page_keeps_within_its_twin_by_the_means_of_their_runs_not_the_median() -> None:
    """Lighthouse's simulated blocking time takes two values run by run (early or late first paint): a page whose
    median run came up in the worse mode three times of five, beside a twin that came up in it twice, is no slower."""
    lighthouse = _lighthouse_script()
    page = lighthouse.summary_row("/quiz/choosing/", [_lighthouse_run(p, t) for p, t in ((80, 700), (95, 100), (82, 650), (94, 120), (81, 600))], 1)
    twin = lighthouse.summary_row("twin /quiz/choosing/", [_lighthouse_run(p, t) for p, t in ((78, 1200), (96, 80), (77, 1100), (95, 90), (96, 110))], 1)
    assert (page["total_blocking_time_ms"], twin["total_blocking_time_ms"]) == (600, 110)
    assert (page["total_blocking_time_mean_ms"], twin["total_blocking_time_mean_ms"]) == (434, 516)
    assert (page["performance_mean"], twin["performance_mean"]) == (86.4, 88.4)
    assert lighthouse.within_twin(page, twin)
    slower = lighthouse.summary_row("/quiz/choosing/", [_lighthouse_run(80, 900)] * 5, 1)
    assert not lighthouse.within_twin(slower, twin)
