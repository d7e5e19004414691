"""Which sentence pairs of an event are worth scoring, and where each stands among its rivals.

Every sentence is compared with every sentence of the other documents, but in blocks of rows,
so that an event of thousands of sentences never holds an n × n matrix. What is kept is small:
for every sentence and every other document, its best and second-best cosine there (whether a
pair is each other's best match, and by how much, is what tells a translation from a neighbour
on the same topic), and the candidate pairs: each sentence's best match in every other document,
at most ``max_partners`` of them, strongest first. Nothing here depends on documents other than
the two of a pair, so a pair scores the same whatever else is in the folder.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_BLOCK_ROWS = 256


@dataclass(frozen=True)
class Neighbourhood:
    """Candidate pairs (``left < right``, by sentence row) and the per-sentence rivals they are judged by."""

    left: np.ndarray
    right: np.ndarray
    cosine: np.ndarray
    best: np.ndarray
    """``best[i, d]``: sentence i's highest cosine with a sentence of document d (-1 for its own)."""
    second: np.ndarray
    """``second[i, d]``: its second highest there (-1 where d has a single sentence)."""
    skipped: np.ndarray | None = None
    """``skipped[i, d]``: sentence i's best match in document d was left out by the ``max_partners``
    cap, so whether they make one statement is unknown; None where no sentence reached the cap."""


def neighbourhood(vectors: np.ndarray, owners: np.ndarray, max_partners: int, floor: float) -> Neighbourhood:
    """Candidates among rows of ``vectors`` (L2-normalised); ``owners[i]`` is row i's document
    number, and rows of one document are contiguous."""
    n = len(owners)
    documents = int(owners.max()) + 1 if n else 0
    starts = np.searchsorted(owners, np.arange(documents))
    best = np.full((n, documents), -1.0, dtype=np.float32)
    second = np.full((n, documents), -1.0, dtype=np.float32)
    lefts, rights, cosines = [], [], []
    capped: list[tuple[int, np.ndarray]] = []
    matrix = vectors.astype(np.float32, copy=False)
    for begin in range(0, n, _BLOCK_ROWS):
        rows = np.arange(begin, min(n, begin + _BLOCK_ROWS))
        block = matrix[rows] @ matrix.T
        block[owners[rows][:, None] == owners[None, :]] = -2.0
        top = np.maximum.reduceat(block, starts, axis=1)
        at = _first_at(block, top, owners)
        masked = block.copy()
        masked[np.arange(len(rows))[:, None], at] = -2.0
        runner_up = np.maximum.reduceat(masked, starts, axis=1)
        best[rows] = np.maximum(top, -1.0)
        second[rows] = np.maximum(runner_up, -1.0)
        for r, row in enumerate(rows.tolist()):
            partners = at[r][(top[r] >= floor) & (np.arange(documents) != owners[row])]
            if len(partners) > max_partners:
                order = np.argsort(-block[r, partners], kind="stable")
                capped.append((row, owners[partners[order[max_partners:]]]))
                partners = partners[order[:max_partners]]
            lefts.append(np.full(len(partners), row, dtype=np.int64))
            rights.append(partners.astype(np.int64))
            cosines.append(block[r, partners])
    skipped = None
    if capped:
        skipped = np.zeros((n, documents), dtype=bool)
        for row, left_out in capped:
            skipped[row, left_out] = True
    if not lefts:
        empty = np.zeros(0, dtype=np.int64)
        return Neighbourhood(empty, empty, np.zeros(0, np.float32), best, second, skipped)
    left, right = np.concatenate(lefts), np.concatenate(rights)
    cosine = np.concatenate(cosines).astype(np.float32)
    low, high = np.minimum(left, right), np.maximum(left, right)
    _, first = np.unique(low * max(n, 1) + high, return_index=True)
    return Neighbourhood(low[first], high[first], cosine[first], best, second, skipped)


def _first_at(block: np.ndarray, top: np.ndarray, owners: np.ndarray) -> np.ndarray:
    """Per row and document, the column of the first sentence reaching that document's top cosine."""
    reaches = block >= top[:, owners]
    documents = top.shape[1]
    at = np.zeros((block.shape[0], documents), dtype=np.int64)
    rows, columns = np.nonzero(reaches)
    # nonzero lists columns in ascending order per row, so the first hit per (row, document) wins.
    keys = rows * documents + owners[columns]
    unique, first = np.unique(keys, return_index=True)
    at.reshape(-1)[unique] = columns[first]
    return at
