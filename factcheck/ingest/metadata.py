"""Title, outlet, publication date and language, read from the article itself."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from .. import lang
from .chrome import Line

# Bounded like DNS (labels of at most 63 characters, a dozen levels): unbounded, a long dotted word
# (``www.a.a.a.…``) is rescanned to its end from every label, quadratic time.
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]{1,63}\.){1,12}(?:com|net|org|info|news|co\.id|or\.id|go\.id|ac\.id|id|co\.uk|"
                     r"com\.au|co|tv|io|de|fr|uk|us|ru|jp|kr|cn|in|my|sg|ph))\b", re.IGNORECASE)
_LEAD_DOMAIN = re.compile(r"^\s*([\w.-]+\.[a-z]{2,})\s*[-–—:]", re.IGNORECASE)
_SECOND_LEVEL = {"co", "or", "go", "ac", "com", "net", "org"}
_WORD = re.compile(r"[^\W\d_]+")
_TIME = re.compile(r"\b\d{1,2}\s*[:.]\s*\d{2}(?:\s*[:.]\s*\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)


def registered_domain(host: str) -> str:
    """``articles.latimes.com`` → ``latimes.com``; ``news.detik.co.id`` → ``detik.co.id``."""
    labels = host.lower().strip(".").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def outlet_from_lines(chrome: list[Line], lead: list[Line]) -> str:
    """A domain from a URL/dateline/chrome line, or from a lead such as ``Pantau.com - …``."""
    for line in chrome:
        text = re.sub(r"\.\s+", ".", line.text) if line.text.lower().startswith(("http", "www")) else line.text
        match = _DOMAIN.search(text)
        if match:
            return registered_domain(match.group(1))
    for line in lead:
        match = _LEAD_DOMAIN.match(line.text)
        if match and _DOMAIN.fullmatch(match.group(1)):
            return registered_domain(match.group(1))
    return ""


def outlet_from_url(url: str) -> str:
    match = re.match(r"^[a-z]+://([^/:]+)", url.strip(), re.IGNORECASE)
    return registered_domain(match.group(1)) if match else ""


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    months: dict[str, int] = {}
    for code in lang.languages():
        months.update({k.casefold(): int(v) for k, v in lang.load(code, "dates").get("months", {}).items()})
    return months


def _quick_date(text: str, language: str) -> date | None:
    """The common stamp shapes, read without dateparser (whose first call costs a third of a second)."""
    months = _month_numbers()
    numeric = re.search(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b", text)
    named = re.search(r"\b(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})\b", text)
    named_first = re.search(r"\b([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", text)
    candidates = []
    if numeric:
        a, b, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        candidates.append((year, a, b) if language == "en" and a <= 12 else (year, b, a))
    if named and named[2].casefold() in months:
        candidates.append((int(named[3]), months[named[2].casefold()], int(named[1])))
    if named_first and named_first[1].casefold() in months:
        candidates.append((int(named_first[3]), months[named_first[1].casefold()], int(named_first[2])))
    for year, month, day in candidates:
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


_MAX_STAMP = 300


def parse_date(text: str, language: str) -> date | None:
    """A full calendar date in a stamp such as ``KAMIS, 25 APRIL 2019 | 23:44 WIB``."""
    text = text.strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    quick = _quick_date(text, language)
    if quick is not None or len(text) > _MAX_STAMP:  # no stamp is that long: spare dateparser the text
        return quick
    import dateparser

    cleaned = _TIME.sub(" ", text.split("|")[0] if "|" in text else text)
    cleaned = re.sub(r"^\s*[\w.-]+\.[a-z]{2,}\s*[-–—:]\s*", "", cleaned, flags=re.IGNORECASE)
    languages = [language] if language in {"id", "en"} else ["id", "en"]
    order = "MDY" if language == "en" and re.search(r"\d+/\d+/\d{2}", cleaned) else "DMY"
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order,
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    for candidate in (cleaned, re.sub(r"(?i)\b(published|updated|posted|originally|diperbarui)\b:?", " ", cleaned)):
        try:
            parsed = dateparser.parse(candidate, languages=languages, settings=settings)
        except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd strings
            parsed = None
        if parsed is not None:
            return parsed.date()
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2}|[a-z]{3})[/-](\d{1,2})(?:[/_.-]|\s|$)", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def date_from_url(url: str) -> date | None:
    """``…/2013/may/03/…`` or ``…/2009/11/30/…`` in an article URL."""
    match = _URL_DATE.search(re.sub(r"\s+", "", url))
    if not match:
        return None
    year, month, day = match.groups()
    number = int(month) if month.isdigit() else (_MONTHS.index(month.lower()) + 1 if month.lower() in _MONTHS else 0)
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    return {code: frozenset(lang.load(code, "stopwords").get("words", ())) for code in lang.languages()}


def detect_language(text: str) -> str:
    """The language whose function words dominate, or ``und`` when the evidence is thin."""
    counts = Counter(w.casefold() for w in _WORD.findall(text[:20000]))
    scores = {code: sum(counts[w] for w in words) for code, words in _stopwords().items()}
    best = max(sorted(scores), key=lambda code: scores[code], default="und")
    if best == "und" or scores[best] < 3:
        return "und"
    return best
