"""The forms' templates: how their lines join, that they escape what they show, and that the sentences the page
scripts ask for are the ones the forms carry (and no form carries a sentence no script asks for)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import jinja2
import pytest

from chipwise.guide.model import Facts
from chipwise.render import calculator_form, helper_form, layout
from chipwise.render import practice as render_practice
from chipwise.render.fact_tables import Links
from chipwise.study import practice
from tests.support import ROOT, nonempty

TEMPLATES = ROOT / "src" / "chipwise" / "templates"
SCRIPTS = ROOT / "docs" / "javascripts"


def _render_source(tmp_path: Path, source: str, **data: object) -> str:
    """A template written for the test, rendered with the package's environment's rules."""
    loader = jinja2.FileSystemLoader(tmp_path)
    (tmp_path / "t.html").write_text(source, encoding="utf-8")
    return layout.join_lines(layout.environment().overlay(loader=loader).get_template("t.html").render(**data))


def test_lines_join_into_one_and_an_empty_line_is_a_line_break() -> None:
    assert layout.join_lines("<p>\n  <b>a</b> b\n</p>\n\n<p>c</p>") == "<p><b>a</b> b</p>\n<p>c</p>"


def test_a_name_the_template_does_not_get_fails_the_render(tmp_path: Path) -> None:
    with pytest.raises(jinja2.UndefinedError):
        _render_source(tmp_path, "<p>{{ missing }}</p>")


def test_the_filters_are_the_escaping_policys(tmp_path: Path) -> None:
    shown = _render_source(tmp_path, '<p title="{{ text|attribute }}">{{ text|html_text }}</p>', text='<b>"x"</b> & `y`')
    assert shown == '<p title="&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#96;y&#96;">&lt;b&gt;"x"&lt;/b&gt; &amp; `y`</p>'


def test_a_page_copy_sentence_is_filled_with_its_words_escaped_and_its_values_as_given(tmp_path: Path) -> None:
    shown = _render_source(tmp_path, "<p>{{ sentence|filled(name=value) }}</p>", sentence="a <b> & {name}.", value="<code>x</code>")
    assert shown == "<p>a &lt;b&gt; &amp; <code>x</code>.</p>"


def test_a_facts_file_label_reaches_the_helper_form_escaped(facts: Facts) -> None:
    first = facts.decision.inputs[0]
    hostile = dataclasses.replace(first, question="<script>alert(1)</script>")
    changed = dataclasses.replace(facts, decision=dataclasses.replace(facts.decision, inputs=(hostile, *facts.decision.inputs[1:])))
    form = helper_form.decision_helper(changed, Links())
    assert "<legend>&lt;script&gt;alert(1)&lt;/script&gt;</legend>" in form and "<script>" not in form


def _camel(name: str) -> str:
    """A data- attribute's name as the script reads it from dataset: 'not-used' -> 'notUsed'."""
    head, *rest = name.split("-")
    return head + "".join(part.capitalize() for part in rest)


def _form_attributes(form_html: str, form_class: str) -> dict[str, str]:
    """The data- attributes of the form's opening tag, by the name the script reads them under."""
    tag = re.search(rf'<form class="{form_class}"[^>]*>', form_html)
    assert tag is not None
    return {_camel(name): value for name, value in re.findall(r' data-([a-z-]+)="([^"]*)"', tag.group(0))}


def _sentences_declared(template: str) -> set[str]:
    """The names of the sentences a template's `{% set sentences = {...} %}` declares, as the script reads them
    (each written there, or taken from the facts file's page copy, `copy`)."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    return {_camel(name) for name in re.findall(r'^\s*"([a-z-]+)": (?:"|copy\.)', text, re.MULTILINE)}


def _sentences_asked(script: str) -> set[str]:
    """The names a page script passes to its say(...): each quoted name before the first value or parenthesis."""
    text = (SCRIPTS / script).read_text(encoding="utf-8")
    return {name for call in re.findall(r"\bsay\(([^{)]*)", text) for name in re.findall(r'"([A-Za-z]+)"', call)}


def test_the_helper_script_asks_for_exactly_the_sentences_its_form_carries(facts: Facts) -> None:
    declared = _sentences_declared("decision_helper.html")
    assert set(nonempty(declared)) <= set(_form_attributes(helper_form.decision_helper(facts, Links()), "chipwise-helper"))
    assert _sentences_asked("helper.js") == declared


def test_the_practice_script_asks_for_exactly_the_sentences_its_form_carries(facts: Facts) -> None:
    declared = _sentences_declared("practice_mode.html")
    form = render_practice.practice_mode(practice.all_questions(facts), facts, Links())
    assert set(nonempty(declared)) <= set(_form_attributes(form, "chipwise-practice"))
    assert _sentences_asked("practice.js") == declared


def test_the_calculator_script_reads_every_sentence_its_forms_carry(facts: Facts) -> None:
    script = (SCRIPTS / "calculator.js").read_text(encoding="utf-8")
    read = set(re.findall(r"\b(?:data|copy|form\.dataset)\.([a-zA-Z]+)", script))
    for form_html, form_class in [
        (calculator_form.cost_calculator(facts, Links()), "chipwise-deployment-cost"),
        (calculator_form.exam_note_calculator(facts, Links()), "chipwise-calculator"),
    ]:
        sentences = [name for name, value in _form_attributes(form_html, form_class).items() if " " in value or "{" in value]
        missing = set(nonempty(sentences)) - read
        assert not missing, (form_class, missing)


def test_every_template_is_laid_out_by_a_render_module() -> None:
    render = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "src" / "chipwise" / "render").glob("*.py"))
    templates = "\n".join(path.read_text(encoding="utf-8") for path in TEMPLATES.glob("*.html"))
    for path in nonempty(sorted(TEMPLATES.glob("*.html"))):
        assert f'"{path.name}"' in render or f'"{path.name}"' in templates, path.name
