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

import numpy as np

_BLOCK = 512
_UNDATED = np.iinfo(np.int64).max
"""The day of a document that stands at no day: paired with any document."""


def candidate_pairs(bodies: np.ndarray, neighbours: int, floor: float,
                    anchors: Sequence[Sequence[int]] | None = None, window: int = 0
                    ) -> tuple[np.ndarray, np.ndarray]:
    """``(left, right)`` index arrays, ``left < right``, sorted, each pair once.

    ``anchors``: each document's days (proleptic ordinals; none: undated); with a ``window`` > 0,
    documents whose days are all further apart than that are not paired."""
    n = bodies.shape[0]
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    owner, day = _entries(n, anchors if anchors is not None and window > 0 else None, window)
    dated = day != _UNDATED
    order = np.lexsort((owner, day))  # by day, undated last; which rows share a block changes no row's result
    by_owner = np.lexsort((day, owner))  # column entries grouped by document, for the max over its days
    keys: list[np.ndarray] = []
    for start in range(0, len(order), _BLOCK):
        rows = order[start:start + _BLOCK]
        if dated[rows].all():
            low, high = int(day[rows].min()) - window, int(day[rows].max()) + window
            near = ~dated[by_owner] | ((day[by_owner] >= low) & (day[by_owner] <= high))
            entries = by_owner[near]
        else:
            entries = by_owner
        columns, first = np.unique(owner[entries], return_index=True)
        block = bodies[owner[rows]] @ bodies[columns].T
        if window > 0 and dated[rows].any():
            # A document is near a row when any of its days is: the best of its entries, far ones at -inf.
            far = np.abs(day[rows][:, None] - day[entries][None, :]) > window
            far &= dated[rows][:, None] & dated[entries][None, :]
            spread = np.where(far, -np.inf, block[:, np.searchsorted(columns, owner[entries])])
            block = np.maximum.reduceat(spread, first, axis=1) if len(entries) else block
        block[owner[rows][:, None] == columns[None, :]] = -np.inf
        keys.append(_nearest(block, owner[rows], columns, neighbours, floor, n))
    # One int64 key per pair, not a set of tuples: 5 million candidate pairs at 10⁵ articles took
    # 700 MB as Python tuples.
    unique = np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)
    return unique // n, unique % n


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
