"""Per-language data (month names, number words, units…) read from json files.

A new language is a folder ``factcheck/lang/<code>/`` with json files; no code
changes. Extractors ask for ``load(lang, name)`` and fall back to every known
language when the document's language has no data.
"""

from __future__ import annotations

from ..lang import languages, load

__all__ = ["languages", "languages_for", "load"]


def languages_for(lang: str | None, name: str) -> tuple[str, ...]:
    """The languages whose ``name`` data to use for a document in ``lang``.

    The document's own language when we have its data, else all languages with
    that data file (an unknown or mixed-language article still gets id+en).
    """
    if lang and load(lang, name):
        return (lang,)
    return tuple(code for code in languages() if load(code, name))
