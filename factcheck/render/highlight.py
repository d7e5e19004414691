"""Document text cut into segments, each knowing which findings cover it.

The HTML view marks evidence at its character offsets. Marks overlap (one
sentence can hold values of several findings), so the text is cut at every
mark boundary and each piece carries the set of findings over it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..model import Finding
from ..report import Report


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    finding: int  # index into the sorted findings
    is_value: bool


@dataclass
class Segment:
    start: int
    text: str
    sentence_of: set[int] = field(default_factory=set)
    value_of: set[int] = field(default_factory=set)


def document_marks(findings: list[Finding], doc_id: str) -> list[Mark]:
    marks = []
    for index, finding in enumerate(findings):
        for item in finding.evidence:
            if item.document == doc_id:
                marks.append(Mark(item.start, item.end, index, False))
                marks.append(Mark(item.span[0], item.span[1], index, True))
    return marks


def fragments(report: Report, findings: list[Finding], doc_id: str) -> tuple[list[tuple[int, str]], bool]:
    """The text to show for a document, as ``(offset, text)`` pieces.

    The whole source when the report carries it and it agrees with the
    evidence; otherwise only the evidence sentences (a re-rendered report has
    no sources). The flag says whether the full source is shown.
    """
    items = [e for f in findings for e in f.evidence if e.document == doc_id]
    source = report.sources.get(doc_id)
    if source is not None and all(source[e.start:e.end] == e.text for e in items):
        return [(0, source)], True
    return _merge(sorted({(e.start, e.text) for e in items})), False


def _merge(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    merged: list[tuple[int, str]] = []
    for start, text in pieces:
        if merged and start <= merged[-1][0] + len(merged[-1][1]):
            prev_start, prev_text = merged[-1]
            overlap = prev_start + len(prev_text) - start
            merged[-1] = (prev_start, prev_text + text[overlap:])
        else:
            merged.append((start, text))
    return merged


def segments(offset: int, text: str, marks: list[Mark]) -> list[Segment]:
    end = offset + len(text)
    cuts = {offset, end}
    for mark in marks:
        cuts.update(p for p in (mark.start, mark.end) if offset < p < end)
    points = sorted(cuts)
    result = []
    for lo, hi in itertools.pairwise(points):
        seg = Segment(lo, text[lo - offset:hi - offset])
        for mark in marks:
            if mark.start <= lo and hi <= mark.end and mark.start < mark.end:
                (seg.value_of if mark.is_value else seg.sentence_of).add(mark.finding)
        result.append(seg)
    return result
