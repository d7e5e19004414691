"""Events from scored document pairs: sparse average linkage, then stray reports fold in.

Documents merge, best first, while the mean same-story probability of the pairs compared between
two groups stays at or above the bar (``factcheck.cluster``). A group of ``small_group`` documents
or fewer (a short, oddly written or off-angle report of a story) then joins the larger event it is
most like, when their mean probability (uncompared pairs counting 0) reaches ``attach_bar``: a
stray report should not become an event of its own, and a lower bar for it alone cannot merge two
large stories.

Two documents whose closest days are a year apart or more report different occasions (the 2019
and the 2024 summits of the same two leaders): their pair counts 0 whatever else they share.
"""

from __future__ import annotations

import numpy as np

from ..cluster import sparse_average_linkage


def story_groups(n: int, left: np.ndarray, right: np.ndarray, probability: np.ndarray, bar: float,
                 attach_bar: float, small_group: int, apart: np.ndarray | None = None) -> list[list[int]]:
    """Groups of ``range(n)``, each sorted, sorted by first member; ``apart`` marks the pairs of
    different occasions."""
    if apart is not None and len(apart):
        probability = np.where(apart, 0.0, probability)
    groups = sparse_average_linkage(n, left, right, probability, bar)
    pair = {(a, b): p for a, b, p in zip(left.tolist(), right.tolist(), probability.tolist())}
    large = [g for g in groups if len(g) > small_group]
    alone: list[list[int]] = []
    for group in (g for g in groups if len(g) <= small_group):
        links = [sum(pair.get((min(i, j), max(i, j)), 0.0) for i in group for j in other) / (len(group) * len(other))
                 for other in large]
        best = int(np.argmax(links)) if links else -1
        if best >= 0 and links[best] >= attach_bar:
            large[best] = sorted(large[best] + group)
        else:
            alone.append(group)
    return sorted(large + alone, key=lambda g: g[0])
