"""Quotes: words an outlet puts in someone's mouth, with who said them.

Quotation marks are paired per paragraph (a quote may run over several
sentences, and outlets mix ``"``, ``“”`` and the ````…''`` of tokenised text), so
the whole document is scanned once. Each quote becomes one fact in the sentence
where it opens; its span stays inside that sentence, and ``value`` is the whole
quote normalised. The speaker comes from a cue after the quote (``kata Putin``,
``said Putin``, ``Putin said``), before it (``Putin said:``, ``Menurut X,``), a
pronoun cue (``katanya``, ``he said``) or the quote just before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import Document, Fact, Sentence
from ..registry import extractors
from ..settings import active
from . import _lang
from .names import data_languages, document_names

_MARK = re.compile(r"``|''|[“”\"„«»]")
_LEAD = re.compile(r"[\s,.!?”\"'’`]*")
_OPENING_SPACE = re.compile(r"[ \n\t“\"`„«]*")
_CLOSERS = {"“": "”\"", '"': "\"”“", "``": "''\"", "„": "“”\"", "«": "»", "”": "”\""}
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SPEAKER_TYPES = ("person", "unknown", "org")
_CACHE_SIZE = 64


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    speaker: str | None
    cue: str | None


@dataclass(frozen=True)
class Cues:
    verbs: tuple[str, ...]
    pronouns: tuple[str, ...]
    according: tuple[str, ...]


@cache
def cues(languages: tuple[str, ...]) -> Cues:
    tables = [_lang.load(code, "names") for code in languages]

    def words(name: str) -> tuple[str, ...]:
        return tuple(sorted({w.casefold() for t in tables for w in t.get(name, [])}, key=lambda w: (-len(w), w)))

    return Cues(words("speech_verbs"), words("pronoun_cues"), words("according_to"))


@cache
def _contractions() -> tuple[tuple[str, str], ...]:
    pairs = {k: v for code in _lang.languages() for k, v in _lang.load(code, "names").get("contractions", {}).items()}
    return tuple(sorted(pairs.items(), key=lambda p: (-len(p[0]), p[0])))


def normalise_quote(text: str) -> str:
    """Case, punctuation, quote style and contractions folded away: only the words are compared."""
    text = re.sub(r"\s*['’]\s*(?=[a-z]{1,2}\b)", "'", text.casefold().replace("’", "'"))
    for short, full in _contractions():
        text = text.replace(short, full)
    return " ".join(w.replace("'", "") for w in _WORD.findall(text.replace("-", " ")))


def spoken(text: str) -> str:
    """The quote without editorial insertions in brackets: ``(Korea Utara)``, ``[Tara Reid]``."""
    return normalise_quote(re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text))


# ---------------------------------------------------------------- pairing marks


def _regions(document: Document) -> list[tuple[int, int]]:
    """Paragraphs: the kept blocks, else the span of the sentences."""
    if document.blocks:
        return sorted(document.blocks)
    if document.sentences:
        return [(s.start, s.end) for s in document.sentences]
    return [(0, len(document.source))]


def _pairs(text: str, offset: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each quoted passage inside one paragraph (marks excluded)."""
    found: list[tuple[int, int]] = []
    opener: re.Match[str] | None = None
    for mark in _MARK.finditer(text):
        symbol = mark.group()
        if opener is None:
            if symbol in _CLOSERS and symbol != "''":
                opener = mark
        elif symbol in _CLOSERS[opener.group()]:
            found.append((offset + opener.end(), offset + mark.start()))
            opener = None
        elif symbol == opener.group():
            opener = mark
    if opener is not None and not text[:opener.start()].strip():
        found.append((offset + opener.end(), offset + len(text.rstrip())))
    return found


def _trim(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (source[start].isspace() or source[start] in "…"):
        start += 1
    while end > start and (source[end - 1].isspace() or source[end - 1] in ",;:"):
        end -= 1
    return start, end


def _is_quote(text: str) -> bool:
    """Long enough to be a statement, and not a Title Cased song or book name."""
    words = _WORD.findall(text)
    if len(words) < active().extract.quote_min_words:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return not (len(words) <= active().extract.quote_max_title_words and caps / len(words) >= active().extract.quote_title_share)


# ---------------------------------------------------------------- speakers


def _names_between(names: list[Fact], start: int, end: int) -> list[Fact]:
    """``names`` is sorted by start (``document_quotes``): bisect, not a scan of the whole document."""
    first = bisect.bisect_left(names, start, key=lambda f: f.start)
    last = bisect.bisect_right(names, end, lo=first, key=lambda f: f.start)
    return [f for f in names[first:last] if f.end <= end]


def _pick(names: list[Fact], last: bool = False) -> Fact | None:
    """The speaker among names near a cue: a person first, then an unknown name, then an org."""
    for kind in _SPEAKER_TYPES:
        typed = [f for f in names if f.attrs.get("type") == kind and not f.attrs.get("tentative")]
        if typed:
            return typed[-1] if last else typed[0]
    return None


def _clause_end(source: str, start: int, limit: int) -> int:
    match = re.compile(r"[.!?\n“\"]").search(source, start, limit)
    return match.start() if match else limit


def _cue_after(document: Document, names: list[Fact], end: int, limit: int, cue: Cues) -> tuple[str, Fact | None] | None:
    """``," kata Putin`` / ``'' Putin said`` / ``," katanya``."""
    source = document.source
    lead = _LEAD.match(source, end, limit)  # on the source itself: a slice to ``limit`` is quadratic
    at = lead.end() if lead else end
    window_end = _clause_end(source, at, min(limit, at + active().extract.quote_cue_window))
    head = source[at:window_end].casefold()
    for phrase in cue.pronouns:
        if re.match(re.escape(phrase) + r"\b", head):
            return "pronoun", None
    for verb in cue.verbs:
        if re.match(re.escape(verb) + r"\b", head):
            return "after", _pick(_names_between(names, at + len(verb), window_end))
    for verb in cue.verbs:
        found = re.search(r"\b" + re.escape(verb) + r"\b", head)
        if found and found.start() <= active().extract.quote_cue_window // 2:
            speaker = _pick(_names_between(names, at, at + found.start()), last=True)
            if speaker:
                return "after", speaker
    return None


def _cue_before(document: Document, names: list[Fact], start: int, floor: int, cue: Cues) -> tuple[str, Fact | None] | None:
    """``Putin said: "`` / ``kata Putin, "`` / ``Menurut X, "``."""
    source = document.source
    head = source[max(floor, start - active().extract.quote_cue_window):start].rstrip(" \t“\"`„«")
    if not head or head[-1] not in ":,":
        return None
    base = max(floor, start - active().extract.quote_cue_window)
    clause = re.split(r"[.!?”\"]", head)[-1]
    clause_start = base + len(head) - len(clause)
    lowered = clause.casefold()
    nearby = _names_between(names, clause_start, base + len(head))
    if re.search(r"(?:^|\W)(?:" + "|".join(re.escape(v) for v in cue.verbs + cue.according) + r")\b", lowered):
        return ("before", _pick(nearby, last=True)) if nearby else None
    if head.endswith(":") and nearby and nearby[-1].end >= base + len(head) - 2:
        return "before", nearby[-1]
    return None


def _cue_paragraph_before(document: Document, names: list[Fact], region: tuple[int, int] | None, start: int,
                          cue: Cues) -> tuple[str, Fact | None] | None:
    """A quote opening its paragraph after ``John Kirby, juru bicara …, mengatakan …``."""
    if region is None:
        return None
    between = _OPENING_SPACE.match(document.source, region[1], start)  # None when start < region[1]
    if between is not None and between.end() < start:
        return None
    text = document.source[region[0]:region[1]].casefold()
    verbs = [m for v in cue.verbs if (m := re.search(r"\b" + re.escape(v) + r"\b", text))]
    if not verbs:
        return None
    first = min(m.start() for m in verbs)
    speaker = _pick(_names_between(names, region[0], region[0] + first), last=True)
    return ("paragraph", speaker) if speaker else None


def _canonical(fact: Fact | None, names: list[Fact]) -> str | None:
    """A surname (``Putin``) becomes the full name the document uses (``vladimir putin``)."""
    if fact is None:
        return None
    words = fact.value.split()
    if len(words) != 1:
        return fact.value
    fuller = _full_names(names).get(words[0], {})
    if not fuller:
        return fact.value
    return min(fuller, key=lambda v: (-fuller[v], v))


_FULL: dict[int, tuple[list[Fact], dict[str, dict[str, int]], list[Fact]]] = {}


def _index(names: list[Fact]) -> tuple[dict[str, dict[str, int]], list[Fact]]:
    """Per list of names, built once: full names by first and last word (with counts), and the
    names that may be a speaker; looking them up per quote is what keeps long documents linear."""
    cached = _FULL.get(id(names))
    if cached is not None and cached[0] is names:
        return cached[1], cached[2]
    fuller: dict[str, dict[str, int]] = {}
    for name in names:
        parts = name.value.split()
        if len(parts) > 1 and name.attrs.get("type") in ("person", "unknown"):
            for word in {parts[0], parts[-1]}:
                counts = fuller.setdefault(word, {})
                counts[name.value] = counts.get(name.value, 0) + 1
    persons = [f for f in names if not f.attrs.get("tentative")
               and (f.attrs.get("type") == "person" or (f.attrs.get("type") == "unknown" and " " in f.value))]
    if len(_FULL) >= _CACHE_SIZE:
        _FULL.clear()
    _FULL[id(names)] = (names, fuller, persons)
    return fuller, persons


def _full_names(names: list[Fact]) -> dict[str, dict[str, int]]:
    return _index(names)[0]


def _last_person(names: list[Fact], before: int) -> Fact | None:
    """The person named last before ``before``: typed a person, or an untyped full name."""
    persons = _index(names)[1]
    at = bisect.bisect_left(persons, before, key=lambda f: f.start)
    for index in range(at - 1, -1, -1):  # a name that straddles ``before`` is passed over
        if persons[index].end <= before:
            return persons[index]
    return None


# ---------------------------------------------------------------- document scan


def document_quotes(document: Document) -> list[Quote]:
    """Every quote of the document with its speaker, in order."""
    cue = cues(data_languages(document.language))
    names = sorted(document_names(document), key=lambda f: f.start)  # already so; bisected below
    regions = _regions(document)
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_region = -2
    for index, (r_start, r_end) in enumerate(regions):
        for start, end in _pairs(document.source[r_start:r_end], r_start):
            start, end = _trim(document.source, start, end)
            if not _is_quote(document.source[start:end]):
                continue
            found = (_cue_after(document, names, end, r_end, cue) or _cue_before(document, names, start, r_start, cue)
                     or _cue_paragraph_before(document, names, regions[index - 1] if index else None, start, cue))
            speaker, how = _speaker(found, names, start, previous, index - previous_region <= 1)
            quote = Quote(start, end, speaker, how)
            quotes.append(quote)
            previous, previous_region = quote, index
    return quotes


def _speaker(found: tuple[str, Fact | None] | None, names: list[Fact], start: int,
             previous: Quote | None, adjacent: bool) -> tuple[str | None, str | None]:
    if found and found[1] is not None:
        return _canonical(found[1], names), found[0]
    if found and found[0] == "pronoun":
        if previous and previous.speaker and adjacent:
            return previous.speaker, "pronoun"
        return _canonical(_last_person(names, start), names), "pronoun"
    if previous and previous.speaker and adjacent:
        return previous.speaker, "previous"
    return None, None


_CACHE: dict[int, tuple[Document, int, list[Quote]]] = {}


def _cached_quotes(document: Document) -> list[Quote]:
    cached = _CACHE.get(id(document))
    if cached and cached[0] is document and cached[1] == len(document.sentences):
        return cached[2]
    quotes = document_quotes(document)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[id(document)] = (document, len(document.sentences), quotes)
    return quotes


def _fact(quote: Quote, sentence: Sentence, document: Document) -> Fact:
    end = min(quote.end, sentence.end)
    start, end = _trim(document.source, quote.start, end)
    attrs: dict[str, Any] = {"speaker": quote.speaker, "cue": quote.cue, "quote_start": quote.start,
                             "quote_end": quote.end, "spoken": spoken(document.source[quote.start:quote.end])}
    return Fact(kind="quote", value=normalise_quote(document.source[quote.start:quote.end]),
                text=document.source[start:end], start=start, end=end, document=document.id,
                sentence=sentence.index, attrs=attrs)


@extractors.register("quotes")
def extract(sentence: Sentence, document: Document) -> list[Fact]:
    """Quotes that open in ``sentence`` (the document is scanned once and cached)."""
    quotes = _cached_quotes(document)  # in source order: bisect, not a scan per sentence
    first = bisect.bisect_left(quotes, sentence.start, key=lambda q: q.start)
    last = bisect.bisect_left(quotes, sentence.end, lo=first, key=lambda q: q.start)
    return [_fact(q, sentence, document) for q in quotes[first:last]]
