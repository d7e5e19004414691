"""Blocking: which document pairs are worth scoring at all.

Each document is compared with its ``neighbours`` nearest documents by meaning (the centroid of
all its sentences), computed in blocks of rows so that no n × n matrix is ever held; pairs below
``floor`` are dropped. In a folder of a few dozen articles every pair is a candidate; in a corpus
of ten thousand the work grows with n × neighbours, not n².

A date window blocks too. A dated document stands at its days (``anchors``: the day it was
published and the days it names); two documents none of whose days come within ``window`` days of
each other are never candidates. A story reported over two years keeps its bridge: the report of
the 2012 trial that names the 2010 shooting stands at both. A document with no days at all may be
paired with any. Rows are taken in order of their day, so a block of rows is only multiplied with
the documents standing near it (and the undated ones): a corpus spanning years costs
n × (documents of a year), not n², and a document's nearest are chosen among those it may be
paired with, not crowded out by look-alikes of other years.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..engine import Engine, positions
from ..settings import Settings, active

_BLOCK = 512
_UNDATED = np.iinfo(np.int64).max
"""The day of a document that stands at no day: paired with any document."""


def candidate_pairs(bodies: np.ndarray, neighbours: int, floor: float,
                    anchors: Sequence[Sequence[int]] | None = None, window: int = 0,
                    engine: Engine | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``(left, right)`` index arrays, ``left < right``, sorted, each pair once.

    ``anchors``: each document's days (proleptic ordinals; none: undated); with a ``window`` > 0,
    documents whose days are all further apart than that are not paired. With an engine whose workers
    share this process's memory, the blocks of rows are searched on its workers: each block's pairs
    depend on that block alone, and the union is sorted, so the pairs are the same on any engine."""
    n = bodies.shape[0]
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    owner, day = _entries(n, anchors if anchors is not None and window > 0 else None, window)
    order = np.lexsort((owner, day))  # by day, undated last; which rows share a block changes no row's result
    search = _Search(bodies, owner, day, day != _UNDATED, np.lexsort((day, owner)), order, window, neighbours, floor)
    blocks = -(-len(order) // _BLOCK)
    if engine is not None and engine.workers > 1 and engine.shares_memory and blocks > 1:
        keys = [k for part in engine.map(_search_blocks, active(), positions(blocks, _BLOCKS_PER_TRIP),
                                         shared=search) for k in part]
    else:
        keys = [search.block(number) for number in range(blocks)]
    # One int64 key per pair, not a set of tuples: 5 million candidate pairs at 10⁵ articles took
    # 700 MB as Python tuples.
    unique = np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)
    return unique // n, unique % n


_BLOCKS_PER_TRIP = 8
"""Blocks of rows a worker searches at once."""


@dataclass(frozen=True)
class _Search:
    """What every block of the nearest-document search reads: the documents' vectors and their days."""

    bodies: np.ndarray
    owner: np.ndarray
    """The document of each entry (one entry per day a document stands at)."""
    day: np.ndarray
    dated: np.ndarray
    """Which entries stand at a day (``day`` is not ``_UNDATED``)."""
    by_owner: np.ndarray
    """Entries grouped by document, for the best of a document's days."""
    order: np.ndarray
    """Entries by day: consecutive rows of it make a block."""
    window: int
    neighbours: int
    floor: float

    def block(self, number: int) -> np.ndarray:
        """Pair keys (``low * n + high``) of the rows of block ``number`` with their nearest documents."""
        owner, day, dated, by_owner = self.owner, self.day, self.dated, self.by_owner
        rows = self.order[number * _BLOCK:(number + 1) * _BLOCK]
        if dated[rows].all():
            low, high = int(day[rows].min()) - self.window, int(day[rows].max()) + self.window
            entries = by_owner[~dated[by_owner] | ((day[by_owner] >= low) & (day[by_owner] <= high))]
        else:
            entries = by_owner
        columns, first = np.unique(owner[entries], return_index=True)
        block = self.bodies[owner[rows]] @ self.bodies[columns].T
        if self.window > 0 and dated[rows].any() and len(entries):
            # A document is near a row when any of its days is: the best of its entries, far ones at -inf.
            far = np.abs(day[rows][:, None] - day[entries][None, :]) > self.window
            far &= dated[rows][:, None] & dated[entries][None, :]
            spread = np.where(far, -np.inf, block[:, np.searchsorted(columns, owner[entries])])
            block = np.maximum.reduceat(spread, first, axis=1)
        block[owner[rows][:, None] == columns[None, :]] = -np.inf
        return _nearest(block, owner[rows], columns, self.neighbours, self.floor, self.bodies.shape[0])


def _search_blocks(settings: Settings, numbers: list[int], search: _Search) -> list[np.ndarray]:
    return [search.block(number) for number in numbers]


def _entries(n: int, anchors: Sequence[Sequence[int]] | None, window: int) -> tuple[np.ndarray, np.ndarray]:
    """One ``(document, day)`` entry per day a document stands at (days closer than half the window
    to the last kept one add nothing), one undated entry for a document with none."""
    if anchors is None:
        return np.arange(n, dtype=np.int64), np.full(n, _UNDATED, dtype=np.int64)
    owners: list[int] = []
    days: list[int] = []
    for i, own in enumerate(anchors):
        kept: list[int] = []
        for value in sorted(set(own)):
            if not kept or value - kept[-1] > window // 2:
                kept.append(value)
        for value in kept or [_UNDATED]:
            owners.append(i)
            days.append(value)
    return np.array(owners, dtype=np.int64), np.array(days, dtype=np.int64)


def _nearest(block: np.ndarray, rows: np.ndarray, columns: np.ndarray, neighbours: int, floor: float,
             n: int) -> np.ndarray:
    """Pair keys (``low * n + high``) of each row's document with its ``neighbours`` most alike column
    documents at or above ``floor``."""
    keep = min(neighbours, len(columns) - 1)
    if keep <= 0:
        return np.zeros(0, dtype=np.int64)
    if keep < len(columns) - 1:
        nearest = np.argpartition(-block, keep - 1, axis=1)[:, :keep]
    else:
        nearest = np.tile(np.arange(len(columns)), (block.shape[0], 1))
    at = np.repeat(np.arange(len(rows)), nearest.shape[1])
    mine = rows[at]
    theirs = columns[nearest.reshape(-1)]
    close = (theirs != mine) & (block[at, nearest.reshape(-1)] >= floor)
    low, high = np.minimum(mine[close], theirs[close]), np.maximum(mine[close], theirs[close])
    return low * n + high
