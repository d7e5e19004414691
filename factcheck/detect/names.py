"""``name_variant``: one entity spelled two ways across (or within) an event's articles.

Variants that write the same letters apart or together, with or without marks or in an old
spelling (``Kim Jong-un``/``Kim Jong Un``, ``Soeharto``/``Suharto``, ``Erdoğan``/``Erdogan``)
share a form key. Other variants are found word by word in names that agree in every other
word: a transliteration (``Heydar``/``Heidar``, ``Alishvandi``/``Alishbandi``, letters folded by
the ``transliterate`` tables), a regional spelling (``Theatre``/``Theater``, the
``spelling_pairs`` tables) or a plural (``Marine Mammals``/``Marine Mammal Protection Act``),
whatever their counts; and misspellings: one small edit inside one long word, written rarely
next to a frequent spelling (``Kora Utara``/``Korea Utara``, ``Rusian``/``Rusia``), or a rare
slip for a frequent word of the event's names in a short or long form of a name
(``Untied``/``Manchester United``). Slips chain: a slip for a rare variant of the majority
spelling joins the majority's group when that spelling clearly dominates it.

Everything else is a different entity: a different word (``Selatan``/``Utara``), a short token
(``Il``/``Un``), an edit at the start or end of a word (``Mali``/``Bali``, ``Rahma``/``Rahmat``),
two edits (``Putin``/``Putri``), a short word one letter from an unknown one (``Kane``/``Keane``),
a known entity of its own, an alias from the data (``Korut``, ``Russia``), two forms written in
one sentence (``Persiba``/``Persija``), a person next to a club or place (``Bayangkara``/
``Bhayangkara FC``), or a word whose own full name disagrees with the other's (``Barak`` of
``Ehud Barak`` is no slip for ``Barack Obama``).

Each finding says which sort of variant it is (``variant``): ``spelling``, ``transliteration``,
``diacritics``, ``hyphenation`` or ``spacing``. The reference spelling is the one most documents
write (then a known one, then the most mentions), never merely the most repeated.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property

from rapidfuzz.distance import OSA

from ..extract import _lang
from ..extract.names import Lexicon, data_languages, everywhere, is_typo, lexicon, normalise, spelling
from ..model import NAME_VARIANTS, Document, Evidence, Fact, Finding
from ..registry import EventContext, detectors
from ..settings import active
from ._common import evidence_for, make_finding, outlet, sentence_of

KIND = "name_variant"
SORTS = NAME_VARIANTS
_MIN_SHORT_SAFE = 6
"""Letters below which a one-letter edit easily makes another real name (``Kane``/``Keane``)."""
_MIN_FOLDED_ALONE = 7
"""Letters a lone word needs for a transliteration to count without the rest of a name agreeing."""
_MIN_ANCHOR = 4
_MIN_PLURAL_STEM = 4
_MIN_PLURAL_WORDS = 3
_MIN_TRANSPOSED = 5
_MIN_EDITED = 4
"""Letters a word of a longer name needs for one edit anywhere in it to be a spelling of it."""
_MIN_NAME_ANCHOR = 5
"""Letters of the agreeing word that vouches for such an edit (``Panagopoulos``, ``Ilene``)."""
_NEAR_REFERENCES = 3
"""Reference mentions shown from a document that also writes a variant: the nearest ones."""
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


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
    def docs(self) -> int:
        """How many documents write this form."""
        return len({d.id for d, _ in self.mentions})

    @cached_property
    def sentences(self) -> frozenset[tuple[str, int]]:
        return frozenset((d.id, f.sentence) for d, f in self.mentions)

    @cached_property
    def kind(self) -> str:
        """The entity type most of its mentions were given (``unknown`` when none says)."""
        types = Counter(f.attrs.get("type", "unknown") for _, f in self.mentions if not f.attrs.get("weak_type"))
        types.pop("unknown", None)
        return min(types, key=lambda t: (-types[t], t)) if types else "unknown"

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

    @cached_property
    def capitals_inside(self) -> int:
        """Capitals inside its words, as written most plainly (``Latonya`` for ``LaTonya``)."""
        return min(_capital_inside(f.text) for _, f in self.mentions)

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


@cache
def _transliterations() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Letters that transliterations write differently: (at a word's start, inside a word)."""
    def table(part: str) -> tuple[tuple[str, str], ...]:
        pairs = {old: new for t in everywhere() for old, new in t.get("transliterate", {}).get(part, [])}
        return tuple(sorted(pairs.items(), key=lambda p: (-len(p[0]), p[0])))
    return table("initial"), table("inside")


def _fold(word: str, collapse: bool = True) -> str:
    """``word`` with transliteration letters folded (``Heydar`` → ``heidar``), doubled letters once."""
    initial, inside = _transliterations()
    head, rest = word[:1], word[1:]
    for old, new in initial:
        if word.startswith(old):
            head, rest = new, word[len(old):]
            break
    for old, new in inside:
        rest = rest.replace(old, new)
    folded = head + rest
    return re.sub(r"(.)\1+", r"\1", folded) if collapse else folded


@cache
def _spelling_pairs() -> tuple[tuple[str, str], ...]:
    """Word endings that regional spellings swap (``-re``/``-er``, ``-our``/``-or``)."""
    return tuple((a, b) for t in everywhere() for a, b in t.get("spelling_pairs", []))


def _regional(a: str, b: str) -> bool:
    """``theatre``/``theater``, ``recognised``/``recognized``: one ending for another, same stem."""
    for x, y in _spelling_pairs():
        for one, other in ((a, b), (b, a)):
            if one.endswith(x) and other.endswith(y) and one[:-len(x)] == other[:-len(y)] \
                    and len(one) - len(x) >= _MIN_PLURAL_STEM:
                return True
    return False


def _plural(a: str, b: str) -> bool:
    """``mammals``/``mammal``: the same word with and without a plural ``s``."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer == shorter + "s" and len(shorter) >= _MIN_PLURAL_STEM and not shorter.endswith("s")


def _transposed(a: str, b: str) -> bool:
    """Two neighbouring letters swapped past the first (``Kiltschko``, ``Centre``/``Center``)."""
    if len(a) != len(b) or len(a) < _MIN_TRANSPOSED or a[0] != b[0]:
        return False
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]


def _forms(context: EventContext) -> list[Form]:
    forms: dict[str, Form] = {}
    for doc_id in sorted(context.documents):
        document = context.documents[doc_id]
        for fact in sorted((f for f in document.facts if f.kind == "name"), key=lambda f: (f.start, f.end)):
            key = form_key(fact.text)
            if key:
                forms.setdefault(key, Form(key)).mentions.append((document, fact))
    for form in _composites(list(forms.values())):
        del forms[form.key]
        for document, fact in form.mentions:
            rest = _without_first_word(fact)
            if rest is not None:
                forms.setdefault(form_key(rest.text), Form(form_key(rest.text))).mentions.append((document, rest))
    for form in forms.values():
        form.mentions.sort(key=lambda m: (m[0].id, m[1].start))
    return [forms[k] for k in sorted(forms)]


def _composites(forms: list[Form]) -> list[Form]:
    """Spans that swallowed a name before another (``Pelatih Persiba Timo Scheunemann``).

    A form of three or more words is ``X`` + ``R`` when the event writes ``X`` on its own and ``R``
    on its own too (``R`` up to a slip, ``Timo Scheuneman``), and no two-word name ``X Y`` with
    ``Y`` a word of ``R`` makes ``X`` a given name (``Barack`` of ``Barack Obama`` stays in
    ``Barack Hussein Obama``).
    """
    words = [f.words for f in forms]
    lone = {w[0] for f, w in zip(forms, words) if len(w) == 1 and f.confirmed}
    given = {(w[0], w[1]) for w in words if len(w) == 2}
    found = []
    for form, w in zip(forms, words):
        if len(w) < 3 or w[0] not in lone or any((w[0], y) in given for y in w[1:]):
            continue
        rest = w[1:]
        if any(len(o) == len(rest) and o[0] != w[0] and all(_same_word(x, y) for x, y in zip(rest, o))
               for o in words if o is not w):
            found.append(form)
    return found


def _without_first_word(fact: Fact) -> Fact | None:
    """The fact with its first word cut off (``None`` when that word is not one plain token)."""
    match = re.match(r"\S+\s+", fact.text)
    if not match or len(normalise(match.group()).split()) != 1:
        return None
    text = fact.text[match.end():]
    return replace(fact, text=text, value=normalise(text), start=fact.start + match.end(),
                   attrs={**fact.attrs, "surface": text})


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
    full: dict[str, list[list[str]]] = field(default_factory=dict)
    """Each word → the words of every name of two or more words that holds it."""
    documents: dict[str, set[str]] = field(default_factory=dict)
    """Each word → the documents whose names hold it."""
    surnames: dict[str, set[str]] = field(default_factory=dict)
    """Each word → the documents that write it as the last word of a person's full name."""

    @classmethod
    def of(cls, forms: list[Form]) -> WordCounts:
        counts = cls()
        for form in forms:
            for word in set(form.words):
                counts.total[word] += form.count
                counts.confirmed[word] += form.confirmed
                if len(form.words) > 1:
                    counts.full.setdefault(word, []).append(form.words)
                counts.documents.setdefault(word, set()).update(d.id for d, _ in form.mentions)
            if len(form.words) > 1 and form.kind in ("person", "unknown"):
                counts.surnames.setdefault(form.words[-1], set()).update(d.id for d, _ in form.mentions)
        return counts


@dataclass
class Event:
    """What the pairing rules consult about the event: its data, common words and names' words."""

    lex: Lexicon
    lower: frozenset[str] = frozenset()
    words: WordCounts = field(default_factory=WordCounts)


def _variant_of(rare: Form, common: Form, event: Event) -> int:
    """Whether ``rare`` is a variant or a slip for ``common`` (0: no; higher: a closer match).

    3: the same words but one, which is a transliteration, regional spelling or plural of the
    other (whatever the counts). 2: the same words but one, written wrong by one edit, and
    ``rare`` is the rare form. 1: one word of ``rare`` is a rare slip for a frequent word of the
    event's names and, corrected, ``rare`` and ``common`` are one inside the other
    (``Untied`` → ``Manchester United``, ``Manchester Untied`` → ``United``; never ``Mohammad
    Hatta`` → ``Muhammad Yamin``). The words of two different names are weaker evidence, so this
    route also refuses a common word as the right one (``Blanja`` is no slip for ``Hari Belanja
    Online``), a demonym of any language (``Indonesian Contemporary Art`` is no slip for
    ``Indonesia``) and a right word only one other outlet writes.
    """
    lex, words = event.lex, event.words
    if rare.value == common.value or lex.known(normalise(rare.top_spelling)):
        return 0
    if rare.capitals_inside != common.capitals_inside or _apart(rare, common):
        return 0
    cfg = active().detect
    a, b = rare.words, common.words
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) == 1:
            w, v = a[diffs[0]], b[diffs[0]]
            if _spelt_alike(w, v, a, b, event) and not _own_entity(w, v, a, words):
                return 3
            if rare.count <= cfg.name_rare_share * (rare.count + common.count) \
                    and common.confirmed >= cfg.name_min_frequent \
                    and _slip(w, v, rare, common, event, rare.demonyms) and not _own_entity(w, v, a, words):
                return 2
            if len(a) == 1 and _own_article_surname(rare, common, event):
                return 2
    demonyms = rare.demonyms | _all_demonyms()
    rare_docs = {d.id for d, _ in rare.mentions}
    for i, word in enumerate(a):
        for other in set(b) - set(a):
            if words.total[word] > cfg.name_rare_share * (words.total[word] + words.total[other]) \
                    or words.confirmed[other] < cfg.name_min_frequent or other in event.lower or other in lex.stop \
                    or not _attested(words.documents.get(other, set()), rare_docs, len(a) > len(b)) \
                    or not _slip(word, other, rare, common, event, demonyms) or _own_entity(word, other, a, words):
                continue
            fixed = a[:i] + [other] + a[i + 1:]
            if _inside(fixed, b) or _inside(b, fixed) or _initials_apart(fixed, b):
                return 1
    return 0


def _own_article_surname(rare: Form, common: Form, event: Event) -> bool:
    """A lone word written once or twice, one edit (not its first letter) from the surname of a full
    name that its own articles write: that article's person, misspelt (``Karen B. Olson`` … ``Olsen``,
    ``Kimani Gray`` … ``Grey``, ``Bettie Page`` … ``Paige``). A word that is itself the surname of
    anyone in the event (``Roy Keane`` next to a lone ``Kane``), a common word or a known name stays apart."""
    w, v = rare.words[0], common.words[0]
    words, lex = event.words, event.lex
    docs = {d.id for d, _ in rare.mentions}
    if rare.count > 2 or common.count < 2 * rare.count or not docs <= words.surnames.get(v, set()) or words.full.get(w):
        return False
    if not w.isalpha() or w[0] != v[0] or min(len(w), len(v)) < _MIN_ANCHOR or OSA.distance(w, v) != 1 \
            or _plural(w, v):
        return False  # ``the Klitschkos``: the brothers, not a slip
    if any(_AFTER_A_HYPHEN.search(d.source, max(0, f.start - 40), f.start) for d, f in rare.mentions):
        return False  # ``Hal Robson - Kanu``: the end of a double-barrelled name, not ``Harry Kane``
    return not (w in event.lower or w in lex.known_words or w in lex.stop or lex.known(w))


_AFTER_A_HYPHEN = re.compile(r"[^\W\d_]\w*\s?[-\u2013]\s?$")


def _attested(right: set[str], rare: set[str], longer: bool) -> bool:
    """The right word of a slip across two names is written by two documents, or by the slip's own
    when the slip is no longer than the right name (one outlet's ``Dedy Hartono`` makes no slip
    of another's ``Hariono``; a match report's ``Scott Arfield`` is no slip for its ``Anfield``)."""
    return len(right) >= 2 or (not longer and bool(right & rare))


def _initials_apart(a: list[str], b: list[str]) -> bool:
    """The same name but for a middle initial (``Philip H. Hickok``/``Philip Hickok``)."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1 or len(shorter) < 2:
        return False
    return any(len(longer[i]) == 1 and longer[:i] + longer[i + 1:] == shorter for i in range(1, len(longer) - 1))


def _apart(rare: Form, common: Form) -> bool:
    """Two different entities whatever their spelling: written next to each other in one
    sentence (``Persija`` beat ``Persiba``) by a form written more than once (a one-off slip
    may repeat a name in its sentence: ``bahasa Tionghoa … bahasa Toinghoa``), or a person
    against a club or a place."""
    if rare.count > 1 and rare.sentences & common.sentences:
        return True
    kinds = {rare.kind, common.kind}
    return "person" in kinds and bool(kinds & {"org", "place"})


def _spelt_alike(w: str, v: str, a: list[str], b: list[str], event: Event) -> bool:
    """``w`` and ``v`` are one word in two spellings, in names that agree in every other word.

    A transliteration, a regional ending or a plural inside a longer name is the same entity
    however many outlets write each. A name of one word needs a long transliteration.
    """
    if len(a) == 1:
        if _known_apart(w, v, event.lex) or w[:1] != v[:1]:
            return False
        return (min(len(w), len(v)) >= _MIN_FOLDED_ALONE and _fold(w) == _fold(v)) or _vowel_inside(w, v)
    anchors = [x for x in a if x != w and len(x) >= _MIN_ANCHOR and x not in event.lex.stop]
    if not anchors or w in event.lex.stop or v in event.lex.stop:
        return False
    if _fold(w) == _fold(v) and min(len(w), len(v)) >= _MIN_PLURAL_STEM and not _known_apart(w, v, event.lex):
        return True
    if _regional(w, v):
        return True
    if len(a) >= _MIN_PLURAL_WORDS and _plural(w, v) and w != a[0]:
        return True
    # One edit inside a long word next to a long name word both write: ``Vassilis``/``Vassilios Saraliotis``.
    if min(len(w), len(v)) >= _MIN_FOLDED_ALONE and _anchored(w, a, b, event.lex, _MIN_FOLDED_ALONE - 2) \
            and w not in event.lower and v not in event.lower and is_typo(w, v):
        return True
    return _anchored_edit(w, v, a, b, event)


_VOWELS = frozenset("aeiou")


def _vowel_inside(w: str, v: str) -> bool:
    """One vowel written or left out inside a long word, between two consonants: a transliteration
    (``Karavan``/``Karvan``, ``Khaledin``/``Khaldin``, ``Sumatera``/``Sumatra``)."""
    longer, shorter = (w, v) if len(w) > len(v) else (v, w)
    if len(longer) != len(shorter) + 1 or len(shorter) < _MIN_SHORT_SAFE or not longer.isalpha():
        return False
    for i in range(1, len(longer) - 1):
        if longer[:i] + longer[i + 1:] == shorter:
            return longer[i] in _VOWELS and longer[i - 1] not in _VOWELS and longer[i + 1] not in _VOWELS
    return False


def _anchored_edit(w: str, v: str, a: list[str], b: list[str], event: Event) -> bool:
    """One edit anywhere in a word, its first or last letter too, of a name whose other words agree and
    include a long one: ``Giannis``/``Yiannis Panagopoulos``, ``Elias``/``Ilias Vrettakos``, ``Ilene
    Wolfe``/``Wolff``. Alone, such an edit often makes another name (``Rahma``/``Rahmat``, ``Mali``/
    ``Bali``); the rest of one full name is what says it is one person. Common words and names the
    data knows (``Iran``/``Irak``) stay apart."""
    if min(len(w), len(v)) < _MIN_EDITED or OSA.distance(w, v) != 1:  # OSA counts a swap of neighbours as one edit
        return False
    if not (w.isalpha() and v.isalpha()) or _plural(w, v) or (len(w) != len(v) and w[0] != v[0]):
        return False  # ``Tech3``/``Tech``; ``Grammy Award(s)``: a plural only counts in a longer name; ``Abuya``/``Buya``
    lex = event.lex
    if w in event.lower or v in event.lower or w in lex.known_words or v in lex.known_words:
        return False
    return _anchored(w, a, b, lex, _MIN_NAME_ANCHOR)


def _known_apart(w: str, v: str, lex: Lexicon) -> bool:
    """Both words are names of their own in the data (``Iran``/``Irak`` are not, one is an alias)."""
    return w in lex.known_words and v in lex.known_words


@cache
def _all_demonyms() -> frozenset[str]:
    return frozenset(s for table in everywhere() for s in table.get("demonym_suffixes", []))


def _slip(word: str, right: str, rare: Form, common: Form, event: Event, demonyms: frozenset[str]) -> bool:
    """``word`` (in the rare form) is a typo for ``right``, and is no common word or known name of its own.

    Two acronyms one letter apart are two names (``SBMPTN``/``SNMPTN``), not a slip;
    longer words in capitals (``KLISTCHKO``) are shouted names, still compared. A short word
    (``Kane``/``Keane``) or an edit at a word's end (``Rahma``/``Rahmat``) is only a slip for a
    name the data knows (``Kora``/``Korea``, ``Rusian``/``Rusia``), or, for a short word, in a
    name whose other words agree (``Anre Iguodala``).
    """
    lex, cfg = event.lex, active().detect
    if word in lex.stop or word in event.lower or word in lex.known_words:
        return False
    if not rare.confirmed and len(word) < cfg.name_min_tentative:
        return False
    if len(word) <= cfg.name_max_acronym and _in_capitals(rare, word) and _in_capitals(common, right):
        return False
    if not (is_typo(word, right, demonyms) or _transposed(word, right)):
        return False
    known = right in lex.known_words or lex.known(right)
    if _end_edit(word, right) and not known:
        return False
    if min(len(word), len(right)) < _MIN_SHORT_SAFE and not known:
        return _anchored(word, rare.words, common.words, lex)
    return True


def _end_edit(a: str, b: str) -> bool:
    """The two words differ in their last letter only: one added or changed there (a doubled last
    letter, ``Marshall``/``Marshal``, is a slip of the hand, not another word)."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if longer[:-1] == shorter:
        return not (len(shorter) >= _MIN_SHORT_SAFE and longer[-1] == shorter[-1])
    return len(a) == len(b) and a[:-1] == b[:-1]


def _anchored(word: str, a: list[str], b: list[str], lex: Lexicon, size: int = _MIN_ANCHOR) -> bool:
    """The names share a long word (``size`` letters) besides ``word`` that is no marker or function word."""
    return any(x in b for x in a if x != word and len(x) >= size and x not in lex.stop
               and not lex.is_marker(x))


def _own_entity(word: str, right: str, rare: list[str], words: WordCounts) -> bool:
    """``word`` (in the name ``rare``) has a full name of its own that disagrees with every full
    name of ``right``.

    ``Barak`` (of ``Ehud Barak``) is no slip for ``Barack`` (of ``Barack Obama``), nor
    ``Persiba`` (of ``Persiba Balikpapan``) for ``Persija`` (of ``Persija Jakarta``): corrected,
    the one full name is not part of the other (in order, other words allowed between). Only
    the full names that ``rare`` may stand for count (another ``Vassilis`` in the event says
    nothing about ``Vassilis Saraliotis``); a word with no full name, or a right word with none,
    says nothing.
    """
    theirs = words.full.get(right, [])
    if not theirs:
        return False
    for name in words.full.get(word, []):
        if not _within(rare, name, exact=True):
            continue
        fixed = [right if x == word else x for x in name]
        if not any(_within(fixed, other) or _within(other, fixed) for other in theirs):
            return True
    return False


def _within(part: list[str], whole: list[str], exact: bool = False) -> bool:
    """``part``'s words appear in ``whole`` in the same order (a word or, unless ``exact``, a slip for it)."""
    it = iter(whole)
    return all(any(x == y or not exact and _same_word(x, y) for y in it) for x in part)


def _same_word(x: str, y: str) -> bool:
    return x == y or is_typo(x, y) or _transposed(x, y) or _fold(x) == _fold(y)


def _in_capitals(form: Form, word: str) -> bool:
    """``form`` writes ``word`` in ALL CAPITALS, as an acronym is written."""
    return any(w.isupper() and normalise(w) == word for w in form.surface.split())


def _inside(part: list[str], whole: list[str]) -> bool:
    """``part`` is a run of consecutive words of ``whole``."""
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _capital_inside(surface: str) -> int:
    """Capitals inside mixed-case words: ``UberX`` next to ``Uber`` names a product, not a slip."""
    return sum(1 for word in surface.split() if not word.isupper() for c in word[1:] if c.isupper())


def _standing(form: Form, lex: Lexicon) -> tuple[int, int, int, int]:
    """How strongly a form is the reference: documents writing it, known to the data, mentions."""
    return form.docs, int(lex.known(normalise(form.top_spelling))), form.confirmed, form.count


def _targets(forms: list[Form], event: Event) -> dict[str, str]:
    """Each variant form → the better-attested form it varies from.

    The closest match comes first (same words but one before a word of a longer name: ``Heffner``
    → ``Hefner``, not ``Hugh Hefner``); then the best attested; then the closest in length
    (``Jakarta Sleatan`` → ``Jakarta Selatan``, not ``Pemkot Jakarta Selatan``).
    """
    lex = event.lex
    standing = {form.key: _standing(form, lex) for form in forms}
    ranked = sorted(forms, key=lambda f: (tuple(-x for x in standing[f.key]), f.key))
    near = _NearForms(ranked)
    out: dict[str, str] = {}
    for rare in forms:
        best: tuple | None = None
        for common in (ranked[i] for i in near.of(rare)):
            if (standing[common.key], rare.key) <= (standing[rare.key], common.key):
                break  # ``ranked`` goes down: no later form outranks ``rare``
            how = _variant_of(rare, common, event)
            rank = (how, standing[common.key], -abs(len(common.words) - len(rare.words)))
            if how and (best is None or rank > best):
                best = rank
                out[rare.key] = common.key
    return out


def _word_keys(word: str) -> set[tuple[str, str]]:
    """Keys two words share whenever ``_variant_of`` could take one for the other: the word with
    one letter left out (or none: one edit, a swap of neighbours, a plural ``s``, a vowel), its
    transliteration fold, and its stem before a regional ending (``theatre``/``theater``)."""
    keys = {("edit", word)} | {("edit", word[:i] + word[i + 1:]) for i in range(len(word))}
    keys.add(("fold", _fold(word)))
    for number, (x, y) in enumerate(_spelling_pairs()):
        for ending in (x, y):
            if word.endswith(ending):
                keys.add((f"regional{number}", word[:-len(ending)]))
    return keys


class _NearForms:
    """For a form, the places in ``ranked`` of the forms with a word near one of its own.

    Every route of ``_variant_of`` needs a word of one form and a different word of the other that
    are one edit, one fold or one regional ending apart; a form pair with none is no variant. An
    index of those keys finds the few candidates of each form instead of trying every pair, which
    was most of the detector's time on a corpus (1.2 million pairs on IndoSum). The candidates are
    found one form at a time, never stored for all: in an event of many thousand forms sharing
    common words, every form's set at once held gigabytes."""

    def __init__(self, ranked: list[Form]) -> None:
        # No route takes a word shorter than four letters (nor than ``is_typo``'s shortest): ``fc``,
        # ``de``, ``al`` are left out of the keys, where their one-letter deletions joined everything.
        shortest = min(_MIN_ANCHOR, _MIN_PLURAL_STEM, _MIN_EDITED, active().extract.name_min_short)
        by_key: dict[tuple[str, str], set[str]] = {}
        for word in {word for form in ranked for word in form.words if len(word) >= shortest}:
            for key in _word_keys(word):
                by_key.setdefault(key, set()).add(word)
        self.neighbours: dict[str, set[str]] = {}
        for same in by_key.values():
            if len(same) > 1:
                for word in same:
                    self.neighbours.setdefault(word, set()).update(same - {word})
        self.holding: dict[str, list[int]] = {}
        for i, form in enumerate(ranked):
            for word in dict.fromkeys(form.words):
                self.holding.setdefault(word, []).append(i)

    def of(self, form: Form) -> list[int]:
        places: set[int] = set()
        for word in form.words:
            for other in self.neighbours.get(word, ()):
                places.update(self.holding[other])
        return sorted(places)


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


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def variant_sort(variant: str, reference: str) -> str:
    """Which sort of variant ``variant`` is of ``reference``: one of ``SORTS``.

    ``Vendôme``/``Vendome`` diacritics, ``Kim Jong-un``/``Kim Jong Un`` hyphenation,
    ``Trailblazers``/``Trail Blazers`` spacing, ``Soeharto``/``Suharto`` and ``Heydar``/``Heidar``
    transliteration; anything else spelling.
    """
    a, b = (re.sub(r"['’]s\b", "", s).casefold().replace(".", "") for s in (variant, reference))
    plain_a, plain_b = _strip_marks(a), _strip_marks(b)
    if plain_a == plain_b:
        return "diacritics"
    squash_a, squash_b = (re.sub(r"[\s\-‐‑–]+", "", s) for s in (plain_a, plain_b))
    if squash_a == squash_b:
        return "hyphenation" if re.search(r"[-‐‑–]", plain_a + plain_b) else "spacing"
    if form_key(variant) == form_key(reference):
        return "transliteration"
    words_a, words_b = normalise(variant).split(), normalise(reference).split()
    if len(words_a) == len(words_b) and all(x == y or _fold(x, collapse=False) == _fold(y, collapse=False)
                                            for x, y in zip(words_a, words_b)):
        return "transliteration"
    return "spelling"


def _finding(mentions: list[tuple[Document, Fact]], misspelt: bool, lex: Lexicon,
             names: dict[str, list[tuple[Document, Fact, tuple[str, ...]]]] | None = None) -> Finding | None:
    counts = Counter(spelling(f.text) for _, f in mentions)
    if len(counts) < 2:
        return None  # one spelling (most groups): leaving out alias spellings cannot make two
    docs: dict[str, set[str]] = {}
    for document, fact in mentions:
        docs.setdefault(spelling(fact.text), set()).add(document.id)

    def standing(s: str) -> tuple[int, int, int]:
        return len(docs[s]), int(lex.known(normalise(s))), counts[s]

    top = min(counts, key=lambda s: (tuple(-x for x in standing(s)), s))
    mentions = [(d, f) for d, f in mentions if not _alias_spelling(f.text, top, lex)]
    spellings = sorted({spelling(f.text) for _, f in mentions}, key=lambda s: (tuple(-x for x in standing(s)), s))
    if len(spellings) < 2:
        return None
    majority = top if (len(docs[top]), counts[top]) > (len(docs[spellings[1]]), counts[spellings[1]]) else None
    minority = [(d, f) for d, f in mentions if spelling(f.text) != top]
    outliers = sorted({d.id for d, _ in minority}) if majority else []
    shown = {s: _surface(mentions, s) for s in spellings}
    outlets = {s: len({outlet(d) for d, f in mentions if spelling(f.text) == s}) for s in spellings}
    sorts = Counter({s: counts[s] for s in spellings[1:]})
    main_variant = min(sorts, key=lambda s: (-sorts[s], s))
    sort = variant_sort(shown[main_variant], shown[top])
    ways = _NUMBER_WORDS.get(len(spellings), str(len(spellings)))
    parts = [f"{shown[s]} ({outlets[s]} outlet{'s' if outlets[s] != 1 else ''})" if i == 0 else f"{shown[s]} ({outlets[s]})"
             for i, s in enumerate(spellings)]
    summary = f"Name spelt {ways} ways ({sort}): " + " vs ".join(parts)
    confidence = 0.75 if misspelt else 0.9
    return make_finding(KIND, "low", confidence, None, summary, shown[top] if majority else None, outliers,
                        _evidence(mentions, top, _full_mentions(mentions, names or {})), variant=sort)


def _surface(mentions: list[tuple[Document, Fact]], chosen: str) -> str:
    """How ``chosen`` is written most often; a well-formed surface (not ALL CAPS) before a shouted one."""
    counts = Counter(f.text for _, f in mentions if spelling(f.text) == chosen)
    return min(counts, key=lambda s: (s.isupper() and len(s) > 3, -counts[s], s))


def _evidence(mentions: list[tuple[Document, Fact]], top: str,
              full: Sequence[tuple[Document, Fact, str]] = ()) -> list[Evidence]:
    """Every variant mention, and for contrast reference mentions: in a document that writes a
    variant too, the few nearest it; in every document, where it first names the entity (in its
    body too when that is its headline), counting the full names that end with a spelling
    (``full``: ``Heydar Alishbandi`` for ``Alishbandi``), since that is where an outlet says who
    it means and how it spells them."""
    out: list[Evidence] = []
    shown: set[tuple[str, int]] = set()

    def show(document: Document, fact: Fact) -> None:
        if (document.id, fact.sentence) not in shown:
            shown.add((document.id, fact.sentence))
            out.append(replace(evidence_for(fact, document), value=fact.text))

    by_doc: dict[str, list[tuple[Document, Fact]]] = {}
    variants: dict[str, list[int]] = {}
    every: dict[str, list[tuple[Document, Fact]]] = {}
    for document, fact in mentions:
        every.setdefault(document.id, []).append((document, fact))
        if spelling(fact.text) == top:
            by_doc.setdefault(document.id, []).append((document, fact))
        else:
            variants.setdefault(document.id, []).append(fact.start)
            show(document, fact)
    for document, fact, contained in full:
        every.setdefault(document.id, []).append((document, fact))
        if contained != top:
            variants.setdefault(document.id, []).append(fact.start)
            show(document, fact)
    for doc_id, refs in by_doc.items():
        near = variants.get(doc_id)
        if near:
            for document, fact in sorted(refs, key=lambda m: (min(abs(m[1].start - p) for p in near),
                                                              m[1].start))[:_NEAR_REFERENCES]:
                show(document, fact)
    for doc_id in sorted(every):
        ordered = sorted(every[doc_id], key=lambda m: m[1].start)
        first = ordered[0]
        show(*first)
        if _in_title(*first):
            body = next((m for m in ordered if not _in_title(*m)), None)
            if body is not None:
                show(*body)
    return out


def _in_title(document: Document, fact: Fact) -> bool:
    sentence = sentence_of(document, fact.sentence)
    return sentence is not None and sentence.is_title


def _full_names(context: EventContext) -> dict[str, list[tuple[Document, Fact, tuple[str, ...]]]]:
    """Every name of the event of two or more words, by its last word: where a variant's full names are."""
    out: dict[str, list[tuple[Document, Fact, tuple[str, ...]]]] = {}
    for doc_id in sorted(context.documents):
        document = context.documents[doc_id]
        for fact in document.facts:
            if fact.kind == "name":
                words = tuple(spelling(fact.text).split())
                if len(words) >= 2:
                    out.setdefault(words[-1], []).append((document, fact, words))
    return out


def _full_mentions(mentions: list[tuple[Document, Fact]],
                   names: dict[str, list[tuple[Document, Fact, tuple[str, ...]]]]) -> list[tuple[Document, Fact, str]]:
    """Longer names of the event that end with one of the spellings of ``mentions``, with that
    spelling (``Hugh Heffner's`` for ``Heffner``)."""
    spellings = {spelling(f.text) for _, f in mentions}
    seen = {(d.id, f.start, f.end) for d, f in mentions}
    found = []
    for chosen in sorted(spellings):
        words = tuple(chosen.split())
        for document, fact, name in names.get(words[-1], ()):
            if (len(name) > len(words) and name[-len(words):] == words
                    and (document.id, fact.start, fact.end) not in seen):
                seen.add((document.id, fact.start, fact.end))
                found.append((document, fact, chosen))
    return found


class NameVariantDetector:
    kind = KIND

    def __call__(self, context: EventContext) -> list[Finding]:
        lex = _lexicon_for(context)
        forms = _forms(context)
        event = Event(lex, _lowercase_words(context), WordCounts.of(forms))
        targets = _targets(forms, event)
        names = _full_names(context)
        found_by_spellings: list[tuple[frozenset[str], Finding]] = []
        for members in _groups(forms, targets):
            mentions = [m for form in members for m in form.mentions]
            found = _finding(mentions, len(members) > 1, lex, names)
            if found:
                found_by_spellings.append((frozenset(spelling(f.text) for _, f in mentions), found))
        return _one_per_entity(found_by_spellings)


def _one_per_entity(found: list[tuple[frozenset[str], Finding]]) -> list[Finding]:
    """A surname that varies as its full name does (``Hefner``/``Heffner`` beside ``Hugh Hefner``/``Hugh
    Heffner``) is one disagreement, not two: the shorter finding's evidence joins the longer one's."""
    absorbed: set[int] = set()
    for i, (short, finding) in enumerate(found):
        width = {len(s.split()) for s in short}
        if len(width) != 1:
            continue
        size = width.pop()
        for j, (long, other) in enumerate(found):
            if j == i or j in absorbed or len(long) != len(short) \
                    or any(len(s.split()) <= size for s in long) \
                    or {" ".join(s.split()[-size:]) for s in long} != short:
                continue
            seen = {(e.document, e.start, e.end) for e in other.evidence}
            other.evidence.extend(e for e in finding.evidence if (e.document, e.start, e.end) not in seen)
            if other.majority is not None:
                other.outliers = sorted(set(other.outliers) | set(finding.outliers))
            absorbed.add(i)
            break
    return [finding for i, (_, finding) in enumerate(found) if i not in absorbed]


detectors.register(NameVariantDetector.kind)(NameVariantDetector())
