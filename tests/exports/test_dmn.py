"""api/decisions.dmn: the decision graph as DMN 1.3, read by bpmn.io's dmn-moddle without a warning, and decided
by an independent FEEL engine (feelin) exactly as chipwise decides, for every combination of the enumerated
inputs and each numeric input at its range's boundaries and inside each piece."""

from __future__ import annotations

import itertools
import json
import math
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chipwise.decision.engine import decide
from chipwise.decision.ranges import representative
from chipwise.exports import dmn, site_files
from chipwise.guide.model import Facts
from tests.support import ROOT

DMN_TOOLS = ROOT / "tests" / "dmn"


@pytest.fixture(scope="session")
def dmn_tools() -> Path:
    """The test-only npm packages (dmn-moddle, feelin, dmn-js), installed from their lock on first use."""
    node = shutil.which("node")
    assert node is not None, "the DMN tests need Node.js (node and npm) to run bpmn.io's DMN reader"
    if not (DMN_TOOLS / "node_modules" / "feelin").is_dir():
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=DMN_TOOLS, check=True, capture_output=True)
    return DMN_TOOLS


def _independent(tools: Path, document: Path, cases: list[dict[str, object]]) -> dict[str, object]:
    request = json.dumps({"dmn": str(document), "cases": cases})
    result = subprocess.run(["node", "evaluate.mjs"], cwd=tools, input=request, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


def _numbers(facts: Facts) -> list[float]:
    """The memory input at every bound any rule tests, and one value inside each piece of its range."""
    item = facts.decision.input("memory_gib")
    numeric = item.numeric
    assert numeric is not None
    found = {numeric.minimum, numeric.maximum}
    for value in item.values:
        assert value.interval is not None
        found.add(representative(value.interval))
        found.update(bound for bound in (value.interval.low, value.interval.high) if math.isfinite(bound))
    return sorted(bound for bound in found if numeric.minimum <= bound <= numeric.maximum)


def test_the_export_is_one_file_of_the_build_and_the_same_bytes_every_time(facts: Facts) -> None:
    assert site_files.generated_files(facts)[dmn.PATH] == dmn.dmn_xml(facts) == dmn.dmn_xml(facts)
    root = ET.fromstring(dmn.dmn_xml(facts))
    assert root.tag == f"{{{dmn.MODEL}}}definitions"
    decisions = root.findall(f"{{{dmn.MODEL}}}decision")
    assert [decision.get("name") for decision in decisions] == ["serving", "hardware"]
    assert [table.get("hitPolicy") for table in root.iter(f"{{{dmn.MODEL}}}decisionTable")] == ["UNIQUE", "UNIQUE"]
    rules = [rule.get("id") for rule in root.iter(f"{{{dmn.MODEL}}}rule")]
    assert rules == [f"rule_{rule.id}" for rule in facts.decision.rules]


def test_numeric_bounds_are_numbers_and_their_facts_are_named_in_the_annotation(facts: Facts) -> None:
    root = ET.fromstring(dmn.dmn_xml(facts))
    rule = next(rule for rule in root.iter(f"{{{dmn.MODEL}}}rule") if rule.get("id") == "rule_serve-intermittent-serverless")
    entries = [entry.findtext(f"{{{dmn.MODEL}}}text") for entry in rule.findall(f"{{{dmn.MODEL}}}inputEntry")]
    assert "<= 6" in entries
    annotation = rule.find(f"{{{dmn.MODEL}}}annotationEntry/{{{dmn.MODEL}}}text")
    assert annotation is not None and annotation.text == "serve-intermittent-serverless; memory_gib <= 6 from sagemaker.serverless_memory_max"


def test_dmn_moddle_reads_it_without_warnings_and_finds_every_shape(facts: Facts, dmn_tools: Path, tmp_path: Path) -> None:
    document = tmp_path / "decisions.dmn"
    document.write_text(dmn.dmn_xml(facts), encoding="utf-8")
    answer = _independent(dmn_tools, document, [])
    assert answer["warnings"] == []
    assert answer["tables"] == [{"name": table.id, "rules": len(table.rules), "shapes": 1} for table in facts.decision.tables]


def test_an_independent_feel_engine_decides_every_case_as_chipwise_does(facts: Facts, dmn_tools: Path, tmp_path: Path) -> None:
    document = tmp_path / "decisions.dmn"
    document.write_text(dmn.dmn_xml(facts), encoding="utf-8")
    enumerated = [item for item in facts.decision.inputs if item.numeric is None]
    cases: list[dict[str, object]] = [
        {**dict(zip((item.name for item in enumerated), values, strict=True)), "memory_gib": number}
        for values in itertools.product(*(item.value_names for item in enumerated))
        for number in _numbers(facts)
    ]
    assert len(cases) == 3 * 3 * 4 * len(_numbers(facts)) and len(_numbers(facts)) >= 10
    answers = _independent(dmn_tools, document, cases)["answers"]
    assert isinstance(answers, list)
    differences = []
    for case, theirs in zip(cases, answers, strict=True):
        ours = {step.table.id: step.outcome.id for step in decide(facts.decision, **case).steps}
        if theirs != ours:
            differences.append(f"{case}: chipwise {ours}, the DMN engine {theirs}")
    assert differences == []


def test_a_changed_export_is_caught_by_the_independent_engine(facts: Facts, dmn_tools: Path, tmp_path: Path) -> None:
    """The comparison can fail: a bound moved in the DMN (not in chipwise) shows up as a named difference."""
    document = tmp_path / "decisions.dmn"
    document.write_text(dmn.dmn_xml(facts).replace("<text>&lt;= 384</text>", "<text>&lt;= 100</text>", 1), encoding="utf-8")
    case = {"workload": "inference", "model": "deep-learning", "requests": "dataset", "memory_gib": 200}
    answers = _independent(dmn_tools, document, [case])["answers"]
    assert answers == [{"error": "serving: 0 rules match ()"}]


def test_it_is_valid_against_the_omgs_dmn_1_3_xml_schema(facts: Facts, dmn_tools: Path) -> None:
    """The OMG's DMN13.xsd (with DMNDI13, DC and DI) as dmn-moddle ships it."""
    import xmlschema

    schema = xmlschema.XMLSchema(str(dmn_tools / "node_modules" / "dmn-moddle" / "resources" / "dmn" / "xsd" / "DMN13.xsd"))
    errors = [str(error.reason) for error in schema.iter_errors(dmn.dmn_xml(facts))]
    assert errors == []
