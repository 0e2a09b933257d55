"""The charts: drawn from the facts, the same bytes every time, named and described, escaped, and coloured by the page."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ElementTree

import pytest

from chipwise.facts.benchmarks import Benchmarks, Category
from chipwise.guide.contract import all_kind_words, chart_words, kind_words
from chipwise.guide.model import Facts
from chipwise.render import charts
from tests.support import nonempty

SVG = "{http://www.w3.org/2000/svg}"


def every_chart(facts: Facts) -> list[charts.Chart]:
    assert facts.benchmarks is not None
    drawn = [charts.timeline_chart(facts)]
    sizing = charts.sizing_chart(facts, tuple(facts.families))
    assert sizing is not None
    drawn.append(sizing)
    for kind in charts.present_kinds(facts.benchmarks, all_kind_words(facts.page_copy)):
        drawn += [charts.cost_chart(facts.benchmarks, kind), charts.latency_chart(facts.benchmarks, kind)]
    return drawn


def test_the_same_facts_draw_the_same_bytes(facts: Facts) -> None:
    first = [charts.figure(chart, chart_words(facts.page_copy)) for chart in every_chart(facts)]
    second = [charts.figure(chart, chart_words(facts.page_copy)) for chart in every_chart(facts)]
    assert first == second
    assert len(set(first)) == len(first)


def test_each_chart_is_an_image_with_its_title_and_description_and_no_script(facts: Facts) -> None:
    for chart in nonempty(every_chart(facts)):
        root = ElementTree.fromstring(chart.svg)
        assert root.get("role") == "img"
        assert (root.get("aria-labelledby"), root.get("aria-describedby")) == (f"chart-{chart.key}-title", f"chart-{chart.key}-desc")
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and title.text == chart.title and title.get("id") == f"chart-{chart.key}-title"
        assert desc is not None and desc.text == chart.description and desc.get("id") == f"chart-{chart.key}-desc"
        assert root.find(f".//{SVG}script") is None
        assert "<!--" not in chart.svg, "pygal's comment carries the day it was drawn"
        assert "\n" not in chart.svg, "a blank line would end the raw HTML block in the page"
        ids = [element.get("id") for element in root.iter() if element.get("id")]
        assert ids == [root.get("id"), f"chart-{chart.key}-title", f"chart-{chart.key}-desc"], "two charts on a page must not share an id"
        assert str(root.get("id")).startswith(f"chart-{chart.key}-")


def test_charts_take_their_colours_from_the_page(facts: Facts) -> None:
    for chart in nonempty(every_chart(facts)):
        drawn = chart.svg.replace("rgba(229,229,229,1)", "")  # pygal's gauge background: no chart here draws a gauge
        assert re.findall(r"#[0-9a-fA-F]{3,6}\b|\bblack\b|\bwhite\b|rgba?\(", drawn.split("</style>", 1)[0].split("<style", 1)[1]) == []
        assert "var(--chipwise-chart-1)" in chart.svg and "currentColor" in chart.svg


def test_a_chart_leaves_the_page_for_nothing(facts: Facts) -> None:
    for chart in nonempty(every_chart(facts)):
        assert re.findall(r"(?:href|src)=\"(?!#)", chart.svg) == []
        assert "//" not in chart.svg.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        pytest.param([0.017, 48.7], [0.01, 0.1, 1.0, 10.0, 100.0], id="spans-the-values"),
        pytest.param([3.0], [1.0, 10.0], id="one-value-gets-a-decade"),
        pytest.param([10.0, 100.0], [10.0, 100.0], id="powers-stay-their-own-ends"),
        pytest.param([], [1.0], id="nothing"),
    ],
)
def test_decades(values: list[float], expected: list[float]) -> None:
    assert charts.decades(values) == pytest.approx(expected)


def test_cost_chart_shows_each_models_cheapest_row_cheapest_first(facts: Facts) -> None:
    assert facts.benchmarks is not None
    rows = [row for row in facts.benchmarks.rows.values() if row.category is Category.DECODER]
    chart = charts.cost_chart(facts.benchmarks, kind_words(facts.page_copy, Category.DECODER))
    assert chart.table is not None
    assert len(chart.table.rows) == len({row.model for row in rows})
    cheapest = charts.cheapest_by_model(rows)
    for row in nonempty(cheapest):
        assert row.cost_per_million == min(other.cost_per_million for other in rows if other.model == row.model)
        assert f'href="#row-{row.id}"' in chart.table.html()
    assert [row.cost_per_million for row in cheapest] == sorted(row.cost_per_million for row in cheapest)


def test_latency_chart_has_a_dot_and_a_table_row_for_every_row_of_its_kind(facts: Facts) -> None:
    assert facts.benchmarks is not None
    for category in nonempty(charts.benchmark_categories(facts.benchmarks)):
        chart = charts.latency_chart(facts.benchmarks, kind_words(facts.page_copy, category))
        count = sum(1 for row in facts.benchmarks.rows.values() if row.category is category)
        assert chart.table is not None and len(chart.table.rows) == count
        assert chart.svg.count('class="dot reactive') == count


def test_timeline_chart_has_a_dot_for_each_dated_milestone(facts: Facts) -> None:
    chart = charts.timeline_chart(facts)
    milestones = charts.dated_milestones(facts)
    assert milestones and chart.svg.count('class="dot reactive') == len(milestones)
    for fact in milestones:
        assert f"{fact.formatted}" in chart.description
        assert facts.families[fact.id.split(".", 1)[0]].name in chart.svg


def test_sizing_chart_reads_the_sizing_arithmetic_backwards(facts: Facts) -> None:
    sizing = facts.decision.sizing
    assert sizing is not None
    chart = charts.sizing_chart(facts, ("inf2",))
    assert chart is not None and chart.table is not None
    by_name = {row[0]: row for row in chart.table.rows}
    largest = facts.families["inf2"].sizes[-1]
    served = largest.accelerator_memory_gib / sizing.memory_gib(1, sizing.default_precision)
    assert by_name[largest.name][2] == f"{round(served, 1):,}".rstrip("0").rstrip(".")
    assert sizing.memory_gib(served, sizing.default_precision) == pytest.approx(largest.accelerator_memory_gib)


def test_sizes_with_the_same_memory_share_one_bar(facts: Facts) -> None:
    groups = charts.size_groups(facts, ("g6",))
    assert sum(len(group.sizes) for group in groups) == len(facts.families["g6"].sizes)
    assert all(len({size.accelerator_memory_gib for size in group.sizes}) == 1 for group in groups)
    assert len(groups) < len(facts.families["g6"].sizes)


def test_text_from_the_facts_file_is_escaped_in_the_chart_and_its_table(facts: Facts) -> None:
    assert facts.benchmarks is not None
    hostile = "<script>alert(1)</script> & <b>bold</b>"
    row = next(row for row in facts.benchmarks.rows.values() if row.category is Category.DECODER)
    rows = {**facts.benchmarks.rows, row.id: dataclasses.replace(row, model=hostile)}
    benchmarks: Benchmarks = dataclasses.replace(facts.benchmarks, rows=rows)
    decoder = kind_words(facts.page_copy, Category.DECODER)
    for chart in (charts.cost_chart(benchmarks, decoder), charts.latency_chart(benchmarks, decoder)):
        html = charts.figure(chart, decoder.charts)
        assert "<script>" not in html and "<b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
        ElementTree.fromstring(chart.svg)


def test_a_long_name_is_cut_in_the_chart_and_whole_in_its_table(facts: Facts) -> None:
    assert facts.benchmarks is not None
    long_name = "model " * 60
    row = next(row for row in facts.benchmarks.rows.values() if row.category is Category.ENCODER)
    benchmarks = dataclasses.replace(facts.benchmarks, rows={**facts.benchmarks.rows, row.id: dataclasses.replace(row, model=long_name)})
    chart = charts.cost_chart(benchmarks, kind_words(facts.page_copy, Category.ENCODER))
    assert charts.label(long_name) in chart.svg and len(charts.label(long_name)) == charts.LABEL_CHARACTERS
    assert long_name not in chart.svg
    assert chart.table is not None and long_name in chart.table.html()


def test_the_sizing_legend_keeps_the_precisions_own_spelling(facts: Facts) -> None:
    sizing = facts.decision.sizing
    assert sizing is not None
    chart = charts.sizing_chart(facts, ("inf2",))
    assert chart is not None
    assert f"To serve in {sizing.precision(sizing.default_precision).label}" in chart.svg
