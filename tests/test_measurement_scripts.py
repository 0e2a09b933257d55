"""The measuring scripts under measurements/ run: each in its small mode, as a person runs it."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.support import ROOT, nonempty


def test_import_scale_prints_rows_against_seconds_and_the_cost_of_check() -> None:
    result = subprocess.run([sys.executable, "measurements/import_scale.py", "--small"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "import-benchmarks: duplicate rows, seconds"
    assert [line.split()[0] for line in lines[1:4]] == ["100", "200", "400"]
    assert all(re.fullmatch(r"\s*\d+\s+\d+\.\d\d", line) for line in nonempty(lines[1:4])), lines
    assert re.fullmatch(r"chipwise check: [\d,]+ bytes \(cap [\d,]+\), [\d.]+ s \([\d.]+ s of CPU\), peak \d+ MiB, exit 0", lines[4]), lines[4]
