"""``number_conflict``: aligned statements giving different values for one quantity.

Quantities are compared only with the same kind and unit or counted noun
(durations are all minutes, so ``tiga jam`` equals ``180 menit``), and only
when each sentence holds one value of that unit or the two values stand
between the same words, so two different things counted in one sentence are
never paired; sentences are paired as in ``_common.claim_pairs``. Hedges widen
a value into a range (``lebih dari 3 jam`` is anything above 180 minutes;
``sekitar 1.500`` ±10%), a round figure agrees with the exact one it rounds
(within its rounding unit), and any hedge lowers a conflict to medium severity.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Fact, Finding
from ..registry import EventContext, detectors
from ..settings import active
from ._common import (
    claim_pairs,
    components,
    context_pairs,
    dedupe,
    evidence_for,
    facts_in,
    majority,
    make_finding,
    outlet,
)

KIND = "number_conflict"
_KINDS = frozenset({"number", "duration"})


@dataclass(frozen=True)
class _Edge:
    a: Fact
    b: Fact
    differ: bool


def unit_key(fact: Fact) -> tuple[str, str]:
    return fact.kind, str(fact.attrs.get("unit"))


def interval(fact: Fact) -> tuple[float, float]:
    """The values a fact allows, given its range and hedge."""
    low = float(fact.attrs.get("low", fact.value))
    high = float(fact.attrs.get("high", fact.value))
    bound = fact.attrs.get("bound")
    if bound == "min":
        return low, math.inf
    if bound == "max":
        return 0.0, high
    if bound == "about":
        about = active().detect.number_about
        return low * (1 - about), high * (1 + about)
    return low, high


def _rounds_to(exact: float, rounded: float) -> bool:
    """``1.500`` agrees with ``1.512``: the round figure is the exact one rounded.

    Rounding absorbs only a difference inside the round figure's rounding unit,
    and that unit is at most a tenth of the figure: ``1.500`` (unit 100) takes
    ``1.512`` or ``1.460``, but ``100`` is not a rounding of ``140`` nor ``200``
    of ``250`` (a one-significant-digit figure is read to its next digit), and
    the exact figure must be written more precisely than the round one.
    """
    if rounded == 0 or exact == rounded or rounded != int(rounded) or abs(rounded) < 100:
        return False
    whole = f"{abs(rounded):.0f}"
    unit = 10 ** (len(whole) - len(whole.rstrip("0")))
    unit = min(unit, 10 ** math.floor(math.log10(abs(rounded) / 10)))
    if _precision(exact) >= unit:
        return False
    return abs(exact - rounded) <= unit / 2


def _precision(value: float) -> float:
    """The unit of the last significant digit of a written figure (``1.512`` → 1, ``1.500`` → 100)."""
    if value != int(value):
        return 0.0
    whole = f"{abs(value):.0f}"
    return 10 ** (len(whole) - len(whole.rstrip("0"))) if value else 1


def agree(fa: Fact, fb: Fact) -> bool:
    (la, ha), (lb, hb) = interval(fa), interval(fb)
    tolerance = 1e-9 * max(abs(la), abs(lb), 1.0)
    if la <= hb + tolerance and lb <= ha + tolerance:
        return True
    a, b = float(fa.value), float(fb.value)
    return _rounds_to(a, b) or _rounds_to(b, a)


def hedged(fact: Fact) -> bool:
    return "approx" in fact.attrs or "high" in fact.attrs


def _by_unit(facts: list[Fact]) -> dict[tuple[str, str], list[Fact]]:
    units: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        units.setdefault(unit_key(fact), []).append(fact)
    return units


def fact_pairs(da, facts_a: list[Fact], db, facts_b: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Quantities of two matched sentences that count the same thing.

    Same kind and unit, and either each sentence holds one value of that unit,
    or the two stand between the same words (``setara Rp 5,88 triliun (asumsi
    kurs Rp 13.000``: the sum with the sum, the rate with the rate).
    """
    units_a, units_b = _by_unit(facts_a), _by_unit(facts_b)
    pairs = []
    for key in sorted(set(units_a) & set(units_b)):
        at_a, at_b = units_a[key], units_b[key]
        if len(at_a) == 1 and len(at_b) == 1:
            pairs.append((at_a[0], at_b[0]))
        else:
            pairs.extend(context_pairs(da, at_a, db, at_b))
    return pairs


def _edges(context: EventContext, claim) -> list[_Edge]:
    edges = []
    for pair in claim_pairs(context, claim, *context.settings.detect.number_pair_bar):
        da, db = context.documents[pair.a.document], context.documents[pair.b.document]
        for fa, fb in fact_pairs(da, facts_in(da, pair.a, _KINDS), db, facts_in(db, pair.b, _KINDS)):
            edges.append(_Edge(fa, fb, not agree(fa, fb)))
    return edges


def _claim_findings(context: EventContext, claim) -> list[Finding]:
    edges = _edges(context, claim)
    findings = []
    for group in components([(e.a, e.b) for e in edges]):
        keys = {(f.document, f.start) for f in group}
        inside = [e for e in edges if (e.a.document, e.a.start) in keys]
        conflicts = [e for e in inside if e.differ]
        if not conflicts:
            continue
        by_doc: dict[str, set[str]] = {}
        for fact in group:
            by_doc.setdefault(fact.document, set()).add(shown(fact))
        if all(len(v) == 1 for v in by_doc.values()):
            findings.append(_finding(context, claim.id, group, conflicts))
        else:
            # Matched sentences chained one document to two of its own values:
            # not one quantity, so each compared pair stands alone, and only when
            # neither document also gives the other's value in the group.
            findings.extend(_finding(context, claim.id, [e.a, e.b], [e]) for e in conflicts
                            if shown(e.a) not in by_doc[e.b.document] and shown(e.b) not in by_doc[e.a.document])
    return findings


def shown(fact: Fact) -> str:
    unit = fact.attrs.get("unit")
    if "high" in fact.attrs:
        number = f"{_fmt(fact.attrs['low'])}-{_fmt(fact.attrs['high'])}"
    else:
        number = _fmt(float(fact.value))
    return f"{number} {unit}" if unit else number


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


def _finding(context: EventContext, claim_id: str, group: list[Fact], conflicts: list[_Edge]) -> Finding:
    values = {fact.document: shown(fact) for fact in group}
    top, outliers = majority(values)
    soft = all(hedged(e.a) or hedged(e.b) for e in conflicts)
    severity, confidence = ("medium", 0.6) if soft else ("high", 0.9)
    evidence = [evidence_for(f, context.documents[f.document], shown(f)) for f in group]
    return make_finding(KIND, severity, confidence, claim_id, _summary(context, values, top, group[0]),
                        top, outliers, evidence)


def _summary(context: EventContext, values: dict[str, str], top: str | None, sample: Fact) -> str:
    by_value: dict[str, list[str]] = {}
    for doc, value in sorted(values.items()):
        by_value.setdefault(value, []).append(outlet(context.documents[doc]))
    parts = [f"{value} ({', '.join(names)})" for value, names in sorted(by_value.items())]
    what = "duration" if sample.kind == "duration" else f"number of {sample.attrs.get('unit')}"
    lead = f"Outlets disagree on the {what}; most say {top}: " if top else f"Outlets disagree on the {what}: "
    return lead + " vs ".join(parts)


class NumberConflicts:
    """Registered detector object for ``number_conflict``."""

    kind = KIND

    def __call__(self, context: EventContext) -> list[Finding]:
        findings = []
        for claim in sorted(context.claims, key=lambda c: c.id):
            findings.extend(_claim_findings(context, claim))
        return dedupe(findings)


detectors.register(NumberConflicts.kind)(NumberConflicts())

