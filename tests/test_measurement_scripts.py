"""The measuring scripts under measurements/ run: each in its small mode, as a person runs it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT, nonempty


def test_import_scale_prints_rows_against_seconds_and_the_cost_of_check() -> None:
    result = subprocess.run([sys.executable, "measurements/import_scale.py", "--small"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "import-benchmarks: duplicate rows, seconds"
    assert [line.split()[0] for line in lines[1:4]] == ["100", "200", "400"]
    assert all(re.fullmatch(r"\s*\d+\s+\d+\.\d\d", line) for line in nonempty(lines[1:4])), lines
    assert re.fullmatch(r"chipwise check: [\d,]+ bytes \(cap [\d,]+\), [\d.]+ s \([\d.]+ s of CPU\), peak \d+ MiB, exit 0", lines[4]), lines[4]


def test_the_lighthouse_twin_of_a_page_keeps_its_table_of_contents(tmp_path: Path) -> None:
    """The twin is the page as stock Material would serve it: its headings listed in the table of contents as on the
    page, or Material's work for the list would count against the page alone."""
    sys.path.insert(0, str(ROOT / "measurements"))
    try:
        import lighthouse
    finally:
        sys.path.remove(str(ROOT / "measurements"))
    site = lighthouse.build_twin_site(tmp_path, "http://127.0.0.1:8000/")
    page = (site / "helper" / "index.html").read_text(encoding="utf-8")
    toc = page[page.index('data-md-component="toc"') :]
    headings = nonempty(re.findall(r'<h[23] id="([^"]+)"', page))
    assert [anchor for anchor in headings if f'href="#{anchor}"' not in toc] == []
