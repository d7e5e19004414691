"""Fact extraction in several processes: ``--workers N``.

After the embeddings, extracting facts is the longest stage on a corpus (on the 2,146 IndoSum
articles, 14 s of a 21 s run up to the events), and it is per document: each document goes to a
worker process with the run's settings and comes back with its facts, in input order, so that the
report is byte for byte the one of a single process. Workers start from a fork server (a clean
process, not a fork of one that holds the embedder's threads), with the extractors imported once.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from .extract import extract_facts
from .model import Document, Fact
from .settings import Settings, use

CHUNK = 32
"""Documents a worker takes at once: few enough to share the work, many enough to be worth a trip."""


def extract_all(documents: list[Document], settings: Settings, workers: int) -> list[list[Fact]]:
    """Each document's facts, in the order of ``documents``."""
    if workers <= 1 or len(documents) <= CHUNK:
        return [extract_facts(d) for d in documents]
    # Only what extraction reads travels: the text, its sentences and metadata, no caches.
    light = [dataclasses.replace(d, facts=[], _derived={}) for d in documents]
    chunks = [light[i:i + CHUNK] for i in range(0, len(light), CHUNK)]
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["factcheck.extract", "factcheck.parallel"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = pool.map(_extract_chunk, [settings] * len(chunks), chunks)
        return [facts for chunk in results for facts in chunk]


def _extract_chunk(settings: Settings, documents: list[Document]) -> list[list[Fact]]:
    with use(settings):
        return [extract_facts(d) for d in documents]
