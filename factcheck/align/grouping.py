"""Claims from scored sentence pairs: average linkage over a sparse graph, one statement per claim.

Two groups merge while the mean same-statement probability over all their cross-document
sentence pairs stays at or above the bar; a pair that was never a candidate (neither sentence is
the other's best match in its document) counts as 0. So a claim grows only with sentences that
match most of its members, never by being near one of them, and a document gives a claim a
second sentence only when that sentence itself matches the others (a headline and a lead that
repeat one statement). Pairs of one document are never counted either way.

In an event of more documents than a sentence is matched against (``max_partners``), a pair
neither of whose sentences looked at the other's document is unknown rather than 0: it is left
out of the mean, so that a statement repeated by a hundred outlets still makes one claim.
"""

from __future__ import annotations

import heapq
from collections import Counter

import numpy as np

_NEGLIGIBLE = 0.25
"""A pair below this share of the bar is dropped from the graph before linkage."""


def statement_groups(owners: np.ndarray, left: np.ndarray, right: np.ndarray, probability: np.ndarray,
                     bar: float, skipped: np.ndarray | None = None) -> list[tuple[list[int], float]]:
    """Groups of sentence rows that span two documents or more, each with its mean pair probability.
    ``skipped[i, d]``: row i never looked at document d (see ``candidates.Neighbourhood``)."""
    # Pairs far below the bar cannot carry a merge; leaving their small probability out of the sums
    # (they still count in every mean's denominator) keeps the graph small in a large event.
    keep = probability >= bar * _NEGLIGIBLE
    left, right, probability = left[keep], right[keep], probability[keep]
    members: dict[int, list[int]] = {}
    documents: dict[int, Counter[int]] = {}
    sums: dict[int, dict[int, float]] = {}
    # ``blind[g][d]``: how many of g's rows never looked at document d. A row's own is a view of its
    # row of ``skipped`` (no copy); a merged group's is their sum. Never a Counter per row: in an
    # event of 2,000 documents that was 50,000 counters of up to 2,000 entries, 15 GB in one worker.
    blind: dict[int, np.ndarray] = {}
    for a, b, p in zip(left.tolist(), right.tolist(), probability.tolist()):
        for row in (a, b):
            if row not in members:
                members[row], documents[row], sums[row] = [row], Counter([int(owners[row])]), {}
                if skipped is not None:
                    blind[row] = skipped[row]
        sums[a][b] = sums[a].get(b, 0.0) + p
        sums[b][a] = sums[b].get(a, 0.0) + p
    version: dict[int, int] = dict.fromkeys(members, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def blind_to(g: int, h: int) -> int:
        """Pairs of g × h that g's side never looked at: g's blind counts over h's documents."""
        seen = blind[g]
        return sum(int(seen[d]) * n for d, n in documents[h].items())

    def unknown(g: int, h: int) -> int:
        """Pairs of g × h that neither side looked at, estimated from above by the smaller one-sided count."""
        if skipped is None:
            return 0
        return min(blind_to(g, h), blind_to(h, g))

    def mean(g: int, h: int) -> float:
        cross = len(members[g]) * len(members[h]) - sum(n * documents[h][d] for d, n in documents[g].items())
        cross -= unknown(g, h)
        return sums[g][h] / cross if cross > 0 else 0.0

    def push(g: int, h: int) -> None:
        value = mean(g, h)
        if value >= bar:
            first, other = min(g, h), max(g, h)
            heapq.heappush(heap, (-round(value, 12), first, other, version[first], version[other]))

    for g in sorted(sums):
        for h in sorted(sums[g]):
            if g < h:
                push(g, h)
    while heap:
        _, g, h, version_g, version_h = heapq.heappop(heap)
        if g not in members or h not in members or version[g] != version_g or version[h] != version_h:
            continue
        members[g].extend(members.pop(h))
        documents[g].update(documents.pop(h))
        if skipped is not None:
            blind[g] = blind[g].astype(np.int32) + blind.pop(h)
        for other, value in sums.pop(h).items():
            sums[other].pop(h, None)
            if other != g:
                sums[g][other] = sums[g].get(other, 0.0) + value
                sums[other][g] = sums[g][other]
        sums[g].pop(h, None)
        version.pop(h)
        version[g] += 1
        for other in sorted(sums[g]):
            push(g, other)
    label = np.full(len(owners), -1, dtype=np.int64)
    for g, rows in members.items():
        label[rows] = g
    inside = (label[left] == label[right]) & (label[left] >= 0)
    totals: dict[int, float] = {}
    for g, p in zip(label[left[inside]].tolist(), probability[inside].tolist()):
        totals[g] = totals.get(g, 0.0) + p
    groups = []
    for g, rows in members.items():
        if len(documents[g]) < 2:
            continue
        count = len(rows) ** 2 - sum(n * n for n in documents[g].values())
        if skipped is not None:
            count -= blind_to(g, g)
        groups.append((sorted(rows), 2 * totals.get(g, 0.0) / count if count else 0.0))
    return sorted(groups, key=lambda group: group[0][0])
