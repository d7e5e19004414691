"""Output formats: every one is rendered from the same ``Report``.

Each module registers its exporter in ``registry.exporters``; ``render`` is what the
CLI calls, so that it needs to know no format by name.
"""

from __future__ import annotations

import inspect

from .. import registry
from ..errors import InputError
from ..report import Report
from .options import RenderOptions, terminal_options

__all__ = ["RenderOptions", "available_formats", "is_binary", "render", "terminal_options"]


def available_formats() -> list[str]:
    return registry.exporters.names()


def is_binary(fmt: str) -> bool:
    """Whether ``fmt``'s exporter writes bytes (it says so with a ``binary = True`` attribute)."""
    return bool(getattr(registry.exporters.get(fmt), "binary", False))


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """Render ``report`` as ``fmt`` (bytes for a binary format); options reach only exporters that take them."""
    exporter = registry.exporters.get(fmt)
    if exporter is None:
        raise InputError(f"unknown format {fmt!r} (choose from {', '.join(available_formats())})")
    if options is not None and _takes_options(exporter):
        return exporter(report, options=options)  # type: ignore[call-arg]
    return exporter(report)


def _takes_options(exporter: object) -> bool:
    try:
        return "options" in inspect.signature(exporter).parameters  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
