"""Embedding backends, chosen by name: ``use-m3`` (default) or ``st:<model>``."""

from __future__ import annotations

from .. import registry
from ..errors import InputError
from ..settings import DEFAULT_MODEL
from .base import Embedder, normalise_rows
from .cache import CachedEmbedder


def get_embedder(spec: str = DEFAULT_MODEL, cache: bool = True) -> Embedder:
    """``backend`` or ``backend:model`` → a ready embedder, cached on disk unless ``cache`` is False."""
    backend, _, model = spec.partition(":")
    factory = registry.embedders.get(backend)
    if factory is None:
        raise InputError(f"unknown model backend {backend!r} (known: {', '.join(registry.embedders.names())})")
    embedder = factory(model)
    return CachedEmbedder(embedder) if cache else embedder


__all__ = ["DEFAULT_MODEL", "CachedEmbedder", "Embedder", "get_embedder", "normalise_rows"]
