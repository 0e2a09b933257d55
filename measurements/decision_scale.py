"""How the decision-graph verifier and `chipwise check` scale.

1. A generated graph of 3 tables, each reading 8 inputs (4 enumerated, 4 numeric) and the table before it,
   with 200 rules each, complete and unambiguous by construction (a random partition of the input space), is
   verified; then, in the first table, one rule is widened so it overlaps another, and one is removed so a gap
   opens, and the graph is verified again. The same is timed at 50, 100, 200 and 400 rules per table, to show
   how verification grows with rules.
2. `chipwise check` runs on the real facts file with its facts repeated 1×, 10× and 50× (new ids; 50× stays under the size cap), to
   show that its time grows linearly with the number of facts.

Prints the figures and writes measurements/results/decision_scale.json, which the Performance page shows.
Run: .venv/bin/python measurements/decision_scale.py   (--quick: a few rules, one size, nothing written; the tests run it)
"""

from __future__ import annotations

import datetime
import json
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chipwise.decision.verify import verify_graph  # noqa: E402
from chipwise.guide.load import load_facts  # noqa: E402

RESULTS = ROOT / "measurements" / "results" / "decision_scale.json"
FACTS_FILE = ROOT / "facts" / "aws-ml-chips.yml"
ENUMS = {"region": ["a", "b", "c"], "tier": ["x", "y", "z", "w"], "mode": ["on", "off"], "team": ["p", "q", "r"]}
NUMBERS = {"size": (0, 1000), "load": (0, 100), "age": (0, 50), "cost": (0, 10000)}
RULES = 200
TABLES = 3
GROWTH = (50, 100, 200, 400)
REPEATS = 5


def partition(rng: random.Random, count: int) -> list[dict[str, object]]:
    """Split the whole input space into `count` boxes by random cuts: each box becomes one rule."""
    whole: dict[str, object] = {**{name: list(values) for name, values in ENUMS.items()}, **{name: bounds for name, bounds in NUMBERS.items()}}
    boxes = [whole]
    while len(boxes) < count:
        box = boxes.pop(rng.randrange(len(boxes)))
        splittable = [
            name for name, value in box.items() if (isinstance(value, list) and len(value) > 1) or (isinstance(value, tuple) and value[1] - value[0] > 1)
        ]
        name = rng.choice(splittable)
        value = box[name]
        if isinstance(value, list):
            cut = rng.randrange(1, len(value))
            boxes += [{**box, name: value[:cut]}, {**box, name: value[cut:]}]
        else:
            low, high = value  # type: ignore[misc]
            cut = rng.randrange(low + 1, high)
            boxes += [{**box, name: (low, cut)}, {**box, name: (cut, high)}]
    return boxes


def table_yaml(boxes: list[dict[str, object]], index: int, last: bool) -> dict[str, object]:
    """One table: its rules are the boxes; it reads the inputs and, after the first, the table before it."""
    hardware = {"accelerator": "trainium", "families": ["trn2"]} if last else {}
    outcomes = {f"t{index}-{side}": {"title": f"T{index}{side}", "why_not": "Generated {trn2.cost_to_train}.", **hardware} for side in ("a", "b")}
    rules = {}
    for number, box in enumerate(boxes):
        when: dict[str, object] = {}
        for name, value in box.items():
            if isinstance(value, list):
                if len(value) < len(ENUMS[name]):
                    when[name] = value
            else:
                low, high = value  # type: ignore[misc]
                full_low, full_high = NUMBERS[name]
                if (low, high) != (full_low, full_high):
                    when[name] = f"[{low}..{high}{']' if high == full_high else ')'}"
        outcome = f"t{index}-{'ab'[number % 2]}"
        rules[f"t{index}-rule-{number}"] = {"when": when, "then": outcome, "reasons": [{"text": "Generated {trn2.cost_to_train}."}]}
    reads = [*ENUMS, *NUMBERS, *([f"t{index - 1}"] if index > 1 else [])]
    return {"question": f"Table {index}?", "hit_policy": "UNIQUE", "reads": reads, "outcomes": outcomes, "rules": rules}


def graph_yaml(rules_per_table: int, seed: int = 2026) -> dict[str, object]:
    inputs: dict[str, object] = {
        name: {"question": name, "values": {value: {"label": value, "explanation": value} for value in values}} for name, values in ENUMS.items()
    }
    inputs.update({name: {"question": name, "number": {"unit": "units", "minimum": low, "maximum": high}} for name, (low, high) in NUMBERS.items()})
    rng = random.Random(seed)
    tables = {f"t{index}": table_yaml(partition(rng, rules_per_table), index, index == TABLES) for index in range(1, TABLES + 1)}
    return {"inputs": inputs, "tables": tables}


class _NoAliases(yaml.SafeDumper):
    """A facts file refuses aliases, so repeated values are written out."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def facts_file_with(decision: dict[str, object], folder: Path) -> Path:
    data = yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))
    data["decision"] = decision
    data.pop("benchmarks", None)
    data.pop("changes", None)
    data.pop("practice", None)
    for key in ("study_note",):
        for line in data[key]:
            line.pop("rules", None)
    path = folder / "scale.yml"
    path.write_text(yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def verifier_figures(folder: Path, rules_per_table: int = RULES, growth: tuple[int, ...] = GROWTH) -> dict[str, object]:
    decision = graph_yaml(rules_per_table)
    path = facts_file_with(decision, folder)
    start = time.perf_counter()
    facts = load_facts(path)
    load_seconds = time.perf_counter() - start
    verify_seconds = statistics.median(_time(lambda: verify_graph(facts.decision)) for _ in range(REPEATS))
    regions = 1
    for item in facts.decision.inputs:
        regions *= len(item.values)
    broken = json.loads(json.dumps(decision))
    rules = broken["tables"]["t1"]["rules"]
    removed = rules.pop("t1-rule-7")
    widened = next((rule for rule in rules.values() if "size" in rule["when"]), None)
    if widened is not None:
        widened["when"]["size"] = "[0..1000]"
    broken_path = folder / "broken.yml"
    broken_path.write_text(facts_file_with(broken, folder).read_text(encoding="utf-8"), encoding="utf-8")
    try:
        load_facts(broken_path)
        messages: list[str] = []
    except Exception as error:  # FactsError: the point is what it reports
        messages = [line for line in str(error).splitlines() if "gap:" in line or "overlap:" in line]
    by_rules = []
    for count in growth:
        grown = load_facts(facts_file_with(graph_yaml(count), folder))
        seconds = statistics.median(_time(lambda grown=grown: verify_graph(grown.decision)) for _ in range(REPEATS))
        by_rules.append({"rules_per_table": count, "verify_median_s": round(seconds, 4)})
    return {
        "tables": TABLES,
        "inputs": len(ENUMS) + len(NUMBERS),
        "enumerated_inputs": len(ENUMS),
        "numeric_inputs": len(NUMBERS),
        "rules": rules_per_table * TABLES,
        "rules_per_table": rules_per_table,
        "value_combinations": regions,
        "verify_median_s": round(verify_seconds, 4),
        "load_and_verify_s": round(load_seconds, 3),
        "broken_table_findings": len(messages),
        "broken_table_example": messages[0] if messages else "",
        "removed_rule_had": removed["when"],
        "verify_by_rules": by_rules,
    }


def _time(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


def repeated_facts_file(times: int, folder: Path) -> tuple[Path, int]:
    """The real facts file with its facts section repeated `times` times under new ids."""
    text = FACTS_FILE.read_text(encoding="utf-8")
    start = text.index("\nfacts:\n") + len("\nfacts:\n")
    end = text.index("\n# ----", start)
    section = text[start:end]
    copies = [section]
    for copy in range(1, times):
        copies.append(re.sub(r"^  ([a-z0-9_]+)\.([a-z0-9_.]+):$", rf"  \1.\2_copy{copy}:", section, flags=re.MULTILINE))
    path = folder / f"facts-{times}x.yml"
    path.write_text(text[:start] + "\n".join(copies) + text[end:], encoding="utf-8")
    for sibling in FACTS_FILE.parent.glob(f"{FACTS_FILE.stem}.*.yml"):
        (folder / sibling.name).write_text(sibling.read_text(encoding="utf-8"), encoding="utf-8")
    count = len(re.findall(r"^  [a-z0-9_]+\.[a-z0-9_.]+:$", text[:start] + "\n".join(copies), flags=re.MULTILINE))
    return path, count


def check_figures(folder: Path) -> list[dict[str, object]]:
    rows = []
    for times in (1, 10, 50):  # 50x stays under the 4 MiB size cap
        path, count = repeated_facts_file(times, folder)
        seconds = []
        for _ in range(3):
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "chipwise", "check", str(path)], capture_output=True, text=True, check=False, cwd=folder)
            seconds.append(time.perf_counter() - start)
            if result.returncode != 0:
                raise SystemExit(f"check failed on {times}x:\n{result.stdout}{result.stderr}")
        rows.append({"times": times, "facts": count, "bytes": path.stat().st_size, "check_median_s": round(statistics.median(seconds), 3)})
    base = rows[0]
    for row in rows:
        row["seconds_per_1000_facts"] = round(float(row["check_median_s"]) / int(row["facts"]) * 1000, 3)  # type: ignore[arg-type]
        row["ratio_to_1x"] = round(float(row["check_median_s"]) / float(base["check_median_s"]), 2)  # type: ignore[arg-type]
    return rows


def main(argv: list[str] | None = None) -> None:
    quick = "--quick" in (sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory() as folder:
        if quick:
            print(json.dumps(verifier_figures(Path(folder), rules_per_table=12, growth=(6, 12)), indent=2))
            return
        verifier = verifier_figures(Path(folder))
        check = check_figures(Path(folder))
    results = {
        "date": datetime.date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.system()}, Python {platform.python_version()}",
        "command": ".venv/bin/python measurements/decision_scale.py",
        "verifier": verifier,
        "check": check,
        "targets": {"verify_s": 1.0},
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
