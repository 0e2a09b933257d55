"""Everything chipwise reports to a person: located problems in a facts file, bad inputs, unknown names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

Value = TypeVar("Value")


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line and column in a facts file."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a facts file (or a page that uses it): where, which key, and what."""

    path: str
    location: Location
    key_path: str
    message: str

    def __str__(self) -> str:
        key = self.key_path or "(file)"
        return f"{self.path}:{self.location.line}:{self.location.column}: {key}: {self.message}"


class FactsError(Exception):
    """A facts file that cannot be used; carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.location, p.key_path, p.message))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        files = sorted({problem.path for problem in self.problems})
        return f"{self}\n{count} {noun} in {', '.join(files)}" if self.problems else ""


class InvalidInput(ValueError):
    """A recommend() call with an unknown input or value; the message names the allowed values."""


class UnknownName(KeyError):
    """A name (fact id, family, input, ...) that is not known; the message suggests the nearest one."""

    def __str__(self) -> str:
        return str(self.args[0])


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the nearest known name, or '' when none is close."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def unknown_message(what: str, name: str, known: Iterable[str]) -> str:
    """'unknown fact 'x'; did you mean 'y'?': the one wording every lookup uses."""
    return f"unknown {what} {name!r}{did_you_mean(name, known)}"


def resolve(items: Mapping[str, Value], name: str, what: str) -> Value:
    """items[name], or UnknownName naming what was asked for and the nearest known name."""
    try:
        return items[name]
    except (KeyError, TypeError):
        raise UnknownName(unknown_message(what, str(name), items)) from None


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return str(path)
