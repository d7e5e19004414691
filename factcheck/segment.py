"""Segment: cut each kept block of a document into sentences, keeping offsets.

A sentence ends at ``. ! ? …`` followed by space and a plausible sentence
start, except after an abbreviation or an initial, or inside a quotation.
Dates such as ``(29/4/2019)`` and decimals such as ``1,5``/``2.5`` never
break because a break needs whitespace after the stop.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lang
from .model import Document, Sentence

_CANDIDATE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+)")
_OPENING = "\"“‘'«([`"
_OPENERS = {"“": "”", "«": "»", "``": "''"}
MIN_CHARS = 3

_DEFAULT_ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "prof", "st", "jl", "jln", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr",
    "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "hon", "pres", "ir", "drs", "hj", "h", "kh",
    "bpk", "sdr", "tn", "ny", "nn", "tgl", "kab", "kec", "kel", "prov", "rp", "dll", "dsb", "dkk", "a.m", "p.m",
    "u.s", "u.k", "u.n", "e.g", "i.e", "calif", "fla", "mass", "wash", "ariz", "n.y", "d.c", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "des", "okt", "agu", "ags", "mt", "ft", "approx",
)


@lru_cache(maxsize=None)
def abbreviations(language: str) -> frozenset[str]:
    extra = lang.load(language, "segment").get("abbreviations", []) if language != "und" else []
    return frozenset(_DEFAULT_ABBREVIATIONS) | frozenset(a.lower().rstrip(".") for a in extra)


def _is_abbreviation(text: str, stop: int, abbrevs: frozenset[str]) -> bool:
    if text[stop] != ".":
        return False
    word = re.search(r"([^\s(\"“']+)$", text[:stop])
    if not word:
        return False
    token = word.group(1).lower()
    if token in abbrevs:
        return True
    return len(token) == 1 and token.isalpha() or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))


def _starts_sentence(text: str, position: int) -> bool:
    """After the whitespace and any opening quote or bracket: a capital, digit or uncased letter."""
    rest = text[position:].lstrip().lstrip(_OPENING)
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or (rest[0].isalpha() and not rest[0].islower()))


def _quote_open(text: str, start: int, end: int) -> bool:
    """Whether position ``end`` lies inside a quotation opened after ``start``."""
    chunk = text[start:end]
    if chunk.count('"') % 2 == 1:
        return True
    for opener, closer in _OPENERS.items():
        if chunk.count(opener) > chunk.count(closer):
            return True
    return False


def split_block(text: str, language: str = "und") -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets inside ``text``."""
    abbrevs = abbreviations(language)
    bounds: list[tuple[int, int]] = []
    start = 0
    cuts = [m for m in _CANDIDATE.finditer(text) if _starts_sentence(text, m.end())
            and not _is_abbreviation(text, m.start(), abbrevs)]
    # An unbalanced quote mark would swallow the rest of the block; then ignore quoting.
    respect_quotes = not _quote_open(text, 0, len(text))
    for match in cuts:
        if respect_quotes and _quote_open(text, start, match.end()):
            continue
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
            if len(text) < MIN_CHARS or not any(ch.isalnum() for ch in text):
                continue
            sentences.append(Sentence(document.id, len(sentences), block_start + start, block_start + end,
                                      text, is_title))
    return sentences
