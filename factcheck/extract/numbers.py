"""Numbers and durations with the unit or counted noun they attach to; ages, clock times and scores.

A quantity is only comparable with its unit, so a number with no unit or noun
after it yields no fact, except where it can only be a count (``now has 2,301``).
Durations become minutes so ``tiga jam`` and ``180 menit`` compare equal; clock
times minutes after midnight (``8.40pm`` = 1240). Every fact says what it measures
in ``attrs["dimension"]`` (count, money, length, …, age, clock, score), from the
language-independent ``lang/units.json``. Dates, years, codes (``KN-23``), labels
(``Pasal 5``) and idioms (``empat mata``) are skipped. Separators, number words,
units, hedges and the cue words of ages, clock times, scores and ambiguous units
come from ``lang/<code>/numbers.json``.

``extract`` gives the quantities (how many, how much, how long, how old, which
score); ``clock_times`` the times of day; the registered extractor both.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from ..model import Document, Fact, Sentence
from ..registry import extractors
from . import _lang

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[%$€£]|\S")
_YEARLIKE = re.compile(r"(?:1[89]|20|21)\d\d")
_SMALL_INT = re.compile(r"[1-9]\d{0,2}|0")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_MAX_AGE = 125
_DASHES = ("-", "–")
_ARTICLE_MEASURES = frozenset({"length", "area", "volume", "speed"})
"""Dimensions whose unit after ``a``/``an`` is one of it (``a mile``); not mass (``a pound`` is often money)
nor counts (``a man``)."""
_CONVERTIBLE = frozenset({"money", "length", "mass", "volume", "area", "speed", "temperature", "clock"})


class _Tok(NamedTuple):
    """One token of a sentence, offsets into it: a tuple, since every sentence makes dozens."""

    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True)
class _Data:
    decimal: str | None
    thousands: str | None
    words: dict[str, float]
    adders: dict[str, float]
    factors: dict[str, float]
    scales: dict[str, float]
    units: dict[str, str]
    durations: dict[str, float]
    prefix_units: dict[str, str]
    fixed_multipliers: dict[str, float]
    lists: dict[str, tuple[str, ...]]
    one_prefix: str
    plural_suffixes: tuple[tuple[str, str], ...]
    reduplication: bool
    plural_head: bool
    maps: dict[str, dict[str, Any]] = field(default_factory=dict)
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    stopwords: frozenset[str] = frozenset()
    leads: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """Memo of ``_lead_kind`` by lowercased word: the same few thousand words come back in every sentence."""


@dataclass
class _Qty:
    value: float
    start: int
    end: int
    unit: str | None = None
    kind: str = "number"
    high: float | None = None
    per: float = 1.0          # minutes in one of the duration's written unit
    dimension: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Ctx:
    """One sentence being read: its tokens, the language data and the spans numbers must skip."""

    toks: list[_Tok]
    d: _Data
    text: str
    blocked: list[tuple[int, int]]   # sorted, disjoint: dates, idioms, clock times
    dated: list[tuple[int, int]]     # dates and idioms only
    sports: bool                      # a score cue word is in the sentence
    age_next: int = -1                # token index where a list of ages may continue


# ---- language data ----------------------------------------------------------------------

@cache
def _data(langs: tuple[str, ...]) -> _Data:
    raws = [_lang.load(code, "numbers") for code in langs]
    merged: dict[str, dict[str, Any]] = {}
    lists: dict[str, set[str]] = {}
    for raw in raws:
        for key, value in raw.items():
            if isinstance(value, dict) and key != "plural":
                merged.setdefault(key, {}).update(value)
            elif isinstance(value, list):
                lists.setdefault(key, set()).update(v for v in value if isinstance(v, str))
    single = raws[0] if len(raws) == 1 else {}
    stop = {w for code in langs for w in _lang.load(code, "stopwords").get("words", [])}
    return _Data(
        decimal=single.get("decimal"), thousands=single.get("thousands"),
        words=merged.get("words", {}), adders=merged.get("adders", {}),
        factors=merged.get("factors", {}), scales=merged.get("scales", {}),
        units=merged.get("units", {}), durations=merged.get("durations", {}),
        prefix_units=merged.get("prefix_units", {}),
        fixed_multipliers=merged.get("fixed_multipliers", {}),
        lists={k: tuple(sorted(v)) for k, v in lists.items()},
        one_prefix="".join(sorted({r.get("one_prefix", "") for r in raws})[-1:]),
        plural_suffixes=tuple(tuple(s) for r in raws for s in r.get("plural", {}).get("suffixes", [])),
        reduplication=any(r.get("plural", {}).get("reduplication") for r in raws),
        plural_head=any(r.get("plural", {}).get("head_after_modifiers") for r in raws),
        maps=merged, sets={k: frozenset(v) for k, v in lists.items()}, stopwords=frozenset(stop),
    )


@cache
def _unit_dimensions() -> dict[str, str]:
    """Canonical measurement unit -> dimension, from the language-independent ``lang/units.json``."""
    raw = json.loads((resources.files("factcheck.lang") / "units.json").read_text(encoding="utf-8"))
    return {unit: str(spec[0]) for unit, spec in raw["units"].items()}


def _langs(lang: str | None) -> tuple[str, ...]:
    return _lang.languages_for(lang, "numbers")


def number_word_pattern(langs: tuple[str, ...]) -> str:
    """A regex for a run of number words (``dua puluh empat``, ``twenty-four``)."""
    d = _data(tuple(c for c in langs if _lang.load(c, "numbers")) or _langs(None))
    words = sorted(set(d.words) | set(d.adders) | set(d.factors) | set(d.scales),
                   key=lambda w: (-len(w), w))
    one = "|".join(re.escape(w) for w in words)
    return rf"(?:{one})(?:[\s-]+(?:{one}))*(?!\w)"


def parse_number(text: str, langs: tuple[str, ...]) -> float | None:
    """Digits (with this language's separators) or number words, as a float."""
    d = _data(tuple(c for c in langs if _lang.load(c, "numbers")) or _langs(None))
    text = text.strip()
    if text[:1].isdigit():
        return _parse_digits(text, d)
    return _words_value(re.split(r"[\s-]+", text.lower()), d)


def _parse_digits(text: str, d: _Data) -> float | None:
    """``1.500`` is 1500 in Indonesian, ``3,000`` 3000 in English, ``1,5`` is 1.5."""
    seps = set(re.findall(r"[.,]", text))
    if not seps:
        return float(text)
    if len(seps) == 2:
        leading = re.match(r"\d+", text)
        thousands = d.thousands or text[len(leading.group()) if leading else 0]
        decimal = "," if thousands == "." else "."
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+{re.escape(decimal)}\d+", text):
            return None
        return float(text.replace(thousands, "").replace(decimal, "."))
    sep = seps.pop()
    grouped = re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", text) is not None
    if grouped and (d.thousands == sep or (d.thousands is None and text.count(sep) > 1)
                    or (d.thousands is None and sep == ".")):
        return float(text.replace(sep, ""))
    if text.count(sep) == 1:
        return float(text.replace(sep, "."))
    return None


def _words_value(words: list[str], d: _Data) -> float | None:
    """Compose number words left to right: ``dua puluh empat`` = 24, ``satu setengah`` = 1.5."""
    total = current = last = 0.0
    seen = False
    for word in words:
        if word in d.words:
            value = d.words[word]
            current, last, seen = current + value, value, True
        elif word in d.adders and seen:
            current, last = current + d.adders[word], last + d.adders[word]
        elif word in d.factors:
            base = last if seen else 1.0
            current, last, seen = current - (base if seen else 0) + base * d.factors[word], base * d.factors[word], True
        elif word in d.scales:
            total, current, last, seen = total + (current if seen else 1.0) * d.scales[word], 0.0, 0.0, True
        elif word in d.lists.get("connectors", ()) and seen:
            continue
        else:
            return None
    return total + current if seen else None


# ---- extraction ---------------------------------------------------------------------------

@extractors.register("numbers")
def extract_all(sentence: Sentence, document: Document) -> list[Fact]:
    """Every number fact of one sentence (quantities and clock times), offsets into ``document.source``."""
    quantities, clocks = _scan(sentence, document)
    return sorted(quantities + clocks, key=lambda f: (f.start, f.end))


def extract(sentence: Sentence, document: Document) -> list[Fact]:
    """Quantity facts of one sentence: counts, amounts, measures, durations, ages, scores."""
    return _scan(sentence, document)[0]


def clock_times(sentence: Sentence, document: Document) -> list[Fact]:
    """Times of day of one sentence (``8.40pm``, ``pukul 14.30 WIB``): minutes after midnight."""
    return _scan(sentence, document)[1]


def _scan(sentence: Sentence, document: Document) -> tuple[list[Fact], list[Fact]]:
    langs = _langs(document.language)
    if not langs:
        return [], []
    d = _data(langs)
    text = sentence.text
    toks = [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    dated = _blocked_spans(sentence, document, text, d)
    clocks, clock_spans = _clocks(text, d, langs, dated)
    cues = d.sets.get("score_cues", frozenset())
    c = _Ctx(toks, d, text, _merge(dated + clock_spans), dated, any(t.low in cues for t in toks))
    found: list[_Qty] = []
    i = 0
    while i < len(toks):
        if not _may_lead(toks[i], d):
            i += 1  # most words: nothing in them can begin a quantity
            continue
        hit = _quantity_at(c, i)
        if hit is None:
            i += 1
            continue
        qty, nxt = hit
        qty, nxt = _compound(qty, nxt, c)
        found.append(qty)
        i = nxt
    facts = _finish(found + clocks, c, sentence, document)
    return ([f for f in facts if f.attrs["dimension"] != "clock"],
            [f for f in facts if f.attrs["dimension"] == "clock"])


def _compound(qty: _Qty, nxt: int, c: _Ctx) -> tuple[_Qty, int]:
    """``4 menit 36,223 detik``, ``2 hours 15 minutes``: one duration, summed.

    Only a smaller unit written right after (optionally joined by ``dan``/``and``)
    continues the duration; ``3 jam 5 jam`` or ``5 menit 2 jam`` stay apart.
    """
    toks, d = c.toks, c.d
    while qty.kind == "duration" and qty.high is None and nxt < len(toks):
        k = nxt + _phrase_at(toks, nxt, d.lists.get("compound_joiners", ()))
        if k >= len(toks):
            break
        found = _quantity_at(c, k)
        if found is None:
            break
        part, after = found
        if part.kind != "duration" or part.high is not None or not part.per < qty.per \
                or c.text[qty.end:part.start].strip(" ,") not in ("", *d.lists.get("compound_joiners", ())):
            break
        qty = _Qty(qty.value + part.value, qty.start, part.end, "minute", "duration", None, part.per)
        nxt = after
    return qty, nxt


def _blocked_spans(sentence: Sentence, document: Document, text: str, d: _Data) -> list[tuple[int, int]]:
    from . import dates  # imported here: dates imports this module's number words

    spans = list(dates.spans(sentence, document))
    spans.extend((m.start(), m.end()) for m in _idioms(d.lists.get("idioms", ())).finditer(text))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []  # sorted and disjoint, for ``_inside`` to bisect
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@cache
def _idioms(idioms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(idioms, key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in ordered) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


def _inside(tok: _Tok, blocked: list[tuple[int, int]]) -> bool:
    return _inside_at(tok.start, blocked)


def _inside_at(position: int, blocked: list[tuple[int, int]]) -> bool:
    """``blocked`` is sorted and disjoint (``_merge``): a bisect, not a scan per token."""
    at = bisect.bisect_right(blocked, position, key=lambda span: span[0])
    return at > 0 and position < blocked[at - 1][1]


def _quantity_at(c: _Ctx, i: int) -> tuple[_Qty, int] | None:
    """A quantity starting at token ``i`` and the index after it, or None."""
    toks, d = c.toks, c.d
    if not _may_start(c, i) or _inside(toks[i], c.blocked):
        return None
    if toks[i].low in d.fixed_multipliers:
        multiplied = _multiplied(c, i + 1, d.fixed_multipliers[toks[i].low], toks[i].start)
        adverb = d.maps.get("times_adverbs", {}).get(toks[i].low)
        following = toks[i + 1].low if i + 1 < len(toks) else ""
        if multiplied is None and adverb is not None and following not in d.sets.get("times_adverbs_not_before", ()):
            return _Qty(float(adverb), toks[i].start, toks[i].end, "times"), i + 1  # ``married twice``
        return multiplied
    glued = _glued_one(toks[i], d)
    if glued is not None:
        return glued, i + 1
    if "-" in toks[i].low and toks[i].text[:1].isalpha():
        return _word_compound(c, i)
    parsed = _number(toks, i, d)
    if parsed is None:
        return None
    value, j = parsed
    value, j = _money_suffix(c, i, j, value)
    special = _score_at(c, i, j, value) or _age_at(c, i, j, value)
    if special is not None:
        return special
    if _is_time_or_code(toks, i, j, c.text, d):
        return None
    times = _phrase_at(toks, j, d.lists.get("times_words", ()))
    if times:
        return _multiplied(c, j + times, value, toks[i].start) \
            or (_Qty(value, toks[i].start, toks[j + times - 1].end, "times"), j + times)
    return _with_unit(c, i, j, value)


_LEADS_KEPT = 1 << 18
"""Words ``_Data.leads`` remembers before it starts again (a corpus's vocabulary is unbounded)."""


def _may_lead(tok: _Tok, d: _Data) -> bool:
    """The token's own word may begin a quantity (``_lead_kind`` above 0)."""
    return _lead_kind(tok, d) > 0


def _lead_kind(tok: _Tok, d: _Data) -> int:
    """2: digits, a number or multiplier word, a glued ``se-`` duration, hyphenated number words;
    1: an article (``a dozen``), which ``_article`` must still confirm; 0: nothing can begin here.
    It depends on the word alone, so it is remembered; what the neighbours decide is ``_may_start``'s."""
    if tok.text[:1].isdigit():
        return 2
    known = d.leads.get(tok.low)
    if known is None:
        low = tok.low
        number = low in d.words or low in d.fixed_multipliers or _glued_one(tok, d) is not None \
            or _hyphen_words(low, d) or low.split("-")[0] in d.words
        known = 2 if number else 1 if low in d.sets.get("one_articles", ()) else 0
        if len(d.leads) >= _LEADS_KEPT:
            d.leads.clear()
        d.leads[low] = known
    return known


def _may_start(c: _Ctx, i: int) -> bool:
    toks, d = c.toks, c.d
    tok = toks[i]
    kind = _lead_kind(tok, d)
    if kind == 0 or (kind == 1 and _article(toks, i, d) is None):
        return False
    is_digit = tok.text[:1].isdigit()
    if i > 0 and toks[i - 1].low in d.lists.get("labels", ()):
        return False
    if i > 1 and toks[i - 1].text in "-–" and toks[i - 2].low in d.lists.get("labels", ()):
        return False
    if is_digit and i > 0 and _prefix_unit(toks, i, d) is not None:
        return True  # "$US1", "magnitude-6.1": the word before is the unit, not a name or a code
    if is_digit and i > 0 and _is_name_word(toks[i - 1], d):
        return False
    if is_digit and i > 0 and toks[i - 1].end == tok.start:
        prev = toks[i - 1]
        if prev.text[:1].isalpha() and prev.low not in d.prefix_units:
            return False
        if prev.text in "-/." and i > 1 and toks[i - 2].end == prev.start \
                and not (prev.text in _DASHES and toks[i - 2].low in d.sets.get("minus_words", frozenset())):
            return False
    return True


def _is_name_word(tok: _Tok, d: _Data) -> bool:
    """``Sportster 883``, ``Pasal 135``: a number right after a capitalised word names a thing."""
    return (tok.text[:1].isupper() and tok.text[:1].isalpha() and tok.low not in d.prefix_units
            and tok.low not in d.lists.get("approx_before", ()) and tok.low not in d.sets.get("age_before", ())
            and tok.low not in d.stopwords and tok.start > 0)


def _hyphen_words(low: str, d: _Data) -> bool:
    return "-" in low and all(p in d.words for p in low.split("-"))


def _glued_one(tok: _Tok, d: _Data) -> _Qty | None:
    """``sehari``, ``sejam``: the one-prefix glued to a duration word."""
    p = d.one_prefix
    if not p or not tok.low.startswith(p) or tok.low[len(p):] not in d.lists.get("one_prefix_units", ()):
        return None
    unit = tok.low[len(p):]
    if unit not in d.durations:
        return None
    return _Qty(d.durations[unit], tok.start, tok.end, "minute", "duration", None, d.durations[unit])


def _article(toks: list[_Tok], i: int, d: _Data) -> tuple[float, int] | None:
    """``a dozen``, ``a hundred billion``; ``about an hour`` (a hedged article before a duration word)."""
    if toks[i].low not in d.sets.get("one_articles", ()) or i + 1 >= len(toks):
        return None
    nxt = toks[i + 1].low
    if nxt in d.sets.get("article_heads", ()):
        j, words = i + 1, list[str]()
        while j < len(toks) and _is_number_word(toks[j].low, d):
            words.extend(toks[j].low.split("-"))
            j += 1
        value = _words_value(words, d)
        return (value, j) if value is not None else None
    if nxt in d.durations and (_before(toks, i, d.sets.get("approx_before", frozenset()))
                               or _phrase_at(toks, i + 2, d.lists.get("and_a_half", ()))):
        return 1.0, i + 1  # ``about an hour``, ``an hour and a half``
    if _unit_dimensions().get(d.units.get(nxt, ""), "") in _ARTICLE_MEASURES:
        return 1.0, i + 1  # ``a mile away``, ``a kilometre``: one of a measurement unit
    return None


def _number(toks: list[_Tok], i: int, d: _Data) -> tuple[float, int] | None:
    """The value of digits (+ scale words) or a run of number words at ``i``, with a trailing
    ``and a half`` (``two and a half hours`` = 2.5 hours, never "half hours")."""
    found = _plain_number(toks, i, d)
    if found is None:
        return None
    value, j = found
    if value < 1 and j + 1 < len(toks) and toks[j].low in d.sets.get("one_articles", ()) \
            and (toks[j + 1].low in d.factors or toks[j + 1].low in d.scales):
        factor = d.factors.get(toks[j + 1].low) or d.scales[toks[j + 1].low]
        value, j = value * factor, j + 2  # ``half a dozen`` = 6, ``half a million`` = 500,000
    half = _phrase_at(toks, j, d.lists.get("and_a_half", ()))
    if half and value == int(value) and j + half < len(toks) and _unit_at(toks, j + half, d) is not None:
        return value + 0.5, j + half
    return value, j


_DESIGNATION = re.compile(r"([A-Z][A-Za-z]{0,2})[-‐ ]?(\d{1,4}[A-Z]?)(?:s|'s|’s)?\b")


def _designation_at(c: _Ctx, j: int) -> tuple[str, str, float, int] | None:
    """``seven AK-47s``, ``12 AK 47 guns``, ``two F-16 fighter jets``: a model designation (capitals and
    digits) names what is counted, whatever noun follows it; the counted thing is the model, so that
    ``seven AK-47 assault rifles`` and ``12 AK 47 guns`` are one count."""
    toks = c.toks
    if j >= len(toks) or not toks[j].text[:1].isupper() or toks[j].start == toks[j - 1].end:
        return None
    match = _DESIGNATION.match(c.text, toks[j].start)
    if match is None or not match.group(1)[1:].isupper() and not match.group(1)[-1:].isupper():
        return None
    k = j
    while k < len(toks) and toks[k].start < match.end():
        k += 1
    noun = _unit_at(toks, k, c.d) if k < len(toks) and toks[k].text[:1].islower() else None
    width = k - j + (noun[3] if noun is not None and noun[1] == "number" else 0)
    return (match.group(1) + match.group(2)).lower(), "number", 1.0, width


def _after_proper_modifiers(toks: list[_Tok], j: int, d: _Data) -> tuple[str, str, float, int] | None:
    """``7 US soldiers``, ``20 Chinese officials``, ``40 UN election observers``: where modifiers come
    before the noun, one or two capitalised modifiers stand between the number and the counted plural."""
    if not d.plural_head:
        return None
    k = j
    while k < len(toks) and k < j + 2 and toks[k].text[:1].isupper() and toks[k].text[:1].isalpha() \
            and toks[k].low not in d.stopwords and (k == j or toks[k].start - toks[k - 1].end == 1):
        k += 1
    if k == j or k >= len(toks) or toks[k].start - toks[k - 1].end != 1:
        return None
    noun = _unit_at(toks, k, d) if toks[k].text[:1].islower() else None
    if noun is None or noun[1] != "number" or noun[0] in _unit_dimensions() or not _is_plural(toks[k + noun[3] - 1].low, d):
        return None
    return noun[0], noun[1], noun[2], k - j + noun[3]


def _measure_at(toks: list[_Tok], j: int, d: _Data) -> bool:
    """A duration or measurement unit (not a counted noun) at ``j``."""
    unit = _unit_at(toks, j, d)
    return unit is not None and (unit[1] == "duration" or unit[0] in _unit_dimensions())


def _plain_number(toks: list[_Tok], i: int, d: _Data) -> tuple[float, int] | None:
    if toks[i].text[:1].isdigit():
        value = _parse_digits(toks[i].text, d)
        j = i + 1
        while value is not None and j < len(toks) and toks[j].low in d.scales:
            value, j = value * d.scales[toks[j].low], j + 1
        return (value, j) if value is not None else None
    article = _article(toks, i, d)
    if article is not None:
        return article
    j, words = i, list[str]()
    while j < len(toks) and (_is_number_word(toks[j].low, d) or
                             (words and toks[j].low in d.lists.get("connectors", ())
                              and j + 1 < len(toks) and _is_number_word(toks[j + 1].low, d))):
        words.extend(toks[j].low.split("-"))
        j += 1
    value = _words_value(words, d) if words else None
    return (value, j) if value is not None else None


def _is_number_word(low: str, d: _Data) -> bool:
    parts = low.split("-")
    return all(p in d.words or p in d.adders or p in d.factors or p in d.scales for p in parts)


def _is_time_or_code(toks: list[_Tok], i: int, j: int, text: str, d: _Data) -> bool:
    """``09:48``, ``pukul 10.00``, ``KN-23``, ``5G`` are not quantities."""
    tok = toks[i]
    if not tok.text[:1].isdigit():
        return False
    after = text[toks[j - 1].end:toks[j - 1].end + 1]
    if after == ":" or (i > 0 and toks[i - 1].text == ":" and toks[i - 1].end == tok.start):
        return True
    if re.fullmatch(r"\d{1,2}[.:]\d{2}", tok.text) and i > 0 and toks[i - 1].low in d.lists.get("time_markers", ()):
        return True
    if j < len(toks) and toks[j].start == toks[j - 1].end and toks[j].text[:1].isalpha():
        return toks[j].low not in d.units and toks[j].low not in d.durations
    return False


def _phrase_at(toks: list[_Tok], j: int, phrases) -> int:
    """How many tokens at ``j`` spell one of ``phrases`` (longest first); 0 if none."""
    best = 0
    for phrase in phrases:
        words = phrase.split()
        if [t.low for t in toks[j:j + len(words)]] == words:
            best = max(best, len(words))
    return best


def _before(toks: list[_Tok], i: int, phrases: frozenset[str]) -> int:
    """How many tokens right before ``i`` spell one of ``phrases`` (a set; longest first); 0 if none."""
    for width in (3, 2, 1):
        if i - width >= 0 and " ".join(t.low for t in toks[i - width:i]) in phrases:
            return width
    return 0


def _multiplied(c: _Ctx, j: int, factor: float, start: int) -> tuple[_Qty, int] | None:
    """``dua kali lipat dari 50 menit`` = 100 minutes; ``twice the scheduled 50 minutes``."""
    toks = c.toks
    j += _phrase_at(toks, j, c.d.lists.get("times_link", ()))
    for skip in range(3):
        k = j + skip
        if k >= len(toks):
            break
        found = _quantity_at(c, k)
        if found is not None and found[0].unit and found[0].dimension is None:
            qty, nxt = found
            return _Qty(qty.value * factor, start, qty.end, qty.unit, qty.kind), nxt
    return None


def _money_suffix(c: _Ctx, i: int, j: int, value: float) -> tuple[float, int]:
    """``$9.5m``, ``£1.2m``, ``$160MM``: a magnitude suffix that is one only beside a currency."""
    toks, d = c.toks, c.d
    scales = d.maps.get("money_scales", {})
    if j >= len(toks) or toks[j].low not in scales or toks[j].start - toks[j - 1].end > 1:
        return value, j
    prefix = _prefix_unit(toks, i, d)
    money = prefix is not None and _dimension_of(prefix[0]) == "money"
    if not money and j + 1 < len(toks) and toks[j + 1].start - toks[j].end <= 1:
        after = _unit_at(toks, j + 1, d)
        money = after is not None and _dimension_of(after[0]) == "money"
    return (value * float(scales[toks[j].low]), j + 1) if money else (value, j)


def _with_unit(c: _Ctx, i: int, j: int, value: float) -> tuple[_Qty, int] | None:
    """Attach a range end, a unit or counted noun, or a currency written before the number."""
    toks, d = c.toks, c.d
    high = None
    r = j
    if r + 1 < len(toks) and toks[r].text in _DASHES and toks[r].start == toks[r - 1].end \
            and toks[r].end < toks[r + 1].start and toks[r + 1].low in d.lists.get("range_words", ()):
        r += 1  # ``24- to 30-foot``: a suspended hyphen
    rng = _phrase_at(toks, r, d.lists.get("range_words", ()))
    if rng and r + rng < len(toks):
        nxt = _number(toks, r + rng, d)
        if nxt is not None and nxt[0] > value:
            high, j = nxt
    if high is None and value < 1 and j + 1 < len(toks) and toks[j].low in d.sets.get("one_articles", ()) \
            and _measure_at(toks, j + 1, d):
        j += 1  # ``half a mile``, ``half an hour``: the article is part of the fraction
    start = toks[i].start
    prefix = _prefix_unit(toks, i, d)
    if prefix:
        unit, start = prefix
        return _Qty(value, start, toks[j - 1].end, unit, "number", high), j
    tail = _hyphen_unit(c, j)
    if tail is not None:
        name, kind, factor, end, after, surface = tail
    else:
        if high is None and j < len(toks) and toks[j].low in d.sets.get("other_pronouns", ()):
            # ``killing two workers and wounding two others``: more of the sentence's last counted noun
            return _Qty(value, start, toks[j].end, "", extra={"bare": True}), j + 1
        found = _designation_at(c, j) or _unit_at(toks, j, d) or _after_proper_modifiers(toks, j, d)
        if found is None and j + 1 < len(toks) and toks[j].low in d.sets.get("count_modifiers", ()):
            counted = _unit_at(toks, j + 1, d)  # ``20 more people``, ``five other bank workers``
            if counted is not None:
                found = (counted[0], counted[1], counted[2], counted[3] + 1)
        if found is None:
            return _bare(c, i, j, value) if high is None else None
        name, kind, factor, width = found
        if _YEARLIKE.fullmatch(toks[i].text) and name not in d.units.values() and kind != "duration":
            return None
        if toks[j].low in d.lists.get("time_abbreviations", ()) and j + width < len(toks) \
                and toks[j + width].text[:1].isdigit():
            return None  # ``1 m 28.386s``: a lap time, not one metre
        end = toks[j + width - 1].end if width else toks[j - 1].end
        after, surface = j + width, " ".join(t.low for t in toks[j:j + width])
    name = _resolve_ambiguous(c, i, j, after, surface, name, value)
    half = _phrase_at(toks, after, d.lists.get("and_a_half", ())) if high is None and tail is None else 0
    if half and value == int(value) and (kind == "duration" or _unit_dimensions().get(name)):
        value, after = value + 0.5, after + half  # ``an hour and a half``, ``a mile and a half``
        end = toks[after - 1].end
    if kind == "duration":
        value, high = value * factor, (high * factor if high is not None else None)
    qty = _Qty(value, start, end, name, kind, high, factor)
    part = _part(c, i, after) if tail is None and kind != "duration" else None
    if part:
        qty.extra["part"] = part
    return qty, after


def _part(c: _Ctx, i: int, after: int) -> str | None:
    """The word that makes a count a part of a larger one: ``two other victims``, ``20 more people``,
    ``another 20``, ``the first two games``, ``dua korban lainnya``. Such a count is compared only with
    counts written the same way (the rest of the victims is not all of them)."""
    toks, d = c.toks, c.d
    between = [t.low for t in toks[i + 1:after]]
    found = next((w for w in between if w in d.sets.get("count_modifiers", ())), None)
    if found is None and i >= 1 and toks[i - 1].low in d.sets.get("part_before", ()):
        found = toks[i - 1].low
    if found is None and after < len(toks) and toks[after].low in d.sets.get("part_after", ()):
        found = toks[after].low
    return found


def _prefix_unit(toks: list[_Tok], i: int, d: _Data) -> tuple[str, int] | None:
    """The unit written before the number at ``i`` (``$``, ``Rp``, ``magnitudo``), glued or one space
    away; a unit word may also be joined to it by a hyphen (``magnitude-6.1``)."""
    if i >= 2 and toks[i - 1].text in _DASHES and toks[i - 1].end == toks[i].start \
            and toks[i - 2].end == toks[i - 1].start and toks[i - 2].text[:1].isalpha():
        key = toks[i - 2].low
        if key in d.prefix_units and _dimension_of(d.prefix_units[key]) != "money":
            return d.prefix_units[key], toks[i - 2].start
    if i >= 2 and toks[i - 1].low in d.lists.get("prefix_unit_links", ()) and toks[i - 2].low in d.prefix_units \
            and _dimension_of(d.prefix_units[toks[i - 2].low]) != "money":
        return d.prefix_units[toks[i - 2].low], toks[i - 2].start  # ``a magnitude of 5.9``, ``magnitudo sebesar 6``
    for width in (2, 1):
        if i - width < 0:
            continue
        span = toks[i - width:i]
        if any(a.end != b.start for a, b in itertools.pairwise(span)):
            continue
        key = "".join(t.low for t in span).rstrip(".")
        if key in d.prefix_units and (toks[i].start - span[-1].end) <= 1:
            return d.prefix_units[key], span[0].start
    return None


def _unit_at(toks: list[_Tok], j: int, d: _Data) -> tuple[str, str, float, int] | None:
    """(canonical unit, fact kind, minutes factor, tokens used) of the word(s) at ``j``."""
    if j >= len(toks):
        return None
    for width in (3, 2, 1):
        words = " ".join(t.low for t in toks[j:j + width])
        if len(toks[j:j + width]) < width:
            continue
        if words in d.durations:
            return "minute", "duration", d.durations[words], width
        if words in d.units:
            return d.units[words], "number", 1.0, width
    noun = _noun(toks[j], d)
    return (_head_noun(toks, j, d) if noun else None) or noun


def _hyphen_unit(c: _Ctx, j: int) -> tuple[str, str, float, int, int, str] | None:
    """``90-day``, ``10-metre-long``, ``30-foot``: a measurement unit glued to the number by a hyphen."""
    toks = c.toks
    if j + 1 >= len(toks) or toks[j].text not in _DASHES or toks[j].start != toks[j - 1].end \
            or toks[j].end != toks[j + 1].start or not toks[j + 1].text[:1].isalpha():
        return None
    return _tail_unit(c, toks[j + 1], toks[j + 1].start, j + 2)


def _tail_unit(c: _Ctx, tok: _Tok, offset: int, after: int) -> tuple[str, str, float, int, int, str] | None:
    """The unit at the head of a hyphenated word from ``offset``: ``metre`` of ``metre-long``.

    Only measurement units and durations: a counted noun glued by a hyphen (``AK-47``,
    ``30-homer``) is a modifier, not a quantity of its own."""
    d = c.d
    parts = tok.low[offset - tok.start:].split("-")
    for width in (3, 2, 1):
        if width > len(parts):
            continue
        words = " ".join(parts[:width])
        end = offset + len("-".join(parts[:width]))
        if words in d.durations:
            return "minute", "duration", d.durations[words], end, after, words
        unit = d.units.get(words)
        if unit is not None and unit in _unit_dimensions():
            return unit, "number", 1.0, end, after, words
    return None


def _word_compound(c: _Ctx, i: int) -> tuple[_Qty, int] | None:
    """``three-hour``, ``Sixty-year-old``, ``twenty-four``: number words joined to a unit by hyphens."""
    toks, d = c.toks, c.d
    tok = toks[i]
    parts = tok.low.split("-")
    k = 0
    while k < len(parts) and _is_number_word(parts[k], d):
        k += 1
    if k == len(parts):
        parsed = _number(toks, i, d)
        return _with_unit(c, i, parsed[1], parsed[0]) if parsed is not None else None
    value = _words_value(parts[:k], d) if k else None
    if value is None:
        return None
    offset = tok.start + len("-".join(parts[:k])) + 1
    words = _tail_words(toks, i, offset)
    age = _age_phrase(c, words)
    if age is not None and value == int(value) and 0 < value <= _MAX_AGE:
        end, after = age
        return _age(value, tok.start, end, _subject_after(c, after)), after
    tail = _tail_unit(c, tok, offset, i + 1)
    if tail is None:
        return None
    name, kind, factor, end, after, surface = tail
    name = _resolve_ambiguous(c, i, i, after, surface, name, value)
    return _Qty(value * factor if kind == "duration" else value, tok.start, end, name, kind, None, factor), after


def _head_noun(toks: list[_Tok], j: int, d: _Data) -> tuple[str, str, float, int] | None:
    """``three bank workers``: where modifiers precede the noun (English), a singular noun-like
    word at ``j`` followed by a plural one is a modifier, and the plural word is what is counted."""
    if not d.plural_head or j + 1 >= len(toks) or toks[j + 1].start - toks[j].end != 1:
        return None
    if _is_plural(toks[j].low, d) or not _is_plural(toks[j + 1].low, d):
        return None
    head = _noun(toks[j + 1], d)
    return (head[0], head[1], head[2], 2) if head else None


def _is_plural(low: str, d: _Data) -> bool:
    return any(low.endswith(suffix) and len(low) > len(suffix) + 2 for suffix, _ in d.plural_suffixes) \
        and not low.endswith(("ss", "us", "is"))


def _noun(tok: _Tok, d: _Data) -> tuple[str, str, float, int] | None:
    """A counted noun: a lower-case word that is not a function word or a number word."""
    low = tok.low
    if not tok.text[:1].islower() or len(low) < 3 or low in d.lists.get("not_nouns", ()) \
            or _is_number_word(low, d):
        return None
    if d.reduplication and "-" in low and len(set(low.split("-"))) == 1:
        low = low.split("-")[0]
    if low in d.units:
        return d.units[low], "number", 1.0, 1
    if low in d.durations:
        return "minute", "duration", d.durations[low], 1
    for suffix, repl in d.plural_suffixes:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            single = low[: -len(suffix)] + repl
            return d.units.get(single, single), "number", 1.0, 1
    return low, "number", 1.0, 1


# ---- ambiguous units ("4.5 pounds") ---------------------------------------------------------

def _resolve_ambiguous(c: _Ctx, i: int, j: int, after: int, surface: str, name: str, value: float) -> str:
    """Weight or money? ``pounds`` without a currency sign is read from cue words in the data."""
    spec = c.d.maps.get("ambiguous_units", {}).get(surface)
    if isinstance(spec, str):
        spec = c.d.maps["ambiguous_units"].get(spec)
    if not isinstance(spec, dict):
        return name
    toks, d = c.toks, c.d
    if any(t.low in d.scales or t.low in d.maps.get("money_scales", {}) for t in toks[i:j]):
        return str(spec["with_scale"])
    if after + 1 < len(toks) and toks[after].low in spec.get("of_words", ()) and toks[after + 1].text[:1].islower():
        return str(spec["of_noun"])
    window = int(spec.get("window", 8))
    near = {t.low for t in toks[max(0, i - window):after + window]}
    hits = [unit for unit, words in spec.get("cues", {}).items() if near.intersection(words)]
    if len(hits) == 1:
        return str(hits[0])
    return str(spec["below"] if value < float(spec.get("threshold", 1000)) else spec["above"])


# ---- scores, ages, bare counts -----------------------------------------------------------------

def _score_at(c: _Ctx, i: int, j: int, value: float) -> tuple[_Qty, int] | None:
    """``won 2-1``, ``a 45-35 win``: two small integers joined by a dash, in a sentence about a game."""
    toks = c.toks
    if not c.sports or j != i + 1 or j + 1 >= len(toks) or not _SMALL_INT.fullmatch(toks[i].text):
        return None
    dash, second = toks[j], toks[j + 1]
    if dash.text not in _DASHES or dash.start - toks[i].end > 1 or second.start - dash.end > 1 \
            or not _SMALL_INT.fullmatch(second.text) or _inside(second, c.dated):
        return None  # ``27 - 28 Mei 2017``: the start of a date range
    k = j + 2
    if k < len(toks) and toks[k].start == second.end and toks[k].text in "-–:./," \
            and (toks[k].text not in ".," or (k + 1 < len(toks) and toks[k + 1].start == toks[k].end)):
        return None  # ``4-2-1``, ``2-1/2``, ``1-0.5``
    a, b = int(toks[i].text), int(second.text)
    unit = _unit_at(toks, k, c.d)
    if unit is not None:
        if unit[1] == "duration" or unit[0] in _unit_dimensions():
            return None   # ``3-4 hours``, ``10-15 %``
        if a < b and toks[k].low not in c.d.sets.get("score_cues", ()):
            return None   # ``10-15 people``: a range
    return _Qty(float(a), toks[i].start, second.end, "score", dimension="score", extra={"score": [a, b]}), k


def _age(value: float, start: int, end: int, subject: str | None) -> _Qty:
    extra = {"subject": subject} if subject else {}
    return _Qty(value, start, end, "year_of_age", dimension="age", extra=extra)


def _tail_words(toks: list[_Tok], k: int, offset: int, limit: int = 4) -> list[tuple[str, int, int]]:
    """``(word, end, token)`` from ``offset`` inside token ``k`` on, split at hyphens, across single spaces."""
    out: list[tuple[str, int, int]] = []
    while k < len(toks) and len(out) < limit and toks[k].text[:1].isalpha():
        tok = toks[k]
        pos = max(offset, tok.start)
        for part in tok.low[pos - tok.start:].split("-"):
            out.append((part, pos + len(part), k))
            pos += len(part) + 1
        if k + 1 >= len(toks) or toks[k + 1].start - tok.end != 1:
            break
        k += 1
    return out


def _age_phrase(c: _Ctx, words: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """(end offset, next token) when ``words`` start with ``year-old``/``years old``."""
    for phrase in c.d.lists.get("age_after", ()):
        parts = phrase.replace("-", " ").split()
        if len(words) >= len(parts) and [w for w, _, _ in words[:len(parts)]] == parts:
            _, end, tok = words[len(parts) - 1]
            return end, tok + 1
    return None


def _age_at(c: _Ctx, i: int, j: int, value: float) -> tuple[_Qty, int] | None:
    """``32-year-old``, ``aged 31``, ``berusia 32 tahun``, ``Robert Buckley, 32,``, ``Budi (32)``."""
    toks, d = c.toks, c.d
    if value != int(value) or not 0 < value <= _MAX_AGE or not toks[i].text.isdigit() or j != i + 1:
        return None
    start = toks[i].start
    if j < len(toks):
        glued = toks[j].text in _DASHES and toks[j].start == toks[i].end and j + 1 < len(toks) \
            and toks[j].end == toks[j + 1].start
        if glued or toks[j].start - toks[i].end == 1:
            k = j + 1 if glued else j
            age = _age_phrase(c, _tail_words(toks, k, toks[k].start))
            if age is not None:
                end, after = age
                return _age(value, start, end, _subject_after(c, after)), after
    hedge = _before(toks, i, d.sets.get("approx_before", frozenset()))  # ``berusia lebih dari 50 tahun``
    strong = _before(toks, i, d.sets.get("age_before", frozenset()))
    if not strong and hedge and _before(toks, i - hedge, d.sets.get("age_before", frozenset())):
        strong = _before(toks, i - hedge, d.sets.get("age_before", frozenset())) + hedge
    weak = not strong and _before(toks, i, d.sets.get("age_before_weak", frozenset()))
    listed = c.age_next >= 0 and i == c.age_next + 1 and toks[c.age_next].low in d.sets.get("age_list_joiners", ())
    if strong or weak or listed:
        high = None
        rng = _phrase_at(toks, j, d.lists.get("range_words", ()))
        if rng and j + rng < len(toks) and toks[j + rng].text.isdigit() and value < int(toks[j + rng].text) <= _MAX_AGE:
            high, j = float(toks[j + rng].text), j + rng + 1  # ``umur 25 - 45 tahun``
        k = j + _phrase_at(toks, j, d.lists.get("age_units", ()))
        if k == j:
            unit = _unit_at(toks, j, d)
            if unit is not None and (weak or unit[1] == "duration" or unit[0] in _unit_dimensions()):
                return None  # ``turned 20 pages``, ``aged 5 kg``
        c.age_next = k
        named = i - strong - 1  # ``Sharron Diane Crawford Smith, age 61``
        subject = _subject_before(c, named) if strong and named >= 1 and toks[named].text == "," else None
        qty = _age(value, start, toks[k - 1].end, subject)
        qty.high = high
        return qty, k
    if i >= 2 and toks[i - 1].text in ",(":
        k = j + (_phrase_at(toks, j, d.lists.get("age_units", ())) if toks[i - 1].text == "(" else 0)
        closer = toks[k].text if k < len(toks) else ""
        if toks[i - 1].text == "(" and (closer != ")" or _in_list(c, i - 1, k)):
            return None
        if toks[i - 1].text == "," and closer not in ("", ",", ".", ";", ")"):
            return None
        subject = _subject_before(c, i - 1)
        if subject is None:
            return None
        return _age(value, start, toks[j - 1].end, subject), j
    return None


def _in_list(c: _Ctx, opening: int, closing: int) -> bool:
    """``Bristol City (48), Burton Albion (48)``: a table of figures in brackets, not ages."""
    toks = c.toks
    k = opening - 1
    while k >= 0 and opening - k <= 6 and _capitalised(toks[k]):
        k -= 1
    if k >= 0 and toks[k].low in c.d.sets.get("age_list_joiners", ()) and toks[k].text != ",":
        k -= 1  # ``(44), dan Wigan (40)``
    if k >= 1 and toks[k].text == "," and toks[k - 1].text == ")":
        return True
    k = closing + 1
    joiners = c.d.sets.get("age_list_joiners", frozenset())
    if k < len(toks) and toks[k].text in ",;":
        k += 1 + (k + 1 < len(toks) and toks[k + 1].low in joiners)
        while k < len(toks) and k - closing <= 8 and _capitalised(toks[k]):
            k += 1
        return k + 1 < len(toks) and toks[k].text == "(" and toks[k + 1].text[:1].isdigit()
    return False


def _subject_before(c: _Ctx, comma: int) -> str | None:
    """The capitalised name right before ``, 32,`` / ``(32)``: ``Jose Luis Orozco``, ``Mr. LaCalamita``."""
    toks = c.toks
    end = comma - 1
    if end < 0 or toks[end].end != toks[comma].start and toks[comma].text == ",":
        return None
    k = end
    while k >= 0 and end - k < 6:
        tok = toks[k]
        initial = tok.text == "." and k > 0 and toks[k - 1].end == tok.start and _capitalised(toks[k - 1]) \
            and len(toks[k - 1].text) <= 4 and k < end  # ``Mr. LaCalamita``
        if _capitalised(tok) or initial:
            k -= 1
        else:
            break
    first = k + 1
    while first <= end and not _capitalised(toks[first]):
        first += 1
    if first > end or _inside(toks[end], c.dated):
        return None
    if first == end and (toks[end].low in c.d.stopwords or toks[end].low in c.d.sets.get("labels", ())):
        return None
    return c.text[toks[first].start:toks[end].end]


def _subject_after(c: _Ctx, k: int) -> str | None:
    """The capitalised name right after ``32-year-old``: ``Sharron Diane Crawford Smith``."""
    toks = c.toks
    first = k
    while k < len(toks) and k - first < 6 and _capitalised(toks[k]) and toks[k].low not in c.d.stopwords:
        k += 1
    if k == first or (k < len(toks) and toks[k].low in c.d.sets.get("age_head_nouns", ())):
        return None
    return re.sub(r"['’]s$", "", c.text[toks[first].start:toks[k - 1].end])


def _capitalised(tok: _Tok) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha()


def _bare(c: _Ctx, i: int, j: int, value: float) -> tuple[_Qty, int] | None:
    """``now has 2,301.``: a figure with no noun after it, only where it can only be a count.

    Grouped thousands (``2,301``, ``1.500``) or a scale word (``2.5 million``) anywhere; a plain
    figure of two or more digits only after a verb of having/reaching/totalling and at a clause
    end. Never a year, a code or a number starting with 0 (phone numbers)."""
    toks, d = c.toks, c.d
    tok = toks[i]
    nxt = toks[j] if j < len(toks) else None
    if not tok.text[:1].isdigit():
        return _bare_word(c, i, j, value)
    if tok.text[:1] == "0" and len(tok.text) > 1:
        return None
    if nxt is not None and (nxt.text[:1].isdigit() or (nxt.text in "-–/:" and j + 1 < len(toks)
                                                       and toks[j + 1].text[:1].isdigit())):
        return None  # ``0845 125 2222``, ``10-15``, ``29/4``
    thousands = d.thousands
    grouped = thousands is not None and re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+", tok.text)
    if not grouped and j == i + 1:
        if not tok.text.isdigit() or len(tok.text) < 2 or _YEARLIKE.fullmatch(tok.text):
            return None
        if not _after_verb(c, i, "count_verbs") or not _clause_ends(c, j):
            return None
    return _Qty(value, tok.start, toks[j - 1].end, "", extra={"bare": True}), j


def _bare_word(c: _Ctx, i: int, j: int, value: float) -> tuple[_Qty, int] | None:
    """``shooting three people, killing one,``: a number word alone right after a casualty verb and at a
    clause end counts the sentence's last counted noun. Other number words alone (``had one``) are not
    counts of anything."""
    if not _after_verb(c, i, "casualty_verbs") or not _clause_ends(c, j):
        return None
    return _Qty(value, c.toks[i].start, c.toks[j - 1].end, "", extra={"bare": True}), j


def _after_verb(c: _Ctx, i: int, verbs: str) -> bool:
    """Token ``i`` follows one of the ``verbs`` data list, a hedge between allowed (``killing at least 40``)."""
    found = c.d.sets.get(verbs, frozenset())
    hedge = _before(c.toks, i, c.d.sets.get("approx_before", frozenset()))
    return bool(_before(c.toks, i, found) or (hedge and _before(c.toks, i - hedge, found)))


def _clause_ends(c: _Ctx, j: int) -> bool:
    """Token ``j`` ends a clause: punctuation, a joiner (``and``), or the end of the sentence."""
    nxt = c.toks[j] if j < len(c.toks) else None
    return nxt is None or nxt.text in (".", ",", ";", ":", "!", "?", ")") or nxt.low in c.d.sets.get("clause_joiners", ())


# ---- clock times --------------------------------------------------------------------------------

@cache
def _clock_patterns(langs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str]]:
    d = _data(langs)

    def alt(words, flex: bool = False) -> str:
        ordered = sorted(set(words), key=lambda w: (-len(w), w))
        escaped = [re.escape(w).replace(r"\ ", r"\s?") if flex else re.escape(w) for w in ordered]
        return "|".join(escaped) or r"(?!x)x"

    suffix = alt(d.maps.get("clock_suffixes", {}), flex=True)
    hours = alt(d.lists.get("clock_hours", ()))
    zones = alt(d.lists.get("clock_zones", ()))
    main = re.compile(
        r"(?<![\w.,:/])(?:(?P<h>\d{1,2})(?:(?P<sep>\s?[:.]\s?)(?P<m>[0-5]\d))?|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d))"
        r"(?!\d|[.,:]\d)"
        rf"(?:\s?(?P<suf>(?i:{suffix}))(?!\w))?"
        rf"(?:\s?(?P<hrs>(?i:{hours}))(?!\w))?"
        rf"(?:\s?(?P<zone>(?i:{zones}))(?!\w))?")
    words = d.maps.get("clock_words", {})
    named = re.compile(rf"(?<!\w)(?:{alt(words, flex=True)})(?!\w)", re.IGNORECASE) if words else None
    markers = alt(d.lists.get("clock_before", ()))
    before = re.compile(rf"(?<![\w.])(?i:{markers})\.?\s+$")
    return main, named, before


def _clocks(text: str, d: _Data, langs: tuple[str, ...],
            dated: list[tuple[int, int]]) -> tuple[list[_Qty], list[tuple[int, int]]]:
    """Clock times of a sentence, and the spans they take (a dateline's time is taken, not reported)."""
    main, named, before = _clock_patterns(langs)
    suffixes, weak, words = _clock_tables(langs)
    markers = d.sets.get("time_markers", frozenset())
    found: list[_Qty] = []
    spans: list[tuple[int, int]] = []
    for m in main.finditer(text):
        if _inside_at(m.start(), dated):
            continue
        suf = re.sub(r"\s+", "", (m.group("suf") or "").lower())
        zone, hrs = m.group("zone"), m.group("hrs")
        if zone and not zone[:1].isupper():
            continue  # ``wib`` in lower case is a word, ``WIB``/``Wib`` a zone
        zone = zone.upper() if zone else None
        said = before.search(text, max(0, m.start() - 12), m.start())
        marker = said is not None
        if m.group("hh"):
            word_before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if not (zone or (hrs and (marker or (word_before and word_before.group(1).lower() in markers)))):
                continue
            hour, minute = int(m.group("hh")), int(m.group("mm"))
        else:
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            sep = (m.group("sep") or "").strip()
            strong = bool(suf) and suf not in weak
            if sep == ":":
                ok = True
            elif sep == ".":
                ok = bool(suf) or bool(zone) or marker
            else:
                ok = strong or marker
            if not ok:
                continue
            if not (suf or zone):
                nxt = _NEXT_WORD.match(text, m.end())
                if nxt and (nxt.group(1).lower() in d.units or nxt.group(1).lower() in d.durations):
                    continue  # ``jam 10 menit``, ``at 8.40 percent``
        if hour > 23 or (suf and hour > 12 and suf not in weak and suffixes.get(suf, [0, 0, 0])[1] == 0):
            continue
        if suf in suffixes and hour <= 12:
            low, high, twelve = suffixes[suf]
            hour = twelve if hour == 12 else hour + 12 if low <= hour < high else hour
        start, end = (said.start() if said else m.start()), m.end()  # ``pukul 14.30 WIB``: the marker too
        spans.append((start, end))
        if _after_date(text, start, dated):
            continue  # ``25 April 2019 14:30 WIB``: a dateline's time, page chrome
        extra = {"zone": zone} if zone else {}
        found.append(_Qty(float(hour * 60 + minute), start, end, "clock", dimension="clock", extra=extra))
    if named is not None:
        cues = d.sets.get("clock_word_after", frozenset())
        for m in named.finditer(text):
            if _inside_at(m.start(), dated):
                continue
            value = words.get(re.sub(r"\s+", " ", m.group().lower()))
            prev = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
            if value is not None and prev is not None and prev.group(1).lower() in cues:  # ``at noon``, not ``midnight regulations``
                spans.append((m.start(), m.end()))
                found.append(_Qty(float(value), m.start(), m.end(), "clock", dimension="clock"))
    return found, spans


@cache
def _clock_tables(langs: tuple[str, ...]) -> tuple[dict[str, Any], frozenset[str], dict[str, Any]]:
    """The clock suffixes (``p.m.`` as ``p.m.``, spaces out), the weak ones and the clock words, keyed as
    ``_clocks`` looks them up: made once per language set, not once per sentence."""
    d = _data(langs)
    suffixes = {re.sub(r"\s+", "", k.lower()): v for k, v in d.maps.get("clock_suffixes", {}).items()}
    weak = frozenset(re.sub(r"\s+", "", w.lower()) for w in d.lists.get("clock_weak_suffixes", ()))
    words = {re.sub(r"\s+", " ", k.lower()): v for k, v in d.maps.get("clock_words", {}).items()}
    return suffixes, weak, words


def _after_date(text: str, start: int, dated: list[tuple[int, int]]) -> bool:
    at = bisect.bisect_right(dated, start, key=lambda span: span[0])
    if at == 0:
        return False
    end = dated[at - 1][1]
    return end <= start <= end + 8 and text[end - 1:end].isdigit() and re.fullmatch(r"[\s,|–-]*", text[end:start]) is not None


# ---- facts ------------------------------------------------------------------------------------

def _dimension_of(unit: str | None) -> str | None:
    return _unit_dimensions().get(unit or "")


def _approx(toks: list[_Tok], qty: _Qty, d: _Data, before: str = "approx_before") -> str | None:
    """The hedge written before or after the quantity (``sekitar``, ``more than``, ``lebih``); with
    ``before``, the words of that data list written before it only."""
    start = bisect.bisect_left(toks, qty.start, key=lambda t: t.start)  # tokens are in text order
    for width in (3, 2, 1):
        if start - width >= 0:
            words = " ".join(t.low for t in toks[start - width:start])
            if words in d.sets.get(before, ()):
                return words
    if before != "approx_before":
        return None
    end = bisect.bisect_left(toks, qty.end, key=lambda t: t.start)
    if end < len(toks) and toks[end].low in d.lists.get("approx_after", ()):
        return toks[end].low
    return None


def _bound(word: str, d: _Data) -> str:
    """``min`` (more than), ``max`` (up to, nearly) or ``about``: how the hedge bounds the value."""
    if word in d.lists.get("lower_bound", ()):
        return "min"
    if word in d.lists.get("upper_bound", ()):
        return "max"
    return "about"


def _finish(found: list[_Qty], c: _Ctx, sentence: Sentence, document: Document) -> list[Fact]:
    """Facts in text order: a bare count takes the sentence's last counted noun; a bracketed
    value right after another of its dimension is marked as that one's conversion."""
    facts: list[Fact] = []
    last_noun = ""
    for qty in sorted(found, key=lambda q: (q.start, q.end)):
        if qty.extra.pop("bare", False):
            qty.unit = last_noun
        _signed(qty, c)
        fact = _fact(qty, c, sentence, document)
        if fact.attrs["dimension"] == "count" and qty.unit and qty.unit != "times":
            last_noun = qty.unit
        if facts and _converts(facts[-1], fact, c.text, sentence.start):
            fact.attrs["converted_from"] = facts[-1].text
        facts.append(fact)
    return facts


def _signed(qty: _Qty, c: _Ctx) -> None:
    """``minus 17 degrees``, ``minus-20``: a sign word right before a temperature makes it negative (and
    joins the fact's words). Other quantities are never negative in news (``minus two players``: fewer)."""
    if (_dimension_of(qty.unit) != "temperature" and qty.dimension != "temperature") or qty.high is not None:
        return  # a range after "minus" (minus 10 to 15?) is left as written
    at = bisect.bisect_left(c.toks, qty.start, key=lambda t: t.start)
    if at >= 2 and c.toks[at - 1].text in _DASHES and c.toks[at - 1].end == qty.start \
            and c.toks[at - 2].end == c.toks[at - 1].start:
        at -= 1
    if at >= 1 and c.toks[at - 1].low in c.d.sets.get("minus_words", frozenset()):
        qty.value = -qty.value
        qty.start = c.toks[at - 1].start


_BRACKET = re.compile(r"\s*(?:[^\W\d_]+\.?\s+){0,3}[(\[]\s*(?:[^\W\d_]+\s+){0,2}")
"""Between a value and its conversion: a bracket (``25 km (15 miles)``, ``6:41pm PST this evening
(0241 GMT``), then at most two hedge words. A conversion after ``or``/``atau`` is not marked: there
the second figure is often an outlet's own sum (``US$ 450 juta atau setara dengan Rp 5,85 triliun``)."""


def _converts(first: Fact, second: Fact, text: str, base: int) -> bool:
    """``25 km (15 miles)``, ``200 million euros ($265.3 million)``, ``$US1 million ($1.52 million)``,
    ``1353 (1023 GMT)``."""
    dim = first.attrs["dimension"]
    if dim != second.attrs["dimension"] or dim not in _CONVERTIBLE:
        return False
    if dim == "clock":
        if first.attrs.get("zone") == second.attrs.get("zone"):
            return False
    elif first.attrs.get("unit") == second.attrs.get("unit") and dim != "money":
        return False  # "$US1 million ($1.52 million)": one dollar sign for two currencies, still a conversion
    return _BRACKET.fullmatch(text, first.end - base, second.start - base) is not None


def _fact(qty: _Qty, c: _Ctx, sentence: Sentence, document: Document) -> Fact:
    d = c.d
    start, end = sentence.start + qty.start, sentence.start + qty.end
    if qty.dimension is not None:
        dimension = qty.dimension
    elif qty.kind == "duration":
        dimension = "duration"
    else:
        dimension = _dimension_of(qty.unit) or "count"
    attrs: dict[str, Any] = {"unit": qty.unit, "dimension": dimension}
    approx = _approx(c.toks, qty, d)
    deadline = _approx(c.toks, qty, d, "clock_deadline") if dimension == "clock" and not approx else None
    if deadline:
        attrs["approx"], attrs["bound"] = deadline, "max"  # ``extinguished by 7 a.m.``: at 7 or before
    elif approx:
        attrs["approx"] = approx
        attrs["bound"] = _bound(approx, d)
        if approx in d.sets.get("near_words", ()):
            attrs["near"] = True
    if qty.high is not None:
        attrs["low"], attrs["high"] = qty.value, qty.high
    attrs.update(qty.extra)
    return Fact(kind=qty.kind, value=float(f"{qty.value:.12g}"), text=document.source[start:end],
                start=start, end=end, document=document.id, sentence=sentence.index, attrs=attrs)
