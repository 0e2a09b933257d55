"""api/benchmarks.json and the benchmark pages: AWS's statement that its benchmark pages are archived travels with
the rows, each rate with AWS's name for it, and each page link with the commit the rows were read at."""

from __future__ import annotations

import json

import jsonschema

from chipwise.exports import site_files
from chipwise.guide.contract import CopyKey
from chipwise.guide.model import Facts
from chipwise.render import benchmarks as render_benchmarks
from chipwise.render.calculator_form import cost_calculator
from chipwise.render.fact_tables import Links
from tests.support import nonempty


def test_benchmarks_json_carries_awss_archive_statement_and_each_rates_basis(facts: Facts) -> None:
    generated = site_files.generated_files(facts)
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
    notice = render_benchmarks.archived_status(archived, dated, "sources/#x", facts.page_copy)
    assert "page modified 2026-10-13" in notice and "no longer maintained" in notice
    table = render_benchmarks.table(benchmarks, "inf2", facts.page_copy)
    assert "RI-Effective hourly rate" in table
    assert "/en/latest/about-neuron/benchmarks/" not in table
    assert 'href="https://awsdocs-neuron.readthedocs-hosted.com/en/latest/archive/benchmarks/inf2/inf2-performance.html"' in table
    assert "measured with Transformers NeuronX" in table and facts.page_copy[CopyKey.BENCHMARKS_NOT_SHOWN] in table
    sources = render_benchmarks.sources(benchmarks, facts.page_copy[CopyKey.PRICE_CAVEAT], facts.page_copy, archived.source.url)
    assert "/en/latest/about-neuron/benchmarks/" not in sources
    assert f'href="{archived.source.url}"' in sources and "now archived" in sources


def test_each_published_row_says_which_stack_measured_it_and_whether_an_aws_page_showed_it(facts: Facts) -> None:
    generated = site_files.generated_files(facts)
    published = json.loads(generated["api/benchmarks.json"])
    jsonschema.validate(published, json.loads(generated["api/benchmarks.schema.json"]))
    by_id = {row["id"]: row for row in published["rows"]}
    llama = by_id["inf2-48xlarge-decoder-throughput-llama-3-8b-b8-s8192-in128-out8064-tp24"]
    assert (llama["stack"], llama["shown_on_page"]) == ("Transformers NeuronX, FP16, autocast Matmult-BF16, weights int8", None)
    bert = by_id["inf2-xlarge-encoder-throughput-bert-base-uncased-b8-s128"]
    assert bert["shown_on_page"] == "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/archive/benchmarks/inf2/inf2-performance.html"
    assert published["superseded"]["inf2-xlarge-vision-throughput-resnet18-b8-224x224"] == "inf2-xlarge-vision-cnn-throughput-resnet18-b8-224x224"
    assert not set(published["superseded"]) & set(by_id), "a superseded row is not published"
    seventy = [row for row in published["training"] if row["model"] == "Llama-3.1-70B pre-training"]
    assert [(row["nodes"], row["throughput"], row["unit"]) for row in seventy] == [(32, 7.94, "training sequence")]
    assert seventy[0]["shown_on_page"].endswith("/archive/benchmarks/trn1/trn1-training-performance.html")


def test_a_published_row_without_its_stack_or_page_fails_the_schema(facts: Facts) -> None:
    generated = site_files.generated_files(facts)
    published = json.loads(generated["api/benchmarks.json"])
    schema = json.loads(generated["api/benchmarks.schema.json"])
    for key in ("stack", "shown_on_page"):
        broken = json.loads(generated["api/benchmarks.json"])
        del broken["rows"][0][key]
        try:
            jsonschema.validate(broken, schema)
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"the schema accepts a row without {key}")
    jsonschema.validate(published, schema)


def test_the_calculators_row_choice_names_the_stack_and_whether_an_aws_page_showed_the_row(facts: Facts) -> None:
    assert facts.benchmarks is not None
    form = cost_calculator(facts, Links(""))
    llama = facts.benchmarks.rows["inf2-48xlarge-decoder-throughput-llama-3-8b-b8-s8192-in128-out8064-tp24"]
    bert = facts.benchmarks.rows["inf2-xlarge-encoder-throughput-bert-base-uncased-b8-s128"]
    assert "measured with Transformers NeuronX, FP16, autocast Matmult-BF16, weights int8" in render_benchmarks.row_choice(llama, facts.page_copy)
    assert render_benchmarks.row_choice(llama, facts.page_copy).endswith(facts.page_copy[CopyKey.BENCHMARKS_NOT_SHOWN])
    assert render_benchmarks.row_choice(bert, facts.page_copy).endswith("shown on AWS's Inf2 Inference Performance page")
    for row in (llama, bert):
        assert f">{render_benchmarks.row_choice(row, facts.page_copy)}</option>" in form
