"""JSON Lines: one finding a line, for corpora, where one JSON document of every claim is unwieldy.

Each line is the finding exactly as the report contract writes it, plus the ``event`` it belongs
to and each evidence item's ``outlet``, so that a line stands on its own: ``grep``, ``jq -c``,
``pandas.read_json(..., lines=True)`` or a database loader read it without the rest of the report.
"""

from __future__ import annotations

import json

from ..registry import exporters
from ..report import Report, finding_dict
from ._common import finding_event, outlet_name, sorted_findings


@exporters.register("jsonl")
def render_jsonl(report: Report) -> str:
    lines = []
    for finding in sorted_findings(report.findings):
        data = finding_dict(finding)
        data["event"] = finding_event(report, finding)
        for item in data["evidence"]:
            item["outlet"] = outlet_name(report, item["document"])
        # U+2028/U+2029 are valid in JSON strings but end a line for many readers (Python's
        # splitlines, JavaScript): escaped, one finding stays one line whatever the article holds.
        text = json.dumps(data, ensure_ascii=False)
        lines.append(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return "".join(line + "\n" for line in lines)
