"""Every sentence of a run embedded once: the cache first, then the model, on the engine's workers.

The bundled model runs its products on one BLAS thread, in every process: its micro-batches of a
few hundred tokens are too small for a second thread (two threads embed IndoSum 1.5× faster than
one, two single-thread processes 1.9×), and a vector must not depend on how many threads summed
it, or the report would move with ``--workers``. So the texts the cache lacks are cut into fixed
batches in this process, in the order the run reads them, and each batch is encoded whole, here
or on a worker: the same batches give the same bits anywhere. A model that cannot be forked
safely (``st:``, whose torch threads do not survive a fork) embeds in this process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..engine import Engine, positions
from ..model import Document
from ..settings import Settings
from .base import Embedder
from .cache import CachedEmbedder

Progress = Callable[[str, int, int], None]

BATCHES_PER_MAP = 64
"""Batches one engine map embeds before their vectors go into the matrix and the cache: what a
map holds in memory (64 × 256 vectors, 32 MB) and what an interrupted run keeps in the cache."""

STAGE = "embedding sentences"


def embed_documents(documents: Sequence[Document], embedder: Embedder, engine: Engine, progress: Progress,
                    settings: Settings) -> dict[str, np.ndarray]:
    """Each document's sentence vectors: views into one matrix, float16 from ``embed.compact_from`` sentences."""
    cfg = settings.embed
    texts = [s.text for d in documents for s in d.sentences]
    compact = len(texts) >= cfg.compact_from
    # Filled in place: stacking the parts at the end held every vector twice (5 GB at 10⁵ articles).
    matrix = np.empty((len(texts), embedder.dimensions), dtype=np.float16 if compact else np.float32)
    model = embedder.inner if isinstance(embedder, CachedEmbedder) else embedder
    cache = embedder if isinstance(embedder, CachedEmbedder) else None
    rows: dict[str, list[int]] = {}  # each text the cache lacks → the rows that write it
    for start in range(0, len(texts), cfg.batch * BATCHES_PER_MAP):
        part = texts[start:start + cfg.batch * BATCHES_PER_MAP]
        for row, (text, vector) in enumerate(zip(part, cache.lookup(part) if cache else [None] * len(part)), start):
            if vector is None:
                rows.setdefault(text, []).append(row)
            else:
                matrix[row] = vector
    missing = list(rows)
    progress(STAGE, len(texts) - len(missing), len(texts))
    done = [len(texts) - len(missing)]

    def count(n: int) -> None:
        done[0] += n
        progress(STAGE, done[0], len(texts))

    batches = positions(len(missing), cfg.batch)
    parallel = engine.workers > 1 and engine.shares_memory and getattr(model, "forks", False) and len(batches) > 1
    for first in range(0, len(batches), BATCHES_PER_MAP):
        chunk = batches[first:first + BATCHES_PER_MAP]
        if parallel:
            parts = engine.map(_encode_shared, settings, chunk, count, shared=(missing, model))
        else:
            parts = []
            for batch in chunk:
                parts.append(_encode_shared(settings, batch, (missing, model)))
                count(len(batch))
        for batch, (vectors,) in zip(chunk, parts):
            for index, vector in zip(batch, vectors):
                matrix[rows[missing[index]]] = vector
            if cache:
                cache.store([missing[i] for i in batch], list(vectors))
    progress(STAGE, len(texts), len(texts))
    out, offset = {}, 0
    for document in documents:
        out[document.id] = matrix[offset:offset + len(document.sentences)]
        offset += len(document.sentences)
    return out


def _encode_shared(_settings: Settings, batch: list[int], shared: tuple[list[str], Any]) -> list[np.ndarray]:
    """One batch of the texts the cache lacks, encoded whole (a worker's task, or this process's)."""
    missing, model = shared
    return [np.asarray(model.encode([missing[i] for i in batch]), dtype=np.float32)]
