"""Events from scored document pairs: sparse average linkage, then stray reports fold in.

Documents merge, best first, while the mean same-story probability of the pairs compared between
two groups stays at or above the bar (``factcheck.cluster``). A group of ``small_group`` documents
or fewer (a short, oddly written or off-angle report of a story) then joins the larger event it is
most like, when their mean probability (uncompared pairs counting 0) reaches ``attach_bar``: a
stray report should not become an event of its own, and a lower bar for it alone cannot merge two
large stories.

Two groups whose closest days are a year apart or more report different occasions (the 2019 and
the 2024 summits of the same two leaders): they never merge, whatever else they share
(``dates.Occasions``). Judged on the groups, not on each pair: the sentencing of 2007 and the
killing of 2005 are one story once a report that names both has joined.

Average linkage can still cut one story in two when each half is worded alike inside and less so
across (one outlet family retells it, another paraphrases): ``same_occasion`` joins two groups of
two or more documents whose mean probability reaches ``merge_bar`` and that name the same day
(within a day) in at least ``merge_day_share`` of each group's documents. On ECB+ that joins the two
halves of the Lohan story (mean 0.54, the same day in 73 % of each) and of the Kraft shooting
(0.40, 73 %); no two stories of a topic or of an IndoSum week pass both (the most alike different
stories: 0.50 with no shared day, 0.26 on the same day).
"""

from __future__ import annotations

import numpy as np

from ..cluster import components, sparse_average_linkage
from .dates import Day, Occasions, days_apart


def story_groups(n: int, left: np.ndarray, right: np.ndarray, probability: np.ndarray, bar: float,
                 attach_bar: float, small_group: int, occasions: Occasions | None = None) -> list[list[int]]:
    """Groups of ``range(n)``, each sorted, sorted by first member; ``occasions`` keeps groups of
    different occasions apart."""
    groups = sparse_average_linkage(n, left, right, probability, bar, occasions.apart if occasions else None)
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
        if occasions is not None:  # only the events it could join are asked: thousands at 10⁵ articles
            for k in np.flatnonzero(links >= attach_bar).tolist():
                if occasions.apart(group, large[k]):
                    links[k] = -1.0
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


def same_occasion(groups: list[list[int]], left: np.ndarray, right: np.ndarray, probability: np.ndarray,
                  days: list[tuple[Day, ...]], bar: float, day_share: float) -> list[list[int]]:
    """``groups`` with those pairs of groups joined that tell one story on one day (module docstring);
    ``days[i]`` are document i's days (publication and written dates)."""
    sizes = np.array([len(g) for g in groups], dtype=np.int64)
    n = int(max((max(g) for g in groups), default=-1)) + 1
    group_of = np.full(n, -1, dtype=np.int64)
    for number, group in enumerate(groups):
        group_of[group] = number
    a, b = group_of[left], group_of[right]
    keep = (a != b) & (sizes[a] >= 2) & (sizes[b] >= 2) if len(left) else np.zeros(0, dtype=bool)
    if not keep.any():
        return groups
    lo, hi = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    keys, inverse = np.unique(lo * len(groups) + hi, return_inverse=True)
    totals = np.bincount(inverse, weights=probability[keep].astype(np.float64))
    pairs = [divmod(key, len(groups)) for key, total in zip(keys.tolist(), totals.tolist())
             if total / (sizes[key // len(groups)] * sizes[key % len(groups)]) >= bar]
    # Groups that name one day are never of different occasions (``Occasions``): no check needed.
    joined = [(g, h) for g, h in pairs if _shared_day(groups[g], groups[h], days, day_share)]
    root = components(len(groups), np.array([g for g, _ in joined], dtype=np.int64),
                      np.array([h for _, h in joined], dtype=np.int64))
    merged: dict[int, list[int]] = {}
    for number, group in enumerate(groups):
        merged.setdefault(int(root[number]), []).extend(group)
    return sorted((sorted(g) for g in merged.values()), key=lambda g: g[0])


def _shared_day(a: list[int], b: list[int], days: list[tuple[Day, ...]], share: float) -> bool:
    """Some day (within one day) is named by two or more documents and ``share`` of each group."""
    for day in sorted({d for i in a + b for d in days[i]}, key=lambda d: (d[0] or 0, d[1], d[2])):
        counts = [sum(any(days_apart(day, other) <= 1 for other in days[i]) for i in group) for group in (a, b)]
        if min(counts) >= 2 and all(c >= share * len(g) for c, g in zip(counts, (a, b))):
            return True
    return False
