"""No dead code in the package: vulture, as pyproject.toml sets it up, finds nothing."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.support import ROOT

CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["vulture"]


def vulture(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vulture", *arguments], cwd=ROOT, capture_output=True, text=True, check=False)


def test_vulture_finds_no_dead_code_in_src() -> None:
    result = vulture()
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_vulture_reports_dead_code_where_there_is_some(tmp_path: Path) -> None:
    """The check above can fail: an unused import, an unused argument and unreachable code are each reported."""
    module = tmp_path / "dead.py"
    module.write_text("import os\n\n\ndef f(unused):\n    return 1\n    print(2)\n", encoding="utf-8")
    result = vulture(str(module), "--min-confidence", str(CONFIG["min_confidence"]))
    assert result.returncode == 3
    findings = [re.sub(r"^.*?:\d+: | \(\d+% confidence.*$", "", line) for line in result.stdout.splitlines()]
    assert findings == ["unused import 'os'", "unused variable 'unused'", "unreachable code after 'return'"]


def test_the_config_checks_src_at_80_percent_and_ignores_only_framework_parameters() -> None:
    assert CONFIG["paths"] == ["src"] and CONFIG["min_confidence"] == 80
    sources = "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "src").rglob("*.py")))
    # Each ignored name is still a parameter of a method that a framework calls; a stale entry would hide a new finding.
    assert CONFIG["ignore_names"] == ["option_string", "attrs"]
    assert re.search(r"def __call__\(self, parser: argparse\.ArgumentParser, .*option_string", sources)
    assert re.search(r"def handle_starttag\(self, tag: str, attrs:", sources)
