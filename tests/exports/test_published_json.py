"""Every JSON file the build publishes names a published schema, and validates against it (draft 2020-12, with
formats checked); a copy that disagrees with its schema is refused."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
import yaml

from chipwise.exports import facts_schema, site_files
from chipwise.guide.model import Facts
from tests.support import FACTS_FILE, nonempty


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _published(facts: Facts) -> dict[str, Any]:
    return {path: json.loads(content) for path, content in site_files.generated_files(facts).items() if path.endswith(".json")}


def test_every_published_json_file_names_a_published_schema(facts: Facts) -> None:
    published = _published(facts)
    documents = {path for path in published if not path.endswith(".schema.json")}
    assert documents == set(site_files.SCHEMAS)
    assert set(site_files.SCHEMAS.values()) <= set(published)
    for schema in nonempty(path for path in published if path.endswith(".schema.json")):
        assert published[schema]["$schema"] == "https://json-schema.org/draft/2020-12/schema", schema
        jsonschema.Draft202012Validator.check_schema(published[schema])


@pytest.mark.parametrize("document", sorted(site_files.SCHEMAS))
def test_each_published_json_file_is_valid_against_its_schema(facts: Facts, document: str) -> None:
    published = _published(facts)
    errors = [f"{error.json_path}: {error.message}" for error in _validator(published[site_files.SCHEMAS[document]]).iter_errors(published[document])]
    assert errors == []


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return mutate


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]
        del data[path[-1]]

    return mutate


FACT = ("facts", "inf2.chips_max")
SOURCE = ("sources", "neuron-inf1-arch")
MUTATIONS = [
    pytest.param(_drop(("version",)), "$: 'version' is a required property", id="no-version"),
    pytest.param(_set((*FACT, "kind"), "rumour"), "$.facts['inf2.chips_max'].kind: 'rumour' is not one of", id="unknown-kind"),
    pytest.param(_set((*FACT, "verified"), "2026-13-40"), "$.facts['inf2.chips_max'].verified: '2026-13-40' is not a 'date'", id="impossible-date"),
    pytest.param(_drop((*FACT, "source")), "$.facts['inf2.chips_max']: ", id="quote-without-source"),
    pytest.param(_set((*FACT, "formula"), "sum"), "$.facts['inf2.chips_max']: ", id="quote-and-formula"),
    pytest.param(_set((*FACT, "colour"), "red"), "$.facts['inf2.chips_max']: Additional properties are not allowed", id="unknown-key"),
    pytest.param(_drop((*SOURCE, "checked_copy")), "$.sources['neuron-inf1-arch']: 'checked_copy' is a required property", id="no-checked-copy"),
    pytest.param(_set((*SOURCE, "url"), "http://example.com"), "$.sources['neuron-inf1-arch'].url: 'http://example.com' does not match", id="not-https"),
    pytest.param(_set(("fact_checks",), []), "$.fact_checks: [] is not of type 'object'", id="fact-checks-a-list"),
]


@pytest.mark.parametrize(("mutate", "message"), MUTATIONS)
def test_a_facts_json_that_disagrees_with_its_schema_is_refused(facts: Facts, mutate: Callable[[dict[str, Any]], None], message: str) -> None:
    published = _published(facts)
    changed = copy.deepcopy(published["api/facts.json"])
    mutate(changed)
    errors = [f"{error.json_path}: {error.message}" for error in _validator(published[facts_schema.SCHEMA_PATH]).iter_errors(changed)]
    assert len(errors) == 1 and errors[0].startswith(message), errors


def test_sources_carry_the_copy_that_was_read_as_the_sources_page_shows_it(facts: Facts) -> None:
    sources = _published(facts)["api/facts.json"]["sources"]
    for source in nonempty(facts.sources.values()):
        entry = sources[source.id]
        if source.checked_copy is None:
            assert entry["checked_copy"] is None
        else:
            assert (entry["checked_copy"]["link"], entry["checked_copy"]["description"]) == (source.checked_copy.link, source.checked_copy.description)
    assert any(entry["checked_copy"] and "commit" in entry["checked_copy"] for entry in sources.values())


def test_the_facts_files_own_schema_is_published_under_its_own_name(facts: Facts) -> None:
    """api/facts-file.schema.json is the editor's schema (facts/facts.schema.json): it describes the YAML file."""
    published = _published(facts)
    schema = {key: value for key, value in published[site_files.FACTS_FILE_SCHEMA_PATH].items() if key != "version"}
    assert schema == json.loads((FACTS_FILE.parent / "facts.schema.json").read_text(encoding="utf-8"))
    raw = json.loads(json.dumps(yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8")), default=str))
    assert list(_validator(schema).iter_errors(raw)) == []
