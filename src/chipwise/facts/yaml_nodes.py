"""Reading a facts file into YAML nodes, safely: no tags that run code, no aliases, located errors.

PyYAML's loaders build Python objects straight away, silently keep the last of two equal keys and
expand aliases. We stop at the node tree instead (every node knows its line and column), refuse
aliases before anything is expanded, and let the schema walker build values node by node.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from pathlib import Path

import yaml

from chipwise.errors import FactsError, Location, Problem


class _Refused(Exception):
    """Stops composing at the first alias, before any expansion (an alias bomb costs nothing), or at the
    first node nested deeper than MAX_DEPTH (deep nesting would exhaust Python's recursion limit)."""


MAX_DEPTH = 64
"""The deepest nesting of lists and mappings read (the real file nests six deep)."""


_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


class _NodeLoader(yaml.SafeLoader):
    """A SafeLoader that composes nodes only and reports each alias instead of following it."""

    def __init__(self, text: str, path: str) -> None:
        super().__init__(text)
        self.path = path
        self.problems: list[Problem] = []
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.depth >= MAX_DEPTH and self.check_event(yaml.SequenceStartEvent, yaml.MappingStartEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            message = f"lists and mappings nest more than {MAX_DEPTH} deep here; a facts file needs far fewer levels"
            self.problems.append(Problem(self.path, location_of(mark), "", message))
            raise _Refused()
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            self.problems.append(
                Problem(
                    self.path,
                    location_of(event.start_mark),
                    "",
                    f"aliases are not allowed in a facts file (found *{event.anchor}); "
                    "write the value out, or cite a fact as {fact.id} in text",
                )
            )
            raise _Refused()
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def location_of(mark: yaml.Mark | None) -> Location:
    if mark is None:
        return Location(1, 1)
    return Location(mark.line + 1, mark.column + 1)


def _compose_fast(text: str) -> tuple[yaml.Node | None, bool] | None:
    """The node tree from libyaml (about ten times faster than the Python loader) and whether every tag in it is
    standard, or None when libyaml is missing, fails, or the tree holds an alias or nests too deep: the Python
    loader then reports the problem with its location and the alias's name."""
    if not yaml.__with_libyaml__:
        return None
    try:
        loader = yaml.CSafeLoader(text)
    except yaml.YAMLError:
        return None
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()
    aliased_or_deep, standard_tags = _walk(root, MAX_DEPTH)
    return None if aliased_or_deep else (root, standard_tags)


_COLLECTIONS = (yaml.SequenceNode, yaml.MappingNode)


def _walk(root: yaml.Node | None, limit: int) -> tuple[bool, bool]:
    """Whether any node is reached twice (an alias: composing makes it the anchored node itself, so an alias
    bomb is a small graph until something walks it) or lists and mappings nest more than `limit` deep, and
    whether every tag is standard (then the tags need no second walk). Walked without recursion, each node once."""
    seen: set[int] = set()
    standard_tags = True
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node is None:
            continue
        if node.tag not in _STANDARD_TAGS:
            standard_tags = False
        if id(node) in seen:
            return True, standard_tags
        seen.add(id(node))
        if isinstance(node, _COLLECTIONS):
            if depth >= limit:
                return True, standard_tags
            children = node.value if isinstance(node, yaml.SequenceNode) else [child for pair in node.value for child in pair]
            stack.extend((child, depth + 1) for child in children)
    return False, standard_tags


MAX_FILE_BYTES = 4 * 1024 * 1024
"""The largest facts file read: 4 MiB, about thirty-five times the real file (about 116 kB). `chipwise check`
on a file just under it takes about 3 s of CPU and 200 MB (measurements/import_scale.py); at 16 MiB it took 17 s
and 670 MB. Larger files are refused unread."""


def read_bytes(path: Path, shown_path: str) -> bytes:
    """The file's bytes: a regular file of at most MAX_FILE_BYTES, never a FIFO, device or folder
    (reading those could block forever or never end)."""

    def refuse(message: str) -> FactsError:
        return FactsError([Problem(shown_path, Location(1, 1), "", message)])

    try:
        status = path.stat()
    except FileNotFoundError:
        raise refuse("no such file") from None
    except (OSError, ValueError) as error:
        raise refuse(f"cannot read: {getattr(error, 'strerror', None) or error}") from None
    if stat.S_ISDIR(status.st_mode):
        raise refuse("is a folder, expected a YAML file")
    if not stat.S_ISREG(status.st_mode):
        raise refuse("is not a regular file (a FIFO, socket or device); expected a YAML file")
    if status.st_size > MAX_FILE_BYTES:
        raise refuse(f"the file has {status.st_size:,} bytes; a facts file may have at most {MAX_FILE_BYTES:,}")
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise refuse(f"cannot read: {error.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise refuse(f"the file grew past {MAX_FILE_BYTES:,} bytes while it was read")
    return data


def read_nodes(data: bytes, shown_path: str) -> yaml.MappingNode:
    """The root mapping node of a facts file's bytes, or FactsError with every problem found."""
    text = _decode(data, shown_path)
    _refuse_tabs(text, shown_path)
    _refuse_control_characters(text, shown_path)
    composed = _compose_fast(text)
    root, standard_tags = (_compose_checked(text, shown_path), False) if composed is None else composed
    tag_problems = [] if standard_tags else list(_refuse_tags(root, shown_path))
    if tag_problems:
        raise FactsError(tag_problems)
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == ""):
        raise FactsError([Problem(shown_path, Location(1, 1), "", "the file is empty; expected a mapping with meta, sources, facts, ...")])
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else f"a single value ({root.value!r})"
        raise FactsError(
            [Problem(shown_path, location_of(root.start_mark), "", f"expected a mapping at the top level, received {kind}")]
        )
    return root


def _compose_checked(text: str, shown_path: str) -> yaml.Node | None:
    """The node tree from the Python loader: refuses aliases, and locates syntax errors."""
    try:
        loader = _NodeLoader(text, shown_path)
    except yaml.YAMLError as error:
        raise FactsError([Problem(shown_path, Location(1, 1), "", f"invalid YAML: {error}")]) from None
    try:
        root = loader.get_single_node()
    except _Refused:
        raise FactsError(loader.problems) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = f"invalid YAML: {error.problem}" + (f" ({error.context})" if error.context else "")
        raise FactsError([Problem(shown_path, location_of(mark), "", message)]) from None
    except yaml.YAMLError as error:
        raise FactsError([Problem(shown_path, Location(1, 1), "", f"invalid YAML: {error}")]) from None
    finally:
        loader.dispose()
    return root


def _decode(data: bytes, shown_path: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        byte = data[error.start : error.start + 1].hex()
        message = f"the file is not UTF-8 text (byte 0x{byte} cannot be decoded); save it as UTF-8"
        raise FactsError([Problem(shown_path, Location(line, column), "", message)]) from None
    return text.removeprefix("\ufeff")


_NOT_YAML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")


def _refuse_control_characters(text: str, shown_path: str) -> None:
    """Characters YAML does not allow in a file (NUL and other control characters), each located."""
    if not _NOT_YAML_TEXT.search(text):
        return
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        for found in _NOT_YAML_TEXT.finditer(line):
            character = f"U+{ord(found.group(0)):04X}"
            problems.append(Problem(shown_path, Location(number, found.start() + 1), "", f"the control character {character} is not allowed; remove it"))
            if len(problems) >= 20:
                raise FactsError(problems)
    if problems:
        raise FactsError(problems)


def _refuse_tabs(text: str, shown_path: str) -> None:
    if "\t" not in text:
        return
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            column = indent.index("\t") + 1
            problems.append(Problem(shown_path, Location(number, column), "", "indentation uses a tab; YAML needs spaces"))
    if problems:
        raise FactsError(problems)


def _refuse_tags(node: yaml.Node | None, shown_path: str) -> Iterator[Problem]:
    """Explicit tags such as !!python/object would build arbitrary objects: refuse them all."""
    if node is None:
        return
    if node.tag not in _STANDARD_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        yield Problem(shown_path, location_of(node.start_mark), "", f"the tag {tag} is not allowed in a facts file; write a plain value")
        return
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _refuse_tags(child, shown_path)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _refuse_tags(key, shown_path)
            yield from _refuse_tags(value, shown_path)
