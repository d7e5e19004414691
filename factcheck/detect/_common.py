"""Helpers every detector needs: evidence from a fact, majority vote, findings.

Kept in one place so all finding kinds quote evidence, count votes and build
findings the same way (the names/quotes detectors import it too).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from .. import lang
from ..model import Claim, Document, Evidence, Fact, Finding, Sentence
from ..registry import EventContext
from ..settings import active


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
                 evidence: list[Evidence], variant: str | None = None) -> Finding:
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
        variant=variant,
    )


# ---- which sentences speak of the same occasion ---------------------------------------------

_WORD = re.compile(r"[^\W\d_]{4,}")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(lang.merged("numbers").get("not_nouns", []) + lang.merged("stopwords").get("words", []))


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


def _masked_text(document: Document, sentence: Sentence) -> str:
    """The sentence with its date and number facts blanked out, offsets unchanged."""
    text = list(sentence.text)
    for fact in by_sentence(document).get(sentence.index, ()):
        if fact.kind in _MASKED:
            for pos in range(fact.start - sentence.start, fact.end - sentence.start):
                if 0 <= pos < len(text):
                    text[pos] = " "
    return "".join(text)


def _content_words(document: Document, sentence: Sentence) -> frozenset[str]:
    words = {w.lower() for w in _WORD.findall(_masked_text(document, sentence))}
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
    """Cross-document sentence pairs of one claim that make the same statement.

    When each document gives the claim one sentence the aligner's word is taken
    at a low bar (``single``). When a document brings several (the aligner merges
    nearby statements into one coarse claim on purpose), each sentence is paired
    only with its mutual best match in the other document, and only when they
    share enough words (``multi``): a fact is then compared with the one its
    counterpart sentence gives, never with every dated sentence of the claim.
    """
    by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for member in claim.members:
        document = context.documents.get(member.document)
        sentence = sentence_of(document, member.sentence) if document else None
        if sentence is not None and sentence not in by_doc[member.document]:
            by_doc[member.document].append(sentence)
    pairs = []
    docs = sorted(by_doc)
    for i, doc_a in enumerate(docs):
        for doc_b in docs[i + 1:]:
            da, db = context.documents[doc_a], context.documents[doc_b]
            sents_a, sents_b = by_doc[doc_a], by_doc[doc_b]
            if len(sents_a) == 1 and len(sents_b) == 1:
                sim = overlap(content_words(da, sents_a[0]), content_words(db, sents_b[0]))
                if sim >= single and _same_statement(da, sents_a[0], db, sents_b[0]):
                    pairs.append(SentencePair(sents_a[0], sents_b[0], sim))
                continue
            pairs.extend(_mutual_best(da, sents_a, db, sents_b, multi))
    return pairs


def _mutual_best(da: Document, sents_a: list[Sentence], db: Document, sents_b: list[Sentence],
                 bar: float) -> list[SentencePair]:
    """Sentence pairs that are each other's most similar sentence across two documents."""
    scores = {}
    for ia, sa in enumerate(sents_a):
        wa = content_words(da, sa)
        for ib, sb in enumerate(sents_b):
            wb = content_words(db, sb)
            scores[ia, ib] = (overlap(wa, wb), jaccard(wa, wb), text_ratio(sa.text, sb.text))
    best_a = {ia: max(range(len(sents_b)), key=lambda ib: scores[ia, ib]) for ia in range(len(sents_a))}
    best_b = {ib: max(range(len(sents_a)), key=lambda ia: scores[ia, ib]) for ib in range(len(sents_b))}
    pairs = []
    for ia, ib in sorted(best_a.items()):
        if best_b[ib] != ia or scores[ia, ib][0] < bar:
            continue
        sa, sb = sents_a[ia], sents_b[ib]
        if _same_statement(da, sa, db, sb):
            pairs.append(SentencePair(sa, sb, scores[ia, ib][0]))
    return pairs


def _same_statement(da: Document, sa: Sentence, db: Document, sb: Sentence) -> bool:
    """Enough shared words, and not about two different named things or items of a series.

    Two shared words are enough only when they are a fair part of both sentences:
    ``Menghasilkan kerugian sebesar Rp 4,45 miliar`` is not the statement of a long
    sentence that merely also has ``kerugian sebesar``.
    """
    wa, wb = content_words(da, sa), content_words(db, sb)
    shared = len(wa & wb)
    cfg = active().detect
    if shared < cfg.context_min_shared or (shared == cfg.context_min_shared
                                          and jaccard(wa, wb) < cfg.context_thin_jaccard):
        return False
    return not different_subjects(markers(da, sa), markers(db, sb))




def markers(document: Document, sentence: Sentence) -> frozenset[str]:
    """Words that tell one statement of a series from the next: names and ordinals.

    ``Andrea Iannone … 338km / h`` and ``Alex Rins … 335km / h`` (two rows of a
    results table), ``Sesi pertama berjarak 2 minggu`` and ``sesi kedua berjarak
    1 bulan``: alike in every other word, they are about different things.
    Names are capitalised words past the sentence's first word (facts masked). Kept with the document,
    per sentence, as long as its facts are the same: the link stage asks for every pair of facts.
    """
    known: dict[tuple[int, int, int], frozenset[str]] = document.derived("markers", document.facts, dict)
    key = (sentence.index, sentence.start, sentence.end)
    found = known.get(key)
    if found is None:
        found = known[key] = _markers(document, sentence)
    return found


def _markers(document: Document, sentence: Sentence) -> frozenset[str]:
    masked = _masked_text(document, sentence)
    found = set()
    for i, match in enumerate(_NAME_WORD.finditer(masked)):
        word = match.group()
        if i > 0 and word[:1].isupper() and word.lower() not in _stopwords():
            found.add(word.lower())
    known = ordinals()
    found.update(w.lower() for w in _NAME_WORD.findall(masked) if w.lower() in known)
    return frozenset(found)


_NAME_WORD = re.compile(r"[^\W\d_]{3,}")


@cache
def ordinals() -> frozenset[str]:
    return frozenset(lang.merged("numbers").get("ordinals", []))


def different_subjects(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each sentence names something the other does not (spelling slips aside)."""
    bar = active().detect.same_name_ratio

    def unmatched(xs: frozenset[str], ys: frozenset[str]) -> bool:
        return any(x not in ys and not any(fuzz.ratio(x, y) >= bar for y in ys) for x in xs)
    return unmatched(a, b) and unmatched(b, a)


def text_ratio(a: str, b: str) -> float:
    """Character similarity of two sentences (0-1): breaks ties between equally worded pairs."""
    return fuzz.ratio(a.lower(), b.lower()) / 100.0


_CONTEXT_WORD = re.compile(r"[^\W_]+")


def context_signature(document: Document, fact: Fact) -> tuple[str, str]:
    """The word right before and right after a fact in its sentence (lower-cased).

    Two facts of one unit in a sentence (``setara Rp 5,88 triliun (asumsi kurs Rp
    13.000``) are told apart by the words they stand between.
    """
    sentence = sentence_of(document, fact.sentence)
    if sentence is None:
        return "", ""
    before = _CONTEXT_WORD.findall(document.source[sentence.start:fact.start])
    after = _CONTEXT_WORD.findall(document.source[fact.end:sentence.end])
    return (before[-1].lower() if before else ""), (after[0].lower() if after else "")


def twin_sentences(document: Document, bar: float) -> list[SentencePair]:
    """Pairs of sentences of one document that are near repeats of each other.

    Jaccard, not overlap: sentences of one article share its cast of names, so
    only a near-verbatim repeat counts as the same statement.
    """
    with_facts = {f.sentence for f in document.facts if f.kind in _MASKED}
    sentences = [s for s in document.sentences if s.index in with_facts]
    words = [content_words(document, s) for s in sentences]
    window = active().detect.twin_window
    pairs = []
    for i, sa in enumerate(sentences):
        if len(words[i]) < 4:
            continue
        for j in range(i + 1, min(len(sentences), i + 1 + window)):
            sim = jaccard(words[i], words[j])
            if sim >= bar:
                pairs.append(SentencePair(sa, sentences[j], sim))
    return pairs


def facts_in(document: Document, sentence: Sentence, kinds: frozenset[str] | set[str]) -> list[Fact]:
    return [f for f in by_sentence(document).get(sentence.index, ()) if f.kind in kinds]


def by_sentence(document: Document) -> dict[int, list[Fact]]:
    """The document's facts by sentence index, built once per facts list, so that looking up one
    sentence's facts is not a scan of the whole document (quadratic on a long article)."""
    def build() -> dict[int, list[Fact]]:
        index: dict[int, list[Fact]] = {}
        for fact in document.facts:
            index.setdefault(fact.sentence, []).append(fact)
        return index

    return document.derived("facts_by_sentence", document.facts, build)


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
