"""How much driving the site from the facts file costs, against its static twin.

The static twin is the same site with each page's Markdown already rendered by the macros (captured
from a build of the project), the generated files copied in as plain files, and the macros plugin and
chipwise's hook removed: what hand-written pages with the same words would cost.

Run from the repository root:   .venv/bin/python measurements/build_speed.py [--pairs N] [--reloads N] [--quick] [--output PATH]
(`--quick`, one pair without warm-up builds, one reload and one load, on the project cut down to three pages
(QUICK_PAGES: the same config, theme, hooks, macros and facts), is what tests/test_build_speed.py runs so the script
cannot rot: every step runs, each build in a fraction of the time.)

It prints, with the machine and versions:
  1. full build: the median of project/twin time ratios over N alternating pairs of fresh processes;
  2. reload: the median time from saving an edit (the facts file / a twin page) until `mkdocs serve`
     serves the changed page, and their ratio;
  3. loading, validating and verifying the facts file, as a share of a project build.
It writes the figures to measurements/results/build_speed.json (shown on the site's Quality page).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_site import free_port

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "measurements" / "results" / "build_speed.json"
ENVIRONMENT = {**{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}
"""The builds' environment. Python keeps compiled bytecode, as it does by default: the dependencies' was compiled
when pip installed them (so was chipwise's, installed from its wheel), and a shell that turns writing it off would
otherwise charge a checkout's chipwise with compiling itself on every build."""
FACTS_FILE = ROOT / "facts" / "aws-ml-chips.yml"
WATCHED_FACT = "inf2.chips_max"
"""The edit: this fact's value (and its quote, which must state it) becomes n; the page shows the fact's text."""
FACT_EDIT = ("    value: 12\n    unit: chips", "    value: {n}\n    unit: chips")
QUOTE_EDIT = ("powered by up to 12 Inferentia2 chips, and allows", "powered by up to {n} Inferentia2 chips, and allows")
WATCHED_PAGE = "inferentia/"
QUICK_PAGES = ("index.md", "inferentia.md", "embed.md")
"""--quick's pages: the home page, the watched page and the page of macro samples the floor must not run."""


# --- the project, whole or cut down ------------------------------------------------------------


def quick_project(destination: Path) -> Path:
    """This project with only QUICK_PAGES: the same mkdocs.yml (its navigation cut to them, links to the pages left
    out reported as info instead of warnings), theme overrides, macros module, hooks and facts file."""
    project = destination / "quick-project"
    (project / "docs").mkdir(parents=True)
    for page in QUICK_PAGES:
        shutil.copy(ROOT / "docs" / page, project / "docs" / page)
    shutil.copy(ROOT / "macros.py", project / "macros.py")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text, navs = re.subn(r"\nnav:\n(  .*\n)+", "\nnav:\n" + "".join(f"  - {page}\n" for page in QUICK_PAGES), text)
    text, validations = re.subn(r"\nvalidation:\n", "\nvalidation:\n  not_found: info\n", text)
    text, overrides = re.subn(r"^  custom_dir: overrides$", f"  custom_dir: {ROOT / 'overrides'}", text, flags=re.MULTILINE)
    text, hooks = re.subn(r"^  - src/chipwise/site/hooks.py$", f"  - {ROOT / 'src' / 'chipwise' / 'site' / 'hooks.py'}", text, flags=re.MULTILINE)
    text, watched = re.subn(r"^  - (facts|src/chipwise|overrides)$", lambda match: f"  - {ROOT / match.group(1)}", text, flags=re.MULTILINE)
    if (navs, validations, overrides, hooks, watched) != (1, 1, 1, 1, 3):
        raise RuntimeError("mkdocs.yml no longer has the nav, validation, custom_dir, hooks and watch entries quick_project cuts down")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    return project


# --- the static twin --------------------------------------------------------------------------


def make_twin(project: Path, destination: Path) -> Path:
    """Capture every page's Markdown after the macros ran, and write a project that needs no macros."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    from chipwise.exports.site_files import write_generated_files
    from chipwise.guide.load import load_facts

    captured: dict[str, str] = {}

    class Capture(BasePlugin):  # type: ignore[type-arg]
        def on_page_markdown(self, markdown: str, page: Any, **_: Any) -> str:
            front_matter = f"---\n{yaml.safe_dump(dict(page.meta), sort_keys=False)}---\n\n" if page.meta else ""
            captured[page.file.src_uri] = front_matter + markdown
            return markdown

    twin = destination / "twin"
    shutil.copytree(project / "docs", twin / "docs")
    shutil.copytree(ROOT / "overrides", twin / "overrides")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(destination / "capture-site"))
    config.plugins["chipwise-measurement-capture"] = Capture()
    build(config)
    for src_uri, markdown in captured.items():
        (twin / "docs" / src_uri).write_text(markdown, encoding="utf-8")
    write_generated_files(load_facts(), twin / "docs")

    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace(f"  custom_dir: {ROOT / 'overrides'}\n", "  custom_dir: overrides\n")
    text = re.sub(r"\n  - macros:\n(      .*\n)+", "\n", text)
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    text = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text)
    assert "macros" not in text.split("# --- Plugins", 1)[1].split("# --- Development", 1)[0]
    (twin / "mkdocs.yml").write_text(text, encoding="utf-8")

    # The floor: the twin with mkdocs-macros switched on but given no macros, to show what the plugin
    # itself costs (its import, its git look-ups, a Jinja pass over every page).
    floor = destination / "twin-with-empty-macros"
    shutil.copytree(twin, floor)
    (floor / "empty_macros.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    # (Jinja's comment marker is moved: the rendered pages hold attribute lists such as {#rule-id}.)
    plugin = "  - macros:\n      module_name: empty_macros\n      j2_comment_start_string: '<#--'\n      j2_comment_end_string: '--#>'\n"
    # The embed page's code samples show macro calls: the floor must not run them.
    sample_page = floor / "docs" / "embed.md"
    sample_page.write_text(sample_page.read_text(encoding="utf-8").replace("---\n", "---\nrender_macros: false\n", 1), encoding="utf-8")
    assert "render_macros: false" in sample_page.read_text(encoding="utf-8")
    (floor / "mkdocs.yml").write_text(text.replace("plugins:\n  - search\n", "plugins:\n  - search\n" + plugin), encoding="utf-8")
    return twin


# --- 1. full builds ---------------------------------------------------------------------------


def timed_build(project: Path, site: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def build_pairs(project: Path, twin: Path, work: Path, pairs: int, *, warm: bool = True) -> dict[str, Any]:
    projects = {"project": project, "twin": twin, "floor": twin.parent / "twin-with-empty-macros"}
    times: dict[str, list[float]] = {name: [] for name in projects}
    for name, path in projects.items():
        if warm:
            timed_build(path, work / f"warm-{name}", ENVIRONMENT)  # warm the disk cache for each
    for index in range(pairs):
        order = list(projects.items())
        if index % 2:
            order.reverse()
        for name, path in order:
            times[name].append(timed_build(path, work / f"{name}-{index}", ENVIRONMENT))
    ratios = [project / twin for project, twin in zip(times["project"], times["twin"], strict=True)]
    floor_ratios = [floor / twin for floor, twin in zip(times["floor"], times["twin"], strict=True)]
    over_floor = [project / floor for project, floor in zip(times["project"], times["floor"], strict=True)]
    return {
        "pairs": pairs,
        "project_median_s": round(statistics.median(times["project"]), 3),
        "twin_median_s": round(statistics.median(times["twin"]), 3),
        "median_ratio": round(statistics.median(ratios), 3),
        "empty_macros_median_s": round(statistics.median(times["floor"]), 3),
        "empty_macros_median_ratio": round(statistics.median(floor_ratios), 3),
        "over_empty_macros_median_ratio": round(statistics.median(over_floor), 3),
    }


# --- 2. reload after an edit --------------------------------------------------------------------


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, marker: str, limit: float = 60) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if marker in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise RuntimeError(f"{url} never showed {marker!r}")


class Server:
    """`mkdocs serve` for one project, with an edit that changes what one page shows."""

    def __init__(self, project: Path, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project, env=env, stdout=self.log, stderr=self.log,
        )
        self.url = f"http://127.0.0.1:{self.port}/{WATCHED_PAGE}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def shown(facts_file: Path) -> str:
    """What the watched page shows for the watched fact, as the facts file at `facts_file` gives it."""
    from chipwise.guide.load import load_facts

    return load_facts(facts_file).fact(WATCHED_FACT).short


def edited_facts(original: str, n: int) -> str:
    """The facts file with the watched fact (and its quote) set to n; an edit that no longer applies fails here."""
    for old, _ in (FACT_EDIT, QUOTE_EDIT):
        if original.count(old) != 1:
            raise RuntimeError(f"the reload edit expects {old!r} once in {FACTS_FILE.name}; update FACT_EDIT and QUOTE_EDIT")
    return original.replace(FACT_EDIT[0], FACT_EDIT[1].format(n=n)).replace(QUOTE_EDIT[0], QUOTE_EDIT[1].format(n=n))


def reloads(project_folder: Path, twin: Path, work: Path, count: int) -> dict[str, Any]:
    from chipwise.facts.benchmarks import named_file

    facts_copy = work / "facts.yml"
    original_facts = FACTS_FILE.read_text(encoding="utf-8")
    facts_copy.write_text(original_facts, encoding="utf-8")
    rows_file = named_file(FACTS_FILE)  # the facts file names its rows file relative to itself
    shutil.copy(rows_file, work / rows_file.name)
    shutil.copy(FACTS_FILE.parent / "aws-ml-chips.changes.yml", work / "aws-ml-chips.changes.yml")  # and its changes file
    before = shown(facts_copy)
    twin_page = twin / "docs" / "inferentia.md"
    original_page = twin_page.read_text(encoding="utf-8")
    project = Server(project_folder, {**ENVIRONMENT, "CHIPWISE_FACTS": str(facts_copy)}, work / "serve-project.log")
    twin_server = Server(twin, ENVIRONMENT, work / "serve-twin.log")
    project_times, twin_times = [], []
    try:
        wait_for(project.url, before)
        wait_for(twin_server.url, before)
        if before not in original_page:
            raise RuntimeError(f"the twin's {twin_page.name} does not show {before!r}")
        for index in range(count):
            n = 13 + index
            edits = [("project", project_times), ("twin", twin_times)]
            for name, times in edits if index % 2 == 0 else reversed(edits):
                time.sleep(1)  # each server settles (after starting, or after its last rebuild) before an edit
                edited = work / f"edited-{n}.yml"
                edited.write_text(edited_facts(original_facts, n), encoding="utf-8")
                after = shown(edited)
                if name == "project":
                    start = time.perf_counter()
                    facts_copy.write_text(edited.read_text(encoding="utf-8"), encoding="utf-8")
                    wait_for(project.url, after)
                else:
                    start = time.perf_counter()
                    twin_page.write_text(original_page.replace(before, after), encoding="utf-8")
                    wait_for(twin_server.url, after)
                times.append(time.perf_counter() - start)
    finally:
        project.stop()
        twin_server.stop()
        twin_page.write_text(original_page, encoding="utf-8")
    return {
        "edits": count,
        "project_median_s": round(statistics.median(project_times), 3),
        "twin_median_s": round(statistics.median(twin_times), 3),
        "median_ratio": round(statistics.median(project_times) / statistics.median(twin_times), 3),
    }


# --- 3. loading the facts -----------------------------------------------------------------------


def facts_load_time(repeats: int = 30) -> float:
    """Median seconds to read, validate and verify the facts file and its rows file from scratch (in a fresh
    process; the rows file's cache is emptied before each load, as a fresh build starts with it empty)."""
    code = (
        "import statistics, time\n"
        "from chipwise.facts import benchmarks\n"
        "from chipwise.guide.load import _load_uncached, default_facts_path\n"
        "path = default_facts_path(); times = []\n"
        "def load():\n"
        "    benchmarks._read.clear(); _load_uncached(path, str(path), path.read_bytes(), True)\n"
        "load()\n"
        f"for _ in range({repeats}):\n"
        "    start = time.perf_counter(); load(); times.append(time.perf_counter() - start)\n"
        "print(statistics.median(times))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=ENVIRONMENT, capture_output=True, text=True, check=True)
    return float(output.stdout.strip())


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pyyaml")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=8, help="alternating build pairs (default 8)")
    parser.add_argument("--reloads", type=int, default=6, help="edits per server (default 6)")
    parser.add_argument("--quick", action="store_true", help="three pages, one pair (no warm-up), one reload, one load: checks that it runs, measures little")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"where to write the figures (default {RESULTS.relative_to(ROOT)})")
    arguments = parser.parse_args()
    pairs, edits, loads = (1, 1, 1) if arguments.quick else (arguments.pairs, arguments.reloads, 30)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        project = quick_project(work) if arguments.quick else ROOT
        twin = make_twin(project, work)
        build = build_pairs(project, twin, work, pairs, warm=not arguments.quick)
        reload = reloads(project, twin, work, edits)
    load = facts_load_time(loads)
    result = {
        "date": datetime.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}, Python {platform.python_version()}",
        "versions": versions(),
        "command": "bash scripts/measure.sh",
        "build": build,
        "reload": reload,
        "facts_load_s": round(load, 4),
        "facts_load_share_of_build": round(load / build["project_median_s"], 4),
        "targets": {"build_ratio": 1.10, "reload_ratio": 1.2, "facts_load_share": 0.05},
    }
    print(f"machine: {result['machine']}; " + ", ".join(f"{name} {value}" for name, value in result["versions"].items()))
    print(f"1. full build: project {build['project_median_s']} s, static twin {build['twin_median_s']} s, "
          f"median ratio {build['median_ratio']} over {build['pairs']} pairs (target <= 1.10)")
    print(f"   the floor: the twin with mkdocs-macros on and no macros takes {build['empty_macros_median_s']} s, "
          f"ratio {build['empty_macros_median_ratio']}: the plugin's own cost, before chipwise does anything")
    print(f"   chipwise's own share: project / floor, median ratio {build['over_empty_macros_median_ratio']} (target <= 1.05)")
    print(f"2. reload after an edit: facts file {reload['project_median_s']} s, twin page {reload['twin_median_s']} s, "
          f"ratio {reload['median_ratio']} over {reload['edits']} edits each (target <= 1.2)")
    print(f"3. load, validate and verify the facts: {load * 1000:.1f} ms, "
          f"{result['facts_load_share_of_build']:.1%} of a project build (target <= 5%)")
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
