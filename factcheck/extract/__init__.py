"""Fact extraction: each module finds one kind of checkable value in a sentence.

An extractor is ``extract(sentence, document) -> list[Fact]``; offsets in the
facts it returns point into ``document.source``.
"""

from __future__ import annotations

import importlib

from ..model import Document, Fact

_EXTRACTORS = ("dates", "numbers", "names", "quotes")


def extract_facts(document: Document) -> list[Fact]:
    """All facts of every sentence, in source order."""
    extractors = []
    for name in _EXTRACTORS:
        try:
            extractors.append(importlib.import_module(f"{__name__}.{name}").extract)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    facts = [fact for sentence in document.sentences for extract in extractors
             for fact in extract(sentence, document)]
    return sorted(facts, key=lambda f: (f.start, f.end, f.kind))
