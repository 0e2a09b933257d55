"""Loading the facts file: read safely, check its shape, then build each section (chipwise.guide.sections, every
reference cross-checked through one Report) and verify the decision graph; every problem is reported at once."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from chipwise import disk_cache
from chipwise.decision.verify import verify_graph
from chipwise.errors import FactsError, display_path
from chipwise.facts.benchmarks import digest_of
from chipwise.facts.file_schema import FACTS_FILE
from chipwise.facts.model import frozen_map
from chipwise.facts.schema_language import Walk
from chipwise.facts.yaml_nodes import read_bytes, read_nodes
from chipwise.guide import contract
from chipwise.guide.model import Facts, Meta
from chipwise.guide.sections.benchmarks import build_benchmarks
from chipwise.guide.sections.changes import build_changes
from chipwise.guide.sections.decision import build_decision
from chipwise.guide.sections.derived import build_derived
from chipwise.guide.sections.exam import build_exam
from chipwise.guide.sections.fact_checks import build_fact_checks
from chipwise.guide.sections.facts import build_facts
from chipwise.guide.sections.families import build_families
from chipwise.guide.sections.glossary import build_glossary
from chipwise.guide.sections.practice import build_practice
from chipwise.guide.sections.report import Report
from chipwise.guide.sections.sources import build_sources
from chipwise.guide.sections.study_note import build_study_note

ENVIRONMENT_VARIABLE = "CHIPWISE_FACTS"
FACTS_FILE_NAME = "aws-ml-chips.yml"


def default_facts_path() -> Path:
    """CHIPWISE_FACTS when set; else the repository's facts file; else the copy packaged with chipwise."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen:
        return Path(chosen)
    in_repository = Path(__file__).resolve().parents[3] / "facts" / FACTS_FILE_NAME
    if in_repository.is_file():
        return in_repository
    return Path(__file__).resolve().parents[1] / "data" / FACTS_FILE_NAME


_cache: dict[tuple[str, str, bool], Facts] = {}
_changes_digest: dict[tuple[str, str, bool], str | None] = {}
"""The changes file's digest when its facts were cached: an edited changes file is read again."""
_content_digest: dict[tuple[str, str, bool, str], tuple[Facts, str]] = {}
"""content_digest's answer for the cached facts, by their key and the working directory (the shown path depends on
it): every kept macro asks for it, and working it out resolves paths."""


def load_facts(path: str | os.PathLike[str] | None = None, *, for_site: bool = False) -> Facts:
    """The validated facts from `path` (default: see default_facts_path); FactsError lists every problem.

    With `for_site`, the file must also give everything the site's code reads by id
    (chipwise.guide.contract): `chipwise check` and the site build load it so, and a file they accept
    builds every page. A file is read and verified once per content: later calls with the same bytes
    return the same frozen object.
    """
    facts_path = Path(path) if path is not None else default_facts_path()
    shown = display_path(facts_path)
    data = read_bytes(facts_path, shown)
    key = (str(facts_path.resolve()), hashlib.sha256(data).hexdigest(), for_site)
    cached = _cache.get(key)
    if (
        cached is not None
        and (cached.benchmarks is None or digest_of(cached.benchmarks.path) == cached.benchmarks.digest)
        and (cached.changes_path is None or digest_of(cached.changes_path) == _changes_digest.get(key))
    ):
        return cached
    facts = _load_uncached(facts_path, shown, data, for_site)
    _cache.clear()
    _changes_digest.clear()
    _content_digest.clear()
    _cache[key] = facts
    if facts.changes_path is not None:
        _changes_digest[key] = digest_of(facts.changes_path)
    return facts


def content_digest(facts: Facts) -> str | None:
    """What the loader built `facts` from (the file's place and bytes, its rows file's and changes file's bytes,
    how it was loaded), as a digest that names its content across processes; None for an object the loader did
    not build (a test's dataclasses.replace) or no longer holds."""
    for key, cached in _cache.items():
        if cached is facts:
            remembered = _content_digest.get((*key, os.getcwd()))
            if remembered is not None and remembered[0] is facts:
                return remembered[1]
            resolved, digest, for_site = key
            rows = facts.benchmarks.digest if facts.benchmarks is not None else ""
            changes = _changes_digest.get(key) or ""
            parts = (resolved, display_path(facts.path), digest, str(for_site), rows, changes)
            found = hashlib.sha256("\0".join(parts).encode()).hexdigest()
            _content_digest[(*key, os.getcwd())] = (facts, found)
            return found
    return None


_CHECKED = "facts-file"
"""The disk cache's name for a facts file's checked data (plain values and dates), keyed by the file's bytes."""


def _load_uncached(path: Path, shown: str, data: bytes, for_site: bool) -> Facts:
    digest = hashlib.sha256(data).hexdigest()
    checked = disk_cache.load(_CHECKED, digest, allowed=frozenset({("datetime", "date")}))
    if isinstance(checked, dict):
        replayed = Walk(shown)
        try:
            facts = _build(path, replayed, checked, for_site=for_site)
        except FactsError:
            pass  # problems are located with the file's lines: read it below
        else:
            if not replayed.problems:
                return facts
    root = read_nodes(data, shown)
    walk = Walk(shown)
    raw = FACTS_FILE.check(root, walk, "")
    if walk.problems:
        raise FactsError(walk.problems)
    disk_cache.store(_CHECKED, digest, raw)
    facts = _build(path, walk, raw, for_site=for_site)
    if walk.problems:
        raise FactsError(walk.problems)
    return facts


def _build(path: Path, walk: Walk, raw: dict[str, Any], *, for_site: bool) -> Facts:
    """The model objects from the checked raw mapping, each section by its builder; every problem goes to `walk`."""
    report = Report(path, walk)
    report.sources = build_sources(raw["sources"])
    build_facts(raw["facts"], report)
    build_derived(raw.get("derived", {}), report)
    families = build_families(raw["families"], raw.get("sizes", {}), report)
    fact_checks = build_fact_checks(raw["fact_checks"], report)
    decision, complete = build_decision(raw["decision"], families, raw.get("page_copy", {}), report)
    if complete:
        for finding in verify_graph(decision):
            report.problem(finding.key_path, finding.message)
    study_note = build_study_note(raw["study_note"], fact_checks, decision, report)
    exam = build_exam(raw["exam"], report)
    page_copy = raw.get("page_copy", {})
    required = tuple(contract.CopyKey) if for_site else contract.SIZED_DECISION_COPY if decision.sizing is not None else ()
    for breach in contract.copy_breaches(page_copy, required):
        report.problem(breach.key_path, breach.message)
    if for_site:
        for breach in contract.breaches(
            report.facts,
            decision,
            report.sources,
            families,
            raw.get("topics", {}),
            raw.get("spec_labels", {}),
            exam,
            has_benchmarks=bool(raw.get("benchmarks")),
        ):
            report.problem(breach.key_path, breach.message)
    return Facts(
        path=path,
        meta=Meta(**raw["meta"]),
        sources=frozen_map(report.sources),
        facts=frozen_map(report.facts),
        families=frozen_map(families),
        fact_checks=frozen_map(fact_checks),
        study_note=study_note,
        exam=exam,
        glossary=build_glossary(raw["glossary"], report),
        decision=decision,
        topics=frozen_map(raw.get("topics", {})),
        spec_labels=frozen_map(raw.get("spec_labels", {})),
        practice=build_practice(raw.get("practice", {}), decision, exam, report),
        benchmarks=build_benchmarks(raw.get("benchmarks"), report),
        changes=build_changes(raw.get("changes"), raw["meta"]["version"], families, report),
        changes_path=path.parent / raw["changes"] if raw.get("changes") else None,
        page_copy=frozen_map(page_copy),
    )
