"""factcheck: compare how several news outlets report the same event."""

__version__ = "0.1.0"

from .pipeline import compare  # noqa: E402
from .report import Report  # noqa: E402

__all__ = ["Report", "__version__", "compare"]
