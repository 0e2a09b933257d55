"""Results kept between processes under a project's .cache/chipwise/, keyed by the content they are computed
from and by chipwise's own code, so a hit holds exactly what computing again would give.

Off until a site build turns it on with `use(folder)` (chipwise.site does, with the project's .cache/chipwise):
commands and tests always compute. Entries are pickles of plain data read back with an unpickler that
admits no class but the few a caller names (dates), so a planted file can neither run code nor pass for a
hit: a damaged or foreign entry is computed again and overwritten.
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
from importlib import metadata
from pathlib import Path
from typing import Any

_folder: list[Path] = []
_DEPENDENCIES = ("pyyaml", "genanki")
"""Packages whose versions can change what chipwise computes from the same facts."""


def use(folder: Path | None) -> None:
    """Keep results in `folder` from now on (None: keep nothing)."""
    _folder[:] = [] if folder is None else [folder]


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
    return value if stored_key == key else None


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


def remembered_text(kind: str, key: str, compute: Callable[[], str]) -> str:
    """The text kept for (kind, key), or compute()'s, kept for next time."""
    found = load(kind, key)
    if isinstance(found, str):
        return found
    text = compute()
    store(kind, key, text)
    return text
