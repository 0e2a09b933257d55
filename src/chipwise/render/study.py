"""Markdown and HTML for the study tools: the decision helper and the cost calculator (the practice page is render.practice)."""

from __future__ import annotations

from chipwise.decision.engine import HEADROOM_MAXIMUM, SIZING_HEADROOM, SIZING_PARAMETERS, SIZING_PRECISION
from chipwise.facts.benchmarks import Category
from chipwise.facts.formulas import DAYS_PER_MONTH, MONTHS_PER_YEAR
from chipwise.facts.units import number_text
from chipwise.guide.model import Facts
from chipwise.render import benchmarks as render_benchmarks
from chipwise.render import escape
from chipwise.render.fact_tables import Links, decision_inputs
from chipwise.study import calculator, deployment_cost


def decision_helper(facts: Facts, links: Links) -> str:
    """A form of the decision table's questions; helper.js shows the engine's answer from decisions.json."""
    fieldsets = []
    for item in facts.decision.inputs:
        if item.numeric is not None:
            continue  # computed from the model's size (the sizing fields below)
        choices = "".join(
            f'<label class="chipwise-helper__choice"><input type="radio" name="{item.name}" value="{value.name}"'
            f'{" checked" if value.name == item.default else ""}> {escape.html_text(value.label)}</label>'
            for value in item.values
        )
        fieldsets.append(f'<fieldset><legend>{escape.html_text(item.question)}</legend>{choices}</fieldset>')
    sizing = facts.decision.sizing
    if sizing is not None:
        options = "".join(
            f'<option value="{escape.attribute(item.name)}"{" selected" if item.name == sizing.default_precision else ""}>'
            f"{escape.html_text(item.label)}</option>"
            for item in sizing.precisions
        )
        fieldsets.append(
            '<fieldset class="chipwise-helper__sizing"><legend>For engineers: which size fits your model? (optional)</legend>'
            f'<label>{escape.html_text(sizing.parameters_question)} <input type="number" name="{SIZING_PARAMETERS}" '
            f'min="{sizing.parameters_minimum:g}" max="{sizing.parameters_maximum:g}" step="any" inputmode="decimal"></label>'
            f'<label>{escape.html_text(sizing.precision_question)} <select name="{SIZING_PRECISION}">{options}</select></label>'
            f'<label>Headroom beyond the weights, in percent (an assumption) <input type="number" name="{SIZING_HEADROOM}" '
            f'min="0" max="{HEADROOM_MAXIMUM:g}" step="any" value="{sizing.headroom_percent:g}"></label>'
            "</fieldset>"
        )
    return (
        f'<form class="chipwise-helper" method="get" data-decisions="{links.url_prefix}api/decisions.json" '
        f'data-sources="{links.url_prefix}sources/" data-rules="{links.url_prefix}choosing/" data-site="{links.url_prefix}">'
        + "".join(fieldsets)
        + '<button type="submit" class="md-button">Recommend</button></form>\n'
        '<p class="chipwise-helper__message" role="alert" hidden></p>\n'
        '<div class="chipwise-helper__answer" aria-live="polite"><p>Choose an answer to each question.</p></div>\n\n'
        + decision_inputs(facts)
    )


def money(value: float) -> str:
    """Whole dollars as '$9,000'; anything with cents as '$3,703.70' (calculator.js formats alike)."""
    return f"${int(value):,}" if float(value).is_integer() else f"${value:,.2f}"


def cost_calculator(facts: Facts, links: Links) -> str:
    """The calculator on AWS's measurements: a published row, your traffic and a latency limit give the
    instances needed, the monthly cost and the cost per 1M, with the arithmetic; the default result is
    rendered so it shows without JavaScript (calculator.js recomputes it as you type)."""
    benchmarks = facts.benchmarks
    if benchmarks is None or not benchmarks.rows:
        return "<p>This facts file includes no benchmark rows, so only the exam's simplification below can be computed.</p>"
    chosen = deployment_cost.default_row(benchmarks)
    requests = float(facts.fact(calculator.DEFAULT_REQUESTS_FACT).value)
    fields = render_benchmarks.sizing_fields(deployment_cost.size(chosen, requests, deployment_cost.DEFAULT_LATENCY_LIMIT_MS))
    fields["requests"] = render_benchmarks.grouped(calculator.round_half_up(requests, 2), 2)
    groups: dict[str, list[str]] = {}
    kinds = list(Category)
    for row in sorted(benchmarks.rows.values(), key=lambda row: (kinds.index(row.category), row.model.lower(), row.family, row.optimized.value, row.id)):
        data = {
            "throughput": repr(row.throughput),
            "rate": repr(row.rate.usd_per_hour),
            "rate-basis": row.rate.basis,
            "units": str(row.units_per_request),
            "unit": row.unit + "s",
            "p99": repr(row.latency_p99_ms),
            "latency-name": row.category.latency_name,
            "instance": row.instance,
            "tokens": "yes" if deployment_cost.counts_tokens(row) else "no",
        }
        attributes = " ".join(f'data-{name}="{escape.attribute(value)}"' for name, value in data.items())
        selected = " selected" if row.id == chosen.id else ""
        option = f'<option value="{escape.attribute(row.id)}" {attributes}{selected}>{escape.html_text(render_benchmarks.row_choice(row))}</option>'
        groups.setdefault(f"{row.category.label}: {row.model}", []).append(option)
    select = "".join(f'<optgroup label="{escape.attribute(label)}">{"".join(options)}</optgroup>' for label, options in groups.items())

    tokens = deployment_cost.counts_tokens(chosen)
    traffic_name = (render_benchmarks.REPLY_WORDS if tokens else render_benchmarks.REQUEST_WORDS).capitalize()

    def out(name: str) -> str:
        return f'<output data-sizer-field="{name}">{escape.html_text(fields[name])}</output>'

    form = (
        f'<form class="chipwise-sizer" method="get" data-hours-per-month="{deployment_cost.HOURS_PER_MONTH}" '
        f'data-days-per-month="{DAYS_PER_MONTH}" data-seconds-per-day="{deployment_cost.SECONDS_PER_DAY}" data-largest-input="{calculator.LARGEST_INPUT}">'
        "<label>A row AWS published, by kind and model (model on instance · optimized for · shape · what measured it · "
        f'whether an AWS page showed it) <select name="row">{select}</select></label>'
        f'<label><span data-sizer-label="traffic">{traffic_name}</span> <input type="number" name="traffic" min="0" max="{calculator.LARGEST_INPUT}" '
        f'step="any" value="{int(requests) if requests.is_integer() else requests}" required data-label="{traffic_name}"></label>'
        # For a row measured in tokens (calculator.js shows it then): a reply's length instead of the row's generation.
        f'<label class="chipwise-sizer__tokens"{"" if tokens else " hidden"}>Tokens per reply <input type="number" name="tokens" min="0" '
        f'max="{calculator.LARGEST_INPUT}" step="any" value="{chosen.units_per_request}" data-label="Tokens per reply"></label>'
        f'<label>P99 latency limit, in milliseconds <input type="number" name="limit" min="0" max="{calculator.LARGEST_INPUT}" step="any" '
        f'value="{deployment_cost.DEFAULT_LATENCY_LIMIT_MS}" required data-label="Latency limit"></label>'
        f'<label>Hourly rate for one instance, in US dollars (your own, or AWS\'s) <input type="number" name="rate" min="0" '
        f'max="{calculator.LARGEST_INPUT}" step="any" value="{chosen.rate.usd_per_hour!r}" required data-label="Hourly rate" '
        f'aria-describedby="chipwise-sizer-rate-basis"></label>'
        f'<p class="chipwise-sizer__basis" id="chipwise-sizer-rate-basis">The rate\'s basis: {out("rate_basis")}</p>'
        '<p class="chipwise-sizer__message" role="alert" hidden></p>'
        "</form>"
    )
    rows = (
        '<ul class="chipwise-sizer__result" aria-live="polite">'
        f"<li>Traffic: {out('requests')} {out('request_word')} × {out('units_per_request')} {out('unit')} each ÷ 86,400 seconds = "
        f"<strong>{out('units_per_second')}</strong> {out('unit')} a second</li>"
        f"<li>Latency: the row's P99 {out('latency_name')} is {out('p99')} ms, {out('latency_verdict')} ({out('limit')} ms)</li>"
        f"<li>Instances needed: ⌈{out('units_per_second')} ÷ {out('throughput')} measured on one {out('instance')}⌉ = <strong>{out('instances')}</strong></li>"
        f"<li>Monthly cost: {out('instances')} × {out('rate')} an hour ({out('rate_basis')}) × {deployment_cost.HOURS_PER_MONTH} hours = "
        f"<strong>{out('monthly')}</strong></li>"
        f"<li>Cost per 1M {out('unit')} at your traffic: <strong>{out('at_traffic')}</strong>; at full use, AWS's own figure: "
        f"(1,000,000 ÷ {out('throughput')}) × ({out('rate')} ÷ 3,600) = {out('full_use')}</li>"
        "</ul>"
    )
    return form + "\n" + rows


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

    def field(name: str) -> str:
        return f'<output data-field="{name}">{fields[name]}</output>'

    form = (
        f'<form class="chipwise-calculator" data-cost-cut="{cut.value}" data-throughput="{speed.value}" '
        f'data-days-per-month="{DAYS_PER_MONTH}" data-months-per-year="{MONTHS_PER_YEAR}" data-largest-input="{calculator.LARGEST_INPUT}">'
        f'<label>Monthly GPU inference bill, in US dollars <input type="number" name="bill" min="0" max="{calculator.LARGEST_INPUT}" step="any" '
        f'value="{bill.value}" required data-label="Monthly GPU bill"></label>'
        f'<label>API requests a day <input type="number" name="requests" min="0" max="{calculator.LARGEST_INPUT}" step="1" '
        f'value="{requests.value}" required data-label="Requests a day"></label>'
        '<p class="chipwise-calculator__message" role="alert" hidden></p>'
        "</form>"
    )
    rows = (
        '<ul class="chipwise-calculator__result" aria-live="polite">'
        f"<li>Inferentia estimate: {field('gpu_monthly')} × (100% − {field('cut')}%) = <strong>{field('inferentia_monthly')}</strong> a month</li>"
        f"<li>Saving: <strong>{field('monthly_saving')}</strong> a month, {field('yearly_saving')} a year</li>"
        f"<li>Cost per million requests: {field('gpu_per_million')} on GPUs, {field('inferentia_per_million')} on Inferentia</li>"
        f"<li>Chips needed: {field('chip_share_percent')} of the GPU chips, if each chip handles "
        f'<a href="{links.fact_url(speed)}">{escape.html_text(speed.short)}</a> more requests</li>'
        "</ul>"
    )
    return form + "\n" + rows


def code_block(language: str, code: str) -> str:
    """A fenced code block (macro output is not rendered again, so braces in it are safe)."""
    return f"```{language}\n{code.rstrip()}\n```"


def iframe_html(url: str) -> str:
    return (
        f'<iframe src="{escape.attribute(url)}" title="chipwise: AWS Inferentia and Trainium" '
        'loading="lazy" style="width: 100%; height: 36rem; border: 0"></iframe>'
    )
