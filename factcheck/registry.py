"""The one place where pluggable pieces are registered: embedders, detectors, exporters.

Built-ins register themselves when their module is imported; ``load_builtins``
imports them lazily so that importing ``factcheck`` stays cheap and no module
needs to know every plug-in.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Protocol

if TYPE_CHECKING:
    from .embed.base import Embedder
    from .model import Claim, Document, Event, Finding
    from .report import Report


@dataclass
class EventContext:
    """What a detector sees: one event, its documents (with facts) and its claims."""

    event: "Event"
    documents: dict[str, "Document"]
    claims: list["Claim"]


class Detector(Protocol):
    kind: str

    def __call__(self, context: EventContext) -> list["Finding"]: ...


Exporter = Callable[["Report"], str]
EmbedderFactory = Callable[[str], "Embedder"]

EMBEDDERS: dict[str, EmbedderFactory] = {}
DETECTORS: dict[str, Detector] = {}
EXPORTERS: dict[str, Exporter] = {}

_BUILTIN_MODULES = (
    "factcheck.embed.use",
    "factcheck.embed.st",
    "factcheck.detect",
    "factcheck.render",
)
_loaded = False


def register_embedder(prefix: str) -> Callable[[EmbedderFactory], EmbedderFactory]:
    """Register a factory for backends named ``prefix`` or ``prefix:<model>``."""

    def deco(factory: EmbedderFactory) -> EmbedderFactory:
        EMBEDDERS[prefix] = factory
        return factory

    return deco


def register_detector(detector: Detector) -> Detector:
    DETECTORS[detector.kind] = detector
    return detector


def register_exporter(name: str) -> Callable[[Exporter], Exporter]:
    def deco(exporter: Exporter) -> Exporter:
        EXPORTERS[name] = exporter
        return exporter

    return deco


def load_builtins() -> None:
    global _loaded
    if _loaded:
        return
    for name in _BUILTIN_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a missing dependency inside the module is a real error
                raise
    _loaded = True
