"""The publication date of a page whose metadata gives none: read from its URL and datelines.

Scraped pages carry other articles' dates: a "Populer"/"Terpopuler"/"Most read"/"Related"
sidebar lists its headlines with their stamps, often from the day the page was crawled (a 2025
date on a 2017 article). Taken for the publication date, such a date makes every year-less date
and weekday of the article resolve against the wrong year. So:

1. A dateline that is an item of a list is never a candidate: a line under a list heading
   (``list_headings`` / ``list_heading_prefixes`` in ``lang/<code>/chrome.json``), or one of a
   run of headlines and stamps with no paragraph in it where two or more stamps each follow a
   headline (a list without a heading). The stamps just above the first paragraph, with no
   headline in between, are the page's own header even inside such a list. Candidates come in
   page order, so a stamp near the title comes before a later one; the URL's date comes first.
2. The article's own weekdays check the candidate. "Senin (27/3)", "Sabtu 5 Juni", "on Monday,
   March 27" (a weekday beside a day and month, no year; the names are ``lang/<code>/dates.json``'s)
   are resolved against a candidate as ``extract.dates`` resolves them, to the nearest such day.
   With two or more distinct such mentions, the first candidate is kept unless most of them fall
   on the wrong weekday; then the first later candidate on which most fall right is taken, else,
   when the first fits none of them and exactly one neighbouring year fits them all, the same day
   in that year (a slipped year in the stamp). Otherwise the first candidate stays: when in
   doubt, today's reading. Dates given by the input's metadata never come here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from ..extract.dates import nearest_day, weekday_dates
from .chrome import Line, in_lists, is_chrome_line, is_dateline, is_url
from .metadata import date_from_url, parse_date

_HEAD_CHROME = 12
"""Chrome lines searched for a stamp (lists left out): a page's own stamp is near its top."""
_MIN_MENTIONS = 2
_PUNCTUATED = re.compile(r"[.!?]\s*$")
_PARAGRAPH_WORDS = 20
_HEADLINE_WORDS = 3
_LIST_ITEMS = 2

Mention = tuple[int, int, int]
"""(weekday 0=Monday, month, day) of a year-less date written with its weekday."""


def published_date(url: str, lines: list[Line], mask: list[bool], body: str, language: str) -> date | None:
    """The publication date of a page without one in its metadata (see the module's rules)."""
    return choose(candidates(url, lines, mask, language), weekday_mentions(body, language))


def candidates(url: str, lines: list[Line], mask: list[bool], language: str) -> Iterator[date]:
    """Candidate publication dates, most trusted first: the article URL's date, then dates in URL
    lines and datelines among the first chrome lines that are no list's items, in page order.
    Lazy, so that a page whose first candidate needs no checking parses no other stamp."""
    seen: set[date] = set()
    for found in _raw_candidates(url, lines, mask, language):
        if found is not None and found not in seen:
            seen.add(found)
            yield found


def _raw_candidates(url: str, lines: list[Line], mask: list[bool], language: str) -> Iterator[date | None]:
    if url:
        yield date_from_url(url)
    listed = list_stamps(lines)
    head = [line for line, chrome, item in zip(lines, mask, listed) if chrome and not item][:_HEAD_CHROME]
    for line in head:
        if line.text.lower().startswith(("http", "www")):
            yield date_from_url(line.text)
    for line in head:
        if is_dateline(line):
            yield parse_date(line.text, language)


def list_stamps(lines: list[Line]) -> list[bool]:
    """For each line, whether it belongs to a list of other articles (``chrome.in_lists``, or a list
    without a heading, ``_in_headless_lists``), its stamps then being theirs, not the page's.

    One exception: the stamps right above the article's first paragraph, with no headline between
    them and it, are the article's own header ("title / stamp / byline / lead"), even where a list
    at the top of the page seems to run on into it (a list ends only at a paragraph)."""
    kinds = [_kind(line) for line in lines]
    listed = [a or b for a, b in zip(in_lists(lines), _in_headless_lists(kinds))]
    lead = next((i for i, kind in enumerate(kinds) if kind == _PARAGRAPH), 0)  # none: nothing to rescue
    for index in range(lead - 1, -1, -1):
        if kinds[index] == _HEADLINE:
            break
        if kinds[index] == _STAMP:
            listed[index] = False
    return listed


def _in_headless_lists(kinds: list[str]) -> list[bool]:
    """For each line (given by its ``_kind``), whether it is a stamp of a list that has no heading:
    inside one run of lines that are no paragraph (headlines, stamps, labels), two or more stamps
    that each come right after a headline of their own, as in "headline / stamp / headline /
    stamp". A page's own header ("title / stamp / updated stamp", "site stamp / title / stamp /
    standfirst") has one such pair and is kept."""
    flags = [False] * len(kinds)
    run: list[int] = []
    for index, kind in enumerate([*kinds, _PARAGRAPH]):
        if kind != _PARAGRAPH:
            run.append(index)
            continue
        pairs, previous = 0, ""
        for i in run:
            if kinds[i] == _STAMP:
                pairs += previous == _HEADLINE
                previous = _STAMP
            elif kinds[i] == _HEADLINE:
                previous = _HEADLINE
        if pairs >= _LIST_ITEMS:
            for i in run:
                flags[i] = kinds[i] == _STAMP
        run = []
    return flags


_PARAGRAPH, _HEADLINE, _STAMP, _OTHER = "paragraph", "headline", "stamp", "other"


def _kind(line: Line) -> str:
    """What a line is to a list: a stamp (a dateline; a URL line is none, though ``is_dateline``
    passes one, its parts being dotted), a paragraph of reporting (not chrome, and long or ending
    a sentence: it ends any list), a headline (a few unpunctuated words that are no byline, label
    or caption), or other chrome (labels, bylines, share buttons)."""
    if is_dateline(line):
        return _OTHER if is_url(line) else _STAMP
    if is_chrome_line(line):
        return _OTHER
    if len(line.words) >= _PARAGRAPH_WORDS or _PUNCTUATED.search(line.text):
        return _PARAGRAPH
    return _HEADLINE if len(line.words) >= _HEADLINE_WORDS else _OTHER


def choose(found: Iterable[date], mentions: set[Mention]) -> date | None:
    """The first candidate, unless the article's weekday mentions say it has the wrong year.

    Conservative on purpose: fewer than two distinct mentions, or a first candidate that fits at
    least half of them, keep it; only a clear majority for another reading replaces it."""
    ordered = iter(found)
    first = next(ordered, None)
    if first is None or len(mentions) < _MIN_MENTIONS:
        return first
    total, fit = len(mentions), fitting(first, mentions)
    if 2 * fit >= total:
        return first
    for other in ordered:
        if 2 * fitting(other, mentions) > total:
            return other
    if fit == 0:
        shifted = [d for d in _neighbour_years(first) if fitting(d, mentions) == total]
        if len(shifted) == 1:
            return shifted[0]
    return first


def _neighbour_years(day: date) -> list[date]:
    """The same day a year before and a year after (none for 29 February)."""
    out = []
    for year in (day.year - 1, day.year + 1):
        try:
            out.append(day.replace(year=year))
        except ValueError:
            continue
    return out


def fitting(published: date, mentions: set[Mention]) -> int:
    """How many mentions fall on their written weekday when their year comes from ``published``."""
    return sum(1 for mention in mentions if _fits(published, mention))


def _fits(published: date, mention: Mention) -> bool:
    """The mention's day in the year nearest ``published`` (as ``extract.dates`` resolves year-less
    dates) is its weekday. Strict on purpose: a weekday that only fits a farther year is what a
    wrong publication year produces."""
    weekday, month, day = mention
    nearest = nearest_day(month, day, published)
    return nearest is not None and nearest.weekday() == weekday


def weekday_mentions(text: str, language: str) -> set[Mention]:
    """Distinct year-less dates written with their weekday in ``text`` (the dates extractor's reading,
    ``extract.dates.weekday_dates``); a date with its year says nothing about the publication year."""
    return weekday_dates(text, language)
