"""The package-level import graph of src/chipwise, read from the code with `ast`, as the README draws it.

    .venv/bin/python scripts/package_graph.py     prints the README's Mermaid drawing of it

A node is a package of chipwise (or a top-level module); an arrow A --> B says B imports A, so arrows follow
the flow from reading the facts file to the site and the command line. Only arrows no longer path implies are
drawn (the transitive reduction): `tests/test_readme.py` checks the README's drawing against this, arrow for arrow.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chipwise"
ON_ITS_OWN = {"chipwise.render.escape"}
"""Modules drawn as nodes of their own: the one escaping policy imports nothing of chipwise, and study's Anki deck
uses it as render does (so render, which shows study's questions, and study do not import each other)."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def node_of(module: str) -> str:
    """The node a module belongs to: itself when on its own, else its package under chipwise (or itself at the top)."""
    return module if module in ON_ITS_OWN else ".".join(module.split(".")[:2])


def imported_modules(path: Path) -> set[str]:
    """Every chipwise module or package `path` imports, TYPE_CHECKING imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "chipwise":
            folder = PACKAGE.parent / node.module.replace(".", "/")
            for alias in node.names:
                is_module = (folder / f"{alias.name}.py").is_file() or (folder / alias.name / "__init__.py").is_file()
                found.add(f"{node.module}.{alias.name}" if is_module else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "chipwise")
    return found


def package_graph() -> dict[str, set[str]]:
    """Each node -> the nodes it imports (never itself)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        node = node_of(module_name(path))
        graph.setdefault(node, set()).update(node_of(imported) for imported in imported_modules(path))
    return {node: imported - {node} for node, imported in graph.items()}


def reduction(graph: Mapping[str, set[str]]) -> set[tuple[str, str]]:
    """The arrows (imported, importer) that no longer path implies; the graph must have no loop."""

    def reachable(start: str) -> set[str]:
        seen, todo = set(), list(graph.get(start, ()))
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(graph.get(node, ()))
        return seen

    return {
        (imported, importer)
        for importer, imports in graph.items()
        for imported in imports
        if not any(imported in reachable(other) for other in imports - {imported})
    }


def short(node: str) -> str:
    return node.removeprefix("chipwise.").replace(".", "_") if node != "chipwise" else "chipwise_init"


def mermaid(arrows: set[tuple[str, str]]) -> str:
    return "\n".join(["flowchart TD", *(f"  {short(a)} --> {short(b)}" for a, b in sorted(arrows))])


if __name__ == "__main__":
    print(mermaid(reduction(package_graph())))
