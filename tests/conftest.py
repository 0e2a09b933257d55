from __future__ import annotations

import pytest
from hypothesis import settings

import chipwise
from chipwise.guide.model import Facts
from tests.support import FACTS_FILE, copy_rows_file

# No wall-clock limit in a unit test: Hypothesis's default 200 ms deadline fails a correct example on a busy
# two-core machine (and only on the first call, so it reports it as flaky). A test that hangs is found by CI's
# own time limit; a slow path is made fast instead.
# Derandomized: every run tries the same examples, so a failure is found again by the next run, on any machine.
settings.register_profile("chipwise", deadline=None, derandomize=True, database=None)
settings.load_profile("chipwise")


LONGEST_FIRST = (
    "tests/test_build_speed.py",
    "tests/test_mutations.py",
    "tests/site/test_facts_drive_the_site.py",
    "tests/test_installed.py",
    "tests/site/test_serve.py",
)
"""Modules whose tests each take seconds (builds in subprocesses, hundreds of checked files): with `pytest -n auto`
they start first, so no worker is left running one of them alone at the end."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In a pytest-xdist worker, the longest tests first; a run on one process keeps the files' order (so `-x` stops
    early at a quick failure). Every worker sorts the same way, as xdist requires."""
    if not hasattr(config, "workerinput"):
        return
    rank = {module: index for index, module in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


@pytest.fixture(scope="session")
def facts() -> Facts:
    return chipwise.load_facts(FACTS_FILE)


@pytest.fixture(autouse=True)
def _rows_file_beside_test_facts(request: pytest.FixtureRequest) -> None:
    """A test's tmp_path holds the benchmark rows file, as facts/ does: the facts file names it by a path relative
    to itself, so an edited copy of the facts file written into tmp_path loads as the real one does."""
    if "tmp_path" in request.fixturenames:
        copy_rows_file(request.getfixturevalue("tmp_path"))
