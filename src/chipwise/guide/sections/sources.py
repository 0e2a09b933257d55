"""The sources section: every page a fact, size or check may cite."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chipwise.facts.model import CheckedCopy, Source
from chipwise.vocabulary import Authority


def build_sources(entries: Mapping[str, dict[str, Any]]) -> dict[str, Source]:
    """Each source by id (the file spec has checked every field: nothing here can be refused)."""
    return {
        source_id: Source(
            id=source_id,
            **{
                **entry,
                "authority": Authority.of(entry["authority"]),
                "checked_copy": CheckedCopy(**entry["checked_copy"]) if "checked_copy" in entry else None,
            },
        )
        for source_id, entry in entries.items()
    }
