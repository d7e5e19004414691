"""``date_conflict``: outlets (or one article with itself) giving different dates for one occasion.

Two dates are compared only at a level both can be read at: a day with a day,
a year-less day by month and day, a bare weekday by its weekday, and a day
with a month or year only when both were written out (never relative). Dates
resolved from the publication date are compared only when both articles share
it. Aligned sentences must also share words, and far-apart days in loosely
similar sentences are taken for two occasions, not a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..extract.dates import WEEKDAY_NAMES
from ..model import Document, Fact, Finding
from ..registry import EventContext, register_detector
from ._common import (claim_pairs, components, dedupe, evidence_for, facts_in, majority,
                      make_finding, outlet, twin_sentences)

KIND = "date_conflict"
_KINDS = frozenset({"date", "weekday"})
_SINGLE_BAR, _MULTI_BAR, _TWIN_BAR, _CLOSE_BAR = 0.2, 0.4, 0.6, 0.5
_FAR_DAYS, _SLIP_DAYS = 400, 31


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
    return _NATIVE.get(fact.attrs.get("granularity"), "day")


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
    if level != na or level != nb:
        if relative and level != "weekday":
            return None
    differ = va[level] != vb[level]
    if differ and level == "day" and similarity < _CLOSE_BAR and _days_apart(va["day"], vb["day"]) > _FAR_DAYS:
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
        for fa in _single(facts_in(da, pair.a, _KINDS)):
            for fb in _single(facts_in(db, pair.b, _KINDS)):
                edge = compare(fa, fb, da, db, pair.similarity)
                if edge is not None:
                    edges.append(edge)
    return edges


def _claim_findings(context: EventContext, claim) -> list[Finding]:
    edges = _edges_for(context, claim_pairs(context, claim, _SINGLE_BAR, _MULTI_BAR))
    findings = []
    for level in sorted({e.level for e in edges}):
        level_edges = [e for e in edges if e.level == level]
        for group in components([(e.a, e.b) for e in level_edges]):
            finding = _group_finding(context, claim.id, level, group, level_edges)
            if finding is not None:
                findings.append(finding)
    return findings


def _group_finding(context: EventContext, claim_id: str, level: str, group: list[Fact],
                   edges: list[_Edge]) -> Finding | None:
    members = {(f.document, f.start) for f in group}
    conflicts = [e for e in edges if e.differ and (e.a.document, e.a.start) in members]
    if not conflicts:
        return None
    by_doc: dict[str, set[str]] = {}
    for fact in group:
        by_doc.setdefault(fact.document, set()).add(views(fact)[level])
    if any(len(values) > 1 for values in by_doc.values()):
        return None
    values = {doc: next(iter(v)) for doc, v in by_doc.items()}
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
    for pair in twin_sentences(document, _TWIN_BAR):
        for fa in _single(facts_in(document, pair.a, _KINDS)):
            for fb in _single(facts_in(document, pair.b, _KINDS)):
                edge = compare(fa, fb, document, document, pair.similarity)
                if edge is not None and edge.differ:
                    findings.append(_self_finding(document, fa, fb, edge.confidence, edge.severity))
    findings.extend(_weekday_slips(document))
    return findings


def _weekday_slips(document: Document) -> list[Finding]:
    """Two nearby dates written with the same weekday, only one of which falls on it.

    ``Rabu 19 Juni 2024`` and ``Rabu 29 Juni 2024`` in one article: the second is
    not a Wednesday, so it is most likely the first occasion mistyped.
    """
    dated = [f for f in document.facts if f.kind == "date" and "weekday" in f.attrs
             and f.attrs.get("granularity") == "day" and not str(f.value).startswith("--")]
    findings = []
    for i, fa in enumerate(dated):
        for fb in dated[i + 1:]:
            if fa.attrs["weekday"] != fb.attrs["weekday"] or fa.value == fb.value:
                continue
            if _days_apart(fa.value, fb.value) > _SLIP_DAYS:
                continue
            fits = [date.fromisoformat(f.value).weekday() == f.attrs["weekday"] for f in (fa, fb)]
            if fits.count(True) == 1:
                findings.append(_self_finding(document, fa, fb, 0.7, "high"))
    return findings


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


register_detector(DateConflicts())
