"""The `chipwise` command as a person runs it: its exit code, stdout and stderr.

The tests call its entry point in-process, from the repository and with the environment a shell would give it
(`run`); two run the real command in a subprocess (`python -m chipwise` and the installed console script), so
what the entry point does and what the command does cannot part."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import chipwise
from chipwise.cli import main
from chipwise.decision.engine import combinations
from chipwise.exports import site_files
from chipwise.guide.model import Facts
from tests.support import BROKEN, DECISION_COMBINATIONS, FIXTURES, ROOT, nonempty


def run(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`chipwise ARGUMENTS` from the repository, in-process: the exit code (argparse's too), stdout and stderr.
    CHIPWISE_FACTS is unset unless `env` sets it."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        patch.chdir(ROOT)
        patch.delenv("CHIPWISE_FACTS", raising=False)
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        try:
            code = main(list(arguments))
        except SystemExit as exit:
            code = 0 if exit.code is None else exit.code if isinstance(exit.code, int) else 1
    return subprocess.CompletedProcess(["chipwise", *arguments], code, out.getvalue(), err.getvalue())


def run_command(*arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m chipwise ARGUMENTS` in a subprocess, from the repository, without CHIPWISE_FACTS."""
    environment = {name: value for name, value in os.environ.items() if name != "CHIPWISE_FACTS"}
    return subprocess.run(
        [sys.executable, "-m", "chipwise", *arguments], capture_output=True, text=True, cwd=ROOT, env=environment, check=False
    )


def test_recommend_json_answers_every_combination_like_the_api(facts: Facts, capsys: pytest.CaptureFixture[str]) -> None:
    """Every combination, in-process (the subprocess smoke test below runs the real command once)."""
    every = list(combinations(facts.decision))
    assert len(every) == DECISION_COMBINATIONS
    for inputs in every:
        assert main(["recommend", *(f"--{name.replace('_', '-')}={value}" for name, value in inputs.items()), "--json"]) == 0
        answer = json.loads(capsys.readouterr().out)
        expected = chipwise.recommend(**inputs, facts=facts)
        assert answer == expected.as_json()
        assert answer["title"] == expected.title
        assert answer["instance_families"] == [name.lower() for name in answer["instance_families"]]
        assert {"accelerator", "instance_families", "rule", "reasons", "inputs", "steps", "title"} <= set(answer)
        assert all(reason["text"] and (reason["facts"] or reason["sources"]) for reason in nonempty(answer["reasons"]))


def test_recommend_runs_as_a_command_and_prints_one_json_object() -> None:
    result = run_command("recommend", "--workload", "inference", "--requests", "queued", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["title"] == "SageMaker Asynchronous Inference on Inf2 (AWS Inferentia2)"
    assert [step["table"] for step in answer["steps"]] == ["serving", "hardware"]


def test_version_names_the_package_and_the_facts_file(facts: Facts) -> None:
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"chipwise 0.1.0, facts {facts.meta.version} (facts/aws-ml-chips.yml)\n"


def test_recommend_help_shows_one_spelling_per_option_and_accepts_the_input_name_too() -> None:
    shown = run("recommend", "--help")
    assert shown.returncode == 0
    assert "--memory-gib NUMBER" in shown.stdout and "--memory_gib" not in shown.stdout
    dashed = run("recommend", "--workload", "inference", "--memory-gib", "32", "--json")
    underscored = run("recommend", "--workload", "inference", "--memory_gib", "32", "--json")
    assert dashed.returncode == 0, dashed.stderr
    assert json.loads(underscored.stdout) == json.loads(dashed.stdout)


def test_recommend_explains_for_a_person() -> None:
    result = run("recommend", "--workload", "training")
    assert result.returncode == 0
    assert result.stdout.startswith("Recommendation: Amazon EC2 or a SageMaker training job on Trn2 (AWS Trainium2)\n")
    assert "How is it served? Amazon EC2 or a SageMaker training job (table serving, rule train)" in result.stdout
    assert "On which hardware? Trn2 (AWS Trainium2) (table hardware, rule train-deep-learning)" in result.stdout
    assert "up to 50% cost-to-train savings" in result.stdout
    assert "memory_gib" not in result.stdout and "0 billion" not in result.stdout, "no size given: no sizing in the answer"


@pytest.mark.parametrize(
    ("arguments", "shown", "absent"),
    [
        pytest.param(
            ["--workload", "inference", "--memory-gib", "8"],
            ["  What will the hardware do? Inference\n", "  How much accelerator memory does the model need? 8 GiB\n"],
            ["Memory needed", "Smallest size", "memory_gib", ".."],
            id="memory-given",
        ),
        pytest.param(
            ["--workload", "training", "--params-billion", "7"],
            ["  How much accelerator memory does the model need? 156.5 GiB, computed from the model's size (below)\n", "Memory needed: 7 billion"],
            ["memory_gib", "..", "1e+07"],
            id="size-given",
        ),
        pytest.param(
            ["--workload", "training"],
            ["  What kind of model is it? A deep-learning model in PyTorch or JAX (the default)\n"],
            ["accelerator memory", "Memory needed", "Smallest size", "GiB"],
            id="nothing-sized",
        ),
    ],
)
def test_recommend_gives_its_inputs_in_words_and_sizes_only_a_given_size(arguments: list[str], shown: list[str], absent: list[str]) -> None:
    result = run("recommend", *arguments)
    assert result.returncode == 0, result.stderr
    assert [text for text in shown if text not in result.stdout] == []
    assert [text for text in absent if text in result.stdout] == []


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (["--neuron", "yes"], ["--model", "deep-learning"], "chipwise: deprecated: neuron=yes is now model=deep-learning; neuron goes in the next release\n"),
        (
            ["--traffic", "low"],
            ["--requests", "intermittent"],
            "chipwise: deprecated: traffic=low is now requests=intermittent; traffic goes in the next release\n",
        ),
    ],
)
def test_the_previous_releases_options_still_work_with_one_line_on_stderr(old: list[str], new: list[str], message: str) -> None:
    through_old = run("recommend", "--workload", "inference", *old, "--json")
    assert (through_old.returncode, through_old.stderr) == (0, message)
    assert through_old.stdout == run("recommend", "--workload", "inference", *new, "--json").stdout


def test_help_shows_one_spelling_per_option_and_no_deprecated_one() -> None:
    shown = run("recommend", "--help").stdout
    assert "--memory-gib" in shown and "--memory_gib" not in shown
    assert "--neuron" not in shown and "--traffic" not in shown


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["recommend"], "the following arguments are required: --workload"),
        (["recommend", "--workload", "serving"], "argument --workload: invalid choice: 'serving' (choose from 'training', 'fine-tuning', 'inference')"),
        (
            ["recommend", "--workload", "inference", "--model", "maybe"],
            "argument --model: invalid choice: 'maybe' (choose from 'deep-learning', 'nvidia-only', 'classical')",
        ),
        (
            ["recommend", "--workload", "inference", "--requests", "medium"],
            "argument --requests: invalid choice: 'medium' (choose from 'steady', 'intermittent', 'queued', 'dataset')",
        ),
        (["recommend", "--workload", "inference", "--neuron", "maybe"], "argument --neuron: invalid choice: 'maybe' (choose from 'yes', 'no')"),
        (["recommend", "--workload", "inference", "--colour", "red"], "unrecognized arguments: --colour red"),
    ],
)
def test_bad_options_exit_2_with_the_allowed_values_on_stderr(arguments: list[str], expected: str) -> None:
    result = run(*arguments)
    assert result.returncode == 2
    assert result.stdout == ""
    assert expected in result.stderr


def test_check_passes_on_the_real_file() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("facts/aws-ml-chips.yml: OK: ")


def test_check_prints_every_problem_and_exits_1() -> None:
    result = run("check", "tests/broken_facts/unknown-key.yml")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "tests/broken_facts/unknown-key.yml:20:5: facts.inf2.chips_max.source: missing required key 'source' in facts.inf2.chips_max",
        "tests/broken_facts/unknown-key.yml:25:5: facts.inf2.chips_max.sorce: unknown key 'sorce'; did you mean 'source'? "
        "(expected keys: label, value, unit, kind, qualifier, measures, baseline, source, quote, verified, scope, note)",
        "2 problems in tests/broken_facts/unknown-key.yml",
    ]


@pytest.mark.parametrize("broken", sorted(BROKEN.glob("*.yml")), ids=lambda path: path.stem)
def test_check_never_shows_a_traceback(broken: Path) -> None:
    result = run("check", str(broken.relative_to(ROOT)))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"tests/broken_facts/{broken.name}:")


def test_check_names_a_missing_file() -> None:
    result = run("check", "facts/nope.yml")
    assert (result.returncode, result.stderr) == (1, "facts/nope.yml:1:1: (file): no such file\n1 problem in facts/nope.yml\n")


def _symlink_loop(folder: Path, name: str) -> Path:
    (folder / f"{name}.other").symlink_to(folder / name)
    (folder / name).symlink_to(folder / f"{name}.other")
    return folder / name


def test_check_refuses_a_symlink_loop_as_the_facts_file_in_one_located_line(tmp_path: Path) -> None:
    # Once a RuntimeError from resolving the path for display.
    loop = _symlink_loop(tmp_path, "facts.yml")
    result = run("check", str(loop))
    assert (result.returncode, result.stderr) == (1, f"{loop}:1:1: (file): cannot read: Too many levels of symbolic links\n1 problem in {loop}\n")


def test_check_refuses_a_symlink_loop_as_the_benchmark_rows_file(tmp_path: Path) -> None:
    (tmp_path / "facts.yml").write_bytes((ROOT / "facts" / "aws-ml-chips.yml").read_bytes())
    (tmp_path / "aws-ml-chips.benchmarks.yml").unlink()
    loop = _symlink_loop(tmp_path, "aws-ml-chips.benchmarks.yml")
    result = run("check", str(tmp_path / "facts.yml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{loop}:1:1: (file): cannot read: Too many levels of symbolic links\n"), result.stderr


def test_environment_variable_replaces_the_facts_file() -> None:
    result = run("recommend", "--workload", "inference", "--json", env={"CHIPWISE_FACTS": str(FIXTURES / "minimal.yml")})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["instance_families"] == ["inf2"]


def test_a_broken_facts_file_stops_recommend_with_its_problems() -> None:
    result = run("recommend", "--workload", "inference", env={"CHIPWISE_FACTS": str(BROKEN / "decision-gap.yml")})
    assert result.returncode == 1
    assert result.stdout == ""
    assert "decision.tables.chip.rules: gap: no rule decides workload=inference, neuron=no" in result.stderr


def test_facts_json_lists_every_fact(facts: Facts) -> None:
    result = run("facts", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert set(data["facts"]) == set(facts.facts)
    assert data["facts"]["example.inferentia_monthly_cost"]["formatted"] == facts.fact("example.inferentia_monthly_cost").formatted
    assert data == json.loads(site_files.generated_files(facts)["api/facts.json"])  # what the site publishes, checked copies included


def test_facts_text_lists_every_fact(facts: Facts) -> None:
    result = run("facts")
    assert result.returncode == 0
    assert all(fact_id in result.stdout for fact_id in nonempty(facts.facts))


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "chipwise"
    result = subprocess.run([str(script), "check"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr


def test_stale_lists_nothing_today_and_everything_years_later_but_always_exits_0(facts: Facts) -> None:
    today = run("stale")
    assert today.returncode == 0, today.stderr
    assert today.stdout.strip().endswith("0 facts last verified more than 180 days before " + today.stdout.strip().rsplit(" ", 1)[1])
    later = run("stale", "--days", "30", "--json", env={"SOURCE_DATE_EPOCH": "1900000000"})  # 2030-03-17
    assert later.returncode == 0, later.stderr
    report = json.loads(later.stdout)
    sourced = [fact for fact in facts.facts.values() if fact.derivation is None]
    assert report["today"] == "2030-03-17" and len(report["stale"]) == len(sourced)
    assert all(entry["age_days"] > 30 for entry in nonempty(report["stale"]))


@pytest.mark.parametrize("days", ["-1", "soon", "99999", "1_0", "١٠", " 10"])
def test_stale_refuses_a_bad_day_count(days: str) -> None:
    result = run("stale", "--days", days)
    assert result.returncode == 2 and "--days: expected" in result.stderr and result.stdout == ""


def test_site_files_refuses_a_file_in_place_of_a_folder() -> None:
    result = run("site-files", "README.md")
    assert result.returncode == 1
    assert result.stderr == "chipwise: error: README.md is not a folder: give the folder of a built site, such as site/ after zensical build\n"


def test_recommend_sizes_the_model_in_json(facts: Facts) -> None:
    result = run("recommend", "--workload", "inference", "--params-billion", "70", "--precision", "bf16", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["memory_needed_gib"] == round(70e9 * 2 / 2**30 * 1.2, 2)
    assert answer["sizes"] == [
        {
            "family": "inf2",
            "size": "inf2.24xlarge",
            "accelerators": 6,
            "accelerator_memory_gib": 192.0,
            "reason": "inf2.24xlarge: 6 accelerators with 192.0 GiB of accelerator memory ≥ 156.5 GiB needed",
        }
    ]
    assert answer["title"] == "A SageMaker real-time endpoint on Inf2 (AWS Inferentia2), inf2.24xlarge"
    beyond_inf2 = json.loads(run("recommend", "--workload", "inference", "--params-billion", "405", "--json").stdout)
    assert beyond_inf2["outcome"] == "trn2" and beyond_inf2["size"] == "trn2.48xlarge"


@pytest.mark.parametrize("value", ["-1", "0", "abc", "nan", "1e12"])
def test_recommend_refuses_a_bad_model_size_naming_the_range(value: str) -> None:
    result = run("recommend", "--workload", "inference", "--params-billion", value)
    assert result.returncode == 2 and result.stdout == ""
    assert "params_billion must be a number from 0.001 to 100000 (billions of parameters)" in result.stderr


def test_export_dmn_writes_the_same_document_the_site_publishes(facts: Facts, tmp_path: Path) -> None:
    from chipwise.exports import dmn

    printed = run("export-dmn")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == dmn.dmn_xml(facts)
    written = run("export-dmn", "--output", str(tmp_path / "graph.dmn"))
    assert (written.returncode, written.stdout) == (0, f"wrote {tmp_path / 'graph.dmn'}\n")
    assert (tmp_path / "graph.dmn").read_text(encoding="utf-8") == printed.stdout
