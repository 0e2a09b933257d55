"""Loading the facts file: read safely, check its shape, cross-check every reference, build objects."""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from chipwise import disk_cache
from chipwise.decision import ranges
from chipwise.decision.model import (
    DecisionGraph,
    DecisionInput,
    DecisionTable,
    DeprecatedInput,
    InputValue,
    Interval,
    NumericRange,
    Outcome,
    Precision,
    Reason,
    Rule,
    Sizing,
    TrainingMemory,
)
from chipwise.decision.verify import verify_graph
from chipwise.errors import FactsError, Problem, display_path, unknown_message
from chipwise.facts.benchmarks import Benchmarks, digest_of, read_benchmarks
from chipwise.facts.changes import Release, check_releases, read_changes, size_id
from chipwise.facts.file_spec import FACTS_FILE
from chipwise.facts.formulas import FORMULAS
from chipwise.facts.model import (
    PLACEHOLDER,
    CheckedCopy,
    Derivation,
    Exam,
    ExamMapping,
    ExamRule,
    Fact,
    FactCheck,
    Family,
    InstanceSize,
    MemoryTrick,
    Quote,
    Source,
    StudyNoteLine,
    frozen_map,
    gbps_from_mbps,
    total_memory,
)
from chipwise.facts.source import read_bytes, read_nodes
from chipwise.facts.spec import Walk
from chipwise.facts.units import UNITS, repeated_unit
from chipwise.guide import contract
from chipwise.guide.model import Facts, Meta
from chipwise.guide.practice import build_practice
from chipwise.vocabulary import Accelerator, Authority, Kind, Scope, Status, Verdict

ENVIRONMENT_VARIABLE = "CHIPWISE_FACTS"
AWS_KINDS = (Kind.SPEC, Kind.VENDOR_CLAIM, Kind.EXAM_GUIDE)
"""Kinds of fact that say what AWS says: a third-party copy is never their only backing."""
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


_MEMORY_IN_GIB = {"GiB": 1.0, "MB": 1 / 1024, "GB": 1e9 / 2**30}
"""How many GiB one unit is: a bound written as a fact converts to a GiB input (6,144 MB is 6 GiB)."""


def convert_unit(fact: Fact, unit: str) -> float:
    """The fact's number in `unit`; ValueError when it is text or its unit cannot be converted."""
    if not fact.is_number:
        raise ValueError(f"the fact {fact.id!r} is text; a range bound needs a number")
    if fact.unit == unit:
        return float(fact.value)
    if fact.unit in _MEMORY_IN_GIB and unit in _MEMORY_IN_GIB:
        return float(fact.value) * _MEMORY_IN_GIB[fact.unit] / _MEMORY_IN_GIB[unit]
    raise ValueError(f"the fact {fact.id!r} is in {fact.unit}, which cannot be converted to {unit}")


def _smallest_first(size: InstanceSize) -> tuple[float, int, int, str]:
    return (size.accelerator_memory_gib, size.accelerators, size.vcpus or 0, size.name)


def _cut_numeric_ranges(inputs: tuple[DecisionInput, ...], tables: list[DecisionTable]) -> tuple[tuple[DecisionInput, ...], list[DecisionTable]]:
    """Cut each numeric input's range at every bound any rule of the graph tests; the pieces become its values
    (in every table that reads it), and each rule's range becomes the pieces inside it."""
    every_rule = [rule for table in tables for rule in table.rules]
    result_inputs = []
    for item in inputs:
        if item.numeric is None:
            result_inputs.append(item)
            continue
        cut = ranges.pieces(item.numeric, [rule.ranges[item.name] for rule in every_rule if item.name in rule.ranges])
        values = tuple(
            InputValue(
                name=ranges.piece_name(piece),
                label=piece.text(item.numeric.unit, item.numeric.minimum, item.numeric.maximum),
                explanation="",
                interval=piece,
            )
            for piece in cut
        )
        result_inputs.append(replace(item, values=values))
    by_name = {item.name: item for item in result_inputs}
    result_tables = []
    for table in tables:
        result_rules = []
        for rule in table.rules:
            when = dict(rule.when)
            for name, interval in rule.ranges.items():
                when[name] = frozenset(
                    value.name for value in by_name[name].values if value.interval is not None and ranges.covers(interval, value.interval)
                )
            result_rules.append(replace(rule, when=frozen_map(when)))
        table_inputs = tuple(by_name.get(item.name, item) for item in table.inputs)
        result_tables.append(replace(table, inputs=table_inputs, rules=tuple(result_rules)))
    return tuple(result_inputs), result_tables


_CHECKED = "facts-file"
"""The disk cache's name for a facts file's checked data (plain values and dates), keyed by the file's bytes."""


def _load_uncached(path: Path, shown: str, data: bytes, for_site: bool) -> Facts:
    digest = hashlib.sha256(data).hexdigest()
    checked = disk_cache.load(_CHECKED, digest, allowed=frozenset({("datetime", "date")}))
    if isinstance(checked, dict):
        replayed = Walk(shown)
        try:
            facts = _Builder(path, replayed, checked, for_site=for_site).build()
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
    builder = _Builder(path, walk, raw, for_site=for_site)
    facts = builder.build()
    if walk.problems:
        raise FactsError(walk.problems)
    return facts


@dataclass
class _Builder:
    """Turns the checked raw mapping into model objects, recording a located problem per bad reference."""

    path: Path
    walk: Walk
    raw: dict[str, Any]
    sources: dict[str, Source] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    for_site: bool = False
    refused: set[str] = field(default_factory=set)
    """Ids of facts whose own entry had a problem: references to them are not reported again."""

    def problem(self, key_path: str, message: str) -> None:
        self.walk.problems.append(Problem(self.walk.path, self.walk.at(key_path), key_path, message))

    def unknown(self, key_path: str, what: str, name: str, known: Iterable[str]) -> None:
        self.problem(key_path, unknown_message(what, name, known))

    def unknown_fact(self, key_path: str, fact_id: str) -> None:
        """Reports an unknown fact id, unless the fact exists but was refused (already reported)."""
        if fact_id not in self.refused:
            self.unknown(key_path, "fact", fact_id, self.facts)

    def source(self, key_path: str, source_id: str) -> Source | None:
        if source_id not in self.sources:
            self.unknown(key_path, "source", source_id, self.sources)
            return None
        return self.sources[source_id]

    def fact_list(self, key_path: str, fact_ids: Iterable[str]) -> tuple[Fact, ...]:
        found = []
        for index, fact_id in enumerate(fact_ids):
            if fact_id in self.facts:
                found.append(self.facts[fact_id])
            else:
                self.unknown_fact(f"{key_path}[{index}]", fact_id)
        return tuple(found)

    def text(self, key_path: str, template: str) -> str:
        """The text with each {fact.id} replaced by that fact's phrase; unknown ids are problems."""

        def replace(match: Any) -> str:
            fact_id = match.group(1)
            if fact_id not in self.facts:
                self.unknown_fact(key_path, fact_id)
                return str(match.group(0))
            fact = self.facts[fact_id]
            repeated = "" if fact.measures or fact.baseline else repeated_unit(fact.unit, template[match.end() :])
            if repeated:
                self.problem(
                    key_path,
                    f"{{{fact_id}}} already reads {fact.phrase!r}, unit included; the words after it repeat {repeated!r}: "
                    f"drop that word, or write the chip in brackets, like {{{fact_id}}} (Inferentia2)",
                )
            return str(fact.phrase)

        return PLACEHOLDER.sub(replace, template)

    def checked_template(self, key_path: str, template: str) -> str:
        """The template itself, once every fact it cites is known."""
        self.text(key_path, template)
        return template

    def build(self) -> Facts:
        raw = self.raw
        self.sources = {
            source_id: Source(
                id=source_id,
                **{
                    **entry,
                    "authority": Authority.of(entry["authority"]),
                    "checked_copy": CheckedCopy(**entry["checked_copy"]) if "checked_copy" in entry else None,
                },
            )
            for source_id, entry in raw["sources"].items()
        }
        self._build_facts(raw["facts"])
        self._build_derived(raw.get("derived", {}))
        families = self._build_families(raw["families"], raw.get("sizes", {}))
        fact_checks = self._build_fact_checks(raw["fact_checks"])
        decision = self._build_decision_graph(raw["decision"], families)
        study_note = self._build_study_note(raw["study_note"], fact_checks, decision)
        exam = self._build_exam(raw["exam"])
        if self.for_site:
            for breach in contract.breaches(
                self.facts,
                decision,
                self.sources,
                families,
                raw.get("topics", {}),
                raw.get("spec_labels", {}),
                exam,
                has_benchmarks=bool(raw.get("benchmarks")),
            ):
                self.problem(breach.key_path, breach.message)
        return Facts(
            path=self.path,
            meta=Meta(**raw["meta"]),
            sources=frozen_map(self.sources),
            facts=frozen_map(self.facts),
            families=frozen_map(families),
            fact_checks=frozen_map(fact_checks),
            study_note=study_note,
            exam=exam,
            glossary=frozen_map({term: self.text(f"glossary.{term}.definition", entry["definition"]) for term, entry in raw["glossary"].items()}),
            decision=decision,
            topics=frozen_map(raw.get("topics", {})),
            spec_labels=frozen_map(raw.get("spec_labels", {})),
            practice=build_practice(raw.get("practice", {}), decision, self),
            benchmarks=self._build_benchmarks(raw.get("benchmarks")),
            changes=self._build_changes(raw.get("changes"), raw["meta"]["version"], families),
            changes_path=self.path.parent / raw["changes"] if raw.get("changes") else None,
        )

    def _build_benchmarks(self, name: str | None) -> Benchmarks | None:
        """The sibling file's rows, its problems located in that file (None when the facts file names none)."""
        if name is None:
            return None
        path = self.path.parent / name
        try:
            return read_benchmarks(path, display_path(path))
        except FactsError as error:
            self.walk.problems.extend(error.problems)
            return None

    def _build_changes(self, name: str | None, version: str, families: Mapping[str, Family]) -> tuple[Release, ...]:
        """The sibling changes file's releases, cross-checked with the facts; its problems located in that file."""
        if name is None:
            return ()
        path = self.path.parent / name
        sizes = [size_id(size.name) for family in families.values() for size in family.sizes]
        for cached in (True, False):  # a problem found in cached data is reported from the file, with its line
            read = read_changes(path, display_path(path), self.walk.problems, cached=cached)
            if read is None:
                return ()
            releases, walk = read
            found = check_releases(releases, walk, version, [*self.facts, *self.refused, *sizes], self.sources)
            if not found or walk.locations:
                break
        self.walk.problems.extend(found)
        return releases

    def _build_facts(self, entries: Mapping[str, dict[str, Any]]) -> None:
        for fact_id, entry in entries.items():
            where = f"facts.{fact_id}"
            source = self.source(f"{where}.source", entry["source"])
            if source is None:
                self.refused.add(fact_id)
                continue
            if Kind.of(entry["kind"]) in AWS_KINDS and source.authority is not Authority.AWS:
                self.problem(
                    f"{where}.source",
                    f"a {entry['kind']} fact states what AWS says, so its source must be an aws source; "
                    f"{source.id!r} is {source.authority.value}: cite AWS's own page, or make the fact kind third-party",
                )
            self.facts[fact_id] = Fact(
                id=fact_id,
                label=entry["label"],
                value=entry["value"],
                unit=entry["unit"],
                kind=Kind.of(entry["kind"]),
                scope=Scope.of(entry["scope"]),
                verified=entry["verified"],
                evidence=Quote(source=source, text=entry["quote"]),
                qualifier=entry.get("qualifier", ""),
                measures=entry.get("measures", ""),
                baseline=entry.get("baseline", ""),
                note=entry.get("note", ""),
            )

    def _build_derived(self, entries: Mapping[str, dict[str, Any]]) -> None:
        pending = dict(entries)
        for fact_id in pending:
            if fact_id in self.facts:
                self.problem(f"derived.{fact_id}", f"the id {fact_id!r} is already used in facts")
        pending = {key: value for key, value in pending.items() if key not in self.facts}
        while pending:
            ready = [
                fact_id for fact_id, entry in pending.items() if all(input_id in self.facts or input_id not in pending for input_id in entry["inputs"].values())
            ]
            if not ready:
                cycle = ", ".join(sorted(pending))
                for fact_id in pending:
                    self.problem(f"derived.{fact_id}.inputs", f"derived figures depend on each other in a cycle: {cycle}")
                return
            for fact_id in ready:
                self._derive(fact_id, pending.pop(fact_id))

    def _derive(self, fact_id: str, entry: dict[str, Any]) -> None:
        where = f"derived.{fact_id}"
        formula = FORMULAS[entry["formula"]]
        given, wanted = set(entry["inputs"]), set(formula.parameters)
        if given != wanted:
            missing = ", ".join(sorted(wanted - given)) or "none"
            extra = ", ".join(sorted(given - wanted)) or "none"
            self.problem(
                f"{where}.inputs",
                f"formula {formula.name!r} takes inputs {', '.join(formula.parameters)}; missing: {missing}; unexpected: {extra}",
            )
            return
        inputs: dict[str, Fact] = {}
        for parameter, input_id in entry["inputs"].items():
            if input_id not in self.facts:
                self.unknown_fact(f"{where}.inputs.{parameter}", input_id)
                return
            if not self.facts[input_id].is_number:
                self.problem(f"{where}.inputs.{parameter}", f"the fact {input_id!r} is text; a formula needs a number")
                return
            inputs[parameter] = self.facts[input_id]
        try:
            value = formula.compute(**{name: fact.value for name, fact in inputs.items()})
        except ZeroDivisionError:
            self.problem(f"{where}.inputs", f"formula {formula.name!r} divides by zero")
            return
        unit = UNITS[entry["unit"]]
        if not unit.accepts(value):
            self.problem(f"{where}.unit", f"the computed value {value!r} is not {unit.expected} for unit {unit.name!r}")
            return
        result = unit.format(value)
        arithmetic = formula.explain({name: fact.formatted for name, fact in inputs.items()}, result)
        self.facts[fact_id] = Fact(
            id=fact_id,
            label=entry["label"],
            value=value,
            unit=entry["unit"],
            kind=Kind.DERIVED,
            scope=Scope.of(entry["scope"]),
            verified=max(fact.verified for fact in inputs.values()),
            evidence=Derivation(
                formula=formula.name,
                inputs=frozen_map({name: fact.id for name, fact in inputs.items()}),
                arithmetic=arithmetic,
            ),
        )

    def _build_families(self, entries: Mapping[str, dict[str, Any]], size_entries: Mapping[str, dict[str, Any]]) -> dict[str, Family]:
        sizes: dict[str, list[InstanceSize]] = {}
        for name, entry in size_entries.items():
            if entry["family"] not in entries:
                self.unknown(f"sizes.{name}.family", "instance family", entry["family"], entries)
                continue
            source = self.source(f"sizes.{name}.source", entry["source"])
            network_source = self.source(f"sizes.{name}.network_source", entry["network_source"]) if "network_source" in entry else None
            if source is None or ("network_source" in entry and network_source is None):
                continue
            accelerators = int(entry["accelerators"])
            per_accelerator = float(entry["memory_per_accelerator"]) if "memory_per_accelerator" in entry else None
            if "network_mbps" in entry:
                network_gbps: float | None = gbps_from_mbps(float(entry["network_mbps"]))
            else:
                network_gbps = float(entry["network_gbps"]) if "network_gbps" in entry else None
            sizes.setdefault(entry["family"], []).append(
                InstanceSize(
                    name=name,
                    family=entry["family"],
                    accelerators=accelerators,
                    accelerator_memory=float(entry["accelerator_memory"]) if per_accelerator is None else total_memory(accelerators, per_accelerator),
                    memory_unit=entry["memory_unit"],
                    vcpus=int(entry["vcpus"]) if "vcpus" in entry else None,
                    network_gbps=network_gbps,
                    network_qualifier=entry.get("network_qualifier", ""),
                    source=source,
                    quote=entry["quote"],
                    verified=entry["verified"],
                    note=entry.get("note", ""),
                    memory_per_accelerator=per_accelerator,
                    network_source=network_source,
                    network_quote=entry.get("network_quote", ""),
                )
            )
        families = {}
        for family_id, entry in entries.items():
            where = f"families.{family_id}.specs"
            specs = {}
            for spec, named in entry["specs"].items():
                fact_ids = [named] if isinstance(named, str) else named
                for index, fact_id in enumerate(fact_ids):
                    if fact_id not in self.facts:
                        self.unknown_fact(f"{where}.{spec}" + (f"[{index}]" if isinstance(named, list) else ""), fact_id)
                if all(fact_id in self.facts for fact_id in fact_ids):
                    specs[spec] = tuple(self.facts[fact_id] for fact_id in fact_ids)
            beyond = entry.get("beyond_one_instance", "")
            families[family_id] = Family(
                id=family_id,
                **{
                    **entry,
                    "accelerator": Accelerator.of(entry["accelerator"]),
                    "status": Status.of(entry["status"]),
                    "specs": frozen_map(specs),
                    "sizes": tuple(sorted(sizes.get(family_id, []), key=_smallest_first)),
                    "beyond_one_instance": self.text(f"families.{family_id}.beyond_one_instance", beyond) if beyond else "",
                },
            )
        return families

    def _build_fact_checks(self, entries: Mapping[str, dict[str, Any]]) -> dict[str, FactCheck]:
        checks = {}
        for check_id, entry in entries.items():
            where = f"fact_checks.{check_id}"
            source = self.source(f"{where}.source", entry["source"])
            if source is None:
                continue
            checks[check_id] = FactCheck(
                id=check_id,
                topic=entry["topic"],
                note_says=entry["note_says"],
                aws_says=entry["aws_says"],
                source=source,
                verdict=Verdict.of(entry["verdict"]),
                explanation=self.text(f"{where}.explanation", entry["explanation"]),
                explanation_template=entry["explanation"],
                note_facts=self.fact_list(f"{where}.note_facts", entry.get("note_facts", [])),
                aws_facts=self.fact_list(f"{where}.aws_facts", entry.get("aws_facts", [])),
                same_point_as=tuple(entry.get("same_point_as", [])),
            )
        for check_id, check in checks.items():
            for index, other in enumerate(check.same_point_as):
                if other not in checks or other == check_id:
                    self.unknown(f"fact_checks.{check_id}.same_point_as[{index}]", "other fact check", other, [c for c in checks if c != check_id])
        return checks

    def _build_study_note(self, entries: list[dict[str, Any]], fact_checks: Mapping[str, FactCheck], decision: Any) -> tuple[StudyNoteLine, ...]:
        lines = []
        rule_ids = [rule.id for rule in decision.rules] if decision is not None else []
        for index, entry in enumerate(entries):
            where = f"study_note[{index}]"
            checks = []
            for position, check_id in enumerate(entry["checks"]):
                if check_id in fact_checks:
                    checks.append(fact_checks[check_id])
                else:
                    self.unknown(f"{where}.checks[{position}]", "fact check", check_id, fact_checks)
            for position, rule_id in enumerate(entry.get("rules", [])):
                if decision is not None and rule_id not in rule_ids:
                    self.unknown(f"{where}.rules[{position}]", "rule", rule_id, rule_ids)
            lines.append(
                StudyNoteLine(
                    as_received=entry["as_received"],
                    reads=entry["reads"],
                    section=entry["section"],
                    checks=tuple(checks),
                    rules=tuple(entry.get("rules", [])),
                )
            )
        return tuple(lines)

    def _build_exam(self, entry: dict[str, Any]) -> Exam:
        return Exam(
            rule=tuple(ExamRule(**{**item, "accelerator": Accelerator.of(item["accelerator"])}) for item in entry["rule"]),
            memory_trick=tuple(MemoryTrick(**{**item, "accelerator": Accelerator.of(item["accelerator"])}) for item in entry["memory_trick"]),
            when_to_use_inferentia=tuple(
                self.checked_template(f"exam.when_to_use_inferentia[{index}]", text) for index, text in enumerate(entry["when_to_use_inferentia"])
            ),
            key_numbers=self.fact_list("exam.key_numbers", entry["key_numbers"]),
            mapping=tuple(row for row in (self._exam_mapping(index, row) for index, row in enumerate(entry.get("mapping", []))) if row),
        )

    def _exam_mapping(self, index: int, row: dict[str, Any]) -> ExamMapping | None:
        """The row, or None (with a located problem) when one of its facts is unknown."""
        where = f"exam.mapping[{index}]"
        found = {key: self.fact_list(f"{where}.{key}", [row[key]]) for key in ("domain", "task", "weight", "objective")}
        if any(not facts for facts in found.values()):
            return None
        return ExamMapping(row["topic"], found["domain"][0], found["task"][0], found["weight"][0], found["objective"][0])

    def _build_decision_graph(self, raw: dict[str, Any], families: Mapping[str, Family]) -> DecisionGraph:
        """The decision graph from its checked raw mapping; problems go to the builder's walk."""
        inputs = tuple(item for item in (self._decision_input(name, entry) for name, entry in raw["inputs"].items()) if item is not None)
        for item in inputs:
            if item.numeric is None and item.default is not None and item.default not in item.value_names:
                self.unknown(f"decision.inputs.{item.name}.default", f"value of {item.name}", str(item.default), item.value_names)
        sizes = {size.name: size for family in families.values() for size in family.sizes}
        table_ids = set(raw["tables"])
        clashes = table_ids & set(raw["inputs"])
        for name in sorted(clashes):
            self.problem(f"decision.tables.{name}", f"{name!r} names both an input and a table: give the table another id")
        outcome_ids: dict[str, str] = {}
        built_tables: list[DecisionTable] = []
        complete = len(inputs) == len(raw["inputs"]) and not clashes
        for table_id, entry in raw["tables"].items():
            table = self._build_table(table_id, entry, inputs, built_tables, families, sizes, outcome_ids)
            if table is None:
                complete = False
            else:
                built_tables.append(table)
        inputs, built_tables = _cut_numeric_ranges(inputs, built_tables)
        sizing = self._build_sizing(raw["sizing"], inputs) if "sizing" in raw else None
        deprecated = self._build_deprecated_inputs(raw.get("deprecated_inputs", {}), inputs)
        graph = DecisionGraph(inputs=inputs, tables=tuple(built_tables), sizing=sizing, deprecated=frozen_map(deprecated))
        if complete:
            for finding in verify_graph(graph):
                self.problem(finding.key_path, finding.message)
        return graph

    def _build_deprecated_inputs(self, raw: Mapping[str, dict[str, Any]], inputs: tuple[DecisionInput, ...]) -> dict[str, DeprecatedInput]:
        by_name = {item.name: item for item in inputs if item.numeric is None}
        result = {}
        for name, entry in raw.items():
            where = f"decision.deprecated_inputs.{name}"
            if name in by_name:
                self.problem(where, f"{name!r} is a current input; a deprecated input needs a name of its own")
                continue
            target = by_name.get(entry["input"])
            if target is None:
                self.unknown(f"{where}.input", "enumerated input", entry["input"], by_name)
                continue
            for old, new in entry["values"].items():
                if new not in target.value_names:
                    self.unknown(f"{where}.values.{old}", f"value of {target.name}", new, target.value_names)
            result[name] = DeprecatedInput(name=name, input_name=target.name, values=frozen_map({str(old): new for old, new in entry["values"].items()}))
        return result

    def _build_table(
        self,
        table_id: str,
        raw: dict[str, Any],
        inputs: tuple[DecisionInput, ...],
        earlier: list[DecisionTable],
        families: Mapping[str, Family],
        sizes: Mapping[str, InstanceSize],
        outcome_ids: dict[str, str],
    ) -> DecisionTable | None:
        """One table: the inputs it reads must be the practitioner's or an earlier table's (so the graph has no cycle)."""
        where = f"decision.tables.{table_id}"
        available = {item.name: item for item in inputs} | {table.id: table.as_input() for table in earlier}
        read = []
        ok = True
        for index, name in enumerate(raw["reads"]):
            if name in available:
                read.append(available[name])
            elif name in self.raw["decision"]["tables"]:
                order = "list tables in the order they decide (a table may not read itself or a later one)"
                self.problem(f"{where}.reads[{index}]", f"{table_id!r} reads {name!r}, which is not decided before it: {order}")
                ok = False
            else:
                self.unknown(f"{where}.reads[{index}]", "input or earlier table", name, available)
                ok = False
        outcomes = {}
        for outcome_id, entry in raw["outcomes"].items():
            if outcome_id in outcome_ids:
                used = f"the outcome id {outcome_id!r} is already used by the table {outcome_ids[outcome_id]!r}"
                self.problem(f"{where}.outcomes.{outcome_id}", f"{used}; outcome ids are unique across the graph")
                ok = False
            outcome_ids.setdefault(outcome_id, table_id)
            chosen = []
            for index, family_id in enumerate(entry.get("families", [])):
                if family_id in families:
                    chosen.append(families[family_id])
                else:
                    self.unknown(f"{where}.outcomes.{outcome_id}.families[{index}]", "instance family", family_id, families)
            why_not_path = f"{where}.outcomes.{outcome_id}.why_not"
            self.text(why_not_path, entry["why_not"])
            if not PLACEHOLDER.search(entry["why_not"]):
                self.problem(why_not_path, "say what this outcome is for citing at least one fact as {fact.id}: it explains a wrong option")
            accelerator = Accelerator.of(entry["accelerator"]) if "accelerator" in entry else None
            outcomes[outcome_id] = Outcome(id=outcome_id, title=entry["title"], families=tuple(chosen), why_not=entry["why_not"], accelerator=accelerator)
        built_rules = []
        for rule_id, entry in raw["rules"].items():
            rule = self._build_rule(f"{where}.rules.{rule_id}", rule_id, entry, tuple(read), outcomes, sizes)
            if rule is not None:
                built_rules.append(rule)
            else:
                ok = False
        if not ok:
            return None
        return DecisionTable(
            id=table_id, question=raw["question"], hit_policy=raw["hit_policy"], inputs=tuple(read), outcomes=frozen_map(outcomes), rules=tuple(built_rules)
        )

    def _build_rule(
        self,
        where: str,
        rule_id: str,
        entry: dict[str, Any],
        inputs: tuple[DecisionInput, ...],
        outcomes: Mapping[str, Outcome],
        sizes: Mapping[str, InstanceSize],
    ) -> Rule | None:
        by_name = {item.name: item for item in inputs}
        ok = True
        when = {}
        ranges = {}
        range_texts = {}
        for name, values in entry["when"].items():
            if name not in by_name:
                self.unknown(f"{where}.when.{name}", "input this table reads", name, by_name)
                ok = False
                continue
            numeric = by_name[name].numeric
            if numeric is not None:
                interval = self._range(f"{where}.when.{name}", values, numeric, sizes)
                if interval is None:
                    ok = False
                else:
                    ranges[name] = interval
                    range_texts[name] = str(values)
                continue
            if isinstance(values, str):
                self.problem(f"{where}.when.{name}", f"{name} is an enumerated input: list its values, like [{by_name[name].value_names[0]}]")
                ok = False
                continue
            for index, value in enumerate(values):
                if value not in by_name[name].value_names:
                    self.unknown(f"{where}.when.{name}[{index}]", f"value of {name}", value, by_name[name].value_names)
                    ok = False
            when[name] = frozenset(values)
        if entry["then"] not in outcomes:
            self.unknown(f"{where}.then", "outcome", entry["then"], outcomes)
            ok = False
        reasons = []
        for index, reason in enumerate(entry["reasons"]):
            reason_path = f"{where}.reasons[{index}]"
            cited = PLACEHOLDER.findall(reason["text"])
            text = self.text(f"{reason_path}.text", reason["text"])
            facts = tuple(self.facts[fact_id] for fact_id in cited if fact_id in self.facts)
            sources = [fact.source for fact in facts if fact.source is not None]
            if "source" in reason:
                source = self.source(f"{reason_path}.source", reason["source"])
                if source is not None:
                    sources.insert(0, source)
            if not cited and "source" not in reason:
                self.problem(f"{reason_path}.text", "a reason must cite a fact as {fact.id} or name a source")
                ok = False
            unique_sources = tuple(dict.fromkeys(sources))
            reasons.append(Reason(text=text, template=reason["text"], facts=facts, sources=unique_sources))
        if not ok:
            return None
        return Rule(
            id=rule_id,
            when=frozen_map(when),
            outcome=outcomes[entry["then"]],
            reasons=tuple(reasons),
            ranges=frozen_map(ranges),
            range_texts=frozen_map(range_texts),
        )

    def _decision_input(self, name: str, entry: dict[str, Any]) -> DecisionInput | None:
        """An enumerated input (values) or a numeric one (number); its pieces are cut once every rule is read."""
        where = f"decision.inputs.{name}"
        if ("values" in entry) == ("number" in entry):
            self.problem(where, "give either values (an enumerated input) or number (a numeric input), not both or neither")
            return None
        if "values" in entry:
            values = tuple(
                InputValue(name=value, label=spec["label"], explanation=self.text(f"{where}.values.{value}.explanation", spec["explanation"]))
                for value, spec in entry["values"].items()
            )
            default = entry.get("default")
            return DecisionInput(name=name, question=entry["question"], values=values, default=None if default is None else str(default))
        number = entry["number"]
        bounds = [number["minimum"], number["maximum"], entry.get("default", number["minimum"])]
        if not all(isinstance(bound, (int, float)) and not isinstance(bound, bool) for bound in bounds):
            self.problem(f"{where}.number", "minimum, maximum and default of a numeric input must be numbers")
            return None
        minimum, maximum, default = (float(bound) for bound in bounds)
        if not minimum < maximum or not minimum <= default <= maximum:
            self.problem(f"{where}.number", f"expected minimum < maximum and the default between them; received {minimum:g}, {maximum:g}, default {default:g}")
            return None
        numeric = NumericRange(unit=number["unit"], minimum=minimum, maximum=maximum, computed=number.get("computed", ""))
        return DecisionInput(name=name, question=entry["question"], values=(), default=repr(default), numeric=numeric)

    def _range(self, key_path: str, written: Any, numeric: NumericRange, sizes: Mapping[str, InstanceSize]) -> Interval | None:
        """The interval a rule's range test names, with {fact.id} bounds converted to the input's unit; a bound
        {size} (an instance size's name, such as {g6.48xlarge}) stands for that size's accelerator memory in GiB."""
        if not isinstance(written, str):
            self.problem(key_path, "a numeric input is tested with one range, like '<= 6', '> 6' or '[2..8)', not a list")
            return None

        def resolve(bound: str) -> float:
            placeholder = PLACEHOLDER.fullmatch(bound)
            if placeholder is None:
                try:
                    value = float(bound)
                except ValueError:
                    raise ValueError(f"expected a number or a fact as {{fact.id}} as a bound, received {bound!r}") from None
                if not math.isfinite(value):
                    raise ValueError(f"expected a finite bound, received {bound!r}")
                return value
            fact_id = placeholder.group(1)
            if fact_id not in self.facts and fact_id in sizes and numeric.unit == "GiB":
                return sizes[fact_id].accelerator_memory_gib
            if fact_id not in self.facts:
                raise ValueError(unknown_message("fact or instance size", fact_id, [*self.facts, *sizes]))
            fact = self.facts[fact_id]
            return convert_unit(fact, numeric.unit)

        try:
            return ranges.parse(written, resolve)
        except ValueError as error:
            self.problem(key_path, str(error))
            return None

    def _build_sizing(self, raw: dict[str, Any], inputs: tuple[DecisionInput, ...]) -> Sizing | None:
        where = "decision.sizing"
        target = next((item for item in inputs if item.name == raw["input"]), None)
        if target is None or target.numeric is None or target.numeric.unit != "GiB":
            self.problem(f"{where}.input", f"expected the name of a numeric input measured in GiB, received {raw['input']!r}")
            return None
        parameters, precision = raw["parameters"], raw["precision"]
        numbers = [parameters["minimum"], parameters["maximum"], raw["headroom_percent"], *(spec["bytes"] for spec in precision["values"].values())]
        if not all(isinstance(number, (int, float)) and not isinstance(number, bool) and number >= 0 for number in numbers):
            self.problem(where, "parameters' minimum and maximum, headroom_percent and each precision's bytes must be numbers of 0 or more")
            return None
        if precision["default"] not in precision["values"]:
            self.unknown(f"{where}.precision.default", "precision", precision["default"], precision["values"])
            return None
        training = self._build_training_memory(raw["training"], inputs) if "training" in raw else None
        if "training" in raw and training is None:
            return None
        return Sizing(
            input_name=target.name,
            parameters_question=parameters["question"],
            parameters_minimum=float(parameters["minimum"]),
            parameters_maximum=float(parameters["maximum"]),
            precisions=tuple(Precision(name, spec["label"], float(spec["bytes"])) for name, spec in precision["values"].items()),
            precision_question=precision["question"],
            default_precision=precision["default"],
            headroom_percent=float(raw["headroom_percent"]),
            headroom_note=raw["headroom_note"],
            training=training,
        )

    def _build_training_memory(self, raw: dict[str, Any], inputs: tuple[DecisionInput, ...]) -> TrainingMemory | None:
        where = "decision.sizing.training"
        target = next((item for item in inputs if item.name == raw["input"]), None)
        if target is None or target.numeric is not None:
            self.unknown(f"{where}.input", "enumerated input", raw["input"], [item.name for item in inputs if item.numeric is None])
            return None
        valid = True
        for index, value in enumerate(raw["values"]):
            if value not in target.value_names:
                self.unknown(f"{where}.values[{index}]", f"value of {target.name}", value, target.value_names)
                valid = False
        fact = self.facts.get(raw["bytes_per_parameter"])
        if fact is None:
            self.unknown_fact(f"{where}.bytes_per_parameter", raw["bytes_per_parameter"])
            return None
        if fact.unit != "bytes-per-parameter":
            self.problem(f"{where}.bytes_per_parameter", f"expected a fact in bytes-per-parameter, received {fact.id} in {fact.unit}")
            return None
        return TrainingMemory(target.name, tuple(raw["values"]), fact, raw["label"]) if valid else None
