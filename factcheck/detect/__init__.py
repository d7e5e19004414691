"""Discrepancy detectors: each module registers one detector for one finding kind in
``registry.detectors``."""

from __future__ import annotations

from .. import registry
from ..model import Finding
from ..registry import EventContext


def run_detectors(contexts: list[EventContext], kinds: set[str] | None = None) -> list[Finding]:
    """Every registered detector over every event; ids are assigned by the caller."""
    findings: list[Finding] = []
    for context in contexts:
        for kind, detector in registry.detectors.items():
            if kinds is None or kind in kinds:
                findings.extend(detector(context))
        context.cache.clear()  # one event's links and indexes: never every event's at once on a corpus
    return findings
