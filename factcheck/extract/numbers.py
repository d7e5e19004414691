"""Numbers and durations with the unit or counted noun they attach to.

A quantity is only comparable with its unit, so a number with no unit or noun
after it (a score, a bare figure) yields no fact. Durations become minutes so
``tiga jam`` and ``180 menit`` compare equal. Dates, years, times of day,
codes (``KN-23``), labels (``Pasal 5``) and idioms (``empat mata``) are skipped.
Separators, number words, units and idioms come from ``lang/<code>/numbers.json``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..model import Document, Fact, Sentence
from ..registry import extractors
from . import _lang

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[%$€£]|\S")
_YEARLIKE = re.compile(r"(?:1[89]|20|21)\d\d")


@dataclass(frozen=True)
class _Tok:
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


@dataclass
class _Qty:
    value: float
    start: int
    end: int
    unit: str | None = None
    kind: str = "number"
    high: float | None = None
    per: float = 1.0          # minutes in one of the duration's written unit


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
    )


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
def extract(sentence: Sentence, document: Document) -> list[Fact]:
    """Number and duration facts of one sentence, offsets into ``document.source``."""
    langs = _langs(document.language)
    if not langs:
        return []
    d = _data(langs)
    text = sentence.text
    toks = [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    blocked = _blocked_spans(sentence, document, text, d)
    facts, i = [], 0
    while i < len(toks):
        found = _quantity_at(toks, i, d, text, blocked)
        if found is None:
            i += 1
            continue
        qty, nxt = found
        qty, nxt = _compound(qty, nxt, toks, d, text, blocked)
        facts.append(_fact(qty, toks, i, d, sentence, document))
        i = nxt
    return facts


def _compound(qty: _Qty, nxt: int, toks: list[_Tok], d: _Data, text: str,
              blocked: list[tuple[int, int]]) -> tuple[_Qty, int]:
    """``4 menit 36,223 detik``, ``2 hours 15 minutes``: one duration, summed.

    Only a smaller unit written right after (optionally joined by ``dan``/``and``)
    continues the duration; ``3 jam 5 jam`` or ``5 menit 2 jam`` stay apart.
    """
    while qty.kind == "duration" and qty.high is None and nxt < len(toks):
        k = nxt + _phrase_at(toks, nxt, d.lists.get("compound_joiners", ()))
        if k >= len(toks):
            break
        found = _quantity_at(toks, k, d, text, blocked)
        if found is None:
            break
        part, after = found
        if part.kind != "duration" or part.high is not None or not part.per < qty.per \
                or text[qty.end:part.start].strip(" ,") not in ("", *d.lists.get("compound_joiners", ())):
            break
        qty = _Qty(qty.value + part.value, qty.start, part.end, "minute", "duration", None, part.per)
        nxt = after
    return qty, nxt


def _blocked_spans(sentence: Sentence, document: Document, text: str, d: _Data) -> list[tuple[int, int]]:
    from . import dates  # imported here: dates imports this module's number words

    spans = list(dates.spans(sentence, document))
    spans.extend((m.start(), m.end()) for m in _idioms(d.lists.get("idioms", ())).finditer(text))
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
    """``blocked`` is sorted and disjoint (``_blocked_spans``): a bisect, not a scan per token."""
    at = bisect.bisect_right(blocked, tok.start, key=lambda span: span[0])
    return at > 0 and tok.start < blocked[at - 1][1]


def _quantity_at(toks: list[_Tok], i: int, d: _Data, text: str,
                 blocked: list[tuple[int, int]]) -> tuple[_Qty, int] | None:
    """A quantity starting at token ``i`` and the index after it, or None."""
    if _inside(toks[i], blocked) or not _may_start(toks, i, d, text):
        return None
    if toks[i].low in d.fixed_multipliers:
        return _multiplied(toks, i + 1, d.fixed_multipliers[toks[i].low], toks[i].start, d, text, blocked)
    glued = _glued_one(toks[i], d)
    if glued is not None:
        return glued, i + 1
    parsed = _number(toks, i, d)
    if parsed is None:
        return None
    value, j = parsed
    if _is_time_or_code(toks, i, j, text, d):
        return None
    times = _phrase_at(toks, j, d.lists.get("times_words", ()))
    if times:
        return _multiplied(toks, j + times, value, toks[i].start, d, text, blocked)
    return _with_unit(toks, i, j, value, d, text)


def _may_start(toks: list[_Tok], i: int, d: _Data, text: str) -> bool:
    tok = toks[i]
    is_digit = tok.text[:1].isdigit()
    if not is_digit and tok.low not in d.words and tok.low not in d.fixed_multipliers \
            and not _glued_one(tok, d) and not _hyphen_words(tok.low, d):
        return False
    if i > 0 and toks[i - 1].low in d.lists.get("labels", ()):
        return False
    if i > 1 and toks[i - 1].text in "-–" and toks[i - 2].low in d.lists.get("labels", ()):
        return False
    if is_digit and i > 0 and _is_name_word(toks[i - 1], d):
        return False
    if is_digit and i > 0 and toks[i - 1].end == tok.start:
        prev = toks[i - 1]
        if prev.text[:1].isalpha() and prev.low not in d.prefix_units:
            return False
        if prev.text in "-/." and i > 1 and toks[i - 2].end == prev.start:
            return False
    return True


def _is_name_word(tok: _Tok, d: _Data) -> bool:
    """``Sportster 883``, ``Pasal 135``: a number right after a capitalised word names a thing."""
    return (tok.text[:1].isupper() and tok.text[:1].isalpha() and tok.low not in d.prefix_units
            and tok.low not in d.lists.get("approx_before", ()) and tok.start > 0)


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


def _number(toks: list[_Tok], i: int, d: _Data) -> tuple[float, int] | None:
    """The value of digits (+ scale words) or a run of number words at ``i``."""
    if toks[i].text[:1].isdigit():
        value = _parse_digits(toks[i].text, d)
        j = i + 1
        while value is not None and j < len(toks) and toks[j].low in d.scales:
            value, j = value * d.scales[toks[j].low], j + 1
        return (value, j) if value is not None else None
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


def _multiplied(toks: list[_Tok], j: int, factor: float, start: int, d: _Data, text: str,
                blocked: list[tuple[int, int]]) -> tuple[_Qty, int] | None:
    """``dua kali lipat dari 50 menit`` = 100 minutes; ``twice the scheduled 50 minutes``."""
    j += _phrase_at(toks, j, d.lists.get("times_link", ()))
    for skip in range(3):
        k = j + skip
        if k >= len(toks):
            break
        found = _quantity_at(toks, k, d, text, blocked)
        if found is not None and found[0].unit:
            qty, nxt = found
            return _Qty(qty.value * factor, start, qty.end, qty.unit, qty.kind), nxt
    return None


def _with_unit(toks: list[_Tok], i: int, j: int, value: float, d: _Data, text: str) -> tuple[_Qty, int] | None:
    """Attach a range end, a unit or counted noun, or a currency written before the number."""
    high = None
    rng = _phrase_at(toks, j, d.lists.get("range_words", ()))
    if rng and j + rng < len(toks):
        nxt = _number(toks, j + rng, d)
        if nxt is not None and nxt[0] > value:
            high, j = nxt
    start = toks[i].start
    prefix = _prefix_unit(toks, i, d)
    if prefix:
        unit, start = prefix
        return _Qty(value, start, toks[j - 1].end, unit, "number", high), j
    found = _unit_at(toks, j, d)
    if found is None:
        return None
    name, kind, factor, width = found
    if _YEARLIKE.fullmatch(toks[i].text) and name not in d.units.values() and kind != "duration":
        return None
    if toks[j].low in d.lists.get("time_abbreviations", ()) and j + width < len(toks) \
            and toks[j + width].text[:1].isdigit():
        return None  # ``1 m 28.386s``: a lap time, not one metre
    if kind == "duration":
        value, high = value * factor, (high * factor if high is not None else None)
    end = toks[j + width - 1].end if width else toks[j - 1].end
    return _Qty(value, start, end, name, kind, high, factor), j + width


def _prefix_unit(toks: list[_Tok], i: int, d: _Data) -> tuple[str, int] | None:
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


def _approx(toks: list[_Tok], i: int, qty: _Qty, d: _Data) -> str | None:
    """The hedge written before or after the quantity (``sekitar``, ``more than``, ``lebih``)."""
    start = bisect.bisect_left(toks, qty.start, key=lambda t: t.start)  # tokens are in text order
    start = i if start == len(toks) else start
    for width in (3, 2, 1):
        if start - width >= 0:
            words = " ".join(t.low for t in toks[start - width:start])
            if words in d.lists.get("approx_before", ()):
                return words
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


def _fact(qty: _Qty, toks: list[_Tok], i: int, d: _Data, sentence: Sentence,
          document: Document) -> Fact:
    start, end = sentence.start + qty.start, sentence.start + qty.end
    attrs: dict[str, Any] = {"unit": qty.unit}
    approx = _approx(toks, i, qty, d)
    if approx:
        attrs["approx"] = approx
        attrs["bound"] = _bound(approx, d)
    if qty.high is not None:
        attrs["low"], attrs["high"] = qty.value, qty.high
    return Fact(kind=qty.kind, value=float(f"{qty.value:.12g}"), text=document.source[start:end],
                start=start, end=end, document=document.id, sentence=sentence.index, attrs=attrs)
