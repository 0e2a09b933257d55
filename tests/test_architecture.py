"""The package's shape: one direction of flow, no import cycles, and MkDocs only under chipwise.site."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT, nonempty

PACKAGE = ROOT / "src" / "chipwise"
LAYERS = [
    # chipwise.render.escape, the one escaping policy, imports nothing of chipwise: study's Anki deck uses it too.
    {"chipwise.errors", "chipwise.vocabulary", "chipwise.memo", "chipwise.disk_cache", "chipwise.render.escape"},
    {"chipwise.facts"},
    {"chipwise.decision"},
    {"chipwise.guide"},
    {"chipwise.page_references", "chipwise.study", "chipwise.render", "chipwise.exports", "chipwise.reverify"},
    {"chipwise.site", "chipwise.cli", "chipwise", "chipwise.__main__"},
]
"""Lower layers never import higher ones, and no package imports a package of a higher layer: the fact model
(chipwise.facts) stands below the decision model (chipwise.decision), which stands below the guide
(chipwise.guide: the whole file as one object, and the loader that builds it and verifies the graph)."""
# render shows study's questions and calculator; exports writes render's flowchart and study's cards; the page
# check knows the practice topics a question page may name.
WITHIN_LAYER = {("chipwise.page_references", "chipwise.study"),
                ("chipwise.render", "chipwise.study"), ("chipwise.exports", "chipwise.render"), ("chipwise.exports", "chipwise.study")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every chipwise module this file imports, including imports under TYPE_CHECKING.

    `from chipwise.x import y` counts chipwise.x.y when y is a module, else chipwise.x.
    """
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("chipwise"):
            folder = PACKAGE.parent / node.module.replace(".", "/")
            for alias in node.names:
                is_module = (folder / f"{alias.name}.py").is_file() or (folder / alias.name / "__init__.py").is_file()
                found.add(f"{node.module}.{alias.name}" if is_module else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("chipwise"))
    return found


GRAPH = {module_name(path): imports(path) for path in PACKAGE.rglob("*.py")}


def package_of(module: str) -> str:
    if any(module in layer for layer in LAYERS):
        return module
    top = ".".join(module.split(".")[:2])
    return top if any(top in layer for layer in LAYERS) else module


def layer_of(module: str) -> int:
    return next(index for index, layer in enumerate(LAYERS) if package_of(module) in layer)


def test_every_module_has_a_layer() -> None:
    assert [module for module in GRAPH if not any(package_of(module) in layer for layer in LAYERS)] == []


def test_no_module_imports_a_higher_layer() -> None:
    upward = [
        f"{module} imports {imported}"
        for module, imported_modules in GRAPH.items()
        for imported in imported_modules
        if imported in GRAPH and layer_of(imported) > layer_of(module)
    ]
    assert upward == []


def test_packages_in_one_layer_import_each_other_one_way_only() -> None:
    sideways = {
        (package_of(module), package_of(imported))
        for module, imported_modules in GRAPH.items()
        for imported in imported_modules
        if imported in GRAPH and layer_of(imported) == layer_of(module) and package_of(imported) != package_of(module) and layer_of(module) == 4
    }
    assert sideways <= WITHIN_LAYER


def test_no_package_loop_between_the_fact_model_the_decision_model_and_the_guide() -> None:
    """chipwise.facts imports neither chipwise.decision nor chipwise.guide; chipwise.decision never imports chipwise.guide."""
    upward = {
        (package_of(module), package_of(imported))
        for module, imported_modules in GRAPH.items()
        for imported in imported_modules
        if imported in GRAPH and package_of(module) in {"chipwise.facts", "chipwise.decision"}
        and package_of(imported) in {"chipwise.decision", "chipwise.guide"} and package_of(imported) != package_of(module)
    }
    assert upward == set()
    assert any(name.startswith("chipwise.decision") for name in GRAPH["chipwise.guide.load"]), "the loader builds the graph"
    assert not any(name.startswith("chipwise.decision") for name in nonempty(GRAPH["chipwise.facts.model"]))


def test_there_are_no_import_cycles() -> None:
    state: dict[str, int] = {}
    cycles = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for imported in sorted(GRAPH.get(module, ())):
            if imported not in GRAPH:
                continue
            if state.get(imported) == 1:
                cycles.append(" -> ".join([*trail[trail.index(imported) :], imported]) if imported in trail else imported)
            elif imported not in state:
                visit(imported, [*trail, imported])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_only_chipwise_site_imports_mkdocs() -> None:
    for path in nonempty(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "mkdocs" in "".join(line for line in text.splitlines() if line.startswith(("import ", "from "))):
            assert module_name(path).startswith("chipwise.site"), path


@pytest.mark.parametrize(
    "arguments",
    [["check", "facts/aws-ml-chips.yml"], ["recommend", "--workload", "inference", "--json"], ["facts", "--json"], ["stale"], ["schema"]],
)
def test_the_command_line_runs_without_the_site_extra(arguments: list[str]) -> None:
    """The engine needs only PyYAML: with MkDocs, Material, mkdocs-macros and genanki made unimportable, it still works."""
    blocker = "import sys\nfor name in ('mkdocs', 'material', 'mkdocs_macros', 'genanki', 'jinja2'):\n    sys.modules[name] = None\n"
    code = blocker + f"from chipwise.cli import main\nraise SystemExit(main({arguments!r}))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
