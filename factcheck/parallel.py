"""Fact extraction and detection in several processes: ``--workers N``.

After the embeddings, extracting facts and detecting disagreements are the longest stages on a
corpus (on the 2,146 IndoSum articles, 14 s and 9 s of a 31 s run), and they are per document and
per event: each document (each event) goes to a worker process with the run's settings and comes
back with its facts (findings), in input order, so that the report is byte for byte the one of a
single process. Workers start from a fork server (a clean process, not a fork of one that holds
the embedder's threads), with the extractors and detectors imported once.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from .detect import run_detectors
from .extract import extract_facts
from .model import Document, Fact, Finding
from .registry import EventContext
from .settings import Settings, use

R = TypeVar("R")

CHUNK = 32
"""Documents a worker takes at once: few enough to share the work, many enough to be worth a trip."""


def extract_all(documents: list[Document], settings: Settings, workers: int) -> list[list[Fact]]:
    """Each document's facts, in the order of ``documents``."""
    if workers <= 1 or len(documents) <= CHUNK:
        return [extract_facts(d) for d in documents]
    # Only what extraction reads travels: the text, its sentences and metadata, no caches.
    light = [dataclasses.replace(d, facts=[], _derived={}) for d in documents]
    return _in_pool(_extract_chunk, light, settings, workers, CHUNK)


def detect_all(contexts: list[EventContext], settings: Settings, workers: int) -> list[Finding]:
    """Every detector's findings over every event, in the order of ``contexts`` (ids unassigned)."""
    if workers <= 1 or len(contexts) < 2 * workers:
        return run_detectors(contexts)
    # Events differ in size by orders of magnitude: small chunks keep both workers busy.
    chunk = max(1, len(contexts) // (workers * 8))
    light = [dataclasses.replace(c, cache={}) for c in contexts]
    return [f for findings in _in_pool(_detect_chunk, light, settings, workers, chunk) for f in findings]


def _in_pool(work: Callable[[Settings, list[Any]], list[R]], items: Sequence[Any], settings: Settings,
             workers: int, chunk: int) -> list[R]:
    chunks = [list(items[i:i + chunk]) for i in range(0, len(items), chunk)]
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["factcheck.extract", "factcheck.detect", "factcheck.parallel"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [result for part in pool.map(work, [settings] * len(chunks), chunks) for result in part]


def _extract_chunk(settings: Settings, documents: list[Document]) -> list[list[Fact]]:
    with use(settings):
        return [extract_facts(d) for d in documents]


def _detect_chunk(settings: Settings, contexts: list[EventContext]) -> list[list[Finding]]:
    with use(settings):
        return [run_detectors([c]) for c in contexts]
