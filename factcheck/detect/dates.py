"""``date_conflict``: outlets (or one article with itself) giving different dates for one occasion.

Two dates are compared only at a level both can be read at (``link.values.date_level``):
a day with a day, a year-less day by month and day, a bare weekday by its weekday, a day
with a month or year. Dates resolved from the publication date are compared only when both
articles share it. Which dates speak of one occasion is the fitted link model's call
(``factcheck.link``), over every pair of dates in the event, whatever claims their sentences
fell in. One article's weekday slip (``Rabu 19 Juni`` in the lead, ``Rabu 29 Juni`` in a
caption) is found here too.
"""

from __future__ import annotations

from datetime import date

from ..link import links
from ..link.values import DATE_KINDS, NUMBER_KINDS, date_level, days_apart, native, shown_date, shown_number, views
from ..model import Document, Fact, Finding, Sentence
from ..registry import EventContext, detectors
from ..settings import active
from ._common import (
    content_words,
    dedupe,
    different_subjects,
    evidence_for,
    facts_in,
    make_finding,
    markers,
    outlet,
    overlap,
    sentence_of,
    twin_sentences,
)
from ._linked import Wording, linked_findings

KIND = "date_conflict"


WORDING = Wording(KIND, "date", lambda fact, level: views(fact)[level], lambda group: "date")


def _single(facts: list[Fact]) -> list[Fact]:
    """Only dates that are alone at their level in their sentence can be paired safely."""
    counts: dict[str, int] = {}
    for fact in facts:
        counts[native(fact)] = counts.get(native(fact), 0) + 1
    return [f for f in facts if counts[native(f)] == 1]


def _within_document(document: Document) -> list[Finding]:
    """One article giving two dates for one occasion: a near-verbatim repeat of a sentence, or a weekday slip.

    The link model compares articles with each other; inside one article only a repeated
    statement (``twin_sentences``) says two dates are of one occasion: a schedule sentence
    listing two matches on two days does not.
    """
    findings = []
    for pair in twin_sentences(document, active().detect.date_twin_bar):
        if _series_rows(document, pair.a, pair.b):
            continue
        for fa in _single(facts_in(document, pair.a, DATE_KINDS)):
            for fb in _single(facts_in(document, pair.b, DATE_KINDS)):
                level = date_level(fa, fb)
                if level is None or views(fa)[level] == views(fb)[level]:
                    continue
                if level != "weekday" and (fa.attrs.get("relative") or fb.attrs.get("relative")):
                    continue
                strong = native(fa) == native(fb)
                findings.append(_self_finding(document, fa, fb, 0.7 if strong else 0.55,
                                              "high" if strong else "medium"))
    findings.extend(_weekday_slips(document))
    return findings


def _series_rows(document: Document, a: Sentence, b: Sentence) -> bool:
    """Two alike sentences that are rows of a series, not one statement repeated: each names something
    the other does not (``Kelab malam Bauhaus … 27 Oktober`` / ``Kelab malam Safe House … 28 Oktober``),
    or their other figures differ too (``67.287 unit pada 2017`` / ``Pada 2016 … 62.033 unit``): a
    repeat repeats its figures."""
    names_a, names_b = markers(document, a), markers(document, b)
    if different_subjects(_unglued(names_a, names_b), _unglued(names_b, names_a)):
        return True
    numbers_a = {shown_number(f) for f in facts_in(document, a, NUMBER_KINDS)}
    numbers_b = {shown_number(f) for f in facts_in(document, b, NUMBER_KINDS)}
    return bool(numbers_a and numbers_b and numbers_a != numbers_b)


def _unglued(names: frozenset[str], others: frozenset[str]) -> frozenset[str]:
    """Names less those glued to or cut from a name of the other sentence (``RusiaSeorang`` / ``Rusia``):
    an extraction slip, not another subject."""
    return frozenset(n for n in names if not any(o != n and (o in n or n in o) for o in others))


def _weekday_slips(document: Document) -> list[Finding]:
    """A date mistyped for another one nearby, betrayed by the weekday written with it.

    ``Rabu 19 Juni 2024`` in the lead and ``Rabu 29 Juni 2024`` in a caption about
    the same visit: 29 June is not a Wednesday, and 29 is 19 with one digit
    slipped, so the caption most likely means the lead's day. All three must
    hold: the same written weekday, exactly one of the two fitting it, the two
    dates one digit (or one swap) apart, and the two sentences sharing words
    about the occasion. Otherwise a wrong weekday is a ``weekday_mismatch``
    only: ``Jumat (28/11)`` and ``Jumat (4/11)`` are two different Fridays.
    """
    dated = [f for f in document.facts if f.kind == "date" and "weekday" in f.attrs
             and f.attrs.get("granularity") == "day" and not str(f.value).startswith("--")]
    findings = []
    for i, fa in enumerate(dated):
        for fb in dated[i + 1:]:
            if fa.attrs["weekday"] != fb.attrs["weekday"] or fa.value == fb.value:
                continue
            if (days_apart(fa, fb) or 0) > active().detect.date_slip_days or not _one_slip(fa.value, fb.value):
                continue
            fits = [date.fromisoformat(f.value).weekday() == f.attrs["weekday"] for f in (fa, fb)]
            if fits.count(True) != 1 or _same_occasion(document, fa, fb) < active().detect.date_slip_bar:
                continue
            findings.append(_self_finding(document, fa, fb, 0.7, "high"))
    return findings


def _one_slip(a: str, b: str) -> bool:
    """Two ISO days whose day (or month) differs by one digit or one swap of digits: a typo."""
    ya, ma, da = a.split("-")
    yb, mb, db = b.split("-")
    if ya != yb:
        return False
    if ma == mb:
        return _typo(da, db)
    return da == db and _typo(ma, mb)


def _typo(x: str, y: str) -> bool:
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 1 or (len(diff) == 2 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]])


def _same_occasion(document: Document, fa: Fact, fb: Fact) -> float:
    """How much the two dates' sentences share words (1.0 when one sentence holds both)."""
    sa, sb = sentence_of(document, fa.sentence), sentence_of(document, fb.sentence)
    if sa is None or sb is None:
        return 0.0
    if sa.index == sb.index:
        return 1.0
    return overlap(content_words(document, sa), content_words(document, sb))


def _self_finding(document: Document, fa: Fact, fb: Fact, confidence: float, severity: str) -> Finding:
    evidence = [evidence_for(f, document, shown_date(f)) for f in (fa, fb)]
    summary = (f"{outlet(document)} gives two dates for the same occasion: "
               f"{shown_date(fa)} ({fa.text!r}) vs {shown_date(fb)} ({fb.text!r})")
    return make_finding(KIND, severity, confidence, None, summary, None, [], evidence)


class DateConflicts:
    """Registered detector object for ``date_conflict``."""

    kind = KIND

    def __call__(self, context: EventContext) -> list[Finding]:
        findings = linked_findings(context, links(context, DATE_KINDS), WORDING)
        for doc_id in sorted(context.documents):
            findings.extend(_within_document(context.documents[doc_id]))
        return dedupe(findings)


detectors.register(DateConflicts.kind)(DateConflicts())
