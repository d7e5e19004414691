"""Shared helpers: every test runs the real CLI or library on real files with the bundled model."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import locale
import logging
import os
import re
import subprocess
import sys
import traceback
import types
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.model import Document
from factcheck.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


def text_document(text: str, language: str = "id", doc_id: str = "d", outlet: str = "") -> Document:
    """A document with one block per paragraph, cut into sentences by the real segmenter."""
    blocks = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    document = Document(id=doc_id, path="", source=text, language=language, blocks=blocks, outlet=outlet)
    document.sentences = segment(document)
    return document


def extracted_quotes(text: str, language: str = "id") -> list[tuple[str | None, str]]:
    """(speaker, normalised quote) of every quote the real extractor finds, offsets checked."""
    from factcheck.extract import quotes

    document = text_document(text, language)
    found = []
    for sentence in document.sentences:
        for fact in quotes.extract(sentence, document):
            assert document.source[fact.start:fact.end] == fact.text
            assert sentence.start <= fact.start < fact.end <= sentence.end
            found.append((fact.attrs["speaker"], fact.value))
    return found


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the embedding cache of the test run out of the user's cache folder."""
    os.environ.setdefault("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def factcheck(*args: object, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], check=False, cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


# ---- the CLI in this process ---------------------------------------------------------------
#
# ``factcheck()`` above starts a real process: keep it for tests about the process (exit status
# of the entry point, stdout bytes and encoding, environment, signals, ``python -m factcheck``).
# Everywhere else ``factcheck_in_process()`` runs the same ``factcheck.cli.main`` with the same
# argv, working folder and environment, and gives back a ``CompletedProcess`` as well, without
# a Python start and the imports each time.


def factcheck_in_process(*args: object, cwd: Path = ROOT, env: dict[str, str | None] | None = None,
                         text: bool = True) -> subprocess.CompletedProcess:
    """``python -m factcheck ARGS`` through ``factcheck.cli.main`` in this process.

    stdout and stderr are captured as the bytes the command wrote (``stdout.buffer`` included) and,
    when ``text``, decoded like ``subprocess.run(text=True)`` does; the exit code comes from
    ``SystemExit`` (an uncaught exception prints its traceback and gives 1, as in a process).
    ``env`` is laid over ``os.environ`` for the run; a value of None unsets that variable.
    Python's default warning filters apply and library log records reach stderr as they would
    in a fresh process (pytest's warning and log capture would otherwise swallow them).
    """
    from factcheck.cli import main

    encoding = locale.getpreferredencoding(False)
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding=encoding, errors="strict", newline="\n")
    stderr = io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace", newline="\n",
                              line_buffering=True)
    argv = [str(_entry_module().__file__), *map(str, args)]
    with _as_a_process(argv, cwd, env, stdout, stderr):
        returncode = _exit_status(main)
        stdout.flush()
        stderr.flush()
    raw_out, raw_err = out.getvalue(), err.getvalue()
    if not text:
        return subprocess.CompletedProcess(argv, returncode, raw_out, raw_err)
    return subprocess.CompletedProcess(argv, returncode, _decode(raw_out, encoding), _decode(raw_err, encoding))


def _decode(data: bytes, encoding: str) -> str:
    """As ``subprocess.run(text=True)``: the locale's encoding, universal newlines."""
    return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


def _exit_status(main) -> int:
    try:
        main()
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code & 0xFF
        print(code, file=sys.stderr)
        return 1
    except Exception:  # noqa: BLE001 - what the interpreter does with an exception nothing caught
        traceback.print_exc(file=sys.stderr)
        return 1
    return 0


_ENTRY: types.ModuleType | None = None


def _entry_module() -> types.ModuleType:
    """What ``__main__`` is under ``python -m factcheck``: click names the program after it."""
    global _ENTRY
    if _ENTRY is None:
        import factcheck as package

        _ENTRY = types.ModuleType("__main__")
        _ENTRY.__package__ = "factcheck"
        _ENTRY.__file__ = str(Path(package.__file__).with_name("__main__.py"))
    return _ENTRY


@contextlib.contextmanager
def _as_a_process(argv: list[str], cwd: Path, env: dict[str, str | None] | None,
                  stdout: io.TextIOWrapper, stderr: io.TextIOWrapper) -> Iterator[None]:
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved = sys.argv, sys.stdout, sys.stderr, sys.modules["__main__"], sys.excepthook
    root = logging.getLogger()
    saved_handlers = root.handlers[:]
    try:
        for key, value in (env or {}).items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = str(value)
        os.chdir(cwd)
        sys.argv, sys.stdout, sys.stderr, sys.modules["__main__"] = argv, stdout, stderr, _entry_module()
        root.handlers = []  # no handler anywhere: logging's last resort writes to (our) stderr
        with warnings.catch_warnings():
            warnings.resetwarnings()
            for category in (ResourceWarning, ImportWarning, PendingDeprecationWarning, DeprecationWarning):
                warnings.simplefilter("ignore", category)
            warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
            warnings.showwarning = _show_warning
            yield
    finally:
        root.handlers = saved_handlers
        sys.argv, sys.stdout, sys.stderr, sys.modules["__main__"], sys.excepthook = saved
        os.chdir(saved_cwd)
        for key in set(os.environ) - set(saved_env):
            del os.environ[key]
        for key, value in saved_env.items():
            if os.environ.get(key) != value:
                os.environ[key] = value


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


# ---- results shared by the whole session -----------------------------------------------------

_RUNS: dict[tuple, subprocess.CompletedProcess] = {}


def cached_run(*args: object) -> subprocess.CompletedProcess:
    """``factcheck_in_process(*args)`` (text, from ROOT), run once a session for the same arguments,
    the same content of the files they name and the same FACTCHECK_* variables. For runs that
    only print: a run that writes a file (``--output``) is not cached. Each call gets its own
    ``CompletedProcess``; its ``stdout`` and ``stderr`` are strings, so nothing shared can change."""
    words = tuple(map(str, args))
    assert not {"-o", "--output"} & set(words), "a run with side effects is not cached"
    key = (words, _inputs_digest(words), tuple(sorted((k, v) for k, v in os.environ.items()
                                                      if k.startswith("FACTCHECK_"))))
    if key not in _RUNS:
        _RUNS[key] = factcheck_in_process(*words)
    done = _RUNS[key]
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout, done.stderr)


def _inputs_digest(words: tuple[str, ...]) -> str:
    """A hash of every file under the arguments that name files or folders (relative to ROOT)."""
    digest = hashlib.sha256()
    for word in words:
        path = ROOT / word
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            data = file.read_bytes()
            digest.update(f"{file}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            digest.update(data)
    return digest.hexdigest()


def compare_json(*paths: object, extra: tuple = ()) -> dict:
    """The JSON report of ``compare PATHS --format json --quiet EXTRA``, computed once a session
    (in this process); every call parses it again, so callers may change what they get."""
    result = cached_run("compare", *paths, "--format", "json", "--quiet", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def compare_output(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """``(folder, format) → (file, result)``: the file ``compare FOLDER --format FORMAT --output FILE
    --quiet`` wrote, and that run's ``CompletedProcess`` (bytes), made once a session in this process.
    The files are shared and read-only: a test that needs to change one copies it (the session
    fails at its end if one was changed)."""
    root = tmp_path_factory.mktemp("outputs")
    made: dict[tuple[str, str], tuple[Path, subprocess.CompletedProcess]] = {}
    digests: dict[Path, str] = {}

    def get(folder: Path, fmt: str) -> tuple[Path, subprocess.CompletedProcess]:
        key = (str(folder), fmt)
        if key not in made:
            target = root / f"{len(made)}-{Path(folder).name}.{fmt}"
            result = factcheck_in_process("compare", folder, "--format", fmt, "--output", target, "--quiet",
                                          text=False)
            assert result.returncode == 0, result.stderr.decode()
            target.chmod(0o444)
            digests[target] = hashlib.sha256(target.read_bytes()).hexdigest()
            made[key] = (target, result)
        return made[key]

    yield get
    changed = [str(path) for path, digest in digests.items()
               if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest]
    assert not changed, f"a test changed a shared compare output: {changed}"


def assert_offsets_into_sources(report: dict, sources: dict[str, str]) -> None:
    """Every claim member and every piece of evidence is ``source[start:end]``, its span inside it."""
    for claim in report["claims"]:
        for member in claim["members"]:
            assert sources[member["document"]][member["start"]:member["end"]] == member["text"]
    for finding in report["findings"]:
        for item in finding["evidence"]:
            source = sources[item["document"]]
            assert source[item["start"]:item["end"]] == item["text"]
            assert item["start"] <= item["span"][0] <= item["span"][1] <= item["end"]


def drain_pty(master: int) -> bytes:
    """Everything a child wrote to the terminal whose master side is ``master`` (then closed)."""
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed its side
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return b"".join(chunks)
