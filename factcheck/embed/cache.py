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
        known = self.lookup(texts)
        missing = sorted({_digest(t): t for t, v in zip(texts, known) if v is None}.items())
        if missing:
            fresh = dict(zip((k for k, _ in missing), self.inner.encode([t for _, t in missing])))
            self.store([t for _, t in missing], [fresh[k] for k, _ in missing])
            known = [fresh[_digest(t)] if v is None else v for t, v in zip(texts, known)]
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.vstack([v for v in known if v is not None]).astype(np.float32)

    def lookup(self, texts: Sequence[str]) -> list[np.ndarray | None]:
        """Each text's stored vector, or None where the cache has none (or cannot be read)."""
        keys = [_digest(t) for t in texts]
        connection = self._connect()
        if connection is None:
            return [None] * len(texts)
        try:
            found = self._lookup(connection, set(keys))
        finally:
            connection.close()
        return [found.get(k) for k in keys]

    def store(self, texts: Sequence[str], vectors: Sequence[np.ndarray]) -> None:
        """Keep these vectors for the next run. SQLite serialises writers, so several runs (or
        processes) filling one cache at once each wait their turn (up to 30 s) instead of failing."""
        connection = self._connect()
        if connection is None:
            return
        try:
            self._store(connection, {_digest(t): v for t, v in zip(texts, vectors)})
        finally:
            connection.close()

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
