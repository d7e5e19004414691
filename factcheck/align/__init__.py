"""Align claims: sentences of one event's documents that make the same statement.

Order-free (outlets reorder and omit): each sentence is matched against every other document,
in blocks (``candidates``); each candidate pair gets a calibrated same-statement probability
(``features``, ``model``), absolute rather than relative to the folder, so that two one-line
articles align as well as fifty long ones; claims are groups whose pairs are, on average, one
statement (``grouping``). A claim's ``score`` is that mean probability.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..lexical import SparseTfidf
from ..model import Claim, ClaimMember, Document, Event, Sentence
from ..settings import AlignSettings, active
from .candidates import Neighbourhood, neighbourhood
from .features import FEATURES, SentenceTraits, pair_features
from .grouping import statement_groups
from .model import StatementModel, load

__all__ = ["FEATURES", "ScoredPairs", "align_claims", "load", "score_pairs"]


@dataclass(frozen=True)
class ScoredPairs:
    """An event's sentences in document order, its candidate pairs, their features and probabilities."""

    sentences: list[Sentence]
    owners: np.ndarray
    pairs: Neighbourhood
    features: np.ndarray
    probability: np.ndarray


def score_pairs(documents: list[Document], vectors: dict[str, np.ndarray],
                settings: AlignSettings | None = None, model: StatementModel | None = None) -> ScoredPairs:
    """Candidate pairs of the sentences of ``documents`` (each other's document), scored."""
    cfg = settings or active().align
    statement_model = model or load(cfg.model)
    sentences = [s for d in documents for s in d.sentences]
    owners = np.array([n for n, d in enumerate(documents) for _ in d.sentences], dtype=np.int64)
    languages = np.array([d.language for d in documents])
    dimensions = next((v.shape[1] for v in vectors.values() if v.ndim == 2), 0)
    matrix = (np.vstack([vectors[d.id] for d in documents]).astype(np.float32, copy=False) if sentences
              else np.zeros((0, dimensions), dtype=np.float32))
    pairs = neighbourhood(matrix, owners, cfg.max_partners, cfg.candidate_floor)
    features = pair_features(pairs, owners, languages, SentenceTraits.of(sentences),
                             SparseTfidf.of([s.text for s in sentences], mask_digits=True), statement_model.no_rival)
    return ScoredPairs(sentences, owners, pairs, features, statement_model.logistic.scores(features))


def align_claims(event: Event, documents: dict[str, Document], vectors: dict[str, np.ndarray],
                 settings: AlignSettings | None = None) -> list[Claim]:
    """Claims of one event, strongest first; ids are assigned by the caller."""
    cfg = settings or active().align
    members = [documents[d] for d in event.documents]
    if len(members) < 2 or not any(d.sentences for d in members):
        return []
    model = load(cfg.model)
    bar = model.bar if cfg.bar is None else cfg.bar
    scored = score_pairs(members, vectors, cfg, model)
    claims = []
    for rows, score in statement_groups(scored.owners, scored.pairs.left, scored.pairs.right, scored.probability,
                                        bar, scored.pairs.skipped):
        chosen = [scored.sentences[i] for i in rows]
        claims.append(Claim(id="", event=event.id, score=round(float(score), 4),
                            members=[ClaimMember(s.document, s.index, s.start, s.end, s.text) for s in chosen]))
    claims.sort(key=lambda c: (-len({m.document for m in c.members}), -c.score, c.members[0].document,
                               c.members[0].sentence))
    return claims
