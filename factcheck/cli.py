"""The command line: a thin skin over ``factcheck.compare`` and the exporters."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .embed import DEFAULT_MODEL
from .errors import FactcheckError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Compare how several news outlets report the same event and flag where they disagree.")
stderr = Console(stderr=True)

FORMAT_HELP = "Output format: table, json, csv, md or html (more with exporters)."
KIND_HELP = "Only findings of this kind (repeat or comma-separate), e.g. date_conflict."
MIN_SEVERITY_HELP = "Only findings at or above this severity: low, medium or high."
FAIL_ON_HELP = "Exit 1 when a finding at or above this severity remains after filtering."
CSV_BOM_HELP = "Start CSV output with a UTF-8 byte-order mark, so Excel opens it cleanly."


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
    paths: List[Path] = typer.Argument(..., help="Folders (searched recursively) or files: .txt .md .html .json .jsonl"),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file (atomically)."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m",
                              help="Embedding model: use-m3 (bundled, offline) or st:<sentence-transformers id or path>."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the on-disk embedding cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or warnings on stderr."),
    kind: Optional[List[str]] = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    min_severity: Optional[str] = typer.Option(None, "--min-severity", help=MIN_SEVERITY_HELP),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    csv_bom: bool = typer.Option(False, "--csv-bom", help=CSV_BOM_HELP),
) -> None:
    """Read the articles, group them into events, align their claims and report disagreements.

    Exit codes: 0 done, 1 a finding at or above --fail-on, 2 bad usage or input, 3 internal error.
    """
    from .pipeline import compare as run_compare
    from .render.output import OutputRequest, deliver

    request = OutputRequest(format, output, tuple(kind or ()), min_severity, fail_on, csv_bom).checked()
    with _progress(quiet) as progress:
        report = run_compare(paths, model=model, cache=not no_cache, progress=progress)
    if not quiet:
        for warning in report.warnings:
            stderr.print(f"warning: {warning}", markup=False, highlight=False, soft_wrap=True)
    _exit(deliver(report, request))


@app.command()
def show(
    report_file: Path = typer.Argument(..., metavar="REPORT.json", help="A report saved with --format json."),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file (atomically)."),
    kind: Optional[List[str]] = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    min_severity: Optional[str] = typer.Option(None, "--min-severity", help=MIN_SEVERITY_HELP),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    csv_bom: bool = typer.Option(False, "--csv-bom", help=CSV_BOM_HELP),
) -> None:
    """Render a saved JSON report again, in any format, without recomputing it.

    Exit codes: 0 done, 1 a finding at or above --fail-on, 2 bad usage or input, 3 internal error.
    """
    from .render.output import OutputRequest, deliver, read_report

    request = OutputRequest(format, output, tuple(kind or ()), min_severity, fail_on, csv_bom).checked()
    _exit(deliver(read_report(report_file), request))


def _exit(code: int) -> None:
    if code:
        sys.exit(code)



class _progress:
    """Progress bars on stderr, one per pipeline stage; silent when quiet or not a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and stderr.is_terminal
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                            TimeElapsedColumn(), console=stderr, transient=True)
        self.tasks: dict[str, int] = {}

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
    try:
        app(standalone_mode=False)
    except FactcheckError as exc:
        stderr.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    except (typer.Exit, SystemExit) as exc:
        sys.exit(getattr(exc, "exit_code", getattr(exc, "code", 0)) or 0)
    except KeyboardInterrupt:
        stderr.print("interrupted", markup=False)
        sys.exit(130)
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.ClickException):
            stderr.print(f"error: {exc.format_message()}", markup=False, highlight=False)
            sys.exit(2)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        detail = str(exc).splitlines()[0] if str(exc) else ""
        stderr.print(f"error: internal error ({type(exc).__name__}: {detail}); "
                     "run again with FACTCHECK_DEBUG=1 for the traceback", markup=False, highlight=False, soft_wrap=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
