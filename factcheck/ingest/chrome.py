"""Page chrome: the lines of a scraped article that are not the article.

Share buttons, "Baca juga"/"Read more" teasers, bylines, breadcrumbs, section
labels and "Populer"/"Related" lists must never become claims, or their dates
and names would be compared as facts. The rules are per-language data
(``lang/*/chrome.json``) plus one learned signal: short lines that recur
across documents of the folder are template, not reporting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .. import lang

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_URL = re.compile(r"^(?:https?:|www\.)", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s[⁄/>»›|]\s")
_TERMINAL = re.compile(r"[.!?…:;\"”’'»)\]]\s*$")
_DATE_PIECE = re.compile(r"^\d{1,4}(?:[/.\-]\d{1,4}){0,2}$")
_CREDIT = re.compile(r"\w/\s*([A-Z][\w.]*)(?:\s[A-Z][\w.]*){0,2}\s*$")
"""A photo caption's credit glued to its last word ("Putin dan Kim bertemu/Net", "…di Istana/Antara
Foto"): the caption of a picture, not a statement of the article. The credit must be one of the
language's ``caption_credits`` (photo agencies and their abbreviations), so that "Jakarta/Bogor"
in a headline stays."""
_CAPTION_WORDS = 15


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @cached_property
    def words(self) -> list[str]:
        """Read once: the chrome rules ask a line for its words four times on average."""
        return _WORD.findall(self.text)


def split_lines(source: str) -> list[Line]:
    """Non-blank lines with their stripped text and offsets into ``source``."""
    lines = []
    for match in re.finditer(r"[^\r\n]+", source):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped))
    return lines


@lru_cache(maxsize=1)
def _rules() -> dict[str, tuple[str, ...]]:
    data = lang.merged("chrome")
    return {key: tuple(sorted(set(values))) for key, values in data.items()}


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def is_url(line: Line) -> bool:
    return bool(_URL.match(line.text)) and len(line.text.split()) <= 12


def is_dateline(line: Line) -> bool:
    """A line that is a date/time stamp, perhaps with an outlet or reporter attached."""
    words = line.words
    if not words or len(words) > 16 or not any(ch.isdigit() for ch in line.text):
        return False
    date_words = set(_rules().get("dateline_words", ()))
    # str.split, then strip: the regex ``\s*\|\s*`` rescans a long run of spaces from each of its spaces.
    parts = [p for p in (piece.strip() for piece in line.text.split("|")) if not _is_byline_part(p)]
    tokens = [t for p in parts for t in _WORD.findall(p.casefold())]
    if not tokens:
        return True
    datey = sum(1 for t in tokens if t.isdigit() or t in date_words)
    return datey >= 2 and datey / len(tokens) >= 0.6


def _is_byline_part(part: str) -> bool:
    folded = part.casefold().strip()
    return any(folded.startswith(p.strip()) for p in _rules().get("byline_prefixes", ())) or "." in folded and " " not in folded


def _starts_with(text: str, prefixes: tuple[str, ...]) -> bool:
    folded = text.casefold()
    return any(folded.startswith(p) for p in prefixes)


def is_chrome_line(line: Line) -> bool:
    """One line judged on its own: a teaser, button, byline, dateline, URL, label or photo caption."""
    words = line.words
    rules = _rules()
    if not words:
        return True
    if is_url(line) or is_dateline(line):
        return True
    if len(words) <= 25 and _starts_with(line.text, rules.get("line_prefixes", ())):
        return True
    if len(words) <= 5 and _starts_with(line.text, rules.get("byline_prefixes", ())):
        return True
    if _BREADCRUMB.search(line.text) and len(words) <= 6 and not _TERMINAL.search(line.text):
        return True
    if len(words) <= _CAPTION_WORDS and not _TERMINAL.search(line.text):
        credit = _CREDIT.search(line.text)
        if credit and credit.group(1).rstrip(".").casefold() in rules.get("caption_credits", ()):
            return True
    return len(words) <= 3 and not _TERMINAL.search(line.text) and not any(c.isdigit() for c in line.text)


@lru_cache(maxsize=1)
def _list_headings() -> tuple[frozenset[str], tuple[str, ...]]:
    """The languages' ``list_headings`` (whole lines) and ``list_heading_prefixes`` (a heading
    followed by a name: "More from Reuters", "Lainnya dari Kompas"), normalised like the lines."""
    rules = _rules()
    whole = frozenset(normalise(h) for h in rules.get("list_headings", ()))
    prefixes = tuple(sorted({normalise(h) for h in rules.get("list_heading_prefixes", ())} - {""}))
    return whole, prefixes


_HEADING_WORDS = 6


def is_list_heading(line: Line) -> bool:
    """The title of a "Populer"/"Most read"/"Related" list: the lines after it are other articles.

    A prefixed heading ("More from …") must stay short and unpunctuated, so that a sentence that
    happens to start with the same words is never taken for one."""
    whole, prefixes = _list_headings()
    key = normalise(line.text)
    if key in whole:
        return True
    return (len(line.words) <= _HEADING_WORDS and not re.search(r"[.!?]\s*$", line.text)
            and any(key.startswith(prefix + " ") for prefix in prefixes))


def _is_list_item(line: Line) -> bool:
    """Headline-like entries of a "Populer"/"Related" list: short and unpunctuated, or stamps."""
    return is_dateline(line) or (len(line.words) < 20 and not re.search(r"[.!?]\s*$", line.text))


def in_lists(lines: list[Line]) -> list[bool]:
    """For each line, whether it is a list heading or an item of the list under it (the list ends
    at the first line that is not headline-like): neither its text nor its dates are the article's."""
    flags: list[bool] = []
    in_list = False
    for line in lines:
        if is_list_heading(line):
            in_list = True
        elif in_list and not _is_list_item(line):
            in_list = False
        flags.append(in_list)
    return flags


def chrome_mask(lines: list[Line], repeated: set[str]) -> list[bool]:
    """For each line, whether it is chrome. ``repeated`` holds normalised template lines."""
    mask: list[bool] = []
    seen: set[str] = set()
    for line, in_list in zip(lines, in_lists(lines)):
        key = normalise(line.text)
        chrome = in_list or is_chrome_line(line) or key in repeated or key in seen
        seen.add(key)
        mask.append(chrome)
    return mask


def _after_headline(lines: list[Line]) -> list[Line]:
    """The lines after the headline, the first line that is not a URL, stamp or chrome: two
    outlets printing one wire story share a headline, which is news, not template."""
    for index, line in enumerate(lines):
        if not (is_url(line) or is_dateline(line) or is_chrome_line(line)):
            return lines[index + 1:]
    return []


def repeated_lines(documents_lines: list[list[Line]]) -> set[str]:
    """Short, unpunctuated lines found in two or more documents: site template, not news.

    Long or punctuated lines may legitimately repeat (outlets copy the same
    wire sentence or quote), so they are never learned as chrome.
    """
    counts: dict[str, int] = {}
    for lines in documents_lines:
        candidates = _after_headline(lines)
        for key in {normalise(l.text) for l in candidates if len(l.words) <= 8 and not _TERMINAL.search(l.text)}:
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= 2 and key}
