from __future__ import annotations

from typing import Any

import pytest
from hypothesis import settings
from xdist.scheduler import LoadGroupScheduling

import chipwise
from chipwise.guide.model import Facts
from tests.support import FACTS_FILE, ROOT, copy_rows_file

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


XDIST_GROUPS = {
    "tests/test_installed.py": "installed-package",
    "tests/site/test_hostile_facts.py": "hostile-site",
    "tests/site/test_build.py": "built-site",
    "tests/site/test_page_html.py": "built-site",
    "tests/site/test_reuse.py": "built-site",
    "tests/site/test_page_styles.py": "built-site",
}
"""Modules whose tests share one expensive module or session fixture (a built wheel and venv, a hostile site, the
session's built site): with `pytest -n`, each group runs on one worker, which builds it once.

Declared here, not with xdist's `xdist_group` mark: pytest-xdist 3.8 groups by a suffix it writes into each test's
`_nodeid`, which pytest 9 no longer reads, so the mark is silently ignored. The scheduler below groups by module,
through xdist's documented hook `pytest_xdist_make_scheduler`."""


def xdist_group_of(nodeid: str) -> str | None:
    """The XDIST_GROUPS group of a test, by its module; None for a test of any other module."""
    return XDIST_GROUPS.get(nodeid.split("::", 1)[0])


class _ModuleGroups(LoadGroupScheduling):
    """xdist's loadgroup scheduling, each module of XDIST_GROUPS in its group's one work unit."""

    def _split_scope(self, nodeid: str) -> str:
        marked = super()._split_scope(nodeid)
        return marked if marked != nodeid else xdist_group_of(nodeid) or nodeid


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> LoadGroupScheduling | None:
    if config.getvalue("dist") != "loadgroup":
        return None  # another --dist asked for: xdist's own
    missing = [module for module in XDIST_GROUPS if not (ROOT / module).is_file()]
    if missing:
        raise pytest.UsageError(f"tests/conftest.py: XDIST_GROUPS names modules that do not exist: {', '.join(missing)}")
    return _ModuleGroups(config, log)


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
