"""How long ago each fact was compared with its source, and which facts are due for another look.

Age is measured against a day the caller gives (the build's day, or today): time passing changes what
these functions report, never whether a facts file is valid.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

from chipwise.facts.model import Fact
from chipwise.guide.model import Facts

DEFAULT_STALE_DAYS = 180
"""A fact not compared with its source for this many days is listed by `chipwise stale`."""


@dataclass(frozen=True)
class Staleness:
    fact: Fact
    age_days: int


def build_day() -> datetime.date:
    """The day ages are measured against: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


def age_days(fact: Fact, today: datetime.date) -> int:
    """Whole days since the fact was compared with its source (0 on the day itself)."""
    return max(0, (today - fact.verified).days)


def stale(facts: Facts, days: int, today: datetime.date) -> list[Staleness]:
    """Facts compared more than `days` days before `today`, oldest first."""
    found = [Staleness(fact, age_days(fact, today)) for fact in facts.facts.values() if fact.derivation is None]
    return sorted((item for item in found if item.age_days > days), key=lambda item: (-item.age_days, item.fact.id))

