"""Embedding backends, chosen by name: ``use-m3`` (default) or ``st:<model>``."""

from __future__ import annotations

from ..errors import InputError
from ..registry import EMBEDDERS, load_builtins
from .base import Embedder, normalise_rows
from .cache import CachedEmbedder

DEFAULT_MODEL = "use-m3"


def get_embedder(spec: str = DEFAULT_MODEL, cache: bool = True) -> Embedder:
    """``backend`` or ``backend:model`` → a ready embedder, cached on disk unless ``cache`` is False."""
    load_builtins()
    backend, _, model = spec.partition(":")
    factory = EMBEDDERS.get(backend)
    if factory is None:
        raise InputError(f"unknown model backend {backend!r} (known: {', '.join(sorted(EMBEDDERS))})")
    embedder = factory(model)
    return CachedEmbedder(embedder) if cache else embedder


__all__ = ["DEFAULT_MODEL", "CachedEmbedder", "Embedder", "get_embedder", "normalise_rows"]
