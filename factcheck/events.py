"""Group events: which documents report the same happening.

Two signals, both needed: embedding similarity of the documents' content
(works across languages) and TF-IDF overlap of their words (names, places,
numbers: what separates two look-alike events such as two rehab check-ins by
two different actresses). Publication dates far apart count against.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from .cluster import average_linkage
from .lexical import tfidf_matrix
from .model import Document, Event

EMBEDDING_WEIGHT = 0.5
THRESHOLD = 0.45
DATE_GAP_DAYS = 60
DATE_GAP_PENALTY = 0.15


def document_similarity(documents: list[Document], vectors: dict[str, np.ndarray]) -> np.ndarray:
    centroids = np.vstack([_centroid(vectors[d.id]) for d in documents])
    semantic = centroids @ centroids.T
    texts = [" ".join(s.text for s in d.sentences) for d in documents]
    lexical_vectors = tfidf_matrix(texts, char_ngrams=False)
    lexical = lexical_vectors @ lexical_vectors.T
    similarity = EMBEDDING_WEIGHT * semantic + (1 - EMBEDDING_WEIGHT) * np.sqrt(np.clip(lexical, 0, 1))
    return similarity - DATE_GAP_PENALTY * _date_gaps(documents)


def _centroid(matrix: np.ndarray) -> np.ndarray:
    if matrix.size == 0:
        return np.zeros(matrix.shape[1] if matrix.ndim == 2 else 1, dtype=np.float32)
    mean = matrix.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def _date_gaps(documents: list[Document]) -> np.ndarray:
    n = len(documents)
    gaps = np.zeros((n, n), dtype=np.float32)
    for i, a in enumerate(documents):
        for j, b in enumerate(documents):
            if a.published and b.published and abs((a.published - b.published).days) > DATE_GAP_DAYS:
                gaps[i, j] = 1.0
    return gaps


def group_events(documents: list[Document], vectors: dict[str, np.ndarray]) -> list[Event]:
    """Events numbered E1… in the order of their first document id; sets ``document.event``."""
    ordered = sorted(documents, key=lambda d: d.id)
    similarity = document_similarity(ordered, vectors)
    groups = average_linkage(similarity, THRESHOLD)
    groups.sort(key=lambda g: ordered[g[0]].id)
    events = []
    for number, group in enumerate(groups, 1):
        members = [ordered[i] for i in group]
        event = Event(id=f"E{number}", documents=[d.id for d in members], label=_label(members, similarity, group))
        for document in members:
            document.event = event.id
        events.append(event)
    return events


def _label(members: list[Document], similarity: np.ndarray, group: list[int]) -> str:
    """The title of the most central document: the one the others resemble most."""
    if len(group) > 1:
        centrality = similarity[np.ix_(group, group)].sum(axis=1)
        order = sorted(range(len(group)), key=lambda k: (-round(float(centrality[k]), 6), members[k].id))
    else:
        order = [0]
    for k in order:
        if members[k].title:
            return members[k].title
    first = members[order[0]].sentences
    return first[0].text[:120] if first else members[order[0]].id


def event_date(facts_dates: list[str]) -> str | None:
    """The day most often named by explicit day-granular dates in the event."""
    if not facts_dates:
        return None
    counts = Counter(facts_dates)
    return sorted(counts, key=lambda d: (-counts[d], d))[0]
