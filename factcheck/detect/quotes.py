"""``quote_drift``: one speaker's words printed differently by different outlets.

Quotes of an event are paired across documents when their speakers agree (one
name contains the other, spelling slips allowed) and most of the shorter
quote's words appear, in order, in the longer; without a speaker on one side
the overlap must be higher. A speaker only read off a weak cue (a pronoun, the
quote before) never keeps two quotes apart. Documents in different languages
are never paired: a translation is not a drift.

Paired quotes are compared word by word, and only changed words count.
Shortening is not drift: an outlet that starts later or stops earlier, drops a
sentence, elides with ``…``, or leaves out a run of words agrees; so do
spelling (``neighbourhood``/``neighborhood``), joined words, number formatting
(``6 p.m.``/``6:00 p.m.``) and editorial brackets. What is left (a word
replaced, added or dropped inside a sentence, a sentence cut short with a full
stop) is drift. Each change is placed in the sentences that hold it, and one
finding is made per group of sentences that differ, so its evidence is the
sentences holding the changed words; ``value`` stays the whole quote.

Severity says what changed: medium when the changed words carry a fact
(numbers, negation, names), low for other rewording. Confidence says how sure
the two quotes are one utterance reworded: both speakers named by a cue, a
large overlap and content words changed make it high; a change of function
words only, or a one-letter slip, makes it low.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from rapidfuzz.distance import Indel, Levenshtein

from .. import lang
from ..extract import _lang
from ..extract.names import data_languages, lexicon
from ..extract.quotes import quote_words
from ..model import Document, Evidence, Fact, Finding, Sentence
from ..registry import EventContext, detectors
from ..settings import active
from ._common import majority, make_finding, sentence_of

KIND = "quote_drift"
_STRONG_CUES = frozenset({"after", "before", "paragraph"})
_FRAGMENT_WORDS = 8
"""Words in common, in order, that pair a fragment with a much longer quote of the same speaker."""
_SHARED_RUNS = 10
"""Words in shared runs of three or more that pair two quotes however differently outlets cut them
(``"A." "B," he said`` against ``"A. B," he said``)."""
_SAME_SENTENCE = 0.5
"""Share of the shorter side's words the two sentences holding a change must have in common."""
_ELIDED_RUN = 3
"""A run of this many words left out inside a quote is an (unmarked) elision, unless it carries a
negation or a number."""
_EDGE_CHANGE = 2
"""At a quote's start or end, a replaced or (at the end) added run this short is a change; a longer
one is where two outlets cut the quote differently."""
_ELISION = re.compile(r"…|\.\s?\.\s?\.|\[\s*\.*\s*\]|\(\s*\.\.+\s*\)")
_SENTENCE_END = re.compile(r"[.!?;]")
_CONTEXT = 3


@dataclass(frozen=True)
class Said:
    """One quote fact with its document."""

    document: Document
    fact: Fact

    @cached_property
    def words(self) -> tuple[tuple[str, int, int], ...]:
        """Normalised words with their source offsets."""
        stored = self.fact.attrs.get("words")
        if stored is not None:
            return tuple(stored)
        start = self.fact.attrs.get("quote_start", self.fact.start)
        end = self.fact.attrs.get("quote_end", self.fact.end)
        return quote_words(self.document.source, start, end)

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        return tuple(w for w, _, _ in self.words)

    @property
    def text(self) -> str:
        """The speaker's words: normalised, editorial brackets left out."""
        return " ".join(self.tokens)

    @property
    def speaker(self) -> str | None:
        return self.fact.attrs.get("speaker")

    @property
    def strong(self) -> bool:
        """The speaker was read off a cue of this quote, not borrowed from a pronoun or the quote before."""
        return bool(self.speaker) and self.fact.attrs.get("cue") in _STRONG_CUES

    @property
    def language(self) -> str:
        return self.document.language

    @property
    def start(self) -> int:
        return int(self.fact.attrs.get("quote_start", self.fact.start))

    @property
    def end(self) -> int:
        return int(self.fact.attrs.get("quote_end", self.fact.end))

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding ``offset``."""
        sentences = self.document.sentences
        at = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
        return sentences[max(at, 0)].index if sentences else self.fact.sentence


@cache
def _negation_words(languages: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for code in languages for w in _lang.load(code, "names").get("negations", []))


@cache
def _number_values(languages: tuple[str, ...]) -> dict[str, float]:
    """Cardinal words from the numbers tables with their values (``dua``, ``puluh``, ``million``)."""
    values: dict[str, float] = {}
    for code in languages:
        table = _lang.load(code, "numbers")
        for name in ("words", "adders", "factors", "scales"):
            for word, value in table.get(name, {}).items():
                if isinstance(value, int | float):
                    values[word.casefold()] = float(value)
    return values


@cache
def _ordinals(languages: tuple[str, ...]) -> dict[str, int]:
    """Ordinal words with their numbers: the tables' ``first`` … ``tenth``, and ``eleventh`` or
    ``twentieth`` read off the cardinal they are made from."""
    values = _number_values(languages)
    found: dict[str, int] = {}
    for code in languages:
        table = _lang.load(code, "numbers")
        for number, word in enumerate(table.get("ordinals", [])[:10], 1):
            found[word.casefold()] = number
    for word, value in values.items():
        if value == int(value) and 10 < value < 100:
            found.setdefault(re.sub(r"y$", "ie", word) + "th", int(value))
    return found


def _ordinal(word: str, ordinals: dict[str, int]) -> int | None:
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th|e|er|ème)", word)
    return int(match.group(1)) if match else ordinals.get(word)


@cache
def _languages(a: str, b: str) -> tuple[str, ...]:
    return tuple(sorted(set(data_languages(a)) | set(data_languages(b))))


def _same_name(x: str, y: str) -> bool:
    return x == y or (min(len(x), len(y)) >= 4 and Levenshtein.normalized_similarity(x, y) >= 0.8)


def _speakers_agree(a: str | None, b: str | None) -> bool:
    """One name holds the other (``bodiford`` / ``superior court judge james bodiford``), a
    slip of spelling allowed (``carolos``/``karolos``)."""
    if a is None or b is None:
        return True
    x, y = sorted((a.split(), b.split()), key=len)
    return all(any(_same_name(p, q) for q in y) for p in x)


def _common(a: Said, b: Said) -> float:
    x, y = a.tokens, b.tokens
    return (len(x) + len(y) - Indel.distance(x, y)) / 2


def _overlap(a: Said, b: Said) -> tuple[float, float]:
    """Words in common, in order: the longest common word sequence over the shorter and the longer quote."""
    x, y = a.tokens, b.tokens
    if not x or not y:
        return 0.0, 0.0
    common = _common(a, b)
    if common < active().detect.quote_min_shared:
        return 0.0, 0.0
    return common / min(len(x), len(y)), common / max(len(x), len(y))


def _same_quote(a: Said, b: Said) -> float:
    """How surely ``a`` and ``b`` render one utterance (0 when they cannot)."""
    if a.document.id == b.document.id or not _same_language(a.language, b.language):
        return 0.0
    named = bool(a.speaker and b.speaker)
    if not _speakers_agree(a.speaker, b.speaker):
        if a.strong and b.strong:
            return 0.0
        named = False  # a borrowed speaker may be wrong: judge the words alone
    shorter, longer = _overlap(a, b)
    cfg = active().detect
    needed = cfg.quote_needed_speaker if named else cfg.quote_needed_anonymous
    if shorter >= needed[0] and (longer >= needed[1] or _common(a, b) >= _FRAGMENT_WORDS):
        return shorter
    if shorter and _common(a, b) >= _SHARED_RUNS and _runs(a.tokens, b.tokens) >= _SHARED_RUNS:
        return min(shorter, needed[0])  # outlets that cut one statement into quotes differently
    return 0.0


def _runs(x: tuple[str, ...], y: tuple[str, ...]) -> int:
    """Words in runs of three or more that both quotes share, in order."""
    blocks = difflib.SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= 3)


def _same_language(a: str, b: str) -> bool:
    unknown = {"", "und", None}
    return a == b or a in unknown or b in unknown


# ---------------------------------------------------------------- word changes


@cache
def _spelling_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """British/American spellings and friends (``lang/<code>/quotes.json``): rewrites that make both one."""
    return tuple((re.compile(pattern), replacement)
                 for pattern, replacement in lang.merged("quotes").get("spelling_rewrites", []))


def _spelling(word: str) -> str:
    for pattern, replacement in _spelling_rules():
        word = pattern.sub(replacement, word)
    return word


_CLOCK = re.compile(r"\b(\d{1,2})(?: (\d{2}))? ?([ap]) ?m\b")


def _clock(words: list[str], caps: frozenset[str]) -> list[str]:
    """``6 41pm pst`` is ``18 41``: a 12-hour clock as a 24-hour one, time zones left out."""
    def hours(match: re.Match[str]) -> str:
        hour = int(match.group(1)) % 12 + (12 if match.group(3) == "p" else 0)
        return f"{hour} {match.group(2) or '00'}"

    text = _CLOCK.sub(hours, " ".join(words))
    kept = [w for w in text.split() if w.upper() not in caps]
    return _digits(kept)


def _digits(words: list[str]) -> list[str]:
    """``6 00`` is ``6``: zeros after a number are clock formatting."""
    kept: list[str] = []
    for word in words:
        if word.strip("0") == "" and kept and kept[-1].isdigit():
            continue
        kept.append((word.lstrip("0") or "0") if word.isdigit() else word)
    return kept


def _formatting(x: list[str], y: list[str], values: dict[str, float], ordinals: dict[str, int],
                caps: frozenset[str] = frozenset()) -> bool:
    """Only the writing differs: joined words, spelling, number formatting (``three``/``3``, ``11th``/``eleventh``)."""
    if "".join(x) == "".join(y):
        return True
    dx, dy = _digits(x), _digits(y)
    if dx == dy or (any(w[:1].isdigit() for w in x) and _clock(x, caps) == _clock(y, caps)):
        return True
    return len(dx) == len(dy) and all(_same_word(p, q, values, ordinals) for p, q in zip(dx, dy))


def _same_word(p: str, q: str, values: dict[str, float], ordinals: dict[str, int]) -> bool:
    if p == q or _spelling(p) == _spelling(q):
        return True
    if p.isdigit() or q.isdigit():
        number, word = (p, q) if p.isdigit() else (q, p)
        return values.get(word) == float(number)
    first = _ordinal(p, ordinals)
    return first is not None and first == _ordinal(q, ordinals)


@dataclass
class Change:
    """Words of ``a`` (``a_range``) printed as words of ``b`` (``b_range``); one range may be empty."""

    a: Said
    b: Said
    a_range: tuple[int, int]
    b_range: tuple[int, int]
    factual: bool = False
    content: bool = False
    slip: bool = False
    sites: list[tuple[int, int]] = field(default_factory=list)


def _between(said: Said, at: int) -> str:
    """The source text between word ``at - 1`` and word ``at`` of ``said`` (the quote's edge at either end)."""
    start = said.words[at - 1][2] if at > 0 else said.start
    end = said.words[at][1] if at < len(said.words) else said.end
    return said.document.source[start:end] if start <= end else ""


def _whole_sentences(said: Said, lo: int, hi: int) -> bool:
    """Words ``lo:hi`` of ``said`` are whole sentences of it."""
    before = _between(said, lo)
    after = _between(said, hi)
    starts = lo == 0 or _SENTENCE_END.search(before) is not None
    return starts and (hi == len(said.words) or _SENTENCE_END.search(after) is not None)


def _kept(said: Said, other: Said, lo: int, hi: int, at: int, stop: frozenset[str], negations: frozenset[str],
          values: dict[str, float]) -> bool:
    """Words ``lo:hi`` of ``said`` that ``other`` leaves out at its word ``at``: a shortening?"""
    words = said.tokens[lo:hi]
    if _ELISION.search(_between(other, at)):
        return True
    if _whole_sentences(said, lo, hi):
        return True
    if all(w in stop for w in words) and _SENTENCE_END.search(_between(other, at)):
        return True  # ``wildlife, and we`` / ``wildlife. We``
    carries = any(w in negations or w.isdigit() or w in values for w in words)
    if lo > 0 and said.tokens[lo - 1].isdigit() and all(w.strip("0") == "" for w in words):
        return True  # ``6:00`` / ``6``
    return len(words) >= _ELIDED_RUN and not carries


def _breaks(said: Said, lo: int, hi: int) -> bool:
    """A sentence ends between words ``lo:hi`` of ``said``."""
    return any(_SENTENCE_END.search(_between(said, k)) for k in range(lo + 1, hi))


def _reworded_edge(a: Said, b: Said, x: tuple[int, int], y: tuple[int, int], where: str) -> bool:
    """Both quotes begin (end) with the same sentence, worded differently there: each edge hunk
    stays inside one sentence, and not both are a whole sentence of their own."""
    if _breaks(a, *x) or _breaks(b, *y):
        return False
    if where == "end":
        ends = all(_SENTENCE_END.search(s.document.source[s.words[-1][2]:s.end]) for s in (a, b))
        whole = _SENTENCE_END.search(_between(a, x[0])) and _SENTENCE_END.search(_between(b, y[0]))
        return bool(ends and not whole)
    return not (_SENTENCE_END.search(_between(a, x[1])) and _SENTENCE_END.search(_between(b, y[1])))


def _cut_short(short: Said, long: Said, end_short: int, lo: int) -> bool:
    """``short`` ends its quote with a full stop where ``long`` goes on with the same sentence."""
    tail = short.document.source[short.words[end_short - 1][2]:short.end] if end_short else ""
    if not _SENTENCE_END.search(tail):
        return False
    return not _SENTENCE_END.search(_between(long, lo))


def _hunks(x: list[str], y: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``(where, i1, i2, j1, j2)``: the words that differ, ``where`` being ``start``, ``inside`` or
    ``end``. What lies before the first (after the last) run of two or more shared words is one
    edge hunk, so a stray shared ``the`` does not turn two cut points into a change."""
    ops = difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    anchors = [k for k in equal if ops[k][2] - ops[k][1] >= 2 or ops[k][1] == ops[k][3] == 0
               or (ops[k][2] == len(x) and ops[k][4] == len(y))] or equal
    if not anchors:
        return []
    first, last = ops[anchors[0]], ops[anchors[-1]]
    found = []
    if first[1] or first[3]:
        found.append(("start", 0, first[1], 0, first[3]))
    found += [("inside", *op[1:]) for op in ops[anchors[0]:anchors[-1]] if op[0] != "equal"]
    if last[2] < len(x) or last[4] < len(y):
        found.append(("end", last[2], len(x), last[4], len(y)))
    return found


def _changes(a: Said, b: Said) -> list[Change]:
    x, y = list(a.tokens), list(b.tokens)
    langs = _languages(a.language, b.language)
    stop = lexicon(langs).stop
    caps = lexicon(langs).stop_caps
    negations = _negation_words(langs)
    values = _number_values(langs)
    ordinals = _ordinals(langs)
    found: list[Change] = []
    hunks = _hunks(x, y)
    # Quotes that start and end at one place are one passage: a sentence reworded however
    # heavily is still a change of it. Otherwise a change must sit in sentences that match.
    coextensive = all(i2 - i1 <= _EDGE_CHANGE and j2 - j1 <= _EDGE_CHANGE
                      for where, i1, i2, j1, j2 in hunks if where != "inside")
    for where, i1, i2, j1, j2 in hunks:
        xa, yb = x[i1:i2], y[j1:j2]
        if _formatting(xa, yb, values, ordinals, caps):
            continue
        if where == "start":  # where each outlet starts quoting
            if not (xa and yb and (len(xa) <= _EDGE_CHANGE and len(yb) <= _EDGE_CHANGE
                                   or _reworded_edge(a, b, (i1, i2), (j1, j2), "start"))):
                continue
        elif where == "end":  # where each outlet stops
            if xa and yb:
                if (len(xa) > _EDGE_CHANGE or len(yb) > _EDGE_CHANGE) \
                        and not _reworded_edge(a, b, (i1, i2), (j1, j2), "end"):
                    continue
            elif xa:
                if len(xa) > _EDGE_CHANGE or not _cut_short(b, a, j1, i1):
                    continue
            elif len(yb) > _EDGE_CHANGE or not _cut_short(a, b, i1, j1):
                continue
        elif (not yb and _kept(a, b, i1, i2, j1, stop, negations, values)) \
                or (not xa and _kept(b, a, j1, j2, i1, stop, negations, values)):
            continue
        elif xa and yb and _whole_sentences(a, i1, i2) and _whole_sentences(b, j1, j2):
            continue  # each outlet quotes a sentence the other leaves out
        change = _change(a, b, (i1, i2), (j1, j2), stop, negations, values)
        if coextensive or _one_sentence(change):
            found.append(change)
    return found


def _one_sentence(change: Change) -> bool:
    """The sentences holding the change say one thing in both outlets (most of the shorter one's
    words are in the other): not two different sentences that happen to share a phrase."""
    x = _in_sentences(change.a, {s for side, s in change.sites if side == 0})
    y = _in_sentences(change.b, {s for side, s in change.sites if side == 1})
    if not x or not y:
        return False
    common = (len(x) + len(y) - Indel.distance(x, y)) / 2
    return common / min(len(x), len(y)) >= _SAME_SENTENCE


def _change(a: Said, b: Said, a_range: tuple[int, int], b_range: tuple[int, int], stop: frozenset[str],
            negations: frozenset[str], values: dict[str, float]) -> Change:
    xa, yb = a.tokens[a_range[0]:a_range[1]], b.tokens[b_range[0]:b_range[1]]
    numbers = (sorted(_digits([w for w in xa if w.isdigit() or w in values])),
               sorted(_digits([w for w in yb if w.isdigit() or w in values])))
    negated = sum(w in negations for w in xa) != sum(w in negations for w in yb)
    named = _names(a, a_range) != _names(b, b_range)
    slip = (len(xa) == len(yb) == 1 and min(len(xa[0]), len(yb[0])) >= active().detect.quote_min_spelling
            and Levenshtein.distance(xa[0], yb[0]) <= 1)
    change = Change(a, b, a_range, b_range, factual=numbers[0] != numbers[1] or negated or named,
                    content=any(w not in stop for w in (*xa, *yb)), slip=slip)
    change.sites = [(0, s) for s in _sites(a, a_range)] + [(1, s) for s in _sites(b, b_range)]
    return change


def _sites(said: Said, span: tuple[int, int]) -> list[int]:
    """The sentences holding words ``span`` of ``said`` (for an empty span: the word before it)."""
    lo, hi = span
    if lo == hi:
        lo, hi = (lo - 1, lo) if lo > 0 else (lo, lo + 1)
    hi = min(hi, len(said.words))
    return sorted({said.sentence_at(said.words[i][1]) for i in range(max(lo, 0), hi)})


def _names(said: Said, span: tuple[int, int]) -> frozenset[str]:
    """Capitalised words among words ``span``, except at the start of a sentence."""
    stop = lexicon(data_languages(said.language)).stop
    found = set()
    source = said.document.source
    for i in range(*span):
        word, start, end = said.words[i]
        surface = source[start:end]
        if not surface[:1].isupper() or word in stop:
            continue
        before = _between(said, i).strip(" \t\"'“”‘’`«»„")
        if i == 0 or _SENTENCE_END.search(before[-1:] or "."):
            continue
        found.add(word)
    return frozenset(found)


# ---------------------------------------------------------------- clusters and findings


def _clusters(quotes: list[Said]) -> list[list[Said]]:
    """Quotes that render one utterance, grouped transitively. A quote may pair with two quotes
    of one document: an outlet that quotes a phrase and then the whole sentence."""
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            if _same_quote(quotes[i], quotes[j]) > 0:
                parent[find(i)] = find(j)
    groups: dict[int, list[Said]] = {}
    for i, said in enumerate(quotes):
        groups.setdefault(find(i), []).append(said)
    return [g for g in groups.values() if len({s.document.id for s in g}) > 1]


def _findings(cluster: list[Said], context: EventContext) -> list[Finding]:
    """One finding per group of sentences whose words differ between the outlets."""
    changes = [c for i, a in enumerate(cluster) for b in cluster[i + 1:] if _same_quote(a, b) > 0
               for c in _changes(a, b)]
    if not changes:
        return []
    index = {id(s): n for n, s in enumerate(cluster)}
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(key: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    keyed = []
    for change in changes:
        keys = [(index[id(change.a if side == 0 else change.b)], sentence) for side, sentence in change.sites]
        for key in keys[1:]:
            parent[find(keys[0])] = find(key)
        keyed.append((change, keys))
    groups: dict[tuple[int, int], tuple[list[Change], set[tuple[int, int]]]] = {}
    for change, keys in keyed:
        group = groups.setdefault(find(keys[0]), ([], set()))
        group[0].append(change)
        group[1].update(keys)
    findings = [_finding(cluster, grouped, sites, context) for grouped, sites in groups.values()]
    return [f for f in findings if f is not None]


def _in_sentences(said: Said, sentences: set[int]) -> list[str]:
    """The words of ``said`` inside ``sentences``: what this outlet prints there."""
    return [w for w, start, _ in said.words if said.sentence_at(start) in sentences]


def _local(said: Said, sentences: set[int]) -> str:
    return " ".join(_in_sentences(said, sentences))


def _evidence(said: Said, sentence: Sentence) -> Evidence | None:
    start, end = max(said.start, sentence.start), min(said.end, sentence.end)
    if start >= end:
        return None
    source = said.document.source
    while start < end and not source[start].isalnum():
        start += 1
    while end > start and not source[end - 1].isalnum():
        end -= 1
    if start >= end:
        return None
    return Evidence(document=said.document.id, sentence=sentence.index, start=sentence.start, end=sentence.end,
                    text=source[sentence.start:sentence.end], value=str(said.fact.value), span=(start, end))


def _finding(cluster: list[Said], changes: list[Change], sites: set[tuple[int, int]],
             context: EventContext) -> Finding | None:
    by_said: dict[int, set[int]] = {}
    for n, at in sites:
        by_said.setdefault(n, set()).add(at)
    evidence = []
    local: dict[str, str] = {}
    whole: dict[str, str] = {}
    for n in sorted(by_said, key=lambda n: (cluster[n].document.id, cluster[n].start)):
        said = cluster[n]
        for number in sorted(by_said[n]):
            sentence = sentence_of(said.document, number)
            item = _evidence(said, sentence) if sentence is not None else None
            if item is not None:
                evidence.append(item)
        local.setdefault(said.document.id, _local(said, by_said[n]))
        whole.setdefault(said.document.id, str(said.fact.value))
    if len({e.document for e in evidence}) < 2:
        return None
    winner, outliers = majority(local)
    shown = None
    if winner is not None:
        held = [whole[d] for d in sorted(local) if local[d] == winner]
        shown = max(sorted(set(held)), key=held.count)
    change = _headline(changes, outliers)
    factual = any(c.factual for c in changes)
    speaker = next((s.speaker for s in (change.a, change.b) if s.speaker), None) \
        or next((cluster[n].speaker for n in sorted(by_said) if cluster[n].speaker), None)
    summary = (f"{_who(speaker)} quoted differently: {_context(change.a, change.a_range)!r} ({change.a.document.id}) "
               f"vs {_context(change.b, change.b_range)!r} ({change.b.document.id}); changed words: "
               f"{_changed(change)}")
    return make_finding(KIND, "medium" if factual else "low", _confidence(cluster, by_said, changes),
                        _claim_of(evidence, context), summary, shown, outliers, evidence)


def _headline(changes: list[Change], outliers: list[str]) -> Change:
    """The change shown in the summary: a factual one first, then one of an outlier outlet, majority side first."""
    ranked = sorted(changes, key=lambda c: (not c.factual, not c.content, c.a.document.id, c.b.document.id,
                                            c.a_range, c.b_range))
    change = ranked[0]
    if change.a.document.id in outliers and change.b.document.id not in outliers:
        return Change(change.b, change.a, change.b_range, change.a_range, change.factual, change.content,
                      change.slip, change.sites)
    return change


def _confidence(cluster: list[Said], by_said: dict[int, set[int]], changes: list[Change]) -> float:
    involved = [cluster[n] for n in by_said]
    if all(s.strong for s in involved):
        attribution = 1.0
    elif all(s.speaker for s in involved):
        attribution = 0.6
    elif any(s.speaker for s in involved):
        attribution = 0.3
    else:
        attribution = 0.0
    overlap = min(_overlap(c.a, c.b)[0] for c in changes)
    substance = 1.0 if any(c.factual for c in changes) else 0.7 if any(c.content and not c.slip for c in changes) \
        else 0.3 if any(c.content for c in changes) else 0.0
    return min(0.95, 0.3 + 0.25 * attribution + 0.2 * overlap + 0.2 * substance)


def _context(said: Said, span: tuple[int, int]) -> str:
    lo, hi = span
    start, end = max(0, lo - _CONTEXT), min(len(said.tokens), hi + _CONTEXT)
    text = " ".join(said.tokens[start:end])
    limit = active().detect.quote_preview
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0]
    return ("…" if start > 0 else "") + text + ("…" if end < len(said.tokens) else "")


def _changed(change: Change) -> str:
    old = " ".join(change.a.tokens[change.a_range[0]:change.a_range[1]])
    new = " ".join(change.b.tokens[change.b_range[0]:change.b_range[1]])
    if not old:
        return f"{new!r} added"
    if not new:
        return f"{old!r} left out"
    return f"{old!r} → {new!r}"


def _who(speaker: str | None) -> str:
    return speaker.title() if speaker else "A speaker"


def _claim_of(evidence: list[Evidence], context: EventContext) -> str | None:
    """The claim holding every evidence sentence, when the aligner put them together."""
    spots = {(e.document, e.sentence) for e in evidence}
    for claim in context.claims:
        if spots <= {(m.document, m.sentence) for m in claim.members}:
            return claim.id
    return None


def _quotes(context: EventContext) -> list[Said]:
    return [Said(context.documents[doc_id], fact) for doc_id in sorted(context.documents)
            for fact in sorted(context.documents[doc_id].facts, key=lambda f: (f.start, f.end))
            if fact.kind == "quote"]


class QuoteDriftDetector:
    kind = KIND

    def __call__(self, context: EventContext) -> list[Finding]:
        findings = [f for cluster in _clusters(_quotes(context)) for f in _findings(cluster, context)]
        return sorted(findings, key=lambda f: (f.evidence[0].document, f.evidence[0].start))


detectors.register(QuoteDriftDetector.kind)(QuoteDriftDetector())
