"""A page's description (front matter) is rendered as Jinja renders it: descriptions made only of text and plain
calls of chipwise's macros are rendered without compiling a template, with the same text."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import Environment, StrictUndefined

from chipwise.guide.model import Facts
from chipwise.site.macros import MACRO_NAMES, SiteMacros, _render_description
from tests.support import ROOT

DESCRIPTIONS = {
    "plain call": "For the {{ exam_code() }} exam.",
    "two calls": "{{exam_name()}} ({{ exam_code() }})",
    "no call": "Nothing to render {{ '' }}here.",
    "a call with arguments": "It is {{ fact('inf2.chips_max') }}.",
    "a filter": "{{ exam_code() | lower }}",
    "a statement": "{% if true %}{{ exam_code() }}{% endif %}",
    "a comment": "{# note #}{{ exam_code() }}",
    "a trailing newline": "For the {{ exam_code() }} exam.\n",
    "a closing marker alone": "a }} b {{ exam_code() }}",
    "whitespace control": "{{- exam_code() -}} exam",
    "an unknown name": "{{ not_a_macro() }}",
}


def _env(facts: Facts, jinja: Environment) -> Any:
    conf = {"extra": {"chipwise_own_site": True}, "site_url": "https://example.org/chipwise/"}
    env = SimpleNamespace(conf=conf, page=None, project_dir=str(ROOT), env=jinja, variables={"not_a_macro": lambda: "other"})
    macros = SiteMacros(env, facts)
    jinja.globals.update({name: getattr(macros, name) for name in MACRO_NAMES})  # where mkdocs-macros puts them
    return env


@pytest.mark.parametrize("description", DESCRIPTIONS.values(), ids=DESCRIPTIONS.keys())
def test_a_description_renders_as_jinja_renders_it(facts: Facts, description: str) -> None:
    env = _env(facts, Environment(undefined=StrictUndefined))
    assert _render_description(env, description) == env.env.from_string(description).render(**env.variables)


def test_other_markers_are_left_to_jinja(facts: Facts) -> None:
    """mkdocs-macros lets a site move Jinja's markers (j2_variable_start_string ...): then `{{ ... }}` is text."""
    env = _env(facts, Environment(undefined=StrictUndefined, variable_start_string="[[", variable_end_string="]]"))
    description = "{{ exam_code() }} and [[ exam_code() ]]"
    assert _render_description(env, description) == env.env.from_string(description).render(**env.variables) == f"{{{{ exam_code() }}}} and {facts.meta.exam}"


def test_the_site_s_descriptions_compile_no_template(facts: Facts) -> None:
    """Every description on chipwise's pages is text and plain calls: none costs a template."""

    class NoTemplates(Environment):
        def from_string(self, *_: Any, **__: Any) -> Any:
            raise AssertionError("compiled a template")

    env = _env(facts, NoTemplates(undefined=StrictUndefined))
    descriptions = [line.removeprefix("description:").strip() for page in sorted((ROOT / "docs").rglob("*.md"))
                    for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("description:") and "{{" in line]
    assert descriptions
    for description in descriptions:
        assert facts.meta.exam in _render_description(env, description) or facts.meta.exam_name in _render_description(env, description)
