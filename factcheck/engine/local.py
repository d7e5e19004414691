"""``--engine local``: this machine's processes.

Chunks that carry their own data go to workers started from a clean fork-server process (not a
fork of one that holds the embedder's threads), with the extractors and detectors imported once.
A map given ``shared`` (the run's documents and vectors) forks its workers from this process
instead, so they read those objects where they already are and only the chunks' keys and their
results travel: at 10⁴ articles, pickling the events' documents and vectors to the workers and
unpickling them there took 17 s of a stage of 60, and the workers rebuilt every cache the
documents had dropped for the trip. A pool lives for one stage.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import Any

from threadpoolctl import threadpool_limits

from ..registry import engines
from ..settings import RunSettings, Settings
from . import Done, Engine, InlineEngine, Work

_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()

_shared: Any = None
"""What the running map was given as ``shared``: set before its workers are forked, so they inherit it
(or, where there is no fork, by each worker's initializer)."""


def _with_shared(work: Work, settings: Settings, chunk: list[Any]) -> list[Any]:
    return work(settings, chunk, _shared)


class LocalEngine:
    shares_memory = _CAN_FORK

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, work: Work, settings: Settings, chunks: list[list[Any]], done: Done | None = None,
            shared: Any = None) -> list[list[Any]]:
        global _shared
        frozen = shared is not None and _CAN_FORK
        if frozen:
            context: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
            call: Work = partial(_with_shared, work)
            _shared = shared
            # The collector of a fork would write into every inherited object (copying each page it
            # stands on) to find garbage that is not there: what exists now is left out of collection.
            gc.freeze()
        elif shared is not None:  # no fork on this system: every worker gets its own copy, once
            context = multiprocessing.get_context("spawn")
            call = partial(_with_shared, work)
        else:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["factcheck.extract", "factcheck.detect", "factcheck.parallel"])
            call = work
        out = []
        try:
            with ProcessPoolExecutor(max_workers=min(self.workers, len(chunks)), mp_context=context,
                                     **_initial(shared)) as pool:
                for chunk, result in zip(chunks, pool.map(call, [settings] * len(chunks), chunks)):
                    out.append(result)  # in chunk order, as they come
                    if done:
                        done(len(chunk))
        finally:
            _shared = None
            if frozen:
                gc.unfreeze()
        return out


def _initial(shared: Any) -> dict[str, Any]:
    """Every worker's BLAS runs on one thread (``engine.one_blas_thread``); where workers cannot be
    forked, ``shared`` is also sent to each as it starts."""
    return {"initializer": _start_worker, "initargs": (None if _CAN_FORK else shared,)}


def _start_worker(shared: Any) -> None:
    global _shared
    if shared is not None:
        _shared = shared
    threadpool_limits(limits=1, user_api="blas")


@engines.register("local")
@contextmanager
def local_engine(run: RunSettings) -> Iterator[Engine]:
    yield LocalEngine(run.processes) if run.processes > 1 else InlineEngine()
