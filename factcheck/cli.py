"""The command line: a thin skin over ``factcheck.compare`` and the exporters.

One error path, in ``main``: usage errors are typer's own message and exit
code (2); a ``FactcheckError`` is one ``error: ...`` line and exit 2; Ctrl-C
is ``interrupted`` and exit 130; a closed stdout (``| head -1``) ends quietly
with 141 (128 + SIGPIPE, as a killed writer would); anything else is one
``error: internal error ...`` line and exit 3 (``FACTCHECK_DEBUG=1`` shows the
traceback). Typer 0.29 vendors its own click, older typer uses click itself:
click's exceptions are recognised by their class names, not imported. Every
line written to stderr is stripped of escape sequences and control characters.
"""

from __future__ import annotations

import io
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from . import __version__
from .errors import FactcheckError
from .settings import DEFAULT_MODEL

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Compare how several news outlets report the same event and flag where they disagree.")
stderr = Console(stderr=True)

FORMAT_HELP = ("Output format: table, json, jsonl (one finding a line), csv, md, html, or sqlite (a database; "
               "needs --output FILE or a pipe). More with exporters.")
KIND_HELP = "Only findings of this kind (repeat or comma-separate), e.g. date_conflict."
VARIANT_HELP = ("Only name findings of this sort (repeat or comma-separate): spelling, transliteration, "
                "diacritics, hyphenation, spacing.")
MIN_SEVERITY_HELP = "Only findings at or above this severity: low, medium or high."
FAIL_ON_HELP = "Exit 1 when a finding at or above this severity remains after filtering."
CSV_BOM_HELP = "Start CSV output with a UTF-8 byte-order mark, so Excel opens it cleanly."
OUTPUT_HELP = "Write the report to this file (atomically; a device or FIFO in place; - for stdout)."


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """factcheck: cross-source fact comparison for news articles."""


@app.command()
def compare(
    paths: list[Path] = typer.Argument(..., help="Folders (searched recursively) or files: .txt .md .html .json .jsonl"),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m",
                              help="Embedding model: use-m3 (bundled, offline) or st:<sentence-transformers id or path>."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the on-disk embedding cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or warnings on stderr."),
    kind: list[str] | None = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    min_severity: str | None = typer.Option(None, "--min-severity", help=MIN_SEVERITY_HELP),
    variant: list[str] | None = typer.Option(None, "--variant", help=VARIANT_HELP),
    fail_on: str | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    csv_bom: bool = typer.Option(False, "--csv-bom", help=CSV_BOM_HELP),
    settings_file: Path | None = typer.Option(
        None, "--settings", metavar="FILE",
        help="JSON or TOML file of tunables to change, by section, e.g. {\"events\": {\"bar\": 0.5}}."),
    workers: int = typer.Option(0, "--workers", "-w", min=0, max=64,
                                help="Processes that embed, extract facts and run detectors; 0 (default): one per "
                                "CPU core, up to 8. The report is the same for any number."),
    engine: str = typer.Option("local", "--engine", help="Where they run: local (processes here) or dask (a Dask "
                               "cluster: --address, or a local one of --workers processes). Same report on both."),
    address: str = typer.Option("", "--address", envvar="FACTCHECK_DASK_ADDRESS", metavar="ADDRESS",
                                help="Dask scheduler to join with --engine dask, e.g. tcp://10.0.0.5:8786."),
) -> None:
    """Read the articles, group them into events, align their claims and report disagreements.

    Exit codes: 0 done, 1 a finding at or above --fail-on, 2 bad usage or input, 3 internal error.
    """
    from .pipeline import compare as run_compare
    from .render.output import OutputRequest, deliver
    from .settings import Settings

    request = OutputRequest(format, output, tuple(kind or ()), min_severity, fail_on, csv_bom,
                            tuple(variant or ())).checked()
    settings = Settings.load(settings_file) if settings_file else Settings()
    given = {"workers": workers != 0, "engine": engine != "local", "address": bool(address)}
    run = {"workers": workers, "engine": engine, "address": address}
    if any(given.values()):
        settings = settings.replace({"run": {k: v for k, v in run.items() if given[k]}})
    with _progress(quiet) as progress:
        report = run_compare(paths, model=model, cache=not no_cache, progress=progress, settings=settings)
    if not quiet:
        for warning in report.warnings:
            _say(f"warning: {warning}")
        if stderr.is_terminal:
            _say(_throughput(report.stats))
    _exit(deliver(report, request))


def _throughput(stats: dict) -> str:
    """``34,651 sentences in 66.1 s: 524 sentences/s embedded (a cached sentence is free)``, and the run's stages."""
    timings = stats.get("timings", {})
    embed, sentences = float(timings.get("embed", 0.0)), int(stats.get("sentences", 0))
    rate = f"{sentences / embed:,.0f} sentences/s embedded" if embed > 0 else "all from the embedding cache"
    stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
    return f"{sentences:,} sentences: {rate}; {stages}"


@app.command()
def show(
    report_file: Path = typer.Argument(..., metavar="REPORT.json", help="A report saved with --format json."),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    kind: list[str] | None = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    min_severity: str | None = typer.Option(None, "--min-severity", help=MIN_SEVERITY_HELP),
    variant: list[str] | None = typer.Option(None, "--variant", help=VARIANT_HELP),
    fail_on: str | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    csv_bom: bool = typer.Option(False, "--csv-bom", help=CSV_BOM_HELP),
) -> None:
    """Render a saved JSON report again, in any format, without recomputing it.

    Exit codes: 0 done, 1 a finding at or above --fail-on, 2 bad usage or input, 3 internal error.
    """
    from .render.output import OutputRequest, deliver, read_report

    request = OutputRequest(format, output, tuple(kind or ()), min_severity, fail_on, csv_bom,
                            tuple(variant or ())).checked()
    _exit(deliver(read_report(report_file), request))


def _exit(code: int) -> None:
    if code:
        sys.exit(code)



class _progress:
    """Progress bars on stderr, one per pipeline stage; silent when quiet or not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and stderr.is_terminal
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=stderr,
                            transient=True)
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> Callable[[str, int, int], None] | None:
        if not self.enabled:
            return None
        self.bar.start()
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()



def main() -> None:
    no_args = len(sys.argv) <= 1
    previous = _catch_ctrl_c()
    try:
        try:
            result = app(standalone_mode=False)
        except BaseException as exc:  # noqa: BLE001 - the one place every way out is decided
            code = _exit_code_for(exc)
        else:
            code = _exit_code_for_result(result)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if no_args and code == 0:
        code = 2  # help shown for want of a command (older click exits 0 there)
    sys.exit(code)


def _catch_ctrl_c() -> Any:
    """Ctrl-C raises KeyboardInterrupt, even when started with SIGINT ignored (a script's background job)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGINT, signal.default_int_handler)


def _exit_code_for_result(result: Any) -> int:
    """In non-standalone mode typer returns an ``Exit``'s code, and turns Ctrl-C into ``Exit(130)``."""
    if isinstance(result, int) and not isinstance(result, bool):
        if result == 130:
            _say("interrupted")
        return result
    return 0


def _exit_code_for(exc: BaseException) -> int:
    from .render.output import OutputClosed

    names = {cls.__name__ for cls in type(exc).__mro__}
    if isinstance(exc, (OutputClosed, BrokenPipeError)):
        _silence_stdout()
        return 141
    if isinstance(exc, FactcheckError):
        _say(f"error: {exc}")
        return 2
    if isinstance(exc, KeyboardInterrupt) or "Abort" in names:
        _say("interrupted")
        return 130
    if isinstance(exc, SystemExit):
        return _system_exit_code(exc)
    if "Exit" in names and isinstance(getattr(exc, "exit_code", None), int):
        return int(exc.exit_code)  # type: ignore[attr-defined]
    if "ClickException" in names and hasattr(exc, "show"):
        _show_click_error(exc)
        code = getattr(exc, "exit_code", 2)
        return code if isinstance(code, int) else 2
    if not isinstance(exc, Exception):
        raise exc
    if os.environ.get("FACTCHECK_DEBUG", "") not in ("", "0"):
        raise exc
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    _say(f"error: internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
         "run again with FACTCHECK_DEBUG=1 for the traceback")
    return 3


def _system_exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    _say(str(exc.code))
    return 1


def _show_click_error(exc: BaseException) -> None:
    """Typer's (click's) own message for a usage error, made terminal-safe."""
    from .render._common import terminal_safe

    buffer = io.StringIO()
    try:
        exc.show(file=buffer)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a message is better than a second traceback
        buffer.write(f"Error: {getattr(exc, 'format_message', lambda: str(exc))()}\n")
    _write_stderr(terminal_safe(buffer.getvalue()))


def _say(line: str) -> None:
    """One line on stderr, whatever the message holds (escape sequences, line breaks)."""
    from .render._common import one_line

    _write_stderr(one_line(line) + "\n")


def _write_stderr(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    main()
