"""When a document says its story happened: its publication day, the days it writes out, the years it names.

An event's signature needs the occasion ("when"), not only the publication: two reports of one
story a week apart name the same day, two look-alike stories name different ones. Year-less
dates keep ``None`` for their year and are compared by day of the year.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

import numpy as np

from ..model import Document

Day = tuple[int | None, int, int]
"""(year or None, month, day)."""

_ISO_DAY = re.compile(r"^(?:(\d{4})|-)-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})")


def explicit_days(document: Document) -> list[str]:
    """Day-granular dates the article writes out (not relative ones): ``2019-04-25`` or ``--04-25``."""
    return [str(f.value) for f in document.facts
            if f.kind == "date" and f.attrs.get("granularity") == "day" and not f.attrs.get("relative")]


def document_days(document: Document) -> list[Day]:
    """Its publication day and its explicit day dates."""
    days: list[Day] = []
    if document.published:
        days.append((document.published.year, document.published.month, document.published.day))
    for value in explicit_days(document):
        match = _ISO_DAY.match(value)
        if match:
            days.append((int(match.group(1)) if match.group(1) else None, int(match.group(2)), int(match.group(3))))
    return days


def document_years(document: Document) -> frozenset[int]:
    """The years of its publication and of the dates it writes with a year (inferred ones excluded)."""
    years = {document.published.year} if document.published else set()
    for fact in document.facts:
        if fact.kind == "date" and not fact.attrs.get("relative") and not fact.attrs.get("year_inferred"):
            match = _YEAR.match(str(fact.value))
            if match:
                years.add(int(match.group(1)))
    return frozenset(years)


def day_ordinal(day: Day) -> int | None:
    """The day's proleptic ordinal; None for a day without its year or one the calendar lacks (30 February)."""
    year, month, number = day
    if year is None:
        return None
    try:
        return date(year, month, number).toordinal()
    except ValueError:
        return None


def days_apart(a: Day, b: Day) -> int:
    """Days between two days; by day of the year (at most 183) when either lacks its year."""
    try:
        if a[0] is not None and b[0] is not None:
            return abs((date(a[0], a[1], a[2]) - date(b[0], b[1], b[2])).days)
        gap = abs((date(2000, a[1], a[2]) - date(2000, b[1], b[2])).days)
    except ValueError:
        return 0
    return min(gap, 366 - gap)


def closest_days(a: list[Day], b: list[Day]) -> int | None:
    """The smallest distance between a day of ``a`` and a day of ``b``; None when either has none."""
    if not a or not b:
        return None
    return min(days_apart(x, y) for x in a for y in b)


def event_date(documents: list[Document]) -> str | None:
    """The day most often named by explicit day-granular dates in the event's documents; a tie
    goes to the day nearest publication (a caption may recall an older meeting)."""
    counts = Counter(day for document in documents for day in explicit_days(document))
    if not counts:
        return None
    published = sorted(d.published for d in documents if d.published)

    def distance(day: str) -> int:
        match = _ISO_DAY.match(day)
        if not published or not match or not match.group(1):
            return 0
        try:
            return abs((date(int(match.group(1)), int(match.group(2)), int(match.group(3))) - published[0]).days)
        except ValueError:
            return 0

    return min(counts, key=lambda d: (-counts[d], distance(d), d))


class Occasions:
    """Each document's days, and whether two groups of documents report different occasions.

    Two groups are apart when both name days and their closest days, over all their members, are
    ``reach`` days or more apart (the 2019 and the 2024 summits of two leaders). Judged per group,
    not per pair: a story told over two years (a killing in 2005, the sentencing in 2007; a film
    announced in 2012 for a 2013 release) has members that name only one end of it, but the group
    holds a report that names both, and that report bridges them."""

    def __init__(self, days: Sequence[Sequence[Day]], reach: int) -> None:
        self.reach = reach
        self._full: list[np.ndarray] = []
        self._yearless: list[np.ndarray] = []
        self._of_year: list[np.ndarray] = []
        for own in days:
            full, yearless, of_year = set(), set(), set()
            for year, month, day in own:
                found = _day_of_year(month, day)
                if found is None:
                    continue
                of_year.add(found)
                ordinal = day_ordinal((year, month, day))
                if year is None:
                    yearless.add(found)
                elif ordinal is not None:
                    full.add(ordinal)
            self._full.append(np.array(sorted(full), dtype=np.int64))
            self._yearless.append(np.array(sorted(yearless), dtype=np.int64))
            self._of_year.append(np.array(sorted(of_year), dtype=np.int64))

    def apart(self, a: Sequence[int], b: Sequence[int]) -> bool:
        """Whether the groups of documents ``a`` and ``b`` report different occasions."""
        of_year_a, of_year_b = self._union(self._of_year, a), self._union(self._of_year, b)
        if not len(of_year_a) or not len(of_year_b):
            return False
        closest = min(_closest(self._union(self._full, a), self._union(self._full, b), None),
                      _closest(self._union(self._yearless, a), of_year_b, _YEAR_DAYS),
                      _closest(of_year_a, self._union(self._yearless, b), _YEAR_DAYS))
        return closest >= self.reach

    @staticmethod
    def _union(arrays: list[np.ndarray], members: Sequence[int]) -> np.ndarray:
        if len(members) == 1:
            return arrays[members[0]]
        return np.unique(np.concatenate([arrays[i] for i in members]))


_YEAR_DAYS = 366
_NEVER = 1 << 40


def _day_of_year(month: int, day: int) -> int | None:
    """The day's number in a leap year (``days_apart`` compares year-less days in 2000)."""
    try:
        return date(2000, month, day).timetuple().tm_yday
    except ValueError:
        return None


def _closest(a: np.ndarray, b: np.ndarray, circle: int | None) -> int:
    """The smallest distance between a value of sorted ``a`` and one of sorted ``b``; around a circle
    of ``circle`` days when given (a year-less day is as near December as January)."""
    if not len(a) or not len(b):
        return _NEVER
    if circle is not None:
        b = np.concatenate([b - circle, b, b + circle])
    at = np.searchsorted(b, a)
    before = np.abs(a - b[np.clip(at - 1, 0, len(b) - 1)])
    after = np.abs(b[np.clip(at, 0, len(b) - 1)] - a)
    return int(min(before.min(), after.min()))
