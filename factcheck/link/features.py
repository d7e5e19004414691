"""What the link model sees of a pair of facts: how alike their sentences, their contexts, their values are.

Every feature is language-neutral (embeddings, word overlaps, capitalised markers, value
ratios), so a model fitted on English annotations carries to Indonesian articles and back.
The names here are the columns of the fitted model (``weights.json``): add a feature here
and refit, never the other way round.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import numpy as np
from rapidfuzz import fuzz

from .. import lang
from ..detect._common import (
    content_words,
    context_signature,
    different_subjects,
    markers,
    ordinals,
    overlap,
    sentence_of,
)
from ..model import Document, Fact, Sentence
from ..settings import active
from .values import DATE_KINDS, date_span, days_apart, hedged, quantity

FEATURES = (
    "sentence_cosine",   # embedding cosine of the two sentences
    "sentence_words",    # overlap of their content words (facts masked)
    "context_words",     # overlap of the words around each fact
    "near_copy",         # sentence cosine times word overlap: one sentence retold with a changed value
    "same_neighbour",    # the word right before or after the fact is the same
    "other_subject",     # each sentence names something the other does not
    "same_claim",        # the aligner put both sentences in one claim
    "same_statement",    # the two sentences are one claim's matched statement pair, the facts its counterparts
    "value_gap",         # how far apart the values are (log scale)
    "hedge",             # either value is hedged (about, more than, a range)
    "lead",              # both facts stand in their article's first sentences
    "centrality",        # how close the less central sentence is to the event's leads (what the story is about)
    "ambiguity",         # how many same-unit facts each side has to choose from (log)
    "mutual_best",       # each fact is the other's most alike counterpart in the other article
    "value_echoed",      # one article also gives the other's value for this unit: two quantities, not one
    "reporting_date",    # a date next to a speech verb ("police said Saturday"): when it was told
    "relative_date",     # a date read from the publication day (today, yesterday, next Monday)
    "published_apart",   # days between the two articles' publication (log): a later report, a later occasion
    "is_date",
    "is_count",
    "is_duration",
    "same_predicate",    # the word the value hangs on (killed / injured, damaged / destroyed) is the same word
    "rival_gap",         # how much less alike this pair is than each fact's most alike counterpart there (0: the best)
    "matched_elsewhere", # the other article gives this fact's value in a statement at least as alike: two quantities
    "publication_step",  # two days that follow their articles' publication days: each article's own news
)

_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Side:
    """One fact with what the features need of it, computed once per fact."""

    fact: Fact
    document: Document
    sentence: Sentence
    vector: np.ndarray | None
    context: frozenset[str]
    neighbours: tuple[str, str]
    markers: frozenset[str]
    words: frozenset[str]
    subject: str
    """The nearest name or ordinal before the fact in its sentence: whom or which item the value is about."""
    reporting: bool
    """The fact is a date standing next to a speech verb."""
    predicate: str = ""
    """The content word the value hangs on: the nearest before it (``killing at least seven``), else the
    nearest after it (``six people were killed``); "" when none is near."""


def side(fact: Fact, document: Document, vectors: np.ndarray | None) -> Side | None:
    sentence = sentence_of(document, fact.sentence)
    if sentence is None:
        return None
    if 0 <= fact.sentence < len(document.sentences) and document.sentences[fact.sentence] is sentence:
        position = fact.sentence
    else:
        position = document.sentences.index(sentence)
    vector = vectors[position].astype(np.float32, copy=False) if vectors is not None and 0 <= position < len(vectors) \
        else None
    found = markers(document, sentence) | _opening_name(document, sentence)
    neighbours = context_signature(document, fact)
    reporting = fact.kind in DATE_KINDS and bool({neighbours[0], neighbours[1]} & _speech_verbs())
    # The sentence's words on either side of the fact, read once for the context, subject and predicate.
    before = _WORD.findall(document.source[sentence.start:fact.start])
    after = _WORD.findall(document.source[fact.end:sentence.end])
    subject = _subject(before, found) or _relative_subject(document.source[sentence.start:fact.start], found)
    return Side(fact, document, sentence, vector, _context(before, after), neighbours, found,
                content_words(document, sentence), subject, reporting, _predicate(before, after))


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in lang.merged("names").get("speech_verbs", []) if " " not in w)


def _opening_name(document: Document, sentence: Sentence) -> frozenset[str]:
    """A sentence's first word when the article also writes it as a name elsewhere
    (``Dorsey's been at the plant for 37 years``): ``markers`` skips the first word, which is
    usually just capitalised, but a sentence often opens with its subject."""
    words = _WORD.findall(document.source[sentence.start:sentence.end])
    if not words or not words[0][:1].isupper():
        return frozenset()
    first = words[0].lower()
    return frozenset({first}) if first in _name_words(document) else frozenset()


def _name_words(document: Document) -> frozenset[str]:
    """Words of the article's confirmed names (not a lone sentence-initial word)."""
    return document.derived("confirmed_name_words", document.facts, lambda: frozenset(
        w.lower() for f in document.facts if f.kind == "name" and not f.attrs.get("tentative")
        for w in _WORD.findall(f.text)))


def _subject(before: list[str], found: frozenset[str]) -> str:
    """The nearest name before the value within ``link.window`` words, else the nearest one anywhere
    before it in the sentence: ``Ratna Dewi Umar telah divonis majelis hakim dengan hukuman lima tahun``
    is about Umar, seven words back."""
    return next((w.lower() for w in reversed(before) if w.lower() in found), "")


@cache
def _relative_clause() -> re.Pattern[str]:
    pronouns = sorted(w.lower() for w in lang.merged("names").get("relative_pronouns", []))
    if not pronouns:
        return re.compile(r"(?!)")
    return re.compile(r"([^\W\d_]{3,})\s*,\s+(?:" + "|".join(map(re.escape, pronouns)) + r")\b", re.IGNORECASE)


def _relative_subject(before: str, found: frozenset[str]) -> str:
    """``Dough mixer Andy Ryan, who has worked at the plant for nearly 30 years``: a value in a relative
    clause is about the name the clause hangs on, however far before the value it stands."""
    names = [m.group(1).lower() for m in _relative_clause().finditer(before)]
    return names[-1] if names and names[-1] in found else ""


def other_subject(a: Side, b: Side) -> bool:
    """Both values are about a named thing or a numbered item, and not the same one (``sesi pertama`` /
    ``sesi kedua``, ``Charles rushed for 226 yards`` / ``Hillis added 101``), spelling slips aside."""
    if different_subjects(a.markers, b.markers) and overlap(a.words, b.words) >= 0.5:
        return True  # rows of a series: alike in every word but the names
    if not a.subject or not b.subject or a.subject == b.subject:
        return False
    if (a.subject in ordinals()) != (b.subject in ordinals()):
        return False  # "gunfire in Detroit around 10:30" and "the second floor around 10 a.m.": not rivals
    return fuzz.ratio(a.subject, b.subject) < active().detect.same_name_ratio and a.subject not in b.markers \
        and b.subject not in a.markers


PREDICATE_REACH = 3
"""How many words from the fact its predicate may stand."""


@cache
def _not_predicates() -> frozenset[str]:
    """Function words, hedges (``at least``, ``sedikitnya``) and counted-noun fillers: never what a value is about."""
    numbers = lang.merged("numbers")
    hedges = {w for key in ("approx_before", "lower_bound", "upper_bound", "approx_after", "range_words")
              for phrase in numbers.get(key, []) for w in str(phrase).lower().split()}
    return frozenset(hedges | {w.lower() for w in lang.merged("stopwords").get("words", [])}
                     | {w.lower() for w in numbers.get("not_nouns", [])})


def _predicate(before: list[str], after: list[str]) -> str:
    skip = _not_predicates()
    near = [w.lower() for w in reversed(before[-PREDICATE_REACH:])] + [w.lower() for w in after[:PREDICATE_REACH]]
    return next((w for w in near if w not in skip), "")


def same_word(a: str, b: str) -> bool:
    """One word in two inflections (``killing`` / ``killed``, ``injured`` / ``injuring``): a shared
    start of four letters or more, covering most of the shorter word."""
    if a == b:
        return True
    shared = len(os.path.commonprefix([a, b]))
    return shared >= 4 and shared >= 0.6 * min(len(a), len(b))


def _same_predicate(a: Side, b: Side) -> float:
    if not a.predicate or not b.predicate:
        return math.nan  # unknown: counts as the fitted mean
    return float(same_word(a.predicate, b.predicate))


def _stem(word: str) -> str:
    return word.lower()[:5]


def _context(before: list[str], after: list[str]) -> frozenset[str]:
    """Words within ``link.window`` words of the fact, stemmed, minus the fact's own words."""
    window = active().link.window
    return frozenset(_stem(w) for w in before[-window:] + after[:window])


def affinity(a: Side, b: Side) -> float:
    """How alike two facts' sentences and contexts are: what "most alike counterpart" ranks by."""
    cosine = float(np.dot(a.vector, b.vector)) if a.vector is not None and b.vector is not None else 0.0
    return cosine + overlap(a.context, b.context)


def vector(a: Side, b: Side, same_claim: bool, same_statement: bool, ambiguity: int,
           mutual_best: bool, value_echoed: bool, centre: np.ndarray | None = None, rival_gap: float = 0.0,
           matched_elsewhere: bool = False) -> list[float]:
    """The feature values of one pair, in ``FEATURES`` order."""
    cosine = float(np.dot(a.vector, b.vector)) if a.vector is not None and b.vector is not None else 0.0
    other = _different(a.markers, b.markers)
    words = overlap(a.words, b.words)
    return [
        cosine,
        words,
        overlap(a.context, b.context),
        max(cosine, 0.0) * words,
        float(bool(a.neighbours[0] and a.neighbours[0] == b.neighbours[0])
              or bool(a.neighbours[1] and a.neighbours[1] == b.neighbours[1])),
        float(other),
        float(same_claim),
        float(same_statement),
        _gap(a.fact, b.fact),
        float(hedged(a.fact) or hedged(b.fact)),
        float(a.sentence.index <= 2 and b.sentence.index <= 2),
        _centrality(a, b, centre),
        math.log1p(ambiguity),
        float(mutual_best),
        float(value_echoed),
        float(a.reporting or b.reporting),
        float(bool(a.fact.attrs.get("relative") or b.fact.attrs.get("relative"))),
        _published_apart(a.document, b.document),
        float(a.fact.kind in DATE_KINDS),
        float(a.fact.kind == "number" and _dimension(a.fact) == "count"),
        float(a.fact.kind == "duration"),
        _same_predicate(a, b),
        max(rival_gap, -2.0),
        float(matched_elsewhere),
        float(publication_step(a.fact, a.document, b.fact, b.document)),
    ]


def publication_step(fa: Fact, da: Document, fb: Fact, db: Document) -> bool:
    """Two different days that follow the two articles' publication: each is its own article's news of
    the last days (``link.news_days``), and the later article gives the later day.

    ``Selasa (22/8)`` in an article of 23 August and ``Kamis (24/8)`` in one of 24 August are most
    likely two days' news (a match, then the next one; a statement, then another), not one occasion
    dated two ways. Articles of one day are never told apart this way: their two dates for one
    quake are a disagreement. A bare weekday is read as the last such weekday of its article."""
    if fa.kind not in DATE_KINDS or da.published is None or db.published is None or da.published == db.published:
        return False
    day_a, day_b = _news_day(fa, da.published), _news_day(fb, db.published)
    if day_a is None or day_b is None or day_a == day_b:
        return False
    return (day_a < day_b) == (da.published < db.published)


def _news_day(fact: Fact, published: date) -> date | None:
    """The day a date fact names when it lies within ``link.news_days`` before ``published`` (None otherwise)."""
    span = date_span(fact)
    if span is None:
        return None
    reach = active().link.news_days
    if span.granularity == "weekday" and span.weekday is not None:
        back = (published.weekday() - span.weekday) % 7
        return published - timedelta(days=back) if back <= reach else None
    if span.granularity != "day" or span.start is None:
        return None
    return span.start if 0 <= (published - span.start).days <= reach else None


def _published_apart(a: Document, b: Document) -> float:
    if a.published is None or b.published is None:
        return 0.0
    return math.log1p(abs((a.published - b.published).days)) / 3


def _centrality(a: Side, b: Side, centre: np.ndarray | None) -> float:
    if centre is None or a.vector is None or b.vector is None:
        return 0.0
    return float(min(np.dot(a.vector, centre), np.dot(b.vector, centre)))


def event_centre(leads: list[np.ndarray]) -> np.ndarray | None:
    """The normalised mean of the event's lead sentences: what the story is about."""
    if not leads:
        return None
    mean = np.mean(np.stack(leads), axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else None


def _dimension(fact: Fact) -> str:
    q = quantity(fact)
    return q.dimension if q is not None else ""


def _different(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a - b) and bool(b - a) and not (a & b)


def _gap(fa: Fact, fb: Fact) -> float:
    """Values far apart are less likely one quantity misreported than two quantities."""
    if fa.kind in DATE_KINDS:
        sa, sb = date_span(fa), date_span(fb)
        if sa is None or sb is None or sa.granularity != "day" or sb.granularity != "day":
            return 0.5  # a month, a year or a weekday: how far apart is not known to the day
        apart = days_apart(fa, fb)
        return math.log10(1 + apart) / 3 if apart is not None else 0.5
    qa, qb = quantity(fa), quantity(fb)
    if qa is None or qb is None:
        return 0.0
    low, high = sorted((abs(qa.value), abs(qb.value)))
    if high == 0:
        return 0.0
    return min(3.0, math.log10((high + 1e-9) / (low + 1e-9))) / 3 if low > 0 else 1.0
