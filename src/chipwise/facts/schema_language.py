"""A small declarative schema for YAML nodes: checks shapes, keeps every value's location.

Each spec checks one node and returns a plain Python value, or INVALID after recording a located
Problem. The same specs describe themselves as JSON Schema, so editors validate the facts file too.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from chipwise.errors import Location, Problem, did_you_mean
from chipwise.facts.yaml_nodes import location_of


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp")
}
_STR_TAG = "tag:yaml.org,2002:str"
_constructor = SafeConstructor()


@dataclass
class Walk:
    """What one walk over a file collects: problems and the location of every key path."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    locations: dict[str, Location] = field(default_factory=dict)

    def problem(self, node: yaml.Node, key_path: str, message: str) -> Any:
        self.problems.append(Problem(self.path, location_of(node.start_mark), key_path, message))
        return INVALID

    def problem_at(self, key_path: str, message: str) -> Any:
        """Like `problem`, for a key the record has already read: located where `key_path` stands."""
        self.problems.append(Problem(self.path, self.at(key_path), key_path, message))
        return INVALID

    def at(self, key_path: str) -> Location:
        """Where `key_path` (or its nearest located parent) stands in the file."""
        while key_path not in self.locations and "." in key_path:
            key_path = key_path.rsplit(".", 1)[0]
        return self.locations.get(key_path, Location(1, 1))


def describe(node: yaml.Node) -> str:
    """What a person wrote, in words: 'a list', 'a mapping', "the text 'twelve'", 'the number 12'."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    value = scalar_value(node)
    if value is INVALID or isinstance(value, str):
        return f"the text {node.value!r}" if node.value else "nothing"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()} (written {node.value!r})"
    if isinstance(value, (int, float)):
        return f"the number {node.value}"
    return f"{node.value!r}"


def scalar_value(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode) or node.tag not in _STANDARD_TAGS:
        return INVALID
    if node.tag == _STR_TAG:
        return node.value
    # The tag's own constructor, called directly: construct_object would also keep every node it ever saw (in
    # constructed_objects, which only a whole document's construction clears), so each file read grew the heap.
    try:
        return _constructor.yaml_constructors[node.tag](_constructor, node)
    except (ConstructorError, ValueError):
        return INVALID


class Spec:
    """Checks one node; `description` says what is expected, in the words errors use."""

    description = "a value"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def _scalar(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag not in _STANDARD_TAGS:
            return walk.problem(node, key_path, f"the tag {node.tag} is not allowed; write a plain value")
        if not isinstance(node, yaml.ScalarNode):
            return walk.problem(node, key_path, f"expected {self.description}, received {describe(node)}")
        value = scalar_value(node)
        if value is INVALID:
            return walk.problem(node, key_path, f"expected {self.description}, received the malformed value {_shown(node.value)}")
        refusal = refuse_value(value)
        if refusal:
            return walk.problem(node, key_path, refusal)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not PLAIN_DECIMAL.fullmatch(node.value):
            message = f"expected a number written with the digits 0-9 (no underscores, hex, octal or base-60), received {_shown(node.value)}"
            return walk.problem(node, key_path, message)
        return value


PLAIN_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?", re.ASCII)
"""A number as the loader, the importer and the command line accept it: ASCII digits, no '_', '0x' or ':'."""
EARLIEST_DAY = datetime.date(2000, 1, 1)
"""No date in the facts file can be earlier (AWS announced its first ML chip, Inferentia, in 2018)."""

LARGEST_NUMBER = 10**15
"""No figure in the facts file comes near this; a larger number is a typo (and would overflow floats)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _shown(text: str) -> str:
    """The text quoted for a message, with control characters and surrogates made visible, and cut short."""
    shown = repr(text)  # repr escapes control characters and lone surrogates, and keeps printable letters and digits
    return shown if len(shown) <= 160 else shown[:157] + "...'"


def refuse_value(value: Any) -> str:
    """Why a scalar cannot be used as data ('' when it can): control characters, lone surrogates,
    numbers that are not finite or too large to be real."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found:
            return f"the text has a lone surrogate (U+{ord(found.group(0)):04X}), which is not a character; remove it"
        found = _CONTROL.search(value)
        if found:
            return f"the text has the control character U+{ord(found.group(0)):04X}; remove it"
    if isinstance(value, float) and not math.isfinite(value):
        return f"expected a finite number, received {value!r}"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > LARGEST_NUMBER:
        return f"the number is too large to be a real figure (more than {LARGEST_NUMBER:,})"
    return ""


@dataclass
class Text(Spec):
    pattern: str | None = None
    hint: str = ""

    @property
    def description(self) -> str:  # type: ignore[override]
        return self.hint or "text"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        value = self._scalar(node, walk, key_path)
        if value is INVALID:
            return value
        if not isinstance(value, str):
            quote_hint = f' (quote it: "{node.value}")' if isinstance(value, (bool, int, float)) else ""
            return walk.problem(node, key_path, f"expected {self.description}, received {describe(node)}{quote_hint}")
        if not value.strip():
            return walk.problem(node, key_path, f"expected {self.description}, received an empty text")
        if self.pattern and not re.fullmatch(self.pattern, value, re.ASCII):
            return walk.problem(node, key_path, f"expected {self.description}, received {value!r}")
        return value.strip()

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern})$"
        if self.hint:
            schema["description"] = self.hint
        return schema


@dataclass
class Choice(Spec):
    options: tuple[str, ...]

    @property
    def description(self) -> str:  # type: ignore[override]
        return "one of: " + ", ".join(self.options)

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        value = Text().check(node, walk, key_path)
        if value is INVALID:
            return value
        if value not in self.options:
            return walk.problem(node, key_path, f"expected {self.description}; received {value!r}{did_you_mean(value, self.options)}")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.options)}


_URL_REFUSED = re.compile(r"[\s\"'<>\\`{}|^]")


class Url(Spec):
    description = "a web address starting with https:// (no spaces, quotes or angle brackets)"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        value = Text().check(node, walk, key_path)
        if value is INVALID:
            return value
        try:
            parts = urlsplit(value)
            host = parts.hostname or ""
        except ValueError:
            return walk.problem(node, key_path, f"expected {self.description}, received {_shown(value)}")
        if parts.scheme != "https" or "." not in host or _URL_REFUSED.search(value) or not value.isascii():
            return walk.problem(node, key_path, f"expected {self.description}, received {_shown(value)}")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^https://[^\\s/\"'<>\\\\`{}|^]+\\.[^\\s\"'<>\\\\`{}|^]+$"}


class Version(Spec):
    """A facts-file version: the day it was released, written YYYY.M.D (like "2026.11.26"), and a revision
    number for a second release on the same day ("2026.11.26.2")."""

    description = 'a version like "2026.11.26" (a real date), or "2026.11.26.2" for a same-day revision'

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        value = Text().check(node, walk, key_path)
        if value is INVALID:
            return value
        match = re.fullmatch(r"([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})(?:\.[1-9][0-9]{0,2})?", value)
        try:
            if match is None:
                raise ValueError
            day = datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            return walk.problem(node, key_path, f"expected {self.description}, received {_shown(value)}")
        refusal = refuse_day(day, "use the day of the release")
        if refusal:
            return walk.problem(node, key_path, f"the version's {refusal}")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^2[0-9]{3}\.[0-9]{1,2}\.[0-9]{1,2}(\.[1-9][0-9]{0,2})?$", "description": self.description}


def refuse_day(day: datetime.date, advice: str = "use the day the fact was checked") -> str:
    """Why a day cannot be a facts-file date ('' when it can): before EARLIEST_DAY, or in the future."""
    if day < EARLIEST_DAY:
        return f"date {day.isoformat()} is before {EARLIEST_DAY.isoformat()}; no source about AWS's ML chips is that old"
    if day > datetime.date.today():
        return f"date {day.isoformat()} is in the future; {advice}"
    return ""


class Date(Spec):
    description = "a date written YYYY-MM-DD"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        value = self._scalar(node, walk, key_path)
        if value is INVALID:
            return value
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            return walk.problem(node, key_path, f"expected {self.description}, received {describe(node)}")
        refusal = refuse_day(value)
        if refusal:
            return walk.problem(node, key_path, f"the {refusal}")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": "^2[0-9]{3}-[0-9]{2}-[0-9]{2}$"}


class Scalar(Spec):
    """Text or a number (the unit decides which, later)."""

    description = "text or a number"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        value = self._scalar(node, walk, key_path)
        if value is INVALID:
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return walk.problem(node, key_path, f"expected {self.description}, received {describe(node)}")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["string", "number"]}


@dataclass
class ListOf(Spec):
    item: Spec
    allow_empty: bool = True

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"a list of {self.item.description}"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return walk.problem(node, key_path, f"expected {self.description}, received {describe(node)}")
        if not node.value and not self.allow_empty:
            return walk.problem(node, key_path, f"expected {self.description} with at least one item, received an empty list")
        items = []
        for index, child in enumerate(node.value):
            child_path = f"{key_path}[{index}]"
            walk.locations[child_path] = location_of(child.start_mark)
            items.append(self.item.check(child, walk, child_path))
        return INVALID if INVALID in items else items

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if not self.allow_empty:
            schema["minItems"] = 1
        return schema


@dataclass
class OneOrList(Spec):
    """One item, or a non-empty list of them: a table cell that names one fact or several (Gen1 or Gen2)."""

    item: Spec

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"{self.item.description}, or a list of them"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return ListOf(self.item, allow_empty=False).check(node, walk, key_path)
        return self.item.check(node, walk, key_path)

    def json_schema(self) -> dict[str, Any]:
        return {"oneOf": [self.item.json_schema(), ListOf(self.item, allow_empty=False).json_schema()]}


@dataclass
class ListOrText(Spec):
    """A list of texts, or one text: rule conditions list enumerated values or give one numeric range."""

    hint: str = ""

    @property
    def description(self) -> str:  # type: ignore[override]
        return self.hint or "a list of values, or a range"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return ListOf(Text()).check(node, walk, key_path)
        return Text(hint=self.description).check(node, walk, key_path)

    def json_schema(self) -> dict[str, Any]:
        return {"oneOf": [ListOf(Text()).json_schema(), Text().json_schema()], "description": self.description}


@dataclass
class Field:
    spec: Spec
    required: bool = True
    doc: str = ""


def _mapping_pairs(node: yaml.MappingNode, walk: Walk, key_path: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """The mapping's (key, key node, value node) pairs; refuses duplicate and non-text keys."""
    pairs = []
    seen: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = scalar_value(key_node)
        if not isinstance(key, str):
            hint = f' (quote it: "{key_node.value}")' if isinstance(key_node, yaml.ScalarNode) else ""
            walk.problem(key_node, key_path, f"keys must be text, received {describe(key_node)}{hint}")
            continue
        if key in seen:
            first = location_of(seen[key].start_mark)
            child = f"{key_path}.{key}" if key_path else key
            walk.problem(key_node, child, f"duplicate key {key!r}; it is already set on line {first.line}")
            continue
        seen[key] = key_node
        pairs.append((key, key_node, value_node))
    return pairs


@dataclass
class Record(Spec):
    """A mapping with known keys."""

    fields: dict[str, Field]
    name: str = "a mapping"

    @property
    def description(self) -> str:  # type: ignore[override]
        return self.name

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return walk.problem(node, key_path, f"expected {self.description}, received {describe(node)}")
        result: dict[str, Any] = {}
        valid = True
        for key, key_node, value_node in _mapping_pairs(node, walk, key_path):
            child_path = f"{key_path}.{key}" if key_path else key
            walk.locations[child_path] = location_of(key_node.start_mark)
            if key not in self.fields:
                expected = ", ".join(self.fields)
                walk.problem(key_node, child_path, f"unknown key {key!r}{did_you_mean(key, self.fields)} (expected keys: {expected})")
                valid = False
                continue
            value = self.fields[key].spec.check(value_node, walk, child_path)
            valid = valid and value is not INVALID
            result[key] = value
        for key, spec_field in self.fields.items():
            if spec_field.required and key not in result:
                where = f"in {key_path}" if key_path else "at the top level"
                walk.problem(node, f"{key_path}.{key}" if key_path else key, f"missing required key {key!r} {where}")
                valid = False
        return result if valid else INVALID

    def json_schema(self) -> dict[str, Any]:
        properties = {}
        for key, spec_field in self.fields.items():
            schema = spec_field.spec.json_schema()
            if spec_field.doc:
                schema = {**schema, "description": spec_field.doc}
            properties[key] = schema
        required = [key for key, spec_field in self.fields.items() if spec_field.required]
        return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


@dataclass
class MapOf(Spec):
    """A mapping from ids (checked against a pattern) to values of one spec."""

    value: Spec
    key_pattern: str
    key_hint: str
    allow_empty: bool = False

    @property
    def description(self) -> str:  # type: ignore[override]
        return f"a mapping of {self.key_hint} to {self.value.description}"

    def check(self, node: yaml.Node, walk: Walk, key_path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return walk.problem(node, key_path, f"expected {self.description}, received {describe(node)}")
        if not node.value and not self.allow_empty:
            return walk.problem(node, key_path, f"expected {self.description}, received an empty mapping")
        result: dict[str, Any] = {}
        valid = True
        for key, key_node, value_node in _mapping_pairs(node, walk, key_path):
            child_path = f"{key_path}.{key}"
            walk.locations[child_path] = location_of(key_node.start_mark)
            if not re.fullmatch(self.key_pattern, key, re.ASCII):
                walk.problem(key_node, child_path, f"expected {self.key_hint} as the key, received {key!r}")
                valid = False
                continue
            value = self.value.check(value_node, walk, child_path)
            valid = valid and value is not INVALID
            result[key] = value
        return result if valid else INVALID

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": {"pattern": f"^(?:{self.key_pattern})$"},
            "additionalProperties": self.value.json_schema(),
        }
