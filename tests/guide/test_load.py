"""The facts file: the real one loads; each broken file in the corpus is refused at its line."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

import chipwise
from chipwise.errors import FactsError
from chipwise.facts.file_schema import json_schema
from chipwise.guide.load import ENVIRONMENT_VARIABLE, content_digest, default_facts_path
from chipwise.guide.model import Facts
from tests.support import BROKEN, CHANGES_FILE, FACTS_FILE, FIXTURES, HAND_TYPED, copy_rows_file, nonempty

VERSION_LINE = re.search(r'version: "[^"]+"', FACTS_FILE.read_text(encoding="utf-8"))[0]

# file in tests/broken_facts/ -> every problem it must report, as "LINE:COL: key.path: message"
BROKEN_FILES = {
    "yaml-syntax-error": ["103:9: (file): invalid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence)"],
    "tab-indentation": ["42:1: (file): indentation uses a tab; YAML needs spaces"],
    "duplicate-key": ["22:5: facts.inf2.chips_max.value: duplicate key 'value'; it is already set on line 21"],
    "unknown-key": [
        "20:5: facts.inf2.chips_max.source: missing required key 'source' in facts.inf2.chips_max",
        "25:5: facts.inf2.chips_max.sorce: unknown key 'sorce'; did you mean 'source'? (expected keys: label, value, unit, kind, "
        "qualifier, measures, baseline, source, quote, verified, scope, note)",
    ],
    "missing-required-key": ["42:5: facts.example.gpu_monthly_cost.quote: missing required key 'quote' in facts.example.gpu_monthly_cost"],
    "wrong-type": ["21:5: facts.inf2.chips_max.value: expected a whole number above 0 for unit 'chips', received 'twelve'"],
    "percent-out-of-range": ["31:5: facts.trn1.cost_to_train.value: expected a percentage from 0 to 100 for unit 'percent', received 150"],
    "count-not-positive": ["21:5: facts.inf2.chips_max.value: expected a whole number above 0 for unit 'chips', received 0"],
    "malformed-url": [
        "16:10: sources.wa-mlsus-12.url: expected a web address starting with https:// (no spaces, quotes or angle brackets), "
        "received 'htp//docs.aws.amazon.com/wellarchitected/latest/machine-learning-lens/mlsus-12.html'"
    ],
    "malformed-date": ["27:15: facts.inf2.chips_max.verified: expected a date written YYYY-MM-DD, received the malformed value '2026-13-45'"],
    "future-date": ["27:15: facts.inf2.chips_max.verified: the date 2999-01-01 is in the future; use the day the fact was checked"],
    "ancient-date": ["27:15: facts.inf2.chips_max.verified: the date 0001-01-01 is before 2000-01-01; no source about AWS's ML chips is that old"],
    "far-version": ["3:12: meta.version: the version's date 9999-12-31 is in the future; use the day of the release"],
    "underscore-number": [
        "21:12: facts.inf2.chips_max.value: expected a number written with the digits 0-9 (no underscores, hex, octal or base-60), received '1_2'"
    ],
    "unicode-digits": [
        "3:12: meta.version: expected a version like \"2026.11.26\" (a real date), or \"2026.11.26.2\" for a same-day revision, "
        "received '٢٠٢٦.11.26'"
    ],
    "glossary-unknown-fact": ["105:5: glossary.Inf2.definition: unknown fact 'inf2.chips_mx'; did you mean 'inf2.chips_max'?"],
    "deep-nesting": ["2:70: (file): lists and mappings nest more than 64 deep here; a facts file needs far fewer levels"],
    "unknown-source": ["25:5: facts.inf2.chips_max.source: unknown source 'neuron-inf2-arch-page'; did you mean 'neuron-inf2-arch'?"],
    "quote-contradicts-value": ["26:5: facts.inf2.chips_max.quote: the quote does not contain the value 16; copy the source's words exactly, or fix the value"],
    "rule-unknown-fact": ["149:15: decision.tables.chip.rules.train.reasons[0].text: unknown fact 'trn1.cost_to_trian'; did you mean 'trn1.cost_to_train'?"],
    "rule-unknown-outcome": ["147:11: decision.tables.chip.rules.train.then: unknown outcome 'trainum'; did you mean 'trainium'?"],
    "decision-gap": ["143:7: decision.tables.chip.rules: gap: no rule decides workload=inference, neuron=no"],
    "decision-overlap": [
        "151:11: decision.tables.chip.rules.infer.when: overlap: rules 'train' and 'infer' both decide workload=training (hit policy UNIQUE allows one)",
    ],
    "decision-unreachable-rule": ["157:11: decision.tables.chip.rules.never.when: rule 'never' is unreachable: it decides no combination of inputs"],
    "derived-wrong-inputs": ["54:5: derived.example.savings.inputs: formula 'percent_of' takes inputs amount, percent; missing: percent; unexpected: share"],
    "unquoted-yes-key": ["121:9: decision.inputs.neuron.values: keys must be text, received the boolean true (written 'yes') (quote it: \"yes\")"],
    "python-tag": ["21:12: (file): the tag !!python/object/apply:os.system is not allowed in a facts file; write a plain value"],
    "alias-bomb": ["2:8: (file): aliases are not allowed in a facts file (found *a); write the value out, or cite a fact as {fact.id} in text"],
    "not-utf8": ["42:26: (file): the file is not UTF-8 text (byte 0xfb cannot be decoded); save it as UTF-8"],
    "empty": ["1:1: (file): the file is empty; expected a mapping with meta, sources, facts, ..."],
    "top-level-list": ["1:1: (file): expected a mapping at the top level, received a list"],
}


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FactsError) as caught:
        chipwise.load_facts(path)
    return [f"{p.location.line}:{p.location.column}: {p.key_path or '(file)'}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
def test_broken_file_is_refused_with_located_messages(name: str) -> None:
    assert problems_of(BROKEN / f"{name}.yml") == BROKEN_FILES[name]


def test_every_file_in_the_corpus_has_expectations() -> None:
    assert {path.stem for path in BROKEN.glob("*.yml")} == set(BROKEN_FILES)


def test_a_glossary_definition_expands_its_fact_references_as_other_texts_do(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal.yml").read_text(encoding="utf-8")
    old = "    definition: EC2 instances with Inferentia2 chips."
    assert old in text
    path = tmp_path / "glossary.yml"
    path.write_text(text.replace(old, "    definition: EC2 instances with {inf2.chips_max} (Inferentia2)."), encoding="utf-8")
    assert chipwise.load_facts(path).glossary["Inf2"] == "EC2 instances with up to 12 chips (Inferentia2)."


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = (FIXTURES / "minimal.yml").read_text()
    text = text.replace("    value: 12\n", "    value: twelve\n").replace("      then: trainium", "      then: trainum")
    text = text.replace("    url: https://docs.aws", "    url: docs.aws")
    broken = tmp_path / "two-faults.yml"
    broken.write_text(text)
    found = problems_of(broken)
    assert len(found) == 2, found  # schema problems first; references are checked once the shape is right
    assert any("value: expected a whole number above 0" in line for line in found)
    assert any("url: expected a web address" in line for line in found)


def test_minimal_fixture_is_valid() -> None:
    facts = chipwise.load_facts(FIXTURES / "minimal.yml")
    assert facts.fact("example.savings").value == 30000 * 50 / 100


def test_real_facts_file_loads(facts: Facts) -> None:
    assert facts.meta.exam == "AIF-C01"
    assert facts.verified <= datetime.date.today()


def test_every_typed_fact_carries_source_quote_date_kind_and_scope(facts: Facts) -> None:
    for fact in nonempty(facts.facts.values()):
        assert fact.kind and fact.scope in {"aif-c01", "beyond-exam"}
        assert isinstance(fact.verified, datetime.date)
        if fact.derivation is None:
            assert fact.source is not None and fact.source.url.startswith("https://"), fact.id
            assert fact.quote, fact.id
        else:
            assert fact.kind == "derived" and fact.source is None, fact.id


def test_derived_figures_are_computed_from_their_inputs(facts: Facts) -> None:
    gpu = facts.fact("example.gpu_monthly_cost").value
    cut = facts.fact("note.cost_reduction").value
    assert isinstance(gpu, int) and isinstance(cut, int)
    assert facts.fact("example.inferentia_monthly_cost").value == gpu * (100 - cut) / 100
    assert facts.fact("example.monthly_savings").value == gpu * cut / 100
    assert facts.fact("example.chip_share").value == 100 / facts.fact("note.throughput").value  # type: ignore[operator]
    assert facts.fact("example.inferentia_monthly_cost").derivation.arithmetic == (  # type: ignore[union-attr]
        f"${gpu:,}/month × (100% − {cut}%) = ${gpu * (100 - cut) // 100:,}/month"
    )


def test_official_side_of_each_simplified_claim(facts: Facts) -> None:
    verdicts = {check.id: check.verdict for check in facts.fact_checks.values()}
    assert verdicts["throughput"] == "mis-attributed"
    assert verdicts["cost"] == "confirmed"
    assert "GPU-based" in facts.fact("inf1.cost_vs_gpu").baseline
    assert verdicts["footprint"] == "unsourced"
    assert verdicts["training-cost"] == "qualified"
    assert verdicts["footprint-domain"] == "mis-attributed"
    inf2 = facts.fact("inf2.throughput_vs_inf1")
    assert (inf2.qualifier, inf2.baseline) == ("up to", "than Inf1 instances")
    assert "up to 4x higher throughput" in inf2.quote


def test_facts_file_comes_from_the_environment_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    copy = tmp_path / "copy.yml"
    shutil.copy(FIXTURES / "minimal.yml", copy)
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(copy))
    assert default_facts_path() == copy
    assert chipwise.load_facts().meta.title == "Minimal chipwise facts"
    assert chipwise.recommend(workload="inference").instance_families == ("inf2",)


def test_edited_file_is_read_again(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yml"
    text = (FIXTURES / "minimal.yml").read_text()
    copy.write_text(text)
    assert chipwise.load_facts(copy).fact("inf2.chips_max").value == 12
    copy.write_text(text.replace("value: 12", "value: 11").replace("up to 12 Inferentia2", "up to 11 Inferentia2"))
    assert chipwise.load_facts(copy).fact("inf2.chips_max").value == 11


def test_an_edited_changes_file_changes_the_content_digest(tmp_path: Path) -> None:
    # The site's disk cache keys the generated files (api/changes.json, feed.xml) by this digest: a changes file
    # edited alone must not publish the files made from its old text.
    copy_rows_file(tmp_path)
    copy = tmp_path / FACTS_FILE.name
    shutil.copy(FACTS_FILE, copy)
    before = content_digest(chipwise.load_facts(copy))
    changes = tmp_path / CHANGES_FILE.name
    text = changes.read_text(encoding="utf-8")
    summary = "    summary: >-\n      "
    assert summary in text
    changes.write_text(text.replace(summary, summary + "Edited: ", 1), encoding="utf-8")
    edited = chipwise.load_facts(copy)
    assert edited.changes[0].summary.startswith("Edited: ")
    assert before is not None and content_digest(edited) not in (None, before)


def test_facts_are_frozen(facts: Facts) -> None:
    with pytest.raises(TypeError):
        facts.facts["x"] = facts.fact("inf2.chips_max")  # type: ignore[index]


def test_no_number_in_the_facts_file_text_fields_outside_quotes_that_a_fact_does_not_hold(facts: Facts) -> None:
    """Reasons and explanations cite numbers as {fact.id}, never typed: check the templates."""
    for rule in nonempty(facts.decision.rules):
        for reason in nonempty(rule.reasons):
            assert not HAND_TYPED.search(re.sub(r"\{[^}]*\}", "", reason.template)), (rule.id, reason.template)


def test_committed_json_schema_is_current() -> None:
    """facts/facts.schema.json is generated: run `chipwise schema > facts/facts.schema.json` after a schema change."""
    committed = json.loads((FACTS_FILE.parent / "facts.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema()


def test_facts_file_validates_against_its_json_schema() -> None:
    data = json.loads(json.dumps(yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(data, json_schema())
    broken = json.loads(json.dumps(yaml.safe_load((BROKEN / "unknown-key.yml").read_text(encoding="utf-8")), default=str))
    with pytest.raises(jsonschema.ValidationError, match="sorce"):
        jsonschema.validate(broken, json_schema())


@pytest.mark.parametrize(
    ("where", "value"),
    [(("meta", "version"), "٢٠٢٦.11.26"), (("meta", "version"), "1999.12.31"), (("facts", "inf2.chips_max", "verified"), "0001-01-01")],
    ids=["arabic-indic-version", "ancient-version", "ancient-date"],
)
def test_the_json_schema_refuses_the_digits_and_days_the_loader_refuses(where: tuple[str, ...], value: str) -> None:
    data = json.loads(json.dumps(yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8")), default=str))
    *parents, key = where
    entry = data
    for parent in parents:
        entry = entry[parent]
    entry[key] = value
    with pytest.raises(jsonschema.ValidationError) as refused:
        jsonschema.validate(data, json_schema())
    assert list(refused.value.absolute_path) == list(where)


def test_the_cache_is_keyed_by_content_not_by_time_and_size(tmp_path: Path) -> None:
    """`cp -p` of a same-size file keeps size and mtime; the facts must change anyway."""
    first = FACTS_FILE.read_text(encoding="utf-8")
    second = first.replace("value: 12\n    unit: chips", "value: 13\n    unit: chips", 1).replace(
        "powered by up to 12 Inferentia2 chips", "powered by up to 13 Inferentia2 chips", 1
    )
    assert len(second) == len(first) and second != first
    path = tmp_path / "facts.yml"
    path.write_text(first, encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    assert chipwise.load_facts(path).fact("inf2.chips_max").value == 12
    path.write_text(second, encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))
    assert chipwise.load_facts(path).fact("inf2.chips_max").value == 13


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('meta:\n  title: "a\\x00b"\n', "meta.title: the text has the control character U+0000; remove it"),
        ('meta:\n  title: "\\ud800"\n', "meta.title: the text has a lone surrogate (U+D800), which is not a character; remove it"),
        ("a: b\u0007c\n", "(file): the control character U+0007 is not allowed; remove it"),
    ],
)
def test_control_characters_and_surrogates_are_located(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(content, encoding="utf-8")
    assert any(message in line for line in problems_of(path))


def test_special_files_get_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "facts.fifo"
    os.mkfifo(fifo)
    assert problems_of(fifo) == ["1:1: (file): is not a regular file (a FIFO, socket or device); expected a YAML file"]
    assert problems_of(Path("/dev/zero")) == ["1:1: (file): is not a regular file (a FIFO, socket or device); expected a YAML file"]
    assert problems_of(tmp_path) == ["1:1: (file): is a folder, expected a YAML file"]
    big = tmp_path / "big.yml"
    big.write_bytes(b"#" * (4 * 1024 * 1024 + 1))
    assert problems_of(big) == ["1:1: (file): the file has 4,194,305 bytes; a facts file may have at most 4,194,304"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("value: 12\n    unit: chips", "value: .inf\n    unit: chips", "expected a finite number, received inf"),
        ("value: 12\n    unit: chips", "value: .nan\n    unit: chips", "expected a finite number, received nan"),
        ("value: 12\n    unit: chips", "value: " + "9" * 400 + "\n    unit: chips", "the number is too large to be a real figure"),
        (VERSION_LINE, 'version: "2026.13.45"', 'meta.version: expected a version like "2026.11.26" (a real date)'),
        (
            "url: https://aws.amazon.com/blogs/aws/majority-of-alexa-now-running-on-faster-more-cost-effective-amazon-ec2-inf1-instances/",
            "url: http://aws.amazon.com/machine-learning/neuron/",
            "expected a web address starting with https://",
        ),
        (
            "url: https://aws.amazon.com/blogs/aws/majority-of-alexa-now-running-on-faster-more-cost-effective-amazon-ec2-inf1-instances/",
            "url: 'https://aws.amazon.com/x\"onmouseover=alert(1)'",
            "expected a web address starting with https://",
        ),
        ("verified: 2026-11-26", "verified: 2026-02-30", "expected a date written YYYY-MM-DD, received the malformed value '2026-02-30'"),
    ],
)
def test_values_no_real_fact_can_have_are_refused(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = FACTS_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "facts.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = problems_of(path)
    assert any(message in problem for problem in problems), problems


EXAM_RULE = "      instances: Inf2 (Inf1 is legacy)\n      accelerator: inferentia\n"


def _located_problems(tmp_path: Path, old: str, new: str, *, for_site: bool) -> list[str]:
    """The problems, as `LINE:COL: key: message`, of the facts file with its one `old` replaced by `new`: a load
    that must refuse it."""
    text = FACTS_FILE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "facts.yml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    copy_rows_file(tmp_path)
    with pytest.raises(FactsError) as caught:
        chipwise.load_facts(path, for_site=for_site)
    return [f"{p.location.line}:{p.location.column}: {p.key_path}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            EXAM_RULE,
            "      instances: Inf2 (Inf1 is legacy)\n",
            "exam.rule[0].accelerator: missing required key 'accelerator' in exam.rule[0]",
            id="rule-without-accelerator",
        ),
        pytest.param(
            EXAM_RULE,
            "      instances: Inf2 (Inf1 is legacy)\n      accelerator: inferentai\n",
            "exam.rule[0].accelerator: expected one of: inferentia, trainium; received 'inferentai'; did you mean 'inferentia'?",
            id="misspelt-accelerator",
        ),
        pytest.param(
            EXAM_RULE,
            "      instances: Inf2 (Inf1 is legacy)\n      accelerator: trainium\n",
            "exam.rule[1].accelerator: the comparison table's 'Use it for' row takes one entry per chip: 'trainium' has one already",
            id="two-rules-for-one-chip",
        ),
        pytest.param(
            "  neuroncore: NeuronCore generation\n", "", "spec_labels: the comparison table reads the spec 'neuroncore'", id="spec-label-gone"
        ),
    ],
)
def test_what_the_comparison_table_joins_on_is_checked_at_load(tmp_path: Path, old: str, new: str, message: str) -> None:
    problems = _located_problems(tmp_path, old, new, for_site=True)
    assert any(message in problem and re.match(r"^\d+:\d+: ", problem) for problem in problems), problems


FRESHNESS_NONE = '  freshness_none: "none was compared more than {days} days ago"\n'
ARCHIVED_TITLE = '  benchmarks_archived_title: "AWS has archived these benchmark pages (page modified {date})"\n'
DECODER_LATENCY = '  benchmark_kind_decoder_latency: "time to first token"\n'
SIZING_LARGEST = '  chart_sizing_largest_header: "Largest model {need} (billions of parameters)"\n'
VISION_UNIT_NAME = '  benchmark_kind_vision_unit_name: "image"\n'
COST_TITLE = '  benchmark_chart_cost_title: "{kind}: lowest cost per million {units}, by model"\n'
VISION_UNITS = '  benchmark_kind_vision_units: "images"\n'
COST_ABOVE = '  benchmark_chart_cost_above: "Its cost chart is {link}, with the best rows."\n'
SCROLL_CUE = '  chart_scroll_cue: "Scroll the chart sideways to see all of it."\n'
AGE_ONE_DAY = '  age_one_day: "{days} day ago"\n'
FAMILY_ROWS = '  family_rows: "Chip | Role | Status"\n'
TABLE_READS = '  decision_table_reads: "Table {table} decides from: {inputs}. Hit policy {policy}: exactly one rule decides each case."\n'
MAPPING_COLUMNS = '  exam_mapping_columns: "Topic | Where in {exam} | Domain weight | Objective (and whose wording)"\n'


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            FRESHNESS_NONE, "", "page_copy: the site writes the sentence 'freshness_none' from the page copy: add it, with the places {days}", id="gone"
        ),
        pytest.param(
            FRESHNESS_NONE,
            '  freshness_none: "none was compared lately"\n',
            "page_copy.freshness_none: the sentence leaves out {days}, which the code fills",
            id="place-left-out",
        ),
        pytest.param(
            FRESHNESS_NONE,
            '  freshness_none: "none was compared more than {dyas} days ago"\n',
            "page_copy.freshness_none: {dyas} is not a place the code fills; it fills {days}",
            id="place-misspelt",
        ),
        pytest.param(
            FRESHNESS_NONE,
            FRESHNESS_NONE + '  freshnes_due: "{due} are due"\n',
            "page_copy.freshnes_due: unknown page copy key 'freshnes_due'; did you mean 'freshness_due'?",
            id="unknown-key",
        ),
        pytest.param(
            ARCHIVED_TITLE,
            "",
            "page_copy: the site writes the sentence 'benchmarks_archived_title' from the page copy: add it, with the places {date}",
            id="benchmarks-archived-title-gone",
        ),
        pytest.param(
            ARCHIVED_TITLE,
            '  benchmarks_archived_title: "AWS has archived these benchmark pages"\n',
            "page_copy.benchmarks_archived_title: the sentence leaves out {date}, which the code fills",
            id="benchmarks-archived-title-undated",
        ),
        pytest.param(
            DECODER_LATENCY,
            "",
            "page_copy: the site writes the sentence 'benchmark_kind_decoder_latency' from the page copy: add it",
            id="benchmark-kind-latency-name-gone",
        ),
        pytest.param(
            COST_TITLE,
            "",
            "page_copy: the site writes the sentence 'benchmark_chart_cost_title' from the page copy: add it, with the places {kind}, {units}",
            id="benchmark-chart-cost-title-gone",
        ),
        pytest.param(
            SIZING_LARGEST,
            "",
            "page_copy: the site writes the sentence 'chart_sizing_largest_header' from the page copy: add it, with the places {need}",
            id="chart-sizing-largest-header-gone",
        ),
        pytest.param(
            VISION_UNIT_NAME,
            "",
            "page_copy: the site writes the sentence 'benchmark_kind_vision_unit_name' from the page copy: add it",
            id="benchmark-kind-unit-name-gone",
        ),
        pytest.param(
            VISION_UNITS,
            "",
            "page_copy: the site writes the sentence 'benchmark_kind_vision_units' from the page copy: add it",
            id="benchmark-kind-plural-gone",
        ),
        pytest.param(
            COST_ABOVE,
            '  benchmark_chart_cost_above: "Its cost chart is at the top."\n',
            "page_copy.benchmark_chart_cost_above: the sentence leaves out {link}, which the code fills",
            id="benchmark-chart-cost-above-unlinked",
        ),
        pytest.param(
            SCROLL_CUE,
            "",
            "page_copy: the site writes the sentence 'chart_scroll_cue' from the page copy: add it",
            id="chart-scroll-cue-gone",
        ),
        pytest.param(
            MAPPING_COLUMNS,
            '  exam_mapping_columns: "Topic | Where in {exam} | Objective"\n',
            "page_copy.exam_mapping_columns: expected the table's 4 header(s) separated by ' | ', received 3: 'Topic | Where in {exam} | Objective'",
            id="columns-miscounted",
        ),
        pytest.param(
            MAPPING_COLUMNS,
            "",
            "page_copy: the site writes the sentence 'exam_mapping_columns' from the page copy: add it, with the places {exam}",
            id="columns-gone",
        ),
        pytest.param(
            FAMILY_ROWS,
            '  family_rows: "Chip | Role | Status | Year"\n',
            "page_copy.family_rows: expected the table's 3 header(s) separated by ' | ', received 4",
            id="row-headers-miscounted",
        ),
        pytest.param(
            TABLE_READS,
            '  decision_table_reads: "Table {table} decides from: {inputs}."\n',
            "page_copy.decision_table_reads: the sentence leaves out {policy}, which the code fills",
            id="decision-table-reads-without-policy",
        ),
        pytest.param(
            AGE_ONE_DAY,
            "",
            "page_copy: the site writes the sentence 'age_one_day' from the page copy: add it, with the places {days}",
            id="age-singular-gone",
        ),
    ],
)
def test_the_page_copy_the_site_fills_in_is_checked_at_load(tmp_path: Path, old: str, new: str, message: str) -> None:
    problems = _located_problems(tmp_path, old, new, for_site=True)
    assert any(message in problem and re.match(r"^\d+:\d+: ", problem) for problem in problems), problems


SIZING_FITS_SENTENCE = '  sizing_family_fits: "{size}: {accelerators} with {memory} GiB of accelerator memory ≥ {needed} GiB needed"\n'


@pytest.mark.parametrize(
    ("new", "message"),
    [
        pytest.param("", "page_copy: the site writes the sentence 'sizing_family_fits' from the page copy: add it, with the places", id="gone"),
        pytest.param(
            '  sizing_family_fits: "{size} fits"\n',
            "page_copy.sizing_family_fits: the sentence leaves out {accelerators}, which the code fills",
            id="place-left-out",
        ),
    ],
)
def test_a_sized_decisions_sentences_are_checked_wherever_the_file_loads(tmp_path: Path, new: str, message: str) -> None:
    """The command line sizes a model too, so a file with a sizing section needs its sentences outside a site build."""
    problems = _located_problems(tmp_path, SIZING_FITS_SENTENCE, new, for_site=False)
    assert any(message in problem and re.match(r"^\d+:\d+: ", problem) for problem in problems), problems
