"""measurements/build_speed.py runs: its quick mode (three pages, one build pair, one reload, one load), so the script cannot rot.

The full run (`bash scripts/measure.sh`) measures; this only checks that every step still works against the
site as it is, and writes its figures to a temporary file, never to measurements/results/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.slow


def test_build_speed_runs_every_step_in_quick_mode(tmp_path: Path) -> None:
    output = tmp_path / "build_speed.json"
    committed = (ROOT / "measurements" / "results" / "build_speed.json").read_bytes()
    environment = {key: value for key, value in os.environ.items() if key != "CHIPWISE_FACTS"}
    result = subprocess.run(
        [sys.executable, "measurements/build_speed.py", "--quick", "--output", str(output)],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert figures["build"]["pairs"] == 1 and figures["reload"]["edits"] == 1
    assert figures["build"]["project_median_s"] > 0 and figures["reload"]["project_median_s"] > 0 and figures["facts_load_s"] > 0
    assert (ROOT / "measurements" / "results" / "build_speed.json").read_bytes() == committed
