from __future__ import annotations

from pathlib import Path

import pytest

import chipwise
from chipwise.facts.model import Facts

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BROKEN = ROOT / "tests" / "broken_facts"
FACTS_FILE = ROOT / "facts" / "aws-ml-chips.yml"
SEED_NOTE = ROOT.parent / "shared" / "seed" / "inferentia-study-note.txt"


@pytest.fixture(scope="session")
def facts() -> Facts:
    return chipwise.load_facts(FACTS_FILE)
