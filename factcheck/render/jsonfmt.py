"""JSON: the report contract itself, exactly as ``Report.to_json`` writes it."""

from __future__ import annotations

from ..registry import exporters
from ..report import Report


@exporters.register("json")
def render_json(report: Report) -> str:
    return report.to_json()
