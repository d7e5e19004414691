"""Align claims: sentences of one event's documents that make the same statement.

Order-free (outlets reorder and omit): every sentence is compared with every
sentence of the other documents. Similarity mixes the embedding (meaning,
across languages) with character n-gram TF-IDF (names and numbers in one
language). Average linkage over cross-document pairs only lets a claim hold
several sentences of one article (a headline and a lead that repeat it).

The stopping rule is relative to the event: articles on one topic share
vocabulary, so every sentence pair of a single-topic folder looks somewhat
alike in absolute terms. Only pairs that stand out from the event's own
background (in standard deviations) make a claim.
"""

from __future__ import annotations

import numpy as np

from .cluster import average_linkage
from .lexical import tfidf_matrix
from .model import Claim, ClaimMember, Document, Event, Sentence
from .settings import AlignSettings, active


def sentence_similarity(sentences: list[Sentence], vectors: np.ndarray,
                        settings: AlignSettings | None = None) -> np.ndarray:
    weight = (settings or active().align).embedding_weight
    semantic = vectors @ vectors.T
    lexical_vectors = tfidf_matrix([s.text for s in sentences])
    lexical = lexical_vectors @ lexical_vectors.T
    return weight * semantic + (1 - weight) * np.sqrt(np.clip(lexical, 0, 1))


def standardise(similarity: np.ndarray, cross: np.ndarray, settings: AlignSettings | None = None) -> np.ndarray:
    """Similarity in standard deviations above the mean of the event's cross-document pairs."""
    background = similarity[cross]
    if background.size == 0:
        return similarity
    return (similarity - background.mean()) / max(float(background.std()), (settings or active().align).min_spread)


def align_claims(event: Event, documents: dict[str, Document], vectors: dict[str, np.ndarray],
                 threshold: float | None = None, settings: AlignSettings | None = None) -> list[Claim]:
    """Claims of one event, strongest first; ids are assigned by the caller."""
    cfg = settings or active().align
    threshold = cfg.threshold if threshold is None else threshold
    sentences = [s for doc_id in event.documents for s in documents[doc_id].sentences]
    if len(event.documents) < 2 or not sentences:
        return []
    matrix = np.vstack([vectors[doc_id] for doc_id in event.documents])
    similarity = sentence_similarity(sentences, matrix, cfg)
    owners = np.array([s.document for s in sentences])
    cross = owners[:, None] != owners[None, :]
    claims = []
    for group in average_linkage(standardise(similarity, cross, cfg), threshold, allowed=cross):
        if len({sentences[i].document for i in group}) < 2:
            continue
        pairs = [similarity[a, b] for a in group for b in group if a < b and cross[a, b]]
        members = [ClaimMember(s.document, s.index, s.start, s.end, s.text) for s in (sentences[i] for i in group)]
        claims.append(Claim(id="", event=event.id, score=round(float(np.mean(pairs)), 4), members=members))
    claims.sort(key=lambda c: (-len({m.document for m in c.members}), -c.score, c.members[0].document,
                               c.members[0].sentence))
    return claims
