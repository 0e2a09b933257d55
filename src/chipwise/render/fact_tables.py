"""Pure functions that turn the facts into Markdown for the site's pages: one function per table.

Every number is written through `fact_link`, so it keeps its qualifier and links to its entry on the
sources page. Functions take a `Links` value that knows where that page is from the current page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chipwise.decision.model import DecisionTable, Rule
from chipwise.facts.changes import Release, last_changed
from chipwise.facts.file_schema import is_aws_url
from chipwise.facts.model import COPY_PLACE, PLACEHOLDER, Derivation, Fact, FactCheck, Family, Source
from chipwise.facts.units import number_text
from chipwise.guide.contract import COMPARED, CopyKey, FactId, SpecKey, columns
from chipwise.guide.freshness import DEFAULT_STALE_DAYS, age_days, stale
from chipwise.guide.model import Facts
from chipwise.memo import per_object
from chipwise.render import escape
from chipwise.vocabulary import Scope, Verdict

SOURCES_PAGE = "sources.md"
FACT_CHECK_PAGE = "fact-check.md"

@dataclass(frozen=True)
class Links:
    """Where the site's pages are, seen from the page being rendered."""

    prefix: str = ""
    """From the current page to the docs root: '' for top-level pages, '../' one folder down."""
    url_prefix: str = ""
    """From the current page's URL to the site root, for raw HTML links ('../' for /cheat-sheet/)."""
    absolute_base: str = ""
    """When set (another site embedding chipwise), links go to this published chipwise site instead."""
    to_sources: bool = False
    """Another guide with no chipwise site to link to: each number links to its own source page."""

    def page(self, name: str, anchor: str = "") -> str:
        fragment = f"#{anchor}" if anchor else ""
        if self.absolute_base:
            stem = name.removesuffix(".md")
            path = "" if stem == "index" else f"{stem}/"
            return f"{self.absolute_base.rstrip('/')}/{path}{fragment}"
        return f"{self.prefix}{name}{fragment}"

    def fact(self, fact: Fact) -> str:
        if self.to_sources and not self.absolute_base:
            return fact.source.url if fact.source is not None else ""
        return self.page(SOURCES_PAGE, fact.anchor)

    def fact_url(self, fact: Fact) -> str:
        """The fact's entry as a URL for raw HTML, where MkDocs does not rewrite .md links."""
        if self.absolute_base or self.to_sources:
            return self.fact(fact)
        return f"{self.url_prefix}sources/#{fact.anchor}"

    def check(self, check: FactCheck) -> str:
        if self.to_sources and not self.absolute_base:
            return check.source.url
        return self.page(FACT_CHECK_PAGE, check_anchor(check))

    def rule(self, rule: Rule) -> str:
        return self.page("choosing.md", rule_anchor(rule))

    def rule_url(self, rule: Rule) -> str:
        """The rule's row in the decision table, as a URL usable in raw HTML (no .md rewriting)."""
        if self.absolute_base:
            return self.rule(rule)
        if self.to_sources:
            return ""
        return f"{self.url_prefix}choosing/#{rule_anchor(rule)}"


def check_anchor(check: FactCheck) -> str:
    return f"check-{check.id}"


def rule_anchor(rule: Rule) -> str:
    return f"rule-{rule.id}"


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines.extend("| " + " | ".join(escape.table_cell(value) for value in row) + " |" for row in rows)
    return "\n".join(lines)


def fact_link(fact: Fact, links: Links, text: str | None = None) -> str:
    """The fact as a link to its sources-page entry: its qualifier and value, its claim as the tooltip."""
    shown = escape.markdown(text if text is not None else fact.short)
    tooltip = fact.phrase if fact.source is None else f"{fact.phrase} (source: {fact.source.title})"
    target = links.fact(fact)
    if not target:
        return f'<span title="{escape.attribute(tooltip)}">{shown}</span>'
    return f'[{shown}]({escape.link_target(target)} "{escape.attribute(tooltip)}")'


def fact_phrase(fact: Fact, links: Links) -> str:
    """The whole claim, qualifier and baseline included, with the number linked."""
    rest = " ".join(part for part in (fact.measures, fact.baseline) if part)
    return f"{fact_link(fact, links)} {escape.markdown(rest)}".strip()


def linked_text(template: str, facts: Facts, links: Links) -> str:
    """A template's text, escaped, with each {fact.id} shown as the fact's phrase, its number linked."""
    parts = PLACEHOLDER.split(template)
    # split() alternates text and captured ids: text, id, text, id, ..., text.
    return "".join(fact_phrase(facts.fact(part), links) if index % 2 else escape.markdown(part) if part.strip() else part for index, part in enumerate(parts))


def source_link(source: Source) -> str:
    """The source's title linking to its URL."""
    return f"[{escape.markdown(source.title)}]({escape.link_target(source.url)})"


def verdict_badge(verdict: Verdict) -> str:
    return f'<span class="chipwise-verdict chipwise-verdict--{verdict}">{verdict.label}</span>'


def key_numbers_table(facts: Facts, links: Links) -> str:
    rows = [
        (escape.markdown(fact.label), fact_link(fact, links), escape.markdown(" ".join(p for p in (fact.measures, fact.baseline) if p)), fact.kind.label)
        for fact in facts.exam.key_numbers
    ]
    return markdown_table(copy_columns(facts, CopyKey.NUMBERS_COLUMNS), rows)


def family_table(facts: Facts, family_ids: Sequence[str], links: Links) -> str:
    """One column per instance family, one row per spec any of them has."""
    families = [facts.families[family_id] for family_id in family_ids]
    spec_names = list(dict.fromkeys(spec for family in families for spec in family.specs))
    headers = [*copy_columns(facts, CopyKey.FAMILY_SPEC_COLUMN), *(f"**{escape.markdown(family.name)}**" for family in families)]
    chip, role, status = copy_columns(facts, CopyKey.FAMILY_ROWS)
    rows = [
        [chip, *(escape.markdown(family.chip) for family in families)],
        [role, *(escape.markdown(family.role) for family in families)],
        [status, *(family.status.label for family in families)],
    ]
    for spec in spec_names:
        label = escape.markdown(facts.spec_labels.get(spec, spec.replace("_", " ").capitalize()))
        rows.append([label, *(_spec_cell(family, spec, links) for family in families)])
    return markdown_table(headers, rows)


def _spec_cell(family: Family, spec: str, links: Links) -> str:
    facts = family.specs.get(spec)
    if not facts:
        return "—"
    return " or ".join(fact_link(fact, links, fact.formatted if not fact.qualifier else None) for fact in facts)


def comparison_table(facts: Facts, links: Links) -> str:
    """Inferentia against Trainium: purpose, instances, cores, the headline claims and the memory trick.

    Exam rules, memory tricks and families join on their accelerator; the loader's contract guarantees one of each per column.
    """
    rule_for = {rule.accelerator: rule for rule in facts.exam.rule}
    trick_for = {trick.accelerator: trick for trick in facts.exam.memory_trick}
    columns = []
    for accelerator in COMPARED:
        families = [family for family in facts.families.values() if family.accelerator == accelerator]
        exam_rule, trick = rule_for.get(accelerator), trick_for.get(accelerator)
        columns.append(
            {
                "purpose": escape.markdown(exam_rule.situation) if exam_rule else "",
                "instances": escape.markdown(", ".join(family.name for family in families)),
                "chips": escape.markdown(", ".join(family.chip for family in families)),
                "cores": escape.markdown(
                    ", ".join(f"{family.name}: {family.specs[SpecKey.NEURONCORE][0].value}" for family in families if SpecKey.NEURONCORE in family.specs)
                ),
                "trick": escape.markdown(f"{trick.chip} → {trick.word}") if trick else "",
            }
        )
    cost_claims = [
        copy_text(facts, CopyKey.COMPARISON_INFERENTIA_COST_CLAIM, claim=fact_phrase(facts.fact(FactId.INF1_COST_CLAIM), links)),
        copy_text(facts, CopyKey.COMPARISON_TRAINIUM_COST_CLAIM, claim=fact_phrase(facts.fact(FactId.TRAINIUM_COST_TO_TRAIN), links)),
    ]
    note_claims = [
        copy_text(
            facts,
            CopyKey.COMPARISON_INFERENTIA_NOTE_CLAIM,
            throughput=fact_link(facts.fact(FactId.NOTE_THROUGHPUT), links),
            cut=fact_link(facts.fact(FactId.NOTE_COST_REDUCTION), links),
        ),
        copy_text(facts, CopyKey.COMPARISON_TRAINIUM_NOTE_CLAIM, cut=fact_link(facts.fact(FactId.NOTE_TRAINING_COST_REDUCTION), links)),
    ]
    purpose, instances, chips, cores, cost_claim, note_claim, memory_trick = copy_columns(facts, CopyKey.COMPARISON_ROWS)
    rows = [
        [purpose, columns[0]["purpose"], columns[1]["purpose"]],
        [instances, columns[0]["instances"], columns[1]["instances"]],
        [chips, columns[0]["chips"], columns[1]["chips"]],
        [cores, columns[0]["cores"], columns[1]["cores"]],
        [cost_claim, *cost_claims],
        [note_claim, *note_claims],
        [memory_trick, columns[0]["trick"], columns[1]["trick"]],
    ]
    return markdown_table([*copy_columns(facts, CopyKey.COMPARISON_TOPIC_COLUMN), *(f"**{accelerator.label}**" for accelerator in COMPARED)], rows)


def exam_rule_table(facts: Facts) -> str:
    return markdown_table(
        copy_columns(facts, CopyKey.EXAM_RULE_COLUMNS),
        ((escape.markdown(r.situation), f"**{escape.markdown(r.answer)}**", escape.markdown(r.instances)) for r in facts.exam.rule),
    )


def memory_trick(facts: Facts) -> str:
    return " ".join(f"**{escape.markdown(trick.chip)}** → **{escape.markdown(trick.word)}**." for trick in facts.exam.memory_trick)


def when_to_use_inferentia(facts: Facts, links: Links) -> str:
    return "\n".join(f"- {linked_text(item, facts, links)}" for item in facts.exam.when_to_use_inferentia)


def conditions_text(rule: Rule, table: DecisionTable, any_value: str) -> list[str]:
    """For each input the table reads, the values this rule matches in words (`any_value`, Markdown, when it does not care)."""
    cells = []
    for item in table.inputs:
        values = rule.when.get(item.name)
        if values is None or set(values) == set(item.value_names):
            cells.append(any_value)
        elif item.numeric is not None and item.name in rule.ranges:
            cells.append(escape.markdown(rule.ranges[item.name].text(item.numeric.unit)))
        else:
            cells.append(escape.markdown(" or ".join(value.label for value in item.values if value.name in values)))
    return cells


def reasons_markdown(rule: Rule, facts: Facts, links: Links) -> list[str]:
    parts = []
    for reason in rule.reasons:
        text = linked_text(reason.template, facts, links)
        extra = [source for source in reason.sources if all(fact.source != source for fact in reason.facts)]
        if extra:
            text += " " + " ".join(f"([{escape.markdown(source.publisher)}]({escape.link_target(source.url)}))" for source in extra)
        parts.append(text)
    return parts


def decision_table(facts: Facts, links: Links) -> str:
    """Each table of the decision graph, in the order they decide: its rules' conditions and outcomes in one
    table, then each rule's reasons with their sources. Together they are the flowcharts' text equivalent.
    """
    sections = []
    any_value = copy_text(facts, CopyKey.DECISION_ANY)
    for table in facts.decision.tables:
        headers = [
            *copy_columns(facts, CopyKey.DECISION_RULE_COLUMN),
            *(escape.markdown(item.question) for item in table.inputs),
            *copy_columns(facts, CopyKey.DECISION_OUTCOME_COLUMNS),
        ]
        rows = []
        for rule in table.rules:
            families = escape.markdown(", ".join(family.name for family in rule.outcome.families)) or "—"
            conditions = conditions_text(rule, table, any_value)
            rows.append([f"[`{rule.id}`](#{rule_anchor(rule)})", *conditions, f"**{escape.markdown(rule.outcome.title)}**", families])
        heading = f"### {escape.markdown(table.question)} {{#table-{table.id}}}"
        sections.append(f"{heading}\n\n{decision_table_reads(facts, table)}\n\n{markdown_table(headers, rows)}")
        for rule in table.rules:
            reasons = "\n".join(f"- {reason}" for reason in reasons_markdown(rule, facts, links))
            title = copy_text(facts, CopyKey.DECISION_RULE_HEADING, rule=escape.code_span(rule.id), outcome=escape.markdown(rule.outcome.title))
            sections.append(f"#### {title} {{#{rule_anchor(rule)}}}\n\n{reasons}")
    return "\n\n".join(sections)


def decision_table_reads(facts: Facts, table: DecisionTable) -> str:
    """'Table `hardware` decides from: the answer to *How is it served?*; What kind of model is it?; ... Hit policy UNIQUE: ...'."""
    tables = {item.id for item in facts.decision.tables}
    read = [
        copy_text(facts, CopyKey.DECISION_TABLE_READS_ANSWER, question=f"*{escape.markdown(item.question)}*")
        if item.name in tables
        else escape.markdown(item.question)
        for item in table.inputs
    ]
    return copy_text(facts, CopyKey.DECISION_TABLE_READS, table=escape.code_span(table.id), inputs="; ".join(read), policy=str(table.hit_policy))


def decision_inputs(facts: Facts) -> str:
    """The questions and what each answer means."""
    lines = []
    for item in facts.decision.inputs:
        if item.numeric is not None:
            how = item.numeric.computed
            computed = " " + copy_text(facts, CopyKey.DECISION_INPUT_COMPUTED, how=escape.markdown(how)) if how else ""
            lines.append(f"**{escape.markdown(item.question)}**{computed} {copy_text(facts, CopyKey.DECISION_INPUT_RANGES)}\n")
            lines.extend(f"- *{escape.markdown(value.label)}*" for value in item.values)
            lines.append("")
            continue
        default_value = next((value for value in item.values if value.name == item.default), None)
        default = " " + copy_text(facts, CopyKey.DECISION_INPUT_DEFAULT, value=escape.markdown(default_value.label)) if default_value else ""
        lines.append(f"**{escape.markdown(item.question)}**{default}\n")
        lines.extend(f"- *{escape.markdown(value.label)}*: {escape.markdown(value.explanation)}" for value in item.values)
        lines.append("")
    return "\n".join(lines)


def fact_checks(facts: Facts, links: Links, ids: Sequence[str] | None = None) -> str:
    """Each exam-note simplification: the note's words, AWS's words with the source, and the verdict."""
    chosen = [facts.fact_checks[check_id] for check_id in ids] if ids else list(facts.fact_checks.values())
    note_says, aws_says, verdict, aws_figures = copy_columns(facts, CopyKey.FACT_CHECK_ROWS)
    blocks = []
    for check in chosen:
        aws_numbers = ", ".join(fact_link(fact, links, fact.short) for fact in check.aws_facts)
        blocks.append(
            "\n".join(
                [
                    f'<div class="chipwise-check" id="{check_anchor(check)}" markdown>',
                    "",
                    f"**{escape.markdown(check.topic)}** {verdict_badge(check.verdict)}",
                    "",
                    markdown_table(
                        copy_columns(facts, CopyKey.FACT_CHECK_COLUMNS),
                        [
                            (note_says, f"“{escape.markdown(check.note_says)}”"),
                            (aws_says, f"“{escape.markdown(check.aws_says)}” ({source_link(check.source)})"),
                            (verdict, f"{check.verdict.label}: {linked_text(check.explanation_template, facts, links)}"),
                            *([(aws_figures, aws_numbers)] if aws_numbers else []),
                        ],
                    ),
                    "",
                    "</div>",
                ]
            )
        )
    return "\n\n".join(blocks)


def study_note_table(facts: Facts, links: Links) -> str:
    """Every line of the seed study note, repaired, with the checks that cover it."""
    rows = []
    for line in facts.study_note:
        verdicts = ", ".join(f"[{escape.markdown(check.topic)}]({escape.link_target(links.check(check))}): {check.verdict.label}" for check in line.checks)
        rows.append((escape.markdown(line.section), escape.markdown(line.reads), verdicts))
    return markdown_table(copy_columns(facts, CopyKey.STUDY_NOTE_COLUMNS), rows)


def facts_by_topic(facts: Facts) -> dict[str, list[Fact]]:
    groups: dict[str, list[Fact]] = {}
    for fact in facts.facts.values():
        groups.setdefault(facts.topic(fact), []).append(fact)
    return groups


def scope_text(fact: Fact, facts: Facts) -> str:
    """'AIF-C01' (the exam the file names) or 'beyond the exam'."""
    return escape.markdown(facts.meta.exam) if fact.scope is Scope.AIF_C01 else fact.scope.label


def fact_entries(facts: Facts, today: datetime.date) -> str:
    """Every fact with its anchor, value, kind, scope, verified date and age, and source quote (or arithmetic)."""
    sections = []
    changed = last_changed(facts.changes)
    for topic, group in facts_by_topic(facts).items():
        entries = [f"### {escape.markdown(topic)}"]
        for fact in group:
            if isinstance(fact.evidence, Derivation):
                evidence = copy_text(facts, CopyKey.FACT_ENTRY_COMPUTED, arithmetic=escape.markdown(fact.evidence.arithmetic))
            else:
                source = fact.evidence.source
                evidence = f"{source_link(source)} ({escape.markdown(source.publisher)}): “{escape.markdown(fact.evidence.text)}”"
            note = f"<br>*{copy_text(facts, CopyKey.FACT_ENTRY_NOTE, note=escape.markdown(fact.note))}*" if fact.note else ""
            meta = copy_text(
                facts,
                CopyKey.FACT_ENTRY_META,
                kind=fact.kind.label,
                scope=scope_text(fact, facts),
                date=fact.verified.isoformat(),
                age=age_words(facts, age_days(fact, today)),
                changed=_last_change(facts, changed.get(fact.id)),
                id=fact.id,
            )
            entries.append(
                f'<div class="chipwise-fact" id="{fact.anchor}" markdown>\n\n'
                f"**{escape.markdown(fact.label)}: {escape.markdown(fact.phrase)}**\n<small>{meta}</small>\n{evidence}{note}\n\n</div>"
            )
        sections.append("\n\n".join(entries))
    return "\n\n".join(sections)


def _last_change(facts: Facts, release: Release | None) -> str:
    """' · last changed in 2026.12.2' (the newest release that changed the fact); '' for a fact no release changed."""
    if release is None:
        return ""
    return " · " + copy_text(facts, CopyKey.FACT_ENTRY_CHANGED, version=escape.html_text(release.version))


def age_words(facts: Facts, age: int) -> str:
    """How long ago, in whole days, in the page copy's words: 'today', '1 day ago', '1,234 days ago'."""
    if age == 0:
        return copy_text(facts, CopyKey.AGE_TODAY)
    return copy_text(facts, CopyKey.AGE_ONE_DAY if age == 1 else CopyKey.AGE_DAYS, days=f"{age:,}")


def copy_text(facts: Facts, key: CopyKey, **values: str) -> str:
    """A sentence of the facts file's page copy as Markdown: its words escaped, each {name} place given its value
    (Markdown already; `chipwise check` makes sure the places are exactly those the code fills)."""
    return _markdown_filled(facts.page_copy[key], values)


def copy_columns(facts: Facts, key: CopyKey, **values: str) -> list[str]:
    """A table's column headers from the page copy (chipwise.guide.contract.COPY_COLUMNS), each as copy_text writes a sentence."""
    return [_markdown_filled(header, values) for header in columns(facts.page_copy[key])]


def _markdown_filled(sentence: str, values: dict[str, str]) -> str:
    parts = COPY_PLACE.split(sentence)
    return "".join(values[part] if index % 2 else escape.markdown(part) for index, part in enumerate(parts))


def freshness_summary(facts: Facts, today: datetime.date, days: int = DEFAULT_STALE_DAYS) -> str:
    """How fresh the facts are on this build's day: the oldest comparison, and how many are due again."""
    sourced = [fact for fact in facts.facts.values() if fact.derivation is None]
    oldest = max(age_days(fact, today) for fact in sourced)
    due = stale(facts, days, today)
    verdict = (
        copy_text(facts, CopyKey.FRESHNESS_DUE, due=str(len(due)), days=str(days))
        if due
        else copy_text(facts, CopyKey.FRESHNESS_NONE, days=str(days))
    )
    return copy_text(
        facts,
        CopyKey.FRESHNESS,
        today=escape.markdown(today.isoformat()),
        oldest=age_words(facts, oldest),
        sourced=str(len(sourced)),
        verdict=verdict,
        command=escape.code_span("chipwise stale"),
    )


def source_list(facts: Facts) -> str:
    rows = []
    for source in facts.sources.values():
        rows.append((source_link(source), escape.markdown(source.publisher), source.authority.label, checked_copy_cell(source, facts)))
    return markdown_table(copy_columns(facts, CopyKey.SOURCES_COLUMNS), rows)


def checked_copy_cell(source: Source, facts: Facts) -> str:
    """The copy that was read, linked, labelled third-party when it is not on an AWS domain or repository."""
    copy = source.checked_copy
    if copy is None:
        return "—"
    label = f"[{escape.markdown(copy.description)}]({escape.link_target(copy.link)})"
    third_party = copy.url is not None and not is_aws_url(copy.url)
    note = f" {escape.markdown(copy.note)}" if copy.note else ""
    mark = " " + copy_text(facts, CopyKey.SOURCES_THIRD_PARTY) if third_party else ""
    return f"{label}{mark}{note}"


def exam_mapping_rows(facts: Facts, links: Links) -> list[tuple[str, str, str, str]]:
    """Where each topic sits in the exam (meta.exam), as Markdown cells: the topic, its domain and task, the domain's
    weight, and the objective's wording with whose it is. exam_mapping_table and the cheat sheet's cards lay them out."""

    def number(fact: Fact) -> str:
        return fact_link(fact, links, fact.formatted)

    return [
        (
            escape.markdown(row.topic),
            f"{number(row.domain)}, {number(row.task)}",
            number(row.weight),
            f"“{escape.markdown(str(row.objective.value))}” ({row.objective.kind.label})",
        )
        for row in facts.exam.mapping
    ]


def exam_mapping_table(facts: Facts, links: Links) -> str:
    """The exam mapping (exam_mapping_rows) as one table."""
    return markdown_table(copy_columns(facts, CopyKey.EXAM_MAPPING_COLUMNS, exam=escape.markdown(facts.meta.exam)), exam_mapping_rows(facts, links))


def exam_numbers_table(facts: Facts, links: Links) -> str:
    """Every number in scope for AIF-C01, in one table: the cheat sheet."""
    rows = [
        (escape.markdown(fact.label), fact_link(fact, links), escape.markdown(" ".join(p for p in (fact.measures, fact.baseline) if p)), fact.kind.label)
        for fact in facts.facts.values()
        if fact.scope == "aif-c01" and fact.is_number
    ]
    return markdown_table(copy_columns(facts, CopyKey.NUMBERS_COLUMNS), rows)


def worked_example(facts: Facts, links: Links) -> str:
    """The worked example, step by step, each result computed from the facts file's inputs."""

    def step(fact_id: str) -> str:
        fact = facts.fact(fact_id)
        arithmetic = escape.markdown(fact.evidence.arithmetic if isinstance(fact.evidence, Derivation) else fact.formatted)
        return f"{escape.markdown(fact.label)}: {arithmetic.replace(escape.markdown(fact.formatted), fact_link(fact, links, fact.formatted))}"

    requests = facts.fact(FactId.EXAMPLE_REQUESTS_PER_DAY)
    gpu = facts.fact(FactId.EXAMPLE_GPU_MONTHLY_COST)
    cut = facts.fact(FactId.NOTE_COST_REDUCTION)
    speed = facts.fact(FactId.NOTE_THROUGHPUT)
    lines = [
        f"**{copy_text(facts, CopyKey.WORKED_EXAMPLE_GIVEN)}**",
        "",
        f"- {copy_text(facts, CopyKey.WORKED_EXAMPLE_TRAFFIC, requests=fact_link(requests, links, requests.formatted))}",
        f"- {copy_text(facts, CopyKey.WORKED_EXAMPLE_GPU_COST, cost=fact_link(gpu, links, gpu.formatted))}",
        f"- {copy_text(facts, CopyKey.WORKED_EXAMPLE_NOTE_FIGURES, cut=fact_link(cut, links), speed=fact_link(speed, links))}",
        "",
        f"**{copy_text(facts, CopyKey.WORKED_EXAMPLE_STEPS)}**",
        "",
        f"1. {step(FactId.EXAMPLE_REQUESTS_PER_MONTH)}",
        f"2. {step(FactId.EXAMPLE_INFERENTIA_MONTHLY_COST)}",
        f"3. {step(FactId.EXAMPLE_MONTHLY_SAVINGS)}",
        f"4. {step(FactId.EXAMPLE_YEARLY_SAVINGS)}",
        f"5. {step(FactId.EXAMPLE_CHIP_SHARE)}",
    ]
    return "\n".join(lines)


def size_table(facts: Facts, family_ids: Sequence[str], links: Links) -> str:
    """Every size of these families: accelerators, accelerator memory, vCPUs and network, each with its source row."""
    rows = []
    for family_id in family_ids:
        family = facts.families[family_id]
        for size in family.sizes:
            sources = f"{source_link(size.source)} ({size.source.authority.label})"
            if size.network_source is not None:
                network = f"{source_link(size.network_source)} ({size.network_source.authority.label})"
                sources += "; " + copy_text(facts, CopyKey.SIZES_NETWORK_SOURCE, source=network)
            if size.note:
                sources += f". {escape.markdown(size.note)}"
            rows.append(
                (
                    f"`{size.name}`",
                    escape.markdown(family.name),
                    number_text(size.accelerators),
                    escape.markdown(size.memory_text),
                    "—" if size.vcpus is None else number_text(size.vcpus),
                    escape.markdown(size.network_text),
                    sources,
                )
            )
    return markdown_table(copy_columns(facts, CopyKey.SIZES_COLUMNS), rows)


def sizing_assumptions(facts: Facts, links: Links) -> str:
    """How a model's memory need is computed, with the training memory's fact (linked to its source) and the headroom named as what it is."""
    sizing = facts.decision.sizing
    if sizing is None:
        return ""
    precisions = ", ".join(f"{escape.markdown(item.label)} {number_text(item.bytes_per_parameter)}" for item in sizing.precisions)
    bullets = [copy_text(facts, CopyKey.SIZING_FORMULA), copy_text(facts, CopyKey.SIZING_SERVING, precisions=precisions)]
    if sizing.training is not None:
        training = sizing.training
        bullets.append(
            copy_text(
                facts,
                CopyKey.SIZING_TRAINING,
                workloads=" or ".join(escape.markdown(value) for value in training.values),
                bytes=fact_link(training.bytes_per_parameter, links),
                label=escape.markdown(training.label),
            )
        )
    bullets.append(copy_text(facts, CopyKey.SIZING_HEADROOM, percent=number_text(sizing.headroom_percent), note=escape.markdown(sizing.headroom_note)))
    bullets.append(copy_text(facts, CopyKey.SIZING_FITS))
    return "\n".join(f"- {bullet}" for bullet in bullets)


def timeline_table(facts: Facts, links: Links) -> str:
    """Every dated milestone (the facts whose unit is a year), oldest first, each with its source."""
    dated = sorted((fact for fact in facts.facts.values() if fact.unit == "year"), key=lambda fact: (fact.value, fact.id))
    rows = [
        (fact_link(fact, links, fact.formatted), escape.markdown(fact.label), source_link(fact.source) if fact.source else "—")
        for fact in dated
    ]
    return markdown_table(copy_columns(facts, CopyKey.TIMELINE_COLUMNS), rows)


def glossary_table(facts: Facts) -> str:
    return markdown_table(
        copy_columns(facts, CopyKey.GLOSSARY_COLUMNS),
        ((f"**{escape.markdown(term)}**", escape.markdown(definition)) for term, definition in sorted(facts.glossary.items())),
    )


@per_object
def abbreviations(facts: Facts) -> str:
    """Markdown abbreviation definitions: Material shows each as a tooltip wherever the term appears (every page
    appends them: made once per facts)."""
    return "\n".join(f"*[{term}]: {' '.join(definition.split())}" for term, definition in facts.glossary.items())
