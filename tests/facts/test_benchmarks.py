"""The benchmark rows file the facts file includes: imported from AWS's CSVs, checked as strictly as the facts
file with problems located in the rows file, and every cost computed by AWS's formula."""

from __future__ import annotations

import contextlib
import io
import math
import re
import shutil
from pathlib import Path

import pytest

from chipwise import cli
from chipwise.errors import FactsError
from chipwise.facts.benchmarks import Category, named_file, read_benchmarks
from chipwise.guide.contract import kind_words
from chipwise.guide.load import load_facts
from chipwise.guide.model import Facts
from tests.support import CHANGES_FILE, FACTS_FILE, copy_rows_file, nonempty

ROWS_FILE = FACTS_FILE.parent / "aws-ml-chips.benchmarks.yml"


def test_the_facts_file_names_the_rows_file_and_it_holds_the_imported_rows(facts: Facts) -> None:
    assert named_file(FACTS_FILE) == ROWS_FILE
    benchmarks = facts.benchmarks
    assert benchmarks is not None
    assert benchmarks.repository == "aws-neuron/aws-neuron-sdk" and len(benchmarks.commit) == 40
    assert (len(benchmarks.rows), len(benchmarks.superseded), len(benchmarks.training)) == (180, 42, 6)
    shown = {row.id for row in benchmarks.rows.values() if row.shown_on_page}
    assert len(shown) == 90 and all(not row.shown_on_page for row in nonempty([row for row in benchmarks.rows.values() if row.category is Category.DECODER]))
    assert {row.framework for row in benchmarks.rows.values() if row.category is Category.DECODER} == {"Transformers NeuronX"}
    seventy = [row for row in benchmarks.training.values() if row.model.startswith("Llama-3.1-70B")]
    assert [(row.nodes, row.throughput, row.instances) for row in seventy] == [(32, 7.94, "trn1.32xlarge/trn1n.32xlarge")]
    families = {row.family for row in benchmarks.rows.values()}
    assert families == {"inf2", "trn1"}
    assert {row.category for row in benchmarks.rows.values()} == set(Category)
    assert benchmarks.rates_dated is None, "AWS's price files give no date: the page says so"


def test_every_cost_is_the_formula_of_its_row(facts: Facts) -> None:
    assert facts.benchmarks is not None
    for row in nonempty(facts.benchmarks.rows.values()):
        expected = (1e6 / row.throughput) * (row.rate.usd_per_hour / 3600)
        assert math.isclose(row.cost_per_million, expected, rel_tol=1e-12), row.id
        assert row.rate is facts.benchmarks.rates[row.instance]


def test_aws_published_figure_for_one_row() -> None:
    """AWS's page shows $0.034 per 1M inferences for bert-base-uncased on Inf2.xlarge at batch 8 (its pandas, rounded)."""
    facts = load_facts(FACTS_FILE)
    assert facts.benchmarks is not None
    row = facts.benchmarks.row("inf2-xlarge-encoder-throughput-bert-base-uncased-b8-s128")
    assert f"${row.cost_per_million:,.3f}" == "$0.034"


def test_llm_rows_count_output_tokens_and_requests_of_their_output_length(facts: Facts) -> None:
    assert facts.benchmarks is not None
    for row in nonempty(facts.benchmarks.rows.values()):
        if row.category is Category.DECODER:
            assert kind_words(facts.page_copy, row.category).unit_name == "output token" and row.units_per_request == row.output_length
            assert row.tpot_p99_ms is not None
        elif row.category is Category.ENCODER_DECODER:
            assert row.units_per_request == (row.input_length or 0) + (row.output_length or 0)
        else:
            assert row.units_per_request == 1


def _check(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", str(path)])
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    throughput: 2674.18956433\n", "    throughput: -2674.18956433\n", "throughput: expected a number from 1e-06, received the number -2674.18956433"),
        ("    throughput: 2674.18956433\n", "    throughput: 1.0e-300\n", "throughput: expected a number from 1e-06, received the number 1.0e-300"),
        (
            "    throughput: 2674.18956433\n",
            "    throughput: 2_674.5\n",
            "throughput: expected a number written with the digits 0-9 (no underscores, hex, octal or base-60), received '2_674.5'",
        ),
        ("    batch_size: 8\n", "    batch_size: eight\n", "batch_size: expected a whole number from 1, received the text 'eight'"),
        ("    instance: inf2.xlarge\n", "    instance: inf2.mega\n", "instance: expected an instance type like inf2.xlarge, received 'inf2.mega'"),
        ("    neuron_version: 2.27.0\n", "    neuron_versoin: 2.27.0\n", "unknown key 'neuron_versoin'; did you mean 'neuron_version'?"),
    ],
    ids=["negative", "tiny", "underscore", "text", "instance", "typo"],
)
def test_a_broken_rows_file_is_refused_with_messages_located_in_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FACTS_FILE, tmp_path / FACTS_FILE.name)
    shutil.copy(CHANGES_FILE, tmp_path / CHANGES_FILE.name)
    text = ROWS_FILE.read_text(encoding="utf-8")
    start = text.index("  inf2-xlarge-encoder-throughput-bert-base-uncased-b8-s128:\n")
    assert old in text[start:]
    at = text.index(old, start)
    (tmp_path / ROWS_FILE.name).write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    line = text[:at].count("\n") + 1
    code, _, err = _check(tmp_path / FACTS_FILE.name)
    assert code == 1
    found = [text for text in err.splitlines() if message in text]
    assert found, err
    assert re.match(rf"{re.escape(ROWS_FILE.name)}:{line}:\d+: rows\.inf2-xlarge-encoder-throughput-bert-base-uncased-b8-s128\.", found[0]), found[0]


def test_a_missing_rows_file_is_a_located_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FACTS_FILE, tmp_path / FACTS_FILE.name)
    shutil.copy(CHANGES_FILE, tmp_path / CHANGES_FILE.name)
    (tmp_path / ROWS_FILE.name).unlink()
    code, _, err = _check(tmp_path / FACTS_FILE.name)
    assert code == 1 and err.startswith(f"{ROWS_FILE.name}:1:1: (file): no such file"), err


def test_a_changed_rows_file_is_read_again(tmp_path: Path) -> None:
    shutil.copy(FACTS_FILE, tmp_path / FACTS_FILE.name)
    shutil.copy(CHANGES_FILE, tmp_path / CHANGES_FILE.name)
    copy_rows_file(tmp_path)
    first = load_facts(tmp_path / FACTS_FILE.name)
    assert first.benchmarks is not None
    rows = tmp_path / ROWS_FILE.name
    rows.write_text(rows.read_text(encoding="utf-8").replace("usd_per_hour: 0.328\n", "usd_per_hour: 0.5\n"), encoding="utf-8")
    second = load_facts(tmp_path / FACTS_FILE.name)
    assert second.benchmarks is not None and second.benchmarks.rates["inf2.xlarge"].usd_per_hour == 0.5


def test_the_rows_are_read_once_per_content_whatever_facts_file_names_them(tmp_path: Path) -> None:
    text = FACTS_FILE.read_text(encoding="utf-8")
    copy_rows_file(tmp_path)
    (tmp_path / "one.yml").write_text(text, encoding="utf-8")
    (tmp_path / "two.yml").write_text(text.replace("  exam: AIF-C01\n", "  exam: AIF-C01 \n", 1), encoding="utf-8")
    one, two = load_facts(tmp_path / "one.yml"), load_facts(tmp_path / "two.yml")
    assert one is not two  # two facts files, each loaded
    assert one.benchmarks is not None and one.benchmarks is two.benchmarks  # one rows file, read once


def test_a_facts_file_without_rows_loads_with_none(tmp_path: Path) -> None:
    text = FACTS_FILE.read_text(encoding="utf-8").replace("benchmarks: aws-ml-chips.benchmarks.yml\n", "")
    (tmp_path / "facts.yml").write_text(text, encoding="utf-8")
    shutil.copy(CHANGES_FILE, tmp_path / CHANGES_FILE.name)
    assert load_facts(tmp_path / "facts.yml").benchmarks is None


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "\n    shown_on_page: about-neuron/benchmarks/inf2/inf2-performance.rst\n",
            "\n",
            "shown_on_page: expected 'about-neuron/benchmarks/inf2/inf2-performance.rst'",
        ),
        ("superseded:\n", "superseded:\n  not-a-row: also-not-a-row\n", "superseded.not-a-row: expected a dropped row's id and the id of a row kept"),
    ],
    ids=["shown-on-page-dropped", "superseded-unknown"],
)
def test_a_rows_file_whose_pages_or_superseded_rows_disagree_is_refused(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = ROWS_FILE.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "rows.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FactsError, match=re.escape(message)):
        read_benchmarks(broken, "rows.yml")
