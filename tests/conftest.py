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


@pytest.fixture(scope="session")
def facts() -> Facts:
    return chipwise.load_facts(FACTS_FILE)


@pytest.fixture(autouse=True)
def _rows_file_beside_test_facts(request: pytest.FixtureRequest) -> None:
    """A test's tmp_path holds the benchmark rows file, as facts/ does: the facts file names it by a path relative
    to itself, so an edited copy of the facts file written into tmp_path loads as the real one does."""
    if "tmp_path" in request.fixturenames:
        copy_rows_file(request.getfixturevalue("tmp_path"))
