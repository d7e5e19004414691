"""HTML: one self-contained page to attach to a ticket or open offline.

Article text is untrusted: every string from the report goes through
``esc`` (``html.escape`` with quotes) and the page's own script never reads
article text. A Content-Security-Policy allows only the page's own inline
script and style (by hash) and no network at all, so even an escaping bug
could neither run injected code nor fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
from importlib import resources

from ..model import Claim, Event, Evidence, Finding
from ..registry import exporters
from ..report import DocumentInfo, Report
from ..scorecard import outlet_scorecard
from ._common import (
    finding_event,
    model_label,
    outlet_name,
    sentence_total,
    severity_counts,
    severity_key,
    sorted_claims,
    sorted_findings,
    split_at_span,
)
from .highlight import document_marks, fragments, segments


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@exporters.register("html")
def render_html(report: Report) -> str:
    findings = sorted_findings(report.findings)
    css, guard, script = _asset("report.css"), _asset("guard.js"), _asset("report.js")
    csp = (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(guard)} {_sha256(script)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    body = "\n".join([_header(report), '<ul id="js-errors" hidden></ul>', '<main class="layout">',
                      _findings_pane(report, findings), _documents_pane(report, findings), "</main>"])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\" data-ready=\"0\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{esc(csp)}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        f"<title>factcheck report · {len(findings)} findings</title>\n"
        f"<style>{css}</style>\n<script>{guard}</script>\n</head>\n<body>\n{body}\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def _header(report: Report) -> str:
    counts = severity_counts(report.findings)
    badges = "".join(f'<span class="badge sev-{esc(s)}">{n} {esc(s)}</span>' for s, n in counts.items())
    stats = [("Documents", len(report.documents)), ("Events", len(report.events)),
             ("Claims", len(report.claims)), ("Sentences", sentence_total(report)),
             ("Findings", len(report.findings))]
    items = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in stats)
    return (f'<header class="top"><h1>factcheck report</h1><dl class="stats">{items}'
            f'<div><dt>Model</dt><dd>{esc(model_label(report))}</dd></div></dl>'
            f'<div class="badges">{badges}</div></header>')


def _findings_pane(report: Report, findings: list[Finding]) -> str:
    cards = "\n".join(_finding_card(report, f, i) for i, f in enumerate(findings))
    empty = '<p class="empty">No disagreements found.</p>' if not findings else ""
    return (f'<section class="findings-pane" aria-label="Findings"><h2>Findings '
            f'<span id="shown">{len(findings)} of {len(findings)}</span></h2>'
            f'{_scorecard(report)}{_filters(findings)}{empty}<ol id="findings">\n{cards}\n</ol></section>')


_BAR_WIDTH = 160
_BAR_ROW = 18


def _scorecard(report: Report) -> str:
    """The outlet scorecard, collapsed: a bar per outlet of how often it was the outlier (inline SVG,
    no script or style needed), and the counts as a table."""
    rows = outlet_scorecard(report)
    if len(rows) < 2 or not any(r.outlier for r in rows):
        return ""
    most = max(r.outlier for r in rows)
    label_width = 180
    bars = []
    for k, row in enumerate(rows):
        y = k * _BAR_ROW
        width = round(_BAR_WIDTH * row.outlier / most) if most else 0
        bars.append(f'<text x="0" y="{y + 13}" font-size="12">{esc(row.outlet[:28])}</text>'
                    f'<rect x="{label_width}" y="{y + 3}" width="{width}" height="12" fill="#c0392b">'
                    f'<title>{esc(row.outlet)}: outlier in {row.outlier} of {row.findings} findings</title></rect>'
                    f'<text x="{label_width + width + 4}" y="{y + 13}" font-size="12">{row.outlier}</text>')
    height = _BAR_ROW * len(rows)
    svg = (f'<svg class="scorecard-chart" role="img" aria-label="How often each outlet is the outlier" '
           f'width="{label_width + _BAR_WIDTH + 40}" height="{height}" viewBox="0 0 {label_width + _BAR_WIDTH + 40} '
           f'{height}" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>')
    head = "".join(f"<th>{esc(h)}</th>" for h in ("Outlet", "Articles", "Events", "Findings", "Outlier", "By kind"))
    body = "".join(
        f"<tr><td>{esc(r.outlet)}</td><td>{r.articles}</td><td>{r.events}</td><td>{r.findings}</td>"
        f"<td>{r.outlier}</td><td>{esc(', '.join(f'{k} {n}' for k, n in r.outlier_by_kind.items()) or '—')}</td></tr>"
        for r in rows)
    return (f'<details class="scorecard"><summary>Outlets: who stands alone</summary>{svg}'
            f'<table class="scorecard-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>')


def _filters(findings: list[Finding]) -> str:
    kinds = sorted({f.kind for f in findings})
    boxes = "".join(f'<label><input type="checkbox" name="kind" value="{esc(k)}" checked> {esc(k)}</label>'
                    for k in kinds)
    options = "".join(f'<option value="{i}">{esc(s)}</option>'
                      for i, s in enumerate(("low", "medium", "high")))
    return (f'<form id="filters" class="filters"><fieldset><legend>Kind</legend>{boxes}</fieldset>'
            f'<label class="sev-filter">Minimum severity <select name="severity">{options}</select></label></form>')


def _finding_card(report: Report, finding: Finding, index: int) -> str:
    event = finding_event(report, finding)
    where = [f"claim {finding.claim}" if finding.claim else "within one document"] + ([f"event {event}"] if event else [])
    outliers = ", ".join(outlet_name(report, d) for d in finding.outliers) or "—"
    evidence = "".join(_evidence_item(report, finding, index, i, e) for i, e in enumerate(finding.evidence))
    return (
        f'<li class="finding sev-{esc(finding.severity)}" id="finding-{index}" data-index="{index}" '
        f'data-kind="{esc(finding.kind)}" data-rank="{severity_key(finding.severity)}" tabindex="0">'
        f'<div class="finding-head"><span class="fid">{esc(finding.id)}</span>'
        f'<span class="badge sev-{esc(finding.severity)}">{esc(finding.severity)}</span>'
        f'<span class="kind">{esc(finding.kind)}</span>'
        f'<span class="conf" title="confidence">{finding.confidence:.2f}</span></div>'
        f'<p class="summary">{esc(finding.summary)}</p>'
        f'<p class="meta">Majority <b>{esc(finding.majority or "—")}</b> · Outliers <b>{esc(outliers)}</b>'
        f' · {esc(" · ".join(where))}</p><ul class="evidence">{evidence}</ul></li>'
    )


def _evidence_item(report: Report, finding: Finding, index: int, n: int, item: Evidence) -> str:
    before, value, after = split_at_span(item)
    quote = f"{esc(before)}<mark>{esc(value)}</mark>{esc(after)}" if value else esc(item.text)
    cls = ' class="outlier"' if item.document in finding.outliers else ""
    return (f'<li{cls}><a href="#ev-{index}-{n}" data-finding="{index}">'
            f'<b>{esc(outlet_name(report, item.document))}</b> <mark>{esc(item.value)}</mark></a>'
            f'<q>{quote}</q></li>')


def _documents_pane(report: Report, findings: list[Finding]) -> str:
    groups = [(event, [report.document(d) for d in event.documents if _known(report, d)])
              for event in report.events]
    grouped = {d for _, docs in groups for d in (x.id for x in docs)}
    loose = [d for d in report.documents if d.id not in grouped]
    flagged = {finding_event(report, f) for f in findings} if len(groups) > COLLAPSE_AFTER else None
    sections = [_event_section(report, findings, e, docs, collapsed=flagged is not None and e.id not in flagged)
                for e, docs in groups]
    if loose:
        sections.append(_event_section(report, findings, None, loose))
    return '<section class="docs-pane" aria-label="Documents">' + "\n".join(sections) + "</section>"


def _known(report: Report, doc_id: str) -> bool:
    try:
        report.document(doc_id)
    except KeyError:
        return False
    return True


COLLAPSE_AFTER = 40
"""A report with more events than this (a corpus) shows the events without findings collapsed."""


def _event_section(report: Report, findings: list[Finding], event: Event | None,
                   docs: list[DocumentInfo], collapsed: bool = False) -> str:
    if event is None:
        title = "Documents in no event"
    else:
        title = " · ".join(x for x in (f"Event {event.id}", event.date or "", event.label) if x)
    columns = "\n".join(_document(report, findings, d) for d in docs)
    claims = _claims(report, event, docs) if event is not None else ""
    if collapsed:
        return (f'<details class="event quiet"><summary><h2>{esc(title)}</h2></summary>'
                f'<div class="docs">\n{columns}\n</div>{claims}</details>')
    return (f'<section class="event"><h2>{esc(title)}</h2>'
            f'<div class="docs">\n{columns}\n</div>{claims}</section>')


def _document(report: Report, findings: list[Finding], doc: DocumentInfo) -> str:
    pieces, full = fragments(report, findings, doc.id)
    marks = document_marks(findings, doc.id)
    anchors = _anchors(findings, doc.id)
    body = '<span class="gap">…</span>'.join(_render_piece(off, text, marks, anchors) for off, text in pieces)
    if not pieces:
        body = '<span class="gap">No evidence in this document.</span>'
    note = "" if full else '<p class="note">Source text not in this report: evidence sentences only.</p>'
    meta = " · ".join(x for x in (doc.published or "", doc.language, doc.id if doc.outlet else "") if x)
    return (f'<article class="doc" aria-label="{esc(doc.outlet or doc.id)}"><header>'
            f'<div class="outlet">{esc(doc.outlet or doc.id)}</div><div class="title">{esc(doc.title)}</div>'
            f'<div class="docmeta">{esc(meta)}</div></header>{note}'
            f'<div class="doc-text">{body}</div></article>')


def _anchors(findings: list[Finding], doc_id: str) -> dict[int, list[str]]:
    anchors: dict[int, list[str]] = {}
    for index, finding in enumerate(findings):
        for n, item in enumerate(finding.evidence):
            if item.document == doc_id:
                anchors.setdefault(item.start, []).append(f"ev-{index}-{n}")
    return anchors


def _render_piece(offset: int, text: str, marks, anchors: dict[int, list[str]]) -> str:
    out: list[str] = []
    for seg in segments(offset, text, marks):
        out.extend(f'<a class="anchor" id="{a}"></a>' for a in anchors.get(seg.start, []))
        covering = seg.sentence_of | seg.value_of
        if not covering:
            out.append(esc(seg.text))
            continue
        cls = "hl val" if seg.value_of else "hl"
        ids = " ".join(str(i) for i in sorted(covering))
        out.append(f'<span class="{cls}" data-f="{ids}">{esc(seg.text)}</span>')
    return "".join(out)


def _claims(report: Report, event: Event, docs: list[DocumentInfo]) -> str:
    claims = sorted_claims(c for c in report.claims if c.event == event.id)
    if not claims:
        return ""
    head = "".join(f"<th>{esc(d.outlet or d.id)}</th>" for d in docs)
    rows = "".join(_claim_row(c, docs) for c in claims)
    return (f'<details class="claims"><summary>Aligned claims ({len(claims)}), best first</summary>'
            f'<div class="claims-scroll"><table><thead><tr><th>Claim</th>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table></div></details>')


def _claim_row(claim: Claim, docs: list[DocumentInfo]) -> str:
    cells = []
    for doc in docs:
        said = [m.text for m in claim.members if m.document == doc.id]
        cells.append("<td>" + ("<br>".join(esc(t) for t in said) or '<span class="gap">—</span>') + "</td>")
    return f'<tr><th scope="row">{esc(claim.id)}<small>{claim.score:.2f}</small></th>{"".join(cells)}</tr>'
