"""``name_variant``: one entity spelled two ways across (or within) an event's articles.

Two kinds of variant are reported. Transliterations write the same letters
apart or together (``Kim Jong-un``/``Kim Jong Un``, ``Soeharto``/``Suharto``
after folding old spellings, ``Erdoğan``/``Erdogan``). Misspellings are one
small edit inside one long word of an otherwise identical name, written rarely
next to a frequent spelling (``Kora Utara``/``Korea Utara``, ``Rusian``/
``Rusia``), or a rare slip for a frequent word of the event's names in a short
or long form of a name (``Untied``/``Manchester United``). Slips chain: a slip
for a rare variant of the majority spelling joins the majority's group when that
spelling clearly dominates it. Everything else is a different entity: a different word
(``Selatan``/``Utara``), a short token (``Il``/``Un``, ``Iran``/``Iraq``), an
edit at the start or end of a word (``Mali``/``Bali``, ``Maria``/``Mario``), two
edits (``Putin``/``Putri``, ``Austria``/``Australia``), a known entity of its
own, or an alias from the data (``Korut``, ``Russia``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, cached_property

from ..extract import _lang
from ..extract.names import Lexicon, data_languages, everywhere, is_typo, lexicon, normalise, spelling
from ..model import Document, Evidence, Fact, Finding
from ..registry import EventContext, detectors
from ..settings import active
from ._common import evidence_for, make_finding

KIND = "name_variant"


@dataclass
class Form:
    """All mentions of one name that differ at most by spacing, hyphens, diacritics, old spelling."""

    key: str
    mentions: list[tuple[Document, Fact]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def confirmed(self) -> int:
        """Mentions the extractor is sure are names (not a lone sentence-initial word)."""
        return sum(1 for _, f in self.mentions if not f.attrs.get("tentative"))

    @cached_property
    def words(self) -> list[str]:
        return normalise(self.top_spelling).split()

    @cached_property
    def top_spelling(self) -> str:
        counts = Counter(spelling(f.text) for _, f in self.mentions)
        return min(counts, key=lambda s: (-counts[s], s))

    @cached_property
    def surface(self) -> str:
        counts = Counter(f.text for _, f in self.mentions)
        return min(counts, key=lambda s: (-counts[s], s))

    @property
    def value(self) -> str:
        return self.mentions[0][1].value

    @cached_property
    def demonyms(self) -> frozenset[str]:
        """Suffixes that make a demonym in the languages of the documents writing this form."""
        return _demonym_suffixes([d for d, _ in self.mentions])


@cache
def _respellings() -> tuple[tuple[str, str], ...]:
    pairs = {old: new for table in everywhere() for old, new in table.get("respell", {}).items()}
    return tuple(sorted(pairs.items(), key=lambda p: (-len(p[0]), p[0])))


def form_key(surface: str) -> str:
    """Spacing, hyphens, case, diacritics and old spellings (``oe`` → ``u``) folded away."""
    key = normalise(surface).replace(" ", "")
    for old, new in _respellings():
        key = key.replace(old, new)
    return key


def _forms(context: EventContext) -> list[Form]:
    forms: dict[str, Form] = {}
    for doc_id in sorted(context.documents):
        document = context.documents[doc_id]
        for fact in sorted((f for f in document.facts if f.kind == "name"), key=lambda f: (f.start, f.end)):
            key = form_key(fact.text)
            if key:
                forms.setdefault(key, Form(key)).mentions.append((document, fact))
    return [forms[k] for k in sorted(forms)]


def _lexicon_for(context: EventContext) -> Lexicon:
    langs = sorted({code for d in context.documents.values() for code in data_languages(d.language)})
    return lexicon(tuple(langs))


def _demonym_suffixes(documents: list[Document]) -> frozenset[str]:
    return frozenset(s for d in documents for code in data_languages(d.language)
                     for s in _lang.load(code, "names").get("demonym_suffixes", []))


def _lowercase_words(context: EventContext) -> frozenset[str]:
    """Words the event's articles write in lowercase: common words, never names."""
    return frozenset(w for d in context.documents.values() for w in re.findall(r"\b[a-z]{4,}\b", d.source))


@dataclass
class WordCounts:
    """How often each word is written inside the event's names: every mention of every form holding it.

    ``United`` counts the mentions of ``United`` and of ``Manchester United``, so a
    short form (``Untied``) can be measured against the word it slips on.
    """

    total: Counter[str] = field(default_factory=Counter)
    confirmed: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, forms: list[Form]) -> WordCounts:
        counts = cls()
        for form in forms:
            for word in set(form.words):
                counts.total[word] += form.count
                counts.confirmed[word] += form.confirmed
        return counts


def _misspelling_of(rare: Form, common: Form, lex: Lexicon, lower: frozenset[str] = frozenset(),
                    words: WordCounts | None = None) -> int:
    """Whether ``rare`` is a slip for ``common``: one word of it written wrong by one edit, rarely.

    2: the two forms have the same words but one, and ``rare`` is the rare form.
    1: one word of ``rare`` is a rare slip for a frequent word of the event's names
    (``words``) and, corrected, ``rare`` and ``common`` are one inside the other
    (``Untied`` → ``Manchester United``, ``Manchester Untied`` → ``United``; never
    ``Mohammad Hatta`` → ``Muhammad Yamin``). The words of two different names are
    weaker evidence, so this route also refuses a common word as the right one
    (``Blanja`` is no slip for ``Hari Belanja Online``) and a demonym of any
    language (``Indonesian Contemporary Art`` is no slip for ``Indonesia``). 0: no slip.
    """
    if rare.value == common.value or lex.known(normalise(rare.top_spelling)):
        return 0
    if _capital_inside(rare.surface) != _capital_inside(common.surface):
        return 0
    a, b = rare.words, common.words
    if len(a) == len(b) and rare.count <= active().detect.name_rare_share * (rare.count + common.count) \
            and common.confirmed >= active().detect.name_min_frequent:
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) == 1 and _slip(a[diffs[0]], b[diffs[0]], rare, common, lex, lower, rare.demonyms):
            return 2
    if words is None:
        return 0
    demonyms = rare.demonyms | _all_demonyms()
    for i, word in enumerate(a):
        for other in set(b) - set(a):
            if words.total[word] > active().detect.name_rare_share * (words.total[word] + words.total[other]) \
                    or words.confirmed[other] < active().detect.name_min_frequent or other in lower or other in lex.stop \
                    or not _slip(word, other, rare, common, lex, lower, demonyms):
                continue
            fixed = a[:i] + [other] + a[i + 1:]
            if _inside(fixed, b) or _inside(b, fixed):
                return 1
    return 0


@cache
def _all_demonyms() -> frozenset[str]:
    return frozenset(s for table in everywhere() for s in table.get("demonym_suffixes", []))


def _slip(word: str, right: str, rare: Form, common: Form, lex: Lexicon, lower: frozenset[str],
          demonyms: frozenset[str]) -> bool:
    """``word`` (in the rare form) is a typo for ``right``, and is no common word or known name of its own.

    Two acronyms one letter apart are two names (``SBMPTN``/``SNMPTN``), not a slip;
    longer words in capitals (``KLISTCHKO``) are shouted names, still compared.
    """
    if word in lex.stop or word in lower or word in lex.known_words:
        return False
    if not rare.confirmed and len(word) < active().detect.name_min_tentative:
        return False
    if len(word) <= active().detect.name_max_acronym and _in_capitals(rare, word) and _in_capitals(common, right):
        return False
    return is_typo(word, right, demonyms)


def _in_capitals(form: Form, word: str) -> bool:
    """``form`` writes ``word`` in ALL CAPITALS, as an acronym is written."""
    return any(w.isupper() and normalise(w) == word for w in form.surface.split())


def _inside(part: list[str], whole: list[str]) -> bool:
    """``part`` is a run of consecutive words of ``whole``."""
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _capital_inside(surface: str) -> int:
    """Capitals inside mixed-case words: ``UberX`` next to ``Uber`` names a product, not a slip."""
    return sum(1 for word in surface.split() if not word.isupper() for c in word[1:] if c.isupper())


def _targets(forms: list[Form], lex: Lexicon, lower: frozenset[str]) -> dict[str, str]:
    """Each misspelt form → the frequent form it misspells.

    A form with the same words but one comes first (``Heffner`` → ``Hefner``, not
    ``Hugh Hefner``); then the most frequent; then the closest in length
    (``Jakarta Sleatan`` → ``Jakarta Selatan``, not ``Pemkot Jakarta Selatan``).
    """
    ranked = sorted(forms, key=lambda f: (-f.count, f.key))
    words = WordCounts.of(forms)
    out: dict[str, str] = {}
    for rare in forms:
        best: tuple[int, int, int] | None = None
        for common in ranked:
            if common.count < rare.count:
                break
            if common is rare:
                continue
            how = _misspelling_of(rare, common, lex, lower, words)
            rank = (how, common.count, -abs(len(common.words) - len(rare.words)))
            if how and (best is None or rank > best):
                best = rank
                out[rare.key] = common.key
    return out


def _groups(forms: list[Form], targets: dict[str, str]) -> list[list[Form]]:
    """Forms joined along their slips, transitively: a slip for a slip of ``X`` is a spelling of ``X``.

    Each link is a slip by itself; a form two or more links away from the group's
    head only stays when the head is written by most of the group's mentions, so a
    chain cannot carry a form over to an entity without one clearly dominant spelling.
    """
    by_key = {form.key: form for form in forms}
    placed: dict[str, list[tuple[Form, int]]] = {}
    for form in forms:
        key, depth, seen = form.key, 0, {form.key}
        while key in targets and targets[key] not in seen:
            key = targets[key]
            seen.add(key)
            depth += 1
        placed.setdefault(key, []).append((form, depth))
    groups: list[list[Form]] = []
    for head in sorted(placed):
        members = placed[head]
        total = sum(form.count for form, _ in members)
        if 2 * by_key[head].count <= total:
            groups.extend([form] for form, depth in members if depth > 1)
            members = [(form, depth) for form, depth in members if depth <= 1]
        groups.append([form for form, _ in members])
    return groups


def _alias_spelling(text: str, main: str, lex: Lexicon) -> bool:
    """``Hongkong`` next to ``Hong Kong``: both listed forms of one entity, not a variant."""
    key = normalise(text)
    return key != normalise(main) and (key in lex.aliases or key in lex.alias_caps)


def _finding(mentions: list[tuple[Document, Fact]], misspelt: bool, lex: Lexicon) -> Finding | None:
    counts = Counter(spelling(f.text) for _, f in mentions)
    ranked = counts.most_common()
    top = min(counts, key=lambda s: (-counts[s], s))
    mentions = [(d, f) for d, f in mentions if not _alias_spelling(f.text, top, lex)]
    if len({spelling(f.text) for _, f in mentions}) < 2:
        return None
    majority = top if ranked[0][1] > ranked[1][1] else None
    minority = [(d, f) for d, f in mentions if spelling(f.text) != top]
    outliers = sorted({d.id for d, _ in minority}) if majority else []
    shown = _surface(mentions, top)
    variants = sorted({f.text for _, f in minority})
    summary = (f"{' / '.join(repr(v) for v in variants)} vs {shown!r}: one name spelled differently "
               f"({counts[top]} of {len(mentions)} mentions write {shown!r})")
    confidence = 0.75 if misspelt else 0.9
    return make_finding(KIND, "low", confidence, None, summary, shown if majority else None, outliers,
                        _evidence(mentions, top))


def _surface(mentions: list[tuple[Document, Fact]], chosen: str) -> str:
    return min(f.text for _, f in mentions if spelling(f.text) == chosen)


def _evidence(mentions: list[tuple[Document, Fact]], top: str) -> list[Evidence]:
    """Every variant mention, and the first majority mention of each document for contrast."""
    out: list[Evidence] = []
    seen: set[str] = set()
    for document, fact in mentions:
        if spelling(fact.text) == top:
            if document.id in seen:
                continue
            seen.add(document.id)
        out.append(replace(evidence_for(fact, document), value=fact.text))
    return out


class NameVariantDetector:
    kind = KIND

    def __call__(self, context: EventContext) -> list[Finding]:
        lex = _lexicon_for(context)
        forms = _forms(context)
        targets = _targets(forms, lex, _lowercase_words(context))
        findings = []
        for members in _groups(forms, targets):
            mentions = [m for form in members for m in form.mentions]
            found = _finding(mentions, len(members) > 1, lex)
            if found:
                findings.append(found)
        return findings


detectors.register(NameVariantDetector.kind)(NameVariantDetector())
