"""Segment: cut each kept block of a document into sentences, keeping offsets.

A sentence ends at ``. ! ? …`` followed by space and a plausible sentence
start, except after an abbreviation or an initial, or inside a quotation.
Dates such as ``(29/4/2019)`` and decimals such as ``1,5``/``2.5`` never
break because a break needs whitespace after the stop.
"""

from __future__ import annotations

import re
from functools import cache

from . import lang
from .model import Document, Sentence
from .settings import active

# The look-behind starts a candidate only at the first mark of a run, so a run of a million
# points is scanned once, not once per point.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]+[\"”’'»)\]]*(?=\s)")
_LEAD = re.compile(r"\s*[\"“‘'«(\[`]*")
_WORD_STOP = frozenset(" \t\n\r\f\v(\"“'")
_OPENING = "\"“‘'«([`"
_OPENERS = {"“": "”", "«": "»", "``": "''"}

_DEFAULT_ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "prof", "st", "jl", "jln", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr",
    "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "hon", "pres", "ir", "drs", "hj", "h", "kh",
    "bpk", "sdr", "tn", "ny", "nn", "tgl", "kab", "kec", "kel", "prov", "rp", "dll", "dsb", "dkk", "a.m", "p.m",
    "u.s", "u.k", "u.n", "e.g", "i.e", "calif", "fla", "mass", "wash", "ariz", "n.y", "d.c", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "des", "okt", "agu", "ags", "mt", "ft", "approx",
)


@cache
def abbreviations(language: str) -> frozenset[str]:
    extra = lang.load(language, "segment").get("abbreviations", []) if language != "und" else []
    return frozenset(_DEFAULT_ABBREVIATIONS) | frozenset(a.lower().rstrip(".") for a in extra)


def _is_abbreviation(text: str, stop: int, abbrevs: frozenset[str]) -> bool:
    if text[stop] != ".":
        return False
    begin = stop
    while begin > 0 and not (text[begin - 1] in _WORD_STOP or text[begin - 1].isspace()):
        begin -= 1
    if begin == stop:
        return False
    token = text[begin:stop].lower()
    if token in abbrevs:
        return True
    return len(token) == 1 and token.isalpha() or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))


def _starts_sentence(text: str, position: int) -> bool:
    """After the whitespace and any opening quote or bracket: a capital, digit or uncased letter."""
    at = _LEAD.match(text, position).end()  # type: ignore[union-attr]  # it matches the empty string
    if at >= len(text):
        return False
    first = text[at]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


def _quote_open(text: str, start: int, end: int) -> bool:
    """Whether position ``end`` lies inside a quotation opened after ``start``."""
    return _open_counts(_quote_counts(text, start, end))


def _quote_counts(text: str, start: int, end: int) -> list[int]:
    chunk = text[start:end]
    return [chunk.count('"')] + [n for opener, closer in _OPENERS.items()
                                 for n in (chunk.count(opener), chunk.count(closer))]


def _open_counts(counts: list[int]) -> bool:
    return counts[0] % 2 == 1 or any(counts[i] > counts[i + 1] for i in range(1, len(counts), 2))


def split_block(text: str, language: str = "und") -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets inside ``text``."""
    abbrevs = abbreviations(language)
    bounds: list[tuple[int, int]] = []
    start = 0
    cuts = [m for m in _CANDIDATE.finditer(text) if _starts_sentence(text, m.end())
            and not _is_abbreviation(text, m.start(), abbrevs)]
    # An unbalanced quote mark would swallow the rest of the block; then ignore quoting.
    respect_quotes = not _quote_open(text, 0, len(text))
    # Quote marks are counted piece by piece (each character once) since the last cut: a long
    # quotation with many stops inside would otherwise be recounted from its start at every stop.
    # Pieces end before whitespace, so no two-character mark (``) is ever split.
    counts, counted = [0] * (1 + 2 * len(_OPENERS)), 0
    for match in cuts:
        if respect_quotes:
            counts = [a + b for a, b in zip(counts, _quote_counts(text, counted, match.end()))]
            counted = match.end()
            if _open_counts(counts):
                continue
            counts = [0] * len(counts)
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return [_strip(text, s, e) for s, e in bounds if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment(document: Document) -> list[Sentence]:
    """Sentences of all kept blocks; the headline block is flagged ``is_title``."""
    sentences: list[Sentence] = []
    for block_start, block_end in document.blocks:
        block = document.source[block_start:block_end]
        is_title = bool(document.title) and block.strip() == document.title.strip()
        for start, end in split_block(block, document.language):
            text = block[start:end]
            if len(text) < active().segment.min_chars or not any(ch.isalnum() for ch in text):
                continue
            sentences.append(Sentence(document.id, len(sentences), block_start + start, block_start + end,
                                      text, is_title))
    return sentences
