"""Group events: which documents tell the same story.

A story is what ECB+ draws as one: a rehab stay reported over six weeks is one event, two people's
rehab stays are two. Each document gets a signature (``signature.py``: meaning, who and where,
when); each candidate pair (``candidates.py``: nearest documents by meaning, never all pairs in a
large corpus) gets a calibrated same-story probability from a fitted model (``features.py``,
``model.py``); documents are then grouped by sparse average linkage on that probability
(``grouping.py``): a group grows only with documents that tell the story of most of its members,
and a stray report or two folds into the story it is most like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..engine import Engine, InlineEngine, positions
from ..model import Document, Event
from ..settings import EventSettings, Settings, active
from .candidates import candidate_pairs
from .dates import Occasions, day_ordinal, event_date
from .features import FEATURES, Lexicon, day_gaps, pair_features
from .grouping import Adjacency, same_occasion, story_groups
from .model import load
from .signature import Signature, Words, reinterned, signature, signature_words

__all__ = ["FEATURES", "DocumentPairs", "Occasions", "document_pairs", "event_date", "group_events", "story_groups"]


@dataclass(frozen=True)
class DocumentPairs:
    """The candidate pairs of a folder (indices into its documents) with their features."""

    signatures: list[Signature]
    left: np.ndarray
    right: np.ndarray
    features: np.ndarray

    def occasions(self, reach: int) -> Occasions:
        """The documents' days, to keep groups of different occasions apart (``dates.Occasions``)."""
        return Occasions([s.days for s in self.signatures], reach)


def document_pairs(documents: list[Document], vectors: dict[str, np.ndarray],
                   settings: EventSettings | None = None, engine: Engine | None = None) -> DocumentPairs:
    """Signatures, candidate pairs and their features, for ``documents`` in the order given (what
    ``benchmarks/fit_events.py`` fits on). With an engine whose workers share this process's memory,
    the pairs' features are computed in chunks on its workers: every row depends on its pair and the
    folder's lexicon alone, so the rows are the same on any number of workers."""
    cfg = settings or active().events
    engine = engine or InlineEngine()
    on_workers = engine.workers > 1 and engine.shares_memory
    words: list[Words | None] = [None] * len(documents)  # None: made here, with the signature
    if on_workers and len(documents) > cfg.signature_chunk:
        words = [reinterned(w) for chunk in engine.map(_signature_chunk, active(),
                                                      positions(len(documents), cfg.signature_chunk),
                                                      shared=(documents, cfg.lead_sentences)) for w in chunk]
    signatures = [signature(d, vectors[d.id], cfg.lead_sentences, cfg.match_sentences, w)
                  for d, w in zip(documents, words)]
    lexicon = Lexicon.of(signatures)
    left, right = candidate_pairs(lexicon.bodies, cfg.neighbours, cfg.candidate_floor,
                                  [_anchors(d, s) for d, s in zip(documents, signatures)], cfg.candidate_days,
                                  engine if on_workers else None)
    size = max(1, cfg.pair_chunk)
    if on_workers and len(left) > size:
        spans = [[start, min(start + size, len(left))] for start in range(0, len(left), size)]
        features = np.concatenate([rows for chunk in engine.map(_pair_chunk, active(), spans,
                                                                shared=(signatures, lexicon, left, right))
                                   for rows in chunk])
    else:
        features = pair_features(signatures, left, right, day_gaps(signatures, left, right), lexicon)
    return DocumentPairs(signatures, left, right, features)


def _anchors(document: Document, signature: Signature) -> list[int]:
    """The days a dated document stands at, for blocking by date: its publication and the full days it
    names (the signature's days, ``dates.document_days``). An undated document stands at none, and may
    be paired with any."""
    if document.published is None:
        return []
    return sorted({o for o in map(day_ordinal, signature.days) if o is not None})


def _signature_chunk(settings: Settings, positions: list[int], shared: tuple[list[Document], int]) -> list[Words]:
    """The words of the documents' signatures: their vectors are read here, where they are."""
    documents, lead_sentences = shared
    return [signature_words(documents[p], lead_sentences) for p in positions]


def _pair_chunk(settings: Settings, span: list[int], shared: tuple[list[Signature], Lexicon, np.ndarray, np.ndarray]
                ) -> list[np.ndarray]:
    signatures, lexicon, left, right = shared
    chunk_left, chunk_right = left[span[0]:span[1]], right[span[0]:span[1]]
    return [pair_features(signatures, chunk_left, chunk_right, day_gaps(signatures, chunk_left, chunk_right), lexicon)]


def group_events(documents: list[Document], vectors: dict[str, np.ndarray],
                 settings: EventSettings | None = None, engine: Engine | None = None) -> list[Event]:
    """Events numbered E1… in the order of their first document id; sets ``document.event``. ``engine``
    may compute the candidate pairs' features on its workers (``document_pairs``)."""
    cfg = settings or active().events
    ordered = sorted(documents, key=lambda d: d.id)
    pairs = document_pairs(ordered, vectors, cfg, engine)
    model = load(cfg.model)
    scores = model.logistic.scores(pairs.features)
    bar = cfg.bar if cfg.bar is not None else model.bar
    attach_bar = cfg.attach_bar if cfg.attach_bar is not None else model.attach_bar
    small_group = cfg.small_group if cfg.small_group is not None else model.small_group
    groups = story_groups(len(ordered), pairs.left, pairs.right, scores, bar, attach_bar, small_group,
                          pairs.occasions(cfg.other_occasion_days))
    groups = same_occasion(groups, pairs.left, pairs.right, scores, [s.days for s in pairs.signatures],
                           cfg.merge_bar, cfg.merge_day_share)
    centrality = _centrality(len(ordered), groups, pairs.left, pairs.right, scores)
    events = []
    for number, group in enumerate(groups, 1):
        members = [ordered[i] for i in group]
        event = Event(id=f"E{number}", documents=[d.id for d in members],
                      label=_label(members, [float(centrality[i]) for i in group]))
        for document in members:
            document.event = event.id
        events.append(event)
    return events


def _centrality(n: int, groups: list[list[int]], left: np.ndarray, right: np.ndarray,
                scores: np.ndarray) -> np.ndarray:
    """How much each document's story is its event's (the sum of its probabilities with the other
    members), added in the order of the other member, as a pair dictionary summed them, without a
    dictionary of every candidate pair (5 million at 10⁵ articles)."""
    event_of = np.empty(n, dtype=np.int64)
    for number, group in enumerate(groups):
        event_of[group] = number
    pairs = Adjacency.of(n, left, right, scores)
    inside = event_of[pairs.owners] == event_of[pairs.partners]
    out = np.zeros(n, dtype=np.float64)
    np.add.at(out, pairs.owners[inside], pairs.values[inside])
    return out


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_LABEL_CHARS = 120


def _label(members: list[Document], centrality: list[float]) -> str:
    """The story in a few words: the title of the most central document (the one the others resemble
    most), else its first sentence, never a web address (a blog post's title may be its URL)."""
    order = sorted(range(len(members)), key=lambda k: (-round(centrality[k], 6), members[k].id))
    candidates = [members[k].title for k in order] + [s.text for k in order for s in members[k].sentences[:3]]
    for text in candidates:
        words = _WEB_ADDRESS.sub(" ", text or "").split()
        if len(words) >= 2:
            label = " ".join(words)
            return label if len(label) <= _LABEL_CHARS else label[:_LABEL_CHARS].rsplit(" ", 1)[0] + "…"
    return f"{len(members)} article{'s' if len(members) != 1 else ''}"
