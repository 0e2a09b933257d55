"""Local clones of the repositories that sources' checked copies name, read through git with no network.

A clone is a working copy or a bare git folder (such as a mirror). Every failure is a CloneError whose message
is one line a person can act on.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*")
_GIT_ENVIRONMENT = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}


class CloneError(ValueError):
    """A clone that cannot be read as given: one line saying what is wrong and what to do."""


def parse_repo_option(text: str) -> tuple[str, Path]:
    """'OWNER/NAME=PATH' -> ('OWNER/NAME', PATH); CloneError when it is not written so."""
    name, equals, path = text.partition("=")
    if not equals or not REPOSITORY.fullmatch(name) or not path:
        raise CloneError(f"--repo: expected OWNER/NAME=PATH (such as aws-neuron/aws-neuron-sdk=../aws-neuron-sdk), received {text!r}")
    return name, Path(path)


@dataclass(frozen=True)
class Clone:
    repository: str
    """OWNER/NAME, as sources name it."""
    path: Path

    def _git(self, *arguments: str) -> subprocess.CompletedProcess[bytes]:
        environment = {**os.environ, **_GIT_ENVIRONMENT}
        try:
            return subprocess.run(["git", "-C", str(self.path), *arguments], capture_output=True, check=False, env=environment)
        except FileNotFoundError:
            raise CloneError("git is not installed: chipwise verify reads the clones with git") from None

    @classmethod
    def open(cls, repository: str, path: Path) -> Clone:
        """The clone at `path`, checked: a git repository (a working copy or a bare folder) with its full history."""
        prefix = f"--repo {repository}={path}"
        if not path.exists():
            raise CloneError(f"{prefix}: no such folder; clone it first: git clone https://github.com/{repository} {path}")
        if not path.is_dir():
            raise CloneError(f"{prefix}: not a folder; give the folder of a clone of {repository}")
        clone = cls(repository, path)
        inside = clone._git("rev-parse", "--git-dir")
        if inside.returncode != 0:
            reason = inside.stderr.decode("utf-8", "replace").strip().splitlines()
            detail = f" (git: {reason[-1]})" if reason else ""
            raise CloneError(f"{prefix}: not a git repository{detail}; give a clone of {repository}, a working copy or a bare one")
        shallow = clone._git("rev-parse", "--is-shallow-repository").stdout.decode().strip()
        if shallow == "true":
            raise CloneError(f"{prefix}: a shallow clone lacks the history verify compares; run: git -C {path} fetch --unshallow")
        return clone

    def commit(self, ref: str) -> str | None:
        """The full hash of the commit `ref` names in this clone, or None when the clone has no such commit."""
        if ref.startswith("-"):
            return None
        found = self._git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        return found.stdout.decode().strip() if found.returncode == 0 else None

    def require(self, ref: str, what: str) -> str:
        """Like commit(), with a CloneError naming what needed the commit."""
        found = self.commit(ref)
        if found is None:
            raise CloneError(
                f"{self.repository} at {self.path}: no commit {ref} ({what}); fetch it: git -C {self.path} fetch origin, or give a newer clone"
            )
        return found

    def read(self, commit: str, path: str) -> str | None:
        """The file's text at the commit (`git show COMMIT:PATH`), or None when the commit has no such file."""
        shown = self._git("show", f"{commit}:{path}")
        if shown.returncode != 0:
            return None
        return shown.stdout.decode("utf-8", "replace")

    @functools.cache  # noqa: B019 - a Clone is frozen and lives for one command
    def moves(self, old: str, new: str) -> dict[str, str | None]:
        """Files of `old` renamed or deleted by `new` (git's rename detection): path -> new path, or None."""
        changed = self._git("diff", "-M", "--name-status", "-z", "--diff-filter=DR", old, new, "--")
        if changed.returncode != 0:
            raise CloneError(f"{self.repository} at {self.path}: git diff {old[:12]} {new[:12]} failed: {changed.stderr.decode().strip()}")
        fields = changed.stdout.decode("utf-8", "replace").split("\0")
        result: dict[str, str | None] = {}
        index = 0
        while index < len(fields) and fields[index]:
            status = fields[index]
            if status.startswith("R"):
                result[fields[index + 1]] = fields[index + 2]
                index += 3
            else:
                result[fields[index + 1]] = None
                index += 2
        return result
