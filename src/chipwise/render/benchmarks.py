"""The Benchmarks page's blocks over AWS's published rows: the best rows and filters, the browsable tables, where
the rows come from, the formulas, and how the cost calculator names and formats one row (render.calculator_form
lays its form out). Python gathers each block's values as text; templates/benchmark_*.html lay them out and escape
them; the sentences are the facts file's page copy (`copy`: chipwise.guide.contract.CopyKey)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from chipwise.facts.benchmarks import BenchmarkRow, Benchmarks, Category, TrainingRow
from chipwise.facts.model import Fact, fill
from chipwise.facts.units import number_text
from chipwise.guide.contract import CopyKey, FactId, all_kind_words, columns, kind_words
from chipwise.guide.model import Facts
from chipwise.render import layout
from chipwise.study import deployment_cost
from chipwise.study.calculator import round_half_up


def archived_status_facts(facts: Facts) -> tuple[Fact, Fact] | None:
    """What AWS now says of its benchmark pages and the page's date; None when the file holds neither (a file
    with benchmark rows must hold both: chipwise.facts.contract checks it)."""
    archived = facts.facts.get(FactId.BENCHMARKS_ARCHIVED)
    dated = facts.facts.get(FactId.BENCHMARKS_ARCHIVED_ON)
    return (archived, dated) if archived is not None and dated is not None else None


def archived_title(dated: Fact, copy: Mapping[str, str]) -> str:
    """'AWS has archived these benchmark pages (page modified 2026-10-13)', as plain text."""
    return fill(copy[CopyKey.BENCHMARKS_ARCHIVED_TITLE], date=str(dated.value))


def archived_sentence(archived: Fact, dated: Fact, copy: Mapping[str, str]) -> str:
    """The statement as one plain sentence, for JSON and the decision helper: AWS's words with their date."""
    return f"{archived_title(dated, copy)}: “{archived.quote}”"


def archived_status(archived: Fact, dated: Fact, fact_url: str, copy: Mapping[str, str]) -> str:
    """AWS's own statement that the rows' pages are archived, with its date and source: shown wherever rows are."""
    return layout.render(
        "benchmark_archived.html", title=archived_title(dated, copy), quote=archived.quote, source=archived.source, fact_url=fact_url, copy=copy
    )


def row_anchor(row: BenchmarkRow) -> str:
    return f"row-{row.id}"


def grouped(value: float, digits: int) -> str:
    """The value, already rounded to `digits`, with thousands separators and no trailing zeros (JS: toLocaleString)."""
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def dollars(value: float, digits: int = 2) -> str:
    """'$1,234.50' or '$0.029': always `digits` decimals (JS: toLocaleString with that many)."""
    return f"${value:,.{digits}f}"


def shape(row: BenchmarkRow, copy: Mapping[str, str]) -> str:
    """'batch 8, sequence 128' and, for LLM rows, 'input 128, output 8064 tokens'."""
    parts = [fill(copy[CopyKey.BENCHMARKS_SHAPE_BATCH], batch=str(row.batch_size))]
    if row.sequence_length:
        parts.append(fill(copy[CopyKey.BENCHMARKS_SHAPE_SEQUENCE], sequence=str(row.sequence_length)))
    if row.input_length and row.output_length:
        parts.append(fill(copy[CopyKey.BENCHMARKS_SHAPE_TOKENS], input=str(row.input_length), output=str(row.output_length)))
    if row.image_size:
        parts.append(row.image_size)
    if row.tp_degree:
        parts.append(fill(copy[CopyKey.BENCHMARKS_SHAPE_TP], degree=str(row.tp_degree)))
    return ", ".join(parts)


def shown_text(row: BenchmarkRow | TrainingRow, copy: Mapping[str, str]) -> str:
    """Whether an AWS page showed the row: the page's title, or that none did (the CSV alone is the source)."""
    if row.file.page and row.shown_on_page:
        return fill(copy[CopyKey.BENCHMARKS_SHOWN_ON], page=row.file.title)
    return copy[CopyKey.BENCHMARKS_NOT_SHOWN]


def row_choice(row: BenchmarkRow, copy: Mapping[str, str]) -> str:
    """The row in the calculator's list, under its kind and model: what tells it from the model's other rows comes
    first, then the stack that measured it and whether an AWS page showed it."""
    return fill(
        copy[CopyKey.BENCHMARKS_ROW_CHOICE],
        model=row.model,
        instance=row.instance,
        optimized=row.optimized.value,
        shape=shape(row, copy),
        stack=row.stack,
        shown=shown_text(row, copy),
    )


def formulas() -> str:
    """The formulas the calculator and the tables compute, as a definition list."""
    return layout.render("benchmark_formulas.html", formulas=deployment_cost.FORMULAS)


@dataclass(frozen=True)
class RateLine:
    """One hourly rate in the sources block: the instance, the price as written, AWS's name for it, and its line."""

    instance: str
    price: str
    basis: str
    link: str
    file: str
    line: int


@dataclass(frozen=True)
class FileLine:
    """One rows or rates file in the sources block, with the AWS page that showed it (`page_source` None: none did)."""

    name: str
    link: str
    page: str | None
    title: str
    page_source: str | None
    updated: str | None


def sources(benchmarks: Benchmarks, price_caveat: str, copy: Mapping[str, str], archive_url: str | None = None) -> str:
    """Where the rows and rates come from: repository, commit, each file and the page that showed it there (its
    source at that commit; AWS has since archived the live page, listed at `archive_url`), and the facts file's
    caveat on every price."""
    commit = benchmarks.commit
    rates = [
        RateLine(rate.instance, dollars(rate.usd_per_hour, 3), rate.basis, benchmarks.rate_link(rate), rate.file.path.rsplit("/", 1)[-1], rate.line)
        for rate in benchmarks.rates.values()
    ]
    files = [
        FileLine(
            data_file.path.rsplit("/", 1)[-1],
            data_file.link(commit),
            data_file.page,
            data_file.title if data_file.page else "",
            data_file.page_source(commit) if data_file.page else None,
            data_file.page_updated,
        )
        for data_file in benchmarks.files.values()
    ]
    return layout.render(
        "benchmark_sources.html",
        repository=benchmarks.repository,
        commit=commit,
        imported=benchmarks.imported.isoformat(),
        rates_dated=benchmarks.rates_dated,
        rates=rates,
        files=files,
        archive_url=archive_url,
        price_caveat=price_caveat,
        copy=copy,
    )


def units_note(copy: Mapping[str, str]) -> str:
    """What 'an inference' means for each kind of row, so costs are never compared across units."""
    return layout.render("benchmark_units.html", kinds=all_kind_words(copy))


def filter_value(text: str) -> str:
    """A row's value as its filter knows it: AWS's quoting and spacing dropped, so `"FP32, BF16"` and `FP32,BF16`
    are the one choice `FP32, BF16` (a row carries the same value in its data attribute)."""
    return ", ".join(" ".join(part.split()) for part in text.strip().strip('"').split(","))


@dataclass(frozen=True)
class Choice:
    """One filter of the form: its field's name, its label, and its options (each value once, in a case-blind order)."""

    name: str
    label: str
    options: list[str]


def _choice(name: str, label: str, values: Iterable[str]) -> Choice:
    return Choice(name, label, sorted({filter_value(value) for value in values}, key=str.lower))


def filters(benchmarks: Benchmarks, copy: Mapping[str, str], beside: str = "") -> str:
    """The best rows, then the filter and sort form; benchmarks.js shows the form and keeps the best rows to what it
    shows (without JavaScript the full tables read on their own). `beside` (a chart's figure) goes with them: beside
    them where the column is wide, so the first screen holds the answer and a chart; after them on a phone."""
    rows = list(benchmarks.rows.values())
    model, task, instance, data_type = columns(copy[CopyKey.BENCHMARKS_FILTERS])
    return layout.render(
        "benchmark_filters.html",
        best=[best_item(row, copy) for row in best_rows(benchmarks)],
        kinds=json.dumps([kind.label for kind in all_kind_words(copy)]),
        choices=[
            _choice("model", model, (row.model for row in rows)),
            _choice("task", task, (row.task for row in rows)),
            _choice("instance", instance, (row.instance for row in rows)),
            _choice("dtype", data_type, (row.model_data_type for row in rows)),
        ],
        beside=beside,
        copy=copy,
    )


def _family_order(benchmarks: Benchmarks) -> list[BenchmarkRow]:
    """Every inference row in the order the tables list them: family by family, then kind, model and id."""
    families = list(dict.fromkeys(row.family for row in sorted(benchmarks.rows.values(), key=lambda row: row.family)))
    return [
        row
        for family in families
        for row in sorted((row for row in benchmarks.rows.values() if row.family == family), key=lambda row: (row.category.value, row.model.lower(), row.id))
    ]


@dataclass(frozen=True)
class BestItem:
    """One line of the best rows: its kind, model (linked to its row's anchor), instance, cost and latency, as the
    row's cells write them (templates/benchmark_filters.html lays it out; benchmarks.js builds the same line from
    those cells)."""

    kind: str
    anchor: str
    model: str
    instance: str
    cost: str
    latency: str


def best_item(row: BenchmarkRow, copy: Mapping[str, str]) -> BestItem:
    return BestItem(kind_words(copy, row.category).label, row_anchor(row), row.model, row.instance, cost_text(row, copy), latency_text(row, copy))


def best_rows(benchmarks: Benchmarks) -> list[BenchmarkRow]:
    """The answer before the tables: each kind's cheapest row, kinds in their declared order (with JavaScript, among
    the rows the filters show, and the lowest P99 latency when the reader sorts by it)."""
    best: dict[Category, BenchmarkRow] = {}
    for row in _family_order(benchmarks):
        if row.category not in best or round_half_up(row.cost_per_million, 3) < round_half_up(best[row.category].cost_per_million, 3):
            best[row.category] = row
    return [best[category] for category in Category if category in best]


def cost_text(row: BenchmarkRow, copy: Mapping[str, str]) -> str:
    """'$21.143 per 1M output tokens': the row's cost per million of its own unit (its name from the page copy)."""
    return fill(copy[CopyKey.BENCHMARKS_COST], cost=dollars(round_half_up(row.cost_per_million, 3), 3), units=kind_words(copy, row.category).units)


def latency_text(row: BenchmarkRow, copy: Mapping[str, str]) -> str:
    """'989.5 / 1,000.66 ms time to first token; 13.44 / 13.86 ms a token after it': P50 / P99."""
    latency = fill(
        copy[CopyKey.BENCHMARKS_LATENCY],
        median=number_text(row.latency_p50_ms),
        tail=number_text(row.latency_p99_ms),
        latency=kind_words(copy, row.category).latency_name,
    )
    if row.tpot_p50_ms and row.tpot_p99_ms:
        latency += "; " + fill(copy[CopyKey.BENCHMARKS_LATENCY_TOKEN], median=number_text(row.tpot_p50_ms), tail=number_text(row.tpot_p99_ms))
    return latency


@dataclass(frozen=True)
class SourceCell:
    """Where a row comes from: its CSV line, and the AWS page that showed it (`page_source` None: none did)."""

    csv: str
    line: int
    page: str | None
    title: str
    page_source: str | None


@dataclass(frozen=True)
class InferenceLine:
    """One inference row's cells as text (templates/benchmark_table.html lays them out), and its data- attributes."""

    anchor: str
    data: tuple[tuple[str, str], ...]
    model: str
    task: str
    kind: str
    optimized: str
    instance: str
    shape: str
    data_types: str
    throughput: str
    units: str
    latency: str
    cost: str
    rate: str
    basis: str
    neuron_version: str
    framework: str
    source: SourceCell


def _inference_line(benchmarks: Benchmarks, row: BenchmarkRow, copy: Mapping[str, str]) -> InferenceLine:
    kind = kind_words(copy, row.category).label
    data = (
        ("model", filter_value(row.model)),
        ("task", filter_value(row.task)),
        ("instance", filter_value(row.instance)),
        ("dtype", filter_value(row.model_data_type)),
        ("kind", kind),
        ("cost", repr(round_half_up(row.cost_per_million, 3))),
        ("latency", repr(row.latency_p99_ms)),
        ("shown", "yes" if row.shown_on_page else "no"),
    )
    return InferenceLine(
        anchor=row_anchor(row),
        data=data,
        model=row.model,
        task=row.task,
        kind=kind,
        optimized=row.optimized.value,
        instance=row.instance,
        shape=shape(row, copy),
        data_types=row.data_types,
        throughput=number_text(row.throughput),
        units=kind_words(copy, row.category).units,
        latency=latency_text(row, copy),
        cost=cost_text(row, copy),
        rate=dollars(row.rate.usd_per_hour, 3),
        basis=row.rate.basis,
        neuron_version=row.neuron_version,
        framework=row.framework,
        source=_source(benchmarks, row),
    )


def table(benchmarks: Benchmarks, family: str, copy: Mapping[str, str]) -> str:
    """One family's rows, one table; each row's id is `row-<id>`, its data attributes feed the filters."""
    rows = sorted((row for row in benchmarks.rows.values() if row.family == family), key=lambda row: (row.category.value, row.model.lower(), row.id))
    if not rows:
        return layout.render("benchmark_note.html", sentence=copy[CopyKey.BENCHMARKS_NO_INFERENCE_ROWS])
    lines = [_inference_line(benchmarks, row, copy) for row in rows]
    return layout.render("benchmark_table.html", family=family, columns=columns(copy[CopyKey.BENCHMARKS_COLUMNS]), rows=lines, copy=copy)


def _source(benchmarks: Benchmarks, row: BenchmarkRow | TrainingRow) -> SourceCell:
    """The row's CSV line, and the AWS page that showed it (where it now lives, and its source at the commit) or
    that none did."""
    page_source = row.file.page_source(benchmarks.commit) if row.file.page and row.shown_on_page else None
    title = row.file.title if row.file.page else ""
    return SourceCell(benchmarks.source_link(row), row.line, row.file.page, title, page_source)


@dataclass(frozen=True)
class TrainingLine:
    """One training row, with what its cells compute (templates/benchmark_training_table.html lays them out)."""

    row: TrainingRow
    throughput: str
    source: SourceCell


def training_table(benchmarks: Benchmarks, copy: Mapping[str, str]) -> str:
    """AWS's Trn1 training rows, one table apart from the inference rows: their throughput counts training
    sequences a second over all the run's instances, which no inference cost can be compared with."""
    rows = sorted(benchmarks.training.values(), key=lambda row: (row.model.lower(), row.id))
    if not rows:
        return layout.render("benchmark_note.html", sentence=copy[CopyKey.BENCHMARKS_NO_TRAINING_ROWS])
    lines = [TrainingLine(row, number_text(row.throughput), _source(benchmarks, row)) for row in rows]
    return layout.render("benchmark_training_table.html", columns=columns(copy[CopyKey.BENCHMARKS_TRAINING_COLUMNS]), rows=lines, copy=copy)


def superseded_note(benchmarks: Benchmarks, copy: Mapping[str, str]) -> str:
    """How many rows the import dropped as measured again in a file a page showed, and the first example."""
    if not benchmarks.superseded:
        return layout.render("benchmark_superseded.html", count=0, copy=copy)
    dropped, kept = next(iter(benchmarks.superseded.items()))
    return layout.render("benchmark_superseded.html", count=len(benchmarks.superseded), dropped=dropped, kept=kept, copy=copy)
