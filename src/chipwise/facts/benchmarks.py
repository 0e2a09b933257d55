"""AWS's published Neuron benchmark rows: the sibling data file the facts file includes, its shape and the
figures derived from each row.

The facts file names the sibling (`benchmarks: aws-ml-chips.benchmarks.yml`, relative to the facts file);
`chipwise import-benchmarks` writes it from a checkout of aws-neuron/aws-neuron-sdk, and the loader checks it
as strictly as the facts file, each problem located in the sibling file. A row is never typed: its numbers
come from AWS's CSV at a named commit and line, and every cost is computed here from the row and the hourly
rate AWS used, by the formula the Neuron documentation's pages use.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from chipwise import disk_cache
from chipwise.errors import FactsError, Location, Problem, resolve
from chipwise.facts.schema_language import INVALID, Choice, Date, Field, MapOf, Record, Spec, Text, Url, Walk, describe
from chipwise.facts.yaml_nodes import read_bytes, read_nodes

SECONDS_PER_HOUR = 3600
PER_MILLION = 1_000_000
REPOSITORY = "aws-neuron/aws-neuron-sdk"
DOCS_BASE = "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/"
ROW_ID = r"[a-z0-9][a-z0-9-]*"
INSTANCE = r"(inf2|trn1|trn1n)\.[0-9]*x?large"


class Category(StrEnum):
    """Which of AWS's tables a row comes from; decides what one unit of throughput is. Its words for readers (its name,
    its unit's sentence, what its latencies measure) are the facts file's page copy: chipwise.guide.contract.kind_words."""

    ENCODER = "encoder"
    DECODER = "decoder"
    ENCODER_DECODER = "encoder-decoder"
    VISION = "vision"


class Optimized(StrEnum):
    """AWS publishes each table twice: tuned for throughput (batching) or for latency (small batches)."""

    THROUGHPUT = "throughput"
    LATENCY = "latency"


@dataclass(frozen=True)
class DataFile:
    """One CSV of AWS's, and the documentation page that shows it (None when no page does at this commit)."""

    path: str
    page: str | None
    """Where the live documentation shows the page now: AWS has archived it (under archive/benchmarks/)."""
    page_updated: str | None
    """The page's own 'Last update' words, verbatim; None when it gives none."""
    page_file: str | None = None
    """The page's .rst source in the repository at the commit the rows were read at."""
    page_title: str | None = None
    """The page's title, as AWS writes it: 'Inf2 Inference Performance'."""

    @property
    def title(self) -> str:
        """How the site names the page: its title, or (for a rows file imported before titles were read) its file name."""
        return self.page_title or (self.page or "").rsplit("/", 1)[-1].removesuffix(".html")

    def link(self, commit: str, line: int | None = None) -> str:
        anchor = f"?plain=1#L{line}" if line is not None else ""
        return f"https://github.com/{REPOSITORY}/blob/{commit}/{self.path}{anchor}"

    def page_source(self, commit: str) -> str | None:
        """The page's own source file at the commit the rows were read at."""
        return f"https://github.com/{REPOSITORY}/blob/{commit}/{self.page_file}" if self.page_file else None


@dataclass(frozen=True)
class HourlyRate:
    instance: str
    usd_per_hour: float
    basis: str
    """AWS's name for the rate, the price file's column heading: 'RI-Effective hourly rate'. It travels with the rate
    wherever the rate is shown, since an RI-Effective (Reserved Instances) rate is not an On-Demand price."""
    file: DataFile
    line: int


@dataclass(frozen=True)
class BenchmarkRow:
    id: str
    file: DataFile
    line: int
    model: str
    category: Category
    optimized: Optimized
    task: str
    framework: str
    instance: str
    rate: HourlyRate
    application: str
    batch_size: int
    model_data_type: str
    autocast_data_type: str
    throughput: float
    latency_p50_ms: float
    latency_p99_ms: float
    neuron_version: str
    sequence_length: int | None = None
    input_length: int | None = None
    output_length: int | None = None
    image_size: str | None = None
    tp_degree: int | None = None
    weight_data_type: str | None = None
    tpot_p50_ms: float | None = None
    tpot_p99_ms: float | None = None
    shown_on_page: str | None = None
    """The .rst page (at the commit) that showed the row's file; None: no AWS page showed it, the file alone is the source."""

    @property
    def stack(self) -> str:
        """Which software measured the row and at what precision, in AWS's words: 'Transformers NeuronX, FP16,
        autocast Matmult-BF16, weights int8'."""
        return f"{self.framework}, {self.data_types}"

    @property
    def family(self) -> str:
        return self.instance.split(".", 1)[0]

    @property
    def units_per_request(self) -> int:
        """How many units one request takes: a generation of the row's output length for an LLM row,
        input and output tokens for an encoder-decoder row, else one."""
        if self.category is Category.DECODER and self.output_length:
            return self.output_length
        if self.category is Category.ENCODER_DECODER and self.output_length:
            return (self.input_length or 0) + self.output_length
        return 1

    @property
    def data_types(self) -> str:
        """'FP32, autocast Matmult-BF16' (and the weights' type for LLM rows)."""
        parts = [self.model_data_type]
        if self.autocast_data_type and self.autocast_data_type.lower() != "none":
            parts.append(f"autocast {self.autocast_data_type}")
        if self.weight_data_type:
            parts.append(f"weights {self.weight_data_type}")
        return ", ".join(parts)

    @property
    def cost_per_million(self) -> float:
        """AWS's formula: (1e6 / throughput) × (hourly rate / 3600), in US dollars per 1M units."""
        return cost_per_million(self.throughput, self.rate.usd_per_hour)


def cost_per_million(throughput: float, usd_per_hour: float) -> float:
    """The Neuron pages' formula: seconds for a million units at the measured throughput, times the rate a second."""
    return (PER_MILLION / throughput) * (usd_per_hour / SECONDS_PER_HOUR)


@dataclass(frozen=True)
class TrainingRow:
    """One of AWS's Trn1 training measurements: sequences a second over `nodes` instances, not inferences."""

    id: str
    file: DataFile
    line: int
    model: str
    instances: str
    """AWS's words for the instance types, such as 'trn1.32xlarge/trn1n.32xlarge'."""
    nodes: int
    data_type: str
    topology: str
    microbatch: int
    global_batch: int
    optimizer: str
    throughput: float
    """Sequences a second, over all the nodes together."""
    scaling: str
    neuron_version: str
    torch_neuronx_version: str
    tutorial: str
    sequence_length: int | None = None
    tutorial_url: str | None = None
    shown_on_page: str | None = None

    @property
    def stack(self) -> str:
        return f"torch-neuronx {self.torch_neuronx_version}, {self.data_type}"

    @property
    def family(self) -> str:
        """'trn1' for 'trn1.32xlarge/trn1n.32xlarge': the family of the first instance type AWS names."""
        return self.instances.split(".", 1)[0].lower()


COST_FORMULA = "cost per 1M = (1,000,000 ÷ throughput a second) × (hourly rate ÷ 3,600)"


@dataclass(frozen=True)
class Benchmarks:
    """The rows, the hourly rates and where they were read."""

    path: Path
    digest: str
    repository: str
    commit: str
    imported: datetime.date
    rates_dated: str | None
    """AWS's date for the hourly rates, in its words; None: the price files give no date."""
    files: Mapping[str, DataFile]
    rates: Mapping[str, HourlyRate]
    rows: Mapping[str, BenchmarkRow]
    training: Mapping[str, TrainingRow]
    superseded: Mapping[str, str]
    """Each row the import dropped -> the row kept in its place: the same measured shape from a file a page showed."""

    def row(self, row_id: str) -> BenchmarkRow:
        return resolve(self.rows, row_id, "benchmark row")

    def source_link(self, row: BenchmarkRow | TrainingRow) -> str:
        return row.file.link(self.commit, row.line)

    def rate_link(self, rate: HourlyRate) -> str:
        return rate.file.link(self.commit, rate.line)


# --- The sibling file's shape -----------------------------------------------------------------------


SMALLEST_MEASUREMENT = 1e-6
"""No throughput, latency or hourly rate AWS publishes comes near this; a smaller one is a typo, such as 1e-300
(whose costs, divided by it, would overflow)."""


class Number(Spec):
    """A number from SMALLEST_MEASUREMENT (or an integer from 1, with `whole`)."""

    def __init__(self, whole: bool = False) -> None:
        self.whole = whole

    @property
    def description(self) -> str:  # type: ignore[override]
        return "a whole number from 1" if self.whole else f"a number from {SMALLEST_MEASUREMENT:g}"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        value = self._scalar(node, walk, key_path)
        if value is INVALID:
            return value
        kinds = (int,) if self.whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds) or value < (1 if self.whole else SMALLEST_MEASUREMENT):
            return walk.problem(node, key_path, f"expected {self.description}, received {describe(node)}")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 1} if self.whole else {"type": "number", "minimum": SMALLEST_MEASUREMENT}


_text = Text()
_csv_path = Text(pattern=r"about-neuron/benchmarks/[a-z0-9]+/[A-Za-z0-9_.-]+\.csv", hint="a CSV path under about-neuron/benchmarks/")
_line = Number(whole=True)
_rst_path = Text(pattern=r"about-neuron/benchmarks/[a-z0-9]+/[A-Za-z0-9_.-]+\.rst", hint="an .rst path under about-neuron/benchmarks/")
_shown = Field(_rst_path, required=False, doc="The page (its .rst at the commit) that showed the row's file; absent: no AWS page showed it.")

DATA_FILE = Record(
    {
        "page": Field(Url(), required=False, doc="The Neuron documentation page that shows this file; absent when none does."),
        "page_updated": Field(_text, required=False, doc="The page's 'Last update' words, verbatim."),
        "page_title": Field(_text, required=False, doc="The page's title, as its source writes it."),
        "page_file": Field(_rst_path, required=False, doc="The page's .rst source at the commit."),
    },
    name="a data file (page, page_updated, page_file, page_title)",
)

RATE = Record(
    {
        "usd_per_hour": Field(Number(), doc="AWS's hourly rate in US dollars."),
        "basis": Field(_text, doc="The rate's name in AWS's price file."),
        "file": Field(_csv_path),
        "line": Field(_line),
    },
    name="an hourly rate (usd_per_hour, basis, file, line)",
)

ROW = Record(
    {
        "file": Field(_csv_path, doc="AWS's CSV the row was read from."),
        "line": Field(_line, doc="The row's line in that CSV."),
        "model": Field(_text),
        "category": Field(Choice(tuple(Category))),
        "optimized": Field(Choice(tuple(Optimized))),
        "task": Field(_text),
        "framework": Field(_text),
        "instance": Field(Text(pattern=INSTANCE, hint="an instance type like inf2.xlarge")),
        "application": Field(_text),
        "batch_size": Field(_line),
        "model_data_type": Field(_text),
        "autocast_data_type": Field(_text),
        "throughput": Field(Number(), doc="Units a second, as AWS measured."),
        "latency_p50_ms": Field(Number()),
        "latency_p99_ms": Field(Number()),
        "neuron_version": Field(Text(pattern=r"[0-9]+(\.[0-9]+)+", hint="a Neuron version like 2.25.0")),
        "sequence_length": Field(_line, required=False),
        "input_length": Field(_line, required=False),
        "output_length": Field(_line, required=False),
        "image_size": Field(_text, required=False),
        "tp_degree": Field(_line, required=False),
        "weight_data_type": Field(_text, required=False),
        "tpot_p50_ms": Field(Number(), required=False),
        "tpot_p99_ms": Field(Number(), required=False),
        "shown_on_page": _shown,
    },
    name="a benchmark row",
)

TRAINING_ROW = Record(
    {
        "file": Field(_csv_path, doc="AWS's CSV the row was read from."),
        "line": Field(_line, doc="The row's line in that CSV."),
        "model": Field(_text),
        "instances": Field(_text, doc="AWS's words for the instance types."),
        "nodes": Field(_line, doc="How many instances the run used."),
        "data_type": Field(_text),
        "topology": Field(_text),
        "microbatch": Field(_line),
        "global_batch": Field(_line),
        "optimizer": Field(_text),
        "sequence_length": Field(_line, required=False),
        "throughput": Field(Number(), doc="Sequences a second over all the nodes, as AWS measured."),
        "scaling": Field(_text),
        "neuron_version": Field(Text(pattern=r"[0-9]+(\.[0-9]+)+", hint="a Neuron version like 2.25.0")),
        "torch_neuronx_version": Field(_text),
        "tutorial": Field(_text, doc="AWS's tutorial for the run: a link's words or a reference's label."),
        "tutorial_url": Field(Url(), required=False),
        "shown_on_page": _shown,
    },
    name="a training row",
)

BENCHMARKS_FILE = Record(
    {
        "repository": Field(Choice((REPOSITORY,)), doc="Where AWS publishes the CSVs."),
        "commit": Field(Text(pattern=r"[0-9a-f]{40}", hint="a full 40-character commit hash")),
        "imported": Field(Date(), doc="The day the rows were imported."),
        "rates_dated": Field(_text, required=False, doc="AWS's date for the hourly rates; absent: AWS gives none."),
        "files": Field(MapOf(DATA_FILE, r"about-neuron/benchmarks/[a-z0-9]+/[A-Za-z0-9_.-]+\.csv", "a CSV path")),
        "rates": Field(MapOf(RATE, INSTANCE, "an instance type like inf2.xlarge")),
        "rows": Field(MapOf(ROW, ROW_ID, "a row id (lower-case letters, digits and dashes)")),
        "superseded": Field(
            MapOf(Text(pattern=ROW_ID, hint="a row id"), ROW_ID, "a row id"),
            required=False,
            doc="Rows dropped as measured again in a file a page showed -> the row kept.",
        ),
        "training": Field(MapOf(TRAINING_ROW, ROW_ID, "a row id (lower-case letters, digits and dashes)"), required=False, doc="Trn1 training rows."),
    },
    name="the benchmark rows file (repository, commit, imported, files, rates, rows)",
)


_read: dict[tuple[str, str], Benchmarks] = {}
_READ_LIMIT = 8


def read_benchmarks(path: Path, shown: str) -> Benchmarks:
    """The checked rows of a sibling file; FactsError with every problem, located in that file.

    Cached by the file's own content (its path and a hash of its bytes), not by the facts file that names it:
    every edit of the facts file (a `mkdocs serve` reload, each mutation a test tries) reuses the rows, and an
    edit of the rows file reads them again.
    """
    data = read_bytes(path, shown)
    key = (str(path), hashlib.sha256(data).hexdigest())
    cached = _read.get(key)
    if cached is not None:
        return cached
    benchmarks = _read_uncached(path, shown, data, key[1])
    if len(_read) >= _READ_LIMIT:
        _read.clear()
    _read[key] = benchmarks
    return benchmarks


_CHECKED = "benchmark-rows"
"""The disk cache's name for a rows file's checked data (plain values and dates), keyed by the file's bytes."""


def _read_uncached(path: Path, shown: str, data: bytes, digest: str) -> Benchmarks:
    cached = _from_checked(path, shown, digest, disk_cache.load(_CHECKED, digest, allowed=frozenset({("datetime", "date")})))
    if cached is not None:
        return cached
    walk = Walk(shown)
    raw = BENCHMARKS_FILE.check(read_nodes(data, shown), walk, "")
    if walk.problems:
        raise FactsError(walk.problems)
    disk_cache.store(_CHECKED, digest, raw)
    benchmarks = _build(path, digest, raw, walk)
    if walk.problems:
        raise FactsError(walk.problems)
    return benchmarks


def _from_checked(path: Path, shown: str, digest: str, raw: Any) -> Benchmarks | None:
    """The rows from data this code checked before (the same bytes), or None to read and check the file."""
    if not isinstance(raw, dict):
        return None
    walk = Walk(shown)
    try:
        benchmarks = _build(path, digest, raw, walk)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return None if walk.problems else benchmarks


def digest_of(path: Path) -> str | None:
    """The sibling file's current digest (None when it cannot be read): a changed file is loaded again."""
    try:
        return hashlib.sha256(read_bytes(path, str(path))).hexdigest()
    except FactsError:
        return None


def _build(path: Path, digest: str, raw: dict[str, Any], walk: Walk) -> Benchmarks:
    def problem(key_path: str, message: str) -> None:
        walk.problems.append(Problem(walk.path, walk.at(key_path) if key_path else Location(1, 1), key_path, message))

    files = {
        name: DataFile(name, entry.get("page"), entry.get("page_updated"), entry.get("page_file"), entry.get("page_title"))
        for name, entry in raw["files"].items()
    }

    def data_file(key_path: str, name: str) -> DataFile | None:
        if name not in files:
            problem(key_path, f"the file {name!r} is not listed under files")
            return None
        return files[name]

    rates = {}
    for instance, entry in raw["rates"].items():
        found = data_file(f"rates.{instance}.file", entry["file"])
        if found is not None:
            rates[instance] = HourlyRate(instance, float(entry["usd_per_hour"]), entry["basis"], found, entry["line"])
    rows = {}
    for row_id, entry in raw["rows"].items():
        where = f"rows.{row_id}"
        found = data_file(f"{where}.file", entry["file"])
        rate = rates.get(entry["instance"])
        if rate is None:
            problem(f"{where}.instance", f"no hourly rate for {entry['instance']!r} under rates (known: {', '.join(rates) or 'none'})")
        if entry["category"] == Category.DECODER and "output_length" not in entry:
            problem(where, "an LLM (decoder) row needs output_length: a request is one generation of that many tokens")
        if found is not None and entry.get("shown_on_page") != found.page_file:
            problem(f"{where}.shown_on_page", f"expected {found.page_file!r}, the page files.{found.path} names, received {entry.get('shown_on_page')!r}")
        if found is None or rate is None:
            continue
        fields = {key: value for key, value in entry.items() if key not in ("file", "category", "optimized")}
        rows[row_id] = BenchmarkRow(
            id=row_id,
            file=found,
            category=Category(entry["category"]),
            optimized=Optimized(entry["optimized"]),
            rate=rate,
            **{**fields, **{name: float(entry[name]) for name in ("throughput", "latency_p50_ms", "latency_p99_ms")}},
        )
    training = {}
    for row_id, entry in (raw.get("training") or {}).items():
        found = data_file(f"training.{row_id}.file", entry["file"])
        if found is not None:
            fields = {key: value for key, value in entry.items() if key != "file"}
            training[row_id] = TrainingRow(id=row_id, file=found, **{**fields, "throughput": float(entry["throughput"])})
    superseded = dict(raw.get("superseded") or {})
    for dropped, kept in superseded.items():
        if kept not in rows or dropped in rows:
            problem(f"superseded.{dropped}", f"expected a dropped row's id and the id of a row kept, received {dropped!r} -> {kept!r}")
    return Benchmarks(
        path=path,
        digest=digest,
        repository=raw["repository"],
        commit=raw["commit"],
        imported=raw["imported"],
        rates_dated=raw.get("rates_dated"),
        files=files,
        rates=rates,
        rows=rows,
        training=training,
        superseded=superseded,
    )


def json_schema() -> dict[str, Any]:
    """The sibling file's JSON Schema."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "chipwise benchmark rows file", **BENCHMARKS_FILE.json_schema()}


def named_file(facts_path: Path) -> Path:
    """The rows file a facts file names under `benchmarks:`, read without loading the rest (so a broken rows
    file can still be imported again); FactsError when the facts file names none."""
    shown = str(facts_path)
    root = read_nodes(read_bytes(facts_path, shown), shown)
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "benchmarks" and isinstance(value, yaml.ScalarNode) and value.value:
            return facts_path.parent / str(value.value)
    raise FactsError([Problem(shown, Location(1, 1), "benchmarks", "the facts file names no benchmarks file; add `benchmarks: NAME.yml` or give --output")])
