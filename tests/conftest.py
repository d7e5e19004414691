"""Shared helpers: every test runs the real CLI or library on real files with the bundled model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the embedding cache of the test run out of the user's cache folder."""
    os.environ.setdefault("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def factcheck(*args: object, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


def compare_json(*paths: object, extra: tuple = ()) -> dict:
    result = factcheck("compare", *paths, "--format", "json", "--quiet", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
