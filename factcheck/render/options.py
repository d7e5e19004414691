"""How a report is rendered, kept apart from what is rendered.

Exporters stay pure functions of the report: everything that depends on where
the output goes (terminal width, colour, a spreadsheet's BOM) arrives here,
decided once by the caller.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from typing import TextIO

DEFAULT_WIDTH = 100


@dataclass(frozen=True)
class RenderOptions:
    """``width``/``color`` shape the terminal table; ``csv_bom`` the CSV."""

    width: int = DEFAULT_WIDTH
    color: bool = False
    csv_bom: bool = False
    max_events: int = 40
    """Events whose claim tables the terminal shows; a corpus with more shows only those with findings (most
    findings first) up to this many, and says how many it left out: the findings table stays whole."""


def terminal_options(stream: TextIO, csv_bom: bool = False) -> RenderOptions:
    """Options for output going to ``stream``: its width and colour if a TTY.

    Colour is off when the stream is not a terminal or ``NO_COLOR`` is set
    (https://no-color.org). The width is ``COLUMNS`` when set, else the
    terminal's, else 100, so pipes get the same readable layout every time.
    """
    is_tty = _isatty(stream)
    width = _columns() or (shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns if is_tty else DEFAULT_WIDTH)
    color = is_tty and not os.environ.get("NO_COLOR")
    return RenderOptions(width=max(40, width), color=color, csv_bom=csv_bom)


def _columns() -> int | None:
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
