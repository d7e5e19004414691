"""``factcheck show``: a saved report rendered again, filtered, with exit codes.

The saved reports come from real runs of ``compare`` on the injection fixture
(which has date and number disagreements) and on ``seeds/``, made once a session.
``factcheck`` starts the real command; ``run`` calls the same CLI in this process,
for the tests that are not about the process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import factcheck_in_process

ROOT = Path(__file__).resolve().parents[1]
DATASETS = {"seeds": ROOT / "seeds", "injection": ROOT / "fixtures" / "render_injection"}
SEVERITIES = ("low", "medium", "high")


def factcheck(*args: object) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "FORCE_COLOR")}
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], check=False, cwd=ROOT, env=environ,
                          capture_output=True, timeout=600)


def run(*args: object) -> subprocess.CompletedProcess:
    """``factcheck(*args)`` through ``factcheck.cli.main`` in this process: same environment, bytes."""
    return factcheck_in_process(*args, env=dict.fromkeys(("NO_COLOR", "COLUMNS", "FORCE_COLOR")), text=False)


@pytest.fixture(scope="module")
def saved(compare_output) -> dict[str, Path]:
    """dataset → its JSON report, plus the Markdown and CSV ``compare`` wrote (read-only files)."""
    paths = {}
    for name, folder in DATASETS.items():
        for fmt in ("json", "md", "csv"):
            target, result = compare_output(folder, fmt)
            assert result.returncode == 0, result.stderr.decode()
            paths[f"{name}.{fmt}"] = target
    return paths


def findings(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["findings"]


@pytest.mark.parametrize("dataset", DATASETS)
def test_show_json_gives_back_the_saved_report(saved, dataset):
    """In a real process: the bytes on stdout are the file's."""
    result = factcheck("show", saved[f"{dataset}.json"], "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == saved[f"{dataset}.json"].read_bytes()


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_show_renders_what_compare_rendered(saved, dataset, fmt, tmp_path):
    target = tmp_path / f"again.{fmt}"
    result = run("show", saved[f"{dataset}.json"], "--format", fmt, "--output", target)
    assert result.returncode == 0, result.stderr.decode()
    assert target.read_bytes() == saved[f"{dataset}.{fmt}"].read_bytes()


def test_show_html_without_sources_shows_evidence_sentences(saved):
    result = run("show", saved["injection.json"], "--format", "html")
    assert result.returncode == 0, result.stderr.decode()
    page = result.stdout.decode("utf-8")
    assert page.count('class="finding ') == len(findings(saved["injection.json"]))
    if findings(saved["injection.json"]):
        assert "evidence sentences only" in page
    assert "<script>document" not in page and "<img" not in page


def test_show_table_is_the_default(saved):
    result = run("show", saved["seeds.json"])
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode("utf-8")
    assert "Summary" in text and "\x1b[" not in text


def test_filter_by_kind(saved):
    result = run("show", saved["injection.json"], "--format", "json", "--kind", "date_conflict")
    assert result.returncode == 0, result.stderr.decode()
    kept = json.loads(result.stdout)["findings"]
    expected = [f for f in findings(saved["injection.json"]) if f["kind"] == "date_conflict"]
    assert kept == expected and kept, "the fixture holds a date conflict"


def test_kinds_repeat_and_comma_separate(saved):
    both = {"date_conflict", "number_conflict"}
    expected = [f for f in findings(saved["injection.json"]) if f["kind"] in both]
    for args in (["--kind", "date_conflict", "--kind", "number_conflict"], ["--kind", "date_conflict,number_conflict"]):
        result = run("show", saved["injection.json"], "--format", "json", *args)
        assert json.loads(result.stdout)["findings"] == expected


@pytest.mark.parametrize("severity", SEVERITIES)
def test_filter_by_min_severity(saved, severity):
    result = run("show", saved["injection.json"], "--format", "json", "--min-severity", severity)
    assert result.returncode == 0, result.stderr.decode()
    floor = SEVERITIES.index(severity)
    expected = [f for f in findings(saved["injection.json"]) if SEVERITIES.index(f["severity"]) >= floor]
    assert json.loads(result.stdout)["findings"] == expected


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("severity", SEVERITIES)
def test_fail_on_exits_1_only_when_a_finding_reaches_it(saved, dataset, severity):
    result = run("show", saved[f"{dataset}.json"], "--format", "json", "--fail-on", severity)
    floor = SEVERITIES.index(severity)
    hit = any(SEVERITIES.index(f["severity"]) >= floor for f in findings(saved[f"{dataset}.json"]))
    assert result.returncode == (1 if hit else 0), result.stderr.decode()
    assert json.loads(result.stdout)["schema_version"] == 1, "the report is still written"


def test_fail_on_applies_after_filtering(saved):
    kinds = {f["kind"] for f in findings(saved["injection.json"])}
    assert "date_conflict" in kinds
    result = run("show", saved["injection.json"], "--format", "json", "--fail-on", "low",
                 "--kind", "quote_drift")
    left = [f for f in findings(saved["injection.json"]) if f["kind"] == "quote_drift"]
    assert result.returncode == (1 if left else 0)


def test_compare_fail_on_and_filters(tmp_path):
    """In a real process: exit status 1 comes out of the entry point."""
    target = tmp_path / "r.json"
    result = factcheck("compare", DATASETS["injection"], "--format", "json", "--output", target, "--quiet",
                       "--kind", "date_conflict", "--fail-on", "low")
    kept = findings(target)
    assert all(f["kind"] == "date_conflict" for f in kept)
    assert result.returncode == (1 if kept else 0)
    assert kept, "the fixture's date conflict is found"


def _assert_one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert result.stdout == b""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for word in words:
        assert word in err


@pytest.mark.parametrize("content, words", [
    ('{"name": "something else", "items": []}', ["not a factcheck report"]),
    ('[1, 2, 3]', ["not a factcheck report"]),
    ('{"tool": "factcheck"}', ["factcheck report"]),
    ('{"schema_version": 99, "tool": {"name": "factcheck"}}', ["schema_version", "99"]),
    ('{"schema_version": 1, "tool": {"name": "factcheck"}}', ["malformed"]),
    ('{"schema_version": 1, "tool": {"name": "factcheck"}, "documents": [1]}', ["malformed"]),
    ("this is not json at all", ["invalid JSON"]),
    ("\udcff", ["not UTF-8"]),
])
def test_show_rejects_what_is_not_a_report(tmp_path, content, words):
    path = tmp_path / "other.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    _assert_one_line_error(run("show", path), str(path), *words)


def test_show_rejects_missing_file_and_bad_options(saved, tmp_path):
    _assert_one_line_error(run("show", tmp_path / "nope.json"), "no such file")
    _assert_one_line_error(run("show", tmp_path), "directory")
    _assert_one_line_error(run("show", saved["seeds.json"], "--format", "pdf"), "unknown format")
    _assert_one_line_error(run("show", saved["seeds.json"], "--kind", "date_conflit"), "unknown finding kind")
    _assert_one_line_error(run("show", saved["seeds.json"], "--min-severity", "urgent"), "unknown severity")
    _assert_one_line_error(run("show", saved["seeds.json"], "--fail-on", "critical"), "unknown severity")


def test_compare_rejects_bad_options_before_working():
    _assert_one_line_error(factcheck("compare", DATASETS["seeds"], "--fail-on", "critical"), "unknown severity")
    _assert_one_line_error(factcheck("compare", DATASETS["seeds"], "--format", "pdf"), "unknown format")


def test_output_is_written_atomically_over_an_old_report(saved, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    result = run("show", saved["seeds.json"], "--format", "md", "--output", target)
    assert result.returncode == 0, result.stderr.decode()
    assert target.read_text(encoding="utf-8").startswith("# factcheck report")
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"], "no temporary file left behind"
