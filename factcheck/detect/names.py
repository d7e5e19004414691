"""``name_variant``: one entity spelled two ways across (or within) an event's articles.

Two kinds of variant are reported. Transliterations write the same letters
apart or together (``Kim Jong-un``/``Kim Jong Un``, ``Soeharto``/``Suharto``
after folding old spellings, ``Erdoğan``/``Erdogan``). Misspellings are one
small edit inside one long word of an otherwise identical name, written rarely
next to a frequent spelling (``Kora Utara``/``Korea Utara``, ``Rusian``/
``Rusia``). Everything else is a different entity: a different word
(``Selatan``/``Utara``), a short token (``Il``/``Un``, ``Iran``/``Iraq``), an
edit at the start or end of a word (``Mali``/``Bali``, ``Maria``/``Mario``), two
edits (``Putin``/``Putri``, ``Austria``/``Australia``), a known entity of its
own, or an alias from the data (``Korut``, ``Russia``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..extract import _lang
from ..extract.names import Lexicon, data_languages, everywhere, is_typo, lexicon, normalise, spelling
from ..model import Document, Evidence, Fact, Finding
from ..registry import EventContext, register_detector
from ._common import evidence_for, make_finding

KIND = "name_variant"
_RARE_SHARE = 1 / 3
_MIN_FREQUENT = 2
_MIN_TENTATIVE = 7


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

    @property
    def words(self) -> list[str]:
        return normalise(self.top_spelling).split()

    @property
    def top_spelling(self) -> str:
        counts = Counter(spelling(f.text) for _, f in self.mentions)
        return min(counts, key=lambda s: (-counts[s], s))

    @property
    def surface(self) -> str:
        counts = Counter(f.text for _, f in self.mentions)
        return min(counts, key=lambda s: (-counts[s], s))

    @property
    def value(self) -> str:
        return self.mentions[0][1].value


@lru_cache(maxsize=None)
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


def _misspelling_of(rare: Form, common: Form, lex: Lexicon, lower: frozenset[str] = frozenset()) -> bool:
    """Whether ``rare`` is a slip for ``common``: same words but one, by one edit, rarely written."""
    if rare.value == common.value or lex.known(normalise(rare.top_spelling)):
        return False
    if rare.count > _RARE_SHARE * (rare.count + common.count) or common.confirmed < _MIN_FREQUENT:
        return False
    a, b = rare.words, common.words
    if len(a) != len(b):
        return False
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diffs) != 1 or a[diffs[0]] in lex.stop or a[diffs[0]] in lower or a[diffs[0]] in lex.known_words:
        return False
    if not rare.confirmed and len(a[diffs[0]]) < _MIN_TENTATIVE:
        return False
    if _capital_inside(rare.surface) != _capital_inside(common.surface):
        return False
    return is_typo(a[diffs[0]], b[diffs[0]], _demonym_suffixes([d for d, _ in rare.mentions]))


def _capital_inside(surface: str) -> int:
    """Capitals inside mixed-case words: ``UberX`` next to ``Uber`` names a product, not a slip."""
    return sum(1 for word in surface.split() if not word.isupper() for c in word[1:] if c.isupper())


def _targets(forms: list[Form], lex: Lexicon, lower: frozenset[str]) -> dict[str, str]:
    """Each misspelt form → the frequent form it misspells (the most frequent if several)."""
    ranked = sorted(forms, key=lambda f: (-f.count, f.key))
    out: dict[str, str] = {}
    for rare in forms:
        for common in ranked:
            if common is not rare and common.count > rare.count and _misspelling_of(rare, common, lex, lower):
                out[rare.key] = common.key
                break
    return out


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
        groups: dict[str, list[Form]] = {}
        for form in forms:
            groups.setdefault(targets.get(form.key, form.key), []).append(form)
        findings = []
        for key in sorted(groups):
            members = groups[key]
            mentions = [m for form in members for m in form.mentions]
            found = _finding(mentions, len(members) > 1, lex)
            if found:
                findings.append(found)
        return findings


register_detector(NameVariantDetector())
