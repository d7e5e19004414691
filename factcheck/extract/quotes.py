"""Quotes: words an outlet puts in someone's mouth, with who said them.

Quotation marks are paired over the whole document: double marks of every
style (``"``, ``“”``, ``„“``, ``«»`` and the ````…''`` of tokenised text), and
single marks (``‘…’``, ``'…'``) outside a double-quoted passage, where an
apostrophe (``don't``, ``NYPD ’ s``) is told from a quote mark by its shape. A
quote may run over several sentences and paragraphs: an unclosed mark carries
on into the next paragraphs until a closing mark (or a continuation paragraph
that opens with a mark again, the newspaper convention); an unclosed mark at
the start of a paragraph with nothing to close it quotes the paragraph.

Each quote becomes one fact in the sentence where it opens; its span stays
inside that sentence, ``value`` is the whole quote normalised, and ``words``
holds every normalised word with its offsets in the source (editorial
insertions in brackets left out), so a detector can point at the sentence that
holds any word of it.

The speaker comes from a cue after the quote (``kata Putin``, ``said Putin``,
``Putin said``, ``said Interior Secretary Dirk Kempthorne``: the last name of
the run after the verb), before it (``Putin said:``, ``Menurut X,``, ``said
that``), a pronoun cue (``katanya``, ``he said``: the previous quote's speaker
when adjacent, else the subject of the nearest sentence before that names a
person) or the quote just before it. A cue whose subject is no name (``the
company said``, ``her rep told``) leaves the speaker unknown rather than
borrowing one; a possessive (``Reid's rep``) is never the speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import Document, Fact, Sentence
from ..registry import extractors
from ..settings import active
from . import _lang
from .names import data_languages, document_names

_MARK = re.compile(r"``|''|[“”\"„«»‘’‹›']")
_DOUBLE = frozenset({"``", "''", "“", "”", '"', "„", "«", "»"})
_CLOSERS = {
    "``": frozenset({"''", '"', "”", "``"}),
    '"': frozenset({'"', "”", "“", "''"}),
    "“": frozenset({"”", '"', "''"}),
    "”": frozenset({"”", '"'}),
    "''": frozenset({"''", '"', "”"}),
    "„": frozenset({"“", "”", '"'}),
    "«": frozenset({"»"}),
    "‘": frozenset({"’", "'"}),
    "'": frozenset({"'", "’"}),
    "’": frozenset({"’", "'"}),
    "‹": frozenset({"›"}),
}
_CONTRACTION_TAIL = re.compile(r"\s?(?:s|t|re|ve|ll|d|m)\b", re.IGNORECASE)
_CLOSING_PUNCT = frozenset(",.!?;…")
_AFTER_CLOSER = frozenset(",.;:!?)]}\"”“'’»-—–")
_LEAD = re.compile(r"[\s,.!?”\"'’`]*")
_CLAUSE_END = re.compile(r"[.!?\n“\"`]")
_OPENING_SPACE = re.compile(r"[ \n\t“\"`„«‘']*")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_JOINT = re.compile(r"\s*['’]\s*")
_SPEAKER_TYPES = ("person", "unknown", "org")
_CACHE_SIZE = 64
_MAX_REGIONS = 12
"""Paragraphs an unclosed quote may run over before its closing mark."""
_MAX_CHARS = 3000
_SUBJECT_SENTENCES = 3
"""Sentences looked back over for the person a pronoun cue (``he said``) points at."""



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
    participles: tuple[str, ...] = ()
    pronoun_words: frozenset[str] = frozenset()


@cache
def cues(languages: tuple[str, ...]) -> Cues:
    tables = [_lang.load(code, "names") for code in languages]

    def words(name: str) -> tuple[str, ...]:
        found = {w.casefold() for t in tables for w in t.get(name, [])}
        return tuple(sorted(found, key=lambda w: (-len(w), w)))

    # Participles whose subject is the sentence's subject (``..., saying "..."``).
    participles = words("speech_participles")
    verbs = words("speech_verbs")
    pronouns = words("pronoun_cues")
    verb_set = set(verbs) | set(participles)
    # ``he said`` / ``said he`` / ``kata dia``: the word of a pronoun cue that is no verb.
    pronoun_words = frozenset(w for phrase in pronouns if " " in phrase for w in phrase.split() if w not in verb_set)
    return Cues(tuple(sorted(set(verbs) | set(participles), key=lambda w: (-len(w), w))), pronouns,
                words("according_to"), participles, pronoun_words)


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
    return normalise_quote(_BRACKETS.sub(" ", text))


def quote_words(source: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """The normalised words of ``source[start:end]`` (as :func:`spoken` has them), each with the
    offsets of the source word it comes from; ``aren't`` gives ``are`` and ``not``, both on it."""
    text = _BRACKETS.sub(lambda m: " " * len(m.group()), source[start:end]).replace("-", " ")
    found: list[tuple[str, int, int]] = []
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        # ``aren ' t`` / ``it ' s`` of tokenised text: one word again.
        if spans and len(match.group()) <= 2 and match.group().islower() \
                and _JOINT.fullmatch(text, spans[-1][1], match.start()):
            spans[-1] = (spans[-1][0], match.end())
        else:
            spans.append((match.start(), match.end()))
    for w_start, w_end in spans:
        word = re.sub(r"\s*['’]\s*", "'", text[w_start:w_end].casefold())
        for short, full in _contractions():
            word = word.replace(short, full)
        for part in _WORD.findall(word):
            found.append((part.replace("'", ""), start + w_start, start + w_end))
    return tuple(found)


# ---------------------------------------------------------------- pairing marks


def _regions(document: Document) -> list[tuple[int, int]]:
    """Paragraphs: the kept blocks, else the span of the sentences."""
    if document.blocks:
        return sorted(document.blocks)
    if document.sentences:
        return [(s.start, s.end) for s in document.sentences]
    return [(0, len(document.source))]


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    symbol: str
    region: int
    double: bool
    can_open: bool
    can_close: bool
    attached: bool
    """Opening-shaped: right before a word, after a space (``"Our``): it opens, never closes a
    quote of an earlier paragraph."""
    first: bool
    """Nothing but space before it in its paragraph."""


def _marks(source: str, regions: list[tuple[int, int]]) -> list[_Mark]:
    marks: list[_Mark] = []
    for index, (r_start, r_end) in enumerate(regions):
        for match in _MARK.finditer(source, r_start, r_end):
            mark = _shape(source, match, index, r_start)
            if mark is not None:
                marks.append(mark)
    return marks


def _shape(source: str, match: re.Match[str], region: int, r_start: int) -> _Mark | None:
    symbol, start, end = match.group(), match.start(), match.end()
    before = source[start - 1] if start > r_start else "\n"
    after = source[end] if end < len(source) else "\n"
    back = source[r_start:start].rstrip()
    last = back[-1:] or "\n"
    first = not back
    spaced_before = before.isspace()
    attached = (spaced_before or before in "([{—–-") and (after.isalnum() or after in "‘'`…(")
    closing_shape = after.isspace() or after in _AFTER_CLOSER
    if symbol in _DOUBLE:
        if symbol == "``":
            lower_next = source[end:end + 3].lstrip()[:1].islower()
            return _Mark(start, end, symbol, region, True, True, last in _CLOSING_PUNCT and lower_next, attached, first)
        if symbol == "''":
            return _Mark(start, end, symbol, region, True, spaced_before and after.isalnum(), True, attached, first)
        if symbol in "“„«":
            return _Mark(start, end, symbol, region, True, True, symbol == "“", attached, first)
        if symbol == "»":
            return _Mark(start, end, symbol, region, True, False, True, attached, first)
        if symbol == "”":
            return _Mark(start, end, symbol, region, True, attached, True, attached, first)
        return _Mark(start, end, symbol, region, True, True, True, attached, first)
    # single marks: an apostrophe is no mark at all
    if before.isalnum() and after.isalnum():
        return None
    if symbol in "'’" and (before.isalnum() or spaced_before) and _CONTRACTION_TAIL.match(source, end) \
            and not source[end:end + 1].isalpha() and source[end + 1:end + 2].isalpha():
        return None  # ``NYPD ’ s``: a tokenised possessive
    if symbol in "'’" and before.isalnum() and _CONTRACTION_TAIL.match(source, end):
        return None
    can_open = symbol in "‘‹" or (symbol == "'" and (spaced_before or before in "([{“\"") and after.isalnum())
    can_close = symbol in "’'›" and (last.isalnum() or last in _CLOSING_PUNCT) and closing_shape
    if not (can_open or can_close):
        return None
    return _Mark(start, end, symbol, region, False, can_open, can_close, attached, first)


def _closing(marks: list[_Mark], index: int) -> tuple[str, int]:
    """What ends the quote opened by ``marks[index]``: ``("close", j)``, ``("restart", j)`` (a
    second opener in the same paragraph takes over) or ``("none", -1)``."""
    opener = marks[index]
    closers = _CLOSERS.get(opener.symbol, frozenset())
    last_region = opener.region
    chained = True
    for j in range(index + 1, len(marks)):
        mark = marks[j]
        if mark.region - opener.region > _MAX_REGIONS or mark.start - opener.end > _MAX_CHARS:
            break
        same = mark.region == opener.region
        if opener.double != mark.double:
            if opener.double or same:
                continue  # a quote inside the quote
            break
        if mark.region > last_region + 1:
            chained = False
        if not same and mark.first and mark.can_open:
            if chained and mark.region == last_region + 1:
                last_region = mark.region  # a paragraph of the same quote, opened again
                continue
            break
        if mark.can_close and mark.symbol in closers and (same or not mark.attached):
            return "close", j
        if mark.can_open and same:
            return "restart", j
        break
    return "none", -1


def _passages(source: str, regions: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """``(start, end, opening region, closing region)`` of each quoted passage (marks excluded)."""
    marks = _marks(source, regions)
    found: list[tuple[int, int, int, int]] = []
    index = 0
    while index < len(marks):
        mark = marks[index]
        if not mark.can_open:
            index += 1
            continue
        how, j = _closing(marks, index)
        if how == "close":
            found.append((mark.end, marks[j].start, mark.region, marks[j].region))
            index = j + 1
        elif how == "restart":
            index = j
        else:
            if mark.double and mark.first and not any(m.region == mark.region for m in marks[index + 1:index + 2]):
                r_end = regions[mark.region][1]
                found.append((mark.end, mark.end + len(source[mark.end:r_end].rstrip()), mark.region, mark.region))
            index += 1
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


def _possessive(source: str, fact: Fact) -> bool:
    return re.match(r"\s?['’]s\b", source[fact.end:fact.end + 4]) is not None


def _speakers(source: str, names: list[Fact]) -> list[Fact]:
    """The names that may be a speaker: typed, not tentative, not a possessive (``Reid's rep``)."""
    return [f for f in names if f.attrs.get("type") in _SPEAKER_TYPES and not f.attrs.get("tentative")
            and not _possessive(source, f)]


def _pick(names: list[Fact], last: bool = False) -> Fact | None:
    """The speaker among names near a cue: a person first, then an unknown name, then an org."""
    for kind in _SPEAKER_TYPES:
        typed = [f for f in names if f.attrs.get("type") == kind and not f.attrs.get("tentative")]
        if typed:
            return typed[-1] if last else typed[0]
    return None


_RUN_GAP = re.compile(r"\s*(?:(?:[A-Z][\w.'’]*|of|for|de|bin|van|von)\s+)*")


def _run_after(source: str, names: list[Fact]) -> Fact | None:
    """``said Interior Secretary Dirk Kempthorne``: names joined only by capitalised words make
    one name phrase; its last person (else its last name) speaks."""
    if not names:
        return None
    run = [names[0]]
    for name in names[1:]:
        if not _RUN_GAP.fullmatch(source, run[-1].end, name.start):
            break
        run.append(name)
    persons = [f for f in run if f.attrs.get("type") == "person"]
    if not persons:  # ``kata Direktur Institute of Regional Issues, sebuah think-tank, Dmitry Zhuravlev``
        later = [f for f in names[len(run):] if f.attrs.get("type") == "person"]
        if later:
            return later[0]
    return (persons or [f for f in run if f.attrs.get("type") != "org"] or run)[-1]


def _clause_end(source: str, start: int, limit: int) -> int:
    match = _CLAUSE_END.search(source, start, limit)
    return match.start() if match else limit


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _cue_after(document: Document, names: list[Fact], end: int, limit: int, cue: Cues) -> tuple[str, Fact | None] | None:
    """``," kata Putin`` / ``'' Putin said`` / ``," katanya`` / ``'' the company said``."""
    source = document.source
    lead = _LEAD.match(source, end, limit)  # on the source itself: a slice to ``limit`` is quadratic
    at = lead.end() if lead else end
    window_end = _clause_end(source, at, min(limit, at + active().extract.quote_cue_window))
    head = source[at:window_end].casefold()
    if _leading(cue.pronouns).match(head):
        return "pronoun", None
    opening = _leading(cue.verbs).match(head)  # the first verb of the list that opens ``head``, as a loop would find
    if opening:
        reach = len(opening.group())
        after = _words(head[reach:])
        if after[:1] and after[0] in cue.pronoun_words:
            return "pronoun", None  # ``said he``
        speaker = _run_after(source, _speakers(source, _names_between(names, at + reach, window_end)))
        return ("after", speaker) if speaker else ("nominal", None)
    for verb in cue.verbs:
        found = _bounded(verb).search(head)
        if not found or found.start() > active().extract.quote_cue_window // 2:
            continue
        subject = _words(head[:found.start()])
        speaker = _pick(_speakers(source, _names_between(names, at, at + found.start())), last=True)
        if speaker:
            return "after", speaker
        if subject[:1] and subject[0] in cue.pronoun_words and len(subject) <= 4:
            return "pronoun", None  # ``he was quoted as saying``
        if len(subject) <= 4:
            return "nominal", None  # ``the company said``: someone, but not the last speaker
    return None


@cache
def _leading(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` (tried in their order) as a whole word at the start: one match, not one per word."""
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")\b") if words else re.compile(r"(?!x)x")


@cache
def _bounded(word: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(word) + r"\b")


def _verb_at(text: str, cue: Cues) -> re.Match[str] | None:
    """The last speech verb (or ``according to``) of ``text``."""
    pattern = r"(?:^|\W)(" + "|".join(re.escape(v) for v in cue.verbs + cue.according) + r")\b"
    found = None
    for found in re.finditer(pattern, text):
        pass
    return found


def _cue_before(document: Document, names: list[Fact], start: int, floor: int, cue: Cues,
                sentences: list[Sentence]) -> tuple[str, Fact | None] | None:
    """``Putin said: "`` / ``kata Putin, "`` / ``Menurut X, "`` / ``Obama said that "``."""
    source = document.source
    base = max(floor, start - active().extract.quote_cue_window)
    head = source[base:start].rstrip(" \t“\"`„«‘'")
    if not head:
        return None
    clause = re.split(r"[.!?”\"]", head)[-1]
    clause_start = base + len(head) - len(clause)
    lowered = clause.casefold()
    verb = _verb_at(lowered, cue)  # anywhere before the quote in its clause: ``X said the country had "…"``
    if head[-1] not in ":," and verb is None:
        return None
    nearby = _speakers(source, _names_between(names, clause_start, base + len(head)))
    if verb is not None:
        at = clause_start + verb.start(1)
        if verb.group(1) in cue.participles:
            subject = _sentence_subject(source, names, sentences, at)
            return ("before", subject) if subject else None
        before = [f for f in nearby if f.end <= at]
        after = [f for f in nearby if f.start >= clause_start + verb.end(1)]
        if before and not _words(source[before[-1].end:at]):
            return "before", before[-1]  # ``Ketsoyan added:``
        if after:
            return "before", _run_after(source, after)  # ``kata Putin,`` / ``According to X,``
        persons = [f for f in before if f.attrs.get("type") == "person"]
        if persons:
            return "before", persons[0]  # ``Christina Greenway, daughter of …, said:``
        said_by = _words(lowered[:verb.start(1)])
        if said_by[-1:] and said_by[-1] in cue.pronoun_words:
            return "pronoun", None
        return "nominal", None  # ``the Taradise star said,``
    if head.endswith(":") and nearby and nearby[-1].end >= base + len(head) - 2:
        return "before", nearby[-1]
    return None


def _cue_paragraph_before(document: Document, names: list[Fact], region: tuple[int, int] | None, start: int,
                          cue: Cues, quoted: Sequence[tuple[int, int]] = ()) -> tuple[str, Fact | None] | None:
    """A quote opening its paragraph after ``John Kirby, juru bicara …, mengatakan …`` (a paragraph
    that quotes someone itself is no such introduction: the quote before speaks for it)."""
    if region is None or _quoted_at(quoted, region[0], region[1]):
        return None
    between = _OPENING_SPACE.match(document.source, region[1], start)  # None when start < region[1]
    if between is not None and between.end() < start:
        return None
    text = document.source[region[0]:region[1]].casefold()
    verbs = [m for v in cue.verbs if (m := _bounded(v).search(text))]
    if not verbs:
        return None
    first = min(m.start() for m in verbs)
    speaker = _pick(_speakers(document.source, _names_between(names, region[0], region[0] + first)), last=True)
    return ("paragraph", speaker) if speaker else None


def _quoted_at(quoted: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """A quote opens in ``start:end`` (``quoted`` is sorted)."""
    at = bisect.bisect_left(quoted, (start, -1))
    return at < len(quoted) and quoted[at][0] < end


def _inside_quote(quoted: Sequence[tuple[int, int]], offset: int) -> bool:
    at = bisect.bisect_right(quoted, (offset, 1 << 62)) - 1
    return at >= 0 and quoted[at][0] <= offset < quoted[at][1]


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


_FULL: dict[int, tuple[list[Fact], dict[str, dict[str, int]]]] = {}


def _full_names(names: list[Fact]) -> dict[str, dict[str, int]]:
    """Per list of names, built once: full names by first and last word (with counts); looking
    them up per quote is what keeps long documents linear."""
    cached = _FULL.get(id(names))
    if cached is not None and cached[0] is names:
        return cached[1]
    fuller: dict[str, dict[str, int]] = {}
    for name in names:
        parts = name.value.split()
        if len(parts) > 1 and name.attrs.get("type") in ("person", "unknown"):
            for word in {parts[0], parts[-1]}:
                counts = fuller.setdefault(word, {})
                counts[name.value] = counts.get(name.value, 0) + 1
    if len(_FULL) >= _CACHE_SIZE:
        _FULL.clear()
    _FULL[id(names)] = (names, fuller)
    return fuller


def _sentence_subject(source: str, names: list[Fact], sentences: list[Sentence], before: int,
                      quoted: Sequence[tuple[int, int]] = ()) -> Fact | None:
    """Who a pronoun points at: in the nearest sentence before ``before`` (its own words before
    ``before`` first) that names someone outside quotes, the first person, else the first
    untyped name that is no acronym."""
    at = bisect.bisect_right(sentences, before, key=lambda s: s.start) - 1
    for index in range(at, max(-1, at - _SUBJECT_SENTENCES - 1), -1):
        sentence = sentences[index]
        inside = [f for f in _speakers(source, _names_between(names, sentence.start, min(sentence.end, before)))
                  if not _inside_quote(quoted, f.start)]
        persons = [f for f in inside if f.attrs.get("type") == "person"]
        if persons:
            return persons[0]
        unknown = [f for f in inside if f.attrs.get("type") == "unknown"
                   and not str(f.attrs.get("surface", f.text)).isupper()]
        if unknown:
            return unknown[0]
    return None


# ---------------------------------------------------------------- document scan


def document_quotes(document: Document) -> list[Quote]:
    """Every quote of the document with its speaker, in order."""
    cue = cues(data_languages(document.language))
    names = sorted(document_names(document), key=lambda f: f.start)  # already so; bisected below
    regions = _regions(document)
    sentences = sorted(document.sentences, key=lambda s: s.start)
    source = document.source
    passages = []
    for start, end, r_open, r_close in _passages(source, regions):
        start, end = _trim(source, start, end)
        if _is_quote(source[start:end]):
            passages.append((start, end, r_open, r_close))
    quoted = [(p[0], p[1]) for p in passages]
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_region = -2
    for start, end, r_open, r_close in passages:
        found = (_cue_after(document, names, end, regions[r_close][1], cue)
                 or _cue_before(document, names, start, regions[r_open][0], cue, sentences)
                 or _cue_paragraph_before(document, names, regions[r_open - 1] if r_open else None, start, cue,
                                          quoted))
        adjacent = r_open - previous_region <= 1
        speaker: str | None
        how: str | None
        if found and found[0] == "pronoun" and not (previous and previous.speaker and adjacent):
            speaker, how = _canonical(_sentence_subject(source, names, sentences, start, quoted), names), "pronoun"
        else:
            speaker, how = _speaker(found, names, previous, adjacent)
        quote = Quote(start, end, speaker, how)
        quotes.append(quote)
        previous, previous_region = quote, r_close
    return quotes


def _speaker(found: tuple[str, Fact | None] | None, names: list[Fact],
             previous: Quote | None, adjacent: bool) -> tuple[str | None, str | None]:
    if found and found[1] is not None:
        return _canonical(found[1], names), found[0]
    if found and found[0] == "nominal":
        return None, "nominal"
    if previous and previous.speaker and adjacent:
        return previous.speaker, "pronoun" if found else "previous"
    return None, found[0] if found else None


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
