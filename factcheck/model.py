"""The annotation chain: Document → Sentence → Claim → Fact → Finding.

Every piece of evidence keeps character offsets into its document's decoded
source text, so ``document.source[start:end] == text`` always holds and a
reader can trace any finding back to the words an outlet actually printed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document, located by offsets into ``Document.source``."""

    document: str
    index: int
    start: int
    end: int
    text: str
    is_title: bool = False


@dataclass
class Document:
    """An article as read from disk.

    ``source`` is the decoded text the offsets point into: the file's text for
    ``.txt``/``.md``, the ``text`` field for ``.json``/``.jsonl``, and the
    extracted readable text for ``.html``. ``blocks`` are the ``(start, end)``
    regions of ``source`` that survived page-chrome removal; sentences are only
    ever cut from them.
    """

    id: str
    path: str
    source: str
    title: str = ""
    outlet: str = ""
    published: date | None = None
    language: str = "und"
    blocks: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    event: str | None = None
    _derived: dict[str, tuple[Any, Any]] = field(default_factory=dict, repr=False, compare=False)

    def span(self, start: int, end: int) -> str:
        return self.source[start:end]

    def derived(self, key: str, depends_on: Any, build: Callable[[], T]) -> T:
        """``build()``, computed once for as long as ``depends_on`` (``self.facts``, ``self.source``…)
        is the same object: what stages derive from a document (its facts by sentence, the years it
        names) is kept with it, not in module-level caches keyed by ``id()``."""
        entry = self._derived.get(key)
        if entry is None or entry[0] is not depends_on:
            entry = (depends_on, build())
            self._derived[key] = entry
        return entry[1]


@dataclass(frozen=True, slots=True)
class Fact:
    """A checkable value found in a sentence.

    ``kind`` is ``date``, ``weekday``, ``number``, ``duration``, ``name`` or
    ``quote``; ``value`` is the normalised, comparable value (an ISO date
    string, a float, a canonical name…) and ``text`` the surface words at
    ``source[start:end]``. ``attrs`` holds kind-specific detail (granularity,
    unit, speaker…), always JSON-serialisable.
    """

    kind: str
    value: Any
    text: str
    start: int
    end: int
    document: str
    sentence: int
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Quantity:
    """A number fact as the values it allows: ``[low, high]`` in the base unit of its dimension.

    ``dimension`` says what is measured (count, money, length, mass, duration, percent, age,
    clock, score…); ``unit`` is the base unit (``m``, ``kg``, ``minute``, a currency code) or,
    for a count, the counted noun. ``bound`` is how the outlet hedged it: ``exact``, ``min``
    ("more than", "lebih dari"), ``max`` ("less than", "kurang dari", "nearly"), ``about``
    ("about", "sekitar") or ``range`` ("10-15"). ``tolerance`` is the relative slack of a
    rounded or converted value. ``subject`` is the entity it is about, when the text says
    ("Robert Buckley, 32,": the age of Robert Buckley).
    """

    dimension: str
    unit: str
    low: float
    high: float
    value: float
    bound: str = "exact"
    tolerance: float = 0.0
    converted: bool = False
    subject: str = ""


@dataclass(frozen=True)
class DateSpan:
    """A date fact as the interval of days it names, with the granularity it was written at.

    ``12 Maret 2021`` is one day; ``Maret 2021`` the month's days; ``2021`` the year's.
    ``weekday`` is set for a bare weekday (0 = Monday), which names no interval of its own.
    """

    start: date | None
    end: date | None
    granularity: str
    relative: bool = False
    weekday: int | None = None


@dataclass
class Event:
    """Documents judged to report the same happening."""

    id: str
    documents: list[str]
    date: str | None = None
    label: str = ""


@dataclass(frozen=True)
class ClaimMember:
    document: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass
class Claim:
    """Sentences from different outlets that make the same statement."""

    id: str
    event: str
    score: float
    members: list[ClaimMember]


@dataclass(frozen=True)
class Evidence:
    document: str
    sentence: int
    start: int
    end: int
    text: str
    value: str
    span: tuple[int, int]


@dataclass
class Finding:
    """A disagreement, with the evidence that shows it."""

    id: str
    kind: str
    severity: str
    confidence: float
    claim: str | None
    summary: str
    majority: str | None
    outliers: list[str]
    evidence: list[Evidence]
    variant: str | None = None
    """Which sort of difference it is, where a kind has sorts (a name's ``spelling``,
    ``transliteration``, ``diacritics``, ``hyphenation``, ``spacing``), so users can filter on it."""


SEVERITIES = ("low", "medium", "high")

NAME_VARIANTS = ("spelling", "transliteration", "diacritics", "hyphenation", "spacing")
"""The sorts of name difference a ``name_variant`` finding's ``variant`` says (filterable with ``--variant``)."""


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)
