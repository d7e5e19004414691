"""The one way to register a pluggable piece: readers, embedders, extractors, detectors, exporters, engines.

Each kind of piece has one ``Registry``. A built-in registers itself when its module is
imported (``@registry.exporters.register("csv")``); a registry imports its built-in modules
the first time it is asked for a piece, so importing ``factcheck`` stays cheap and no module
needs to know every plug-in. A separate package adds a piece through an entry point, as
spaCy's registries do::

    [project.entry-points."factcheck.exporters"]
    xlsx = "factcheck_xlsx:export"

A built-in that fails to import is an error, never silently missing; so is a plug-in whose
entry point cannot be loaded (the message names it).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from .errors import FactcheckError

if TYPE_CHECKING:
    from pathlib import Path

    from .embed.base import Embedder
    from .engine import EngineFactory
    from .ingest.readers import RawArticle
    from .model import Claim, Document, Event, Fact, Finding, Sentence
    from .report import Report
    from .settings import Settings

T = TypeVar("T")


class PluginError(FactcheckError):
    """A registered piece is missing or cannot be loaded."""


@dataclass
class EventContext:
    """What a detector sees: one event, its documents (with facts), its claims and the settings."""

    event: Event
    documents: dict[str, Document]
    claims: list[Claim]
    settings: Settings = field(default_factory=lambda: _active_settings())
    vectors: dict[str, Any] = field(default_factory=dict)
    """Sentence embeddings by document id (rows in ``document.sentences`` order), when the pipeline has them."""
    cache: dict[str, Any] = field(default_factory=dict)
    """Derived data detectors share within one event (the fact links), computed once."""


def _active_settings() -> Settings:
    from .settings import active

    return active()


class Detector(Protocol):
    kind: str

    def __call__(self, context: EventContext) -> list[Finding]: ...


Reader = Callable[["Path", str, str], Iterator["RawArticle"]]
"""``(path, document id, decoded text) -> articles``; registered under a file suffix without its dot."""
EmbedderFactory = Callable[[str], "Embedder"]
"""``model name -> embedder``; registered under a backend name (``use-m3``, ``st``)."""
Extractor = Callable[["Sentence", "Document"], "list[Fact]"]
"""``(sentence, document) -> facts``; offsets of the facts point into ``document.source``."""
Exporter = Callable[["Report"], "str | bytes"]
"""``report -> text`` (or bytes, for a binary format such as ``sqlite``); may also take an ``options``
keyword (``RenderOptions``)."""


class Registry(Generic[T]):
    """Named pieces of one kind: the built-ins of ``builtins`` plus entry points of ``factcheck.<kind>``."""

    def __init__(self, kind: str, builtins: tuple[str, ...]) -> None:
        self.kind = kind
        self.group = f"factcheck.{kind}"
        self._builtins = builtins
        self._items: dict[str, T] = {}
        self._loaded = False
        self._loading = False

    def register(self, name: str) -> Callable[[T], T]:
        """Decorator: register the piece under ``name`` (a later registration replaces it)."""

        def deco(piece: T) -> T:
            self._items[name] = piece
            return piece

        return deco

    def get(self, name: str) -> T | None:
        self.load()
        return self._items.get(name)

    def names(self) -> list[str]:
        self.load()
        return sorted(self._items)

    def items(self) -> list[tuple[str, T]]:
        """Every piece, sorted by name, so that the order never depends on import order."""
        self.load()
        return sorted(self._items.items())

    def __contains__(self, name: object) -> bool:
        self.load()
        return name in self._items

    def load(self) -> None:
        """Import the built-ins, then the entry points of installed plug-ins (once)."""
        if self._loaded or self._loading:
            return
        self._loading = True
        try:
            for module in self._builtins:
                importlib.import_module(module)
            for point in sorted(entry_points(group=self.group), key=lambda p: p.name):
                try:
                    piece = point.load()
                except Exception as exc:  # noqa: BLE001  (a broken plug-in: say which, in one line)
                    raise PluginError(f"cannot load {self.kind} plug-in {point.name!r} ({point.value}): "
                                      f"{type(exc).__name__}: {exc}") from None
                self._items.setdefault(point.name, piece)
            self._loaded = True
        finally:
            self._loading = False


readers: Registry[Reader] = Registry("readers", ("factcheck.ingest.readers",))
embedders: Registry[EmbedderFactory] = Registry("embedders", ("factcheck.embed.use", "factcheck.embed.st"))
extractors: Registry[Extractor] = Registry("extractors", (
    "factcheck.extract.dates", "factcheck.extract.numbers", "factcheck.extract.names", "factcheck.extract.quotes"))
detectors: Registry[Detector] = Registry("detectors", (
    "factcheck.detect.dates", "factcheck.detect.weekdays", "factcheck.detect.numbers", "factcheck.detect.names",
    "factcheck.detect.quotes"))
exporters: Registry[Exporter] = Registry("exporters", (
    "factcheck.render.table", "factcheck.render.jsonfmt", "factcheck.render.csvfmt", "factcheck.render.markdown",
    "factcheck.render.html", "factcheck.render.jsonl",
    "factcheck.render.sqlite"))

engines: Registry[EngineFactory] = Registry("engines", ("factcheck.engine.local", "factcheck.engine.dask"))

REGISTRIES: dict[str, Registry] = {r.kind: r for r in (readers, embedders, extractors, detectors, exporters, engines)}


def register_detector(detector: Detector) -> Detector:
    """Register a detector instance under its own ``kind``."""
    return detectors.register(detector.kind)(detector)
