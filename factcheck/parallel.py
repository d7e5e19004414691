"""Fact extraction, alignment and detection in chunks on an engine: ``--workers N``, ``--engine local|dask``.

After the embeddings, extracting facts, aligning claims and detecting disagreements are the
longest stages on a corpus, and they are per document and per event: each chunk of documents (of
events) goes to a worker with the run's settings and comes back with its facts (claims and
findings), in input order, so that the report is byte for byte the one of a single process, on
any engine (``factcheck.engine``). A worker aligns an event's claims and runs the detectors on them in
one trip. Where workers share this process's memory (``engine.shares_memory``: forks on this
machine) a chunk is only the positions of its documents or events, and the workers read the
documents, their caches and the vectors where they are; elsewhere each chunk carries its own
documents (without their caches) and vectors, once.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from .align import align_claims
from .detect import run_detectors
from .engine import Done, Engine, positions
from .extract import extract_facts
from .model import Claim, Document, Event, Fact, Finding
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
    if engine.shares_memory:
        parts = engine.map(_extract_shared, settings, positions(len(documents), CHUNK), done, shared=documents)
    else:
        # Only what extraction reads travels: the text, its sentences and metadata, no caches.
        light = [dataclasses.replace(d, facts=[], _derived={}) for d in documents]
        chunks = [light[i:i + CHUNK] for i in range(0, len(light), CHUNK)]
        parts = engine.map(_extract_chunk, settings, chunks, done)
    return [facts for part in parts for facts in part]


def detect_all(contexts: list[EventContext], done: Done | None = None) -> list[Finding]:
    """Every detector's findings over every event, in the order of ``contexts`` (ids unassigned), in this
    process: with more workers, ``align_detect_all`` checks each event where it is aligned."""
    findings = []
    for context in contexts:
        findings.extend(run_detectors([context]))
        if done:
            done(1)
    return findings


def align_detect_all(events: list[Event], documents: dict[str, Document], vectors: dict[str, np.ndarray],
                     settings: Settings, engine: Engine, done: Done | None = None
                     ) -> tuple[list[Claim], list[Finding]]:
    """Every event aligned and checked on the engine: its claims (numbered ``C1``… in event order, as
    a single process numbers them) and the findings (ids unassigned)."""
    if engine.workers <= 1 or len(events) < 2 * engine.workers:
        contexts = [EventContext(e, {d: documents[d] for d in e.documents}, [], settings,
                                 {d: vectors[d] for d in e.documents}) for e in events]
        parts = _align_detect_chunk(settings, contexts)
        if done:
            done(len(events))
    else:
        # Events differ in size by orders of magnitude: small chunks keep every worker busy.
        size = max(1, len(events) // (engine.workers * 8))
        if engine.shares_memory:
            found = engine.map(_align_detect_shared, settings, positions(len(events), size), done,
                               shared=(events, documents, vectors))
        else:  # only what the stages read travels: no document caches
            light = [EventContext(e, {d: dataclasses.replace(documents[d], _derived={}) for d in e.documents}, [],
                                  settings, {d: vectors[d] for d in e.documents}) for e in events]
            chunks = [light[i:i + size] for i in range(0, len(light), size)]
            found = engine.map(_align_detect_chunk, settings, chunks, done)
        parts = [result for part in found for result in part]
    claims: list[Claim] = []
    findings: list[Finding] = []
    for event_claims, event_findings in parts:
        # A worker names an event's claims by their rank in it; the run numbers them across events.
        renamed = {c.id: f"C{len(claims) + n}" for n, c in enumerate(event_claims, 1)}
        for claim in event_claims:
            claim.id = renamed[claim.id]
        claims.extend(event_claims)
        findings.extend(dataclasses.replace(f, claim=renamed.get(f.claim or "", f.claim)) for f in event_findings)
    return claims, findings


def _align_detect_chunk(settings: Settings, contexts: list[EventContext]) -> list[tuple[list[Claim], list[Finding]]]:
    out = []
    with use(settings):
        for context in contexts:
            claims = align_claims(context.event, context.documents, context.vectors, settings=settings.align)
            for rank, claim in enumerate(claims, 1):
                claim.id = f"{context.event.id}#{rank}"
            out.append((claims, run_detectors([dataclasses.replace(context, claims=claims)])))
    return out


def _align_detect_shared(settings: Settings, positions: list[int],
                         shared: tuple[list[Event], dict[str, Document], dict[str, np.ndarray]]
                         ) -> list[tuple[list[Claim], list[Finding]]]:
    events, documents, vectors = shared
    return _align_detect_chunk(settings, [
        EventContext(events[p], {d: documents[d] for d in events[p].documents}, [], settings,
                     {d: vectors[d] for d in events[p].documents}) for p in positions])


def _extract_shared(settings: Settings, positions: list[int], documents: list[Document]) -> list[list[Fact]]:
    return _extract_chunk(settings, [documents[p] for p in positions])


def _extract_chunk(settings: Settings, documents: list[Document]) -> list[list[Fact]]:
    with use(settings):
        return [extract_facts(d) for d in documents]
