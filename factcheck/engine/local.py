"""``--engine local``: this machine's processes, started from a fork server.

Workers start from a clean fork-server process (not a fork of one that holds the embedder's
threads), with the extractors and detectors imported once; a pool lives for one stage.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from ..registry import engines
from ..settings import RunSettings, Settings
from . import Done, Engine, InlineEngine, Work


class LocalEngine:
    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, work: Work, settings: Settings, chunks: list[list[Any]], done: Done | None = None
            ) -> list[list[Any]]:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["factcheck.extract", "factcheck.detect", "factcheck.parallel"])
        out = []
        with ProcessPoolExecutor(max_workers=min(self.workers, len(chunks)), mp_context=context) as pool:
            for chunk, result in zip(chunks, pool.map(work, [settings] * len(chunks), chunks)):
                out.append(result)  # in chunk order, as they come
                if done:
                    done(len(chunk))
        return out


@engines.register("local")
@contextmanager
def local_engine(run: RunSettings) -> Iterator[Engine]:
    yield LocalEngine(run.workers) if run.workers > 1 else InlineEngine()
