"""What a document's story is made of: its meaning, who and where, when.

A signature is computed once per document; pair features (``features.py``) only compare two
signatures (plus the folder's word statistics, which say how distinctive a shared name is).
Case carries the "who and where" in any cased script; uncased scripts fall back on meaning and
dates alone.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..model import Document
from .dates import Day, document_days, document_years

_WORD = re.compile(r"[^\W\d_][\w'\-]*|\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Signature:
    """One document's story, as the event stage compares it."""

    lead: np.ndarray
    """Unit centroid of the first sentences' embeddings: what the story is."""
    body: np.ndarray
    """Unit centroid of all its sentences' embeddings."""
    sentences: np.ndarray
    """Unit embeddings of its first sentences, for sentence-by-sentence matching (float16 in a compact
    corpus: twelve vectors a document are 2.5 GB at 10⁵ articles as float32)."""
    names: tuple[str, ...]
    """Capitalised words not opening a sentence, casefolded: people, places, organisations."""
    numbers: frozenset[str]
    """The figures it writes (digits only, separators dropped)."""
    lead_names: tuple[str, ...]
    """The names of its first sentences: who and where the story is about."""
    days: tuple[Day, ...]
    years: frozenset[int]
    language: str


def proper_tokens(document: Document, sentences: int | None = None) -> tuple[list[str], list[str]]:
    """(names, numbers): capitalised words not opening a sentence, and figures, in text order (of the
    first ``sentences`` only, when given)."""
    names: list[str] = []
    numbers: list[str] = []
    for sentence in document.sentences[:sentences]:
        for i, word in enumerate(_WORD.findall(sentence.text)):
            if word[0].isdigit():
                numbers.append(re.sub(r"[.,]", "", word))
            elif i > 0 and word[0].isupper():
                names.append(word.casefold())
    return names, numbers


Words = tuple[tuple[str, ...], frozenset[str], tuple[str, ...], tuple[Day, ...], frozenset[int]]
"""What a signature reads of a document's text and facts: names, numbers, lead names, days, years. A
worker can make it where the document is, and send back these few words instead of vectors."""


def signature_words(document: Document, lead_sentences: int) -> Words:
    names, numbers = proper_tokens(document)
    return (_interned(names), frozenset(_interned(numbers)), _interned(proper_tokens(document, lead_sentences)[0]),
            tuple(document_days(document)), document_years(document))


def signature(document: Document, vectors: np.ndarray, lead_sentences: int, match_sentences: int,
              words: Words | None = None) -> Signature:
    """``words`` from ``signature_words`` when they were made elsewhere."""
    names, numbers, lead_names, days, years = words or signature_words(document, lead_sentences)
    compact = vectors.dtype == np.float16  # a large corpus keeps its vectors so (``embed.compact_from``)
    vectors = np.asarray(vectors, dtype=np.float32)
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return Signature(lead=_centroid(unit[:lead_sentences]), body=_centroid(unit),
                     # a copy, never a view: a view would keep every sentence's vector of the document alive
                     sentences=np.array(unit[:match_sentences], dtype=np.float16 if compact else np.float32),
                     names=names, numbers=numbers, lead_names=lead_names, days=days, years=years,
                     language=document.language)


def reinterned(words: Words) -> Words:
    """Words made in a worker, interned in this process (a pickle's strings are new copies)."""
    names, numbers, lead_names, days, years = words
    return _interned(names), frozenset(_interned(numbers)), _interned(lead_names), days, years


def _interned(words: Iterable[str]) -> tuple[str, ...]:
    """One string object per distinct word across the corpus: a signature's names are mostly the same
    few thousand words, and 10⁵ documents holding their own copies cost hundreds of MB."""
    return tuple(sys.intern(w) for w in words)


def _centroid(matrix: np.ndarray) -> np.ndarray:
    mean = matrix.mean(axis=0) if len(matrix) else np.zeros(matrix.shape[1])
    return (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
