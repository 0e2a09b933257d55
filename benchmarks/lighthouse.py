"""Lighthouse (mobile, default throttling) on every page of the built site; prints a table of scores.

Run from the repository root:   .venv/bin/python benchmarks/lighthouse.py
It installs Lighthouse 12.2.3 from npm into benchmarks/node_modules on first use, builds the site
strictly, serves it gzip-compressed under /chipwise/ on loopback, and writes the scores to
benchmarks/results/lighthouse.json (shown on the site's Quality page).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_site import compressed, free_port, serving

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
RESULTS = BENCHMARKS / "results" / "lighthouse.json"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"


def site_pages() -> list[str]:
    """Every page: the navigation's, in its order, then the rest of docs/ (the embeds)."""
    nav = [line.split(":", 1)[1].strip() for line in (ROOT / "mkdocs.yml").read_text().splitlines() if line.strip().endswith(".md")]
    others = sorted(path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*.md"))
    pages = nav + [page for page in others if page not in nav]
    return ["" if page == "index.md" else page.removesuffix(".md") + "/" for page in pages]


def ensure_lighthouse() -> Path:
    binary = BENCHMARKS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=BENCHMARKS, check=True)
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
    """The median run's first contentful paint and total blocking time, in milliseconds (simulated phone)."""
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", help="pages to run, e.g. quiz/ (default: every page; a partial run is not recorded)")
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per page; the median run by performance is reported (default 5, as Lighthouse advises)"
    )
    arguments = parser.parse_args()
    lighthouse = ensure_lighthouse()
    port = free_port()
    base = f"http://127.0.0.1:{port}/chipwise/"
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CHIPWISE_SITE_URL": base}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=environment, check=True)
        rows = []
        with serving(site, port=port) as url:
            for page in arguments.pages or site_pages():
                name = page.strip("/").replace("/", "-") or "home"
                runs = []
                for index in range(arguments.runs):
                    report = BENCHMARKS / "out" / f"lighthouse-{name}-{index}.json"
                    report.parent.mkdir(exist_ok=True)
                    runs.append(run_lighthouse(lighthouse, url + page, report))
                runs.sort(key=lambda data: data["categories"]["performance"]["score"])
                median = runs[len(runs) // 2]
                scores = scores_of(median)
                failing = audits_below_full_marks(median)
                performance_runs = [scores_of(data)["performance"] for data in runs]
                timings = timings_of(median)
                size = compressed_size(site, page)
                rows.append(
                    {"page": "/" + page, **scores, "performance_runs": performance_runs, "below_1": failing, **timings, "html_gzip_bytes": size}
                )
                print(f"/{page:<26} " + "  ".join(f"{category} {scores[category]:>3}" for category in CATEGORIES)
                      + f"   FCP {timings['first_contentful_paint_ms']} ms, TBT {timings['total_blocking_time_ms']} ms, {size / 1000:.1f} kB gzip"
                      + f"   runs {performance_runs}" + (f"   ({', '.join(failing)})" if failing else ""))
    version = subprocess.run([str(lighthouse), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    result = {
        "date": datetime.date.today().isoformat(),
        "lighthouse": version,
        "form_factor": f"mobile, default throttling; median of {arguments.runs} runs",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "command": "bash scripts/benchmark.sh lighthouse",
        "pages": rows,
    }
    if arguments.pages:
        return 0
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    perfect = all(all(row[category] == 100 for category in CATEGORIES) for row in rows)
    print(f"\n{len(rows)} pages; all 100 in all four categories: {'yes' if perfect else 'no'}. Written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
