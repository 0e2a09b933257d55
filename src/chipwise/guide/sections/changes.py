"""The changes section: the facts file's releases, from the sibling changes file the facts file names."""

from __future__ import annotations

from collections.abc import Mapping

from chipwise.errors import display_path
from chipwise.facts.changes import Release, check_releases, read_changes, size_id
from chipwise.facts.model import Family
from chipwise.guide.sections.report import Report


def build_changes(name: str | None, version: str, families: Mapping[str, Family], report: Report) -> tuple[Release, ...]:
    """The sibling changes file's releases, cross-checked with the facts; its problems located in that file."""
    if name is None:
        return ()
    path = report.path.parent / name
    sizes = [size_id(size.name) for family in families.values() for size in family.sizes]
    for cached in (True, False):  # a problem found in cached data is reported from the file, with its line
        read = read_changes(path, display_path(path), report.walk.problems, cached=cached)
        if read is None:
            return ()
        releases, walk = read
        found = check_releases(releases, walk, version, [*report.facts, *report.refused, *sizes], report.sources)
        if not found or walk.locations:
            break
    report.walk.problems.extend(found)
    return releases
