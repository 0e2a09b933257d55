"""Work done once per facts object: facts are immutable, so a result computed from one never changes.

`load_facts` returns the same object until the file changes, so within a build (and across `mkdocs
serve` rebuilds caused by page edits) tables, trees and packages are computed once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

Result = TypeVar("Result")
_LIMIT = 64


def per_object(function: Callable[..., Result]) -> Callable[..., Result]:
    """Cache function(obj, *args) by the identity of obj (kept alive while cached) and the other arguments."""
    cache: dict[tuple[int, tuple[Any, ...]], tuple[object, Result]] = {}

    @functools.wraps(function)
    def cached(obj: object, *args: Any) -> Result:
        key = (id(obj), args)
        hit = cache.get(key)
        if hit is not None and hit[0] is obj:
            return hit[1]
        if len(cache) >= _LIMIT:
            cache.clear()
        value = function(obj, *args)
        cache[key] = (obj, value)
        return value

    return cached
