"""Reading YAML: the libyaml fast path and the checked Python path give the same facts."""

from __future__ import annotations

from pathlib import Path

import pytest

import chipwise
from chipwise.exports import json_api
from chipwise.facts import yaml_nodes
from chipwise.guide.load import _load_uncached
from chipwise.guide.model import Facts
from tests.support import BROKEN, FACTS_FILE


def load_uncached(path: Path) -> Facts:
    return _load_uncached(path, str(path), path.read_bytes(), for_site=True)


def test_fast_and_checked_paths_read_the_same_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = json_api.facts_json(load_uncached(FACTS_FILE))
    monkeypatch.setattr(yaml_nodes, "_compose_fast", lambda text: None)
    checked = json_api.facts_json(load_uncached(FACTS_FILE))
    assert fast == checked


@pytest.mark.parametrize("name", ["duplicate-key", "python-tag", "unquoted-yes-key", "yaml-syntax-error", "alias-bomb", "deep-nesting"])
def test_broken_files_give_the_same_problems_on_both_paths(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    def problems() -> list[str]:
        with pytest.raises(chipwise.FactsError) as caught:
            load_uncached(BROKEN / f"{name}.yml")
        return [str(problem) for problem in caught.value.problems]

    fast = problems()
    monkeypatch.setattr(yaml_nodes, "_compose_fast", lambda text: None)
    assert problems() == fast


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: &x [1]\nb: *x\n", "a: &x {k: 1}\nb: [*x, *x]\n", "a: (e.g. *7g)\nb: &x 1\nc: *x\n"])
def test_a_tree_with_an_alias_takes_the_checked_path(text: str) -> None:
    assert yaml_nodes._compose_fast(text) is None


@pytest.mark.parametrize("text", ["a: 1\nb: text with a * star\n", "quote: Graviton3(E) (e.g. *7g instances)\n", "a: &x 1\n"])
def test_stars_in_text_and_unused_anchors_take_the_fast_path(text: str) -> None:
    assert yaml_nodes._compose_fast(text) is not None


def test_the_real_facts_file_takes_the_fast_path() -> None:
    """Its quotes hold stars ("*7g instances"), which once sent it to the Python loader, four times slower."""
    assert yaml_nodes._compose_fast(FACTS_FILE.read_text(encoding="utf-8")) is not None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("meta: " + "[" * 1000 + "]" * 1000 + "\n", ":1:70: (file): "),
        ("".join(" " * depth + "k:\n" for depth in range(1000)) + " " * 1000 + "k: 1\n", ":65:65: (file): "),
        ("meta: " + "{a: " * 1000 + "1" + "}" * 1000 + "\n", ":1:"),
    ],
    ids=["flow-lists", "block-mappings", "flow-mappings"],
)
def test_nesting_a_thousand_deep_is_refused_with_a_location_on_both_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, where: str) -> None:
    # Once a RecursionError from the composer (and from every recursive walk after it).
    path = tmp_path / "deep.yml"
    path.write_text(text, encoding="utf-8")
    for _ in range(2):
        with pytest.raises(chipwise.FactsError) as caught:
            load_uncached(path)
        [problem] = [str(problem) for problem in caught.value.problems]
        assert problem.startswith(f"{path}{where}") and problem.endswith("lists and mappings nest more than 64 deep here; a facts file needs far fewer levels")
        monkeypatch.setattr(yaml_nodes, "_compose_fast", lambda text: None)


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "deep.yml"
    path.write_text("meta: " + "[" * 63 + "]" * 63 + "\n", encoding="utf-8")
    with pytest.raises(chipwise.FactsError) as caught:
        load_uncached(path)
    assert "meta: expected a mapping, received a list" in str(caught.value)
