"""Text is data: markup and script placed in every kind of facts-file text is shown as text.

One facts file, with a payload in a glossary definition, a rule reason, a fact label, note and baseline,
a fact-check topic, an outcome title, an exam situation, a quote, a source title and page copy sentences, passes `chipwise
check` and builds with --strict. No page, embed, SVG or generated file then carries a live tag, handler or
javascript: link, and no Markdown is left unrendered (a backtick or backslash in a link's tooltip once broke
the link or the build).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from chipwise import cli
from tests.support import FACTS_FILE, build_site, copy_rows_file, visible_text

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3)) `tick \\"
# Each: (the line as it stands, the key whose value gets the payload appended).
PLACES = [
    ("    definition: AWS's custom chip for machine-learning inference (serving predictions); powers Inf1 (legacy) and Inf2.", "definition"),
    ('            - text: "AWS\'s current Well-Architected guidance (MLSUS05-BP02) says Trn2 instances offer {trn2.cost_to_train}."', "text"),
    ("    label: Inferentia chips in the largest Inf1 instance", "label"),
    ("    topic: What Inferentia is for", "topic"),
    ("          title: Trn2 (AWS Trainium2)", "title"),
    ("    - situation: Making predictions in production", "situation"),
    ("    note: A release heading and its first sub-heading, joined.", "note"),
    ('    quote: "Legacy hardware: Inf1 instances use NeuronCore v1 architecture."', "quote"),
    ("    title: Amazon EC2 Inf1 Architecture", "title"),
    ("    baseline: than comparable inference-optimized Amazon EC2 instances (AWS blog, 2023)", "baseline"),
    ('  freshness_none: "none was compared more than {days} days ago"', "freshness_none"),
    ('  benchmarks_archived_title: "AWS has archived these benchmark pages (page modified {date})"', "benchmarks_archived_title"),
    ('  benchmarks_file_updated: "which says “Last update: {date}”"', "benchmarks_file_updated"),
]
LIVE_MARKUP = re.compile(r"<script>alert|<img src=x|href=\"?javascript:|href='javascript:", re.IGNORECASE)


def hostile_facts(destination: Path) -> Path:
    text = FACTS_FILE.read_text(encoding="utf-8")
    for line, key in PLACES:
        assert line in text, line
        prefix, value = line.split(f"{key}: ", 1)
        value = json.loads(value) if value.startswith('"') else value
        text = text.replace(line, f"{prefix}{key}: {json.dumps(value + ' ' + PAYLOAD)}", 1)
    path = destination / "hostile.yml"
    path.write_text(text, encoding="utf-8")
    copy_rows_file(destination)
    rows = destination / "aws-ml-chips.benchmarks.yml"
    rows.write_text(rows.read_text(encoding="utf-8").replace("model: bert-base-uncased\n", f"model: {json.dumps('bert ' + PAYLOAD)}\n"), encoding="utf-8")
    return path


# One worker under `pytest -n` (tests/conftest.py's XDIST_GROUPS): its tests share one build of the hostile file.

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    facts = hostile_facts(folder)
    assert cli.main(["check", str(facts)]) == 0
    result = build_site(folder / "site", facts)
    assert result.returncode == 0, result.stderr
    return folder / "site"


def test_no_page_embed_or_svg_carries_live_markup(hostile_site: Path) -> None:
    offenders = []
    for path in hostile_site.rglob("*"):
        if path.suffix in (".html", ".svg") and LIVE_MARKUP.search(path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(hostile_site)))
    assert offenders == []
    assert (hostile_site / "embed" / "comparison" / "index.html").is_file()


def test_generated_data_keeps_the_text_and_the_mermaid_source_has_no_tag(hostile_site: Path) -> None:
    facts = json.loads((hostile_site / "api" / "facts.json").read_text(encoding="utf-8"))
    assert facts["facts"]["inf1.chips_max"]["label"].endswith(PAYLOAD)
    assert "<" not in (hostile_site / "downloads" / "decision-flowchart.mmd").read_text(encoding="utf-8")


def test_the_payload_reads_as_text(hostile_site: Path) -> None:
    glossary = (hostile_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in glossary
    comparison = (hostile_site / "embed" / "comparison" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in comparison
    sources = (hostile_site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "[x](javascript:alert(3))" in re.sub(r"<[^>]+>", "", sources).replace("&lt;", "<").replace("&gt;", ">")
    benchmarks = (hostile_site / "benchmarks" / "index.html").read_text(encoding="utf-8")
    assert "(page modified 2026-10-13) &lt;script&gt;alert(1)&lt;/script&gt;" in benchmarks
    assert "” &lt;script&gt;alert(1)&lt;/script&gt;" in benchmarks.split("which says “Last update: ", 1)[1]
    published = json.loads((hostile_site / "api" / "benchmarks.json").read_text(encoding="utf-8"))
    assert published["archived"]["note"].startswith(f"AWS has archived these benchmark pages (page modified 2026-10-13) {PAYLOAD}: “")


def test_no_page_shows_unrendered_markdown_links(hostile_site: Path) -> None:
    offenders = []
    for path in hostile_site.rglob("*.html"):
        if re.search(r"\]\((?:\.\./)*sources\.md#", visible_text(path.read_text(encoding="utf-8"))):
            offenders.append(str(path.relative_to(hostile_site)))
    assert offenders == []
    sources = visible_text((hostile_site / "sources" / "index.html").read_text(encoding="utf-8"))
    assert "Amazon EC2 Inf1 Architecture " + PAYLOAD in sources


def test_anki_fields_are_escaped(hostile_site: Path) -> None:
    with zipfile.ZipFile(hostile_site / "downloads" / "chipwise.apkg") as package:
        collection = package.read("collection.anki2")
    assert b"<script>alert" not in collection
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in collection
