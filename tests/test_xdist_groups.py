"""The xdist groups of tests/conftest.py: every module they name exists, and every module that reads the session's
built site is in its group, so `pytest -n` builds the site once (a module left out builds it again on another worker)."""

from __future__ import annotations

from tests.conftest import XDIST_GROUPS, xdist_group_of
from tests.support import ROOT, nonempty


def test_every_grouped_module_exists() -> None:
    for module in nonempty(XDIST_GROUPS):
        assert (ROOT / module).is_file(), module


def test_every_module_that_reads_the_built_site_is_in_its_group() -> None:
    readers = {path.relative_to(ROOT).as_posix() for path in (ROOT / "tests" / "site").glob("test_*.py") if "built_site" in path.read_text(encoding="utf-8")}
    assert readers and readers == {module for module, group in XDIST_GROUPS.items() if group == "built-site"}


def test_a_tests_group_is_its_modules() -> None:
    assert xdist_group_of("tests/test_installed.py::test_the_installed_command_runs_outside_the_repository") == "installed-package"
    assert xdist_group_of("tests/site/test_build.py::test_page_has_no_template_leftovers[index.html]") == "built-site"
    assert xdist_group_of("tests/test_cli.py::test_check_passes_on_the_real_file") is None
