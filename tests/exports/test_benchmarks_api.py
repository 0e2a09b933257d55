"""api/benchmarks.json and the benchmark pages: AWS's statement that its benchmark pages are archived travels with
the rows, each rate with AWS's name for it, and each page link with the commit the rows were read at."""

from __future__ import annotations

import json

import jsonschema

from chipwise.exports import files
from chipwise.guide.model import Facts
from chipwise.render import benchmarks as render_benchmarks
from tests.support import nonempty


def test_benchmarks_json_carries_awss_archive_statement_and_each_rates_basis(facts: Facts) -> None:
    generated = files.generated_files(facts)
    published = json.loads(generated["api/benchmarks.json"])
    schema = json.loads(generated["api/benchmarks.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(published, schema)
    archived = published["archived"]
    assert archived["statement"].startswith("These benchmark pages are archived and are no longer maintained.")
    assert archived["statement"].endswith("They do not reflect the performance of the current Neuron stack.")
    assert archived["date_modified"] == "2026-10-13"
    assert archived["url"].endswith("/archive/benchmarks/index.html")
    assert "RI-Effective" in published["price_caveat"]
    commit = published["commit"]
    for row in nonempty(published["rows"]):
        assert row["rate_basis"] == published["rates"][row["instance"]]["basis"] == "RI-Effective hourly rate", row["id"]
        page = row["source"]["page"]
        assert page is None or (page.startswith(f"https://github.com/aws-neuron/aws-neuron-sdk/blob/{commit}/") and page.endswith(".rst")), page
    decisions = json.loads(generated["api/decisions.json"])
    assert decisions["benchmarks_archived"] == archived["note"]
    assert "(page modified 2026-10-13)" in archived["note"]


def test_the_benchmark_tables_say_the_pages_are_archived_and_price_at_awss_named_rate(facts: Facts) -> None:
    benchmarks = facts.benchmarks
    assert benchmarks is not None
    status = render_benchmarks.archived_status_facts(facts)
    assert status is not None
    archived, dated = status
    assert archived.source is not None
    notice = render_benchmarks.archived_status(archived, dated, "sources/#x")
    assert "page modified 2026-10-13" in notice and "no longer maintained" in notice
    table = render_benchmarks.table(benchmarks, "inf2", archived.source.url)
    assert "RI-Effective hourly rate" in table
    assert "/en/latest/about-neuron/benchmarks/" not in table
    assert f'href="{archived.source.url}"' in table
    sources = render_benchmarks.sources(benchmarks, archived.source.url)
    assert "/en/latest/about-neuron/benchmarks/" not in sources
    assert "AWS has since archived the page" in sources
