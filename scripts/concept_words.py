"""How many files use each concept's word, and how long the package's code is (issue #27).

    .venv/bin/python scripts/concept_words.py

For each concept of the project, the word that names it: the tracked files whose path carries the word
(one concept, one home: ideally only that concept's files), and the modules of src/chipwise whose code uses it.
Then the lines of Python in src/chipwise, the longest module and the longest function, and the imports that
rename what they import (`import x as y`). Run it on two commits
to compare them.
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "chipwise"
CONCEPTS = {
    "facts model": "model",
    "decision": "decision",
    "AWS performance rows": "benchmark",
    "this project's own measurements": "measure",
    "deployment cost": "cost",
    "practice": "practice",
}
"""Each concept -> its word, matched case-insensitively inside longer words (benchmarks, measurements)."""
AWS_COPY = "tests/fixtures/neuron-sdk/"
"""A copy of AWS's own folders, named by AWS: not counted."""


def tracked_paths() -> list[str]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [path for path in listed.splitlines() if (ROOT / path).exists()]


def modules() -> dict[str, str]:
    """Each module of src/chipwise (a path relative to the repository) -> its text."""
    return {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))}


def longest_function(texts: dict[str, str]) -> tuple[int, str]:
    found = [
        (node.end_lineno - node.lineno + 1, f"{path}:{node.lineno} {node.name}")
        for path, text in texts.items()
        for node in ast.walk(ast.parse(text))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None
    ]
    return max(found)


def renaming_imports(texts: dict[str, str]) -> list[str]:
    """`from chipwise.x import module as other_name` anywhere in src/chipwise: an import that renames a module."""
    return [
        f"{path}: {node.module}.{alias.name} as {alias.asname}"
        for path, text in texts.items()
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("chipwise")
        for alias in node.names
        if alias.asname and alias.asname != alias.name
    ]


def main() -> None:
    paths, texts = tracked_paths(), modules()
    print("concept | word | tracked paths named with it | src modules using it")
    for concept, word in CONCEPTS.items():
        pattern = re.compile(word, re.IGNORECASE)
        named = [path for path in paths if pattern.search(path) and not path.startswith(AWS_COPY)]
        using = [path for path, text in texts.items() if pattern.search(text)]
        print(f"{concept} | {word} | {len(named)} | {len(using)}")
        for path in named:
            print(f"    {path}")
    lines = {path: len(text.splitlines()) for path, text in texts.items()}
    longest = max(lines, key=lines.__getitem__)
    length, where = longest_function(texts)
    print(f"lines of Python in src/chipwise: {sum(lines.values())} in {len(lines)} modules")
    print(f"longest module: {longest} ({lines[longest]} lines)")
    print(f"longest function: {where} ({length} lines)")
    renamed = renaming_imports(texts)
    print(f"imports in src/chipwise that rename what they import: {len(renamed)}")
    for line in renamed:
        print(f"    {line}")


if __name__ == "__main__":
    main()
