"""Discrepancy detectors: each module registers one detector for one finding kind."""

from __future__ import annotations

import importlib

from ..model import Finding
from ..registry import DETECTORS, EventContext

_DETECTORS = ("dates", "weekdays", "numbers", "names", "quotes")

for _name in _DETECTORS:
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"{__name__}.{_name}":
            raise


def run_detectors(contexts: list[EventContext], kinds: set[str] | None = None) -> list[Finding]:
    """Every registered detector over every event; ids are assigned by the caller."""
    findings: list[Finding] = []
    for context in contexts:
        for kind, detector in sorted(DETECTORS.items()):
            if kinds is None or kind in kinds:
                findings.extend(detector(context))
    return findings
