"""Atomic file writes: a reader sees the old file or the new one, never half.

A report is often written where another program picks it up (a CI step, a
newsroom pipeline). Writing to a temporary file in the same directory, then
``os.replace`` after an fsync, means a crash or a full disk leaves no
truncated report behind.

Only regular files are ever replaced. A symlink is followed to its final
target (the link stays a link); a device (``/dev/null``, ``/dev/full``, a
terminal), a FIFO or ``/dev/stdout`` is opened and written in place. Errors
are one ``WriteError`` naming the path the user gave, never the temporary
file. The temporary file (``.NAME.PID.factcheck.tmp``, next to the target) is
removed on every way out, SIGTERM and SIGHUP included (turned into
``SystemExit`` while the write runs); one left by a process killed outright
(SIGKILL) is removed by the next write to the same target once its process is
gone.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import signal
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import InputError

TEMP_SUFFIX = ".factcheck.tmp"
_MAX_LINKS = 40
_OWN_FD = re.compile(r"/proc/(?:self|thread-self|(\d+))(?:/task/\d+)?/fd/(\d+)")
_ANY_FD_DIR = re.compile(r"/proc/[^/]+(?:/task/[^/]+)?/fd")
_TERMINATING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class WriteError(InputError):
    """The output could not be written; the message names the user's path."""


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` as-is (no newline translation), atomically."""
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``: atomically for a regular file, in place for anything else."""
    write_output(path, data)


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` where ``path`` leads, respecting what is there (see the module docstring)."""
    shown = os.fspath(path)
    target, through_fd = _final_target(shown)
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _error(shown, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteError(f"{shown}: is a directory")
    try:
        if through_fd or (info is not None and not stat.S_ISREG(info.st_mode)):
            _write_in_place(target, data)
        else:
            _replace(target, data, info)
    except OSError as exc:
        raise _error(shown, exc) from None


def _final_target(path: str) -> tuple[str, bool]:
    """The file a chain of symlinks ends at (dangling or not), and whether it is a ``/proc/*/fd`` link.

    Links are followed one by one, so a dangling link gives the path it
    points to; the ``/proc/PID/fd/N`` links behind ``/dev/stdout`` and
    ``/dev/fd/N`` are not followed, as they name an open file, not a path.
    """
    current = path
    for _ in range(_MAX_LINKS):
        folder = os.path.realpath(os.path.dirname(os.path.abspath(current)))
        if _ANY_FD_DIR.fullmatch(folder):
            return os.path.join(folder, os.path.basename(current)), True
        try:
            link = os.readlink(current)
        except OSError:
            return current, False
        current = os.path.join(os.path.dirname(current), link)
    raise WriteError(f"{path}: cannot write (too many levels of symbolic links)")


def _write_in_place(target: str, data: bytes) -> None:
    """A device, a FIFO, a terminal, a pipe: opened and streamed to, never replaced."""
    own = _OWN_FD.fullmatch(target)
    if own and (own.group(1) is None or int(own.group(1)) == os.getpid()):
        fd = os.dup(int(own.group(2)))  # our own stdout: keep its offset and append mode
    else:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _replace(target: str, data: bytes, info: os.stat_result | None) -> None:
    """Temp file next to ``target``, fsync, the old file's owner and permissions, ``os.replace``."""
    directory = os.path.dirname(target) or "."
    if not os.path.isdir(directory):
        what = "is not a folder" if os.path.exists(directory) else "does not exist"
        raise OSError(errno.ENOENT, f"folder {directory} {what}")
    name = os.path.basename(target)
    remove_stale_temps(directory, name)
    with _terminating_signals_raise():
        tmp, fd = "", -1
        try:
            with _signals_deferred():  # no signal between creating the temp file and knowing its name
                tmp, fd = _create_temp(directory, name)
            _write_all(fd, data)
            if info is not None:
                _keep_owner_and_mode(fd, info)
            os.fsync(fd)
            os.close(fd)
            fd = -1
            os.replace(tmp, target)
        except BaseException:
            if fd >= 0:
                _close_quietly(fd)
            if tmp:
                _unlink_quietly(tmp)
            raise
    _fsync_directory(Path(directory))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


def _keep_owner_and_mode(fd: int, info: os.stat_result) -> None:
    if hasattr(os, "fchown") and (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, info.st_uid, info.st_gid)
        except OSError:
            pass  # only root may give a file away; the permissions below still hold
    os.fchmod(fd, stat.S_IMODE(info.st_mode))


def temp_name(name: str, pid: int | None = None, attempt: int = 0) -> str:
    """``.NAME.PID.factcheck.tmp`` (``-N`` after the pid when that name is taken)."""
    pid = os.getpid() if pid is None else pid
    return f".{_stem(name)}.{pid}{f'-{attempt}' if attempt else ''}{TEMP_SUFFIX}"


def _stem(name: str) -> str:
    """The target's name, shortened (with a hash) when a temp name would pass NAME_MAX."""
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) <= 200:
        return name
    digest = hashlib.sha1(raw).hexdigest()[:12]
    return f"{raw[:160].decode('utf-8', 'ignore')}~{digest}"


def _create_temp(directory: str, name: str) -> tuple[str, int]:
    """Create the temp file exclusively (``.NAME.PID.factcheck.tmp``, else ``.NAME.PID-N...``)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    for attempt in range(100):
        tmp = os.path.join(directory, temp_name(name, attempt=attempt))
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:  # name the folder, not the temp file
            raise OSError(exc.errno, f"cannot create a file in folder {directory}: {exc.strerror}") from None
    raise OSError(errno.EEXIST, "cannot create a temporary file")


def remove_stale_temps(directory: str, name: str) -> None:
    """Remove temp files of ``name`` left by processes that no longer run (killed with SIGKILL)."""
    pattern = re.compile(re.escape(f".{_stem(name)}.") + r"(\d+)(?:-\d+)?" + re.escape(TEMP_SUFFIX))
    try:
        entries = os.listdir(directory)
    except OSError:
        return
    for entry in entries:
        found = pattern.fullmatch(entry)
        if not found or _alive(int(found.group(1))):
            continue
        path = os.path.join(directory, entry)
        try:
            if stat.S_ISREG(os.lstat(path).st_mode):
                os.unlink(path)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT/SIGTERM/SIGHUP back for a few statements (their handlers run right after, in the caller)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, *_TERMINATING})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def _terminating_signals_raise() -> Iterator[None]:
    """While the temp file exists, SIGTERM/SIGHUP raise ``SystemExit(128 + signal)``, so it is removed."""
    installed: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in _TERMINATING:
            if signal.getsignal(signum) == signal.SIG_DFL:
                installed[signum] = signal.signal(signum, _raise_exit)
    try:
        yield
    finally:
        for signum, handler in installed.items():
            signal.signal(signum, handler)


def _raise_exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _error(shown: str, exc: OSError) -> WriteError:
    if exc.errno == errno.EISDIR:
        return WriteError(f"{shown}: is a directory")
    reason = exc.strerror or str(exc) or type(exc).__name__
    return WriteError(f"{shown}: cannot write ({reason})")


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where unsupported."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
