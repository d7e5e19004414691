"""Orderings and lookups every renderer shares.

All formats show findings and claims in the same order, so a reader who
switches from the terminal to the HTML file finds F3 in the same place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import SEVERITIES, Claim, Evidence, Finding, severity_rank
from ..report import Report

# What a terminal would act on instead of print: escape sequences (CSI, OSC
# such as window titles and OSC 8 links, DCS/SOS/PM/APC strings, two-character
# escapes), 8-bit C1 controls, the other C0 controls, DEL, and the bidi
# embeddings/overrides/isolates that reorder what a reader sees.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"                              # CSI ... final byte
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC, DCS... ST
    r"|\x1b[ -/]*[0-~]"                                               # other escapes (ESC c, ESC ( B...)
)
_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_DOCUMENT_CONTROLS = re.compile(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
_LINE_BREAKS = re.compile("[\n\t\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def terminal_safe(text: object) -> str:
    """``text`` without anything a terminal would act on; ``\\n`` and ``\\t`` stay."""
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))


def terminal_safe_document(text: str) -> str:
    """A whole rendered document made safe for a terminal; ``\\r\\n`` line ends (CSV) stay."""
    return _DOCUMENT_CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: object) -> str:
    """A message for one line of stderr: terminal-safe, line breaks and tabs as spaces."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub(" ", _ESCAPES.sub("", str(text)))).strip()


def severity_key(severity: str) -> int:
    """Rank of a severity; unknown ones (from a newer report) sort lowest."""
    return severity_rank(severity) if severity in SEVERITIES else -1


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe, then most confident first; ids break ties for stability."""
    return sorted(findings, key=lambda f: (-severity_key(f.severity), -f.confidence, _natural(f.id)))


def sorted_claims(claims: Iterable[Claim]) -> list[Claim]:
    """Best aligned claims first, as a reader wants to see the solid matches."""
    return sorted(claims, key=lambda c: (-c.score, _natural(c.id)))


def _natural(identifier: str) -> tuple[str, int, str]:
    """``F2`` before ``F10``."""
    head = identifier.rstrip("0123456789")
    tail = identifier[len(head):]
    return (head, int(tail) if tail else -1, identifier)


def outlet_name(report: Report, doc_id: str) -> str:
    """The outlet a reader recognises; the document id when unknown."""
    try:
        return report.outlet(doc_id)
    except KeyError:
        return doc_id


def finding_event(report: Report, finding: Finding) -> str | None:
    """The event a finding belongs to: its claim's, else its first document's."""
    if finding.claim:
        event = report.claim_event(finding.claim)
        if event is not None:
            return event
    for item in finding.evidence:
        try:
            return report.document(item.document).event
        except KeyError:
            continue
    return None


def split_at_span(item: Evidence) -> tuple[str, str, str]:
    """The evidence sentence cut into (before, value, after) at the value's span.

    Falls back to the whole sentence when the span lies outside it, which a
    hand-edited or foreign report may contain.
    """
    lo, hi = item.span[0] - item.start, item.span[1] - item.start
    if 0 <= lo <= hi <= len(item.text):
        return item.text[:lo], item.text[lo:hi], item.text[hi:]
    return item.text, "", ""


def sentence_total(report: Report) -> int:
    """Sentences read, from the run statistics or the per-document counts."""
    stats = report.stats.get("sentences")
    return int(stats) if isinstance(stats, int) else sum(d.sentences for d in report.documents)


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -severity_key(kv[0])))


def model_label(report: Report) -> str:
    model = report.model
    name = str(model.get("name") or model.get("backend") or "unknown")
    backend = model.get("backend")
    return f"{backend}: {name}" if backend and backend != name else name
