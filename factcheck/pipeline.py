"""``compare``: the whole pipeline, the one entry point the CLI, tests and benchmarks share.

files → ingest → segment → embed → group events → align claims → extract facts → detect → Report
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from .align import align_claims
from .embed import DEFAULT_MODEL, Embedder, get_embedder
from .embed.corpus import embed_documents
from .engine import Engine, all_blas_threads, one_blas_thread, open_engine
from .errors import InputError
from .events import event_date, group_events
from .ingest import load_documents
from .model import Claim, Document, Event, Finding, severity_rank
from .parallel import align_detect_all, detect_all, extract_all
from .registry import EventContext
from .report import DocumentInfo, Report
from .segment import segment
from .settings import Settings, use

Progress = Callable[[str, int, int], None]


def compare(inputs: Iterable[str | Path | Document], *, model: str | Embedder = DEFAULT_MODEL,
            cache: bool = True, progress: Progress | None = None, settings: Settings | None = None) -> Report:
    """Compare the articles in ``inputs`` (folders, files or ready ``Document``s).

    ``settings`` holds every tunable (``Settings()``, the defaults, when not given); it is the
    active one for the whole run, so every stage reads the same values.
    """
    with use(settings or Settings()) as active_settings, open_engine(active_settings.run) as engine, \
            one_blas_thread():
        return _compare(list(inputs), model, cache, progress, active_settings, engine)


@dataclass
class Analysis:
    """Everything ``compare`` knows before the detectors run: what fitting scripts and benchmarks need."""

    documents: list[Document]
    events: list[Event]
    claims: list[Claim]
    contexts: list[EventContext]
    embedder: Embedder
    warnings: list[str]
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    """Each document's sentence embeddings, one row per sentence."""
    timings: dict[str, float] = field(default_factory=dict)


def analyse(inputs: Iterable[str | Path | Document], *, model: str | Embedder = DEFAULT_MODEL,
            cache: bool = True, progress: Progress | None = None, settings: Settings | None = None,
            until: Literal["facts", "events", "claims"] = "claims") -> Analysis:
    """Read, segment, embed, extract facts, group events and align claims: ``compare`` up to detection.

    ``until`` stops earlier, at a fraction of the cost: after the facts (no events: what fitting the
    event model needs) or after the events (no claims, no detector contexts)."""
    timings: dict[str, float] = {}
    with use(settings or Settings()) as active_settings, open_engine(active_settings.run) as engine, \
            one_blas_thread():
        analysis = _analyse(list(inputs), model, cache, progress, active_settings, engine, _stopwatch(timings), until)
    analysis.timings = timings
    return analysis


def _compare(inputs: list[str | Path | Document], model: str | Embedder, cache: bool, progress: Progress | None,
             settings: Settings, engine: Engine) -> Report:
    started = time.perf_counter()
    timings: dict[str, float] = {}
    tick = _stopwatch(timings)
    if engine.workers > 1:
        # Alignment and detection in one trip per event: its documents and vectors travel once.
        analysis = _analyse(inputs, model, cache, progress, settings, engine, tick, until="events")
        events, documents = analysis.events, analysis.documents
        counting = _counter(progress, "aligning claims, detecting disagreements", len(events))
        claims, found = align_detect_all(events, {d.id: d for d in documents}, analysis.vectors, settings, engine,
                                         counting)
        tick("align+detect")
    else:
        analysis = _analyse(inputs, model, cache, progress, settings, engine, tick)
        events, claims, documents = analysis.events, analysis.claims, analysis.documents
        counting = _counter(progress, "detecting disagreements", len(analysis.contexts))
        found = detect_all(analysis.contexts, counting)
        tick("detect")
    findings = _number(found, events, claims)

    warnings = analysis.warnings
    embedder = analysis.embedder
    embedder_warning = getattr(embedder, "warning", None)
    if embedder_warning:
        warnings.append(str(embedder_warning))
    return Report(
        model={"backend": embedder.backend, "name": embedder.name, "dimensions": embedder.dimensions},
        documents=[_info(d) for d in documents],
        events=events,
        claims=claims,
        findings=findings,
        stats={"seconds": round(time.perf_counter() - started, 3), "timings": timings,
               "sentences": sum(len(d.sentences) for d in documents)},
        sources={d.id: d.source for d in documents},
        warnings=warnings,
    )


def _counter(progress: Progress | None, stage: str, total: int) -> Callable[[int], None] | None:
    """A ``done(n)`` that moves ``stage``'s bar on by n (None without a progress display)."""
    if progress is None:
        return None
    state = [0]
    progress(stage, 0, total)

    def done(count: int) -> None:
        state[0] += count
        progress(stage, state[0], total)

    return done


def _analyse(inputs: list[str | Path | Document], model: str | Embedder, cache: bool, progress: Progress | None,
             settings: Settings, engine: Engine, tick: Callable[[str], None], until: str = "claims") -> Analysis:
    report_progress = progress or (lambda stage, done, total: None)

    documents, warnings = _documents(inputs)
    for document in documents:
        document.sentences = segment(document)
    empty = [d for d in documents if not d.sentences]
    warnings += [f"{d.path}: skipped: no article text left after removing page chrome" for d in empty]
    documents = sorted((d for d in documents if d.sentences), key=lambda d: d.id)
    if not documents:
        raise InputError("no article text found in the input")
    tick("ingest")

    report_progress("loading model", 0, 1)
    embedder = get_embedder(model, cache=cache) if isinstance(model, str) else model
    report_progress("loading model", 1, 1)
    tick("model")
    with all_blas_threads():  # for a model in this process that sets no threads of its own (``st:``)
        vectors = embed_documents(documents, embedder, engine, report_progress, settings)
    tick("embed")

    counting = _counter(progress, "extracting facts", len(documents))
    for document, facts in zip(documents, extract_all(documents, settings, engine, counting)):
        document.facts = facts
    tick("extract")

    by_id = {d.id: d for d in documents}
    if until == "facts":
        return Analysis(documents, [], [], [], embedder, warnings, vectors)
    report_progress("grouping events", 0, 1)
    events = group_events(documents, vectors, settings.events, engine)
    report_progress("grouping events", 1, 1)
    for event in events:
        event.date = event_date([by_id[d] for d in event.documents])
    tick("events")
    if until == "events":
        return Analysis(documents, events, [], [], embedder, warnings, vectors)
    claims: list[Claim] = []
    for number, event in enumerate(events, 1):
        report_progress("aligning claims", number - 1, len(events))
        claims.extend(align_claims(event, by_id, vectors, settings=settings.align))
    report_progress("aligning claims", len(events), len(events))
    for number, claim in enumerate(claims, 1):
        claim.id = f"C{number}"
    tick("align")

    claims_of: dict[str, list[Claim]] = {}
    for claim in claims:
        claims_of.setdefault(claim.event, []).append(claim)
    contexts = [EventContext(e, {d: by_id[d] for d in e.documents}, claims_of.get(e.id, []), settings,
                             {d: vectors[d] for d in e.documents})
                for e in events]
    return Analysis(documents, events, claims, contexts, embedder, warnings, vectors)


def _stopwatch(timings: dict[str, float]) -> Callable[[str], None]:
    last = [time.perf_counter()]

    def tick(stage: str) -> None:
        now = time.perf_counter()
        timings[stage] = round(now - last[0], 3)
        last[0] = now

    return tick


def _documents(inputs: Sequence[str | Path | Document]) -> tuple[list[Document], list[str]]:
    if not inputs:
        raise InputError("nothing to compare: give at least one file or folder")
    ready = [i for i in inputs if isinstance(i, Document)]
    paths = [i for i in inputs if not isinstance(i, Document)]
    warnings: list[str] = []
    if paths:
        loaded, warnings = load_documents(paths)
        ready.extend(loaded)
    ids = [d.id for d in ready]
    if len(ids) != len(set(ids)):
        raise InputError("document ids must be unique")
    return ready, warnings


def _number(findings: list[Finding], events: list[Event], claims: list[Claim]) -> list[Finding]:
    """Deterministic order (most severe first) and ids F1…"""
    event_rank = {e.id: n for n, e in enumerate(events)}
    claim_rank = {c.id: n for n, c in enumerate(claims)}
    claim_event = {c.id: c.event for c in claims}

    def key(f: Finding) -> tuple:
        first = f.evidence[0] if f.evidence else None
        event = claim_event.get(f.claim or "", "")
        return (-severity_rank(f.severity), f.kind, event_rank.get(event, -1), claim_rank.get(f.claim or "", -1),
                (first.document, first.start) if first else ("", 0), f.summary)

    ordered = sorted(findings, key=key)
    for number, finding in enumerate(ordered, 1):
        finding.id = f"F{number}"
    return ordered


def _info(document: Document) -> DocumentInfo:
    return DocumentInfo(id=document.id, path=document.path, title=document.title, outlet=document.outlet,
                        published=document.published.isoformat() if document.published else None,
                        language=document.language, event=document.event, sentences=len(document.sentences))
