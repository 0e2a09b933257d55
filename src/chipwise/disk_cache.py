"""Results kept between processes under a project's .cache/chipwise/, keyed by the content they are computed
from and by chipwise's own code, so a hit holds exactly what computing again would give.

Off until a site build turns it on with `use(folder)` (chipwise.site does, with the project's .cache/chipwise):
commands and tests always compute. Entries are pickles of plain data read back with an unpickler that
admits no class but the few a caller names (dates), so a planted file can neither run code nor pass for a
hit: a damaged or foreign entry is computed again and overwritten.

The folder stays bounded: each `use(folder)` counts one more build (in the folder's `builds` file), an entry's
modification time holds the number of the last build that wrote or read it, and the first write of each kind
in a build deletes that kind's entries no build among the last KEPT_BUILDS used. An entry whose code, facts or
pages changed is never read again, so without this every edit would leave its results behind for good.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

_folder: list[Path] = []
_DEPENDENCIES = ("pyyaml", "genanki")
"""Packages whose versions can change what chipwise computes from the same facts."""
KEPT_BUILDS = 10
"""An entry that none of the last this many builds wrote or read is deleted: the folder holds at most what ten builds
used (about 5 MB each for chipwise's own site), enough for a test session's builds of edited facts files to leave
the real file's entries in place."""
_BUILDS_FILE = "builds"


@dataclass
class _Build:
    """The build that turned the cache on: its number, and the kinds it has already pruned."""

    number: int = 0
    pruned: set[str] = field(default_factory=set)


_build = _Build()


def use(folder: Path | None) -> None:
    """Keep results in `folder` from now on (None: keep nothing); each call with a folder counts one more build."""
    _folder[:] = [] if folder is None else [folder]
    _build.number, _build.pruned = (0, set()) if folder is None else (_next_build(folder), set())


def _next_build(folder: Path) -> int:
    """The folder's count of builds, one more than last time (and written back, whole or not at all)."""
    counter = folder / _BUILDS_FILE
    try:
        number = int(counter.read_text(encoding="ascii")) + 1
    except (OSError, ValueError):
        number = 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=folder, prefix=".", suffix=".tmp", delete=False, encoding="ascii") as temporary:
            temporary.write(str(number))
        os.replace(temporary.name, counter)
    except OSError:
        pass
    return number


@functools.cache
def code_digest() -> str:
    """A digest of chipwise's files, Python's version and the versions of the dependencies that shape results."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(_source_files(package)):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _DEPENDENCIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent\0".encode())
    return digest.hexdigest()


def _source_files(package: Path) -> list[Path]:
    """Every file under `package` but compiled bytecode (whose folders a walk does not enter: every build walks)."""
    found: list[Path] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found.extend(Path(folder, name) for name in names if os.path.isfile(os.path.join(folder, name)))
    return found


def _path(kind: str, key: str) -> Path | None:
    if not _folder:
        return None
    name = hashlib.sha256(f"{code_digest()}\0{kind}\0{key}".encode()).hexdigest()
    return _folder[0] / kind / f"{name}.pickle"


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, allowed: frozenset[tuple[str, str]]) -> None:
        super().__init__(io.BytesIO(data))
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.allowed:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in chipwise's cache")
        return super().find_class(module, name)


def load(kind: str, key: str, allowed: frozenset[tuple[str, str]] = frozenset()) -> Any | None:
    """The value stored for (kind, key) by this code, or None (nothing stored, caching off, or an unreadable entry)."""
    path = _path(kind, key)
    if path is None:
        return None
    try:
        stored_key, value = _Unpickler(path.read_bytes(), allowed).load()
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError):
        return None
    if stored_key != key:
        return None
    _mark_used(path)
    return value


def _mark_used(path: Path) -> None:
    """Stamp the entry with this build's number (as its modification time, in seconds from 1970)."""
    try:
        os.utime(path, (_build.number, _build.number))
    except OSError:
        return


def store(kind: str, key: str, value: Any) -> None:
    """Keep `value` (plain data) for (kind, key); written whole or not at all, and a failure to write is no error."""
    path = _path(kind, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", suffix=".tmp", delete=False) as temporary:
            temporary.write(pickle.dumps((key, value), protocol=5))
        os.replace(temporary.name, path)
    except OSError:
        return
    _mark_used(path)
    if kind not in _build.pruned:
        _build.pruned.add(kind)
        _prune(path.parent)


def _prune(folder: Path) -> None:
    """Delete the entries in `folder` that none of the last KEPT_BUILDS builds used. A stamp far above this build's
    number is a write never stamped (the clock's time: an older chipwise wrote it, or stamping failed): deleted too;
    one a little above it is a build running at the same time, and kept."""
    oldest_kept, newest_kept = _build.number - KEPT_BUILDS + 1, _build.number + KEPT_BUILDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.name.endswith(".pickle") and not oldest_kept <= entry.stat().st_mtime <= newest_kept:
                os.unlink(entry.path)
        except OSError:
            continue


def remembered_text(kind: str, key: str, compute: Callable[[], str]) -> str:
    """The text kept for (kind, key), or compute()'s, kept for next time."""
    found = load(kind, key)
    if isinstance(found, str):
        return found
    text = compute()
    store(kind, key, text)
    return text
