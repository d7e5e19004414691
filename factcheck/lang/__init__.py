"""Per-language data (``lang/<code>/<name>.json``): adding a language is adding files."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def languages() -> tuple[str, ...]:
    root = resources.files(__name__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def load(lang: str, name: str) -> dict[str, Any]:
    """The ``name`` table of ``lang``, or ``{}`` when that language lacks it."""
    path = resources.files(__name__) / lang / f"{name}.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def merged(name: str, langs: tuple[str, ...] | None = None) -> dict[str, list[Any]]:
    """List-valued tables of several languages merged key by key (for unknown-language text)."""
    out: dict[str, list[Any]] = {}
    for lang in langs or languages():
        for key, values in load(lang, name).items():
            if isinstance(values, list):
                out.setdefault(key, []).extend(values)
    return out
