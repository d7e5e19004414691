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


def assert_offsets_into_sources(report: dict, sources: dict[str, str]) -> None:
    """Every claim member and every piece of evidence is ``source[start:end]``, its span inside it."""
    for claim in report["claims"]:
        for member in claim["members"]:
            assert sources[member["document"]][member["start"]:member["end"]] == member["text"]
    for finding in report["findings"]:
        for item in finding["evidence"]:
            source = sources[item["document"]]
            assert source[item["start"]:item["end"]] == item["text"]
            assert item["start"] <= item["span"][0] <= item["span"][1] <= item["end"]
