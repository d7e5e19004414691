"""Names: people, places and organisations from capitalised spans.

A name is a run of capitalised tokens, cut at function words, titles
(``Presiden``, ``President``) and known places, so ``Presiden Rusia Vladimir
Putin`` gives ``Rusia`` and ``Vladimir Putin``; an institution before an
office-holder's name is cut off too (``Komisi III DPR RI Akbar Faisal`` gives
``Akbar Faisal``), and so are the office words of a title (``Menteri Keuangan``).
Handles, hashtags and web addresses are never names, and a name starts and ends
at a word boundary of the source (``Perumnas`` holds no ``Peru``). Sentence-initial and headline
words are only names when the rest of the document writes them capitalised
too, because a capital there says nothing. The whole document is analysed once
(a surname borrows the type of the full name it ends) and each sentence gets
its slice. All word lists live in ``lang/<code>/names.json``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from rapidfuzz.distance import OSA

from ..model import Document, Fact, Sentence
from ..registry import extractors
from ..settings import active
from . import _lang

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w'’]*[^\W_])?(?:-[^\W\d_][\w'’]*)*\.?")
# Only from the start of a run of word characters: tried at every position, a long word costs
# quadratic time (each try runs to its end looking for a point).
_DOMAIN = re.compile(r"(?<![\w-])[\w-]+(?:\.[a-z]{2,})+\b")
# Web addresses, social-media handles and hashtags are never names (``@LuisFonsi``, ``#Despacito``).
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@#])[@#]\w+")
_DOMAIN_HINT = re.compile(r"\.[a-z]{2}")  # what every ``_DOMAIN`` match holds: most sentences skip its scan
_POSSESSIVE_END = re.compile(r"['’]s$")
_POSSESSIVE = re.compile(r"['’]s\b")
_POINTS = re.compile(r"['’.]")
_HYPHENS = re.compile(r"[-‐‑–]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_CAMEL = re.compile(r"([A-Z][a-z]{3,})([A-Z][a-z]+)$")
_ABBREV = frozenset({"st", "jl", "jln", "dr", "mr", "mrs", "ms", "prof", "gen", "sen", "rep", "gov",
                     "lt", "col", "capt", "sgt", "jr", "sr", "mt", "ir", "hj", "h", "kh", "drs"})
_CONNECTORS = frozenset({"of", "the", "de", "van", "von", "der", "den", "del", "du", "bin", "binti", "dos", "das"})
_INITIAL_AFTER = set(".!?:;\"“”`'‘’…|-–—")
_CACHE_SIZE = 64
_VOWELS = frozenset("aeiouy")
_MIN_GLUED_REST = 7
"""Letters of a lowercase word glued to a known place (``Rusiakredensial``) when the document does not
write that word on its own: a shorter rest is the end of a longer word (``Perumnas``, ``Balikpapan``)."""


class Token(NamedTuple):
    """A word of a sentence, offsets into the document: a tuple, since every sentence makes dozens."""

    text: str
    start: int
    end: int
    initial: bool
    bare: str
    """The word without a possessive ``'s`` or abbreviation point (read many times a word: kept)."""


def _token(text: str, start: int, end: int, initial: bool) -> Token:
    return Token(text, start, end, initial, _bare(text))


@lru_cache(maxsize=1 << 16)
def _bare(text: str) -> str:
    text = _POSSESSIVE_END.sub("", text)
    return text[:-1] if text.endswith(".") and not _is_initial(text) else text


@dataclass
class Lexicon:
    """Every names table of the languages in use, as sets for quick lookup."""

    person_titles: frozenset[str]
    place_titles: frozenset[str]
    place_markers: frozenset[str]
    place_end: frozenset[str]
    org_markers: frozenset[str]
    stop: frozenset[str]
    stop_caps: frozenset[str]
    common: tuple[re.Pattern[str], ...]
    speech_verbs: frozenset[str]
    places: frozenset[str]
    orgs: frozenset[str]
    aliases: dict[str, str]
    alias_caps: dict[str, str]
    known_prefixes: frozenset[str] = field(default_factory=frozenset)
    offices: frozenset[str] = field(default_factory=frozenset)
    """Words that continue a title (``Menteri Keuangan``, ``Irjen Pol``, ``Secretary of State``)."""
    institutions: frozenset[str] = field(default_factory=frozenset)
    """Words naming an institution that may lead a span before an office-holder's name (``Polri``)."""
    known_words: frozenset[str] = field(default_factory=frozenset)
    longest_key: int = 0
    """Characters of the longest place or alias: a far longer word is none of them."""
    place_words: int = 1
    """Words of the longest place or alias: no longer run of tokens can be a known place."""

    def may_be_known(self, word: str) -> bool:
        """Cheap bound: whether ``word`` is short enough to normalise to a place or alias."""
        return len(word) <= 4 * self.longest_key + 16

    def is_title(self, word: str) -> bool:
        return word in self.person_titles or word in self.place_titles

    def is_marker(self, word: str) -> bool:
        return word in self.org_markers or word in self.place_markers

    def marker_like(self, word: str) -> bool:
        """A marker, or a slip for a place marker (``Sleatan`` for ``Selatan``): it still belongs to the place."""
        return self.is_marker(word) or any(is_typo(word, m) for m in self.place_markers)

    def known(self, key: str) -> bool:
        return key in self.places or key in self.orgs or key in self.aliases

    def is_stop(self, text: str) -> bool:
        """Function words of any language; ALL-CAPS stops (``KTT``, ``WIB``) match only in capitals."""
        if _is_acronym(text):
            return text.replace(".", "") in self.stop_caps
        return text.casefold() in self.stop

    def looks_common(self, word: str) -> bool:
        return any(p.fullmatch(word) for p in self.common)


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Lowercase, no diacritics, hyphens as spaces, no points or apostrophes: the matching key."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _POSSESSIVE.sub("", plain.casefold())
    plain = _POINTS.sub("", plain)
    return " ".join(_HYPHENS.sub(" ", plain).split())


@lru_cache(maxsize=1 << 16)
def spelling(text: str) -> str:
    """How a name is written, ignoring case, spacing and points: ``Jong-un`` ≠ ``Jong Un``, ``U.S.`` = ``US``."""
    words = re.sub(r"['’]s\b", "", text).casefold().replace(".", " ").split()
    return re.sub(r"\b(\w) (?=\w\b)", r"\1", " ".join(words))


def is_typo(rare: str, common: str, demonyms: frozenset[str] = frozenset()) -> bool:
    """One small edit inside a long word, not at its start or end: a slip, not another word."""
    cfg = active().extract
    if min(len(rare), len(common)) < cfg.name_min_short or max(len(rare), len(common)) < cfg.name_min_long:
        return False
    if rare[0] != common[0] or OSA.distance(rare, common) != 1:
        return False
    if len(rare) != len(common):
        return _indel_ok(rare, common, demonyms)
    return len(rare) >= cfg.name_min_substituted and _substitution_ok(rare, common)


def _indel_ok(rare: str, common: str, demonyms: frozenset[str]) -> bool:
    longer, shorter = (rare, common) if len(rare) > len(common) else (common, rare)
    at = next((i for i, (a, b) in enumerate(zip(longer, shorter)) if a != b), len(shorter))
    if at < len(shorter):
        return True
    added = longer[-1]
    return added not in _VOWELS and added not in demonyms


def _substitution_ok(rare: str, common: str) -> bool:
    diffs = [i for i, (a, b) in enumerate(zip(rare, common)) if a != b]
    if diffs[-1] == len(rare) - 1:
        return False
    if len(diffs) == 1:
        a, b = rare[diffs[0]], common[diffs[0]]
        return not (a in _VOWELS and b in _VOWELS and len(rare) < active().extract.name_long_vowel_swap)
    return True


def data_languages(language: str) -> tuple[str, ...]:
    return _lang.languages_for(language, "names")


@cache
def lexicon(languages: tuple[str, ...]) -> Lexicon:
    """Titles and word shapes of ``languages``; stops, markers and entities of every language,
    because articles quote foreign names (``Korea Times``) and foreign words."""
    own = [_lang.load(code, "names") for code in languages]
    every = list(everywhere())
    aliases, alias_caps = alias_tables()
    stops = [w for t in every for w in t.get("stop", [])]
    return Lexicon(
        person_titles=_nested(own, "titles", "person"),
        place_titles=_nested(own, "titles", "place"),
        place_markers=_nested(every, "markers", "place"),
        place_end=_nested(own, "markers", "place_end"),
        org_markers=_nested(every, "markers", "org"),
        stop=frozenset(w.casefold() for w in stops if not w.isupper()) | _calendar_words(languages),
        stop_caps=frozenset(w for w in stops if w.isupper()),
        common=tuple(re.compile(p) for t in own for p in t.get("common_patterns", [])),
        speech_verbs=frozenset(w.casefold() for t in own for w in t.get("speech_verbs", []) if " " not in w),
        places=frozenset(normalise(p) for p in _words(every, "places")),
        orgs=frozenset(normalise(o) for o in _words(every, "orgs")),
        aliases=aliases,
        alias_caps=alias_caps,
        offices=_nested(own, "titles", "office"),
        institutions=frozenset(w.casefold() for t in own for w in t.get("institutions", [])),
        known_prefixes=frozenset(k for k in (set(aliases) | _words(every, "places")) if " " not in k and len(k) >= 4),
        known_words=frozenset(w for k in (set(aliases) | _words(every, "places") | _words(every, "orgs"))
                              for w in normalise(k).split()),
        longest_key=max((len(normalise(k)) for k in set(aliases) | set(alias_caps) | _words(every, "places")),
                        default=0),
        place_words=max((len(normalise(k).split()) for k in set(aliases) | set(alias_caps) | _words(every, "places")),
                        default=1),
    )


@cache
def everywhere() -> tuple[dict[str, Any], ...]:
    return tuple(_lang.load(code, "names") for code in _lang.languages() if _lang.load(code, "names"))


@cache
def alias_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Form → canonical key, merged over all languages (an alias may cross languages).

    Groups that share a form are one entity; its key is the alphabetically first
    head, so every language maps ``Rusia`` and ``Russia`` to the same value.
    ALL-CAPS forms (``AS``, ``US``) only match text written in capitals.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    heads: set[str] = set()
    caps: set[str] = set()
    for table in everywhere():
        for head, forms in sorted(table.get("aliases", {}).items()):
            head_key = normalise(head)
            heads.add(head_key)
            for form in forms:
                key = normalise(form)
                if form.upper() == form and any(c.isalpha() for c in form):
                    caps.add(key)
                parent[find(key)] = find(head_key)
            find(head_key)
    groups: dict[str, list[str]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)
    canonical: dict[str, str] = {}
    for members in groups.values():
        head = min(m for m in members if m in heads) if any(m in heads for m in members) else min(members)
        canonical.update({m: head for m in members})
    loose = {k: v for k, v in canonical.items() if k not in caps}
    strict = {k: v for k, v in canonical.items() if k in caps}
    return loose, strict


def resolve(surface: str, lex: Lexicon) -> str:
    """The canonical key of a surface form: an alias's entity, else the normalised form."""
    key = normalise(surface)
    if key in lex.alias_caps and not any(c.islower() for c in surface):
        return lex.alias_caps[key]
    return lex.aliases.get(key, key)


def _words(tables: Any, name: str) -> frozenset[str]:
    return frozenset(w.casefold() for t in tables for w in t.get(name, []))


def _nested(tables: list[dict[str, Any]], outer: str, inner: str) -> frozenset[str]:
    return frozenset(w.casefold() for t in tables for w in t.get(outer, {}).get(inner, []))


def _calendar_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Weekdays and months (from the dates tables) are capitalised but never names."""
    words: set[str] = set()
    for code in languages:
        dates = _lang.load(code, "dates")
        ambiguous = set(dates.get("month_ambiguous", [])) | set(dates.get("weekday_ambiguous", []))
        for table in ("months", "weekdays"):
            words.update(w for w in dates.get(table, {}) if w not in ambiguous)
    return frozenset(words)


def _is_initial(text: str) -> bool:
    return bool(_INITIALS.fullmatch(text))


def _is_cap(text: str) -> bool:
    return text[:1].isupper()


def _is_acronym(text: str) -> bool:
    if not text.isupper():  # necessary (a lowercase letter, or no cased letter at all), and cheap
        return False
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= active().extract.name_max_acronym and all(c.isupper() for c in letters)


# ---------------------------------------------------------------- tokenising


def tokens(text: str, offset: int) -> list[Token]:
    """Word tokens of ``text`` with absolute offsets; web addresses, handles and hashtags are left out."""
    masked = text
    if "://" in masked or "www." in masked.casefold():
        masked = _URL.sub(_blank, masked)
    if _DOMAIN_HINT.search(masked):
        masked = _DOMAIN.sub(_blank, masked)
    if "@" in masked or "#" in masked:
        masked = _HANDLE.sub(_blank, masked)
    found: list[Token] = []
    append = found.append
    length = len(masked)
    previous_end = 0
    for match in _WORD.finditer(masked):
        word = match.group()
        start = match.start()
        if word[-1] == "." and not _keeps_point(word):
            word = word[:-1]
        # The last non-space character before the word: looked up in the gap since the previous
        # match only, so a long line is not copied once per word.
        gap = masked[previous_end:start].rstrip()
        before = gap[-1:] or (masked[previous_end - 1] if previous_end else "")
        previous_end = match.end()
        initial = not before or before in _INITIAL_AFTER
        if before == "." and found and found[-1].text[-1] == ".":
            initial = False
        end = start + len(word)
        if end < length:  # ``KN-23``, ``F-16``: model numbers, not names
            char = masked[end]
            if char.isdecimal() or (char == "-" and masked[end + 1:end + 2].isdecimal()):
                continue
        append(Token(word, offset + start, offset + end, initial, _bare(word)))
    return found


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _keeps_point(word: str) -> bool:
    bare = word[:-1]
    return _is_initial(word) or (len(bare) == 1 and bare.isupper()) or bare.casefold() in _ABBREV


# ---------------------------------------------------------------- document context


@dataclass
class DocContext:
    """What the whole document says about its words' case."""

    lower: frozenset[str]
    midcap: frozenset[str]
    headlines: frozenset[int]


def _context(document: Document, sentences: list[Sentence], lex: Lexicon,
             split: list[tuple[Sentence, list[Token]]] | None = None) -> DocContext:
    split = [(s, tokens(s.text, s.start)) for s in sentences] if split is None else split
    lower = frozenset(t.text.casefold() for _, toks in split for t in toks if t.text[:1].islower())
    headlines = frozenset(s.index for s, toks in split if _is_headline(toks, lower, lex))
    midcap = {part for s, toks in split if s.index not in headlines for t in toks
              if _is_cap(t.text) and not t.initial
              for part in [t.bare.casefold()] + t.bare.casefold().split("-")}
    return DocContext(lower, frozenset(midcap), headlines)


def _is_headline(toks: list[Token], lower: frozenset[str], lex: Lexicon) -> bool:
    """Title Case or ALL CAPS lines, where common words are capitalised too.

    ALL CAPS: three or more capitalised words making at least half of the line's
    long words, so a sentence after an ALL-CAPS dateline is still prose.

    Title Case: (almost) no long lowercase word, and at least two capitalised words
    that the document writes in lowercase elsewhere or that are function words.
    """
    words = [t.text for t in toks if len(t.text) > 3]
    upper = sum(1 for w in words if w.isupper())
    cfg = active().extract
    if upper >= 3 and upper >= len(words) * cfg.name_headline_upper:
        return True
    if len(words) < 3 or sum(1 for w in words if not _is_cap(w)) > len(words) * cfg.name_headline_lower:
        return False
    common = [t for t in toks if _is_cap(t.text) and not t.text.isupper()
              and (t.text.casefold() in lower or t.text.casefold() in lex.stop)]
    return len(common) >= 2


# ---------------------------------------------------------------- runs → names


@dataclass
class Candidate:
    """A name span before typing: its tokens and what stood before it."""

    toks: list[Token]
    cue: str | None = None
    tentative: bool = False

    @property
    def words(self) -> list[str]:
        return [t.bare.casefold() for t in self.toks]


def _token_ok(tok: Token, lex: Lexicon, ctx: DocContext, headline: bool, next_cap: bool) -> bool:
    """Whether a capitalised token may be part of a name."""
    word = tok.bare.casefold()
    if not _is_cap(tok.text) or lex.is_stop(tok.bare) or (headline and word in lex.stop):
        return False
    if headline:
        parts = word.split("-")
        return all(p in ctx.midcap for p in parts) or lex.known(normalise(tok.bare)) or lex.is_title(word)
    if tok.initial and not lex.is_title(word):
        return _initial_ok(tok, word, lex, ctx, next_cap)
    return True


def _initial_ok(tok: Token, word: str, lex: Lexicon, ctx: DocContext, next_cap: bool) -> bool:
    """A sentence-initial word is a name if known, or capitalised elsewhere (or before another
    capitalised word) and never written in lowercase."""
    if lex.known(normalise(tok.bare)) or _is_acronym(tok.text):
        return True
    if word in ctx.lower or lex.looks_common(word):
        return False
    return word in ctx.midcap or next_cap


def _runs(toks: list[Token], lex: Lexicon, ctx: DocContext, headline: bool, text: str,
          offset: int) -> list[list[Token]]:
    """Maximal runs of name tokens, joined across connectors such as ``of``."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []
    for i, tok in enumerate(toks):
        ok = False
        if _is_cap(tok.text):  # most words of prose are lowercase, and those are never a name's
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            next_cap = nxt is not None and _next_is_name_word(nxt, lex) \
                and not text[tok.end - offset:nxt.start - offset].strip()
            ok = _token_ok(tok, lex, ctx, headline, next_cap)
        last = pending[-1] if pending else (current[-1] if current else None)
        gap = text[last.end - offset:tok.start - offset] if last else ""
        if ok and current and not gap.strip():
            current.extend(pending + [tok])
            pending = []
        elif current and tok.text in _CONNECTORS and not pending and not gap.strip():
            pending = [tok]
        else:
            _close(runs, current)
            current = [tok] if ok else []
            pending = []
    _close(runs, current)
    return runs


def _next_is_name_word(tok: Token, lex: Lexicon) -> bool:
    """A capitalised follower that is not itself a known name or title: ``Dmitry Medvedev``."""
    word = tok.bare.casefold()
    return _is_cap(tok.text) and not lex.is_stop(tok.bare) and not lex.is_title(word) \
        and not lex.known(normalise(tok.bare))


def _close(runs: list[list[Token]], current: list[Token]) -> None:
    if current:
        runs.append(list(current))


def _split_run(run: list[Token], lex: Lexicon, cue: str | None) -> list[Candidate]:
    """Cut a run at titles (and the office words after them) and at a leading or trailing known place."""
    out: list[Candidate] = []
    part: list[Token] = []
    after_title = False
    for tok in run:
        word = tok.bare.casefold()
        if after_title and (word in lex.offices or tok.text in _CONNECTORS):
            continue
        if lex.is_title(word) and not _title_is_name(part, word, lex):
            if not all(t.bare.casefold() in lex.offices for t in part):  # ``Defense Secretary``
                out.extend(_split_places(part, cue, lex))
            part = []
            cue = "place" if word in lex.place_titles else "person"
            after_title = True
            continue
        after_title = False
        part.append(tok)
    out.extend(_split_places(part, cue, lex))
    return [c for c in out if c.toks and not all(lex.is_marker(w) or w in _CONNECTORS for w in c.words)]


def _institution_cut(part: list[Token], lex: Lexicon) -> int:
    """Where an institution before an office-holder's name ends: ``Komisi III DPR RI | Akbar Faisal``,
    ``Bhayangkara FC | Awan Setho`` (0: none).

    The last acronym (or listed institution word) of the span, followed by two or more plain
    name words: capitalised, no acronym, marker, known place or connector.
    """
    for j in range(len(part) - 3, -1, -1):
        tok = part[j]
        if _is_acronym(tok.text) or tok.bare.casefold() in lex.institutions:
            return j + 1 if all(_plain_name_word(t, lex) for t in part[j + 1:]) else 0
    return 0


def _plain_name_word(tok: Token, lex: Lexicon) -> bool:
    word = tok.bare.casefold()
    return _is_cap(tok.text) and not _is_acronym(tok.text) and tok.text not in _CONNECTORS \
        and not lex.is_marker(word) and not lex.is_title(word) and word not in lex.institutions \
        and not lex.known(normalise(tok.bare))


def _title_is_name(part: list[Token], word: str, lex: Lexicon) -> bool:
    """``Bank Dunia``, ``Universitas Indonesia``: a title word inside an organisation name."""
    return bool(part) and any(t.bare.casefold() in lex.org_markers for t in part)


def _split_places(part: list[Token], cue: str | None, lex: Lexicon) -> list[Candidate]:
    """Peel known places (and acronyms, and places ended by a direction word) off the front of
    ``part``, then a known place off its end. A loop over one list, not recursion on copies, so a
    run of a hundred thousand capitalised words is neither quadratic nor too deep."""
    out: list[Candidate] = []
    part = _strip_connectors(part)
    cut = _institution_cut(part, lex)
    if cut:
        out.append(Candidate(part[:cut], None))
        part = part[cut:]
    markers_from: list[bool] = []  # computed when first needed: the fuzzy marker test is not cheap
    orgs_after = _org_markers_from(part, lex)
    ends = _place_ends(part, lex)
    at = 0
    while at < len(part):
        while at < len(part) and part[at].text in _CONNECTORS:
            at += 1
        if at == len(part):
            break
        rest = part[at:at + max(lex.place_words, 3)]  # all that the prefix tests look at
        place = _known_prefix(rest, lex)
        lead = place or _acronym_prefix(rest, lex)
        if lead and at + lead < len(part):
            markers_from = markers_from or _markers_from(part, lex)
            if not markers_from[at + lead]:
                out.append(Candidate(part[at:at + lead], "place" if place else None))
                at += lead
                continue
        end = _next_place_end(ends, at, len(part)) if not orgs_after[at] else 0
        if end:
            out.append(Candidate(part[at:end], "place"))
            at = end
            continue
        remaining = part[at:]
        tail = _known_suffix(remaining, lex)
        if tail and not _all_markers(remaining[:tail], lex):
            out += [Candidate(_strip_connectors(remaining[:tail]), cue), Candidate(remaining[tail:], "place")]
        else:
            out.append(Candidate(remaining, cue))
        break
    return out


def _markers_from(part: list[Token], lex: Lexicon) -> list[bool]:
    """For each index, whether every token from there on is a marker (or a slip for one) or a
    connector; one extra entry, True, for the empty end. Evaluated from the end, and only as far
    back as the first token that is not, since every earlier index then says False."""
    flags = [False] * (len(part) + 1)
    flags[-1] = True
    for i in range(len(part) - 1, -1, -1):
        tok = part[i]
        if not (tok.text in _CONNECTORS or lex.marker_like(tok.bare.casefold())):
            break
        flags[i] = True
    return flags


def _org_markers_from(part: list[Token], lex: Lexicon) -> list[bool]:
    """For each index, whether an organisation marker appears there or later."""
    flags = [False] * (len(part) + 1)
    for i in range(len(part) - 1, -1, -1):
        flags[i] = flags[i + 1] or part[i].bare.casefold() in lex.org_markers
    return flags


def _place_ends(part: list[Token], lex: Lexicon) -> list[int]:
    """Indices of direction words (``Utara``) not followed by a marker, where a place may end."""
    words = [t.bare.casefold() for t in part]
    return [i for i in range(len(words) - 1) if words[i] in lex.place_end and not lex.is_marker(words[i + 1])]


def _next_place_end(ends: list[int], at: int, size: int) -> int:
    """As ``_place_end`` on ``part[at:]``, as an absolute index after the direction word (0: none)."""
    index = bisect.bisect_right(ends, at)
    return ends[index] + 1 if index < len(ends) and ends[index] < size - 1 else 0


def _acronym_prefix(part: list[Token], lex: Lexicon) -> int:
    """``KPK Febri Diansyah``: an acronym before a person's name is an organisation of its own."""
    if len(part) > 2 and _is_acronym(part[0].text) and not _is_acronym(part[1].text) \
            and not lex.is_marker(part[1].bare.casefold()):
        return 1
    return 0


def _place_end(part: list[Token], lex: Lexicon) -> int:
    """``Kora Utara Kim Jong Un``: a direction word ends a place name before a person's name."""
    words = [t.bare.casefold() for t in part]
    if any(w in lex.org_markers for w in words):
        return 0
    for i, word in enumerate(words[:-1]):
        if i and word in lex.place_end and not lex.is_marker(words[i + 1]):
            return i + 1
    return 0


def _strip_connectors(part: list[Token]) -> list[Token]:
    while part and part[0].text in _CONNECTORS:
        part = part[1:]
    while part and part[-1].text in _CONNECTORS:
        part = part[:-1]
    return part


def _all_markers(toks: list[Token], lex: Lexicon, fuzzy: bool = False) -> bool:
    """Only markers (``Jakarta`` + ``Selatan``); ``fuzzy`` also takes a slip for one (``Sleatan``)."""
    marker = lex.marker_like if fuzzy else lex.is_marker
    return all(marker(t.bare.casefold()) or t.text in _CONNECTORS for t in toks)


def _known_prefix(part: list[Token], lex: Lexicon) -> int:
    """Length of the longest known place at the start of ``part`` (0 if none)."""
    for size in range(min(len(part), lex.place_words), 0, -1):
        if _is_place(" ".join(t.bare for t in part[:size]), lex):
            return size
    return 0


def _known_suffix(part: list[Token], lex: Lexicon) -> int:
    """Where the longest known place at the end of ``part`` starts (0 if none)."""
    for start in range(max(1, len(part) - lex.place_words), len(part)):
        if _is_place(" ".join(t.bare for t in part[start:]), lex):
            return start
    return 0


def _is_place(surface: str, lex: Lexicon) -> bool:
    key = resolve(surface, lex)
    return key in lex.places or normalise(surface) in lex.places


# ---------------------------------------------------------------- glued and hyphenated tokens


def _unglue(tok: Token, lex: Lexicon, attested: frozenset[str] = frozenset()) -> list[Token]:
    """``RusiaChina`` → ``Rusia`` + ``China``; ``Rusiakredensial`` → ``Rusia``; ``Korea-Rusia`` → both."""
    pieces: list[Token] = []
    text, start, initial = tok.text, tok.start, tok.initial
    # A loop, not recursion: ``Jakarta-Jakarta-…`` may be very long; and the rest is made a token only
    # once, at the end (its bare form is a scan of all of it).
    glued = True
    while "-" in text:
        left, _, right = text.partition("-")
        if not (_is_cap(right) and _is_cap(left) and (_is_place(left, lex)
                                                      or lex.may_be_known(right) and _is_place(right, lex))):
            glued = False
            break
        mid = start + len(left)
        pieces += _unglue(_token(left, start, mid, initial), lex, attested)
        text, start, initial = right, mid + 1, False
    rest = tok if start == tok.start else _token(text, start, tok.end, initial)
    return pieces + (_unglue_word(rest, lex, attested) if glued else [rest])


def _unglue_word(tok: Token, lex: Lexicon, attested: frozenset[str] = frozenset()) -> list[Token]:
    """``RusiaChina`` → ``Rusia`` + ``China``; ``Rusiakredensial`` → ``Rusia`` (no hyphen in ``tok``).

    A name starts and ends at a word boundary of the source: the lowercase rest must be a word of
    its own (long, or written alone in the document), so ``Perumnas`` gives no ``Peru`` and
    ``Balikpapan`` no ``Bali``.
    """
    camel = _CAMEL.match(tok.text)
    if camel and normalise(camel.group(1)) in lex.known_prefixes:
        cut = tok.start + len(camel.group(1))
        return [_token(camel.group(1), tok.start, cut, tok.initial), _token(camel.group(2), cut, tok.end, False)]
    for cut in range(min(len(tok.text) - 4, 4 * lex.longest_key + 16), 3, -1):
        head, rest = tok.text[:cut], tok.text[cut:]
        if rest.isalpha() and rest.islower() and normalise(head) in lex.known_prefixes \
                and (len(rest) >= _MIN_GLUED_REST or rest in attested):
            return [_token(head, tok.start, tok.start + cut, tok.initial)]
    return [tok]


def _unglue_all(toks: list[Token], lex: Lexicon, attested: frozenset[str] = frozenset()) -> list[Token]:
    return [part for tok in toks for part in (_unglue(tok, lex, attested) if _is_cap(tok.text) else [tok])]


# ---------------------------------------------------------------- typing and facts


def _type_of(cand: Candidate, lex: Lexicon) -> str:
    words = cand.words
    key = resolve(" ".join(t.bare for t in cand.toks), lex)
    if key in lex.places:
        return "place"
    if key in lex.orgs or any(w in lex.org_markers for w in words):
        return "org"
    if cand.cue == "place" or any(w in lex.place_markers for w in words[1:]):
        return "place"
    if cand.cue in ("person", "speaker") or any(_is_initial(t.text) for t in cand.toks):
        return "person"
    if len(cand.toks) == 1 and _is_acronym(cand.toks[0].text):
        return "org"
    return "unknown"


def _fact(cand: Candidate, sentence: Sentence, document: Document, lex: Lexicon) -> Fact:
    start, end = cand.toks[0].start, cand.toks[-1].start + len(cand.toks[-1].bare)
    surface = document.source[start:end]
    attrs: dict[str, Any] = {"type": _type_of(cand, lex), "surface": surface}
    if cand.tentative:
        attrs["tentative"] = True
    if cand.cue == "speaker" and attrs["type"] == "person" and not any(_is_initial(t.text) for t in cand.toks):
        attrs["weak_type"] = True  # only a speech verb before it says person (``menilai Untied``)
    return Fact(kind="name", value=resolve(surface, lex), text=surface, start=start, end=end,
                document=document.id, sentence=sentence.index, attrs=attrs)


def _sentence_facts(sentence: Sentence, document: Document, lex: Lexicon, ctx: DocContext,
                    split: list[Token] | None = None) -> list[Fact]:
    toks = _unglue_all(tokens(sentence.text, sentence.start) if split is None else split, lex, ctx.lower)
    headline = sentence.index in ctx.headlines
    runs = _split_glue_runs(_runs(toks, lex, ctx, headline, sentence.text, sentence.start), document)
    position = {t.start: i for i, t in enumerate(toks)}
    cands = [c for run in runs for c in _split_run(run, lex, _cue_before(position[run[0].start], toks, lex))]
    taken = {t.start for run in runs for t in run}
    cands += [Candidate([t], tentative=True) for t in toks
              if t.start not in taken and not headline and _tentative(t, lex, ctx)]
    return sorted((_fact(c, sentence, document, lex) for c in cands), key=lambda f: f.start)


def _tentative(tok: Token, lex: Lexicon, ctx: DocContext) -> bool:
    """A sentence-initial word that could be a name (``Netanyhau told…``) but is seen nowhere else.

    Kept, flagged ``tentative``, so a misspelling at the start of a sentence can still
    be matched to a frequent spelling; nothing else should rely on it.
    """
    word = tok.bare.casefold()
    return (tok.initial and _is_cap(tok.text) and not lex.is_stop(tok.bare) and not lex.is_title(word)
            and word not in ctx.lower and not lex.looks_common(word) and len(word) >= 4)


def _cue_before(at: int, toks: list[Token], lex: Lexicon) -> str | None:
    """A lowercase title (``pemimpin``) just before a name (the token at ``at``) says person; a
    speech verb (``kata``) says speaker, a person too but a weaker sign."""
    word = toks[at - 1].text.casefold() if at else ""
    if word in lex.person_titles:
        return "person"
    if word in lex.speech_verbs:
        return "speaker"
    return "place" if word in lex.place_titles else None


def _split_glue_runs(runs: list[list[Token]], document: Document) -> list[list[Token]]:
    """Tokens cut from one glued word (``RusiaChina``) touch; they are separate names."""
    out: list[list[Token]] = []
    for run in runs:
        current: list[Token] = []
        for tok in run:
            if current and current[-1].end == tok.start:
                out.append(current)
                current = []
            current.append(tok)
        out.append(current)
    return out


def _propagate_types(facts: list[Fact]) -> list[Fact]:
    """A lone ``Putin`` or ``Kim`` is a person when the document names that person in full."""
    persons = {f.value for f in facts if f.attrs["type"] == "person"}
    person_words = {w for v in persons for w in v.split()}
    out: list[Fact] = []
    for fact in facts:
        words = fact.value.split()
        untyped = fact.attrs["type"] == "unknown"
        if untyped and (fact.value in persons or (len(words) == 1 and words[0] in person_words)):
            fact = dataclasses.replace(fact, attrs={**fact.attrs, "type": "person"})
        out.append(fact)
    return out


_CACHE: dict[int, tuple[Document, int, list[Fact]]] = {}
_BY_SENTENCE: dict[int, tuple[list[Fact], dict[int, list[Fact]]]] = {}


def document_names(document: Document, sentences: list[Sentence] | None = None) -> list[Fact]:
    """Every name fact of the document (or of ``sentences``), typed with document context."""
    sentences = document.sentences if sentences is None else sentences
    cached = _CACHE.get(id(document))
    if cached and cached[0] is document and cached[1] == len(sentences) and sentences is document.sentences:
        return cached[2]
    lex = lexicon(data_languages(document.language))
    split = [(s, tokens(s.text, s.start)) for s in sentences]  # tokenised once, used twice
    ctx = _context(document, sentences, lex, split)
    facts = _propagate_types([f for s, toks in split for f in _sentence_facts(s, document, lex, ctx, toks)])
    if sentences is document.sentences:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
            _BY_SENTENCE.clear()
        _CACHE[id(document)] = (document, len(sentences), facts)
    return facts


def _facts_by_sentence(facts: list[Fact]) -> dict[int, list[Fact]]:
    """The facts grouped by sentence index, built once per fact list (keyed by its identity)."""
    cached = _BY_SENTENCE.get(id(facts))
    if cached is not None and cached[0] is facts:
        return cached[1]
    grouped: dict[int, list[Fact]] = {}
    for fact in facts:
        grouped.setdefault(fact.sentence, []).append(fact)
    _BY_SENTENCE[id(facts)] = (facts, grouped)
    return grouped


@extractors.register("names")
def extract(sentence: Sentence, document: Document) -> list[Fact]:
    """Name facts of one sentence (its document is analysed once and cached)."""
    # Looked up by index, not searched for: ``in`` over a long document's sentences, once per
    # sentence, is quadratic; so is filtering every fact of the document for each sentence.
    sentences = document.sentences
    if 0 <= sentence.index < len(sentences) and sentences[sentence.index] == sentence:
        candidates = _facts_by_sentence(document_names(document)).get(sentence.index, [])
    elif sentence in sentences:
        candidates = document_names(document)
    else:
        candidates = document_names(document, [sentence])
    return [f for f in candidates if f.sentence == sentence.index and sentence.start <= f.start < sentence.end]
