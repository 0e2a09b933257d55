"""The decision-scale measurement runs (in its quick mode), so it cannot rot unseen; the full run stays out of the suite."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import ROOT


def test_the_decision_scale_measurement_runs_in_its_quick_mode() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "measurements" / "decision_scale.py"), "--quick"], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["tables"] == 3 and figures["inputs"] == 8
    assert figures["broken_table_findings"] >= 1, "removing a rule must open a gap the verifier reports"
    assert [row["rules_per_table"] for row in figures["verify_by_rules"]] == [6, 12]
