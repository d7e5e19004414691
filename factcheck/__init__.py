"""factcheck: compare how several news outlets report the same event.

``compare``, ``Report`` and ``Settings`` are imported on first use, so that a command which
needs none of the pipeline (``factcheck --help``, ``factcheck show``) starts without numpy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .pipeline import compare
    from .report import Report
    from .settings import Settings

__all__ = ["Report", "Settings", "__version__", "compare"]


def __getattr__(name: str) -> Any:
    if name == "compare":
        from .pipeline import compare

        return compare
    if name == "Report":
        from .report import Report

        return Report
    if name == "Settings":
        from .settings import Settings

        return Settings
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
