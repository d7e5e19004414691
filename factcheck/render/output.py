"""From a finished report to bytes on stdout or in a file, and an exit code.

``compare`` and ``show`` end the same way: filter, render, write, and tell
the shell whether a finding crossed ``--fail-on``. Keeping it here keeps the
CLI thin and lets both commands behave identically.

``--output -`` means stdout. Whatever goes to a terminal (stdout or a
terminal device given as ``--output``) is stripped of escape sequences and
control characters, in every format but JSON (which escapes C0 controls itself
and must stay faithful); the table strips them always.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from ..errors import InputError
from ..filters import check_kinds, check_severity, check_variants, filter_report, has_finding_at_or_above
from ..io import WriteError, write_output
from ..report import Report
from . import available_formats, is_binary, render
from ._common import one_line, terminal_safe_document
from .options import RenderOptions, terminal_options

STDOUT = Path("-")


class OutputClosed(Exception):
    """The reader of stdout went away (``| head -1``): nothing more to say, and no one to say it to."""


@dataclass(frozen=True)
class OutputRequest:
    """What the user asked for on the command line, validated up front."""

    fmt: str = "table"
    output: Path | None = None
    kinds: Sequence[str] = field(default_factory=tuple)
    min_severity: str | None = None
    fail_on: str | None = None
    csv_bom: bool = False
    variants: Sequence[str] = field(default_factory=tuple)

    def checked(self, stream: TextIO | None = None) -> OutputRequest:
        """Reject a bad option before any slow work starts (a binary format bound for a terminal too)."""
        if self.fmt not in available_formats():
            raise InputError(f"unknown format {self.fmt!r} (choose from {', '.join(available_formats())})")
        to_stdout = self.output in (None, STDOUT)
        if is_binary(self.fmt) and (_isatty(stream or sys.stdout) if to_stdout
                                    else _is_terminal_path(self.output)):  # type: ignore[arg-type]
            raise InputError(f"--format {self.fmt} is a binary file: write it with --output FILE (or pipe it)")
        return OutputRequest(
            fmt=self.fmt, output=None if self.output == STDOUT else self.output, kinds=tuple(check_kinds(self.kinds)),
            min_severity=check_severity(self.min_severity) if self.min_severity else None,
            fail_on=check_severity(self.fail_on) if self.fail_on else None, csv_bom=self.csv_bom,
            variants=tuple(check_variants(self.variants)))


def deliver(report: Report, request: OutputRequest, stream: TextIO | None = None) -> int:
    """Write the filtered report where asked; return the exit code (1 = ``--fail-on`` hit)."""
    stream = stream or sys.stdout
    request = request.checked(stream)
    shown = filter_report(report, request.kinds, request.min_severity, request.variants)
    if request.output is None:
        text = render(shown, request.fmt, terminal_options(stream, request.csv_bom))
        if isinstance(text, bytes):
            _write_stream(stream, text)
        else:
            _write_stream(stream, _for_terminal(text, request.fmt) if _isatty(stream) else text)
    else:
        rendered = render(shown, request.fmt, RenderOptions(csv_bom=request.csv_bom))
        if isinstance(rendered, str):
            if _is_terminal_path(request.output):
                rendered = _for_terminal(rendered, request.fmt)
            rendered = rendered.encode("utf-8")
        write_output(request.output, rendered)
    return 1 if request.fail_on and has_finding_at_or_above(shown, request.fail_on) else 0


# The table strips article text itself and colours with escape sequences of its own; JSON stays faithful.
_LEFT_AS_RENDERED = frozenset({"table", "json"})


def _for_terminal(text: str, fmt: str) -> str:
    return text if fmt in _LEFT_AS_RENDERED else terminal_safe_document(text)


def _write_stream(stream: TextIO, text: str | bytes) -> None:
    """UTF-8 bytes as rendered: no newline translation, whatever the locale.

    A closed pipe is ``OutputClosed``, any other failure a one-line
    ``WriteError``; either way stdout is pointed at ``/dev/null`` so that the
    interpreter's last flush at exit does not fail again.
    """
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    try:
        if buffer is None:
            # A text-only stream (a test's StringIO) gets bytes one character per byte.
            stream.write(text if isinstance(text, str) else text.decode("latin-1"))
            stream.flush()
            return
        stream.flush()
        buffer.write(text.encode("utf-8") if isinstance(text, str) else text)
        buffer.flush()
    except OSError as exc:
        _silence(stream)
        if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
            raise OutputClosed() from None
        raise WriteError(f"stdout: cannot write ({exc.strerror or exc})") from None


def _silence(stream: TextIO) -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _is_terminal_path(path: Path) -> bool:
    """Whether ``--output`` names a terminal (``/dev/tty``, a pty): it gets terminal-safe text."""
    try:
        if not stat.S_ISCHR(os.stat(path).st_mode):
            return False
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


def read_report(path: Path) -> Report:
    """A saved JSON report; anything else is an ``InputError`` with one clear line."""
    shown = one_line(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a directory, not a report file") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{shown}: not a factcheck report (not UTF-8 JSON)") from None
    try:
        return Report.from_json(text)
    except InputError as exc:
        raise InputError(f"{shown}: {exc}") from None
    except (AttributeError, LookupError, TypeError, ValueError, RecursionError) as exc:  # a wrongly shaped field
        raise InputError(f"{shown}: malformed factcheck report ({type(exc).__name__}: {exc})") from None
