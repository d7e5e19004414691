"""What the statement model sees of a sentence pair: language-neutral numbers, one row per pair.

Meaning comes from the embedding (across languages too); where each sentence stands among the
other document's sentences (each other's best match, by how much) tells a translation or a
retelling from a neighbour on the same topic; surface overlap (character n-grams with numbers
masked, shared names, shared figures) backs it up within a language and for names across them.
A changed number or date must not split a statement (that is what the detectors look for), so
figures are masked in the n-grams and only count as a bonus when they are shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..lexical import SparseTfidf
from ..model import Sentence
from .candidates import Neighbourhood

FEATURES: tuple[str, ...] = (
    "cosine", "mutual_best", "best_gap", "lexical", "names", "numbers", "length_ratio",
    "short", "cross_language", "cross_cosine", "cross_best_gap",
)
"""The model's inputs, in the order of its weights (``weights.json`` names them)."""

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+")
_SHORT_WORDS = 5
_TIE = 1e-6


@dataclass(frozen=True)
class SentenceTraits:
    """Per sentence of an event: what pair features are computed from."""

    words: np.ndarray
    names: list[frozenset[str]]
    numbers: list[frozenset[str]]

    @classmethod
    def of(cls, sentences: list[Sentence]) -> SentenceTraits:
        words, names, numbers = [], [], []
        for sentence in sentences:
            tokens = _WORD.findall(sentence.text)
            words.append(len(tokens))
            # The first word is capitalised by position, not by being a name.
            names.append(frozenset(t.casefold() for t in tokens[1:] if t[:1].isupper()))
            numbers.append(frozenset(_NUMBER.findall(sentence.text)))
        return cls(np.array(words, dtype=np.float64), names, numbers)


def pair_features(pairs: Neighbourhood, owners: np.ndarray, languages: np.ndarray, traits: SentenceTraits,
                  lexical: SparseTfidf, no_rival: float) -> np.ndarray:
    """One row of ``FEATURES`` per candidate pair of ``pairs``; ``no_rival`` stands for the runner-up
    cosine in a one-sentence document (the model's, learnt from the runner-ups it was fitted on)."""
    left, right, cosine = pairs.left, pairs.right, pairs.cosine.astype(np.float64)
    if len(left) == 0:
        return np.zeros((0, len(FEATURES)))
    left_doc, right_doc = owners[left], owners[right]
    best_there = pairs.best[left, right_doc].astype(np.float64)
    best_back = pairs.best[right, left_doc].astype(np.float64)
    is_best_there = cosine >= best_there - _TIE
    is_best_back = cosine >= best_back - _TIE
    gap_there = cosine - np.where(is_best_there, _runner_up(pairs, left, right_doc, no_rival), best_there)
    gap_back = cosine - np.where(is_best_back, _runner_up(pairs, right, left_doc, no_rival), best_back)
    best_gap = np.minimum(gap_there, gap_back)
    words_l, words_r = traits.words[left], traits.words[right]
    length_ratio = np.minimum(words_l, words_r) / np.maximum(np.maximum(words_l, words_r), 1.0)
    short = (np.minimum(words_l, words_r) <= _SHORT_WORDS).astype(np.float64)
    cross = (languages[left_doc] != languages[right_doc]).astype(np.float64)
    names = _overlap(traits.names, left, right)
    numbers = _overlap(traits.numbers, left, right)
    surface = lexical.pair_cosines(left, right).astype(np.float64)
    columns = {
        "cosine": cosine, "mutual_best": (is_best_there & is_best_back).astype(np.float64),
        "best_gap": best_gap, "lexical": np.sqrt(np.clip(surface, 0.0, 1.0)), "names": names, "numbers": numbers,
        "length_ratio": length_ratio, "short": short, "cross_language": cross, "cross_cosine": cross * cosine,
        "cross_best_gap": cross * best_gap,
    }
    return np.column_stack([columns[name] for name in FEATURES])


def _runner_up(pairs: Neighbourhood, rows: np.ndarray, documents: np.ndarray, no_rival: float) -> np.ndarray:
    """The second-best cosine of each row in that document; a one-line article has no rival, which is
    no evidence either way, so a typical runner-up stands in."""
    second = pairs.second[rows, documents].astype(np.float64)
    return np.where(second > -1.0, second, no_rival)


def _overlap(sets: list[frozenset[str]], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Shared items over the larger set (0 where neither sentence has any)."""
    result = np.zeros(len(left))
    for k, (a, b) in enumerate(zip(left.tolist(), right.tolist())):
        first, other = sets[a], sets[b]
        if first or other:
            result[k] = len(first & other) / max(len(first), len(other))
    return result
