"""The two calculators' forms: deployment cost on AWS's published rows (templates/deployment_cost.html) and the
exam note's simplification (templates/exam_note_calculator.html). Python gathers each form's data and its
default result, so the result shows without JavaScript; the template lays it out; calculator.js recomputes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from chipwise.facts.benchmarks import PER_MILLION, SECONDS_PER_HOUR, BenchmarkRow, Benchmarks, Category
from chipwise.facts.formulas import DAYS_PER_MONTH, MONTHS_PER_YEAR
from chipwise.facts.units import number_text
from chipwise.guide.contract import CopyKey, all_kind_words, kind_words
from chipwise.guide.model import Facts
from chipwise.render import layout
from chipwise.render.benchmarks import dollars, grouped, row_choice
from chipwise.render.fact_tables import Links
from chipwise.study import calculator, deployment_cost


def money(value: float) -> str:
    """Whole dollars as '$9,000'; anything with cents as '$3,703.70' (calculator.js formats alike)."""
    return f"${int(value):,}" if float(value).is_integer() else f"${value:,.2f}"


@dataclass(frozen=True)
class RowOption:
    """One published row in the calculator's list. calculator.js reads its kind and its tokens a request from the
    option and the rest of the row from api/benchmarks.json, which it fetches when a result needs it: the rows'
    figures written on every option (their digits barely compress) took the page past the 14 kB or so that arrive
    in TCP's first round trip, and its first paint a round trip later."""

    id: str
    label: str
    kind: str
    units: int
    chosen: bool


def row_option(row: BenchmarkRow, chosen: BenchmarkRow, page_copy: Mapping[str, str]) -> RowOption:
    return RowOption(row.id, row_choice(row, page_copy), row.category.value, row.units_per_request, row.id == chosen.id)


def kinds(page_copy: Mapping[str, str]) -> str:
    """What calculator.js needs of each kind of row, as JSON (the form's data-kinds): its unit's plural, its
    latency's name, and whether a request is a reply of some number of tokens."""
    return json.dumps({
        words.category.value: {"unit": words.units, "latency_name": words.latency_name, "tokens": words.category in deployment_cost.TOKEN_CATEGORIES}
        for words in all_kind_words(page_copy)
    })


def row_groups(benchmarks: Benchmarks, chosen: BenchmarkRow, page_copy: Mapping[str, str]) -> list[tuple[str, list[RowOption]]]:
    """The rows under one heading per kind and model ('Encoder: bert-base-uncased'), kinds in their declared order."""
    kinds = list(Category)
    groups: dict[str, list[RowOption]] = {}
    for row in sorted(benchmarks.rows.values(), key=lambda row: (kinds.index(row.category), row.model.lower(), row.family, row.optimized.value, row.id)):
        groups.setdefault(f"{kind_words(page_copy, row.category).label}: {row.model}", []).append(row_option(row, chosen, page_copy))
    return list(groups.items())


def deployment_cost_fields(result: deployment_cost.DeploymentCost, facts: Facts) -> dict[str, str]:
    """Each output's text: calculator.js's chipwiseDeploymentCost returns the same mapping, with the same sentences
    (the form's data- attributes, from the facts file's page copy)."""
    row = result.row
    round_half_up = calculator.round_half_up
    own_rate = facts.sentence(CopyKey.DEPLOYMENT_COST_OWN_RATE, aws_rate=dollars(row.rate.usd_per_hour, 3), basis=row.rate.basis)
    return {
        "unit": kind_words(facts.page_copy, row.category).units,
        "units_per_request": grouped(round_half_up(result.units_per_request, 2), 2),
        "request_word": facts.sentence(CopyKey.DEPLOYMENT_COST_REPLIES if deployment_cost.counts_tokens(row) else CopyKey.DEPLOYMENT_COST_REQUESTS),
        "units_per_second": grouped(round_half_up(result.units_per_second, 3), 3),
        "throughput": grouped(round_half_up(row.throughput, 2), 2),
        "instance": row.instance,
        "rate": dollars(result.usd_per_hour, 3),
        "rate_basis": row.rate.basis if result.awss_rate else own_rate,
        "p99": grouped(round_half_up(row.latency_p99_ms, 2), 2),
        "latency_name": kind_words(facts.page_copy, row.category).latency_name,
        "limit": grouped(round_half_up(result.latency_limit_ms, 2), 2),
        "full_use": dollars(result.cost_per_million_full_use, 3),
        "latency_verdict": facts.sentence(CopyKey.DEPLOYMENT_COST_WITHIN_LIMIT if result.meets_latency else CopyKey.DEPLOYMENT_COST_ABOVE_LIMIT),
        "instances": "—" if result.instances is None else grouped(result.instances, 0),
        "monthly": "—" if result.monthly_cost is None else dollars(result.monthly_cost),
        "at_traffic": "—" if result.cost_per_million_at_traffic is None else dollars(result.cost_per_million_at_traffic, 3),
    }


def cost_calculator(facts: Facts, links: Links) -> str:
    """The deployment cost calculator: a published row, your traffic and a latency limit give the instances
    needed, the monthly cost and the cost per 1M, with the arithmetic; the default result is rendered."""
    benchmarks = facts.benchmarks
    if benchmarks is None or not benchmarks.rows:
        return layout.render("deployment_cost.html", groups=[])
    chosen = deployment_cost.default_row(benchmarks)
    requests = float(facts.fact(calculator.DEFAULT_REQUESTS_FACT).value)
    fields = deployment_cost_fields(deployment_cost.estimate(chosen, requests, deployment_cost.DEFAULT_LATENCY_LIMIT_MS), facts)
    fields["requests"] = grouped(calculator.round_half_up(requests, 2), 2)
    tokens = deployment_cost.counts_tokens(chosen)
    return layout.render(
        "deployment_cost.html",
        groups=row_groups(benchmarks, chosen, facts.page_copy),
        rows_url=f"{links.url_prefix}api/benchmarks.json",
        kinds=kinds(facts.page_copy),
        fields=fields,
        tokens=tokens,
        traffic_name=fields["request_word"].capitalize(),
        sentences={
            "requests-name": facts.sentence(CopyKey.DEPLOYMENT_COST_REQUESTS),
            "replies-name": facts.sentence(CopyKey.DEPLOYMENT_COST_REPLIES),
            "within-limit": facts.sentence(CopyKey.DEPLOYMENT_COST_WITHIN_LIMIT),
            "above-limit": facts.sentence(CopyKey.DEPLOYMENT_COST_ABOVE_LIMIT),
            "own-rate": facts.page_copy[CopyKey.DEPLOYMENT_COST_OWN_RATE],
        },
        requests=int(requests) if requests.is_integer() else requests,
        units_per_request=chosen.units_per_request,
        latency_limit=deployment_cost.DEFAULT_LATENCY_LIMIT_MS,
        rate=repr(chosen.rate.usd_per_hour),
        hours_per_month=deployment_cost.HOURS_PER_MONTH,
        days_per_month=DAYS_PER_MONTH,
        seconds_per_day=deployment_cost.SECONDS_PER_DAY,
        seconds_per_hour=SECONDS_PER_HOUR,
        per_million=PER_MILLION,
        largest_input=calculator.LARGEST_INPUT,
    )


def exam_note_calculator(facts: Facts, links: Links) -> str:
    """The exam note's simplification (your GPU bill less the note's percentage), with the default (worked
    example) result rendered so it shows without JS."""
    cut = facts.fact(calculator.COST_CUT_FACT)
    speed = facts.fact(calculator.THROUGHPUT_FACT)
    bill = facts.fact(calculator.DEFAULT_BILL_FACT)
    requests = facts.fact(calculator.DEFAULT_REQUESTS_FACT)
    result = calculator.estimate(facts, float(bill.value), float(requests.value))
    fields = {
        "cut": number_text(float(cut.value)),
        "gpu_monthly": money(result.gpu_monthly),
        "inferentia_monthly": money(result.inferentia_monthly),
        "monthly_saving": money(result.monthly_saving),
        "yearly_saving": money(result.yearly_saving),
        "gpu_per_million": money(result.gpu_per_million),
        "inferentia_per_million": money(result.inferentia_per_million),
        "chip_share_percent": number_text(result.chip_share_percent) + "%",
    }
    return layout.render(
        "exam_note_calculator.html",
        fields=fields,
        cut=cut.value,
        throughput=speed.value,
        throughput_url=links.fact_url(speed),
        throughput_short=speed.short,
        bill=bill.value,
        requests=requests.value,
        days_per_month=DAYS_PER_MONTH,
        months_per_year=MONTHS_PER_YEAR,
        per_million=PER_MILLION,
        largest_input=calculator.LARGEST_INPUT,
    )
