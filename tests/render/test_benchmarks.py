"""The benchmarks page's HTML: filter values that collapse AWS's quoting, and the best row of each kind."""

from __future__ import annotations

import pytest

from chipwise.facts.benchmarks import Category
from chipwise.guide.model import Facts
from chipwise.render import benchmarks as render_benchmarks
from chipwise.study.calculator import round_half_up
from tests.support import nonempty


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param("FP32, BF16", "FP32, BF16", id="plain"),
        pytest.param('"FP32, BF16"', "FP32, BF16", id="quoted"),
        pytest.param("FP32,BF16", "FP32, BF16", id="no-space"),
        pytest.param("  FP32 ,  BF16 ", "FP32, BF16", id="spaced"),
        pytest.param("Raw Output (AutoModel)", "Raw Output (AutoModel)", id="no-comma"),
    ],
)
def test_filter_value(given: str, expected: str) -> None:
    assert render_benchmarks.filter_value(given) == expected


def test_the_best_rows_are_each_kinds_cheapest_in_the_tables_order(facts: Facts) -> None:
    assert facts.benchmarks is not None
    html = render_benchmarks.best_rows(facts.benchmarks)
    for category in nonempty([category for category in Category if any(row.category is category for row in facts.benchmarks.rows.values())]):
        rows = [row for row in facts.benchmarks.rows.values() if row.category is category]
        cheapest = min(round_half_up(row.cost_per_million, 3) for row in rows)
        chosen = [row for row in rows if f'href="#{render_benchmarks.row_anchor(row)}"' in html]
        assert len(chosen) == 1 and round_half_up(chosen[0].cost_per_million, 3) == cheapest, category
        assert render_benchmarks.cost_text(chosen[0]) in html


def test_a_rows_filter_attributes_match_the_filters_choices(facts: Facts) -> None:
    assert facts.benchmarks is not None
    form = render_benchmarks.filters(facts.benchmarks)
    table = render_benchmarks.table(facts.benchmarks, "inf2")
    for row in nonempty([row for row in facts.benchmarks.rows.values() if row.family == "inf2"]):
        assert f'<option value="{render_benchmarks.filter_value(row.model_data_type)}">' in form
        assert f'data-dtype="{render_benchmarks.filter_value(row.model_data_type)}"' in table
