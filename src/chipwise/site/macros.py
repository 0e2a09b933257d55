"""mkdocs-macros glue: registers chipwise's tested render functions as macros, and nothing more.

Use it in any MkDocs site with the macros plugin:

    plugins:
      - macros:
          modules: [chipwise.site.macros]

Macros for any guide:
    fact(id)                 the value with its qualifier, e.g. "up to 70%", linked to its source
    claim(id)                the whole claim: qualifier, value, what it measures and its baseline
    key_numbers()            the numbers to know for the exam, as a table
    comparison_table()       Inferentia against Trainium
    family_table(*ids)       specs of instance families side by side (all when none are named)
    decision_table()         each table of the decision graph, every rule with its reasons
    decision_flowchart()     one flowchart per table, as inline SVG with its own styles
    recommend(workload=..., model=..., requests=...)   the engine's answer with its reasons
    facts_version(), verified_date()
The rest (quiz(), decision_helper(), cost_calculator(), fact_checks(), ...) build chipwise's own pages.

Links: in another guide each number links to its own source (AWS's page); with
`extra: {chipwise_site_url: https://.../}` numbers link to the published chipwise site instead. chipwise's
own site sets `extra: {chipwise_own_site: true}`, so numbers link to its sources page.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec

from mkdocs.exceptions import PluginError

from chipwise import disk_cache
from chipwise.decision.engine import decide
from chipwise.decision.model import DecisionTable
from chipwise.errors import FactsError
from chipwise.exports import site_files
from chipwise.facts.benchmarks import Benchmarks
from chipwise.facts.model import fill
from chipwise.guide.contract import CopyKey, all_kind_words, chart_words
from chipwise.guide.freshness import build_day
from chipwise.guide.load import content_digest, load_facts
from chipwise.guide.model import Facts
from chipwise.render import benchmarks, calculator_form, code_samples, escape, fact_tables, helper_form
from chipwise.render.changes import changes_page
from chipwise.site import measurements

# Outside the "mkdocs" loggers: while serving a broken file, its problems are printed without counting as
# one of the build's own errors (which, with `strict`, would stop the build that shows them on every page).
log = logging.getLogger("chipwise.site")

SITE_URL_SETTING = "chipwise_site_url"
OWN_SITE_SETTING = "chipwise_own_site"


def load_for_build() -> Facts:
    """The facts, or a build error carrying every located problem (the same lines as `chipwise check`)."""
    try:
        return load_facts(for_site=True)
    except FactsError as error:
        raise PluginError(f"chipwise: the facts file has problems:\n{error.report()}") from None


@dataclass
class _Build:
    """The build in progress: its configuration (a new object for every build, `mkdocs serve`'s rebuilds
    included), its facts, or the report of why they could not be read."""

    conf: Any = None
    facts: Facts | None = None
    problems: str = ""
    failures: int = 0
    serving: bool = False


_build = _Build()


def serving(yes: bool) -> None:
    """`mkdocs serve` (hooks.on_startup): a broken facts file then builds pages that say so, instead of
    stopping the build and leaving the browser on the last good page."""
    _build.serving = yes


def facts_for_build(conf: Any) -> Facts | None:
    """The facts of the build whose configuration is `conf`, read once and shared by the macros and hooks.

    A broken file stops the build (`mkdocs build`), or, while serving, gives None and `build_problems()`.
    Each failed build's message is distinct (it counts the failures): MkDocs' log filter drops a message
    it has printed before, so a second save with the same mistake would otherwise print nothing."""
    if _build.conf is conf:
        if _build.facts is None and not _build.serving:
            raise PluginError(_build.problems)
        return _build.facts
    _build.conf, _build.facts, _build.problems = conf, None, ""
    disk_cache.use(Path(conf["config_file_path"]).parent / ".cache" / "chipwise" if conf.get("config_file_path") else None)
    try:
        _build.facts = load_for_build()
    except PluginError as error:
        _build.failures += 1
        again = f" (failed build {_build.failures} of this process)" if _build.failures > 1 else ""
        _build.problems = str(error).replace("chipwise: the facts file has problems:", f"chipwise: the facts file has problems{again}:", 1)
        if not _build.serving:
            raise PluginError(_build.problems) from None
        log.error(_build.problems)
    return _build.facts


def build_problems(conf: Any) -> str:
    """Why this build (while serving) has no facts; empty when it has them."""
    return _build.problems if _build.conf is conf else ""


def _source_path(page: Any) -> str:
    """The page's Markdown path relative to docs/: MkDocs has page.file.src_uri, Zensical page.path."""
    file = getattr(page, "file", None)
    return str(file.src_uri if file is not None else page.path)


Arguments = ParamSpec("Arguments")
_MACROS = "macros"
"""The disk cache's name for macros' text, keyed by the facts' content, the macro, its arguments and the page's links."""


def _kept_on_disk(method: Callable[Concatenate[SiteMacros, Arguments], str]) -> Callable[Concatenate[SiteMacros, Arguments], str]:
    """A macro whose text depends only on the facts, its arguments and the page's links: a site build keeps it on
    disk, so a build whose facts file, rows file, changes file and chipwise are unchanged renders nothing again."""

    @functools.wraps(method)
    def kept(self: SiteMacros, /, *args: Arguments.args, **kwargs: Arguments.kwargs) -> str:
        digest = content_digest(self.facts)
        if digest is None:
            return method(self, *args, **kwargs)
        key = f"{digest}\0{method.__name__}\0{args!r}\0{sorted(kwargs.items())!r}\0{self.links()!r}"
        return disk_cache.remembered_text(_MACROS, key, lambda: method(self, *args, **kwargs))

    return kept


class SiteMacros:
    """The macros, bound to one build's facts and to the page being rendered."""

    def __init__(self, env: Any, facts: Facts) -> None:
        self.env = env
        self.facts = facts

    def exam_code(self) -> str:
        """The exam the site prepares for, as the facts file names it (meta.exam): 'AIF-C01'."""
        return escape.markdown(self.facts.meta.exam)

    def exam_name(self) -> str:
        """The exam's full name (meta.exam_name)."""
        return escape.markdown(self.facts.meta.exam_name)

    def links(self) -> fact_tables.Links:
        extra = self.env.conf.get("extra") or {}
        absolute = extra.get(SITE_URL_SETTING, "")
        to_sources = not extra.get(OWN_SITE_SETTING, False)
        page = self.env.page
        if page is None:
            return fact_tables.Links(absolute_base=absolute, to_sources=to_sources)
        return fact_tables.Links(
            prefix="../" * _source_path(page).count("/"),
            url_prefix="../" * page.url.count("/"),
            absolute_base=absolute,
            to_sources=to_sources,
        )

    def fact(self, fact_id: str) -> str:
        """The value with its qualifier ('up to 70%'), linked to its source entry."""
        return fact_tables.fact_link(self.facts.fact(fact_id), self.links())

    def claim(self, fact_id: str) -> str:
        """The whole claim: qualifier, value, what it measures and its baseline."""
        return fact_tables.fact_phrase(self.facts.fact(fact_id), self.links())

    @_kept_on_disk
    def key_numbers(self) -> str:
        return fact_tables.key_numbers_table(self.facts, self.links())

    @_kept_on_disk
    def comparison_table(self) -> str:
        return fact_tables.comparison_table(self.facts, self.links())

    @_kept_on_disk
    def family_table(self, *family_ids: str) -> str:
        return fact_tables.family_table(self.facts, family_ids or tuple(self.facts.families), self.links())

    @_kept_on_disk
    def decision_table(self) -> str:
        return fact_tables.decision_table(self.facts, self.links())

    @_kept_on_disk
    def decision_inputs(self) -> str:
        return fact_tables.decision_inputs(self.facts)

    def decision_flowchart(self) -> str:
        """One flowchart per table of the decision graph, in the order they decide (laying out the trees is the
        costliest macro: a site build keeps the result on disk by the facts' content and the rules' links)."""
        links = self.links()
        hrefs = {rule.id: links.rule_url(rule) for rule in self.facts.decision.rules}
        digest = content_digest(self.facts)
        if digest is None:
            return self._flowcharts(hrefs)
        return disk_cache.remembered_text("flowcharts", f"{digest}\0{sorted(hrefs.items())}", lambda: self._flowcharts(hrefs))

    def _flowcharts(self, hrefs: dict[str, str]) -> str:
        from chipwise.render import flowchart

        # One raw HTML block: Markdown would read text after a first closing tag on the same line as Markdown.
        figures = "".join(
            f'<div class="chipwise-flow-figure"><div class="chipwise-flow-step"><strong>{index}. {escape.html_text(table.question)}</strong></div>'
            f"{flowchart.flowchart_svg(table, hrefs, self._flowchart_title(table))}{flowchart.flowchart_outline(table, hrefs)}</div>"
            for index, table in enumerate(self.facts.decision.tables, start=1)
        )
        cue = f'<div class="chipwise-flow-cue">{escape.html_text(self.facts.page_copy[CopyKey.FLOWCHART_CUE])}</div>'
        return f'<div class="chipwise-flow-figures">{cue}{figures}</div>'

    def _flowchart_title(self, table: DecisionTable) -> str:
        return fill(self.facts.page_copy[CopyKey.FLOWCHART_TITLE], question=table.question, table=table.id)

    def recommend(self, **inputs: str) -> str:
        """The decision for these inputs (one left out takes its default): the recommendation, then each table's reasons."""
        decision = decide(self.facts.decision, **inputs)
        reasons = " ".join(text for step in decision.steps for text in fact_tables.reasons_markdown(step.rule, self.facts, self.links()))
        return f"**{escape.markdown(decision.title)}**: {reasons}"

    @_kept_on_disk
    def fact_checks(self, *check_ids: str) -> str:
        return fact_tables.fact_checks(self.facts, self.links(), check_ids or None)

    @_kept_on_disk
    def study_note(self) -> str:
        return fact_tables.study_note_table(self.facts, self.links())

    def fact_entries(self) -> str:
        return self._fact_entries(build_day().isoformat())

    @_kept_on_disk
    def _fact_entries(self, day: str) -> str:
        return fact_tables.fact_entries(self.facts, datetime.date.fromisoformat(day))

    @_kept_on_disk
    def changes(self) -> str:
        return changes_page(self.facts, self.links())

    def freshness(self) -> str:
        """The oldest comparison with a source, and how many facts are due for another look."""
        return self._freshness(build_day().isoformat())

    @_kept_on_disk
    def _freshness(self, day: str) -> str:
        return fact_tables.freshness_summary(self.facts, datetime.date.fromisoformat(day))

    @_kept_on_disk
    def size_table(self, *family_ids: str) -> str:
        """Every size of these families (all families by default), with its source row."""
        return fact_tables.size_table(self.facts, family_ids or tuple(self.facts.families), self.links())

    @_kept_on_disk
    def sizing_assumptions(self) -> str:
        """How the model's memory need is computed, and the headroom assumption."""
        return fact_tables.sizing_assumptions(self.facts, self.links())

    @_kept_on_disk
    def timeline(self) -> str:
        """The generations in the order the Neuron SDK (or AWS) dates them."""
        return fact_tables.timeline_table(self.facts, self.links())

    @_kept_on_disk
    def timeline_chart(self) -> str:
        """The generations on a line of years (the timeline() table beside it holds the figures and sources)."""
        from chipwise.render import charts

        return charts.figure(charts.timeline_chart(self.facts), chart_words(self.facts.page_copy))

    @_kept_on_disk
    def sizing_chart(self, *family_ids: str) -> str:
        """The largest model each size of these families (all by default) holds, to serve and to train."""
        from chipwise.render import charts

        chart = charts.sizing_chart(self.facts, family_ids or tuple(self.facts.families))
        return "" if chart is None else charts.figure(chart, chart_words(self.facts.page_copy))

    @_kept_on_disk
    def source_list(self) -> str:
        return fact_tables.source_list(self.facts)

    @_kept_on_disk
    def exam_rule(self) -> str:
        return fact_tables.exam_rule_table(self.facts)

    def memory_trick(self) -> str:
        return fact_tables.memory_trick(self.facts)

    @_kept_on_disk
    def when_to_use_inferentia(self) -> str:
        return fact_tables.when_to_use_inferentia(self.facts, self.links())

    @_kept_on_disk
    def exam_mapping(self) -> str:
        return fact_tables.exam_mapping_table(self.facts, self.links())

    @_kept_on_disk
    def exam_numbers(self) -> str:
        return fact_tables.exam_numbers_table(self.facts, self.links())

    @_kept_on_disk
    def exam_note_claims(self) -> str:
        """Each number exam notes use, with AWS's exact claim beside it and the verdict (the cheat sheet)."""
        from chipwise.render import cheat_sheet

        return cheat_sheet.note_claims_table(self.facts, self.links())

    @_kept_on_disk
    def exam_mapping_cards(self) -> str:
        """Where each topic sits in the exam, as a table whose rows read as cards on a phone (the cheat sheet)."""
        from chipwise.render import cheat_sheet

        return cheat_sheet.exam_mapping_cards(self.facts, self.links())

    @_kept_on_disk
    def worked_example(self) -> str:
        return fact_tables.worked_example(self.facts, self.links())

    @_kept_on_disk
    def glossary(self) -> str:
        return fact_tables.glossary_table(self.facts)

    @_kept_on_disk
    def quiz(self, topic: str) -> str:
        """One topic's practice questions, each with its answer and each option's explanation."""
        from chipwise.render.practice import questions_page
        from chipwise.study import practice

        chosen = [question for question in practice.all_questions(self.facts) if question.topic.value == topic]
        return questions_page(chosen, self.facts, self.links())

    @_kept_on_disk
    def question_pages(self) -> str:
        """The topic pages that list the practice questions, with how many each holds."""
        from chipwise.render.practice import question_pages
        from chipwise.study import practice

        return question_pages(practice.all_questions(self.facts), self.facts, self.links())

    @_kept_on_disk
    def question_count(self) -> str:
        from chipwise.study import practice

        return str(len(practice.all_questions(self.facts)))

    @_kept_on_disk
    def practice_mode(self) -> str:
        """The practice mode's controls (practice.js shows them)."""
        from chipwise.render.practice import practice_mode
        from chipwise.study import practice

        return practice_mode(practice.all_questions(self.facts), self.facts, self.links())

    @_kept_on_disk
    def practice_coverage(self) -> str:
        """Which questions ask about each rule, fact check and exam-scoped fact."""
        from chipwise.render.practice import coverage_table
        from chipwise.study import practice

        questions = practice.all_questions(self.facts)
        return coverage_table(practice.coverage(self.facts, questions), questions, self.facts, self.links())

    @_kept_on_disk
    def flashcard_count(self) -> str:
        return str(site_files.deck_size(self.facts))

    @_kept_on_disk
    def decision_helper(self) -> str:
        return helper_form.decision_helper(self.facts, self.links())

    @_kept_on_disk
    def cost_calculator(self) -> str:
        """The calculator on AWS's published rows: instances, monthly cost and cost per 1M for your traffic."""
        return calculator_form.cost_calculator(self.facts, self.links())

    @_kept_on_disk
    def exam_note_calculator(self) -> str:
        """The exam note's simplification: the GPU bill less the note's percentage."""
        return calculator_form.exam_note_calculator(self.facts, self.links())

    @_kept_on_disk
    def benchmark_table(self, family: str) -> str:
        """One instance family's published rows; each row's anchor is row-<id>."""
        return benchmarks.table(self._benchmarks(), family, self.facts.page_copy)

    @_kept_on_disk
    def benchmark_training_table(self) -> str:
        """AWS's Trn1 training rows, apart from the inference rows (their throughput counts training sequences)."""
        return benchmarks.training_table(self._benchmarks(), self.facts.page_copy)

    @_kept_on_disk
    def benchmark_superseded(self) -> str:
        """How many rows the import dropped as measured again in a file an AWS page showed."""
        return benchmarks.superseded_note(self._benchmarks(), self.facts.page_copy)

    @_kept_on_disk
    def benchmark_filters(self) -> str:
        """The best rows and the filters, with the first kind's cost chart beside them (the page's first screen)."""
        from chipwise.render import charts

        leading = charts.leading_figure(self._benchmarks(), all_kind_words(self.facts.page_copy))
        return benchmarks.filters(self._benchmarks(), self.facts.page_copy, beside=leading)

    @_kept_on_disk
    def benchmark_sources(self) -> str:
        return benchmarks.sources(self._benchmarks(), self.facts.page_copy[CopyKey.PRICE_CAVEAT], self.facts.page_copy, self._archive_url())

    @_kept_on_disk
    def benchmark_status(self) -> str:
        """AWS's statement that its benchmark pages are archived, with the page's date and source."""
        self._benchmarks()
        status = benchmarks.archived_status_facts(self.facts)
        if status is None:
            raise PluginError(
                "chipwise: the benchmark rows are shown with what AWS says of its benchmark pages; the facts file lacks neuron.benchmarks_archived"
            )
        archived, dated = status
        return benchmarks.archived_status(archived, dated, self.links().fact_url(archived), self.facts.page_copy)

    def _archive_url(self) -> str | None:
        status = benchmarks.archived_status_facts(self.facts)
        source = status[0].source if status else None
        return source.url if source else None

    @_kept_on_disk
    def benchmark_charts(self) -> str:
        """For each kind of row: each model's lowest cost per million, and throughput against latency."""
        from chipwise.render import charts

        # leading_shown: the first cost chart stands with the best rows
        return charts.benchmark_figures(self._benchmarks(), all_kind_words(self.facts.page_copy), True)

    @_kept_on_disk
    def benchmark_formulas(self) -> str:
        return benchmarks.formulas()

    @_kept_on_disk
    def benchmark_units(self) -> str:
        return benchmarks.units_note(self.facts.page_copy)

    def benchmark_count(self, family: str = "") -> str:
        rows = self._benchmarks().rows.values()
        return str(sum(1 for row in rows if not family or row.family == family))

    def _benchmarks(self) -> Benchmarks:
        if self.facts.benchmarks is None:
            raise PluginError("chipwise: this page shows benchmark rows, but the facts file names no benchmarks file (benchmarks: ...)")
        return self.facts.benchmarks

    def page_script(self, name: str) -> str:
        """A script from docs/javascripts/ for this page only (other pages load no extra JavaScript)."""
        return f'<script src="{self.links().url_prefix}javascripts/{name}" defer></script>'

    def iframe_snippet(self, embed_path: str) -> str:
        """A copy-paste <iframe> for one embed, with this site's address, shown as a code block."""
        return code_samples.code_block("text", code_samples.iframe_html(self.site_address() + embed_path))

    @_kept_on_disk
    def mermaid_snippet(self) -> str:
        from chipwise.render import flowchart
        return code_samples.code_block("mermaid", flowchart.mermaid_source(self.facts.decision, self.facts.page_copy[CopyKey.FLOWCHART_MERMAID_TITLE]))

    def site_address(self) -> str:
        return str(self.env.conf.get("site_url") or "")

    def lighthouse_scores(self) -> str:
        """The latest Lighthouse run of this site (measurements/results/lighthouse.json)."""
        return measurements.lighthouse_table(measurements.read_results(self._results("lighthouse.json")))

    def decision_scale(self) -> str:
        """The latest decision-table and check scaling run (measurements/results/decision_scale.json)."""
        return measurements.decision_scale_table(measurements.read_results(self._results("decision_scale.json")))

    def build_speed(self) -> str:
        """The latest build-speed run (measurements/results/build_speed.json)."""
        return measurements.build_speed_table(measurements.read_results(self._results("build_speed.json")))

    def _results(self, name: str) -> Path:
        return Path(self.env.project_dir) / "measurements" / "results" / name

    def facts_version(self) -> str:
        return self.facts.meta.version

    def verified_date(self) -> str:
        return self.facts.verified.isoformat()


MACRO_NAMES = [name for name in vars(SiteMacros) if not name.startswith("_") and name not in ("links",)]


_CHECKED_PAGES = "checked-pages"
"""The disk cache's name for pages found to cite only what the facts have, keyed by the facts' content and the pages'."""


def check_pages(facts: Facts, docs_dir: Path, *, own_site: bool) -> None:
    """Stop the build, with every located problem, when a page's macro call names what the facts lack.

    Another guide (not chipwise's own site) may define macros of its own: only chipwise's are checked. A site
    build remembers pages that passed, by their content and the facts', and checks them again when either changes."""
    digest = content_digest(facts)
    key = f"{digest}\0{_pages_digest(docs_dir)}\0{own_site}"
    if digest is not None and disk_cache.load(_CHECKED_PAGES, key) is True:
        return
    from chipwise.page_references import docs_problems  # imported here: a build whose pages passed needs none of it

    problems = docs_problems(facts, docs_dir, other_macros=not own_site)
    if problems:
        raise PluginError(f"chipwise: pages cite what the facts file does not have:\n{FactsError(problems).report()}")
    if digest is not None:
        disk_cache.store(_CHECKED_PAGES, key, True)


def _pages_digest(docs_dir: Path) -> str:
    """The pages check_pages reads (every Markdown file under docs_dir, by its place and bytes), as one digest."""
    digest = hashlib.sha256()
    for page in sorted(docs_dir.rglob("*.md")):
        digest.update(page.relative_to(docs_dir).as_posix().encode() + b"\0" + page.read_bytes() + b"\0")
    return digest.hexdigest()


def define_env(env: Any) -> None:
    """mkdocs-macros entry point: load the facts once for this build and register the macros."""
    facts = facts_for_build(env.conf)
    if facts is None:
        return  # serving a broken file: hooks.on_page_markdown shows its problems on every page
    check_pages(facts, Path(env.conf["docs_dir"]), own_site=bool((env.conf.get("extra") or {}).get(OWN_SITE_SETTING, False)))
    macros = SiteMacros(env, facts)
    for name in MACRO_NAMES:
        env.macro(getattr(macros, name), name)


def on_pre_page_macros(env: Any) -> None:
    """A page's description (front matter, which mkdocs-macros does not render) may call macros too, such as
    {{ exam_code() }}: Material writes it into the page's meta description."""
    description = env.page.meta.get("description") if env.page is not None else None
    if facts_for_build(env.conf) is None:
        return  # serving a broken file: the macros are not registered, and the page shows the problems
    if isinstance(description, str) and "{{" in description:
        env.page.meta["description"] = _render_description(env, description)


_PLAIN_CALL = re.compile(r"\{\{ *([a-z_]+)\(\) *\}\}")
"""A macro called with no arguments, as descriptions do: `{{ exam_code() }}`."""


def _render_description(env: Any, description: str) -> str:
    """The description rendered by the page's Jinja environment. One made only of text and plain calls of
    chipwise's macros is rendered by calling them, as Jinja would: compiling a template for each such
    description cost a build more than all of its macros."""
    jinja = env.env
    plain = (
        (jinja.variable_start_string, jinja.variable_end_string, jinja.block_start_string, jinja.comment_start_string) == ("{{", "}}", "{%", "{#")
        and jinja.line_statement_prefix is None and jinja.line_comment_prefix is None
        and jinja.finalize is None and not jinja.autoescape and not description.endswith("\n")
    )
    rest = _PLAIN_CALL.sub("", description)
    ours = all(name in MACRO_NAMES and callable(_named(env, name)) for name in _PLAIN_CALL.findall(description))
    if not plain or not ours or any(marker in rest for marker in ("{{", "}}", "{%", "{#")):
        return str(jinja.from_string(description).render(**env.variables))
    return _PLAIN_CALL.sub(lambda call: str(_named(env, call.group(1))()), description)


def _named(env: Any, name: str) -> Any:
    """What `name` means in the template above: a page variable, else a global (mkdocs-macros puts the macros
    among the Jinja environment's globals, not the variables)."""
    return env.variables[name] if name in env.variables else env.env.globals.get(name)


def on_post_page_macros(env: Any) -> None:
    """Append the glossary as abbreviations, so each term gets a tooltip wherever it appears.

    A page opts out with `glossary_tooltips: false` in its front matter (the long sources page does:
    its hundreds of terms would cost the reader's browser more than they help).
    """
    if env.page is not None and env.page.meta.get("glossary_tooltips", True) is False:
        return
    if not any(str(extension).split(".")[-1] == "abbr" for extension in env.conf.get("markdown_extensions") or []):
        return
    facts = facts_for_build(env.conf)
    if facts is not None:
        env.markdown += "\n\n" + fact_tables.abbreviations(facts) + "\n"
