"""Builds the site once per test session, strictly, the way CI and authors do."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("site") / "site"
    result = build_site(destination)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []
    return destination


