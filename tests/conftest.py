from __future__ import annotations

import pytest

import chipwise
from chipwise.facts.model import Facts
from tests.support import FACTS_FILE


@pytest.fixture(scope="session")
def facts() -> Facts:
    return chipwise.load_facts(FACTS_FILE)
