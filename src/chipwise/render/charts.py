"""Charts drawn at build time: static SVG from pygal, each with a title, a description and its data as a table.

Every figure comes from the facts file (or the benchmark rows it names); the charts compute nothing a page
does not also show in the chart's table. The SVG needs no script and no request: pygal's own script and its
generation comment (which carries the day) are dropped, so the same facts give the same bytes. Colours are
CSS variables and currentColor (overrides/partials/styles/charts.css defines the variables for the light and the dark scheme).
Text from the facts file reaches the SVG as element text, which the XML serializer escapes, and the HTML
around it through chipwise.render.escape.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pygal
from pygal.style import Style

from chipwise.facts.benchmarks import BenchmarkRow, Benchmarks, Category
from chipwise.facts.model import Fact, InstanceSize, fill
from chipwise.facts.units import number_text
from chipwise.guide.contract import ChartWords, CopyKey, KindWords, columns
from chipwise.guide.model import Facts
from chipwise.memo import per_object
from chipwise.render import escape, layout

SERIES_COLOURS = tuple(f"var(--chipwise-chart-{index})" for index in range(1, 7))
"""charts.css gives each a light-scheme and a dark-scheme value."""

WIDTH = 520
"""The drawing's own width: the page scales it to the column, up to charts.css's maximum."""

LABEL_CHARACTERS = 36
"""Longer labels are cut, with an ellipsis: a long one would squeeze the plot to nothing (and pygal then loops for
ever fitting an axis title into no width). The table behind the chart has them whole."""


@dataclass(frozen=True)
class DataTable:
    """A chart's figures as a table: plain-text headers, and cells already escaped as HTML."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def html(self) -> str:
        head = "".join(f"<th>{escape.html_text(header)}</th>" for header in self.headers)
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in self.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


@dataclass(frozen=True)
class Chart:
    """One chart: its SVG, and what a reader without it reads instead."""

    key: str
    """A name unique on its page, for the SVG's ids: 'cost-decoder'."""
    title: str
    description: str
    svg: str
    table: DataTable | None
    """The figures, shown behind the chart; None where the page's own table beside it holds them."""


def figure(chart: Chart, words: ChartWords) -> str:
    """The chart as one raw HTML block: its caption, the SVG, then its table in a <details> (Markdown leaves it as it
    is). `words`: the page copy's (chipwise.guide.contract.chart_words), for the scroll cue and the table's summary."""
    behind = ""
    if chart.table is not None:
        behind = f'<details class="chipwise-chart-data"><summary>{escape.html_text(words.table_summary)}</summary>{chart.table.html()}</details>'
    caption = f"<figcaption>{escape.html_text(chart.title)}</figcaption>"
    # On a phone the drawing keeps a width at which its text reads (charts.css) and scrolls sideways in this
    # focusable frame, which the cue names; on a wider screen the frame fits and the cue is hidden.
    drawing = (
        f'<p class="chipwise-chart-cue" aria-hidden="true">{escape.html_text(words.scroll_cue)}</p>'
        f'<div class="chipwise-chart-scroll" tabindex="0" role="group" aria-labelledby="chart-{chart.key}-title">{chart.svg}</div>'
    )
    return f'<figure class="chipwise-chart" id="chart-{chart.key}">{caption}{drawing}{behind}</figure>'


# --- Drawing -----------------------------------------------------------------------------------------------


def _style() -> Style:
    subtle = "var(--md-default-fg-color--lightest)"
    return Style(
        background="transparent",
        plot_background="transparent",
        foreground="currentColor",
        foreground_strong="currentColor",
        foreground_subtle="currentColor",
        guide_stroke_color=subtle,
        major_guide_stroke_color=subtle,
        colors=SERIES_COLOURS,
        value_colors=("currentColor",) * len(SERIES_COLOURS),
        font_family="inherit",
        title_font_size=14,
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=14,
        value_font_size=13,
        value_label_font_size=13,
        opacity="0.85",
        opacity_hover="0.85",
        transition="none",
    )


def _config(**options: Any) -> dict[str, Any]:
    """pygal options every chart shares: no script, no size of its own (the page sizes it), no XML declaration."""
    return {
        "style": _style(),
        "js": [],
        "width": WIDTH,
        "explicit_size": False,
        "disable_xml_declaration": True,
        "pretty_print": False,
        "legend_at_bottom": True,
        "margin_right": 32,  # room for the last label of a logarithmic axis ("100,000"), centred on the plot's edge
        "truncate_label": -1,
        "truncate_legend": -1,
        "value_formatter": tick,
        "x_value_formatter": tick,
        **options,
    }


def _bars(values: Sequence[float], **options: Any) -> Any:
    """Horizontal bars on a logarithmic scale of whole decades, each bar drawn from the scale's start (pygal's
    default starts them at the smallest value, which would leave that bar without length)."""
    scale = decades(values)
    chart = pygal.HorizontalBar(**_config(logarithmic=True, range=(scale[0], scale[-1]), zero=scale[0], **options))
    chart.y_labels = scale
    return chart


def _accessible(key: str, title: str, description: str) -> Callable[[Any], Any]:
    """pygal's documented post-processing point (xml_filters): give the SVG its name and description, and drop
    what would make two builds differ or two charts on a page clash (the dated comment, the script, the ids)."""

    def finish(root: Any) -> Any:
        parents = {child: parent for parent in root.iter() for child in parent}
        for element, parent in parents.items():
            if callable(element.tag) or _local(element.tag) == "script":
                parent.remove(element)
            elif element.get("id") is not None:
                del element.attrib["id"]
        title_element = next(child for child in root if _local(child.tag) == "title")
        title_element.text = title
        title_element.set("id", f"chart-{key}-title")
        desc = root.makeelement(str(title_element.tag).replace("title", "desc"), {"id": f"chart-{key}-desc"})
        desc.text = description
        root.insert(list(root).index(title_element) + 1, desc)
        root.set("role", "img")
        root.set("aria-labelledby", f"chart-{key}-title")
        root.set("aria-describedby", f"chart-{key}-desc")
        return root

    return finish


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _render(chart: Any, key: str, title: str, description: str) -> str:
    # pygal names each chart's styles after a random id; the chart's key and a digest of its figures name it instead.
    chart.uuid = f"{key}-{hashlib.sha256(repr(chart.raw_series).encode()).hexdigest()[:8]}"
    chart.add_xml_filter(_accessible(key, title, description))
    # One line: the figure is a raw HTML block in a Markdown page, which a blank line would end.
    return " ".join(str(chart.render(is_unicode=True)).splitlines())


def label(text: str) -> str:
    """A label as the chart shows it: at most LABEL_CHARACTERS characters."""
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1].rstrip() + "…"


def tick(value: float) -> str:
    """An axis label: 0.01, 1, 1,000."""
    return f"{value:,.10g}"


def decades(values: Iterable[float]) -> list[float]:
    """The powers of ten that span these positive values: a logarithmic axis's labels, 0.01 to 100 for 0.017 and 48."""
    positive = [value for value in values if value > 0]
    if not positive:
        return [1.0]
    low, high = math.floor(math.log10(min(positive))), math.ceil(math.log10(max(positive)))
    return [10.0**power for power in range(low, max(high, low + 1) + 1)]


def _money(value: float) -> str:
    return f"${value:,.2f}" if value >= 0.01 else f"${value:.4f}"


# --- Benchmarks ----------------------------------------------------------------------------------------------


def _capital(text: str) -> str:
    """A filled sentence that begins an axis title or a header: its first letter a capital, the rest as written."""
    return text[:1].upper() + text[1:]


def _row_link(row: BenchmarkRow, text: str, rows_page: str) -> str:
    return f'<a href="{escape.attribute(rows_page)}#row-{escape.attribute(row.id)}">{escape.html_text(text)}</a>'


def _row_cells(row: BenchmarkRow, rows_page: str) -> tuple[str, ...]:
    """A row's naming cells (the page copy's chart_row_columns): the model, linked to the row in the full table, its instance, goal and batch."""
    return (_row_link(row, row.model, rows_page), escape.html_text(row.instance), escape.html_text(row.optimized.value), number_text(row.batch_size))


def benchmark_categories(benchmarks: Benchmarks) -> list[Category]:
    """The kinds of rows present, in the order AWS's tables come (Category's order)."""
    present = {row.category for row in benchmarks.rows.values()}
    return [category for category in Category if category in present]


def cheapest_by_model(rows: Iterable[BenchmarkRow]) -> list[BenchmarkRow]:
    """Each model's row with the lowest cost per million (ties: the row listed first), cheapest model first."""
    cheapest: dict[str, BenchmarkRow] = {}
    for row in rows:
        if row.model not in cheapest or row.cost_per_million < cheapest[row.model].cost_per_million:
            cheapest[row.model] = row
    return sorted(cheapest.values(), key=lambda row: (row.cost_per_million, row.model))


def cost_chart(benchmarks: Benchmarks, kind: KindWords, rows_page: str = "") -> Chart:
    """Each model's lowest cost per million units among AWS's rows of one kind, as horizontal bars."""
    category = kind.category
    rows = cheapest_by_model(row for row in benchmarks.rows.values() if row.category is category)
    unit = kind.units
    key = f"cost-{category.value}"
    words = kind.charts
    title = fill(words.cost_title, kind=kind.label, units=unit)
    description = fill(words.cost_description, count=str(len(rows)), kind=kind.label, units=unit)
    chart = _bars([row.cost_per_million for row in rows], show_legend=False, height=120 + 34 * len(rows), x_title=fill(words.cost_axis, units=unit))
    # pygal draws a horizontal bar chart's first label lowest: reversed, the cheapest model is on top.
    chart.x_labels = [label(row.model) for row in reversed(rows)]
    chart.add(words.cost_series, [row.cost_per_million for row in reversed(rows)])
    table = DataTable(
        (*columns(words.row_columns), fill(words.cost_header, units=unit)),
        tuple((*_row_cells(row, rows_page), _money(row.cost_per_million)) for row in rows),
    )
    return Chart(key, title, description, _render(chart, key, title, description), table)


def latency_chart(benchmarks: Benchmarks, kind: KindWords, rows_page: str = "") -> Chart:
    """Throughput against P50 latency for every row of one kind, one series per instance family."""
    category = kind.category
    rows = sorted((row for row in benchmarks.rows.values() if row.category is category), key=lambda row: (row.family, row.latency_p50_ms, row.id))
    unit = kind.units
    key = f"latency-{category.value}"
    words = kind.charts
    title = fill(words.latency_title, kind=kind.label, latency=kind.latency_name)
    description = fill(words.latency_description, count=str(len(rows)), kind=kind.label, latency=kind.latency_name, units=unit)
    throughput = _capital(fill(words.throughput, units=unit))
    chart = pygal.XY(
        **_config(
            logarithmic=True,
            stroke=False,
            dots_size=4,
            height=440,
            x_title=fill(words.latency_axis, latency=kind.latency_name),
            y_title=throughput,
        )
    )
    chart.x_labels = decades(row.latency_p50_ms for row in rows)
    chart.y_labels = decades(row.throughput for row in rows)
    families = sorted({row.family for row in rows})
    for family in families:
        chart.add(family.capitalize(), [(row.latency_p50_ms, row.throughput) for row in rows if row.family == family])
    table = DataTable(
        (*columns(words.row_columns), fill(words.latency_header, latency=kind.latency_name), throughput),
        tuple((*_row_cells(row, rows_page), number_text(row.latency_p50_ms), number_text(row.throughput)) for row in rows),
    )
    return Chart(key, title, description, _render(chart, key, title, description), table)


def present_kinds(benchmarks: Benchmarks, kinds: Sequence[KindWords]) -> list[KindWords]:
    """The words of each kind of row present (`kinds`: chipwise.guide.contract.all_kind_words), in Category's order."""
    present = benchmark_categories(benchmarks)
    return [kind for kind in kinds if kind.category in present]


def leading_figure(benchmarks: Benchmarks, kinds: tuple[KindWords, ...]) -> str:
    """The first kind's cost chart, shown with the best rows at the top of the page (benchmark_figures(...,
    leading_shown=True) then points to it instead of drawing it twice); empty when there are no rows. `kinds`: every
    kind's words (chipwise.guide.contract.all_kind_words)."""
    present = present_kinds(benchmarks, kinds)
    return figure(cost_chart(benchmarks, present[0]), present[0].charts) if present else ""


@per_object
def benchmark_figures(benchmarks: Benchmarks, kinds: tuple[KindWords, ...], leading_shown: bool = False) -> str:
    """Markdown: for each kind of row, a heading (anchor charts-<kind>), its cost chart and its latency chart; with
    `leading_shown` (passed by position), the first kind's cost chart is a link to leading_figure's, higher on the
    page. `kinds`: every kind's words (chipwise.guide.contract.all_kind_words). Drawn once per rows object and words:
    the loader gives the same rows object for the same rows file, whatever facts file names it."""

    def cost(kind: KindWords, first: bool) -> str:
        words = kind.charts
        if first and leading_shown:
            return layout.render("benchmark_chart_above.html", category=kind.category.value, words=words)
        return figure(cost_chart(benchmarks, kind), words)

    return "\n\n".join(
        f"### {escape.markdown(kind.label)} {{ #charts-{kind.category.value} }}\n\n"
        f"{cost(kind, index == 0)}\n\n{figure(latency_chart(benchmarks, kind), kind.charts)}"
        for index, kind in enumerate(present_kinds(benchmarks, kinds))
    )


# --- Generations ---------------------------------------------------------------------------------------------


def dated_milestones(facts: Facts) -> list[Fact]:
    """The facts whose unit is a year, oldest first: the same list as the timeline table."""
    return sorted((fact for fact in facts.facts.values() if fact.unit == "year"), key=lambda fact: (fact.value, fact.id))


def timeline_chart(facts: Facts) -> Chart:
    """Each dated milestone on a line of years, one row per instance family (joined by the fact id's family)."""
    milestones = [fact for fact in dated_milestones(facts) if fact.id.split(".", 1)[0] in facts.families]
    family_ids = list(dict.fromkeys(fact.id.split(".", 1)[0] for fact in milestones))
    lanes = {family_id: len(family_ids) - index for index, family_id in enumerate(family_ids)}
    years = [int(fact.value) for fact in milestones]
    key = "timeline"
    title = facts.page_copy[CopyKey.CHART_TIMELINE_TITLE]
    description = fill(
        facts.page_copy[CopyKey.CHART_TIMELINE_DESCRIPTION],
        milestones="; ".join(f"{facts.families[fact.id.split('.', 1)[0]].name} {fact.formatted}" for fact in milestones),
    )
    chart = pygal.XY(
        **_config(
            stroke=False,
            dots_size=7,
            height=100 + 48 * len(family_ids),
            show_legend=False,
            print_labels=True,
            range=(0.5, len(family_ids) + 0.5),
            xrange=(min(years, default=0) - 1, max(years, default=0) + 2),
            show_y_guides=False,
            x_value_formatter=str,
            x_title=facts.page_copy[CopyKey.CHART_TIMELINE_AXIS],
        )
    )
    # One year past the last: the last milestone's label reads to the right of its dot.
    chart.x_labels = list(range(min(years, default=0), max(years, default=0) + 2))
    chart.y_labels = [{"label": label(facts.families[family_id].name), "value": lanes[family_id]} for family_id in family_ids]
    for family_id in family_ids:
        family = facts.families[family_id]
        points = [
            {"value": (int(fact.value), lanes[family_id]), "label": label(family.chip)}
            for fact in milestones
            if fact.id.startswith(family_id + ".")
        ]
        chart.add(label(family.name), points)
    return Chart(key, title, description, _render(chart, key, title, description), None)


# --- Sizing --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SizeGroup:
    """Sizes of one family with the same accelerator memory, shown as one bar: 'g6.xlarge to g6.16xlarge'."""

    family: str
    sizes: tuple[InstanceSize, ...]

    @property
    def name(self) -> str:
        first, last = self.sizes[0].name, self.sizes[-1].name
        return first if first == last else f"{first} to {last}" if len(self.sizes) > 2 else f"{first}, {last}"

    @property
    def memory_gib(self) -> float:
        return self.sizes[0].accelerator_memory_gib


def size_groups(facts: Facts, family_ids: Sequence[str]) -> list[SizeGroup]:
    """Each family's sizes in the facts file's order, neighbours with equal accelerator memory taken together."""
    groups: list[SizeGroup] = []
    for family_id in family_ids:
        for size in facts.families[family_id].sizes:
            last = groups[-1] if groups else None
            if last is not None and last.family == family_id and last.memory_gib == size.accelerator_memory_gib:
                groups[-1] = SizeGroup(family_id, (*last.sizes, size))
            else:
                groups.append(SizeGroup(family_id, (size,)))
    return groups


def sizing_chart(facts: Facts, family_ids: Sequence[str]) -> Chart | None:
    """The largest model each size holds, to serve in the default precision and to train, with the sizing's headroom.

    None when the facts file gives no sizing."""
    sizing = facts.decision.sizing
    if sizing is None:
        return None
    groups = [group for group in size_groups(facts, family_ids) if group.memory_gib > 0]
    serving = sizing.precision(sizing.default_precision)
    words = facts.page_copy
    needs: list[tuple[str, float]] = [(fill(words[CopyKey.CHART_SIZING_SERVE], precision=serving.label), sizing.memory_gib(1, serving.name))]
    if sizing.training is not None:
        needs.append((words[CopyKey.CHART_SIZING_TRAIN], sizing.memory_gib(1, serving.name, trains=True)))
    key = "sizing"
    title = words[CopyKey.CHART_SIZING_TITLE]
    described = CopyKey.CHART_SIZING_DESCRIPTION if sizing.training is None else CopyKey.CHART_SIZING_DESCRIPTION_TRAINING
    description = fill(words[described], precision=serving.label, headroom=number_text(sizing.headroom_percent))
    chart = _bars(
        [group.memory_gib / per_billion for group in groups for _, per_billion in needs],
        height=160 + 22 * len(needs) * len(groups),
        legend_at_bottom_columns=1,
        x_title=words[CopyKey.CHART_SIZING_AXIS],
    )
    chart.x_labels = [label(group.name) for group in reversed(groups)]
    for what, per_billion in needs:
        chart.add(label(_capital(what)), [group.memory_gib / per_billion for group in reversed(groups)])
    table = DataTable(
        (
            words[CopyKey.CHART_SIZING_SIZE_HEADER],
            words[CopyKey.CHART_SIZING_MEMORY_HEADER],
            *(fill(words[CopyKey.CHART_SIZING_LARGEST_HEADER], need=what) for what, _ in needs),
        ),
        tuple(
            (
                escape.html_text(group.name),
                number_text(round(group.memory_gib, 1)),
                *(number_text(round(group.memory_gib / per_billion, 1)) for _, per_billion in needs),
            )
            for group in groups
        ),
    )
    return Chart(key, title, description, _render(chart, key, title, description), table)
