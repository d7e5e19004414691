"""Findings from fact links: groups of facts the link model ties to one thing, whose values clash.

Shared by ``number_conflict`` and ``date_conflict``, so both group, rank and word their
findings the same way. A group is the connected set of confidently linked facts (agreeing
links included, so "32 (3 outlets) vs 31 (1)" counts every outlet); when one article holds
two values inside a group the group is not one quantity, and each clashing pair stands alone.
Besides the pairs the link model scores at or above its bar, a pair the aligner matched as one
statement (a claim's mutual-best sentence pair, the facts each other's counterpart) is kept:
a retelling with one value changed is a disagreement whatever else the two articles say.
Severity comes from the link score: high only where the two facts are confidently one thing
(at or above the model's high bar) and neither value is hedged, so both cannot be right; medium
at or above the report bar; low for a hedged value or a pair kept only as one statement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..link import FactLink, claim_index, model_for
from ..link.values import hedged, quantity
from ..model import Fact, Finding
from ..registry import EventContext
from ._common import components, evidence_for, majority, make_finding, outlet


@dataclass(frozen=True)
class Wording:
    """How a detector names its values and what they measure."""

    kind: str
    family: str
    """The link model family that scores these facts: ``number`` or ``date``."""
    shown: Callable[[Fact, str], str]
    """``(fact, level) -> value as shown``; facts with one shown value agree."""
    what: Callable[[list[Fact]], str]
    """The thing measured, for the summary: ``age of Robert Buckley``, ``number of boats``."""
    readable: Callable[[Fact, str], str] | None = None
    """``(fact, level) -> value as a reader writes it`` for the summary (``30 years``, not minutes)."""

    def said(self, fact: Fact, level: str) -> str:
        return self.readable(fact, level) if self.readable else self.shown(fact, level)


def bars(context: EventContext, family: str) -> tuple[float, float]:
    model = model_for(context).family(family)
    cfg = context.settings.link
    report = cfg.report_bar if cfg.report_bar is not None else model.report_bar
    high = cfg.high_bar if cfg.high_bar is not None else model.high_bar
    return report, max(report, high)


def linked_findings(context: EventContext, scored: list[FactLink], wording: Wording) -> list[Finding]:
    """One finding per group of linked facts that disagree (pair by pair where a group is not one thing)."""
    report_bar, high_bar = bars(context, wording.family)
    kept = [link for link in scored if link.score >= report_bar or link.same_statement]
    findings = []
    for level in sorted({link.level for link in kept}):
        at_level = [link for link in kept if link.level == level]
        for group in components([(link.a, link.b) for link in at_level]):
            members = {_key(f) for f in group}
            inside = [link for link in at_level if _key(link.a) in members]
            clashes = [link for link in inside if link.differ]
            if not clashes:
                continue
            by_doc: dict[str, set[str]] = {}
            for fact in group:
                by_doc.setdefault(fact.document, set()).add(wording.shown(fact, level))
            if all(len(values) == 1 for values in by_doc.values()) and len(by_doc) > 1:
                findings.append(_finding(context, wording, level, group, clashes, (report_bar, high_bar)))
                continue
            # Pair by pair, but one finding per two values: "12 magazines" (two outlets) against "31"
            # (two others) is one disagreement, not one per pair of outlets.
            same_values: dict[frozenset[str], list[FactLink]] = {}
            for link in clashes:
                va, vb = wording.shown(link.a, level), wording.shown(link.b, level)
                if link.a.document == link.b.document:
                    findings.append(_finding(context, wording, level, [link.a, link.b], [link],
                                             (report_bar, high_bar)))
                elif va not in by_doc[link.b.document] and vb not in by_doc[link.a.document]:
                    same_values.setdefault(frozenset((va, vb)), []).append(link)
            for links_ in same_values.values():
                facts = sorted({_key(f): f for link in links_ for f in (link.a, link.b)}.values(), key=_key)
                findings.append(_finding(context, wording, level, facts, links_, (report_bar, high_bar)))
    return findings


def _key(fact: Fact) -> tuple:
    return fact.document, fact.start, fact.end, fact.kind


def _finding(context: EventContext, wording: Wording, level: str, group: list[Fact], clashes: list[FactLink],
             bars_: tuple[float, float]) -> Finding:
    strongest = max(clashes, key=lambda link: (link.score, link.same_statement))
    soft = _soft(strongest)
    report_bar, high_bar = bars_
    if strongest.score >= high_bar and not soft:
        severity = "high"
    elif strongest.score >= report_bar and not soft:
        severity = "medium"
    else:
        severity = "low"  # hedged, or kept only as one statement: on ECB+ such findings were right 1 time in 12
    one_document = len({f.document for f in group}) == 1
    values = {} if one_document else {f.document: wording.shown(f, level) for f in group}
    top, outliers = majority(values) if values else (None, [])
    evidence = [evidence_for(f, context.documents[f.document], wording.shown(f, level)) for f in group]
    claim = _shared_claim(context, strongest)
    return make_finding(wording.kind, severity, strongest.score, claim,
                        _summary(context, wording, level, group, top), top, outliers, evidence)


def _soft(link: FactLink) -> bool:
    """A hedged value close to the other (within a quarter): "sekitar 1.500" against 1.700 may be loose
    wording; "about 50 percent" against 30 percent is not."""
    if not (hedged(link.a) or hedged(link.b)):
        return False
    qa, qb = quantity(link.a), quantity(link.b)
    if qa is None or qb is None:
        return True
    low, high = sorted((abs(qa.value), abs(qb.value)))
    return high == 0 or (high - low) / high < 0.25


def _shared_claim(context: EventContext, link: FactLink) -> str | None:
    """The first claim (by number) holding both facts' sentences, if any: facts are linked across claims."""
    index = claim_index(context)
    shared = index.get((link.a.document, link.a.sentence), set()) & index.get((link.b.document, link.b.sentence), set())
    return min(shared, key=lambda c: int(c[1:]) if c[1:].isdigit() else 0) if shared else None


def _summary(context: EventContext, wording: Wording, level: str, group: list[Fact], top: str | None) -> str:
    what = wording.what(group)
    if len({f.document for f in group}) == 1:
        document = context.documents[group[0].document]
        shown = " vs ".join(f"{wording.said(f, level)} ({f.text!r})" for f in group)
        return f"{outlet(document)} gives two values for the {what}: {shown}"
    by_value: dict[str, set[str]] = {}
    said: dict[str, str] = {}
    for fact in group:
        value = wording.shown(fact, level)
        by_value.setdefault(value, set()).add(outlet(context.documents[fact.document]))
        said.setdefault(value, wording.said(fact, level))
    ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    parts = [f"{said[value]} ({_outlets(names)})" for value, names in ranked]
    lead = f"{what[:1].upper()}{what[1:]}: "
    if top:
        lead += f"most say {said[top]}; "
    return lead + " vs ".join(parts)


def _outlets(names: set[str]) -> str:
    if len(names) <= 2:
        return ", ".join(sorted(names))
    return f"{len(names)} outlets"
