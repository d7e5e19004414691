"""CSV: one row per evidence item, for spreadsheets and quick scripts.

Article text is untrusted, and a cell starting with ``=``, ``+``, ``-`` or
``@`` is a formula to a spreadsheet, so text cells that start like that get a
leading apostrophe (numbers such as ``-3`` are left alone).
"""

from __future__ import annotations

import csv
import io
import re

from ..model import Evidence, Finding
from ..registry import register_exporter
from ..report import Report
from ._common import finding_event, outlet_name, sorted_findings
from .options import RenderOptions

COLUMNS = (
    "finding", "kind", "severity", "confidence", "claim", "event", "document", "outlet",
    "value", "majority", "outlier", "sentence", "start", "end", "span_start", "span_end",
    "text", "summary",
)
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d[\d.,]*")


@register_exporter("csv")
def render_csv(report: Report, options: RenderOptions | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for finding in sorted_findings(report.findings):
        event = finding_event(report, finding) or ""
        for item in finding.evidence:
            writer.writerow(_row(report, finding, event, item))
    prefix = BOM if options is not None and options.csv_bom else ""
    return prefix + buffer.getvalue()


def _row(report: Report, finding: Finding, event: str, item: Evidence) -> list[object]:
    return [
        finding.id, finding.kind, finding.severity, finding.confidence, finding.claim or "",
        event, _cell(item.document), _cell(outlet_name(report, item.document)),
        _cell(item.value), _cell(finding.majority or ""),
        "yes" if item.document in finding.outliers else "no",
        item.sentence, item.start, item.end, item.span[0], item.span[1],
        _cell(item.text), _cell(finding.summary),
    ]


def _cell(text: str) -> str:
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
