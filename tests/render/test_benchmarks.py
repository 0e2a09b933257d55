"""The benchmarks page's HTML: filter values that collapse AWS's quoting, the best row of each kind, and the sentences
around the rows, which are the facts file's page copy, escaped where they land."""

from __future__ import annotations

import dataclasses

import pytest

from chipwise.facts.benchmarks import Category
from chipwise.facts.model import fill
from chipwise.guide.contract import CopyKey
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
    html = render_benchmarks.filters(facts.benchmarks, facts.page_copy)
    for category in nonempty([category for category in Category if any(row.category is category for row in facts.benchmarks.rows.values())]):
        rows = [row for row in facts.benchmarks.rows.values() if row.category is category]
        cheapest = min(round_half_up(row.cost_per_million, 3) for row in rows)
        chosen = [row for row in rows if f'href="#{render_benchmarks.row_anchor(row)}"' in html]
        assert len(chosen) == 1 and round_half_up(chosen[0].cost_per_million, 3) == cheapest, category
        assert render_benchmarks.cost_text(chosen[0], facts.page_copy) in html


def test_a_rows_filter_attributes_match_the_filters_choices(facts: Facts) -> None:
    assert facts.benchmarks is not None
    form = render_benchmarks.filters(facts.benchmarks, facts.page_copy)
    table = render_benchmarks.table(facts.benchmarks, "inf2", facts.page_copy)
    for row in nonempty([row for row in facts.benchmarks.rows.values() if row.family == "inf2"]):
        assert f'<option value="{render_benchmarks.filter_value(row.model_data_type)}">' in form
        assert f'data-dtype="{render_benchmarks.filter_value(row.model_data_type)}"' in table


def _hostile_copy(facts: Facts) -> dict[str, str]:
    """The page copy with '<i>&' before each benchmark sentence: what lands in HTML must read as written."""
    return {key: f"<i>& {text}" if key.startswith("benchmarks_") else text for key, text in facts.page_copy.items()}


def test_the_archived_notice_says_the_page_copys_words_escaped(facts: Facts) -> None:
    status = render_benchmarks.archived_status_facts(facts)
    assert status is not None
    archived, dated = status
    copy = _hostile_copy(facts)
    notice = render_benchmarks.archived_status(archived, dated, "sources/#x", copy)
    title = fill(facts.page_copy[CopyKey.BENCHMARKS_ARCHIVED_TITLE], date=str(dated.value))
    assert f'<p class="admonition-title">&lt;i&gt;&amp; {title}</p>' in notice
    assert f"<p>&lt;i&gt;&amp; {facts.page_copy[CopyKey.BENCHMARKS_ARCHIVED_ROWS]}</p>" in notice
    assert render_benchmarks.archived_sentence(archived, dated, copy) == f"<i>& {title}: “{archived.quote}”"


def test_the_sources_block_says_the_page_copys_words_escaped_around_its_values(facts: Facts) -> None:
    assert facts.benchmarks is not None
    hostile = dataclasses.replace(facts.benchmarks, rates_dated="<b>May</b>")
    sources = render_benchmarks.sources(hostile, "caveat", _hostile_copy(facts))
    assert "<i>" not in sources
    assert '<p>&lt;i&gt;&amp; Read from <a href="https://github.com/' in sources
    assert "with <code>chipwise import-benchmarks</code>.</p>" in sources
    assert "&lt;i&gt;&amp; AWS dates the rates: &lt;b&gt;May&lt;/b&gt;.</p>" in sources
    assert "<p>&lt;i&gt;&amp; Files:</p>" in sources
    for data_file in nonempty([data_file for data_file in facts.benchmarks.files.values() if data_file.page_updated]):
        assert f"&lt;i&gt;&amp; which says “Last update: {data_file.page_updated}”" in sources, data_file.path


def test_the_superseded_note_and_the_empty_tables_say_the_page_copy(facts: Facts) -> None:
    assert facts.benchmarks is not None
    copy = _hostile_copy(facts)
    note = render_benchmarks.superseded_note(facts.benchmarks, copy)
    dropped, kept = next(iter(facts.benchmarks.superseded.items()))
    assert note.startswith(f"<p>&lt;i&gt;&amp; {len(facts.benchmarks.superseded)} rows of AWS")
    assert f'<a href="#row-{kept}"><code>{kept}</code></a>' in note and f"<code>{dropped}</code>" in note
    none = dataclasses.replace(facts.benchmarks, superseded={}, training={})
    assert render_benchmarks.superseded_note(none, copy) == f"<p>&lt;i&gt;&amp; {facts.page_copy[CopyKey.BENCHMARKS_NONE_SUPERSEDED]}</p>"
    assert render_benchmarks.training_table(none, copy) == f"<p>&lt;i&gt;&amp; {facts.page_copy[CopyKey.BENCHMARKS_NO_TRAINING_ROWS]}</p>"
    assert render_benchmarks.table(facts.benchmarks, "no-such-family", copy) == f"<p>&lt;i&gt;&amp; {facts.page_copy[CopyKey.BENCHMARKS_NO_INFERENCE_ROWS]}</p>"


def test_the_best_rows_title_and_what_best_means_are_the_page_copy_escaped(facts: Facts) -> None:
    assert facts.benchmarks is not None
    html = render_benchmarks.filters(facts.benchmarks, _hostile_copy(facts))
    title, meaning = facts.page_copy[CopyKey.BENCHMARKS_BEST_ROWS_TITLE], facts.page_copy[CopyKey.BENCHMARKS_BEST_ROWS]
    assert f"<p><strong>&lt;i&gt;&amp; {title}</strong> &lt;i&gt;&amp; {meaning}</p>" in html
