"""Group events: which documents report the same happening.

Two signals, both needed: embedding similarity of the documents' content
(works across languages) and TF-IDF overlap of their words (names, places,
numbers: what separates two look-alike events such as two rehab check-ins by
two different actresses). Publication dates far apart count against.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import numpy as np

from .cluster import average_linkage
from .lexical import tfidf_matrix
from .model import Document, Event
from .settings import EventSettings, active

_ISO_DAY = re.compile(r"^(?:(\d{4})|-)-(\d{2})-(\d{2})$")
_WORD = re.compile(r"[^\W\d_][\w'\-]*|\d+(?:[.,]\d+)?")


def document_similarity(documents: list[Document], vectors: dict[str, np.ndarray],
                        gaps: np.ndarray | None = None, settings: EventSettings | None = None) -> np.ndarray:
    """Lead embedding (what the story is) mixed with proper-name overlap (who and where)."""
    cfg = settings or active().events
    leads = np.vstack([_centroid(vectors[d.id][:cfg.lead_sentences]) for d in documents])
    semantic = leads @ leads.T
    names = tfidf_matrix([" ".join(proper_tokens(d)) for d in documents], char_ngrams=False)
    lexical = np.sqrt(np.clip(names @ names.T, 0, 1))
    has_names: np.ndarray = np.asarray(names.any(axis=1))
    both = has_names[:, None] & has_names[None, :]
    # Across languages only names and numbers can overlap, so meaning must carry more weight.
    languages = np.array([d.language for d in documents])
    weight = np.where(languages[:, None] == languages[None, :], cfg.embedding_weight,
                      cfg.cross_language_embedding_weight)
    similarity = np.where(both, weight * semantic + (1 - weight) * lexical, semantic)
    return similarity - cfg.date_gap_penalty * (_date_gaps(documents, cfg) if gaps is None else gaps)


def proper_tokens(document: Document) -> list[str]:
    """Capitalised words not opening a sentence, and numbers: names, places, counts, years.

    Case carries this signal in any cased script; uncased scripts simply fall back
    to the embedding alone.
    """
    tokens: list[str] = []
    for sentence in document.sentences:
        words = _WORD.findall(sentence.text)
        tokens.extend(re.sub(r"[.,]", "", w.casefold()) for i, w in enumerate(words)
                      if w[0].isdigit() or (i > 0 and w[0].isupper()))
    return tokens


def _centroid(matrix: np.ndarray) -> np.ndarray:
    mean = matrix.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def document_dates(document: Document) -> list[tuple[int | None, int, int]]:
    """When a document says things happened: its publication day and its explicit day dates,
    as (year or None, month, day); year-less dates keep None."""
    dates: list[tuple[int | None, int, int]] = []
    if document.published:
        dates.append((document.published.year, document.published.month, document.published.day))
    for value in explicit_days(document):
        match = _ISO_DAY.match(value)
        if match:
            year = int(match.group(1)) if match.group(1) else None
            dates.append((year, int(match.group(2)), int(match.group(3))))
    return dates


def explicit_days(document: Document) -> list[str]:
    """Day-granular dates the article writes out (not relative ones): ``2019-04-25`` or ``--04-25``."""
    return [str(f.value) for f in document.facts
            if f.kind == "date" and f.attrs.get("granularity") == "day" and not f.attrs.get("relative")]


def _days_apart(a: tuple[int | None, int, int], b: tuple[int | None, int, int]) -> int:
    try:
        if a[0] is not None and b[0] is not None:
            return abs((date(*a) - date(*b)).days)  # type: ignore[arg-type]
        gap = abs((date(2000, a[1], a[2]) - date(2000, b[1], b[2])).days)
    except ValueError:
        return 0
    return min(gap, 366 - gap)


def _date_gaps(documents: list[Document], cfg: EventSettings) -> np.ndarray:
    """How far apart the closest dates of two documents are: 0 for the same day, rising to 1 at
    ``date_gap_days``; 0 when either names no date."""
    dates = [document_dates(d) for d in documents]
    n = len(documents)
    gaps = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        for j in range(i + 1, n):
            if dates[i] and dates[j]:
                closest = min(_days_apart(a, b) for a in dates[i] for b in dates[j])
                gaps[i, j] = gaps[j, i] = min(1.0, closest / cfg.date_gap_days)
    return gaps


def attach_small(similarity: np.ndarray, groups: list[list[int]], gaps: np.ndarray,
                 settings: EventSettings | None = None) -> list[list[int]]:
    """Fold groups of one or two documents into the closest larger event when they are close enough:
    a short or oddly written report of an event should not become an event of its own. Never
    across documents whose dates are a full ``date_gap_days`` apart: those are other occasions."""
    cfg = settings or active().events
    large = [g for g in groups if len(g) > cfg.small_group]
    alone: list[list[int]] = []
    for group in (g for g in groups if len(g) <= cfg.small_group):
        links = [float(similarity[np.ix_(group, other)].mean()) if gaps[np.ix_(group, other)].max() < 1.0
                 else -np.inf for other in large]
        best = int(np.argmax(links)) if links else -1
        if best >= 0 and links[best] >= cfg.attach_threshold:
            large[best] = sorted(large[best] + group)
        else:
            alone.append(group)
    large.extend(alone)
    return sorted(large, key=lambda g: g[0])


def group_events(documents: list[Document], vectors: dict[str, np.ndarray],
                 settings: EventSettings | None = None) -> list[Event]:
    """Events numbered E1… in the order of their first document id; sets ``document.event``."""
    cfg = settings or active().events
    ordered = sorted(documents, key=lambda d: d.id)
    gaps = _date_gaps(ordered, cfg)
    similarity = document_similarity(ordered, vectors, gaps, cfg)
    groups = attach_small(similarity, average_linkage(similarity, cfg.threshold), gaps, cfg)
    groups.sort(key=lambda g: ordered[g[0]].id)
    events = []
    for number, group in enumerate(groups, 1):
        members = [ordered[i] for i in group]
        event = Event(id=f"E{number}", documents=[d.id for d in members], label=_label(members, similarity, group))
        for document in members:
            document.event = event.id
        events.append(event)
    return events


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_LABEL_CHARS = 120


def _label(members: list[Document], similarity: np.ndarray, group: list[int]) -> str:
    """The story in a few words: the title of the most central document (the one the others resemble
    most), else its first sentence, never a web address (a blog post's title may be its URL)."""
    if len(group) > 1:
        centrality = similarity[np.ix_(group, group)].sum(axis=1)
        order = sorted(range(len(group)), key=lambda k: (-round(float(centrality[k]), 6), members[k].id))
    else:
        order = [0]
    candidates = [members[k].title for k in order] + [s.text for k in order for s in members[k].sentences[:3]]
    for text in candidates:
        words = _WEB_ADDRESS.sub(" ", text or "").split()
        if len(words) >= 2:
            label = " ".join(words)
            return label if len(label) <= _LABEL_CHARS else label[:_LABEL_CHARS].rsplit(" ", 1)[0] + "…"
    return f"{len(members)} article{'s' if len(members) != 1 else ''}"


def event_date(documents: list[Document]) -> str | None:
    """The day most often named by explicit day-granular dates in the event's documents; a tie
    goes to the day nearest publication (a caption may recall an older meeting)."""
    counts = Counter(day for document in documents for day in explicit_days(document))
    if not counts:
        return None
    published = sorted(d.published for d in documents if d.published)

    def distance(day: str) -> int:
        match = _ISO_DAY.match(day)
        if not published or not match or not match.group(1):
            return 0
        try:
            return abs((date(int(match.group(1)), int(match.group(2)), int(match.group(3))) - published[0]).days)
        except ValueError:
            return 0

    return min(counts, key=lambda d: (-counts[d], distance(d), d))
