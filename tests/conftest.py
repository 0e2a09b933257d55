from __future__ import annotations

import pytest

import chipwise
from chipwise.facts.model import Facts
from tests.support import FACTS_FILE, copy_rows_file


@pytest.fixture(scope="session")
def facts() -> Facts:
    return chipwise.load_facts(FACTS_FILE)


@pytest.fixture(autouse=True)
def _rows_file_beside_test_facts(request: pytest.FixtureRequest) -> None:
    """A test's tmp_path holds the benchmark rows file, as facts/ does: the facts file names it by a path relative
    to itself, so an edited copy of the facts file written into tmp_path loads as the real one does."""
    if "tmp_path" in request.fixturenames:
        copy_rows_file(request.getfixturevalue("tmp_path"))
