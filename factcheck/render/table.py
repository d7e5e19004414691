"""The terminal view: what disagrees first, then who says what, then a summary.

Every piece of article text goes in as ``rich.text.Text`` (never markup), so
brackets in an article are printed, not interpreted, and every string of the
report is first stripped of what a terminal would act on (escape sequences,
control characters, bidi overrides), so an article cannot retitle the window,
plant a link or repaint the screen. Without colour the value
inside each sentence is marked «like this» so the highlight survives a pipe.
"""

from __future__ import annotations

import dataclasses
import io
from collections import Counter
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Claim, Event, Evidence, Finding
from ..registry import exporters
from ..report import Report
from ..scorecard import outlet_scorecard
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
from .options import RenderOptions

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
VALUE_STYLE = "bold black on yellow"
OUTLIER_STYLE = "bold red"
MIN_SIDE_BY_SIDE = 24


@exporters.register("table")
def render_table(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    report = _terminal_safe_copy(report)
    console = Console(
        file=io.StringIO(), width=options.width, force_terminal=options.color,
        no_color=not options.color, color_system="standard" if options.color else None,
        highlight=False, emoji=False, markup=False, soft_wrap=False, legacy_windows=False,
    )
    for number, block in enumerate(_blocks(report, options)):
        if number:
            console.print()
        console.print(block)
    return console.file.getvalue()  # type: ignore[attr-defined]


def _terminal_safe_copy(report: Report) -> Report:
    """The report with every string terminal-safe.

    An evidence sentence keeps its text as is: it is cut at the value's span
    first (offsets count the original characters) and each piece made safe then.
    """
    safe: Report = _safe(report)
    return safe


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return terminal_safe(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_safe(v) for v in value)
    if isinstance(value, dict):
        return {k: _safe(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        keep = ("text",) if isinstance(value, Evidence) else ()
        return dataclasses.replace(value, **{f.name: _safe(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init and f.name not in keep})
    return value


def _blocks(report: Report, options: RenderOptions) -> list[RenderableType]:
    blocks: list[RenderableType] = [_findings_table(report, options)]
    shown = _shown_events(report, options.max_events)
    for event in shown:
        blocks.append(_claims_table(report, event, options))
    if len(shown) < len(report.events):
        blocks.append(Text(f"{len(report.events) - len(shown)} more events not shown here (claim tables of "
                           f"{len(shown)} of {len(report.events)} events, those with findings first); "
                           "--format html, json or sqlite has them all.", style="dim"))
    scorecard = _scorecard_table(report)
    if scorecard is not None:
        blocks.append(scorecard)
    blocks.append(_summary_panel(report))
    return blocks


def _shown_events(report: Report, most: int) -> list[Event]:
    """Every event of a folder; for a corpus (more than ``most``), the events with findings, most first."""
    if len(report.events) <= most:
        return list(report.events)
    counts = Counter(finding_event(report, f) for f in report.findings)
    flagged = [e for e in report.events if counts[e.id]]
    order = {e.id: n for n, e in enumerate(report.events)}
    return sorted(sorted(flagged, key=lambda e: (-counts[e.id], order[e.id]))[:most], key=lambda e: order[e.id])


def _scorecard_table(report: Report) -> RenderableType | None:
    """Per outlet: what it covered and how often it stood alone; only where someone did."""
    rows = outlet_scorecard(report)
    if len(rows) < 2 or not any(r.outlier for r in rows):
        return None
    table = Table(title=Text("Outlets", style="bold"), box=box.HORIZONTALS, title_justify="left")
    for name in ("Outlet", "Articles", "Events", "Findings", "Outlier", "Outlier by kind"):
        table.add_column(name, justify="left" if name in ("Outlet", "Outlier by kind") else "right",
                         overflow="fold")
    for row in rows:
        kinds = ", ".join(f"{kind} {n}" for kind, n in row.outlier_by_kind.items()) or "—"
        table.add_row(row.outlet, str(row.articles), str(row.events), str(row.findings),
                      Text(str(row.outlier), style=OUTLIER_STYLE if row.outlier else ""), kinds)
    return table


def _findings_table(report: Report, options: RenderOptions) -> RenderableType:
    findings = sorted_findings(report.findings)
    if not findings:
        return Text("No disagreements found.", style="bold green")
    table = Table(title=Text(f"Findings ({len(findings)})", style="bold"), box=box.HORIZONTALS,
                  show_lines=True, expand=True, title_justify="left")
    table.add_column("Finding", min_width=13, max_width=16)
    table.add_column("What each outlet says", ratio=1, min_width=24, overflow="fold")
    table.add_column("Majority", max_width=20, overflow="fold")
    table.add_column("Outliers", max_width=20, overflow="fold")
    for finding in findings:
        table.add_row(_finding_cell(report, finding), _says_cell(report, finding, options),
                      Text(finding.majority or "—"),
                      Text("\n".join(outlet_name(report, d) for d in finding.outliers) or "—",
                           style=OUTLIER_STYLE))
    return table


def _finding_cell(report: Report, finding: Finding) -> Text:
    cell = Text(finding.id, style="bold")
    cell.append(f"\n{finding.kind}\n")
    cell.append(finding.severity, style=SEVERITY_STYLE.get(finding.severity, ""))
    cell.append(f" {finding.confidence:.2f}")
    event = finding_event(report, finding)
    where = ([f"claim {finding.claim}"] if finding.claim else ["one document"]) + ([event] if event else [])
    cell.append("\n" + " · ".join(where), style="dim")
    return cell


def _says_cell(report: Report, finding: Finding, options: RenderOptions) -> Text:
    cell = Text(finding.summary, style="italic")
    for item in finding.evidence:
        outlier = item.document in finding.outliers
        cell.append("\n")
        cell.append(outlet_name(report, item.document), style=OUTLIER_STYLE if outlier else "bold")
        cell.append(": ")
        cell.append(item.value, style=VALUE_STYLE)
        if outlier:
            cell.append("  ✗ outlier", style=OUTLIER_STYLE)
        cell.append("\n")
        cell.append_text(_highlighted(item, options))
    return cell


def _highlighted(item: Evidence, options: RenderOptions) -> Text:
    before, value, after = (terminal_safe(part) for part in split_at_span(item))
    text = Text(before, style="dim")
    if value:
        text.append(value if options.color else f"«{value}»", style=VALUE_STYLE)
    text.append(after, style="dim")
    return text


def _claims_table(report: Report, event: Event, options: RenderOptions) -> RenderableType:
    claims = sorted_claims(c for c in report.claims if c.event == event.id)
    title = _event_title(report, event, len(claims))
    if not claims:
        return Group(title, Text("No claim shared by two outlets.", style="dim"), Text(""))
    docs = list(event.documents)
    flagged = _findings_by_claim(report)
    if docs and (options.width - 14) // len(docs) >= MIN_SIDE_BY_SIDE:
        return _side_by_side(report, title, docs, claims, flagged)
    return _stacked(report, title, claims, flagged)


def _event_title(report: Report, event: Event, n_claims: int) -> Text:
    title = Text(f"Event {event.id}", style="bold")
    if event.date:
        title.append(f" · {event.date}")
    if event.label:
        title.append(f" · {event.label}")
    title.append(f"  ({len(event.documents)} documents, {n_claims} claims, best first)", style="dim")
    return title


def _findings_by_claim(report: Report) -> dict[str, list[str]]:
    flagged: dict[str, list[str]] = {}
    for finding in sorted_findings(report.findings):
        if finding.claim:
            flagged.setdefault(finding.claim, []).append(finding.id)
    return flagged


def _claim_cell(claim: Claim, flagged: dict[str, list[str]]) -> Text:
    cell = Text(claim.id, style="bold")
    cell.append(f"\n{claim.score:.2f}", style="dim")
    if claim.id in flagged:
        cell.append("\n⚠ " + " ".join(flagged[claim.id]), style="bold red")
    return cell


def _side_by_side(report: Report, title: Text, docs: list[str], claims: list[Claim],
                  flagged: dict[str, list[str]]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_lines=True, expand=True)
    table.add_column("Claim", no_wrap=True, width=7)
    for doc in docs:
        table.add_column(Text(outlet_name(report, doc), style="bold"), ratio=1, overflow="fold")
    for claim in claims:
        said = {doc: [m.text for m in claim.members if m.document == doc] for doc in docs}
        table.add_row(_claim_cell(claim, flagged), *(_said(said[d]) for d in docs))
    return table


def _said(texts: list[str]) -> Text:
    """One outlet's sentences for a claim; bulleted when it gave several."""
    if not texts:
        return Text("—", style="dim")
    return Text(texts[0] if len(texts) == 1 else "\n".join(f"• {t}" for t in texts))


def _stacked(report: Report, title: Text, claims: list[Claim], flagged: dict[str, list[str]]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Claim", no_wrap=True, width=7)
    table.add_column("Outlet", max_width=18, overflow="fold")
    table.add_column("Says", ratio=1, overflow="fold")
    for claim in claims:
        for i, member in enumerate(claim.members):
            table.add_row(_claim_cell(claim, flagged) if i == 0 else Text(""),
                          Text(outlet_name(report, member.document), style="bold"), Text(member.text),
                          end_section=i == len(claim.members) - 1)
    return table


def _summary_panel(report: Report) -> Panel:
    counts = severity_counts(report.findings)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    findings = Text(str(len(report.findings)))
    for severity, n in counts.items():
        findings.append(f"  {n} {severity}", style=SEVERITY_STYLE.get(severity, ""))
    rows = [("Documents", Text(str(len(report.documents)))), ("Events", Text(str(len(report.events)))),
            ("Claims", Text(str(len(report.claims)))), ("Sentences", Text(str(sentence_total(report)))),
            ("Findings", findings), ("Model", Text(model_label(report)))]
    seconds = report.stats.get("seconds")
    if isinstance(seconds, (int, float)):
        rows.append(("Time", Text(f"{seconds:.1f} s")))
    for name, value in rows:
        grid.add_row(name, value)
    return Panel(grid, title=Text("Summary", style="bold"), title_align="left", box=box.ROUNDED, expand=False)
