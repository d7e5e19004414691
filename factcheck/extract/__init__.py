"""Fact extraction: each module finds one kind of checkable value in a sentence.

An extractor is ``extract(sentence, document) -> list[Fact]`` registered in
``registry.extractors``; offsets in the facts it returns point into ``document.source``.
"""

from __future__ import annotations

from .. import registry
from ..model import Document, Fact


def extract_facts(document: Document) -> list[Fact]:
    """All facts of every sentence, in source order."""
    extractors = [extract for _name, extract in registry.extractors.items()]
    facts = [fact for sentence in document.sentences for extract in extractors
             for fact in extract(sentence, document)]
    return sorted(facts, key=lambda f: (f.start, f.end, f.kind))
