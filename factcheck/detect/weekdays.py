"""``weekday_mismatch``: a weekday written next to a date it does not fall on.

``Rabu 29 Juni 2024`` is flagged because 29 June 2024 is a Saturday. Only the
date's own written weekday is checked, inside one article (``claim`` is None).
A year-less date whose year had to be guessed is reported at medium severity.
"""

from __future__ import annotations

from datetime import date

from ..extract.dates import WEEKDAY_NAMES
from ..model import Document, Fact, Finding
from ..registry import EventContext, detectors
from ..settings import active
from ._common import dedupe, evidence_for, make_finding, outlet

KIND = "weekday_mismatch"


def mismatch(fact: Fact) -> tuple[str, str] | None:
    """(written weekday, actual weekday) when they differ, else None."""
    if fact.kind != "date" or "weekday" not in fact.attrs or fact.attrs.get("granularity") != "day":
        return None
    value = str(fact.value)
    if value.startswith("--"):
        return None
    actual = date.fromisoformat(value).weekday()
    written = int(fact.attrs["weekday"])
    if actual == written:
        return None
    return WEEKDAY_NAMES[written], WEEKDAY_NAMES[actual]


def _near_publication(fact: Fact, document: Document) -> bool:
    """A guessed year is trusted only for a date close to publication."""
    if document.published is None:
        return False
    return abs((date.fromisoformat(str(fact.value)) - document.published).days) <= active().detect.weekday_guess_days


def _finding(document: Document, fact: Fact) -> Finding | None:
    found = mismatch(fact)
    if found is None or (fact.attrs.get("year_inferred") and not _near_publication(fact, document)):
        return None
    written, actual = found
    guessed = bool(fact.attrs.get("year_inferred"))
    summary = (f"{outlet(document)}: {fact.text!r} — {fact.value} is a {actual}, not a {written}"
               + (" (year taken from the publication date)" if guessed else ""))
    return make_finding(KIND, "medium" if guessed else "high", 0.6 if guessed else 0.95, None,
                        summary, None, [], [evidence_for(fact, document)])


class WeekdayMismatches:
    """Registered detector object for ``weekday_mismatch``."""

    kind = KIND

    def __call__(self, context: EventContext) -> list[Finding]:
        findings = []
        for doc_id in sorted(context.documents):
            document = context.documents[doc_id]
            for fact in document.facts:
                finding = _finding(document, fact)
                if finding is not None:
                    findings.append(finding)
        return dedupe(findings)


detectors.register(WeekdayMismatches.kind)(WeekdayMismatches())
