"""Average-linkage agglomerative clustering with a stopping threshold.

Used twice: documents into events, sentences into claims. ``allowed`` marks
which item pairs count toward a link (for claims: only sentences of
different documents), so two sentences of one article never merge directly
but may meet in a claim through other outlets.
"""

from __future__ import annotations

import numpy as np


def average_linkage(similarity: np.ndarray, threshold: float, allowed: np.ndarray | None = None) -> list[list[int]]:
    """Clusters (lists of item indices, each sorted; clusters sorted by first item)."""
    n = similarity.shape[0]
    if n == 0:
        return []
    counts = (np.ones((n, n), dtype=np.float64) if allowed is None else allowed.astype(np.float64)).copy()
    np.fill_diagonal(counts, 0.0)
    sums = np.where(counts > 0, similarity.astype(np.float64), 0.0)
    link = _links(sums, counts)
    best, best_at = link.max(axis=1), link.argmax(axis=1)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while members:
        i = int(np.argmax(best))
        if best[i] < threshold:
            break
        j = int(best_at[i])
        i, j = min(i, j), max(i, j)
        members[i].extend(members.pop(j))
        for matrix in (sums, counts):
            matrix[i, :] += matrix[j, :]
            matrix[:, i] = matrix[i, :]
            matrix[i, i] = 0.0
            matrix[j, :] = 0.0
            matrix[:, j] = 0.0
        row = _links(sums[i:i + 1], counts[i:i + 1])[0]
        row[i] = -np.inf
        link[i, :] = row
        link[:, i] = row
        link[j, :] = -np.inf
        link[:, j] = -np.inf
        best[j] = -np.inf
        stale = np.flatnonzero((best_at == i) | (best_at == j))
        for k in [i, *stale.tolist()]:
            if k != j:
                best[k], best_at[k] = link[k].max(), int(link[k].argmax())
        improved = row > best
        best[improved], best_at[improved] = row[improved], i
    return sorted((sorted(group) for group in members.values()), key=lambda g: g[0])


def _links(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1e-12), -np.inf)
