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
    large = [g for g in groups if len(g) > small_group]
    small = [g for g in groups if len(g) <= small_group]
    if not small or not large:
        return sorted(large + small, key=lambda g: g[0])
    neighbours = Adjacency.of(n, left, right, probability)
    large_of = np.full(n, -1, dtype=np.int64)
    for number, group in enumerate(large):
        large_of[group] = number
    sizes = np.array([len(g) for g in large], dtype=np.float64)
    alone: list[list[int]] = []
    for group in small:
        # The sum of the group's probabilities with each large group, added in the order (member,
        # other document), as a pair dictionary summed them: the same floats, without a dictionary
        # of every candidate pair (5 million at 10⁵ articles).
        totals = np.zeros(len(large), dtype=np.float64)
        for i in group:
            others, values = neighbours.of_document(i)
            into = large_of[others]
            np.add.at(totals, into[into >= 0], values[into >= 0])
        links = totals / (len(group) * sizes)
        best = int(np.argmax(links))
        if links[best] >= attach_bar:
            large[best] = sorted(large[best] + group)
            large_of[group] = best
            sizes[best] += len(group)
        else:
            alone.append(group)
    return sorted(large + alone, key=lambda g: g[0])


class Adjacency:
    """Every document's scored partners from the pair arrays, each pair both ways, sorted by (owner,
    partner): sums over them add in the order a dictionary of pairs walked by partner would, without a
    Python object per pair."""

    def __init__(self, owners: np.ndarray, partners: np.ndarray, values: np.ndarray, starts: np.ndarray) -> None:
        self.owners, self.partners, self.values, self.starts = owners, partners, values, starts

    @classmethod
    def of(cls, n: int, left: np.ndarray, right: np.ndarray, probability: np.ndarray) -> Adjacency:
        mine = np.concatenate([left, right]).astype(np.int64)
        theirs = np.concatenate([right, left]).astype(np.int64)
        values = np.concatenate([probability, probability]).astype(np.float64)
        keep = mine != theirs
        mine, theirs, values = mine[keep], theirs[keep], values[keep]
        order = np.lexsort((theirs, mine))
        mine, theirs, values = mine[order], theirs[order], values[order]
        return cls(mine, theirs, values, np.searchsorted(mine, np.arange(n + 1)))

    def of_document(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.starts[i], self.starts[i + 1]
        return self.partners[lo:hi], self.values[lo:hi]
