"""Engines: where the per-document and per-event work of a run is done (``--engine``).

After the embeddings, fact extraction is per document and detection per event, so both are
cut into chunks and handed to an engine: ``local`` runs them in this machine's processes
(``--workers N``), ``dask`` on a Dask cluster (``--address``, or a local cluster of
``--workers`` processes started for the run). An engine maps one function over the chunks and
gives the results back in chunk order, which is what keeps the report byte for byte the same on
every engine and worker count. Engines are registered like every other piece
(``registry.engines``); a cluster is started only when the first chunks arrive, so a small
folder that runs inline never waits for one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cache
from typing import Any, Protocol, TypeVar

from threadpoolctl import threadpool_info, threadpool_limits

from ..errors import InputError
from ..settings import RunSettings, Settings

R = TypeVar("R")
Work = Callable[..., list[Any]]
"""``work(settings, chunk)``, or ``work(settings, chunk, shared)`` when ``map`` is given ``shared``."""
Done = Callable[[int], None]
"""Told the size of each chunk as it finishes (in any order), for a progress bar."""


class Engine(Protocol):
    """Runs ``work(settings, chunk)`` for every chunk; results in chunk order."""

    @property
    def workers(self) -> int:
        """How many chunks it runs at once (1: everything runs inline, in this process)."""
        ...

    @property
    def shares_memory(self) -> bool:
        """Whether ``shared`` reaches the workers without being sent (they are forks of this process), so
        that chunks can be mere keys into it; elsewhere each chunk should carry its own data."""
        ...

    def map(self, work: Work, settings: Settings, chunks: list[list[Any]], done: Done | None = None,
            shared: Any = None) -> list[list[Any]]: ...


EngineFactory = Callable[[RunSettings], AbstractContextManager[Engine]]


def positions(count: int, size: int) -> list[list[int]]:
    """``0 … count-1`` cut into chunks of ``size``: the chunks of a map whose data is ``shared``."""
    size = max(1, size)
    return [list(range(start, min(start + size, count))) for start in range(0, count, size)]


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread: how every stage after the embeddings runs, in this process and in
    every worker. Their matrices are small (an event's sentences), so a second thread gains little;
    two workers of two spinning BLAS threads each on two cores took 90 s where one thread each took
    56 s; and a result must not depend on how many threads summed a dot product, or the report would
    differ between ``--workers 1`` and ``--workers 2``."""
    _blas_threads()  # the count before any limit, for ``all_blas_threads``
    with threadpool_limits(limits=1, user_api="blas"):
        yield


@contextmanager
def all_blas_threads() -> Iterator[None]:
    """BLAS on the threads it had before ``one_blas_thread``: for the embedding model's large products."""
    with threadpool_limits(limits=_blas_threads(), user_api="blas"):
        yield


@cache
def _blas_threads() -> int:
    return max([int(pool.get("num_threads", 1)) for pool in threadpool_info() if pool.get("user_api") == "blas"]
               or [1])


class InlineEngine:
    """Every chunk in this process, one after another: what one worker means on any engine."""

    workers = 1
    shares_memory = True

    def map(self, work: Work, settings: Settings, chunks: list[list[Any]], done: Done | None = None,
            shared: Any = None) -> list[list[Any]]:
        out = []
        for chunk in chunks:
            out.append(work(settings, chunk) if shared is None else work(settings, chunk, shared))
            if done:
                done(len(chunk))
        return out


@contextmanager
def open_engine(run: RunSettings) -> Iterator[Engine]:
    """The engine ``run.engine`` names, open for one run and closed (its cluster stopped) after it."""
    from ..registry import engines

    factory = engines.get(run.engine)
    if factory is None:
        raise InputError(f"unknown engine {run.engine!r}; choose one of: {', '.join(engines.names())}")
    with factory(run) as engine:
        yield engine
