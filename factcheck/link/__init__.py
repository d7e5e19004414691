"""Fact alignment inside an event: which facts of different articles (or of one) are about one thing.

Facts are compared wherever they stand, not only inside one claim: every cross-article pair of number
facts of one dimension and unit (counts of one noun, lengths in metres, money of one
currency…) and every pair of dates that can be read at a common level is a candidate, and
one fitted score (``model.LinkModel`` over ``features.FEATURES``) says how likely the two
are one quantity or occasion. Detectors turn linked pairs whose values cannot both be
right into findings. Blocking keeps a large event from becoming quadratic: past
``link.block_size`` facts of one unit, each fact meets only its ``link.max_partners``
most similar sentences' facts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..detect._common import claim_pairs
from ..model import Document, Fact
from ..registry import EventContext
from . import features as _features
from .model import LinkModel, load
from .values import DATE_KINDS, NUMBER_KINDS, date_level, number_key, quantities_agree, views

_WORDS = _features.FEATURES.index("sentence_words")


@dataclass(frozen=True)
class FactLink:
    """Two facts that may be about one thing, with the model's score and whether their values clash."""

    a: Fact
    b: Fact
    level: str
    differ: bool
    score: float
    features: tuple[float, ...]
    same_statement: bool = False
    """The aligner matched the two sentences as one statement and these facts as counterparts, in articles
    published the same day."""


def family_of(fact: Fact) -> str:
    """The link model family a fact is scored by: ``date`` or ``number``."""
    return "date" if fact.kind in DATE_KINDS else "number"


def model_for(context: EventContext) -> LinkModel:
    return load(context.settings.link.model)


def links(context: EventContext, kinds: frozenset[str]) -> list[FactLink]:
    """Scored candidate pairs of ``kinds`` (number kinds or date kinds) in one event, cached per context."""
    key = "links:" + ",".join(sorted(kinds))
    cached = context.cache.get(key)
    if cached is None:
        cached = _links(context, kinds)
        context.cache[key] = cached
    return cached


def _links(context: EventContext, kinds: frozenset[str]) -> list[FactLink]:
    model = model_for(context)
    claim_of = claim_index(context)
    centre = _features.event_centre([v[i].astype(np.float32) for v in (context.vectors or {}).values() for i in range(min(2, len(v)))])
    statements = _statement_pairs(context)
    max_days = context.settings.link.max_days_apart
    copy_words = context.settings.link.weekday_copy_words
    table_values = context.settings.link.table_values
    sides: dict[tuple[str, int, int], _features.Side] = {}
    groups: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for doc_id in sorted(context.documents):
        document = context.documents[doc_id]
        vectors = context.vectors.get(doc_id) if context.vectors else None
        for fact in document.facts:
            if fact.kind not in kinds:
                continue
            group = _group_key(fact)
            if group is None:
                continue
            made = _features.side(fact, document, vectors)
            if made is None:
                continue
            sides[_id(fact)] = made
            groups[group].append(fact)
    out = []
    for group_key in sorted(groups):
        facts = groups[group_key]
        per_document = Counter(f.document for f in facts)
        per_sentence = Counter((f.document, f.sentence) for f in facts)
        by_document: dict[str, list[Fact]] = defaultdict(list)
        listed: dict[tuple[str, int], set[str]] = defaultdict(set)
        for fact in facts:
            by_document[fact.document].append(fact)
            listed[fact.document, fact.sentence].add(str(fact.value))
        echoes: dict[tuple, bool] = {}
        candidates = []
        for fa, fb in _candidates(facts, sides, context):
            if not _close_in_time(sides[_id(fa)].document, sides[_id(fb)].document, max_days):
                continue
            if _other_tables(listed[fa.document, fa.sentence], listed[fb.document, fb.sentence], table_values):
                continue
            level, differ = _relation(fa, fb, context)
            if level is not None and not _features.other_subject(sides[_id(fa)], sides[_id(fb)]):
                candidates.append((fa, fb, level, differ, _features.affinity(sides[_id(fa)], sides[_id(fb)])))
        best: dict[tuple, float] = {}
        agreeing: dict[tuple, float] = {}
        for fa, fb, _level, differ, affinity in candidates:
            for one, other in ((fa, fb), (fb, fa)):
                key = (_id(one), other.document)
                best[key] = max(best.get(key, -1.0), affinity)
                if not differ:
                    agreeing[key] = max(agreeing.get(key, -9.0), affinity)
        for fa, fb, level, differ, affinity in candidates:
            sa, sb = sides[_id(fa)], sides[_id(fb)]
            same_claim = bool(claim_of.get((fa.document, fa.sentence), set())
                              & claim_of.get((fb.document, fb.sentence), set()))
            ambiguity = per_document[fa.document] + per_document[fb.document] - 2
            mutual = affinity >= best[_id(fa), fb.document] and affinity >= best[_id(fb), fa.document]
            statement = _statement_key(fa, fb) in statements
            echoed = differ and (_gives(fb.document, fa, by_document, echoes)
                                 or _gives(fa.document, fb, by_document, echoes))
            rival = min(affinity - best[_id(fa), fb.document], affinity - best[_id(fb), fa.document])
            matched_elsewhere = differ and (agreeing.get((_id(fa), fb.document), -9.0) >= affinity
                                            or agreeing.get((_id(fb), fa.document), -9.0) >= affinity)
            values = _features.vector(sa, sb, same_claim, statement, ambiguity, mutual, echoed, centre,
                                      rival, matched_elsewhere)
            score = model.family(family_of(fa)).score(values)
            counterparts = (per_sentence[fa.document, fa.sentence] == 1 and per_sentence[fb.document, fb.sentence] == 1
                            ) or sa.neighbours == sb.neighbours
            retold = statement and counterparts and _close_in_time(sa.document, sb.document, 0) \
                and (level != "weekday" or values[_WORDS] >= copy_words)
            out.append(FactLink(fa, fb, level, differ, round(score, 6), tuple(values), retold))
    return out


def _other_tables(a: set[str], b: set[str], least: int) -> bool:
    """Two sentences that each list ``least`` or more values of one unit and share fewer than half of them: two
    tallies (Indonesia's medals and the medals at stake in squash, which share a 7 by chance), not one
    tally misreported, which keeps most of its values."""
    return len(a) >= least and len(b) >= least and 2 * len(a & b) < min(len(a), len(b))


def _id(fact: Fact) -> tuple[str, int, int]:
    return fact.document, fact.start, fact.end


def _group_key(fact: Fact) -> tuple[str, ...] | None:
    if fact.kind in NUMBER_KINDS:
        key = number_key(fact)
        return ("number", *key) if key else None
    if fact.kind in DATE_KINDS:
        return ("date",)
    return None


def _relation(fa: Fact, fb: Fact, context: EventContext) -> tuple[str | None, bool]:
    """The level two facts compare at (None: not comparable) and whether their values differ there."""
    if fa.kind in NUMBER_KINDS:
        if fa.attrs.get("converted_from") == fb.text or fb.attrs.get("converted_from") == fa.text:
            return None, False
        return "value", not quantities_agree(fa, fb)
    level = date_level(fa, fb)
    if level is None:
        return None, False
    relative = bool(fa.attrs.get("relative") or fb.attrs.get("relative"))
    if relative and level != "weekday":
        da, db = context.documents[fa.document], context.documents[fb.document]
        if da.published is None or da.published != db.published:
            return None, False
    return level, views(fa)[level] != views(fb)[level]


def _candidates(facts: list[Fact], sides: dict, context: EventContext) -> Iterable[tuple[Fact, Fact]]:
    """Pairs of facts of different articles (one article is compared with itself by the detectors); blocked by sentence similarity when the group is large."""
    settings = context.settings.link
    if len(facts) <= settings.block_size:
        for i, fa in enumerate(facts):
            for fb in facts[i + 1:]:
                if fa.document != fb.document:
                    yield fa, fb
        return
    dims = next((s.vector.shape[0] for s in sides.values() if s.vector is not None), 0)
    matrix = np.stack([sides[_id(f)].vector if sides[_id(f)].vector is not None else np.zeros(dims, np.float32)
                       for f in facts]) if dims else np.zeros((len(facts), 1), np.float32)
    similarity = matrix @ matrix.T
    seen: set[tuple[int, int]] = set()
    for i in range(len(facts)):
        order = np.argsort(-similarity[i], kind="stable")[: settings.max_partners + 1]
        for j in sorted(int(j) for j in order):
            pair = (min(i, j), max(i, j))
            if i == j or pair in seen:
                continue
            seen.add(pair)
    for i, j in sorted(seen):
        fa, fb = facts[i], facts[j]
        if fa.document != fb.document:
            yield fa, fb


def _gives(document: str, fact: Fact, by_document: dict[str, list[Fact]], seen: dict[tuple, bool]) -> bool:
    """Does ``document`` also state ``fact``'s value (a same-unit fact that agrees with it)? Memoised in
    ``seen``: a fact meets every fact of the other article, and the answer is the same each time."""
    key = (document, _id(fact))
    if key not in seen:
        seen[key] = fact.kind in NUMBER_KINDS and any(quantities_agree(other, fact)
                                                      for other in by_document.get(document, ()))
    return seen[key]


def _statement_key(fa: Fact, fb: Fact) -> tuple:
    return tuple(sorted(((fa.document, fa.sentence), (fb.document, fb.sentence))))


def _statement_pairs(context: EventContext) -> set[tuple]:
    """Sentence pairs the aligner matched as one statement (a claim's mutual best pairs sharing words),
    found once per event for numbers and dates alike."""
    found = context.cache.get("statement_pairs")
    if found is None:
        found = set()
        bar = context.settings.detect.number_pair_bar
        for claim in sorted(context.claims, key=lambda c: c.id):
            for pair in claim_pairs(context, claim, *bar):
                found.add(tuple(sorted(((pair.a.document, pair.a.index), (pair.b.document, pair.b.index)))))
        context.cache["statement_pairs"] = found
    return found


def _close_in_time(a: Document, b: Document, days: int) -> bool:
    """Published at most ``days`` apart, or either undated. With 0 days: a changed value in one retold
    statement is a disagreement only on one day; a later day's new value (a tally after the next
    race) is left to the model."""
    return a.published is None or b.published is None or abs((a.published - b.published).days) <= days


def claim_index(context: EventContext) -> dict[tuple[str, int], set[str]]:
    """``(document, sentence) -> ids of the claims holding it``, built once per event."""
    index = context.cache.get("claim_index")
    if index is None:
        index = defaultdict(set)
        for claim in context.claims:
            for member in claim.members:
                index[member.document, member.sentence].add(claim.id)
        context.cache["claim_index"] = index
    return index
