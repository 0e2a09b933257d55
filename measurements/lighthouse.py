"""Lighthouse (mobile, default throttling) on every page of the built site; prints a table of scores.

Run from the repository root:   .venv/bin/python measurements/lighthouse.py
It installs Lighthouse 12.2.3 from npm into measurements/node_modules on first use, builds the site
strictly, serves it gzip-compressed under /chipwise/ on loopback, and writes the scores to
measurements/results/lighthouse.json (shown on the site's Quality page).

Alongside the site it measures a reference: a one-paragraph page of Material as this site configures it
(the same theme settings and search, without the site's overrides, styles or scripts). What that page
scores in the same run is as high as a page can score here without changing how Material loads.

Each page also gets a twin: the same page's rendered content (its HTML after the macros and Markdown), built
by stock Material with this site's theme settings but none of its overrides, hooks, styles or scripts (one
hook of its own gives each twin page its page's table of contents, which raw HTML cannot). Material's own work
grows with the page, so the twin is the fair reference for a long page. A page keeps within its twin when its
performance is at least the twin's minus 2 and its total blocking time at most 1.5 times the twin's plus 50
ms, both compared as the means of their runs. Runs are interleaved (run 1 of every page and twin, then run 2, ...,
every other round in reverse order), so the machine's noise falls on every page alike.

Why means: Lighthouse simulates a phone from one observed load, and where the observed first paint falls against
Material's script and search index decides which of two estimates a run gets (20 runs of /quiz/choosing/ and its
twin: a first paint at about 1.07 s with 0.5 to 1.3 s of blocking after it, or at 1.8 to 2.7 s with 0.1 to 0.6 s).
The same page and its twin land in either, run by run; the median of five runs follows whichever came up three
times, the mean weighs both. The median run is still what the category scores and first paint report. The site's
pages hold their first paint until Material has started them (overrides/main.html), so their runs land in the second
estimate every time; the twins, stock Material, still land in either.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_site import compressed, serving

ROOT = Path(__file__).resolve().parents[1]
MEASUREMENTS = ROOT / "measurements"
RESULTS = MEASUREMENTS / "results" / "lighthouse.json"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# --run-all-compositor-stages-before-draw: without it, headless Chromium on this machine held a page's first paint
# until about 1.24 s after navigation in 4 of 12 runs of /quiz/worked-example/ while the page's main thread was idle
# (its trace: frames committed, none drawn), and Lighthouse's simulated paint and blocking times followed that stall
# rather than the page. With the flag, 0 of 12 runs. Each run's report in measurements/out/ keeps its observed first
# paint (audits.metrics: observedFirstContentfulPaint) for checking this again.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update"
    " --disable-sync --run-all-compositor-stages-before-draw"
)
REFERENCE_PAGE = "(reference) Material alone, one paragraph"
DEFAULT_RUNS = 5
TWIN_FIGURES = (
    "performance", "performance_runs", "performance_mean",
    "total_blocking_time_ms", "total_blocking_time_runs", "total_blocking_time_mean_ms",
)


def site_pages() -> list[str]:
    """Every page: the navigation's, in its order, then the rest of docs/ (the embeds)."""
    nav = [line.split(":", 1)[1].strip() for line in (ROOT / "mkdocs.yml").read_text().splitlines() if line.strip().endswith(".md")]
    others = sorted(path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*.md"))
    pages = nav + [page for page in others if page not in nav]
    return ["" if page == "index.md" else page.removesuffix(".md") + "/" for page in pages]


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml for its theme section; tags such as !ENV (used elsewhere in the file) read as None."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def build_reference_site(directory: Path, site_url: str) -> Path:
    """A one-page Material site with this site's theme settings and search, but none of its own files."""
    theme = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)["theme"]
    theme.pop("custom_dir", None)
    config = {"site_name": "reference", "site_url": site_url, "theme": theme, "plugins": ["search"]}
    (directory / "docs").mkdir(parents=True)
    (directory / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (directory / "docs" / "index.md").write_text("# Reference\n\nOne paragraph of text, on Material as this site configures it.\n")
    site = directory / "site"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=directory, env=environment, check=True)
    return site


_OWN_ELEMENTS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>", re.DOTALL)


def _toc_token(link: Any) -> dict[str, Any]:
    """One entry of a page's table of contents, as MkDocs' get_toc reads it back."""
    return {"level": link.level, "id": link.id, "name": link.title, "children": [_toc_token(child) for child in link.children]}


_TWIN_TOC_HOOK = """import json
from pathlib import Path

from mkdocs.structure.toc import get_toc

TABLES = json.loads((Path(__file__).parent / "tables_of_contents.json").read_text(encoding="utf-8"))


def on_page_content(html, page, **_):
    page.toc = get_toc(TABLES.get(page.file.src_uri, []))
    return html
"""


def build_twin_site(directory: Path, site_url: str) -> Path:
    """Every page's rendered content, without its scripts and inline styles, built by stock Material with this
    site's theme settings and search: the same pages as Material alone would serve them."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    rendered: dict[str, tuple[str, str]] = {}
    tables_of_contents: dict[str, list[dict[str, Any]]] = {}

    class Capture(BasePlugin):  # type: ignore[type-arg]
        def on_page_content(self, html: str, page: Any, **_: Any) -> str:
            rendered[page.file.src_uri] = (page.title or "", html)
            tables_of_contents[page.file.src_uri] = [_toc_token(link) for link in page.toc]
            return html

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(directory / "capture-site"))
    config.plugins["chipwise-measurement-capture"] = Capture()
    build(config)
    docs = directory / "docs"
    for src_uri, (title, html) in rendered.items():
        path = docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        # The content goes in as one raw HTML block; the title keeps the page's name in the twin's navigation.
        path.write_text(f"---\ntitle: {json.dumps(title)}\n---\n\n<div>\n{_OWN_ELEMENTS.sub('', html)}\n</div>\n", encoding="utf-8")
    mkdocs_yml = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    theme = mkdocs_yml["theme"]
    theme.pop("custom_dir", None)
    twin_config = {
        "site_name": mkdocs_yml["site_name"], "site_url": site_url, "theme": theme, "plugins": ["search"],
        "nav": mkdocs_yml["nav"], "markdown_extensions": ["md_in_html"], "validation": {"links": {"not_found": "ignore", "anchors": "ignore"}},
    }
    # A raw HTML block's headings never reach Markdown's table of contents, so the twin would show none where the
    # page shows one, and Material's work for it (drawing it, following the scroll) would count against the page
    # alone. A hook, MkDocs' documented place for it, gives each twin page its page's table of contents.
    (directory / "tables_of_contents.json").write_text(json.dumps(tables_of_contents), encoding="utf-8")
    (directory / "twin_toc.py").write_text(_TWIN_TOC_HOOK, encoding="utf-8")
    twin_config["hooks"] = ["twin_toc.py"]
    (directory / "mkdocs.yml").write_text(yaml.safe_dump(twin_config), encoding="utf-8")
    site = directory / "site"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=directory, env=environment, check=True)
    return site


def within_twin(row: dict[str, Any], twin: dict[str, Any]) -> bool:
    """Performance at least the twin's minus 2, total blocking time at most 1.5 times the twin's plus 50 ms: the means
    of their runs."""
    return (
        row["performance_mean"] >= twin["performance_mean"] - 2
        and row["total_blocking_time_mean_ms"] <= 1.5 * twin["total_blocking_time_mean_ms"] + 50
    )


def ensure_lighthouse() -> Path:
    binary = MEASUREMENTS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=MEASUREMENTS, check=True)
    return binary


def run_lighthouse(lighthouse: Path, url: str, report: Path) -> dict[str, Any]:
    command = [
        str(lighthouse), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)
    data: dict[str, Any] = json.loads(report.read_text())
    return data


def scores_of(data: dict[str, Any]) -> dict[str, int]:
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def timings_of(data: dict[str, Any]) -> dict[str, int]:
    """A run's first contentful paint and total blocking time, in milliseconds (simulated phone)."""
    audits = data["audits"]
    return {
        "first_contentful_paint_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "total_blocking_time_ms": round(audits["total-blocking-time"]["numericValue"]),
    }


def compressed_size(site: Path, page: str) -> int:
    """The page's HTML as the server sends it (gzip); about the first 14 kB arrive in TCP's first round trip."""
    return len(compressed((site / page / "index.html").read_bytes()))


def audits_below_full_marks(data: dict[str, Any]) -> list[str]:
    weighted = {ref["id"] for name in CATEGORIES for ref in data["categories"][name]["auditRefs"] if ref.get("weight", 0) > 0}
    return sorted(
        audit_id
        for audit_id, audit in data["audits"].items()
        if audit_id in weighted and audit.get("score") is not None and audit["score"] < 1
    )


def summary_row(page: str, runs: list[dict[str, Any]], size: int) -> dict[str, Any]:
    """The median run by performance, with every scored run's performance score, the median of the runs' total
    blocking times (the median run by performance need not be the median by blocking time, and one run's blocking
    time swings by 100 ms or more on a shared machine), and the means of both, which the twin comparison reads
    (see the module's note on why). Under heavy load Lighthouse may
    finish a run without a performance score (its runtimeError says why): that run is left out and said so,
    rather than losing every other page's runs."""
    scored = [data for data in runs if data["categories"]["performance"]["score"] is not None]
    for data in (data for data in runs if data["categories"]["performance"]["score"] is None):
        print(f"{page}: a run without a performance score is left out ({data.get('runtimeError', {}).get('code', 'no runtimeError')})", file=sys.stderr)
    if not scored:
        raise SystemExit(f"{page}: Lighthouse scored none of its {len(runs)} runs; rerun on a quieter machine")
    runs = sorted(scored, key=lambda data: data["categories"]["performance"]["score"])
    median = runs[len(runs) // 2]
    blocking = [timings_of(data)["total_blocking_time_ms"] for data in scored]
    performance = [scores_of(data)["performance"] for data in runs]
    return {
        "page": page, **scores_of(median), "performance_runs": performance,
        "performance_mean": round(statistics.mean(performance), 1),
        "below_1": audits_below_full_marks(median), "first_contentful_paint_ms": timings_of(median)["first_contentful_paint_ms"],
        "total_blocking_time_ms": round(statistics.median(blocking)), "total_blocking_time_runs": blocking,
        "total_blocking_time_mean_ms": round(statistics.mean(blocking)), "html_gzip_bytes": size,
    }


def print_row(row: dict[str, Any]) -> None:
    print(f"{row['page']:<27} " + "  ".join(f"{category} {row[category]:>3}" for category in CATEGORIES)
          + f"   FCP {row['first_contentful_paint_ms']} ms, TBT {row['total_blocking_time_ms']} ms (runs {row['total_blocking_time_runs']}),"
          + f" {row['html_gzip_bytes'] / 1000:.1f} kB gzip"
          + f"   runs {row['performance_runs']}; means: performance {row['performance_mean']}, TBT {row['total_blocking_time_mean_ms']} ms"
          + (f"   ({', '.join(row['below_1'])})" if row["below_1"] else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", help="pages to run, e.g. quiz/ (default: every page; a partial run is not recorded)")
    parser.add_argument(
        "--runs",
        type=int,
        default=DEFAULT_RUNS,
        help="runs per page; the median run by performance is reported, with the runs' median and mean blocking times "
        f"(default {DEFAULT_RUNS}, as Lighthouse advises)",
    )
    arguments = parser.parse_args()
    lighthouse = ensure_lighthouse()
    with tempfile.TemporaryDirectory() as temporary, ExitStack() as servers:
        # Each server starts before its site is built, so the site knows its own address (canonical links).
        site, reference_site = Path(temporary) / "site", Path(temporary) / "reference" / "site"
        twin_site = Path(temporary) / "twin" / "site"
        url = servers.enter_context(serving(site))
        reference_url = servers.enter_context(serving(reference_site))
        twin_url = servers.enter_context(serving(twin_site))
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CHIPWISE_SITE_URL": url}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=environment, check=True)
        build_reference_site(reference_site.parent, reference_url)
        build_twin_site(twin_site.parent, twin_url)
        pages = arguments.pages or site_pages()
        targets = {REFERENCE_PAGE: reference_url, **{"/" + page: url + page for page in pages}}
        targets |= {"twin /" + page: twin_url + page for page in pages}
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in targets}
        order = list(targets.items())
        for index in range(arguments.runs):
            for name, target in order if index % 2 == 0 else reversed(order):
                slug = "reference" if name == REFERENCE_PAGE else name.replace("twin /", "twin-").strip("/").replace("/", "-") or "home"
                report = MEASUREMENTS / "out" / f"lighthouse-{slug}-{index}.json"
                report.parent.mkdir(exist_ok=True)
                runs[name].append(run_lighthouse(lighthouse, target, report))
        reference = summary_row(REFERENCE_PAGE, runs[REFERENCE_PAGE], len(compressed((reference_site / "index.html").read_bytes())))
        rows = [summary_row("/" + page, runs["/" + page], compressed_size(site, page)) for page in pages]
        twins = [summary_row("twin /" + page, runs["twin /" + page], compressed_size(twin_site, page)) for page in pages]
    for row, twin in zip(rows, twins, strict=True):
        row["twin"] = {key: twin[key] for key in TWIN_FIGURES}
        row["within_twin"] = within_twin(row, twin)
    for row in [reference, *rows]:
        print_row(row)
        if "twin" in row:
            twin = row["twin"]
            verdict = "yes" if row["within_twin"] else "NO"
            blocking = f"TBT {twin['total_blocking_time_ms']} ms (runs {twin['total_blocking_time_runs']})"
            means = f"means: performance {twin['performance_mean']}, TBT {twin['total_blocking_time_mean_ms']} ms"
            print(f"{'':<27} twin: performance {twin['performance']:>3}, {blocking}; {means}; within: {verdict}")
    version = subprocess.run([str(lighthouse), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    result = {
        "date": datetime.date.today().isoformat(),
        "lighthouse": version,
        "form_factor": f"mobile, default throttling; {arguments.runs} runs, interleaved",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "command": "bash scripts/measure.sh lighthouse" + (f" --runs {arguments.runs}" if arguments.runs != DEFAULT_RUNS else ""),
        "reference": reference,
        "pages": rows,
    }
    if arguments.pages:
        return 0
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    perfect = all(all(row[category] == 100 for category in CATEGORIES) for row in rows)
    within = sum(row["within_twin"] for row in rows)
    print(f"\n{len(rows)} pages; all 100 in all four categories: {'yes' if perfect else 'no'}; within their twins: {within} of {len(rows)}.")
    print(f"Written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
