"""``date_conflict``: outlets (or one article with itself) giving different dates for one occasion.

Two dates are compared only at a level both can be read at: a day with a day,
a year-less day by month and day, a bare weekday by its weekday, and a day
with a month or year only when both were written out (never relative). Dates
resolved from the publication date are compared only when both articles share
it. Aligned sentences must also share words, and far-apart days in loosely
similar sentences are taken for two occasions, not a conflict. In a claim
where an outlet brings several sentences, each is compared only with its
mutual best match in the other outlet (``_common.claim_pairs``), and two dates
of one level in a sentence only with the date standing between the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..extract.dates import WEEKDAY_NAMES
from ..model import Document, Fact, Finding
from ..registry import EventContext, detectors
from ..settings import active
from ._common import (
    claim_pairs,
    components,
    content_words,
    context_pairs,
    dedupe,
    evidence_for,
    facts_in,
    majority,
    make_finding,
    outlet,
    overlap,
    sentence_of,
    twin_sentences,
)

KIND = "date_conflict"
_KINDS = frozenset({"date", "weekday"})


@dataclass(frozen=True)
class _Edge:
    a: Fact
    b: Fact
    level: str
    differ: bool
    confidence: float
    severity: str


def views(fact: Fact) -> dict[str, str]:
    """The levels a date can be compared at, each with its value there."""
    if fact.kind == "weekday":
        return {"weekday": WEEKDAY_NAMES[int(fact.value)]}
    value, gran = str(fact.value), fact.attrs.get("granularity")
    if gran == "offset":
        return {"offset": value}
    if gran == "week":
        return {"week": value}
    if value.startswith("--"):
        return {"monthday": value[2:]}
    out = {"year": value[:4]}
    if gran in ("day", "month"):
        out["month"] = value[:7]
    if gran == "day":
        out.update(day=value, monthday=value[5:], weekday=WEEKDAY_NAMES[date.fromisoformat(value).weekday()])
    return out


_NATIVE = {"day": "day", "month": "month", "year": "year", "week": "week", "offset": "offset"}


def _native(fact: Fact) -> str:
    if fact.kind == "weekday":
        return "weekday"
    if str(fact.value).startswith("--"):
        return "monthday"
    return _NATIVE.get(str(fact.attrs.get("granularity") or "day"), "day")


def compare(fa: Fact, fb: Fact, da: Document, db: Document, similarity: float) -> _Edge | None:
    """How two dates of the same statement relate, or None when they cannot be compared."""
    na, nb = _native(fa), _native(fb)
    va, vb = views(fa), views(fb)
    level = _level(fa, fb, na, nb)
    if level is None or level not in va or level not in vb:
        return None
    relative = bool(fa.attrs.get("relative") or fb.attrs.get("relative"))
    if relative and level != "weekday" and (da.published is None or da.published != db.published):
        return None
    if (level != na or level != nb) and relative and level != "weekday":
        return None
    differ = va[level] != vb[level]
    if differ and level == "day" and similarity < active().detect.date_close_bar \
            and _days_apart(va["day"], vb["day"]) > active().detect.date_far_days:
        return None
    confidence, severity = _strength(level, na, nb, relative)
    return _Edge(fa, fb, level, differ, confidence, severity)


def _level(fa: Fact, fb: Fact, na: str, nb: str) -> str | None:
    if "offset" in (na, nb):
        return "offset" if na == nb else None
    if "weekday" in (na, nb):
        return "weekday"
    if "monthday" in (na, nb) or fa.attrs.get("year_inferred") or fb.attrs.get("year_inferred"):
        return "monthday" if {na, nb} <= {"day", "monthday"} else None
    if "week" in (na, nb):
        return "week" if na == nb else None
    order = ("day", "month", "year")
    return order[max(order.index(na), order.index(nb))]


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _strength(level: str, na: str, nb: str, relative: bool) -> tuple[float, str]:
    if relative and level != "weekday":
        return 0.55, "medium"
    if level == "weekday":
        return 0.7, "high" if "weekday" not in (na, nb) or na == nb else "medium"
    if na != nb:
        return 0.7, "high"
    return 0.92, "high"


def _single(facts: list[Fact]) -> list[Fact]:
    """Only dates that are alone at their level in their sentence can be paired safely."""
    counts: dict[str, int] = {}
    for fact in facts:
        counts[_native(fact)] = counts.get(_native(fact), 0) + 1
    return [f for f in facts if counts[_native(f)] == 1]


def _edges_for(context: EventContext, pairs) -> list[_Edge]:
    edges = []
    for pair in pairs:
        da, db = context.documents[pair.a.document], context.documents[pair.b.document]
        for fa, fb in _fact_pairs(da, facts_in(da, pair.a, _KINDS), db, facts_in(db, pair.b, _KINDS)):
            edge = compare(fa, fb, da, db, pair.similarity)
            if edge is not None:
                edges.append(edge)
    return edges


def _fact_pairs(da: Document, facts_a: list[Fact], db: Document, facts_b: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Dates of two matched sentences that may speak of one occasion.

    A sentence's only date is compared with every date of the other at each level
    both can be read at. Otherwise dates are compared level by level: the one date
    of a level with the other's one, and dates that share their level with another
    in the sentence only with the one standing between the same words. So
    ``Sejak 2015 hingga Juli 2017 … Rabu (16/8/2017)`` never sets 2015 against 2017.
    """
    if len(facts_a) == 1 or len(facts_b) == 1:
        return [(fa, fb) for fa in _single(facts_a) for fb in _single(facts_b)]
    pairs = []
    for level in sorted({_native(f) for f in facts_a} & {_native(f) for f in facts_b}):
        at_a = [f for f in facts_a if _native(f) == level]
        at_b = [f for f in facts_b if _native(f) == level]
        if len(at_a) == 1 and len(at_b) == 1:
            pairs.append((at_a[0], at_b[0]))
        else:
            pairs.extend(context_pairs(da, at_a, db, at_b))
    return pairs


def _claim_findings(context: EventContext, claim) -> list[Finding]:
    edges = _edges_for(context, claim_pairs(context, claim, *context.settings.detect.date_pair_bar))
    findings = []
    for level in sorted({e.level for e in edges}):
        level_edges = [e for e in edges if e.level == level]
        for group in components([(e.a, e.b) for e in level_edges]):
            findings.extend(_group_findings(context, claim.id, level, group, level_edges))
    return findings


def _group_findings(context: EventContext, claim_id: str, level: str, group: list[Fact],
                    edges: list[_Edge]) -> list[Finding]:
    """One finding for a linked group; pair by pair when one document holds two values in it."""
    members = {(f.document, f.start) for f in group}
    inside = [e for e in edges if (e.a.document, e.a.start) in members]
    if not any(e.differ for e in inside):
        return []
    by_doc: dict[str, set[str]] = {}
    for fact in group:
        by_doc.setdefault(fact.document, set()).add(views(fact)[level])
    if all(len(values) == 1 for values in by_doc.values()):
        finding = _group_finding(context, claim_id, level, group, [e for e in inside if e.differ])
        return [finding]
    # Matched sentences chained one document to two of its own dates (A~B, B~C,
    # C~A'): the group is not one occasion, so each compared pair stands alone,
    # and only when neither document also gives the other's value in the group.
    findings = []
    for edge in inside:
        va, vb = views(edge.a)[level], views(edge.b)[level]
        if edge.differ and va not in by_doc[edge.b.document] and vb not in by_doc[edge.a.document]:
            findings.append(_group_finding(context, claim_id, level, [edge.a, edge.b], [edge]))
    return findings


def _group_finding(context: EventContext, claim_id: str, level: str, group: list[Fact],
                   conflicts: list[_Edge]) -> Finding:
    values = {f.document: views(f)[level] for f in group}
    top, outliers = majority(values)
    strongest = max(conflicts, key=lambda e: (e.confidence, e.severity == "high"))
    evidence = [evidence_for(f, context.documents[f.document], _shown(f)) for f in group]
    return make_finding(KIND, strongest.severity, strongest.confidence, claim_id,
                        _summary(context, values, top), top, outliers, evidence)


def _shown(fact: Fact) -> str:
    if fact.kind == "weekday":
        return WEEKDAY_NAMES[int(fact.value)]
    return str(fact.value)


def _summary(context: EventContext, values: dict[str, str], top: str | None) -> str:
    by_value: dict[str, list[str]] = {}
    for doc, value in sorted(values.items()):
        by_value.setdefault(value, []).append(outlet(context.documents[doc]))
    parts = [f"{value} ({', '.join(names)})" for value, names in sorted(by_value.items())]
    lead = f"Outlets disagree on the date; most say {top}: " if top else "Outlets disagree on the date: "
    return lead + " vs ".join(parts)


def _within_document(document: Document) -> list[Finding]:
    """One article giving two dates for one occasion: repeated sentences, or a weekday slip."""
    findings = []
    for pair in twin_sentences(document, active().detect.date_twin_bar):
        for fa in _single(facts_in(document, pair.a, _KINDS)):
            for fb in _single(facts_in(document, pair.b, _KINDS)):
                edge = compare(fa, fb, document, document, pair.similarity)
                if edge is not None and edge.differ:
                    findings.append(_self_finding(document, fa, fb, edge.confidence, edge.severity))
    findings.extend(_weekday_slips(document))
    return findings


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
            if _days_apart(fa.value, fb.value) > active().detect.date_slip_days or not _one_slip(fa.value, fb.value):
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
    evidence = [evidence_for(f, document, _shown(f)) for f in (fa, fb)]
    summary = (f"{outlet(document)} gives two dates for the same occasion: "
               f"{_shown(fa)} ({fa.text!r}) vs {_shown(fb)} ({fb.text!r})")
    return make_finding(KIND, severity, confidence, None, summary, None, [], evidence)


class DateConflicts:
    """Registered detector object for ``date_conflict``."""

    kind = KIND

    def __call__(self, context: EventContext) -> list[Finding]:
        findings = []
        for claim in sorted(context.claims, key=lambda c: c.id):
            findings.extend(_claim_findings(context, claim))
        for doc_id in sorted(context.documents):
            findings.extend(_within_document(context.documents[doc_id]))
        return dedupe(findings)


detectors.register(DateConflicts.kind)(DateConflicts())
