"""The `chipwise` command: argument parsing and output only; the work is done by the package."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from chipwise import recommend
from chipwise.decision.engine import SIZING_HEADROOM, SIZING_PARAMETERS, SIZING_PRECISION, Decision, replace_deprecated
from chipwise.decision.model import DecisionGraph, DecisionInput
from chipwise.errors import FactsError, InvalidInput
from chipwise.exports import dmn, json_api, site_files
from chipwise.facts import neuron_import
from chipwise.facts.benchmarks import named_file
from chipwise.facts.changes import changelog_markdown
from chipwise.facts.file_schema import json_schema
from chipwise.guide.freshness import DEFAULT_STALE_DAYS, build_day, stale
from chipwise.guide.load import default_facts_path, load_facts
from chipwise.guide.model import Facts
from chipwise.page_references import docs_problems
from chipwise.reverify.check import verify_quotes
from chipwise.reverify.clones import Clone, CloneError, parse_repo_option


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors that name the allowed values and exit 2 with nothing on stdout."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"chipwise: error: {message}\n")
        raise SystemExit(2)


class _Version(argparse.Action):
    """--version: the package's version and the version of the facts file it reads, then exit 0."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option_string: str | None = None) -> None:
        try:
            loaded = load_facts()
        except FactsError as error:
            sys.stderr.write(error.report() + "\n")
            raise SystemExit(1) from None
        sys.stdout.write(f"chipwise {metadata.version('chipwise')}, facts {loaded.meta.version} ({json_api.shown_path(loaded)})\n")
        raise SystemExit(0)


def _add_decision_inputs(command: argparse.ArgumentParser, table: DecisionGraph | None) -> None:
    """One option per input of the decision graph: its values, its question and its default; the deprecated
    inputs are accepted but left out of the help."""
    if table is None:
        command.add_argument("--inputs", metavar="...", help="the decision graph's inputs (the facts file could not be read)")
        return
    for item in table.inputs:
        if item.numeric is not None:
            computed = " (or let the sizing options below compute it)" if item.numeric.computed else ""
            command.add_argument(
                f"--{item.name.replace('_', '-')}",
                dest=f"input_{item.name}",
                metavar="NUMBER",
                help=f"{item.question} A number from {_plain_number(item.numeric.minimum)} to {_plain_number(item.numeric.maximum)} "
                f"{item.numeric.unit}{computed}",
            )
            if "_" in item.name:  # the input's own spelling is accepted too, but help shows one spelling per option
                command.add_argument(f"--{item.name}", dest=f"input_{item.name}", metavar="NUMBER", help=argparse.SUPPRESS)
            continue
        default = f" (default: {item.default})" if item.default is not None else ""
        command.add_argument(
            f"--{item.name}",
            dest=f"input_{item.name}",
            required=item.default is None,
            choices=item.value_names,
            help=f"{item.question} {', '.join(item.value_names)}{default}",
        )
    for old in table.deprecated.values():
        command.add_argument(f"--{old.name}", dest=f"input_{old.name}", choices=list(old.values), help=argparse.SUPPRESS)
    sizing = table.sizing
    if sizing is None:
        return
    command.add_argument(
        f"--{SIZING_PARAMETERS.replace('_', '-')}",
        dest=f"input_{SIZING_PARAMETERS}",
        metavar="BILLIONS",
        help=f"{sizing.parameters_question} From {sizing.parameters_minimum:g} to {_plain_number(sizing.parameters_maximum)}; sizes each recommended family",
    )
    command.add_argument(
        f"--{SIZING_PRECISION}",
        dest=f"input_{SIZING_PRECISION}",
        choices=[item.name for item in sizing.precisions],
        help=f"{sizing.precision_question} (default: {sizing.default_precision})",
    )
    command.add_argument(
        f"--{SIZING_HEADROOM.replace('_', '-')}",
        dest=f"input_{SIZING_HEADROOM}",
        metavar="PERCENT",
        help=f"memory beyond the weights, in percent of them (default: {sizing.headroom_percent:g}, an assumption: see the Choosing a chip page)",
    )


def _parser(table: DecisionGraph | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="chipwise", description="Facts and a chip recommender for AWS Inferentia and Trainium.")
    parser.add_argument("--version", action=_Version, help="print chipwise's version and the facts file's version, then exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    recommend = commands.add_parser("recommend", help="recommend a chip for a workload")
    _add_decision_inputs(recommend, table)
    recommend.add_argument("--json", action="store_true", help="print one JSON object")

    check = commands.add_parser("check", help="validate a facts file; print every problem")
    check.add_argument("path", nargs="?", type=Path, help="facts file (default: $CHIPWISE_FACTS or the project's)")

    commands.add_parser("schema", help="print the facts file's JSON Schema")

    stale_command = commands.add_parser("stale", help="list facts last compared with their source more than N days ago")
    stale_command.add_argument("--days", type=_days, default=DEFAULT_STALE_DAYS, help=f"age limit in days (default: {DEFAULT_STALE_DAYS})")
    stale_command.add_argument("--json", action="store_true", help="print JSON")

    site_files_command = commands.add_parser("site-files", help="write the site's generated files (api/, downloads/) into a built site")
    site_files_command.add_argument("site_dir", type=Path, help="the built site, e.g. site/ after zensical build")

    importer = commands.add_parser("import-benchmarks", help="re-read AWS's benchmark CSVs from a checkout of aws-neuron/aws-neuron-sdk")
    importer.add_argument("checkout", type=Path, metavar="PATH", help="a checkout (or exported tree) of aws-neuron/aws-neuron-sdk")
    importer.add_argument("--commit", type=_commit, help="the checkout's commit, when PATH is not a git checkout (40 hex digits)")
    importer.add_argument("--output", type=Path, help="the rows file to update (default: the one the facts file names)")

    export_dmn = commands.add_parser("export-dmn", help="write the decision graph as a DMN 1.3 document (api/decisions.dmn)")
    export_dmn.add_argument("--output", type=Path, help="the file to write (default: standard output)")
    verify_command = commands.add_parser("verify", help="re-verify each quote in its source's recorded copy, and report drift in today's copy")
    verify_command.add_argument("path", nargs="?", type=Path, help="facts file (default: $CHIPWISE_FACTS or the project's)")
    verify_command.add_argument(
        "--repo", action="append", default=[], metavar="OWNER/NAME=PATH", help="a local clone (working copy or bare) of a repository sources name; repeatable"
    )
    verify_command.add_argument("--at", metavar="REF", help="compare with this commit, branch or tag of each clone (default: its newest commit, HEAD)")
    verify_command.add_argument("--pages", type=Path, metavar="DIR", help="a folder of saved web pages for the sources whose copy is a stored page")
    verify_command.add_argument("--json", action="store_true", help="print JSON")

    commands.add_parser("changelog", help="print facts/CHANGELOG.md, generated from the changes file the facts file names")

    facts = commands.add_parser("facts", help="print the validated facts")
    facts.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    table = None
    if argv[:1] == ["recommend"]:
        try:
            table = load_facts().decision
        except FactsError as error:
            sys.stderr.write(error.report() + "\n")
            return 1
    arguments = _parser(table).parse_args(argv)
    try:
        if arguments.command == "check":
            return _check(arguments.path)
        if arguments.command == "stale":
            return _stale(arguments.days, arguments.json)
        if arguments.command == "schema":
            _print(json_schema(), as_json=True)
            return 0
        if arguments.command == "verify":
            return _verify(arguments.path, arguments.repo, arguments.at, arguments.pages, arguments.json)
        if arguments.command == "import-benchmarks":
            return _import_benchmarks(arguments.checkout, arguments.commit, arguments.output)
        if arguments.command == "site-files":
            written = site_files.write_generated_files(load_facts(for_site=True), arguments.site_dir)
            sys.stdout.write("".join(f"wrote {path}\n" for path in written))
            return 0
        loaded = load_facts()
        if arguments.command == "export-dmn":
            return _export_dmn(loaded, arguments.output)
        if arguments.command == "changelog":
            name = loaded.changes_path.name if loaded.changes_path is not None else "the changes file"
            sys.stdout.write(changelog_markdown(loaded.changes, name))
            return 0
        if arguments.command == "recommend":
            given = {name.removeprefix("input_"): value for name, value in vars(arguments).items() if name.startswith("input_")}
            current, messages = replace_deprecated(loaded.decision, given)
            sys.stderr.write("".join(f"chipwise: {message}\n" for message in messages))
            decision = recommend(facts=loaded, **current)
            _print(decision.as_json() if arguments.json else _explain(decision, loaded.decision, current), arguments.json)
        else:
            _print(json_api.facts_json(loaded) if arguments.json else json_api.facts_text(loaded), arguments.json)
    except FactsError as error:
        sys.stderr.write(error.report() + "\n")
        return 1
    except InvalidInput as error:
        sys.stderr.write(f"chipwise: error: {error}\n")
        return 2
    except (site_files.SiteDirError, OSError) as error:
        sys.stderr.write(f"chipwise: error: {error}\n")
        return 1
    except ModuleNotFoundError as error:
        sys.stderr.write(f"chipwise: error: {arguments.command} needs {error.name}, part of the site extra: pip install 'chipwise[site]'\n")
        return 1
    return 0


def _check(path: Path | None) -> int:
    loaded = load_facts(path, for_site=True)
    pages = ""
    if Path("mkdocs.yml").is_file() and Path("docs").is_dir():
        problems = docs_problems(loaded, Path("docs"))
        if problems:
            raise FactsError(problems)
        pages = "; every macro call in docs/ names what exists"
    sys.stdout.write(
        f"{json_api.shown_path(loaded)}: OK: {len(loaded.facts)} facts, {len(loaded.sources)} sources, "
        f"{len(loaded.decision.tables)} decision tables, {len(loaded.decision.rules)} rules covering every combination of inputs{pages}\n"
    )
    return 0


def _verify(path: Path | None, repos: list[str], at: str | None, pages: Path | None, as_json: bool) -> int:
    """Exit 1 when a quote is not in its recorded copy; drift is listed and exits 0. A clone that cannot be
    read as given is one line on stderr."""
    loaded = load_facts(path)
    try:
        clones: dict[str, Clone] = {}
        for option in repos:
            name, folder = parse_repo_option(option)
            if name in clones:
                raise CloneError(f"--repo {name} is given twice ({clones[name].path} and {folder})")
            clones[name] = Clone.open(name, folder)
        if pages is not None and not pages.is_dir():
            raise CloneError(f"--pages {pages}: not a folder of saved pages")
        report = verify_quotes(loaded, clones, build_day(), at, pages)
    except CloneError as error:
        sys.stderr.write(f"chipwise: error: {error}\n")
        return 1
    _print(report.as_json() if as_json else report.as_text(), as_json)
    return report.exit_code


def _commit(text: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{40}", text):
        raise argparse.ArgumentTypeError(f"expected a full commit hash (40 hex digits, lower case), received {text!r}")
    return text


def _export_dmn(loaded: Facts, output: Path | None) -> int:
    document = dmn.dmn_xml(loaded)
    if output is None:
        sys.stdout.write(document)
    else:
        output.write_text(document, encoding="utf-8")
        sys.stdout.write(f"wrote {output}\n")
    return 0


def _import_benchmarks(checkout: Path, commit: str | None, output: Path | None) -> int:
    """Writes the rows file when the checkout changes it; prints what changed, or every row it refuses."""
    if output is None:
        output = named_file(default_facts_path())
    try:
        report = neuron_import.import_benchmarks(checkout, output, commit)
    except neuron_import.ImportRefused as error:
        problems = FactsError(error.problems)
        sys.stderr.write(problems.report() + "\nnothing was written\n")
        return 1
    sys.stdout.write("".join(f"{line}\n" for line in report))
    return 0


def _days(text: str) -> int:
    """--days: a whole number of days from 0 to 36,500, in the digits 0-9 (int() would also take '1_0' or '١٠')."""
    if not re.fullmatch(r"[0-9]+", text, re.ASCII):
        raise argparse.ArgumentTypeError(f"expected a whole number of days (digits 0-9), received {text!r}")
    days = int(text)
    if not 0 <= days <= 36_500:
        raise argparse.ArgumentTypeError(f"expected a number of days from 0 to 36500, received {days}")
    return days


def _age(age: int) -> str:
    """The command line's own words for an age (the facts file's page copy has the site's, and a file checked for
    the command line alone need not give them)."""
    if age == 0:
        return "today"
    return "1 day ago" if age == 1 else f"{age:,} days ago"


def _stale(days: int, as_json: bool) -> int:
    """Lists what is due for another look; exits 0 either way, so time passing alone never fails a build."""
    loaded = load_facts()
    today = build_day()
    found = stale(loaded, days, today)
    if as_json:
        _print(
            {
                "today": today.isoformat(),
                "days": days,
                "stale": [
                    {
                        "id": item.fact.id,
                        "verified": item.fact.verified.isoformat(),
                        "age_days": item.age_days,
                        "source": item.fact.source.url if item.fact.source else None,
                    }
                    for item in found
                ],
            },
            as_json=True,
        )
        return 0
    for item in found:
        source = item.fact.source.url if item.fact.source else ""
        sys.stdout.write(f"{item.fact.id}: verified {item.fact.verified.isoformat()} ({_age(item.age_days)}) {source}\n")
    noun = "fact" if len(found) == 1 else "facts"
    sys.stdout.write(f"{len(found)} {noun} last verified more than {days} days before {today.isoformat()}\n")
    return 0


def _print(output: Any, as_json: bool) -> None:
    text = json.dumps(output, indent=2, ensure_ascii=False, default=str, allow_nan=False) if as_json else output
    sys.stdout.write(text + "\n")


def _answer_in_words(decision: Decision, item: DecisionInput, was_given: bool) -> str:
    """'Inference', 'A deep-learning model in PyTorch or JAX (the default)', '156.5 GiB, computed from the model's
    size (below)'; '' for a number neither given nor computed."""
    if item.numeric is None:
        label = next(value.label for value in item.values if value.name == decision.inputs[item.name])
        return label if was_given else f"{label} (the default)"
    number = decision.numbers.get(item.name)
    if item.numeric.computed and decision.memory_needed_gib is not None:
        return f"{_plain_number(decision.memory_needed_gib)} {item.numeric.unit}, computed from the model's size (below)"
    if was_given and number is not None:
        return f"{_plain_number(number)} {item.numeric.unit}"
    return ""


def _plain_number(number: float) -> str:
    """12, 156.5, 10,000,000: at most one decimal, thousands grouped, no exponent."""
    return f"{number:,.1f}".removesuffix(".0")


def _explain(decision: Decision, graph: DecisionGraph, given: Mapping[str, object]) -> str:
    """The recommendation, the inputs in words (each question and its answer), then each table: its question,
    the rule that fired and why; the sizing only when a model's size was given."""
    lines = [f"Recommendation: {decision.title}", "Inputs:"]
    for item in graph.inputs:
        answer = _answer_in_words(decision, item, given.get(item.name) is not None)
        if answer:
            lines.append(f"  {item.question} {answer}")
    if decision.outcome.families:
        lines.append(f"Instance families, in order of preference: {', '.join(family.name for family in decision.outcome.families)}")
    for step in decision.steps:
        lines.append(f"{step.table.question} {step.outcome.title} (table {step.table.id}, rule {step.rule.id})")
        for reason in step.rule.reasons:
            lines.append(f"  - {reason.text}")
            lines.extend(f"    source: {source.url}" for source in reason.sources)
    if decision.memory_needed_gib is not None:
        lines.append(f"Memory needed: {decision.memory_arithmetic}")
        lines.append("Smallest size that fits, per family:")
        lines.extend(f"  - {size.family.name}: {size.reason}" for size in decision.sizes)
    return "\n".join(lines)
