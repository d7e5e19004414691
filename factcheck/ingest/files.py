"""Opening input files safely: only regular files, never blocking, never read past a cap.

Shared by ``read_bytes`` (a whole file, capped) and the readers that stream a file record by
record (JSON Lines), so both refuse the same things the same way.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..settings import active


def not_regular(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    kind = next((name for test, name in kinds if test(mode)), "a special file")
    return f"not a regular file ({kind}), not read"


@contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """The file opened for binary reading, if it is a regular file: without blocking (a named pipe
    never hangs the run) and checked again once open (it may have been replaced since)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise InputError(not_regular(info.st_mode))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                 | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise InputError(not_regular(os.fstat(handle.fileno()).st_mode))
        yield handle


def read_bytes(path: Path) -> bytes:
    """The file's bytes, at most ``settings.ingest.max_bytes``; the cap counts the bytes read, not
    the size the file claims (``/proc`` files say 0)."""
    cap = active().ingest.max_bytes
    with open_regular(path) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise InputError(f"larger than {size_text(cap)}")
    return data


def lines(handle: BinaryIO, cap: int) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` of every line (1-based, split on ``\\n`` only), ``None`` for a line longer
    than ``cap`` bytes, which is skipped without being held in memory."""
    number = 0
    while True:
        chunk = handle.readline(cap + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) > cap and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):  # the rest of the overlong line
                chunk = handle.readline(1 << 20)
            yield number, None
            continue
        yield number, chunk


def size_text(limit: int) -> str:
    return f"{limit // 2**20} MiB" if limit >= 2**20 else f"{limit} bytes"
