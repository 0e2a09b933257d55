"""Fixtures for the browser tests: the built site on loopback under a subpath, and one Chromium."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.site.browser.support import CHROMIUM, CHROMIUM_ARGS, SUBPATH, SubpathHandler, serving_on_loopback


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serving_on_loopback(functools.partial(SubpathHandler, directory=str(built_site))) as address:
        yield address + SUBPATH


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "the browser tests need Debian's chromium: apt-get install chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
