"""Any sentence-transformers model: ``st:<model id or local path>`` (optional extra)."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from ..errors import InputError
from ..registry import embedders
from .base import normalise_rows


class SentenceTransformerEmbedder:
    backend = "st"

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise InputError("the st: backend needs sentence-transformers: pip install 'factcheck[st]'") from None
        self.name = model
        _quiet_transformers()
        try:
            self._model = SentenceTransformer(_resolve(model), device="cpu")
        except Exception as exc:  # noqa: BLE001  (hub and loading errors come in many types)
            raise InputError(f"cannot load sentence-transformers model {model!r}: "
                             f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dimensions = int(dimension() or 0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return normalise_rows(self._model.encode(list(texts), batch_size=32, convert_to_numpy=True,
                                                 show_progress_bar=False))


def _quiet_transformers() -> None:
    """Our own progress display is on stderr; a second bar per weight file only clutters it."""
    try:
        from transformers.utils import logging as transformers_logging
    except ImportError:
        return
    transformers_logging.disable_progress_bar()


def _resolve(model: str) -> str:
    """A local path as is; otherwise a packaged model (a module whose folder holds it) or a hub id."""
    if os.path.exists(model):
        return model
    packaged = _packaged_model_path(model)
    return packaged or model


def _packaged_model_path(model: str) -> str | None:
    import importlib.util
    import re

    module = model.replace("-", "_")
    if not re.fullmatch(r"[A-Za-z_]\w*", module):
        return None
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        for dirpath, _dirs, files in os.walk(root):
            if "config_sentence_transformers.json" in files or "modules.json" in files:
                return dirpath
    return None


@embedders.register("st")
def _make(model: str) -> SentenceTransformerEmbedder:
    if not model:
        raise InputError("name a model: --model st:<model id or path>")
    return SentenceTransformerEmbedder(model)
