"""How long the fast test loop takes, before and after a change, side by side on the same machine.

Each commit is exported (`git archive`) into a temporary folder of its own, so both run from a clean tree with an
empty disk cache, and both use this checkout's .venv: its Python path puts the exported src/ first, so the tests
import the exported chipwise, not this checkout's editable one. The runs alternate (before, after, before, ...):
on a machine shared with other work, load that comes and goes falls on both.

Run from the repository root:
    .venv/bin/python measurements/test_loop.py --before REF [--after REF] [--runs N] [--before-args ARGS] [--after-args ARGS]
e.g.  .venv/bin/python measurements/test_loop.py --before 761ecde --after-args '-m "not browser" -n auto'

It prints each run's wall time and the pass/fail line, then the medians and their ratio (after / before). A run
that does not pass is reported and stops the script: a faster loop that fails measures nothing.

No test runs it: it runs the tests, and each exported tree has no git history to export from.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
FAST_LOOP = '-m "not browser"'
"""The README's fast loop: every test but the browser tests."""


def export(ref: str, destination: Path) -> str:
    """The tree of `ref` written into `destination`; returns the commit's short hash."""
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True).stdout
    destination.mkdir(parents=True)
    archive_path = destination.parent / f"{destination.name}.tar"
    archive_path.write_bytes(archive)
    with tarfile.open(archive_path) as tar:
        tar.extractall(destination, filter="data")
    archive_path.unlink()
    # Node packages the DMN test runs are not in git: the checkout's own installed copy serves both trees.
    modules = ROOT / "tests" / "dmn" / "node_modules"
    if modules.is_dir() and not (destination / "tests" / "dmn" / "node_modules").exists():
        (destination / "tests" / "dmn" / "node_modules").symlink_to(modules)
    return commit


def run(tree: Path, arguments: str) -> tuple[float, str, int]:
    """One run of pytest in `tree`: wall seconds, pytest's last line, exit status."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(tree / "src")}
    environment.pop("CHIPWISE_FACTS", None)
    command = [str(PYTHON), "-m", "pytest", *shlex.split(arguments), "-q", "-p", "no:cacheprovider"]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=tree, env=environment, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return seconds, (lines[-1] if lines else result.stderr.strip()[-300:]), result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, help="the commit before the change")
    parser.add_argument("--after", default="HEAD", help="the commit after it (default HEAD)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each, alternating (default 1)")
    parser.add_argument("--before-args", default=FAST_LOOP, help=f"pytest's arguments for the commit before (default {FAST_LOOP})")
    parser.add_argument("--after-args", default=FAST_LOOP, help=f"pytest's arguments for the commit after (default {FAST_LOOP})")
    arguments = parser.parse_args()
    times: dict[str, list[float]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory(prefix="chipwise-test-loop-") as temporary:
        trees = {"before": Path(temporary) / "before", "after": Path(temporary) / "after"}
        commits = {name: export(getattr(arguments, name), tree) for name, tree in trees.items()}
        pytest_arguments = {"before": arguments.before_args, "after": arguments.after_args}
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start")
        for index in range(arguments.runs):
            for name in ("before", "after") if index % 2 == 0 else ("after", "before"):
                seconds, summary, status = run(trees[name], pytest_arguments[name])
                print(f"{name} ({commits[name]}, pytest {pytest_arguments[name]}): {seconds:.1f} s wall: {summary}", flush=True)
                if status != 0:
                    print(f"the {name} run failed (exit {status}); nothing measured", file=sys.stderr)
                    return 1
                times[name].append(seconds)
    before, after = statistics.median(times["before"]), statistics.median(times["after"])
    print(f"median over {arguments.runs} run(s): before {before:.1f} s, after {after:.1f} s, after / before {after / before:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
