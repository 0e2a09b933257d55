"""Problems found in a facts file, located to the line and column a person can open."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line and column in a facts file."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a facts file: where, which key, and what."""

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
        self.problems = sorted(problems, key=lambda p: (p.location, p.key_path, p.message))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return f"{self}\n{count} {noun} in {self.problems[0].path}" if self.problems else ""


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
