"""Lexical similarity: hashed TF-IDF over words and character n-grams.

Embeddings blur names and numbers (``Kim Jong Un`` ≈ ``Kim Jong Il``);
surface overlap keeps them apart, and character n-grams survive
transliteration and typos (``Jong-un``/``Jong Un``, ``Kora``/``Korea``).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

DIMENSIONS = 1 << 14
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def _features(text: str, char_ngrams: bool) -> list[str]:
    words = [w.casefold() for w in _TOKEN.findall(text)]
    features = [f"w:{w}" for w in words]
    if char_ngrams:
        for word in words:
            padded = f" {word} "
            features.extend(f"c:{padded[i:i + 4]}" for i in range(max(1, len(padded) - 3)))
    return features


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIMENSIONS - 1)


def tfidf_matrix(texts: Sequence[str], char_ngrams: bool = True) -> np.ndarray:
    """Rows are L2-normalised sublinear TF-IDF vectors; IDF comes from ``texts`` themselves."""
    counts = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        buckets = [_bucket(f) for f in _features(text, char_ngrams)]
        if buckets:
            counts[row] = np.bincount(buckets, minlength=DIMENSIONS)
    present = (counts > 0).sum(axis=0)
    idf = np.log((1 + len(texts)) / (1 + present)) + 1.0
    weights = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1.0)), 0.0) * idf
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return (weights / np.maximum(norms, 1e-12)).astype(np.float32)
