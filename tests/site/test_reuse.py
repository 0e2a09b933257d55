"""Reuse: the example guide, the open data, Zensical, and byte-identical rebuilds."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from chipwise.exports import json_api, site_files
from chipwise.guide.model import Facts
from tests.support import FACTS_FILE, PAGES, ROOT, build_site, nonempty, page_text, visible_text

EXAMPLE = ROOT / "examples" / "guide"


def test_example_guide_builds_strictly_with_the_tables_and_flowchart(tmp_path: Path, facts: Facts) -> None:
    site = tmp_path / "guide"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=EXAMPLE, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    page = page_text(site, "chips/index.html")
    text = visible_text(page)
    assert f"AWS chips for {facts.meta.exam}" in text  # chipwise's exam_code()
    assert "Read each number with its source" in text  # the guide's own macro
    assert facts.fact("inf2.chips_max").short in text
    assert facts.fact("trn2.cost_to_train").phrase in text
    for fact in nonempty(facts.exam.key_numbers):
        assert fact.short in text
    assert "Inferentia → Inference" in text
    assert '<svg class="chipwise-flow"' in page
    assert all(f'id="rule-{rule.id}"' in page for rule in nonempty(facts.decision.rules))
    assert f'href="{facts.fact("inf2.chips_max").source.url}"' in page  # type: ignore[union-attr]


def test_open_data_is_published_and_valid(built_site: Path, facts: Facts) -> None:
    api = built_site / "api"
    file_schema = json.loads((api / "facts-file.schema.json").read_text(encoding="utf-8"))
    raw = json.loads(json.dumps(yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8")), default=str))
    jsonschema.Draft202012Validator.check_schema(file_schema)
    jsonschema.validate(raw, file_schema)
    decisions = json.loads((api / "decisions.json").read_text(encoding="utf-8"))
    assert decisions == json.loads(json.dumps(json_api.decisions_json(facts)))
    published_facts = json.loads((api / "facts.json").read_text(encoding="utf-8"))
    assert set(published_facts["facts"]) == set(facts.facts)
    facts_schema = json.loads((api / "facts.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(facts_schema, format_checker=jsonschema.FormatChecker()).validate(published_facts)
    for document in (file_schema, facts_schema, decisions, published_facts):
        assert document["version"] == facts.meta.version


def test_changelog_has_an_entry_for_the_facts_version(facts: Facts) -> None:
    changelog = (ROOT / "facts" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(facts.meta.version)}$", changelog, re.MULTILINE)


def test_zensical_builds_the_same_config_and_shows_the_same_numbers(tmp_path: Path, built_site: Path, facts: Facts) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(ROOT / name, project / name)
    for folder in ("docs", "overrides", "measurements/results"):
        shutil.copytree(ROOT / folder, project / folder)
    zensical = Path(sys.executable).parent / "zensical"
    result = subprocess.run([str(zensical), "build", "--strict", "-f", "mkdocs.yml"], cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    numbers = [fact.short for fact in facts.facts.values() if fact.is_number]
    for page in nonempty(PAGES):
        mkdocs_text, zensical_text = visible_text(page_text(built_site, page)), visible_text(page_text(site, page))
        shown = [number for number in numbers if number in mkdocs_text]
        assert [number for number in shown if number not in zensical_text] == [], page
    # Zensical runs no MkDocs hooks: the generated files come from `chipwise site-files`.
    written = site_files.write_generated_files(facts, site)
    assert {path.relative_to(site).as_posix() for path in written} == set(site_files.generated_files(facts))


def test_two_builds_of_the_same_commit_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    """The session's build (tests/site/conftest.py, the same build_site) and a second one."""
    first, second = built_site, tmp_path / "second"
    result = build_site(second)
    assert result.returncode == 0, result.stderr

    def files(site: Path) -> dict[str, bytes]:
        return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}

    one, two = files(first), files(second)
    assert set(one) == set(two)
    different = [name for name in one if one[name] != two[name] and name != "sitemap.xml.gz"]
    assert different == []
