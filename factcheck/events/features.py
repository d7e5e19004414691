"""Features of a document pair for the same-story model, all language-neutral.

Meaning (lead, whole text, best-matching sentences), who and where (shared names, weighted by
how rare they are in the folder; shared figures), and when (the closest of their days, whether
the years they name overlap at all). Two reports of one story share distinctive names and name
close days; two look-alike stories (two rehab stays, two castings of one role) share the words
of the kind of story but not its people, its day or its year.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..lexical import SparseTfidf
from .dates import closest_days
from .signature import Signature

FEATURES: tuple[str, ...] = ("lead", "body", "match", "names", "lead_names", "tokens", "shared_names", "numbers",
                             "day_closeness", "year_clash", "cross_language", "cross_lead")

UNDETERMINED = "und"
"""A language too thin to tell (a one-line article): never a cross-language pair, whatever the other is."""

FAR_DAYS = 60
"""Days apart at which two documents' closest days count fully against one story."""

_TOP = 3
"""Best-matching sentences averaged in ``match``."""


def _known(evidence: bool, value: float) -> float:
    """``value``, or NaN (unknown: the model counts it as its mean) when one side has nothing to compare:
    two articles that name no one do not disagree about who."""
    return value if evidence else math.nan


def day_gaps(signatures: Sequence[Signature], left: np.ndarray, right: np.ndarray) -> list[int | None]:
    """Per pair, the days between the closest days of its two documents; None when either names none."""
    return [closest_days(list(signatures[i].days), list(signatures[j].days))
            for i, j in zip(left.tolist(), right.tolist())]


@dataclass(frozen=True)
class Lexicon:
    """What pairs read of the whole folder, built once: the TF-IDF rows of each document's names, lead
    names, figures and both (a shared name says more the rarer it is), its name sets, and its lead and
    body centroids as matrices."""

    names: SparseTfidf
    lead_names: SparseTfidf
    numbers: SparseTfidf
    tokens: SparseTfidf
    name_sets: tuple[frozenset[str], ...]
    leads: np.ndarray
    bodies: np.ndarray

    @classmethod
    def of(cls, signatures: Sequence[Signature]) -> Lexicon:
        return cls(_tfidf([" ".join(s.names) for s in signatures]),
                   _tfidf([" ".join(s.lead_names) for s in signatures]),
                   _tfidf([" ".join(sorted(s.numbers)) for s in signatures]),
                   _tfidf([" ".join(s.names + tuple(sorted(s.numbers))) for s in signatures]),
                   tuple(frozenset(s.names) for s in signatures),
                   _stacked([s.lead for s in signatures]), _stacked([s.body for s in signatures]))


def _stacked(rows: list[np.ndarray]) -> np.ndarray:
    return np.vstack(rows) if rows else np.zeros((0, 1), dtype=np.float32)


def pair_features(signatures: Sequence[Signature], left: np.ndarray, right: np.ndarray,
                  gaps: Sequence[int | None], lexicon: Lexicon | None = None) -> np.ndarray:
    """One row of ``FEATURES`` per pair ``(left[k], right[k])`` (``gaps`` from ``day_gaps``); the folder
    is ``signatures`` (and ``lexicon``, built from them when not given). Each row depends on its pair
    alone, so that the pairs can be cut into chunks computed apart."""
    lexicon = lexicon or Lexicon.of(signatures)
    name_cosines = lexicon.names.pair_cosines(left, right)
    lead_name_cosines = lexicon.lead_names.pair_cosines(left, right)
    number_cosines = lexicon.numbers.pair_cosines(left, right)
    token_cosines = lexicon.tokens.pair_cosines(left, right)
    lead_cosines = _pair_dots(lexicon.leads, left, right)
    body_cosines = _pair_dots(lexicon.bodies, left, right)
    rows = np.zeros((len(left), len(FEATURES)), dtype=np.float64)
    for k, (i, j) in enumerate(zip(left.tolist(), right.tolist())):
        a, b = signatures[i], signatures[j]
        lead = float(lead_cosines[k])
        cross = float(a.language != b.language and UNDETERMINED not in (a.language, b.language))
        named = bool(a.names) and bool(b.names)
        rows[k] = (lead, float(body_cosines[k]), _match(a.sentences, b.sentences),
                   _known(named, float(name_cosines[k])),
                   _known(bool(a.lead_names) and bool(b.lead_names), float(lead_name_cosines[k])),
                   _known(named, math.sqrt(max(0.0, float(token_cosines[k])))),
                   _known(named, math.log1p(len(lexicon.name_sets[i] & lexicon.name_sets[j]))),
                   _known(bool(a.numbers) and bool(b.numbers), float(number_cosines[k])), _closeness(gaps[k]),
                   float(bool(a.years) and bool(b.years) and not a.years & b.years), cross, cross * lead)
    return rows


_DOT_CHUNK = 8192
"""Pairs whose rows are gathered at once: a corpus has a million candidate pairs, and gathering all their
vectors at once took two copies of 512 floats per pair (2 GB at 10,000 articles)."""


def _pair_dots(matrix: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """``matrix[left[k]] · matrix[right[k]]`` for every k, a chunk of pairs at a time."""
    out = np.zeros(len(left), dtype=np.float64)
    for start in range(0, len(left), _DOT_CHUNK):
        a, b = left[start:start + _DOT_CHUNK], right[start:start + _DOT_CHUNK]
        out[start:start + len(a)] = np.einsum("ij,ij->i", matrix[a], matrix[b])
    return out


def _match(a: np.ndarray, b: np.ndarray) -> float:
    """Mean of the best ``_TOP`` sentence-to-sentence cosines, both ways: the statements they share."""
    if not len(a) or not len(b):
        return 0.0
    if a.dtype == np.float16:  # a compact corpus: numpy multiplies float16 without BLAS
        a, b = a.astype(np.float32), b.astype(np.float32)
    cosines = a @ b.T
    one = np.sort(cosines.max(axis=1))[::-1][:_TOP]
    other = np.sort(cosines.max(axis=0))[::-1][:_TOP]
    # sum / n, not .mean(): the same float32 value, without numpy's per-call overhead (a corpus has a
    # million candidate pairs)
    return float(one.sum() / len(one) + other.sum() / len(other)) / 2


def _tfidf(texts: list[str]) -> SparseTfidf:
    """TF-IDF rows of word lists (IDF from the folder: a name every document has says little)."""
    return SparseTfidf.of(texts, char_ngrams=False)


def _closeness(gap: int | None) -> float:
    """+1 for the same day, falling (by the log of the days) to −1 at ``FAR_DAYS`` and beyond; 0 when
    either document names no day, so that a missing date neither joins nor parts."""
    if gap is None:
        return 0.0
    return 1.0 - 2.0 * min(1.0, math.log1p(gap) / math.log1p(FAR_DAYS))
