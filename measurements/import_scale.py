"""How `chipwise import-benchmarks` and `chipwise check` scale with their input.

1. import-benchmarks reads a copy of the test checkout whose encoder CSV repeats one row N times (every
   copy gets an id of its own, "-2", "-3", ...): it prints rows against seconds, which must grow linearly
   (an id search that restarted at "-2" for every copy once made 8,000 rows take two minutes).
2. `chipwise check` reads a facts file padded to just under the size cap (source.MAX_FILE_BYTES) with
   facts: it prints the seconds (wall and CPU) and the peak memory (the largest resident set) of the process.

Run from the repository root:   .venv/bin/python measurements/import_scale.py [--small]
`--small` (used by tests/test_measurement_scripts.py) runs a few hundred rows and a 1 MiB file.
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chipwise.facts.neuron_import import read_checkout  # noqa: E402
from chipwise.facts.yaml_nodes import MAX_FILE_BYTES  # noqa: E402

CHECKOUT = ROOT / "tests" / "fixtures" / "neuron-sdk"
ENCODER = "about-neuron/benchmarks/inf2/throughput_data_encoder.csv"
FACTS_FILE = ROOT / "facts" / "aws-ml-chips.yml"
COMMIT = "0" * 40
FACT_TEMPLATE = """  inf2.padding_{n}:
    label: Inferentia2 chips in the largest Inf2 instance, copy {n}
    value: 12
    unit: chips
    kind: spec
    qualifier: up to
    source: neuron-inf2-arch
    quote: The EC2 Inf2 instance is powered by up to 12 Inferentia2 chips
    verified: 2026-01-01
    scope: beyond-exam
"""


def import_seconds(rows: int, folder: Path) -> float:
    """Seconds to read a checkout whose encoder CSV holds `rows` copies of one row."""
    checkout = folder / f"checkout-{rows}"
    shutil.copytree(CHECKOUT, checkout)
    csv = checkout / ENCODER
    header, first, *_ = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("\n".join([header, *[first] * rows]) + "\n", encoding="utf-8")
    started = time.perf_counter()
    content = read_checkout(checkout, COMMIT, datetime.date(2026, 1, 1))
    elapsed = time.perf_counter() - started
    assert sum(1 for row_id in content["rows"] if row_id.startswith("inf2-xlarge-encoder-throughput-albert")) == rows
    return elapsed


def padded_facts(size: int, folder: Path) -> Path:
    """The real facts file with facts added under `facts:` until it is just under `size` bytes."""
    text = FACTS_FILE.read_text(encoding="utf-8")
    head, rest = text.split("\nfacts:\n", 1)
    budget = size - len(text.encode("utf-8")) - 1024
    padding, count = [], 0
    while budget > 0:
        block = FACT_TEMPLATE.format(n=count)
        padding.append(block)
        budget -= len(block.encode("utf-8"))
        count += 1
    path = folder / "padded.yml"
    path.write_text(head + "\nfacts:\n" + "".join(padding) + rest, encoding="utf-8")
    shutil.copy(FACTS_FILE.parent / "aws-ml-chips.benchmarks.yml", folder / "aws-ml-chips.benchmarks.yml")
    shutil.copy(FACTS_FILE.parent / "aws-ml-chips.changes.yml", folder / "aws-ml-chips.changes.yml")
    return path


def check_cost(path: Path) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak resident memory in MiB, exit code) of `chipwise check PATH` in a fresh
    process. On a shared machine the wall time depends on the other load; the CPU time does not."""
    code = (
        "import resource, sys; from chipwise import cli; code = cli.main(['check', sys.argv[1]]); "
        "usage = resource.getrusage(resource.RUSAGE_SELF); "
        "print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss, file=sys.stderr); sys.exit(code)"
    )
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    cpu, peak_kib = result.stderr.strip().splitlines()[-1].split()
    return elapsed, float(cpu), int(peak_kib) / 1024, result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="a quick run: a few hundred rows and a 1 MiB facts file")
    arguments = parser.parse_args()
    counts = (100, 200, 400) if arguments.small else (1000, 2000, 4000, 8000)
    size = 1024 * 1024 if arguments.small else MAX_FILE_BYTES
    with tempfile.TemporaryDirectory() as folder:
        print("import-benchmarks: duplicate rows, seconds")
        for rows in counts:
            print(f"{rows:>8} {import_seconds(rows, Path(folder)):8.2f}")
        path = padded_facts(size, Path(folder))
        seconds, cpu, peak, code = check_cost(path)
        print(f"chipwise check: {path.stat().st_size:,} bytes (cap {MAX_FILE_BYTES:,}), {seconds:.2f} s ({cpu:.2f} s of CPU), peak {peak:.0f} MiB, exit {code}")


if __name__ == "__main__":
    main()
