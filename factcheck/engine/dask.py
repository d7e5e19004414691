"""``--engine dask``: a Dask cluster runs the chunks (``distributed``, the ``cluster`` extra).

With an address (``--address tcp://host:8786`` or ``FACTCHECK_DASK_ADDRESS``) the run joins
that cluster, whose workers must have factcheck installed; without one it starts a local
cluster of ``--workers`` processes for the run and stops it after. Dask rather than Ray: the
work is coarse, independent chunks of plain Python objects, which ``Client.map`` and
``Client.gather`` (results in submission order) do with a pure-Python install a tenth of
Ray's, and a local cluster starts in seconds inside a test.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from typing import Any

from ..errors import InputError
from ..registry import engines
from ..settings import RunSettings, Settings
from . import Done, Engine, Work, one_blas_thread

ADDRESS_VARIABLE = "FACTCHECK_DASK_ADDRESS"
CONNECT_SECONDS = 20


class DaskEngine:
    """Starts (or joins) the cluster at the first ``map``, so an inline-sized run never waits for one."""

    def __init__(self, run: RunSettings, stack: ExitStack) -> None:
        self.address = run.address or os.environ.get(ADDRESS_VARIABLE, "")
        self.local_workers = run.processes
        self._stack = stack
        self._client: Any = None

    @property
    def workers(self) -> int:
        """How many chunks run at once, at least 2 so that chunks are made: a joined cluster's worker
        threads (asking it joins it), or the local cluster's processes (not started for asking)."""
        if not self.address:
            return max(2, self.local_workers)
        threads = self._connect().nthreads()
        return max(2, sum(threads.values()))

    def _connect(self) -> Any:
        if self._client is not None:
            return self._client
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise InputError("--engine dask needs Dask's distributed package: pip install 'factcheck[cluster]'") from None
        try:
            if self.address:
                client = Client(self.address, timeout=CONNECT_SECONDS, set_as_default=False)
            else:
                cluster = LocalCluster(n_workers=self.local_workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
                self._stack.callback(cluster.close)
                client = Client(cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            where = self.address or "a local cluster"
            raise InputError(f"cannot reach the Dask cluster at {where}: {exc}") from None
        self._stack.callback(client.close)
        self._client = client
        return client

    shares_memory = False
    """Workers are other processes, maybe other machines: each chunk should carry its data."""

    def map(self, work: Work, settings: Settings, chunks: list[list[Any]], done: Done | None = None,
            shared: Any = None) -> list[list[Any]]:
        from distributed import as_completed

        client = self._connect()
        call = partial(_on_one_thread, work)
        if shared is None:
            futures = client.map(call, [settings] * len(chunks), chunks, pure=False)
        else:  # sent once to every worker that runs a chunk, not once per chunk
            held = client.scatter([shared], broadcast=True, hash=False)[0]  # a list scatters its items
            futures = client.map(call, [settings] * len(chunks), chunks, [held] * len(chunks), pure=False)
        if done:
            size = {future.key: len(chunk) for future, chunk in zip(futures, chunks)}
            for future in as_completed(futures):
                done(size[future.key])
        return list(client.gather(futures))  # in submission order, whatever order they finished in


def _on_one_thread(work: Work, *args: Any) -> list[Any]:
    with one_blas_thread():  # as in the calling process: the same floats, whoever computes them
        return work(*args)


@engines.register("dask")
@contextmanager
def dask_engine(run: RunSettings) -> Iterator[Engine]:
    with ExitStack() as stack:
        yield DaskEngine(run, stack)
