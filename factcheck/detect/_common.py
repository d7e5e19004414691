"""Helpers every detector needs: evidence from a fact, majority vote, findings.

Kept in one place so all finding kinds quote evidence, count votes and build
findings the same way (the names/quotes detectors import it too).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..extract import _lang
from ..model import Claim, Document, Evidence, Fact, Finding, Sentence
from ..registry import EventContext


def evidence_for(fact: Fact, document: Document, value: str | None = None) -> Evidence:
    """The whole sentence holding ``fact``, with the fact's own span inside it.

    ``value`` overrides the shown value (e.g. a weekday's name instead of 0-6).
    """
    sentence = sentence_of(document, fact.sentence)
    if sentence is None:
        start, end = fact.start, fact.end
    else:
        start, end = sentence.start, sentence.end
    return Evidence(
        document=document.id,
        sentence=fact.sentence,
        start=start,
        end=end,
        text=document.source[start:end],
        value=str(fact.value) if value is None else value,
        span=(fact.start, fact.end),
    )


def sentence_of(document: Document, index: int) -> Sentence | None:
    if 0 <= index < len(document.sentences) and document.sentences[index].index == index:
        return document.sentences[index]
    return next((s for s in document.sentences if s.index == index), None)


def majority(values_by_doc: dict[str, str]) -> tuple[str | None, list[str]]:
    """The value most documents hold and the documents that differ.

    A majority exists only when at least three documents take part and one value
    is held by strictly more documents than any other; otherwise ``(None, [])``.
    """
    if len(values_by_doc) < 3:
        return None, []
    ranked = Counter(values_by_doc.values()).most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None, []
    winner = ranked[0][0]
    return winner, sorted(doc for doc, value in values_by_doc.items() if value != winner)


def make_finding(kind: str, severity: str, confidence: float, claim: str | None,
                 summary: str, majority: str | None, outliers: list[str],
                 evidence: list[Evidence]) -> Finding:
    """A finding with an empty id (the pipeline numbers findings after sorting)."""
    return Finding(
        id="",
        kind=kind,
        severity=severity,
        confidence=round(float(confidence), 3),
        claim=claim,
        summary=summary,
        majority=majority,
        outliers=sorted(outliers),
        evidence=sorted(evidence, key=lambda e: (e.document, e.start, e.span)),
    )


# ---- which sentences speak of the same occasion ---------------------------------------------

_WORD = re.compile(r"[^\W\d_]{4,}")


@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    words: set[str] = set()
    for code in _lang.languages():
        words.update(_lang.load(code, "numbers").get("not_nouns", []))
        words.update(_lang.load(code, "stopwords").get("words", []))
    return frozenset(words)


def content_words(document: Document, sentence: Sentence) -> frozenset[str]:
    """Lower-cased words of 4+ letters, minus function words and the facts' own words.

    Facts are masked so two sentences that differ only in their date or number
    still look alike.
    """
    key = (document.id, len(document.facts), sentence.index, sentence.start, sentence.text)
    if key not in _WORDS_CACHE:
        if len(_WORDS_CACHE) > 50_000:
            _WORDS_CACHE.clear()
        _WORDS_CACHE[key] = _content_words(document, sentence)
    return _WORDS_CACHE[key]


_WORDS_CACHE: dict[tuple, frozenset[str]] = {}


def _content_words(document: Document, sentence: Sentence) -> frozenset[str]:
    text = list(sentence.text)
    for fact in document.facts:
        if fact.sentence == sentence.index and fact.kind in _MASKED:
            for pos in range(fact.start - sentence.start, fact.end - sentence.start):
                if 0 <= pos < len(text):
                    text[pos] = " "
    words = {w.lower() for w in _WORD.findall("".join(text))}
    return frozenset(words - _stopwords())


_MASKED = frozenset({"date", "weekday", "number", "duration"})


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller sentence's words."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over all words: strict, for telling repeats from related sentences."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class SentencePair:
    """Two sentences (of different documents, or of one) that make the same statement."""

    a: Sentence
    b: Sentence
    similarity: float


def claim_pairs(context: EventContext, claim: Claim, single: float, multi: float) -> list[SentencePair]:
    """Cross-document sentence pairs of one claim similar enough to compare facts.

    When each document gives the claim one sentence the aligner's word is taken
    at a low bar (``single``); when a document brings several, only pairs that
    share more words (``multi``) count, since the aligner may have merged nearby
    statements.
    """
    by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for member in claim.members:
        document = context.documents.get(member.document)
        sentence = sentence_of(document, member.sentence) if document else None
        if sentence is not None:
            by_doc[member.document].append(sentence)
    pairs = []
    docs = sorted(by_doc)
    for i, doc_a in enumerate(docs):
        for doc_b in docs[i + 1:]:
            bar = single if len(by_doc[doc_a]) == 1 and len(by_doc[doc_b]) == 1 else multi
            for sa in by_doc[doc_a]:
                for sb in by_doc[doc_b]:
                    sim = overlap(content_words(context.documents[doc_a], sa),
                                  content_words(context.documents[doc_b], sb))
                    if sim >= bar:
                        pairs.append(SentencePair(sa, sb, sim))
    return pairs


def twin_sentences(document: Document, bar: float) -> list[SentencePair]:
    """Pairs of sentences of one document that are near repeats of each other.

    Jaccard, not overlap: sentences of one article share its cast of names, so
    only a near-verbatim repeat counts as the same statement.
    """
    with_facts = sorted({f.sentence for f in document.facts if f.kind in _MASKED})
    sentences = [s for s in document.sentences if s.index in with_facts]
    pairs = []
    for i, sa in enumerate(sentences):
        for sb in sentences[i + 1:]:
            sim = jaccard(content_words(document, sa), content_words(document, sb))
            if sim >= bar and len(content_words(document, sa)) >= 4:
                pairs.append(SentencePair(sa, sb, sim))
    return pairs


def facts_in(document: Document, sentence: Sentence, kinds: frozenset[str] | set[str]) -> list[Fact]:
    return [f for f in document.facts if f.sentence == sentence.index and f.kind in kinds]


def components(edges: list[tuple[Fact, Fact]]) -> list[list[Fact]]:
    """Connected groups of facts linked by compared pairs, in a stable order."""
    parent: dict[tuple, tuple] = {}
    facts: dict[tuple, Fact] = {}

    def key(f: Fact) -> tuple:
        return (f.document, f.start, f.end, f.kind)

    def find(k: tuple) -> tuple:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for fa, fb in edges:
        for f in (fa, fb):
            facts[key(f)] = f
            parent.setdefault(key(f), key(f))
        ra, rb = find(key(fa)), find(key(fb))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for k in sorted(facts):
        groups[find(k)].append(facts[k])
    return [groups[k] for k in sorted(groups)]


def outlet(document: Document) -> str:
    return document.outlet or document.id


def dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per set of evidence spans (a pair may surface in two claims)."""
    seen: set[tuple] = set()
    unique = []
    for finding in findings:
        key = (finding.kind, tuple(sorted((e.document, e.span) for e in finding.evidence)))
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique
