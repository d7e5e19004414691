"""Lexical similarity: hashed TF-IDF over words and character n-grams.

Embeddings blur names and numbers (``Kim Jong Un`` ≈ ``Kim Jong Il``);
surface overlap keeps them apart, and character n-grams survive
transliteration and typos (``Jong-un``/``Jong Un``, ``Kora``/``Korea``).

``tfidf_matrix`` is dense (a few hundred documents); ``SparseTfidf`` keeps only
the non-zero entries of each row, for the sentences of an event (thousands), and
scores only the pairs asked for.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

DIMENSIONS = 1 << 14
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


_DIGITS = re.compile(r"\d+")


def _buckets(text: str, char_ngrams: bool, mask_digits: bool = False) -> list[int]:
    """The hashed features of ``text``: each word, and with ``char_ngrams`` its padded 4-grams."""
    if mask_digits:
        text = _DIGITS.sub("#", text)
    out: list[int] = []
    for word in _TOKEN.findall(text):
        out.extend(_word_buckets(word.casefold(), char_ngrams))
    return out


@lru_cache(maxsize=1 << 17)
def _word_buckets(word: str, char_ngrams: bool) -> tuple[int, ...]:
    """One word's features, hashed once per process: news repeats its words, and hashing every 4-gram of
    every sentence anew was most of the claim alignment's time on a corpus."""
    features = [f"w:{word}"]
    if char_ngrams:
        padded = f" {word} "
        features.extend(f"c:{padded[i:i + 4]}" for i in range(max(1, len(padded) - 3)))
    return tuple(_bucket(f) for f in features)


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIMENSIONS - 1)


def tfidf_matrix(texts: Sequence[str], char_ngrams: bool = True) -> np.ndarray:
    """Rows are L2-normalised sublinear TF-IDF vectors; IDF comes from ``texts`` themselves."""
    return SparseTfidf.of(texts, char_ngrams).dense()


@dataclass(frozen=True)
class SparseTfidf:
    """L2-normalised sublinear TF-IDF rows in compressed-row form (``indptr``, ``indices``, ``data``)."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray

    @classmethod
    def of(cls, texts: Sequence[str], char_ngrams: bool = True, mask_digits: bool = False) -> SparseTfidf:
        """IDF comes from ``texts`` themselves; ``mask_digits`` reads every number as the same token, so
        that two wordings of one statement with different figures still look alike."""
        rows = []
        for text in texts:
            buckets = np.array(_buckets(text, char_ngrams, mask_digits), dtype=np.int32)
            rows.append(np.unique(buckets, return_counts=True))
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(ids) for ids, _ in rows])
        indices = np.concatenate([ids for ids, _ in rows]) if rows else np.zeros(0, np.int32)
        counts = np.concatenate([c for _, c in rows]).astype(np.float32) if rows else np.zeros(0, np.float32)
        present = np.bincount(indices, minlength=DIMENSIONS)
        idf = (np.log((1 + len(rows)) / (1 + present)) + 1.0).astype(np.float32)
        data = (1.0 + np.log(counts)) * idf[indices]
        row_of = np.repeat(np.arange(len(rows)), np.diff(indptr))
        norms = np.sqrt(np.bincount(row_of, weights=data.astype(np.float64) ** 2, minlength=len(rows)))
        data = (data / np.maximum(norms[row_of], 1e-12)).astype(np.float32)
        return cls(indptr, indices.astype(np.int32), data)

    def dense(self) -> np.ndarray:
        """The rows as a dense ``len × DIMENSIONS`` matrix (for a few hundred documents)."""
        matrix = np.zeros((len(self.indptr) - 1, DIMENSIONS), dtype=np.float32)
        rows = np.repeat(np.arange(len(self.indptr) - 1), np.diff(self.indptr))
        matrix[rows, self.indices] = self.data
        return matrix

    def pair_cosines(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Cosine of rows ``left[k]`` and ``right[k]`` for every k: one dense scratch row per distinct left row."""
        result = np.zeros(len(left), dtype=np.float32)
        if len(left) == 0:
            return result
        scratch = np.zeros(DIMENSIONS, dtype=np.float32)
        order = np.argsort(left, kind="stable")
        bounds = np.flatnonzero(np.diff(left[order])) + 1
        for group in np.split(order, bounds):
            row = int(left[group[0]])
            ids = self.indices[self.indptr[row]:self.indptr[row + 1]]
            scratch[ids] = self.data[self.indptr[row]:self.indptr[row + 1]]
            for k in group.tolist():
                other = int(right[k])
                lo, hi = self.indptr[other], self.indptr[other + 1]
                result[k] = float(scratch[self.indices[lo:hi]] @ self.data[lo:hi])
            scratch[ids] = 0.0
        return result
