"""An outlet scorecard: per outlet, how much it covered and how often it stood alone.

For a corpus the first question after "what disagrees" is "who": which outlet is most often the
one whose value differs from the others' (a finding's ``outliers``), by kind. Counts only, from the
report itself, so that ``show`` draws the same scorecard from a saved report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .report import Report


@dataclass(frozen=True)
class OutletScore:
    outlet: str
    articles: int
    events: int
    """Events with at least one of its articles."""
    findings: int
    """Findings that quote one of its articles."""
    outlier: int
    """Findings in which one of its articles is the outlier (it differs from the majority)."""
    outlier_by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def outlier_share(self) -> float:
        """Of the findings that quote it, the share in which it is the outlier."""
        return self.outlier / self.findings if self.findings else 0.0


def outlet_scorecard(report: Report) -> list[OutletScore]:
    """One row per outlet, most often the outlier first (then most findings, then by name)."""
    outlet_of = {d.id: report.outlet(d.id) for d in report.documents}
    articles = Counter(outlet_of.values())
    events: dict[str, set[str]] = {}
    for document in report.documents:
        if document.event:
            events.setdefault(outlet_of[document.id], set()).add(document.event)
    quoted: Counter[str] = Counter()
    outlier: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {}
    for finding in report.findings:
        for outlet in {outlet_of.get(e.document, e.document) for e in finding.evidence}:
            quoted[outlet] += 1
        for outlet in {outlet_of.get(d, d) for d in finding.outliers}:
            outlier[outlet] += 1
            by_kind.setdefault(outlet, Counter())[finding.kind] += 1
    rows = [OutletScore(outlet, articles[outlet], len(events.get(outlet, ())), quoted[outlet], outlier[outlet],
                        dict(sorted(by_kind.get(outlet, Counter()).items())))
            for outlet in articles]
    return sorted(rows, key=lambda r: (-r.outlier, -r.findings, r.outlet))
