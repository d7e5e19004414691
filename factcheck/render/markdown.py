"""Markdown: a report to paste into a ticket or a wiki page.

Article text is escaped so that it shows as printed: a ``|`` cannot break a
table, and ``<script>`` or ``**`` in an article stays literal text. Escape
sequences and control characters are dropped, as a Markdown file is read in a
terminal as often as in a browser.
"""

from __future__ import annotations

import re

from ..model import Claim, Finding
from ..registry import exporters
from ..report import Report
from ._common import (
    finding_event,
    model_label,
    outlet_name,
    sentence_total,
    severity_counts,
    sorted_claims,
    sorted_findings,
    split_at_span,
    terminal_safe,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&!])")


def md(text: object) -> str:
    """Escape Markdown (and inline HTML) and fold line breaks into spaces."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", terminal_safe(text)))


@exporters.register("md")
def render_markdown(report: Report) -> str:
    parts = [_summary(report), _findings(report), _claims(report)]
    return "\n\n".join(p for p in parts if p).rstrip() + "\n"


def _summary(report: Report) -> str:
    counts = severity_counts(report.findings)
    by_severity = ", ".join(f"{n} {s}" for s, n in counts.items())
    lines = [
        "# factcheck report",
        "",
        f"- **Documents:** {len(report.documents)}",
        f"- **Events:** {len(report.events)}",
        f"- **Claims:** {len(report.claims)}",
        f"- **Sentences:** {sentence_total(report)}",
        f"- **Findings:** {len(report.findings)}" + (f" ({by_severity})" if by_severity else ""),
        f"- **Model:** {md(model_label(report))}",
        "",
        "| Document | Outlet | Title | Published | Event |",
        "|---|---|---|---|---|",
    ]
    for doc in report.documents:
        lines.append(f"| {md(doc.id)} | {md(doc.outlet)} | {md(doc.title)} | "
                     f"{md(doc.published or '')} | {md(doc.event or '')} |")
    return "\n".join(lines)


def _findings(report: Report) -> str:
    findings = sorted_findings(report.findings)
    if not findings:
        return "## Findings\n\nNo disagreements found."
    lines = ["## Findings", "", "| ID | Kind | Severity | Confidence | Majority | Outliers | Summary |",
             "|---|---|---|---|---|---|---|"]
    for f in findings:
        outliers = ", ".join(md(outlet_name(report, d)) for d in f.outliers)
        lines.append(f"| {md(f.id)} | {md(f.kind)} | {md(f.severity)} | {f.confidence:.2f} | "
                     f"{md(f.majority or '—')} | {outliers or '—'} | {md(f.summary)} |")
    return "\n".join(lines) + "\n\n" + "\n\n".join(_evidence(report, f) for f in findings)


def _evidence(report: Report, finding: Finding) -> str:
    event = finding_event(report, finding)
    where = f"claim {md(finding.claim)}" if finding.claim else "within one document"
    lines = [f"### {md(finding.id)} · {md(finding.kind)} · {md(finding.severity)}", "",
             f"{md(finding.summary)} ({where}" + (f", event {md(event)})" if event else ")"), ""]
    for item in finding.evidence:
        before, value, after = split_at_span(item)
        mark = " *(outlier)*" if item.document in finding.outliers else ""
        quote = f"{md(before)}**{md(value)}**{md(after)}" if value else md(item.text)
        lines.append(f"> **{md(outlet_name(report, item.document))}**{mark} — "
                     f"value `{_code(item.value)}`  ")
        lines.append(f"> {quote}")
        lines.append("")
    return "\n".join(lines).rstrip()


def _code(text: str) -> str:
    """Inline code cannot hold a backtick; swap it for a look-alike."""
    return " ".join(terminal_safe(text).split()).replace("`", "ˋ") or " "


def _claims(report: Report) -> str:
    sections = ["## Aligned claims"]
    for event in report.events:
        claims = sorted_claims(c for c in report.claims if c.event == event.id)
        heading = f"### Event {md(event.id)}" + (f": {md(event.label)}" if event.label else "")
        if event.date:
            heading += f" ({md(event.date)})"
        body = "\n\n".join(_claim(report, c) for c in claims) or "No claim shared by two outlets."
        sections.append(f"{heading}\n\n{body}")
    return "\n\n".join(sections)


def _claim(report: Report, claim: Claim) -> str:
    lines = [f"**{md(claim.id)}** (score {claim.score:.2f})", ""]
    for member in claim.members:
        lines.append(f"- **{md(outlet_name(report, member.document))}:** {md(member.text)}")
    return "\n".join(lines)
