"""Every output format, rendered by the real command from real runs.

The command runs on ``seeds/`` (five real Indonesian articles) and on
``fixtures/render_injection/`` (three English articles with a date and a
number disagreement and hostile markup in one of them), with the bundled
embedding model: in this process (``run``, the exports made once a session)
unless the test is about the process (``factcheck``: a fresh run, a terminal).
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import assert_offsets_into_sources, drain_pty, factcheck_in_process
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parents[1]
DATASETS = {"seeds": ROOT / "seeds", "injection": ROOT / "fixtures" / "render_injection"}
EXPORTS = ("json", "jsonl", "csv", "md", "html")
CSV_COLUMNS = ["finding", "kind", "severity", "confidence", "claim", "event", "document", "outlet",
               "value", "majority", "outlier", "sentence", "start", "end", "span_start", "span_end",
               "text", "summary"]


def factcheck(*args: object, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "FORCE_COLOR")}
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], check=False, cwd=ROOT,
                          env={**environ, **(env or {})}, capture_output=True, timeout=600, **kwargs)


def run(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``factcheck(*args, env=env)`` through ``factcheck.cli.main`` in this process: same environment, bytes."""
    return factcheck_in_process(*args, env={**dict.fromkeys(("NO_COLOR", "COLUMNS", "FORCE_COLOR")), **(env or {})},
                                text=False)


@pytest.fixture(scope="module")
def rendered(compare_output) -> dict[tuple[str, str], bytes]:
    """(dataset, format) → the file ``compare --output`` wrote."""
    files = {}
    for name, folder in DATASETS.items():
        for fmt in EXPORTS + ("table",):
            target, result = compare_output(folder, fmt)
            assert result.returncode == 0, result.stderr.decode()
            assert result.stdout == b"", "with --output nothing goes to stdout"
            files[name, fmt] = target.read_bytes()
    return files


def report_of(rendered, dataset: str) -> dict:
    return json.loads(rendered[dataset, "json"])


def source_of(path: str) -> str:
    file = ROOT / path
    if file.suffix == ".json":
        return json.loads(file.read_text(encoding="utf-8"))["text"]
    return file.read_text(encoding="utf-8")


@pytest.mark.parametrize("dataset", DATASETS)
def test_json_is_the_contract_with_offsets_into_the_sources(rendered, dataset):
    report = report_of(rendered, dataset)
    assert report["schema_version"] == 1 and report["tool"]["name"] == "factcheck"
    assert len(report["documents"]) == len(list(DATASETS[dataset].iterdir()))
    assert report["claims"], "real articles about one event share claims"
    assert_offsets_into_sources(report, {d["id"]: source_of(d["path"]) for d in report["documents"]})


def test_injection_fixture_shows_its_disagreements(rendered):
    kinds = {f["kind"] for f in report_of(rendered, "injection")["findings"]}
    assert {"date_conflict", "number_conflict"} <= kinds


def test_exports_are_deterministic(rendered, tmp_path):
    """A second run, in a fresh process (its own hash seed), writes the same bytes."""
    for fmt in EXPORTS:
        again = tmp_path / f"again.{fmt}"
        result = factcheck("compare", DATASETS["injection"], "--format", fmt, "--output", again, "--quiet")
        assert result.returncode == 0, result.stderr.decode()
        assert again.read_bytes() == rendered["injection", fmt], f"{fmt} differs between two runs"


@pytest.mark.parametrize("dataset", DATASETS)
def test_csv_has_one_row_per_evidence_item(rendered, dataset):
    report = report_of(rendered, dataset)
    data = rendered[dataset, "csv"]
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0] == CSV_COLUMNS
    expected = [(f["id"], f["kind"], e["document"], e["value"], e["text"], e["start"], e["span"][0])
                for f in report["findings"] for e in f["evidence"]]
    got = [(r[0], r[1], r[6], _unguard(r[8]), _unguard(r[16]), int(r[12]), int(r[14])) for r in rows[1:]]
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize("dataset", DATASETS)
def test_jsonl_is_one_self_contained_finding_a_line(rendered, dataset):
    report = report_of(rendered, dataset)
    lines = rendered[dataset, "jsonl"].decode("utf-8").splitlines()
    assert len(lines) == len(report["findings"]) > 0
    events = {d["id"]: d["event"] for d in report["documents"]}
    outlets = {d["id"]: d["outlet"] or d["id"] for d in report["documents"]}
    by_id = {f["id"]: f for f in report["findings"]}
    for line in lines:
        finding = json.loads(line)
        event, evidence = finding.pop("event"), finding["evidence"]
        assert event == events[evidence[0]["document"]]
        assert [e.pop("outlet") for e in evidence] == [outlets[e["document"]] for e in evidence]
        assert finding == by_id[finding["id"]]  # otherwise exactly the contract's finding


def _unguard(cell: str) -> str:
    """The CSV prefixes formula-like text with an apostrophe for spreadsheets."""
    return cell[1:] if cell[:2] in ("'=", "'+", "'-", "'@") else cell


def test_csv_bom_on_request(tmp_path):
    target = tmp_path / "excel.csv"
    result = run("compare", DATASETS["injection"], "--format", "csv", "--csv-bom", "--output", target, "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbffinding,kind,severity")
    assert b"\r\n" in data


@pytest.mark.parametrize("dataset", DATASETS)
def test_markdown_reads_well_and_escapes_article_text(rendered, dataset):
    report = report_of(rendered, dataset)
    text = rendered[dataset, "md"].decode("utf-8")
    assert text.startswith("# factcheck report\n")
    assert f"- **Documents:** {len(report['documents'])}" in text
    for claim in report["claims"]:
        assert f"**{claim['id']}** (score" in text
    for finding in report["findings"]:
        assert f"### {finding['id']} · " in text
    table = [line for line in text.splitlines() if line.startswith("| F")]
    assert len(table) == len(report["findings"])
    assert all(len(re.findall(r"(?<!\\)\|", line)) == 8 for line in table), "a pipe broke a table row"
    assert re.search(r"(?<!\\)<", text) is None, "raw HTML from an article reached the Markdown"


@pytest.mark.parametrize("dataset", DATASETS)
def test_html_is_one_self_contained_escaped_file(rendered, dataset):
    report = report_of(rendered, dataset)
    page = rendered[dataset, "html"].decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src &#x27;none&#x27;" in page
    assert re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page, re.IGNORECASE) is None
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert page.count("<script") == 2, "only the page's own two scripts"
    assert page.count('class="finding ') == len(report["findings"])
    for finding in report["findings"]:
        assert f'<span class="fid">{finding["id"]}</span>' in page
    for doc in report["documents"]:
        assert '<article class="doc" aria-label=' in page and doc["outlet"] in page


def test_html_escapes_injected_markup(rendered):
    page = rendered["injection", "html"].decode("utf-8")
    assert "<img" not in page and "<script>document" not in page
    assert "&lt;script&gt;document.documentElement.setAttribute(&#x27;data-pwned&#x27;" in page
    assert "&lt;img src=x onerror=&quot;" in page
    assert "&quot; onerror=alert(1) x=&quot;" in page


def test_table_fits_80_columns_without_colour_off_a_terminal(rendered):
    result = run("compare", DATASETS["seeds"], "--quiet", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode("utf-8")
    assert "\x1b[" not in text
    assert all(cell_len(line) <= 80 for line in text.splitlines())
    for word in ("Summary", "Documents", "Events", "Claims", "Sentences", "Findings", "Model", "Time"):
        assert word in text
    report = report_of(rendered, "seeds")
    assert all(claim["id"] in text for claim in report["claims"])


def test_table_to_a_file_is_plain_and_lists_findings(rendered):
    text = rendered["injection", "table"].decode("utf-8")
    assert "\x1b[" not in text
    assert "<script>document" in text, "the terminal shows article text as printed"
    for finding in report_of(rendered, "injection")["findings"]:
        assert finding["id"] in text and finding["kind"] in text


def _run_in_tty(env: dict[str, str]) -> str:
    """The command's stdout when it is a real terminal (a pseudo-terminal)."""
    master, slave = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "compare", str(DATASETS["injection"]), "--quiet"],
                            cwd=ROOT, stdout=slave, stderr=subprocess.PIPE,
                            env={**environ, "COLUMNS": "100", "TERM": "xterm-256color", **env})
    os.close(slave)
    data = drain_pty(master)
    assert proc.wait(timeout=600) == 0, proc.stderr.read().decode()
    return data.decode("utf-8")


def _colour_codes(text: str) -> list[str]:
    params = [p for seq in re.findall(r"\x1b\[([0-9;]*)m", text) for p in seq.split(";") if p]
    return [p for p in params if 30 <= int(p) <= 49 or 90 <= int(p) <= 107]


def test_table_is_coloured_on_a_terminal_unless_no_color():
    assert _colour_codes(_run_in_tty({})), "a terminal gets colour"
    assert not _colour_codes(_run_in_tty({"NO_COLOR": "1"})), "NO_COLOR turns colour off"


def test_a_corpus_table_shows_the_events_with_findings_first_and_says_what_it_left_out():
    """Past ``max_events`` events the terminal shows only the claim tables of events with findings, most
    findings first (in event order), and one line saying how many it left out; the findings table stays."""
    from conftest import FIXTURES

    from factcheck import compare
    from factcheck.render._common import finding_event
    from factcheck.render.options import RenderOptions
    from factcheck.render.table import render_table

    report = compare([FIXTURES])
    assert len(report.events) > 5
    whole = render_table(report, RenderOptions(width=120))
    assert "more events not shown" not in whole
    short = render_table(report, RenderOptions(width=120, max_events=5))
    left = len(report.events) - 5
    assert f"{left} more events not shown here (claim tables of 5 of {len(report.events)} events" in short
    flagged = {finding_event(report, f) for f in report.findings}
    shown = [e.id for e in report.events if f"Event {e.id} " in short or f"Event {e.id}·" in short]
    assert len(flagged) >= 5 and len(shown) == 5 and set(shown) <= flagged, (shown, flagged)
    assert all(f.id in short for f in report.findings[:10])


def test_a_corpus_page_collapses_the_events_without_findings(monkeypatch):
    """Past ``COLLAPSE_AFTER`` events, an event without findings is a closed ``<details>``; one with findings
    stays an open section, so that every finding's evidence is one click away."""
    from conftest import FIXTURES

    from factcheck import compare
    from factcheck.render import html
    from factcheck.render._common import finding_event

    report = compare([FIXTURES])
    flagged = {finding_event(report, f) for f in report.findings}
    quiet = [e for e in report.events if e.id not in flagged]
    assert quiet and flagged
    assert '<details class="event quiet">' not in html.render_html(report)
    monkeypatch.setattr(html, "COLLAPSE_AFTER", 5)
    page = html.render_html(report)
    assert page.count('<details class="event quiet">') == len(quiet)
    assert page.count('<section class="event">') == len([e for e in report.events if e.id in flagged])
