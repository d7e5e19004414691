"""Every tunable of the pipeline in one object: ``compare(..., settings=Settings(...))``.

The numbers here were chosen on the fixtures, the seeds and the benchmarks (see README,
"Measured"); they are grouped by the stage that reads them. A run uses one ``Settings``:
``compare`` makes it the active one for its duration (``use``), stage entry points take their
section explicitly, and helpers deep inside an extractor or detector read ``active()``, so
that no threshold has to be threaded through every small function. ``Settings`` is frozen
and hashable, so cached helpers may key on it.

From the command line: ``factcheck compare --settings my.json FOLDER``, where the JSON (or
TOML) file holds only the values to change, by section::

    {"events": {"bar": 0.5}, "detect": {"number_about": 0.05}}
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import json
import multiprocessing
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

DEFAULT_MODEL = "use-m3"
"""The embedding model used when none is named: the bundled multilingual USE, offline."""


@dataclass(frozen=True)
class IngestSettings:
    max_bytes: int = 20 * 1024 * 1024
    """A file larger than this (counting bytes read) is skipped."""


@dataclass(frozen=True)
class SegmentSettings:
    min_chars: int = 3
    """Shorter "sentences" (stray punctuation, list bullets) are dropped."""


@dataclass(frozen=True)
class EmbedSettings:
    batch: int = 256
    """Sentences handed to the embedder at once (progress is reported per batch)."""
    compact_from: int = 500_000
    """Sentences from which the corpus's vectors are kept as float16 (half the memory: 1.3 GB saved at
    10⁵ articles); each stage reads them back as float32, an event or a document at a time. Below it
    they stay float32, so a folder's report does not move with this setting."""


@dataclass(frozen=True)
class EventSettings:
    model: str = ""
    """The fitted same-story model (a JSON file written by ``benchmarks/fit_events.py``); empty: the bundled one."""
    bar: float | None = None
    """Mean same-story probability at or above which documents make one event; None: the model's own."""
    attach_bar: float | None = None
    """A group of ``small_group`` documents or fewer joins the larger event it is most like at this mean
    probability; None: the model's own (chosen with the bar by ``benchmarks/fit_events.py``)."""
    small_group: int | None = None
    """The size up to which a group is a stray report or two; None: the model's own."""
    merge_bar: float = 0.35
    """Two groups of two or more documents whose mean same-story probability reaches this, and that name
    one day in ``merge_day_share`` of each group's documents, are one story (``events.grouping.same_occasion``)."""
    merge_day_share: float = 0.5
    other_occasion_days: int = 365
    """Two documents whose closest days are this far apart report different occasions: never one event."""
    neighbours: int = 50
    """Each document is scored against at most this many others, the nearest by meaning (blocking)."""
    candidate_days: int = 365
    """Dated documents none of whose days (the publication and the days they name) come this close are
    never scored as one story (blocking by date; 0: no date window). The same kind of story a year on
    is another; a story told over two years is bridged by the reports that name both ends; and a corpus
    spanning years is not compared all with all."""
    candidate_floor: float = 0.2
    """A pair whose documents' mean embeddings are less alike (cosine) is not worth scoring."""
    lead_sentences: int = 3
    """Sentences of a document's start that stand for its story."""
    match_sentences: int = 12
    """Sentences of a document's start matched one by one against the other's."""
    pair_chunk: int = 8192
    """Candidate pairs a worker scores at once with ``--workers`` (10⁴ articles have about 370,000)."""
    signature_chunk: int = 256
    """Documents a worker makes the signatures of at once with ``--workers``."""


@dataclass(frozen=True)
class AlignSettings:
    model: str = ""
    """The fitted same-statement model (a JSON file written by ``benchmarks/fit_align.py``); empty: the
    bundled one."""
    bar: float | None = None
    """Mean same-statement probability at or above which sentences make one claim; None: the model's own."""
    max_partners: int = 40
    """Each sentence is scored against its best match in at most this many other documents (the most alike)."""
    candidate_floor: float = 0.2
    """A best match with a lower embedding cosine is not worth scoring."""


@dataclass(frozen=True)
class LinkSettings:
    model: str = ""
    """The fitted fact-link model (a JSON file written by ``benchmarks/fit_links.py``); empty: the bundled one."""
    report_bar: float | None = None
    """Score at or above which a pair of differing facts is reported; None: the model's own, fitted."""
    high_bar: float | None = None
    """Score at or above which an unhedged conflict is high severity; None: the model's own."""
    window: int = 6
    """Words either side of a fact that stand for its context (what is counted, what it hangs on)."""
    max_days_apart: int = 2
    """Facts of articles published further apart than this are not compared: in hand-labelled IndoSum
    findings, 118 of 146 false alarms and none of the true ones came from articles 3+ days apart (a
    later week's tally, a later race). Undated articles are always compared."""
    weekday_copy_words: float = 0.9
    """Word overlap (values masked) two sentences need for a changed bare weekday in one retold statement to be
    reported whatever the link score: in a near copy it is a disagreement ("exploded … on Friday" / "on
    Saturday"); in a paraphrase it is mostly another occasion (the day of the shooting, the day of the charge:
    10 of 12 such ECB+ pairs, overlaps 0.30–0.88)."""
    max_partners: int = 40
    """In a large event, each fact is scored against at most this many most similar same-unit facts."""
    block_size: int = 300
    """Same-unit facts of an event beyond which candidates are pre-selected by sentence similarity."""
    news_days: int = 2
    """Days before its publication an article's own news may lie (the day before's match, a dateline a day
    off the feed's date): two such days of articles published apart are two days' news (``publication_step``)."""
    table_values: int = 3
    """Values of one unit a sentence must list to be read as a row of a table (``7 medali emas, 10 medali
    perak, dan 15 medali perunggu``); two such rows sharing fewer than half their values are two tallies."""


@dataclass(frozen=True)
class DetectSettings:
    date_twin_bar: float = 0.6
    """Two sentences of one article this alike repeat one statement (their dates must agree)."""
    twin_window: int = 400
    """Repeats are looked for among the next this many dated sentences, so a huge article stays linear."""
    date_slip_days: int = 31
    date_slip_bar: float = 0.3
    """A within-article date slip: at most this many days and a one-digit change, on one occasion."""
    number_pair_bar: tuple[float, float] = (0.3, 0.45)
    """Word overlap at which two sentences of one claim are one statement, so that their numbers and
    dates are compared whatever the link score (a retelling): (single-sentence, multi)."""
    context_min_shared: int = 2
    context_thin_jaccard: float = 0.25
    """Content words two sentences must share (and their overlap when only that many) to be about one thing."""
    number_near: float = 0.1
    """How far below its figure "nearly 300" ("hampir 300") reaches."""
    number_about: float = 0.02
    """Least relative tolerance of "about 20" ("sekitar 20"); the written figure's rounding unit
    widens it (``about 1,500`` is 1,450-1,550, ``about 40`` 35-45)."""
    weekday_guess_days: int = 60
    """A year-less date is given the publication year only within this many days of it."""
    same_name_ratio: float = 80
    """rapidfuzz ratio at or above which two names are one for the "different things" test."""
    name_rare_share: float = 1 / 3
    """A spelling is a variant only if at most this share of the mentions use it."""
    name_min_frequent: int = 2
    """Mentions the dominant spelling needs before another is called its variant."""
    name_min_tentative: int = 7
    """Shortest unconfirmed (single-mention) word that may be called a misspelling."""
    name_max_acronym: int = 6
    quote_min_shared: int = 4
    """Content words two quotes must share before they are one quote reworded."""
    quote_needed_speaker: tuple[float, float] = (0.7, 0.4)
    """(overlap of the shorter, overlap of the longer) needed when both quotes name a speaker."""
    quote_needed_anonymous: tuple[float, float] = (0.8, 0.5)
    quote_min_spelling: int = 6
    """Shortest word whose one- or two-letter change counts as spelling, not rewording."""
    quote_preview: int = 70
    """Characters of a quote shown in a finding's summary."""


@dataclass(frozen=True)
class RunSettings:
    workers: int = 0
    """Processes that embed the sentences, extract facts, score the event pairs, align claims and run the
    detectors (``--workers``); 0: one per CPU core this process may use, up to ``AUTO_WORKERS``. The
    report is the same whatever the number."""
    engine: str = "local"
    """Where they run (``--engine``): ``local`` processes or a ``dask`` cluster; the report is the same on both."""
    address: str = ""
    """The Dask scheduler to join (``--address``; else ``FACTCHECK_DASK_ADDRESS``); empty: a local cluster."""

    @property
    def processes(self) -> int:
        """``workers``, with 0 read as one per core this process may run on (at most ``AUTO_WORKERS``).

        Where processes cannot be forked (Windows), 0 means one: a spawned worker re-imports the
        caller's script, which then needs an ``if __name__ == "__main__":`` guard, and a default must
        not demand that of a library caller; asking for workers explicitly still gets them."""
        if self.workers > 0:
            return self.workers
        if "fork" not in multiprocessing.get_all_start_methods():
            return 1
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        return max(1, min(AUTO_WORKERS, cores))


AUTO_WORKERS = 8
"""The most processes ``--workers 0`` (the default) starts: past this, more forks hold more memory for
less gain on one machine; a bigger corpus belongs on ``--engine dask``."""


@dataclass(frozen=True)
class ExtractSettings:
    quote_min_words: int = 4
    """Shorter quotations (scare quotes, titles) are not quotes."""
    quote_title_share: float = 0.7
    """A quotation this capitalised is a title, not speech."""
    quote_max_title_words: int = 8
    quote_cue_window: int = 160
    """Characters around a quotation searched for its speaker and speech verb."""
    name_headline_lower: float = 0.1
    """A line with fewer lowercase words than this share is a headline in Title Case."""
    name_headline_upper: float = 0.5
    """An ALL-CAPS dateline does not make a headline."""
    name_max_acronym: int = 6
    name_min_long: int = 5
    name_min_short: int = 4
    name_long_vowel_swap: int = 7
    name_min_substituted: int = 6


@dataclass(frozen=True)
class Settings:
    """All tunables, by stage. ``Settings()`` is what the tool uses by default."""

    ingest: IngestSettings = field(default_factory=IngestSettings)
    segment: SegmentSettings = field(default_factory=SegmentSettings)
    embed: EmbedSettings = field(default_factory=EmbedSettings)
    events: EventSettings = field(default_factory=EventSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    link: LinkSettings = field(default_factory=LinkSettings)
    detect: DetectSettings = field(default_factory=DetectSettings)
    run: RunSettings = field(default_factory=RunSettings)

    def replace(self, changes: Mapping[str, Any]) -> Settings:
        """A copy with ``{"section": {"name": value}}`` applied; unknown names and wrong types are errors."""
        if not isinstance(changes, Mapping):
            raise InputError("settings must be an object of sections, e.g. {\"events\": {\"bar\": 0.5}}")
        sections = {f.name for f in dataclasses.fields(self)}
        updated: dict[str, Any] = {}
        for section, values in changes.items():
            if section not in sections:
                raise InputError(f"unknown settings section {section!r} (choose from {', '.join(sorted(sections))})")
            current = getattr(self, section)
            if not isinstance(values, Mapping):
                raise InputError(f"settings section {section!r} must be an object")
            updated[section] = dataclasses.replace(current, **{
                name: _checked(section, current, name, value) for name, value in values.items()})
        return dataclasses.replace(self, **updated)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Defaults with the changes of a JSON or TOML file applied."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read settings ({getattr(exc, 'strerror', None) or exc})") from None
        try:
            if path.suffix.lower() == ".toml":
                import tomllib

                data: Any = tomllib.loads(text)
            else:
                data = json.loads(text)
        except ValueError as exc:
            raise InputError(f"{path}: not valid {'TOML' if path.suffix.lower() == '.toml' else 'JSON'} "
                             f"({str(exc).splitlines()[0]})") from None
        try:
            return cls().replace(data)
        except InputError as exc:
            raise InputError(f"{path}: {exc}") from None


def _checked(section: str, current: object, name: str, value: Any) -> Any:
    known = {f.name: f for f in dataclasses.fields(current)}  # type: ignore[arg-type]
    if name not in known:
        raise InputError(f"unknown setting {section}.{name} (choose from {', '.join(sorted(known))})")
    default = getattr(current, name)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise InputError(f"setting {section}.{name} must be a string")
        return value
    if default is None and value is None:
        return None
    if isinstance(default, tuple):
        if not isinstance(value, (list, tuple)) or len(value) != len(default) \
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            raise InputError(f"setting {section}.{name} must be a list of {len(default)} numbers")
        return tuple(float(v) for v in value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"setting {section}.{name} must be a number")
    whole = isinstance(default, int) and not isinstance(default, bool) if default is not None \
        else str(known[name].type).split("|")[0].strip() == "int"  # an optional count: ``int | None``
    if whole:
        if float(value) != int(value):
            raise InputError(f"setting {section}.{name} must be a whole number")
        return int(value)
    return float(value)


DEFAULT = Settings()
_ACTIVE: contextvars.ContextVar[Settings] = contextvars.ContextVar("factcheck_settings", default=DEFAULT)


def active() -> Settings:
    """The settings of the run in progress (the defaults outside ``compare``)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def use(settings: Settings) -> Iterator[Settings]:
    """Make ``settings`` the active ones for the duration of a ``with`` block."""
    token = _ACTIVE.set(settings)
    try:
        yield settings
    finally:
        _ACTIVE.reset(token)
