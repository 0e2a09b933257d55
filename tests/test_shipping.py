"""The files that install, test, release and publish chipwise agree with pyproject.toml and with each other."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.support import ROOT, nonempty

WORKFLOWS = ROOT / ".github" / "workflows"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCKS = {"site": ["site"], "test": ["site", "test"]}
"""Each lock in requirements/ and the extras it installs."""


def _pins(lock: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) for every requirement in a hashed lock."""
    entries = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)((?:\s*\\\s*--hash=sha256:[0-9a-f]{64})*)", lock.read_text(encoding="utf-8"), re.MULTILINE)
    return {canonicalize_name(name): (version, re.findall(r"sha256:([0-9a-f]{64})", hashes)) for name, version, hashes in entries}


def _workflow(name: str) -> dict[str, Any]:
    document: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    document["on"] = document.pop(True, document.get("on"))  # YAML 1.1 reads the key `on` as true
    return document


def _runs(document: dict[str, Any]) -> list[str]:
    return [step.get("run", "") for job in document["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize(("lock", "extras"), LOCKS.items(), ids=LOCKS)
def test_each_lock_pins_with_hashes_every_dependency_of_its_extras_within_their_bounds(lock: str, extras: list[str]) -> None:
    pins = _pins(ROOT / "requirements" / f"{lock}.txt")
    assert all(hashes for _, hashes in nonempty(pins.values())), [name for name, (_, hashes) in pins.items() if not hashes]
    wanted = [Requirement(text) for text in PROJECT["dependencies"]]
    wanted += [Requirement(text) for extra in extras for text in PROJECT["optional-dependencies"][extra]]
    for requirement in nonempty(wanted):
        if requirement.name == PROJECT["name"]:
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"requirements/{lock}.txt lacks {name}: run bash scripts/lock.sh"
        assert requirement.specifier.contains(pins[name][0], prereleases=True), f"{name}=={pins[name][0]} is outside {requirement}"


def test_the_site_lock_uses_the_test_locks_versions() -> None:
    site, test = _pins(ROOT / "requirements" / "site.txt"), _pins(ROOT / "requirements" / "test.txt")
    assert {name: version for name, (version, _) in site.items()} == {name: test[name][0] for name in site}


def test_setup_installs_a_lock_with_hashes_and_serving_sets_up_the_site_alone() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert '--require-hashes -r "requirements/$profile.txt"' in setup
    assert "--no-deps -e ." in setup
    assert "bash scripts/setup.sh site\n" in (ROOT / "scripts" / "serve.sh").read_text(encoding="utf-8")


def test_ci_runs_the_suite_on_every_push_and_pull_request() -> None:
    tests = _workflow("tests.yml")
    assert {"push", "pull_request"} <= set(tests["on"])
    assert "bash .ci/run" in _runs(tests)


def test_the_weekly_job_runs_the_suite_on_the_newest_versions_and_prints_the_drift() -> None:
    newest = _workflow("newest-dependencies.yml")
    assert newest["on"]["schedule"]
    assert _runs(newest)[1:] == ["bash scripts/setup.sh newest", "bash .ci/drift", "bash .ci/run"]
    assert newest["jobs"]["newest"]["steps"][-1]["env"]["CHIPWISE_SETUP"] == "newest"


def test_a_release_tests_the_files_it_publishes_with_trusted_publishing() -> None:
    release = _workflow("release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    build, publish = release["jobs"]["build"], release["jobs"]["publish"]
    runs = _runs(release)
    assert runs.index("bash .ci/run") < runs.index(".venv/bin/python -m build --no-isolation --outdir dist .")
    tested = next(step for step in build["steps"] if "tests/test_installed.py" in step.get("run", ""))
    assert tested["env"]["CHIPWISE_DIST"] == "dist"
    assert publish["needs"] == "build" and publish["permissions"] == {"id-token": "write"}
    assert publish["steps"][-1]["uses"].startswith("pypa/gh-action-pypi-publish@")


def test_pages_builds_for_the_published_address() -> None:
    pages = _workflow("pages.yml")
    url = "https://${{ github.repository_owner }}.github.io/${{ github.event.repository.name }}/"
    assert pages["env"]["CHIPWISE_SITE_URL"] == url
    assert "site_url: !ENV [CHIPWISE_SITE_URL," in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert pages["jobs"]["build"]["needs"] == "test" and "bash .ci/run" in _runs(pages)
