"""How much text the Python of src/chipwise holds, read with `ast` (the figure issue #27 asks to bring down).

    .venv/bin/python scripts/string_words.py            the totals
    .venv/bin/python scripts/string_words.py --files    and each file's share, most words first

Counted: the words of every string constant outside docstrings (a module's, class's or function's first
statement, and the string under an assignment, which documents it) and outside schema docs (a `doc=`
keyword, as facts/file_spec.py documents each key), f-strings included by their literal parts; and the
f-strings under src/chipwise/render that hold an HTML tag ("HTML fragments").
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chipwise"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
HTML_TAG = re.compile(r"</?[a-z][a-z0-9]*[\s>/]")
SCHEMA_DOCS = {"doc"}


def documentation(tree: ast.Module) -> set[int]:
    """The ids of the string nodes that document something: first statements, strings under an assignment, `doc=`."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for index, statement in enumerate(body):
            is_string = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str)
            if not is_string:
                continue
            previous = body[index - 1] if index else None
            if index == 0 or isinstance(previous, (ast.Assign, ast.AnnAssign)):
                found.add(id(statement.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in SCHEMA_DOCS:
            found.update(id(part) for part in ast.walk(node.value))
    return found


def literal_parts(node: ast.AST) -> list[str]:
    """The literal text of a string constant, or of an f-string's constant parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str)]
    return []


def measure(path: Path) -> tuple[int, int]:
    """(words in string constants outside docstrings, f-strings holding an HTML tag) of one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = documentation(tree)
    inside_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    words = 0
    fragments = 0
    for node in ast.walk(tree):
        if id(node) in skipped or id(node) in inside_fstrings:
            continue
        text = "".join(literal_parts(node))
        words += len(WORD.findall(text))
        if isinstance(node, ast.JoinedStr) and HTML_TAG.search(text):
            fragments += 1
    return words, fragments


def main(arguments: list[str]) -> int:
    counts = {path: measure(path) for path in sorted(PACKAGE.rglob("*.py"))}
    render = [counts[path][1] for path in counts if path.parent.name == "render"]
    print(f"words in string constants outside docstrings and schema docs, src/chipwise: {sum(words for words, _ in counts.values())}")
    print(f"f-string HTML fragments, src/chipwise/render/*.py: {sum(render)}")
    if "--files" in arguments:
        for path, (words, fragments) in sorted(counts.items(), key=lambda item: -item[1][0]):
            if words or fragments:
                print(f"{words:6d} words {fragments:4d} HTML f-strings  {path.relative_to(PACKAGE.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
