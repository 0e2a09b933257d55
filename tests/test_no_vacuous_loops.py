"""A test that asserts inside a loop checks nothing when the loop's collection is empty, and still passes.

Every such loop in tests/ (and every `assert all(...)` or `assert not any(...)` over a generator) runs over a
literal, a `range` of constants, `nonempty(...)` from tests.support, a name or expression asserted (or a name bound
to one of these) before the loop, or a fixture that returns `nonempty(...)`. A loop that may rightly run over
nothing says why on its line: `# may be empty: ...`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import ROOT, nonempty

TESTS = ROOT / "tests"
WRAPPERS = {"enumerate", "sorted", "list", "tuple", "reversed", "zip", "set"}
VIEWS = {"items", "values", "keys"}
MAY_BE_EMPTY = "# may be empty: "


def modules() -> list[Path]:
    return nonempty(sorted(path for path in TESTS.rglob("test_*.py") if "node_modules" not in path.parts))


def _is_fixture(function: ast.FunctionDef) -> bool:
    return any("fixture" in ast.unparse(decorator) for decorator in function.decorator_list)


def _returns_nonempty(function: ast.FunctionDef) -> bool:
    returns = [node.value for node in ast.walk(function) if isinstance(node, ast.Return) and node.value is not None]
    return bool(returns) and all(_is_nonempty_call(value) for value in returns)


def checked_fixtures() -> set[str]:
    """Fixtures, in any test module or conftest, whose every return is `nonempty(...)`."""
    paths = [*modules(), *TESTS.rglob("conftest.py")]
    functions = (node for path in paths for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.FunctionDef))
    return {function.name for function in functions if _is_fixture(function) and _returns_nonempty(function)}


class _Function:
    def __init__(self, function: ast.FunctionDef, fixtures: set[str], module: ast.Module, lines: list[str]) -> None:
        self.function = function
        self.fixtures = {argument.arg for argument in function.args.args} & fixtures
        self.module = module
        self.lines = lines
        self.asserted = [ast.dump(part) for node in ast.walk(function) if isinstance(node, ast.Assert) for part in _operands(node.test)]

    def guarded(self, name: str, before: int) -> bool:
        """The name is a checked fixture, bound to a non-empty value, or asserted before the line."""
        if name in self.fixtures:
            return True
        for node in self.module.body:
            if isinstance(node, ast.Assign) and any(isinstance(target, ast.Name) and target.id == name for target in node.targets):
                return (isinstance(node.value, (ast.Tuple, ast.List, ast.Set)) and bool(node.value.elts)) or _is_nonempty_call(node.value)
        for node in ast.walk(self.function):
            if getattr(node, "lineno", before) >= before:
                continue
            bound = isinstance(node, ast.Assign) and any(isinstance(target, ast.Name) and target.id == name for target in node.targets)
            if bound and self.safe(node.value, node.lineno):  # type: ignore[attr-defined]
                return True
            extended = isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name
            if extended and isinstance(node.value, (ast.Tuple, ast.List)) and node.value.elts:  # type: ignore[attr-defined]
                return True
            if isinstance(node, ast.Assert) and any(isinstance(part, ast.Name) and part.id == name for part in ast.walk(node.test)):
                return True
        return False

    def safe(self, iterable: ast.expr, line: int) -> bool:
        if ast.dump(iterable) in self.asserted:
            return True
        if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute) and iterable.func.attr in VIEWS and not iterable.args:
            return self.safe(iterable.func.value, line)
        if isinstance(iterable, (ast.Tuple, ast.List, ast.Set)):
            return bool(iterable.elts)
        if isinstance(iterable, ast.Name):
            return self.guarded(iterable.id, line)
        if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name):
            name, arguments = iterable.func.id, iterable.args
            if name == "nonempty":
                return True
            if name == "range":
                try:
                    return len(range(*(ast.literal_eval(argument) for argument in arguments))) > 0
                except ValueError:
                    return False
            return name in WRAPPERS and bool(arguments) and self.safe(arguments[0], line)
        return False

    def vacuous(self) -> Iterator[tuple[str, ast.expr]]:
        """Each loop or generator that could run over nothing: its description and its collection."""
        for node in ast.walk(self.function):
            if isinstance(node, (ast.For, ast.Assert)) and MAY_BE_EMPTY in self.lines[node.lineno - 1]:
                continue
            if isinstance(node, ast.For) and any(isinstance(inner, ast.Assert) for inner in ast.walk(node)) and not self.safe(node.iter, node.lineno):
                yield f"{node.lineno}: for {ast.unparse(node.target)} in {ast.unparse(node.iter)}", node.iter
            if isinstance(node, ast.Assert):
                yield from self._vacuous_generators(node)

    def _vacuous_generators(self, node: ast.Assert) -> Iterator[tuple[str, ast.expr]]:
        negated = {id(part.operand) for part in ast.walk(node.test) if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not)}
        for call in ast.walk(node.test):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.args and isinstance(call.args[0], ast.GeneratorExp)):
                continue
            if call.func.id == "all" or (call.func.id == "any" and id(call) in negated):
                for generator in call.args[0].generators:
                    if not self.safe(generator.iter, node.lineno):
                        yield f"{node.lineno}: {call.func.id}(... for {ast.unparse(generator.target)} in {ast.unparse(generator.iter)})", generator.iter


def _operands(test: ast.expr) -> list[ast.expr]:
    """The parts an assert insists on: the test itself, or each operand of an `and`."""
    return [test, *test.values] if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]


def _is_nonempty_call(value: ast.expr) -> bool:
    return isinstance(value, ast.Call) and ast.unparse(value.func) == "nonempty"


def vacuous_collections(path: Path, fixtures: set[str]) -> list[tuple[str, ast.expr]]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name.startswith("test")]
    return [finding for function in functions for finding in _Function(function, fixtures, tree, text.splitlines()).vacuous()]


def vacuous_loops(path: Path, fixtures: set[str]) -> list[str]:
    """'line: for x in y' for each loop of asserts, and each all()/not any() in an assert, that could run over nothing."""
    return [description for description, _ in vacuous_collections(path, fixtures)]


def test_no_loop_of_asserts_can_run_over_nothing() -> None:
    fixtures = checked_fixtures()
    assert [f"{path.relative_to(ROOT)}:{finding}" for path in modules() for finding in vacuous_loops(path, fixtures)] == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("def test_a(facts):\n    for rule in facts.rules:\n        assert rule\n", ["for rule in facts.rules"]),
        ("def test_a(facts):\n    assert all(rule for rule in facts.rules)\n", ["all(... for rule in facts.rules)"]),
        ("def test_a(facts):\n    assert not any(rule for rule in facts.rules)\n", ["any(... for rule in facts.rules)"]),
        ("def test_a(facts):\n    for rule in nonempty(facts.rules):\n        assert rule\n", []),
        ("def test_a(facts):\n    rules = nonempty(facts.rules)\n    for rule in rules:\n        assert rule\n", []),
        ("def test_a(facts):\n    rules = facts.rules\n    assert len(rules) > 1\n    for rule in enumerate(rules):\n        assert rule\n", []),
        ("def test_a():\n    for word in ('a', 'b'):\n        assert word\n    for n in range(2):\n        assert n >= 0\n", []),
        ("def test_a():\n    for n in range(0):\n        assert n\n", ["for n in range(0)"]),
        ("def test_a(facts):\n    assert any(rule for rule in facts.rules)\n", []),
        ("def test_a(questions):\n    for question in questions:\n        assert question\n", []),
    ],
    ids=["loop", "all", "not any", "nonempty", "bound to nonempty", "asserted first", "literals", "empty range", "any is not vacuous", "checked fixture"],
)
def test_the_scan_finds_loops_that_could_run_over_nothing(tmp_path: Path, source: str, found: list[str]) -> None:
    module = tmp_path / "test_sample.py"
    module.write_text(source, encoding="utf-8")
    assert [finding.split(": ", 1)[1] for finding in vacuous_loops(module, {"questions"})] == found
