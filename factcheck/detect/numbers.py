"""``number_conflict``: facts of different outlets (or of one) about one quantity, with values that clash.

Every pair of number facts of one dimension and unit in an event (counts of one noun,
lengths converted to metres, money of one currency, ages, clock times, scores) is scored
by the fitted link model (``factcheck.link``), whatever claims their sentences fell in.
Values clash only when both cannot be right: hedges are interval bounds (``lebih dari 20``
agrees with 24), ``about`` has a tolerance, a round figure agrees with the exact one it
rounds, and a value converted from another unit has a conversion tolerance.
"""

from __future__ import annotations

from ..link import links
from ..link.values import NUMBER_KINDS, quantity, readable_number, shown_number
from ..model import Fact, Finding
from ..registry import EventContext, detectors
from ._common import dedupe
from ._linked import Wording, linked_findings

KIND = "number_conflict"

_WHAT = {"money": "amount", "length": "distance", "mass": "weight", "duration": "duration",
         "percent": "percentage", "clock": "time of day", "score": "score", "speed": "speed",
         "temperature": "temperature", "area": "area", "volume": "volume", "ordinal": "rank"}


def what(group: list[Fact]) -> str:
    """What the group's facts measure: ``age of Robert Buckley``, ``number of boat``, ``amount (USD)``."""
    q = quantity(group[0])
    if q is None:
        return "number"
    if q.dimension == "age":
        subjects = sorted({str(f.attrs["subject"]) for f in group if f.attrs.get("subject")})
        return f"age of {subjects[0]}" if len(subjects) == 1 else "age"
    if q.dimension == "count":
        return f"number of {q.unit}"
    if q.dimension == "money":
        return f"amount ({q.unit})"
    return _WHAT.get(q.dimension, q.dimension)


WORDING = Wording(KIND, "number", lambda fact, level: shown_number(fact), what,
                  lambda fact, level: readable_number(fact))


class NumberConflicts:
    """Registered detector object for ``number_conflict``."""

    kind = KIND

    def __call__(self, context: EventContext) -> list[Finding]:
        return dedupe(linked_findings(context, links(context, NUMBER_KINDS), WORDING))


detectors.register(NumberConflicts.kind)(NumberConflicts())
