"""Blocking: which document pairs are worth scoring at all.

Each document is compared with its ``neighbours`` nearest documents by meaning (the centroid of
all its sentences), computed in blocks of rows so that no n × n matrix is ever held; pairs below
``floor`` are dropped. In a folder of a few dozen articles every pair is a candidate; in a corpus
of ten thousand the work grows with n × neighbours, not n².
"""

from __future__ import annotations

import numpy as np

_BLOCK = 512


def candidate_pairs(bodies: np.ndarray, neighbours: int, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """``(left, right)`` index arrays, ``left < right``, sorted, each pair once."""
    n = bodies.shape[0]
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    keep = min(neighbours, n - 1)
    keys: list[np.ndarray] = []
    for start in range(0, n, _BLOCK):
        block = bodies[start:start + _BLOCK] @ bodies.T
        rows = np.arange(block.shape[0])
        block[rows, rows + start] = -np.inf
        if keep < n - 1:
            nearest = np.argpartition(-block, keep - 1, axis=1)[:, :keep]
        else:
            nearest = np.tile(np.arange(n), (block.shape[0], 1))
        mine = np.repeat(rows + start, nearest.shape[1])
        theirs = nearest.reshape(-1).astype(np.int64)
        close = (theirs != mine) & (block[np.repeat(rows, nearest.shape[1]), theirs] >= floor)
        low, high = np.minimum(mine[close], theirs[close]), np.maximum(mine[close], theirs[close])
        keys.append(low * n + high)
    # One int64 key per pair, not a set of tuples: 5 million candidate pairs at 10⁵ articles took
    # 700 MB as Python tuples.
    unique = np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)
    return unique // n, unique % n
