"""The benchmarks section: AWS's published benchmark rows, from the sibling file the facts file names."""

from __future__ import annotations

from chipwise.errors import FactsError, display_path
from chipwise.facts.benchmarks import Benchmarks, read_benchmarks
from chipwise.guide.sections.report import Report


def build_benchmarks(name: str | None, report: Report) -> Benchmarks | None:
    """The sibling file's rows, its problems located in that file (None when the facts file names none)."""
    if name is None:
        return None
    path = report.path.parent / name
    try:
        return read_benchmarks(path, display_path(path))
    except FactsError as error:
        report.walk.problems.extend(error.problems)
        return None
