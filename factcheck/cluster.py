"""Average linkage over a sparse graph of scored pairs, with a stopping bar.

Two clusters merge, best first, while the mean score of the scored pairs between them stays at
or above ``bar``. A pair that was never scored (blocking left it out) is unknown: it counts
neither way, so a story told by a hundred outlets, each compared only with its nearest few,
still becomes one cluster when the pairs that were compared agree. Ties are broken by the
smaller member index, so the result does not depend on the order pairs were given in. A merge
that ``cannot_link`` refuses (two clusters about different occasions) is dropped; the two may
still merge later, once either has grown into something the test allows.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

import numpy as np

CannotLink = Callable[[list[int], list[int]], bool]
"""Whether two clusters, given by their members, must not merge whatever their scores."""


def sparse_average_linkage(n: int, left: np.ndarray, right: np.ndarray, score: np.ndarray,
                           bar: float, cannot_link: CannotLink | None = None) -> list[list[int]]:
    """Clusters of ``range(n)`` (each sorted; clusters sorted by first member), singletons included.

    Two clusters can only merge when some pair between them reaches the bar, so clusters never
    cross the connected components of the pairs at or above it: only the pairs inside one such
    component are kept for the linkage (at 10⁵ articles most of 5 million candidate pairs join
    nothing, and held as dictionaries both ways they took gigabytes). The merges, and so the
    clusters, are the same as over every pair."""
    left, right, score = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64), np.asarray(score)
    component = components(n, left[score >= bar], right[score >= bar])
    inside = (component[left] == component[right]) & (left != right)
    shared = np.bincount(component, minlength=n)[component] > 1
    clusters = _linkage(np.flatnonzero(shared).tolist(), left[inside], right[inside], score[inside], bar, cannot_link)
    alone = [[i] for i in np.flatnonzero(~shared).tolist()]
    return sorted(clusters + alone, key=lambda group: group[0])


def components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The smallest member of each node's connected component over the given edges (union-find)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(left.tolist(), right.tolist()):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([root(i) for i in range(n)], dtype=np.int64)


def _linkage(nodes: list[int], left: np.ndarray, right: np.ndarray, score: np.ndarray,
             bar: float, cannot_link: CannotLink | None) -> list[list[int]]:
    """Average linkage over ``nodes`` with the pairs given (all between ``nodes``)."""
    sums: dict[int, dict[int, float]] = {i: {} for i in nodes}
    counts: dict[int, dict[int, int]] = {i: {} for i in nodes}
    for a, b, s in zip(left.tolist(), right.tolist(), score.tolist()):
        if a == b:
            continue
        sums[a][b] = sums[a].get(b, 0.0) + s
        sums[b][a] = sums[a][b]
        counts[a][b] = counts[a].get(b, 0) + 1
        counts[b][a] = counts[a][b]
    members = {i: [i] for i in nodes}
    version = dict.fromkeys(members, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(g: int, h: int) -> None:
        value = sums[g][h] / counts[g][h]
        if value >= bar:
            first, other = min(g, h), max(g, h)
            heapq.heappush(heap, (-round(value, 12), first, other, version[first], version[other]))

    for g in nodes:
        for h in sorted(sums[g]):
            if g < h:
                push(g, h)
    while heap:
        _, g, h, version_g, version_h = heapq.heappop(heap)
        if version.get(g) != version_g or version.get(h) != version_h:
            continue
        if cannot_link is not None and cannot_link(members[g], members[h]):
            continue
        members[g].extend(members.pop(h))
        for other, value in sums.pop(h).items():
            count = counts[h][other]
            sums[other].pop(h, None)
            counts[other].pop(h, None)
            if other != g:
                sums[g][other] = sums[g].get(other, 0.0) + value
                counts[g][other] = counts[g].get(other, 0) + count
                sums[other][g], counts[other][g] = sums[g][other], counts[g][other]
        counts.pop(h)
        sums[g].pop(h, None)
        counts[g].pop(h, None)
        version.pop(h)
        version[g] += 1
        for other in sorted(sums[g]):
            push(g, other)
    return sorted((sorted(group) for group in members.values()), key=lambda group: group[0])
