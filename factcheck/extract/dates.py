"""Dates and weekdays, with their granularity, resolved against the publication date.

Our own regexes, built from ``lang/<code>/dates.json``, find the common shapes
(``Kamis, 25 April 2019``, ``(25/4)``, ``May 3, 2013``, ``pekan lalu``,
``24 tahun lalu``, ``last Thursday``) because dateparser, measured on the
seeds, ignores weekdays, fills a missing day or month from the reference date,
finds dates inside words (``sehari``), misses ``pekan lalu`` and number words,
and costs ~0.3 s per search. dateparser is kept for languages we have no data
for. A date keeps its granularity so a year is never compared as a day.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

from ..model import Document, Fact, Sentence
from ..registry import extractors
from . import _lang
from .numbers import number_word_pattern, parse_number

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_END = r"(?![\w/]|[.,]\d)"
_START = r"(?<![\w/.,:-])"
_TIME_AFTER = re.compile(r"\s*[,|]?\s*\d{1,2}(?::\s?|\.)\d{2}(?!\d)")  # matched at a position
# A dateline opens its line: ``fin.co.id - 19/06/2024``, ``JAKARTA, detik.com | Senin (12/5)``.
# A site named inside a sentence (``kata Erwan kepada CNNIndonesia.com, Jumat (11/8)``) is a
# source of a quote, and the date after it is the event's.
_DATELINE_MAX = 300
_DOMAIN_BEFORE = re.compile(r"(?:^|\n)[^\w\n]*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s*,\s*)?"
                            r"[\w-]+(?:\.[\w-]+)+(?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
                            r"\s*[-–—|,]+\s*$")


@dataclass
class _Hit:
    """A date expression found in a sentence, before it becomes a Fact."""

    start: int
    end: int
    kind: str
    value: Any
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Data:
    months: dict[str, int]
    weekdays: dict[str, int]
    lists: dict[str, tuple[str, ...]]
    relative_days: dict[str, int]
    period_units: dict[str, str]
    order: str
    month_first: bool
    one_glued: str


@extractors.register("dates")
def extract(sentence: Sentence, document: Document) -> list[Fact]:
    """Date and weekday facts of one sentence, offsets into ``document.source``."""
    facts = []
    for hit in find(sentence, document):
        if hit.value is None:
            continue
        start, end = sentence.start + hit.start, sentence.start + hit.end
        value, attrs = hit.value, hit.attrs
        if document.published is None and str(value).startswith("--") and isinstance(attrs.get("weekday"), int):
            year = weekday_year(str(value), attrs["weekday"], _document_years(document))
            if year is not None:
                value, attrs = f"{year}{str(value)[1:]}", {**attrs, "year_inferred": True, "year_from": "weekday"}
        facts.append(Fact(kind=hit.kind, value=value, text=document.source[start:end],
                          start=start, end=end, document=document.id,
                          sentence=sentence.index, attrs=attrs))
    return facts


def weekday_year(monthday: str, weekday: int, years: list[int]) -> int | None:
    """The year of a year-less ``--MM-DD`` written with its weekday, in an undated article: the first
    year, from the latest the article mentions on, in which that day falls on that weekday
    (``Sabtu 5 Juni`` after "KTT Hanoi pada 2019" is 2021). None when the article names no year."""
    if not years:
        return None
    month, day = int(monthday[2:4]), int(monthday[5:7])
    for year in range(max(years), max(years) + 12):
        try:
            if date(year, month, day).weekday() == weekday:
                return year
        except ValueError:
            return None
    return None


def _document_years(document: Document) -> list[int]:
    """The years an article's explicit dates name (kept with the document)."""
    return document.derived("years_named", document.sentences, lambda: sorted(
        {int(str(h.value)[:4]) for s in document.sentences for h in find(s, document)
         if h.kind == "date" and not h.attrs.get("relative") and str(h.value)[:4].isdigit()}))


def spans(sentence: Sentence, document: Document) -> list[tuple[int, int]]:
    """Sentence-relative spans taken by dates, datelines and times (numbers skip them)."""
    return [(h.start, h.end) for h in _find_all(sentence.text, document.language,
                                                  document.published, keep_chrome=True)]


def find(sentence: Sentence, document: Document) -> list[_Hit]:
    return _find_all(sentence.text, document.language, document.published, keep_chrome=False)


@lru_cache(maxsize=4096)
def _find_cached(text: str, lang: str, published: date | None) -> tuple[_Hit, ...]:
    langs = _lang.languages_for(lang, "dates")
    if not langs:
        return tuple(_dateparser_hits(text, lang, published))
    data = _data(langs)
    hits: list[tuple[bool, _Hit]] = [(True, hit) for hit in _citations(text, data)]
    digits = _DIGIT.search(text) is not None
    for rank, finder in enumerate(_FINDERS):
        if digits or finder not in _WRITE_DIGITS:
            hits.extend((rank == 0, hit) for hit in finder(text, data, langs, published))
    return tuple(_merge_qualifiers(_non_overlapping(hits), text))


_BETWEEN_QUALIFIER = re.compile(r"[\s,()]*")
_SPACES = re.compile(r"\s+")


def _merge_qualifiers(hits: list[_Hit], text: str) -> list[_Hit]:
    """``kemarin (12/5)``, ``hari ini, Minggu (11/6)``, ``Senin (21/8) kemarin``: one date.

    A relative day or week written right beside an explicit day date only
    qualifies it; the explicit date is the value and the span covers both, so
    the sentence holds one date, not two.
    """
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        hit = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and _BETWEEN_QUALIFIER.fullmatch(text[hit.end:nxt.start]):
            if _is_qualifier(hit) and _is_explicit_day(nxt):
                out.append(_Hit(hit.start, nxt.end, nxt.kind, nxt.value, {**nxt.attrs, "qualified": True}))
                i += 2
                continue
            if _is_explicit_day(hit) and _is_qualifier(nxt):
                out.append(_Hit(hit.start, nxt.end, hit.kind, hit.value, {**hit.attrs, "qualified": True}))
                i += 2
                continue
        out.append(hit)
        i += 1
    return out


def _is_qualifier(hit: _Hit) -> bool:
    return (hit.kind == "date" and bool(hit.attrs.get("relative"))
            and hit.attrs.get("granularity") in ("day", "week"))


def _is_explicit_day(hit: _Hit) -> bool:
    return hit.kind == "date" and not hit.attrs.get("relative") and hit.attrs.get("granularity") == "day"


def _find_all(text: str, lang: str, published: date | None, keep_chrome: bool) -> list[_Hit]:
    hits = list(_find_cached(text, lang or "und", published))
    if keep_chrome:
        return hits
    return [h for h in hits if h.kind != "chrome"]


def _citations(text: str, d: _Data) -> list[_Hit]:
    """Law and decree citations (``UU Nomor 31 Tahun 1999``, ``Law No. 31 of 1999``): spans that are
    neither a date (the year dates no occasion) nor a quantity (``20 Tahun`` of ``No. 20 Tahun 2001``)."""
    patterns = _citation_patterns(d.lists.get("citation_patterns", ()))
    return [_Hit(m.start(), m.end(), "chrome", None, {}) for pattern in patterns for m in pattern.finditer(text)]


@cache
def _citation_patterns(sources: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in sources)


def _non_overlapping(ranked: list[tuple[bool, _Hit]]) -> list[_Hit]:
    """Full dates first, then the earliest and longest match; overlapping ones are dropped."""
    chosen: list[_Hit] = []
    spans: list[tuple[int, int]] = []  # the chosen ones, disjoint, by start: bisected, not scanned
    order = sorted(ranked, key=lambda r: (not r[0], r[1].start, -(r[1].end - r[1].start), r[1].kind))
    for _, hit in order:
        at = bisect.bisect_left(spans, (hit.end, -1))  # chosen spans starting before hit.end
        if at and spans[at - 1][1] > hit.start:
            continue
        bisect.insort(spans, (hit.start, hit.end))
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


# ---- language data and patterns -------------------------------------------------------

@cache
def _data(langs: tuple[str, ...]) -> _Data:
    merged: dict[str, Any] = {}
    lists: dict[str, set[str]] = {}
    for code in langs:
        raw = _lang.load(code, "dates")
        for key in ("months", "weekdays", "relative_days", "period_units"):
            merged.setdefault(key, {}).update(raw.get(key, {}))
        for key, value in raw.items():
            if isinstance(value, list):
                lists.setdefault(key, set()).update(value)
    first = _lang.load(langs[0], "dates")
    order = first.get("numeric_order", "dmy") if len(langs) == 1 else "dmy"
    return _Data(
        months=merged.get("months", {}), weekdays=merged.get("weekdays", {}),
        lists={k: tuple(sorted(v)) for k, v in lists.items()},
        relative_days=merged.get("relative_days", {}), period_units=merged.get("period_units", {}),
        order=order,
        month_first=any(_lang.load(c, "dates").get("month_first") for c in langs),
        one_glued="|".join(sorted({_lang.load(c, "dates").get("one_glued", "") for c in langs} - {""})),
    )


def _alt(words) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or r"(?!x)x"


@cache
def _patterns(langs: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    d = _data(langs)
    wd = _alt(d.weekdays)
    mo = rf"(?:{_alt(m for m in d.months if len(m) > 4)}|(?:{_alt(m for m in d.months if len(m) <= 4)})\.?)"
    longest = {n: max((m for m in d.months if d.months[m] == n), key=len) for n in set(d.months.values())}
    full_mo = _alt(m for m in d.months if len(m) > 3 or m == longest[d.months[m]])  # ``May``, ``Mei``
    parts = _alt(d.lists.get("day_parts", ()))
    # Written so that no run of spaces can be split two ways (``\s*,?\s*``) and whitespace before the
    # day is only taken after a bracket: either made a long run of spaces quadratic to scan.
    lead = rf"(?:(?P<wd>{wd})\.?(?:\s+(?:{parts}))?\s*(?:,\s*)?)?(?:(?P<open>\()\s*)?"
    close = r"(?:(?(open)\s*\)|))"
    num = rf"(?:\d+(?:[.,]\d+)?|{number_word_pattern(langs)})"
    units = _alt(d.period_units)
    one = _alt(d.lists.get("one_words", ()))
    glued = d.one_glued or r"(?!x)x"
    count = rf"(?:(?P<n>{num})\s+|(?P<one>{one})\s+|(?P<glued>{glued}))"
    p = {
        "dmy": rf"{_START}{lead}(?P<d>\d{{1,2}})\s+(?P<m>{mo})(?:\s*(?:,\s*)?(?P<y>{_YEAR}))?{close}{_END}",
        "numeric": rf"{_START}{lead}(?P<a>\d{{1,2}}) ?/ ?(?P<b>\d{{1,2}})(?: ?/ ?(?P<c>\d{{4}}|\d{{2}}))?(?!\d){close}{_END}",
        "dashed": rf"{_START}{lead}(?P<a>\d{{1,2}})([-.])(?P<b>\d{{1,2}})\2(?P<c>{_YEAR}){close}{_END}",
        # ISO 8601 (``2019-03-12``): year first, then month, then day, in every language
        "iso": rf"{_START}{lead}(?P<c>{_YEAR})-(?P<m2>0?[1-9]|1[0-2])-(?P<d2>0?[1-9]|[12]\d|3[01])(?!-\d){close}{_END}",
        "month_year": rf"{_START}(?P<m>{mo}),?\s+(?P<y>{_YEAR}){_END}",  # ``February 2003``, ``February, 2003``
        "month_rel": rf"(?<!\w)(?:(?P<pre>{_alt(d.lists.get('month_prefix', ()))}|"
                     rf"{_alt(d.lists.get('last_month_before', ()))})\s+)?(?P<m>{full_mo})"
                     rf"(?:\s+(?P<post>{_alt(d.lists.get('last_month_after', ()))}))?(?!\w)",
        "year": rf"(?<!\w)(?:(?P<pre>{_alt(d.lists.get('year_prefix', ()))})\s+)?(?P<y>{_YEAR})"
                rf"(?!-?an\b|\s*[-–/]\s*\d|\w|[.,]\d)(?:\s+(?P<post>{_alt(d.lists.get('last_period', ()))}))?",
        "ago": rf"(?<!\w){count}(?P<u>{units})\s+(?P<dir>{_alt(d.lists.get('ago', ()) + d.lists.get('later', ()))})(?!\w)",
        "offset": rf"(?<!\w){count}(?P<u>{units})\s+(?P<dir>{_alt(d.lists.get('after', ()) + d.lists.get('before', ()))})(?!\w)",
        "period": rf"(?<!\w)(?:(?P<pre>{_alt(d.lists.get('last_period_before', ()) + d.lists.get('next_period_before', ()))})\s+)?"
                  rf"(?P<u>{units})(?:\s+(?P<post>{_alt(d.lists.get('last_period', ()) + d.lists.get('next_period', ()) + d.lists.get('this_period_words', ()))}))?(?!\w)",
        "relday": rf"(?<!\w)(?P<r>{_alt(d.relative_days)})(?!\w)",
        "weekday": rf"(?<!\w)(?:(?P<pre>{_alt(d.lists.get('weekday_prefix', ()) + d.lists.get('last_weekday_before', ()))})\s+)?"
                   rf"(?P<wd>{wd})(?!\w)(?:\s+(?P<post>{_alt(d.lists.get('last_weekday_after', ()))})(?!\w))?",
    }
    if d.month_first:
        # ``Dec. 14`` and, glued after the abbreviation's point, ``Dec.14``
        p["mdy"] = (rf"{_START}{lead}(?P<m>{mo})(?:\s+|(?<=\.))(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
                    rf"(?:\s*,\s*(?P<y>{_YEAR})|\s+(?P<y2>{_YEAR}))?{close}{_END}")
    return {k: re.compile(v, re.IGNORECASE) for k, v in p.items()}


# ---- finders: each turns one pattern's matches into hits ---------------------------------

def _full_dates(text: str, d: _Data, langs, published) -> list[_Hit]:
    pats = _patterns(langs)
    hits = []
    for name in ("dmy", "mdy", "numeric", "dashed", "iso"):
        if name not in pats:
            continue
        for m in pats[name].finditer(text):
            hit = _full_date_hit(m, name, d, published)
            if hit is not None:
                hits.append(_mark_chrome(hit, text))
    return hits


def _full_date_hit(m: re.Match[str], name: str, d: _Data, published) -> _Hit | None:
    g = m.groupdict()
    if name in ("dmy", "mdy"):
        if not _month_ok(m.group("m"), d):
            return None
        day, month, year = int(g["d"]), d.months[g["m"].lower().rstrip(".")], g.get("y") or g.get("y2")
    elif name == "iso":
        day, month, year = int(g["d2"]), int(g["m2"]), g["c"]
    else:
        day, month = _day_month(int(g["a"]), int(g["b"]), d.order)
        year = g.get("c")
    year_val = _full_year(year) if year else None
    weekday = _weekday_value(g.get("wd"), d)
    if g.get("wd") and weekday is None:
        return None
    resolved, inferred = _resolve_day(day, month, year_val, weekday, published)
    if resolved is None:
        return None
    attrs: dict[str, Any] = {"granularity": "day", "relative": False}
    if weekday is not None:
        attrs["weekday"] = weekday
    if inferred:
        attrs["year_inferred"] = True
    return _Hit(m.start(), m.end(), "date", resolved, attrs)


def _month_ok(word: str, d: _Data) -> bool:
    """Ambiguous month words (``may``) only count when capitalised."""
    return word.lower().rstrip(".") not in d.lists.get("month_ambiguous", ()) or word[:1].isupper()


def _day_month(a: int, b: int, order: str) -> tuple[int, int]:
    if order == "mdy" and a <= 12 < b:
        return b, a
    if order == "mdy" and a <= 12:
        return b, a
    return a, b


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _weekday_value(word: str | None, d: _Data) -> int | None:
    if not word:
        return None
    return d.weekdays.get(word.lower().rstrip("."))


def _resolve_day(day: int, month: int, year: int | None, weekday: int | None,
                 published: date | None) -> tuple[str | None, bool]:
    """ISO value of a day date; a missing year comes from the publication date.

    The nearest candidate year to publication wins (past preferred); the written
    weekday picks another year only when the nearest is more than 60 days away.
    """
    if year is not None:
        return (_iso(year, month, day), False)
    if published is None:
        return (f"--{month:02d}-{day:02d}", True) if _valid(2000, month, day) else (None, True)
    cands = _year_candidates(month, day, published)
    if not cands:
        return None, True
    best = cands[0]
    if weekday is not None and best.weekday() != weekday and abs((best - published).days) > 60:
        fitting = [c for c in cands if c.weekday() == weekday]
        best = fitting[0] if fitting else best
    return best.isoformat(), True


def _year_candidates(month: int, day: int, published: date) -> list[date]:
    """That day in the years around ``published``, nearest first (a later one counting 30 days
    further: reporting is of the past)."""
    cands = [c for y in (published.year - 1, published.year, published.year + 1)
             if (c := _safe_date(y, month, day)) is not None]
    return sorted(cands, key=lambda c: (abs((c - published).days) + (30 if c > published else 0), c))


def nearest_day(month: int, day: int, published: date) -> date | None:
    """The date a year-less ``day``/``month`` is read as in an article published on ``published``."""
    cands = _year_candidates(month, day, published)
    return cands[0] if cands else None


def weekday_dates(text: str, language: str) -> set[tuple[int, int, int]]:
    """Distinct year-less day dates written with a capitalised weekday in ``text``, as (weekday
    0=Monday, month, day): "Senin (27/3)", "Sabtu 5 Juni", "Monday, March 27". What the ingest
    checks a publication date's year against; a lower-case weekday is left out (Indonesian
    "minggu" is also "week")."""
    langs = _lang.languages_for(language, "dates")
    if not langs:
        return set()
    # Only the full-date finder: a whole page is scanned, not one sentence, and no other finder
    # writes a weekday beside a day and month.
    return {(int(h.attrs["weekday"]), int(h.value[2:4]), int(h.value[5:7]))
            for h in _full_dates(text, _data(langs), langs, None)
            if h.kind == "date" and str(h.value).startswith("--") and "weekday" in h.attrs
            and text[h.start:h.start + 1].isupper()}


def _valid(year: int, month: int, day: int) -> bool:
    return _safe_date(year, month, day) is not None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    found = _safe_date(year, month, day)
    return found.isoformat() if found else None


def _mark_chrome(hit: _Hit, text: str) -> _Hit:
    """A date followed by a clock time, or after an outlet domain, is a dateline."""
    # Matched in place, the look-back limited to a dateline's length: slicing the text before and
    # after every hit is quadratic on a long line with many dates.
    if _TIME_AFTER.match(text, hit.end) or _DOMAIN_BEFORE.search(text, max(0, hit.start - _DATELINE_MAX),
                                                                 hit.start):
        return _Hit(hit.start, hit.end, "chrome", None, {})
    return hit


def _month_years(text: str, d: _Data, langs, published) -> list[_Hit]:
    hits = []
    for m in _patterns(langs)["month_year"].finditer(text):
        if _month_ok(m.group("m"), d):
            value = f"{int(m.group('y')):04d}-{d.months[m.group('m').lower().rstrip('.')]:02d}"
            hits.append(_mark_chrome(_Hit(m.start(), m.end(), "date", value,
                                          {"granularity": "month", "relative": False}), text))
    return hits


def _month_relative(text: str, d: _Data, langs, published) -> list[_Hit]:
    """A month name alone (``Februari lalu``, ``pada bulan Maret``): the latest such month."""
    hits = []
    for m in _patterns(langs)["month_rel"].finditer(text):
        if not (m.group("pre") or m.group("post")) or not m.group("m")[:1].isupper():
            continue
        month = d.months[m.group("m").lower()]
        if published is None:  # no year to infer: the month alone (``in December``), compared by month
            if not _is_last(m.group("pre"), d) and not m.group("post"):
                hits.append(_Hit(m.start("m"), m.end(), "date", f"--{month:02d}",
                                 {"granularity": "month", "relative": False}))
            continue
        strict = bool(m.group("post")) or (m.group("pre") or "").lower() in d.lists.get("last_month_before", ())
        year = published.year if (month < published.month or (month == published.month and not strict)) \
            else published.year - 1
        start = m.start("m") if not _is_last(m.group("pre"), d) else m.start()
        hits.append(_Hit(start, m.end(), "date", f"{year:04d}-{month:02d}",
                         {"granularity": "month", "relative": True}))
    return hits


def _is_last(word: str | None, d: _Data) -> bool:
    return word is not None and bool(word) and word.lower() in d.lists.get("last_month_before", ())


def _years(text: str, d: _Data, langs, published) -> list[_Hit]:
    hits = []
    for m in _patterns(langs)["year"].finditer(text):
        if not (m.group("pre") or m.group("post")):
            continue
        end = m.end() if m.group("post") else m.end("y")
        hits.append(_mark_chrome(_Hit(m.start("y"), end, "date", m.group("y"),
                                      {"granularity": "year", "relative": False}), text))
    return hits


def _count(m: re.Match[str], langs) -> float | None:
    if m.group("one") or m.group("glued"):
        return 1.0
    return parse_number(m.group("n"), langs)


def _agos(text: str, d: _Data, langs, published) -> list[_Hit]:
    """``24 tahun lalu``, ``two days ago``, ``dua tahun lagi``: counted back from publication."""
    hits = []
    for m in _patterns(langs)["ago"].finditer(text):
        n = _count(m, langs)
        if n is None or n != int(n):
            continue
        sign = 1 if m.group("dir").lower() in d.lists.get("later", ()) else -1
        unit = d.period_units[_norm(m.group("u"))]
        hits.append(_relative_hit(m.start(), m.end(), published, sign * int(n), unit))
    return hits


def _offsets(text: str, d: _Data, langs, published) -> list[_Hit]:
    """``dua bulan setelah <X>``: an offset from another occasion, compared only as such."""
    hits = []
    for m in _patterns(langs)["offset"].finditer(text):
        n = _count(m, langs)
        if n is None:
            continue
        after = m.group("dir").lower() in d.lists.get("after", ())
        unit = d.period_units[_norm(m.group("u"))]
        value = f"{'+' if after else '-'}{n:g} {unit}"
        hits.append(_Hit(m.start(), m.end(), "date", value,
                         {"granularity": "offset", "relative": True,
                          "anchor": "after" if after else "before"}))
    return hits


def _periods(text: str, d: _Data, langs, published) -> list[_Hit]:
    """``pekan lalu``, ``last year``, ``bulan ini``: the previous/next/current period."""
    hits = []
    last = set(d.lists.get("last_period", ())) | set(d.lists.get("last_period_before", ()))
    nxt = set(d.lists.get("next_period", ())) | set(d.lists.get("next_period_before", ()))
    for m in _patterns(langs)["period"].finditer(text):
        marker = _norm(m.group("pre") or m.group("post") or "")
        unit = d.period_units[_norm(m.group("u"))]
        if not marker or unit in ("day", "decade", "century") or _vague_before(text, m.start(), d):
            continue
        step = -1 if marker in last else 1 if marker in nxt else 0
        hits.append(_relative_hit(m.start(), m.end(), published, step, unit))
    return hits


def _vague_before(text: str, start: int, d: _Data) -> bool:
    """``beberapa tahun lalu`` / ``several years ago`` / ``3 tahun lalu`` are not ``tahun lalu``."""
    end = start  # the word before, found by stepping back: ``text[:start].split()`` is quadratic
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    if begin == end:
        return False
    word = text[begin:end].lower().strip(",(")
    return word in d.lists.get("vague_quantity", ()) or word[:1].isdigit()


def _norm(word: str) -> str:
    return _SPACES.sub(" ", word.lower())


def _relative_hit(start: int, end: int, published: date | None, n: int, unit: str) -> _Hit:
    attrs: dict[str, Any] = {"granularity": _GRANULARITY.get(unit, "year"), "relative": True}
    return _Hit(start, end, "date", _shift(published, n, unit), attrs)


_GRANULARITY = {"day": "day", "week": "week", "month": "month", "year": "year",
                "decade": "year", "century": "year"}


def _shift(published: date | None, n: int, unit: str) -> str | None:
    """The date ``n`` units from publication, at the unit's granularity."""
    if published is None:
        return None
    if unit == "day":
        return (published + timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (published + timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        months = published.year * 12 + published.month - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    factor = {"decade": 10, "century": 100}.get(unit, 1)
    return f"{published.year + n * factor:04d}"


def _reldays(text: str, d: _Data, langs, published) -> list[_Hit]:
    hits = []
    for m in _patterns(langs)["relday"].finditer(text):
        days = d.relative_days[_norm(m.group("r"))]
        hits.append(_relative_hit(m.start(), m.end(), published, days, "day"))
    return hits


def _weekdays(text: str, d: _Data, langs, published) -> list[_Hit]:
    """A weekday with no date: the latest such day on/before publication (before, for ``last``)."""
    hits = []
    last = set(d.lists.get("last_weekday_before", ())) | set(d.lists.get("last_weekday_after", ()))
    for m in _patterns(langs)["weekday"].finditer(text):
        word, pre = m.group("wd"), _norm(m.group("pre") or "")
        if not word[:1].isupper() or pre in d.lists.get("weekday_no_date", ()):
            continue
        if word.lower() in d.lists.get("weekday_ambiguous", ()) and not pre:
            continue
        weekday = d.weekdays[word.lower()]
        strict = pre in last or _norm(m.group("post") or "") in last
        start = m.start() if pre in last else m.start("wd")
        attrs: dict[str, Any] = {"relative": True, "name": WEEKDAY_NAMES[weekday]}
        if published is not None:
            back = (published.weekday() - weekday) % 7 or (7 if strict else 0)
            attrs["date"] = (published - timedelta(days=back)).isoformat()
        hits.append(_Hit(start, m.end(), "weekday", weekday, attrs))
    return hits


_FINDERS = (_full_dates, _month_years, _month_relative, _years, _agos, _offsets, _periods,
            _reldays, _weekdays)
_WRITE_DIGITS = frozenset({_full_dates, _month_years, _years})
"""Finders whose every pattern has a day or a year in digits: a sentence without a digit (half of
them) skips their six passes."""
_DIGIT = re.compile(r"\d")  # the regexes' own digit (Unicode Nd), so the skip is exact


# ---- languages without data: dateparser ------------------------------------------------

def _dateparser_hits(text: str, lang: str, published: date | None) -> list[_Hit]:
    """Fallback for a language with no ``dates.json``: dateparser's search, kept to its period."""
    try:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return []
    settings = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    try:
        found = search_dates(text, languages=[lang], settings=settings) or []
        parser = DateDataParser(languages=[lang])
    except (ValueError, KeyError):
        return []
    hits, cursor = [], 0
    for surface, _ in found:
        start = text.find(surface, cursor)
        if start < 0 or not any(ch.isdigit() for ch in surface):
            continue
        cursor = start + len(surface)
        data = parser.get_date_data(surface)
        if data.date_obj is None:
            continue
        hits.append(_dateparser_hit(start, cursor, data.date_obj.date(), data.period))
    return hits


def _dateparser_hit(start: int, end: int, found: date, period: str | None) -> _Hit:
    granularity = period if period in ("day", "month", "year") else "day"
    value = {"day": found.isoformat(), "month": found.isoformat()[:7],
             "year": found.isoformat()[:4]}[granularity]
    return _Hit(start, end, "date", value, {"granularity": granularity, "relative": False})
