"""Narrowing a report to the findings a reader asked for.

A function on ``Report`` rather than CLI logic, so ``compare`` and ``show``,
the Python API and every output format filter the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from . import registry
from .errors import InputError
from .model import NAME_VARIANTS, SEVERITIES, severity_rank
from .report import Report

KNOWN_KINDS = ("date_conflict", "weekday_mismatch", "number_conflict", "name_variant", "quote_drift")


def check_severity(severity: str) -> str:
    value = severity.strip().lower()
    if value not in SEVERITIES:
        raise InputError(f"unknown severity {severity!r} (choose from {', '.join(SEVERITIES)})")
    return value


def check_kinds(kinds: Iterable[str], report: Report | None = None) -> list[str]:
    """Kinds a detector can produce (or the report holds); a typo is an error, not an empty report."""
    known = set(KNOWN_KINDS) | set(registry.detectors.names())
    if report is not None:
        known |= {f.kind for f in report.findings}
    wanted = [k.strip() for kind in kinds for k in kind.split(",") if k.strip()]
    unknown = [k for k in wanted if k not in known]
    if unknown:
        raise InputError(f"unknown finding kind {', '.join(map(repr, unknown))} "
                         f"(choose from {', '.join(sorted(known))})")
    return wanted




def check_variants(variants: Iterable[str]) -> list[str]:
    """Variant sorts of name findings; a typo is an error, not an empty report."""
    wanted = [v.strip().lower() for variant in variants for v in variant.split(",") if v.strip()]
    unknown = [v for v in wanted if v not in NAME_VARIANTS]
    if unknown:
        raise InputError(f"unknown variant {', '.join(map(repr, unknown))} (choose from {', '.join(NAME_VARIANTS)})")
    return wanted


def filter_report(report: Report, kinds: Iterable[str] | None = None,
                  min_severity: str | None = None, variants: Iterable[str] | None = None) -> Report:
    """A copy of ``report`` holding only findings of ``kinds`` at or above ``min_severity``
    (and, with ``variants``, only name findings of those sorts: ``transliteration``…).

    Documents, events and claims stay: they are the context a reader needs.
    Finding ids are kept, so F3 means the same finding in every view.
    """
    wanted = set(kinds or ())
    floor = severity_rank(check_severity(min_severity)) if min_severity else -1
    sorts = set(variants or ())
    findings = [f for f in report.findings
                if (not wanted or f.kind in wanted) and _rank(f.severity) >= floor
                and (not sorts or f.variant in sorts)]
    return dataclasses.replace(report, findings=findings)


def has_finding_at_or_above(report: Report, severity: str) -> bool:
    """The ``--fail-on`` test: is any finding this severe or worse?"""
    floor = severity_rank(check_severity(severity))
    return any(_rank(f.severity) >= floor for f in report.findings)


def _rank(severity: str) -> int:
    return severity_rank(severity) if severity in SEVERITIES else -1
