"""``quote_drift``: one speaker's words printed differently by different outlets.

Quotes of an event are paired across documents when their speakers agree (one
name contains the other) and most of the shorter quote's words appear in the
longer; without a speaker on one side the overlap must be higher. Paired quotes
that are equal after normalisation, or where one outlet quotes a contiguous
part of the other's quote, agree. Documents in different languages are never
paired: a translation is not a drift. A drift that changes numbers, negation or
names is medium severity, other rewording low.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import Indel, Levenshtein

from ..extract import _lang
from ..extract.names import data_languages, lexicon, tokens
from ..model import Document, Fact, Finding
from ..registry import EventContext, detectors
from ..settings import active
from ._common import evidence_for, majority, make_finding

KIND = "quote_drift"


@dataclass(frozen=True)
class Said:
    """One quote fact with its document."""

    document: Document
    fact: Fact

    @property
    def text(self) -> str:
        """The speaker's words: normalised, editorial brackets left out."""
        return self.fact.attrs.get("spoken") or self.fact.value

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.text.split())

    @property
    def speaker(self) -> str | None:
        return self.fact.attrs.get("speaker")

    @property
    def language(self) -> str:
        return self.document.language


@cache
def _negation_words(languages: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for code in languages for w in _lang.load(code, "names").get("negations", []))


@cache
def _number_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Cardinal words from the numbers tables (``dua``, ``puluh``, ``million``)."""
    words: set[str] = set()
    for code in languages:
        table = _lang.load(code, "numbers")
        for name in ("words", "adders", "factors", "scales"):
            words.update(w.casefold() for w in table.get(name, {}))
    return frozenset(words)


def _speakers_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    x, y = set(a.split()), set(b.split())
    return x <= y or y <= x


def _overlap(a: Said, b: Said) -> tuple[float, float]:
    """Words in common, in order: the longest common word sequence over the shorter and the longer quote."""
    x, y = a.text.split(), b.text.split()
    common = (len(x) + len(y) - Indel.distance(x, y)) / 2
    if common < active().detect.quote_min_shared:
        return 0.0, 0.0
    return common / min(len(x), len(y)), common / max(len(x), len(y))


def _same_quote(a: Said, b: Said) -> float:
    """How surely ``a`` and ``b`` render one utterance (0 when they cannot)."""
    if a.document.id == b.document.id or not _same_language(a.language, b.language):
        return 0.0
    if not _speakers_agree(a.speaker, b.speaker):
        return 0.0
    shorter, longer = _overlap(a, b)
    cfg = active().detect
    needed = cfg.quote_needed_speaker if a.speaker and b.speaker else cfg.quote_needed_anonymous
    return shorter if shorter >= needed[0] and longer >= needed[1] else 0.0


def _same_language(a: str, b: str) -> bool:
    unknown = {"", "und", None}
    return a == b or a in unknown or b in unknown


def _agree(a: str, b: str) -> bool:
    """Equal after normalisation (spelling such as ``realised``/``realized`` included),
    or one outlet quoting a contiguous part of the other."""
    short, long = sorted((a, b), key=len)
    return f" {short} " in f" {long} " or _spelling_only(a.split(), b.split())


def _spelling_only(x: list[str], y: list[str]) -> bool:
    if len(x) != len(y):
        return False
    shortest = active().detect.quote_min_spelling
    return all(p == q or (min(len(p), len(q)) >= shortest and Levenshtein.distance(p, q) <= 2
                          and not (p.isdigit() or q.isdigit())) for p, q in zip(x, y))


def _clusters(quotes: list[Said]) -> list[list[Said]]:
    """Quotes linked by best mutual matches, one per document pair, grouped transitively."""
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scored = sorted(((-_same_quote(quotes[i], quotes[j]), i, j) for i in range(len(quotes))
                     for j in range(i + 1, len(quotes))), key=lambda t: t)
    used: set[tuple[int, str]] = set()
    for negative, i, j in scored:
        if negative == 0:
            break
        a, b = quotes[i], quotes[j]
        if (i, b.document.id) in used or (j, a.document.id) in used:
            continue
        used.update({(i, b.document.id), (j, a.document.id)})
        parent[find(i)] = find(j)
    groups: dict[int, list[Said]] = {}
    for i, said in enumerate(quotes):
        groups.setdefault(find(i), []).append(said)
    return [g for g in groups.values() if len({s.document.id for s in g}) > 1]


def _numbers(said: Said, words: frozenset[str]) -> frozenset[str]:
    """Number tokens (``6:00`` counts as ``6``: zeros carry no meaning on their own)."""
    digits = {w.lstrip("0") for w in said.words if w.isdigit()} - {""}
    return frozenset(digits | {w for w in said.words if w in words})


def _negations(said: Said, words: frozenset[str]) -> int:
    return sum(1 for w in said.text.split() if w in words)


def _names(said: Said) -> frozenset[str]:
    """Capitalised words inside the quote, except at the start of a sentence."""
    start = said.fact.attrs.get("quote_start", said.fact.start)
    end = said.fact.attrs.get("quote_end", said.fact.end)
    stop = lexicon(data_languages(said.language)).stop
    return frozenset(t.bare.casefold() for t in tokens(said.document.source[start:end], start)
                     if t.text[:1].isupper() and not t.initial and t.bare.casefold() not in stop)


def meaning_changed(a: Said, b: Said) -> bool:
    """Whether two wordings differ in numbers, negation or the names they mention."""
    langs = tuple(sorted(set(data_languages(a.language)) | set(data_languages(b.language))))
    numbers, negations = _number_words(langs), _negation_words(langs)
    return (_numbers(a, numbers) != _numbers(b, numbers)
            or _negations(a, negations) != _negations(b, negations)
            or _names(a) != _names(b))


def _first_per_document(cluster: list[Said]) -> list[Said]:
    chosen: dict[str, Said] = {}
    for said in sorted(cluster, key=lambda s: (s.document.id, s.fact.start)):
        chosen.setdefault(said.document.id, said)
    return [chosen[k] for k in sorted(chosen)]


def _claim_of(cluster: list[Said], context: EventContext) -> str | None:
    """The claim holding every quoted sentence, when the aligner put them together."""
    spots = {(s.document.id, s.fact.sentence) for s in cluster}
    for claim in context.claims:
        if spots <= {(m.document, m.sentence) for m in claim.members}:
            return claim.id
    return None


def _finding(cluster: list[Said], context: EventContext) -> Finding | None:
    versions = _first_per_document(cluster)
    clashes = [(a, b) for i, a in enumerate(versions) for b in versions[i + 1:]
               if not _agree(a.text, b.text)]
    if not clashes:
        return None
    values = {s.document.id: s.fact.value for s in versions}
    winner, outliers = majority(values)
    medium = any(meaning_changed(a, b) for a, b in clashes)
    speaker = next((s.speaker for s in versions if s.speaker), None)
    a, b = clashes[0]
    summary = (f"{_who(speaker)} quoted differently: {_preview(a.fact.value)!r} ({a.document.id}) "
               f"vs {_preview(b.fact.value)!r} ({b.document.id})")
    confidence = 0.8 if all(s.speaker for s in versions) else 0.65
    evidence = [evidence_for(s.fact, s.document) for s in versions]
    return make_finding(KIND, "medium" if medium else "low", confidence, _claim_of(versions, context),
                        summary, winner, outliers, evidence)


def _who(speaker: str | None) -> str:
    return speaker.title() if speaker else "A speaker"


def _preview(text: str) -> str:
    limit = active().detect.quote_preview
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _quotes(context: EventContext) -> list[Said]:
    return [Said(context.documents[doc_id], fact) for doc_id in sorted(context.documents)
            for fact in sorted(context.documents[doc_id].facts, key=lambda f: (f.start, f.end))
            if fact.kind == "quote"]


class QuoteDriftDetector:
    kind = KIND

    def __call__(self, context: EventContext) -> list[Finding]:
        findings = [_finding(cluster, context) for cluster in _clusters(_quotes(context))]
        return sorted((f for f in findings if f), key=lambda f: (f.evidence[0].document, f.evidence[0].start))


detectors.register(QuoteDriftDetector.kind)(QuoteDriftDetector())
