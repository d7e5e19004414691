"""CSV: one row per evidence item, for spreadsheets and quick scripts.

Article text (and a saved report ``show`` reads) is untrusted, and a cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, even
after leading spaces, is a formula to a spreadsheet. Every row goes through
one writer, ``GuardedWriter``, which gives such text cells a leading
apostrophe, whatever the column. Only real numbers (ints and floats: offsets,
confidences) are written as they are, as a spreadsheet reads them as numbers,
never as formulas; a report's offsets are never negative anyway.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from ..model import Evidence, Finding
from ..registry import exporters
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
_LEADING_SPACE = " \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\n\v\f\ufeff"


class GuardedWriter:
    """A ``csv.writer`` whose every row has its formula-like cells defused."""

    def __init__(self, stream: io.StringIO) -> None:
        self._writer = csv.writer(stream, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([guard_cell(cell) for cell in row])


@exporters.register("csv")
def render_csv(report: Report, options: RenderOptions | None = None) -> str:
    buffer = io.StringIO()
    writer = GuardedWriter(buffer)
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
        event, item.document, outlet_name(report, item.document),
        item.value, finding.majority or "",
        "yes" if item.document in finding.outliers else "no",
        item.sentence, item.start, item.end, item.span[0], item.span[1],
        item.text, finding.summary,
    ]


def guard_cell(cell: Any) -> Any:
    """``cell`` as a spreadsheet may safely read it: formula-like text gets a leading ``'``."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return cell
    text = "" if cell is None else str(cell)
    if text.lstrip(_LEADING_SPACE).startswith(_FORMULA_START):
        return "'" + text
    return text
