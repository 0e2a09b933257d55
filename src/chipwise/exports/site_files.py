"""Files the site publishes besides its pages, generated from the facts: downloads and open data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from chipwise import disk_cache
from chipwise.exports import benchmarks_api, changes_api, decisions_schema, facts_schema
from chipwise.guide.contract import CopyKey
from chipwise.guide.load import content_digest
from chipwise.guide.model import Facts
from chipwise.memo import per_object

MERMAID_PATH = "downloads/decision-flowchart.mmd"
ANKI_PATH = "downloads/chipwise.apkg"
TSV_PATH = "downloads/chipwise-flashcards.tsv"
FACTS_FILE_SCHEMA_PATH = "api/facts-file.schema.json"
"""The facts file's own schema (the editor's, facts/facts.schema.json), published for other guides' files."""
SCHEMAS = {
    "api/facts.json": facts_schema.SCHEMA_PATH,
    "api/decisions.json": decisions_schema.SCHEMA_PATH,
    benchmarks_api.JSON_PATH: benchmarks_api.SCHEMA_PATH,
    "api/questions.json": "api/questions.schema.json",
    changes_api.JSON_PATH: changes_api.SCHEMA_PATH,
}
"""Each published JSON file -> the published schema that describes it (tests validate one against the other)."""


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False, allow_nan=False) + "\n"


_GENERATED = "generated-files"
"""The disk cache's name for the generated files, keyed by the facts' content digest and the site's address."""
_by_content: dict[str, dict[str, str | bytes]] = {}


def generated_files(facts: Facts, site_url: str = "") -> dict[str, str | bytes]:
    """Site path -> content, made once per content of the facts and site address (`site_url` makes the feed's
    links absolute): a build, each `mkdocs serve` reload and (with the site's disk cache) each new process whose
    facts file, rows file and chipwise are unchanged reuse them."""
    digest = content_digest(facts)
    if digest is None:
        return _generate(facts, site_url)
    key = f"{digest}:{site_url}"
    found = _by_content.get(key)
    if found is None:
        found = _stored(key)
        if found is None:
            found = _generate(facts, site_url)
            disk_cache.store(_GENERATED, key, found)
        _by_content.clear()
        _by_content[key] = found
    return found


def _stored(key: str) -> dict[str, str | bytes] | None:
    value = disk_cache.load(_GENERATED, key)
    if isinstance(value, dict) and all(isinstance(name, str) and isinstance(content, str | bytes) for name, content in value.items()):
        return value
    return None


@per_object
def _generate(facts: Facts, site_url: str = "") -> dict[str, str | bytes]:
    # Imported here: a build whose files come from the disk cache never needs the generators.
    from chipwise.exports import dmn, json_api, questions
    from chipwise.facts.file_schema import json_schema
    from chipwise.render import flowchart
    from chipwise.study import flashcards

    return {
        ANKI_PATH: flashcards.apkg(facts),
        TSV_PATH: flashcards.tsv(facts),
        MERMAID_PATH: flowchart.mermaid_source(facts.decision, facts.page_copy[CopyKey.FLOWCHART_MERMAID_TITLE]),
        "api/facts.json": _json(json_api.facts_json(facts)),
        "api/decisions.json": _json(json_api.decisions_json(facts)),
        decisions_schema.SCHEMA_PATH: _json({**decisions_schema.json_schema(), "version": facts.meta.version}),
        dmn.PATH: dmn.dmn_xml(facts),
        facts_schema.SCHEMA_PATH: _json({**facts_schema.json_schema(), "version": facts.meta.version}),
        FACTS_FILE_SCHEMA_PATH: _json({**json_schema(), "version": facts.meta.version}),
        benchmarks_api.JSON_PATH: _json(benchmarks_api.benchmarks_json(facts)),
        benchmarks_api.SCHEMA_PATH: _json({**benchmarks_api.json_schema(), "version": facts.meta.version}),
        "api/questions.json": _json(questions.questions_json(facts)),
        "api/questions.schema.json": _json(questions.json_schema()),
        changes_api.JSON_PATH: _json(changes_api.changes_json(facts)),
        changes_api.SCHEMA_PATH: _json({**changes_api.json_schema(), "version": facts.meta.version}),
        changes_api.FEED_PATH: changes_api.atom_feed(facts, site_url),
    }


def deck_size(facts: Facts) -> int:
    """How many cards the published decks hold: the TSV's rows (one a card, no field spans lines)."""
    from chipwise.study.flashcards import TSV_HEADER

    return str(generated_files(facts)[TSV_PATH]).count("\n") - TSV_HEADER.count("\n")


class SiteDirError(ValueError):
    """The place given for the generated files is not a folder that can take them."""


def write_generated_files(facts: Facts, site_dir: Path, site_url: str = "") -> list[Path]:
    """Write the generated files into a site built without chipwise's MkDocs hook (a Zensical build)."""
    if not site_dir.is_dir():
        problem = "does not exist" if not site_dir.exists() else "is not a folder"
        raise SiteDirError(f"{site_dir} {problem}: give the folder of a built site, such as site/ after zensical build")
    written = []
    for relative, content in generated_files(facts, site_url).items():
        path = site_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
