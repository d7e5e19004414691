"""Per-language data (month names, number words, units…) read from json files.

A new language is a folder ``factcheck/lang/<code>/`` with json files; no code
changes. Extractors ask for ``load(lang, name)`` and fall back to every known
language when the document's language has no data.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """Language codes that have a data folder, sorted."""
    if not LANG_DIR.is_dir():
        return ()
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir()))


@lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict[str, Any]:
    """``lang/<lang>/<name>.json`` as a dict; ``{}`` when the file is absent."""
    path = LANG_DIR / lang / f"{name}.json"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def languages_for(lang: str | None, name: str) -> tuple[str, ...]:
    """The languages whose ``name`` data to use for a document in ``lang``.

    The document's own language when we have its data, else all languages with
    that data file (an unknown or mixed-language article still gets id+en).
    """
    if lang and load(lang, name):
        return (lang,)
    return tuple(code for code in languages() if load(code, name))
