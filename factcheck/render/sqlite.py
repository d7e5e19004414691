"""The whole report as a SQLite database, for corpora: query findings with SQL or open it in Datasette.

Tables with keys (``documents``, ``events``, ``event_documents``, ``claims``, ``members``,
``findings``, ``evidence``, ``outlets``) and the run's model in ``meta``; built with the standard
library's ``sqlite3`` in a private temporary file and returned as bytes, so that the output is
written atomically like every other format. A database is binary: it goes to ``--output FILE``,
never to a terminal.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile

from ..registry import exporters
from ..report import Report
from ..scorecard import outlet_scorecard
from ._common import finding_event, outlet_name

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (id TEXT PRIMARY KEY, path TEXT, title TEXT, outlet TEXT, published TEXT, language TEXT,
                        event TEXT REFERENCES events(id), sentences INTEGER);
CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT, label TEXT);
CREATE TABLE event_documents (event TEXT NOT NULL REFERENCES events(id),
                              document TEXT NOT NULL REFERENCES documents(id), PRIMARY KEY (event, document));
CREATE TABLE claims (id TEXT PRIMARY KEY, event TEXT REFERENCES events(id), score REAL);
CREATE TABLE members (claim TEXT NOT NULL REFERENCES claims(id), document TEXT NOT NULL REFERENCES documents(id),
                      sentence INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT,
                      PRIMARY KEY (claim, document, sentence));
CREATE TABLE findings (id TEXT PRIMARY KEY, kind TEXT, variant TEXT, severity TEXT, confidence REAL,
                       claim TEXT REFERENCES claims(id), event TEXT REFERENCES events(id), summary TEXT,
                       majority TEXT, outliers TEXT);
CREATE TABLE evidence (finding TEXT NOT NULL REFERENCES findings(id), position INTEGER NOT NULL,
                       document TEXT REFERENCES documents(id), outlet TEXT, sentence INTEGER, start INTEGER,
                       "end" INTEGER, text TEXT, value TEXT, span_start INTEGER, span_end INTEGER,
                       PRIMARY KEY (finding, position));
CREATE TABLE outlets (outlet TEXT PRIMARY KEY, articles INTEGER, events INTEGER, findings INTEGER,
                      outlier INTEGER, outlier_by_kind TEXT);
CREATE INDEX findings_kind ON findings(kind, severity);
CREATE INDEX evidence_document ON evidence(document);
"""


def render_sqlite(report: Report) -> bytes:
    handle, path = tempfile.mkstemp(suffix=".sqlite")
    os.close(handle)
    try:
        connection = sqlite3.connect(path)
        try:
            _fill(connection, report)
            connection.commit()
        finally:
            connection.close()
        with open(path, "rb") as built:
            return built.read()
    finally:
        os.unlink(path)


def _fill(db: sqlite3.Connection, report: Report) -> None:
    db.executescript(SCHEMA)
    meta = {"schema_version": str(report.schema_version), "tool": json.dumps(report.tool, sort_keys=True),
            "model": json.dumps(report.model, sort_keys=True)}
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    db.executemany("INSERT INTO events VALUES (?, ?, ?)", [(e.id, e.date, e.label) for e in report.events])
    db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [(d.id, d.path, d.title, d.outlet, d.published, d.language, d.event, d.sentences)
                    for d in report.documents])
    db.executemany("INSERT INTO event_documents VALUES (?, ?)",
                   [(e.id, d) for e in report.events for d in e.documents])
    db.executemany("INSERT INTO claims VALUES (?, ?, ?)", [(c.id, c.event, c.score) for c in report.claims])
    db.executemany("INSERT INTO members VALUES (?, ?, ?, ?, ?, ?)",
                   [(c.id, m.document, m.sentence, m.start, m.end, m.text) for c in report.claims for m in c.members])
    rows: list[tuple[object, ...]] = []
    evidence: list[tuple[object, ...]] = []
    for f in report.findings:
        rows.append((f.id, f.kind, f.variant, f.severity, f.confidence, f.claim, finding_event(report, f), f.summary,
                     f.majority, json.dumps(f.outliers)))
        evidence.extend((f.id, k, e.document, outlet_name(report, e.document), e.sentence, e.start, e.end,
                         e.text, e.value, e.span[0], e.span[1]) for k, e in enumerate(f.evidence))
    db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", evidence)
    db.executemany("INSERT INTO outlets VALUES (?, ?, ?, ?, ?, ?)",
                   [(s.outlet, s.articles, s.events, s.findings, s.outlier, json.dumps(s.outlier_by_kind))
                    for s in outlet_scorecard(report)])


render_sqlite.binary = True  # type: ignore[attr-defined]
exporters.register("sqlite")(render_sqlite)
