"""From a finished report to bytes on stdout or in a file, and an exit code.

``compare`` and ``show`` end the same way: filter, render, write, and tell
the shell whether a finding crossed ``--fail-on``. Keeping it here keeps the
CLI thin and lets both commands behave identically.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from ..errors import InputError
from ..filters import check_kinds, check_severity, filter_report, has_finding_at_or_above
from ..io import atomic_write_text
from ..report import Report
from . import available_formats, render
from .options import RenderOptions, terminal_options


@dataclass(frozen=True)
class OutputRequest:
    """What the user asked for on the command line, validated up front."""

    fmt: str = "table"
    output: Path | None = None
    kinds: Sequence[str] = field(default_factory=tuple)
    min_severity: str | None = None
    fail_on: str | None = None
    csv_bom: bool = False

    def checked(self) -> "OutputRequest":
        """Reject a bad option before any slow work starts."""
        if self.fmt not in available_formats():
            raise InputError(f"unknown format {self.fmt!r} (choose from {', '.join(available_formats())})")
        return OutputRequest(
            fmt=self.fmt, output=self.output, kinds=tuple(check_kinds(self.kinds)),
            min_severity=check_severity(self.min_severity) if self.min_severity else None,
            fail_on=check_severity(self.fail_on) if self.fail_on else None, csv_bom=self.csv_bom)


def deliver(report: Report, request: OutputRequest, stream: TextIO | None = None) -> int:
    """Write the filtered report where asked; return the exit code (1 = ``--fail-on`` hit)."""
    request = request.checked()
    stream = stream or sys.stdout
    shown = filter_report(report, request.kinds, request.min_severity)
    if request.output is None:
        _write_stream(stream, render(shown, request.fmt, terminal_options(stream, request.csv_bom)))
    else:
        atomic_write_text(request.output, render(shown, request.fmt, RenderOptions(csv_bom=request.csv_bom)))
    return 1 if request.fail_on and has_finding_at_or_above(shown, request.fail_on) else 0


def _write_stream(stream: TextIO, text: str) -> None:
    """UTF-8 bytes as rendered: no newline translation, whatever the locale."""
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def read_report(path: Path) -> Report:
    """A saved JSON report; anything else is an ``InputError`` with one clear line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a report file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a factcheck report (not UTF-8 JSON)") from None
    try:
        return Report.from_json(text)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    except (AttributeError, TypeError, ValueError) as exc:  # a wrongly shaped field
        raise InputError(f"{path}: malformed factcheck report ({exc})") from None
