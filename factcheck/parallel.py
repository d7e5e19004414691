"""Fact extraction and detection in chunks on an engine: ``--workers N``, ``--engine local|dask``.

After the embeddings, extracting facts and detecting disagreements are the longest stages on a
corpus (on the 2,146 IndoSum articles, 14 s and 9 s of a 31 s run), and they are per document and
per event: each chunk of documents (of events) goes to a worker with the run's settings and comes
back with its facts (findings), in input order, so that the report is byte for byte the one of a
single process, on any engine (``factcheck.engine``).
"""

from __future__ import annotations

import dataclasses

from .detect import run_detectors
from .engine import Done, Engine
from .extract import extract_facts
from .model import Document, Fact, Finding
from .registry import EventContext
from .settings import Settings, use

CHUNK = 32
"""Documents a worker takes at once: few enough to share the work, many enough to be worth a trip."""


def extract_all(documents: list[Document], settings: Settings, engine: Engine, done: Done | None = None
                ) -> list[list[Fact]]:
    """Each document's facts, in the order of ``documents``; ``done`` is told how many as they finish."""
    if engine.workers <= 1 or len(documents) <= CHUNK:
        out = []
        for document in documents:
            out.append(extract_facts(document))
            if done:
                done(1)
        return out
    # Only what extraction reads travels: the text, its sentences and metadata, no caches.
    light = [dataclasses.replace(d, facts=[], _derived={}) for d in documents]
    chunks = [light[i:i + CHUNK] for i in range(0, len(light), CHUNK)]
    return [facts for part in engine.map(_extract_chunk, settings, chunks, done) for facts in part]


def detect_all(contexts: list[EventContext], settings: Settings, engine: Engine, done: Done | None = None
               ) -> list[Finding]:
    """Every detector's findings over every event, in the order of ``contexts`` (ids unassigned)."""
    if engine.workers <= 1 or len(contexts) < 2 * engine.workers:
        findings = []
        for context in contexts:
            findings.extend(run_detectors([context]))
            if done:
                done(1)
        return findings
    # Events differ in size by orders of magnitude: small chunks keep every worker busy.
    size = max(1, len(contexts) // (engine.workers * 8))
    light = [dataclasses.replace(c, cache={}) for c in contexts]
    chunks = [light[i:i + size] for i in range(0, len(light), size)]
    return [f for part in engine.map(_detect_chunk, settings, chunks, done) for findings in part for f in findings]


def _extract_chunk(settings: Settings, documents: list[Document]) -> list[list[Fact]]:
    with use(settings):
        return [extract_facts(d) for d in documents]


def _detect_chunk(settings: Settings, contexts: list[EventContext]) -> list[list[Finding]]:
    with use(settings):
        return [run_detectors([c]) for c in contexts]
