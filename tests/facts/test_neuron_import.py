"""`chipwise import-benchmarks`: AWS's CSVs become the rows file, which loads back to the same rows; a changed
checkout is reported; a malformed row is refused with its file and line, and nothing is written."""

from __future__ import annotations

import contextlib
import datetime
import io
import shutil
from pathlib import Path

import pytest
import yaml

from chipwise import cli
from chipwise.facts.benchmarks import read_benchmarks
from chipwise.facts.neuron_import import ImportRefused, import_benchmarks, read_checkout
from tests.support import FIXTURES, nonempty

CHECKOUT = FIXTURES / "neuron-sdk"
COMMIT = "81ce03ae261e12925e53437a0f690478e6366155"
DAY = datetime.date(2026, 3, 1)
ENCODER = "about-neuron/benchmarks/inf2/throughput_data_encoder.csv"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    copy = tmp_path / "neuron-sdk"
    shutil.copytree(CHECKOUT, copy)
    return copy


def test_every_inference_row_of_the_fixture_is_read_with_its_fields() -> None:
    content = read_checkout(CHECKOUT, COMMIT, DAY)
    rows = content["rows"]
    assert len(rows) == 3 + 2 + 2 + 1 + 2 + 1, "two of the three rows of latency_data_vision.csv are superseded"
    bert = rows["inf2-xlarge-encoder-throughput-bert-base-uncased-b8-s128"]
    assert bert == {
        "file": ENCODER,
        "line": 3,
        "model": "bert-base-uncased",
        "category": "encoder",
        "optimized": "throughput",
        "task": "Raw Output (AutoModel)",
        "framework": "PyTorch 2.9",
        "instance": "inf2.xlarge",
        "application": "Batch",
        "batch_size": 8,
        "sequence_length": 128,
        "model_data_type": "FP32",
        "autocast_data_type": "Matmult-BF16",
        "throughput": 2674.18956433,
        "latency_p50_ms": 5.97381591,
        "latency_p99_ms": 6.17100715,
        "neuron_version": "2.27.0",
        "shown_on_page": "about-neuron/benchmarks/inf2/inf2-performance.rst",
    }
    llama = rows["inf2-48xlarge-decoder-throughput-llama-3-8b-b8-s8192-in128-out8064-tp24"]
    assert (llama["output_length"], llama["tpot_p99_ms"], llama["weight_data_type"]) == (8064, 15.48, "int8")
    assert (llama["framework"], "shown_on_page" in llama) == ("Transformers NeuronX", False), "no page showed the LLM rows"
    prices = "about-neuron/benchmarks/inf2/inf2_instance_prices.csv"
    assert content["rates"]["inf2.xlarge"] == {"usd_per_hour": 0.328, "basis": "RI-Effective hourly rate", "file": prices, "line": 2}
    page = "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/archive/benchmarks/inf2/inf2-performance.html"
    shown = {
        "page": page,
        "page_file": "about-neuron/benchmarks/inf2/inf2-performance.rst",
        "page_title": "Inf2 Inference Performance",
        "page_updated": "Feb 26th, 2026",
    }
    assert content["files"][ENCODER] == shown
    assert content["files"]["about-neuron/benchmarks/inf2/throughput_data_decoder.csv"] == {}, "no page shows the LLM rows at this commit"


def test_the_import_round_trips(checkout: Path, tmp_path: Path) -> None:
    output = tmp_path / "rows.yml"
    report = import_benchmarks(checkout, output, COMMIT, DAY)
    assert report[0] == "new file: 11 rows, 6 hourly rates, 2 training rows"
    written = output.read_bytes()
    loaded = read_benchmarks(output, "rows.yml")
    parsed = read_checkout(checkout, COMMIT, DAY)
    assert set(loaded.rows) == set(parsed["rows"])
    for row_id, raw in nonempty(parsed["rows"].items()):
        row = loaded.rows[row_id]
        for key, value in nonempty(raw.items()):
            shown = getattr(row, key)
            shown = shown.path if key == "file" else shown
            assert shown == value, (row_id, key)
    assert yaml.safe_load(written)["rows"] == parsed["rows"]
    assert set(loaded.training) == set(parsed["training"]) and loaded.superseded == parsed["superseded"]
    again = import_benchmarks(checkout, output, COMMIT, datetime.date(2026, 4, 1))
    assert again == [f"{output}: no changes (11 rows, 6 hourly rates, commit {COMMIT[:12]})"]
    assert output.read_bytes() == written, "an import that changes nothing leaves the file as it was"


def test_a_changed_checkout_is_reported(checkout: Path, tmp_path: Path) -> None:
    output = tmp_path / "rows.yml"
    import_benchmarks(checkout, output, COMMIT, DAY)
    prices = checkout / "about-neuron/benchmarks/inf2/inf2_instance_prices.csv"
    prices.write_text(prices.read_text(encoding="utf-8").replace("0.328", "0.35"), encoding="utf-8")
    encoder = checkout / ENCODER
    lines = encoder.read_text(encoding="utf-8").splitlines(keepends=True)
    encoder.write_text("".join(lines[:3]), encoding="utf-8")
    report = import_benchmarks(checkout, output, "f" * 40, DAY)
    assert f"commit: {COMMIT} -> {'f' * 40}" in report
    assert "changed rate inf2.xlarge: usd_per_hour 0.328 -> 0.35" in report
    assert "removed row inf2-xlarge-encoder-throughput-bert-large-uncased-b4-s128" in report
    assert read_benchmarks(output, "rows.yml").rates["inf2.xlarge"].usd_per_hour == 0.35


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("2674.18956433", "fast", ":3:99: Throughput (inference/second):", "expected a number from 1e-06 written with the digits 0-9, received 'fast'"),
        ("2674.18956433", "-3", ":3:99: Throughput (inference/second):", "expected a number from 1e-06 written with the digits 0-9, received '-3'"),
        ("2674.18956433", "nan", ":3:99: Throughput (inference/second):", "expected a number from 1e-06 written with the digits 0-9, received 'nan'"),
        ("2674.18956433", "1e-300", ":3:99: Throughput (inference/second):", "expected a number from 1e-06 written with the digits 0-9, received '1e-300'"),
        ("2674.18956433", "2_674.5", ":3:99: Throughput (inference/second):", "expected a number from 1e-06 written with the digits 0-9, received '2_674.5'"),
        ("2674.18956433", "٢٦٧٤", ":3:99: Throughput (inference/second):", "expected a number from 1e-06 written with the digits 0-9, received '٢٦٧٤'"),
        ("Inf2.xlarge,Raw Output (AutoModel),2674", "Inf9.xlarge,Raw Output (AutoModel),2674", ":3:", "expected an Inf2 or Trn1 instance type"),
        (",2.27.0,Data Parallel,8,128", ",2.27.0,Data Parallel,eight,128", ":3:", "Batch Size: expected a whole number from 1, received 'eight'"),
        (",2.27.0,Data Parallel,8,128", ",2.27.0,Data Parallel,٨,128", ":3:", "Batch Size: expected a whole number from 1, received '٨'"),
        (",2.27.0,Data Parallel,8,128", ",2.27,0,Data Parallel,8,128", ":3:1: (file):", "expected 16 fields as in the header, found 17"),
        ("bert-base-uncased,", ",", ":3:1: Model:", "the cell is empty; expected a value"),
    ],
    ids=["text", "negative", "nan", "tiny", "underscore", "arabic-indic", "instance", "batch", "batch-arabic-indic", "fields", "empty"],
)
def test_a_malformed_row_is_refused_with_its_file_and_line(checkout: Path, tmp_path: Path, old: str, new: str, where: str, message: str) -> None:
    encoder = checkout / ENCODER
    text = encoder.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    encoder.write_text(text.replace(old, new, 1), encoding="utf-8")
    output = tmp_path / "rows.yml"
    with pytest.raises(ImportRefused) as refused:
        import_benchmarks(checkout, output, COMMIT, DAY)
    lines = str(refused.value).splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(str(checkout / ENCODER) + where) and message in lines[0], lines[0]
    assert not output.exists(), "nothing is written when a row is refused"


def test_a_row_without_an_hourly_rate_is_refused(checkout: Path, tmp_path: Path) -> None:
    prices = checkout / "about-neuron/benchmarks/trn1/trn1_instance_prices.csv"
    prices.write_text("Inst. Type,RI-Effective hourly rate\ntrn1.32xlarge,8.197\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"latency_data_encoder.csv:2:1: Inst. Type: no hourly rate for 'trn1.2xlarge'"):
        import_benchmarks(checkout, tmp_path / "rows.yml", COMMIT, DAY)


def _run(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(arguments))
    return code, out.getvalue(), err.getvalue()


def test_the_command_reports_and_refuses(checkout: Path, tmp_path: Path) -> None:
    output = tmp_path / "rows.yml"
    code, out, err = _run("import-benchmarks", str(checkout), "--output", str(output))
    assert code == 1 and "not a git checkout, so its commit is unknown: give it with --commit" in err and not output.exists()
    code, out, err = _run("import-benchmarks", str(checkout), "--output", str(output), "--commit", COMMIT)
    assert code == 0, err
    assert out.splitlines()[-1].endswith(f"wrote 11 rows, 6 hourly rates from aws-neuron/aws-neuron-sdk at {COMMIT[:12]}")
    (checkout / ENCODER).write_text((checkout / ENCODER).read_text(encoding="utf-8").replace("2674.18956433", "fast"), encoding="utf-8")
    code, out, err = _run("import-benchmarks", str(checkout), "--output", str(output), "--commit", COMMIT)
    assert code == 1 and "received 'fast'" in err and err.rstrip().endswith("nothing was written")
    with pytest.raises(SystemExit):
        _run("import-benchmarks", str(checkout), "--commit", "abc")


def test_a_folder_that_is_not_a_checkout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="no about-neuron/benchmarks folder: give a checkout of aws-neuron/aws-neuron-sdk"):
        import_benchmarks(tmp_path, tmp_path / "rows.yml", COMMIT, DAY)


def test_a_cell_over_the_csv_field_limit_is_refused_with_its_line(checkout: Path, tmp_path: Path) -> None:
    # Once a _csv.Error traceback: the csv module refuses cells over 131,072 characters.
    encoder = checkout / ENCODER
    encoder.write_text(encoder.read_text(encoding="utf-8").replace("bert-base-uncased", "x" * 140_000, 1), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_benchmarks(checkout, tmp_path / "rows.yml", COMMIT, DAY)
    assert str(refused.value) == f"{checkout / ENCODER}:3:1: (file): cannot read the record: field larger than field limit (131072)"


def _symlink_loop(path: Path) -> None:
    path.with_name(path.name + ".other").symlink_to(path)
    path.symlink_to(path.with_name(path.name + ".other"))


@pytest.mark.parametrize(
    ("relative", "message"),
    [
        ("about-neuron/benchmarks/inf2/throughput_data_loop.csv", "cannot read: Too many levels of symbolic links"),
        ("about-neuron/benchmarks/inf2/loop.rst", "cannot read: Too many levels of symbolic links"),
        ("about-neuron/benchmarks/trn1", "the folder is missing; chipwise imports inf2, trn1"),
        ("", "no about-neuron/benchmarks folder: give a checkout of aws-neuron/aws-neuron-sdk"),
    ],
    ids=["csv", "rst", "folder", "checkout"],
)
def test_a_symlink_loop_in_the_checkout_is_refused_in_one_located_line(checkout: Path, tmp_path: Path, relative: str, message: str) -> None:
    # Once a RuntimeError from resolving the looping path for display.
    path = checkout / relative if relative else tmp_path / "loop"
    if path.is_dir():
        shutil.rmtree(path)
    _symlink_loop(path)
    code, out, err = _run("import-benchmarks", str(path if not relative else checkout), "--output", str(tmp_path / "rows.yml"), "--commit", COMMIT)
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == f"{path}:1:1: (file): {message}"
    assert not (tmp_path / "rows.yml").exists()


def test_a_symlink_loop_as_the_output_is_refused_in_one_located_line(checkout: Path, tmp_path: Path) -> None:
    _symlink_loop(tmp_path / "rows.yml")
    code, _, err = _run("import-benchmarks", str(checkout), "--output", str(tmp_path / "rows.yml"), "--commit", COMMIT)
    assert code == 1
    assert err.splitlines()[0] == f"{tmp_path / 'rows.yml'}:1:1: (file): cannot write: Too many levels of symbolic links"


def test_repeated_rows_get_ids_of_their_own(checkout: Path) -> None:
    # Each copy's id search once restarted at "-2", which was quadratic in copies. The speed is measured where a
    # busy machine cannot fail a correct run: measurements/import_scale.py prints rows against seconds (its small
    # mode runs in tests/test_measurement_scripts.py).
    encoder = checkout / ENCODER
    header, first, *_ = encoder.read_text(encoding="utf-8").splitlines()
    encoder.write_text("\n".join([header, *[first] * 3000]) + "\n", encoding="utf-8")
    rows = read_checkout(checkout, COMMIT, DAY)["rows"]
    base = "inf2-xlarge-encoder-throughput-albert-base-v2-b8-s128"
    assert {base, f"{base}-2", f"{base}-3000"} <= set(rows) and f"{base}-3001" not in rows


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ('"""FP32, BF16"""', "FP32, BF16"),
        ('"FP32, BF16"', "FP32, BF16"),
        ('"FP32 ""mixed"", BF16"', 'FP32 "mixed", BF16'),
    ],
    ids=["quoted-twice", "quoted-once", "quotes-inside"],
)
def test_a_cell_quoted_twice_is_read_without_its_quotes(checkout: Path, tmp_path: Path, cell: str, read: str) -> None:
    # AWS's latency_data_vision_dit.csv writes """FP32, BF16""": the import once kept the inner quotes as text.
    diffusion = checkout / "about-neuron/benchmarks/inf2/latency_data_vision_sd.csv"
    text = diffusion.read_text(encoding="utf-8")
    assert text.count('"FP32, BF16"') == 1
    diffusion.write_text(text.replace('"FP32, BF16"', cell), encoding="utf-8")
    output = tmp_path / "rows.yml"
    import_benchmarks(checkout, output, COMMIT, DAY)
    row_id = "inf2-xlarge-vision-sd-latency-stable-diffusion-2-1-b1-512x512"
    assert read_checkout(checkout, COMMIT, DAY)["rows"][row_id]["model_data_type"] == read
    assert read_benchmarks(output, "rows.yml").rows[row_id].model_data_type == read


def test_a_row_measured_again_in_a_file_a_page_showed_is_dropped_as_superseded() -> None:
    content = read_checkout(CHECKOUT, COMMIT, DAY)
    kept = "inf2-xlarge-vision-sd-latency-stable-diffusion-1-5-b1-512x512"
    assert content["superseded"] == {
        "inf2-xlarge-vision-latency-stable-diffusion-1-5-b1-512x512": kept,
        "inf2-xlarge-vision-latency-stable-diffusion-2-1-b1-512x512": "inf2-xlarge-vision-sd-latency-stable-diffusion-2-1-b1-512x512",
    }
    assert content["rows"][kept]["neuron_version"] == "2.21.0"
    alone = content["rows"]["inf2-xlarge-vision-latency-stable-diffusion-2-1-b1-768x768"]
    assert (alone["neuron_version"], "shown_on_page" in alone) == ("2.17.0", False), "a row no newer file measures is kept, marked as shown by no page"


def test_trn1_training_rows_are_read_with_their_page_and_tutorial() -> None:
    content = read_checkout(CHECKOUT, COMMIT, DAY)
    training = content["training"]
    seventy = training["trn1-training-decoder-llama-3-1-70b-pre-training-autocast-bf16-fp32optimizer-n32-mb1-gb1024"]
    assert seventy == {
        "file": "about-neuron/benchmarks/trn1/training_data_decoder.csv",
        "line": 3,
        "model": "Llama-3.1-70B pre-training",
        "instances": "trn1.32xlarge/trn1n.32xlarge",
        "nodes": 32,
        "data_type": "Autocast:BF16+FP32Optimizer",
        "topology": "TP=32 DP=4 PP=8",
        "microbatch": 1,
        "global_batch": 1024,
        "optimizer": "AdamW",
        "sequence_length": 8192,
        "throughput": 7.94,
        "scaling": "strong scaling",
        "neuron_version": "2.24.0",
        "torch_neuronx_version": "2.7.0.2.8.6896",
        "tutorial": "NeuronX Distributed",
        "tutorial_url": "https://github.com/aws-neuron/aws-neuron-sdk/blob/master/libraries/neuronx-distributed/tutorials/training_llama_tp_pp.rst",
        "shown_on_page": "about-neuron/benchmarks/trn1/trn1-training-performance.rst",
    }
    page = content["files"]["about-neuron/benchmarks/trn1/training_data_decoder.csv"]
    assert page["page"].endswith("/en/latest/archive/benchmarks/trn1/trn1-training-performance.html")
    assert page["page_updated"] == "February 19th, 2026"
    assert page["page_title"] == "Trn1/Trn1n Training Performance", "the page's own title, read from its source"


def test_a_malformed_training_row_is_refused_with_its_file_and_line(checkout: Path, tmp_path: Path) -> None:
    training = checkout / "about-neuron/benchmarks/trn1/training_data_decoder.csv"
    training.write_text(training.read_text(encoding="utf-8").replace(",7.94,", ",slow,"), encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"training_data_decoder.csv:3:\d+: Performance \[seq/sec\]: expected a number from 1e-06"):
        import_benchmarks(checkout, tmp_path / "rows.yml", COMMIT, DAY)
