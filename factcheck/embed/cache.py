"""An on-disk embedding cache: SQLite keyed by (backend, model, text hash).

Re-running a comparison over the same folder, or a folder that shares
articles with an earlier one, then skips the model for every known sentence.
A cache that cannot be opened or written is skipped, never fatal.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .base import Embedder

_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (backend TEXT, model TEXT, hash TEXT, vector BLOB, PRIMARY KEY (backend, model, hash))"


def default_cache_path() -> Path:
    root = os.environ.get("FACTCHECK_CACHE_DIR")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("factcheck")
    return Path(root) / "embeddings.sqlite3"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachedEmbedder:
    """Wraps an embedder; same protocol, fewer model calls."""

    def __init__(self, inner: Embedder, path: Path | None = None) -> None:
        self.inner = inner
        self.backend, self.name, self.dimensions = inner.backend, inner.name, inner.dimensions
        self.path = path or default_cache_path()
        self.warning: str | None = None

    def _connect(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
            connection.execute(_SCHEMA)
            return connection
        except (OSError, sqlite3.Error) as exc:
            self.warning = f"embedding cache disabled ({self.path}: {exc})"
            return None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [_digest(t) for t in texts]
        connection = self._connect()
        found = self._lookup(connection, set(keys)) if connection else {}
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        if missing:
            vectors = self.inner.encode([t for _, t in missing])
            fresh = {k: v for (k, _), v in zip(missing, vectors)}
            found.update(fresh)
            if connection:
                self._store(connection, fresh)
        if connection:
            connection.close()
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32)

    def _lookup(self, connection: sqlite3.Connection, keys: set[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        ordered = sorted(keys)
        try:
            for i in range(0, len(ordered), 500):
                chunk = ordered[i:i + 500]
                rows = connection.execute(
                    f"SELECT hash, vector FROM vectors WHERE backend=? AND model=? AND hash IN ({','.join('?' * len(chunk))})",
                    [self.backend, self.name, *chunk])
                found.update({h: np.frombuffer(v, dtype=np.float32) for h, v in rows})
        except sqlite3.Error as exc:
            self.warning = f"embedding cache unreadable ({exc})"
        return {k: v for k, v in found.items() if v.shape == (self.dimensions,)}

    def _store(self, connection: sqlite3.Connection, vectors: dict[str, np.ndarray]) -> None:
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)",
                                       [(self.backend, self.name, k, np.asarray(v, np.float32).tobytes())
                                        for k, v in vectors.items()])
        except sqlite3.Error as exc:
            self.warning = f"embedding cache not written ({exc})"
