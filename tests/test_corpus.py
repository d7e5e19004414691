"""For a corpus: the SQLite database, the outlet scorecard, worker processes and a Dask cluster, through the real CLI."""

from __future__ import annotations

import io
import json
import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from conftest import FIXTURES, SEEDS, factcheck, factcheck_in_process

import factcheck as library
from factcheck.errors import InputError
from factcheck.render.output import OutputRequest, deliver
from factcheck.scorecard import outlet_scorecard

TABLES = ("documents", "events", "event_documents", "claims", "members", "findings", "evidence", "outlets")


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.json"
    result = factcheck_in_process("compare", SEEDS, "--format", "json", "--quiet", "--output", path)
    assert result.returncode == 0, result.stderr
    return path


def test_the_database_holds_the_whole_report_with_its_keys(tmp_path: Path, seeds_json: Path) -> None:
    database = tmp_path / "seeds.sqlite"
    result = factcheck("compare", SEEDS, "--format", "sqlite", "--quiet", "--output", database)
    assert result.returncode == 0, result.stderr
    report = json.loads(seeds_json.read_text(encoding="utf-8"))
    db = sqlite3.connect(database)
    count = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert count["documents"] == len(report["documents"]) and count["events"] == len(report["events"])
    assert count["claims"] == len(report["claims"]) and count["findings"] == len(report["findings"])
    assert count["members"] == sum(len(c["members"]) for c in report["claims"])
    assert count["evidence"] == sum(len(f["evidence"]) for f in report["findings"])
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # A question a researcher asks: which outlets' articles are quoted by which kind of finding.
    rows = db.execute("SELECT f.kind, e.outlet, count(*) FROM findings f JOIN evidence e ON e.finding = f.id "
                      "GROUP BY f.kind, e.outlet").fetchall()
    expected = {(f["kind"], e["document"]) for f in report["findings"] for e in f["evidence"]}
    assert {kind for kind, _, _ in rows} == {kind for kind, _ in expected}
    first = report["findings"][0]
    text, value = db.execute("SELECT text, value FROM evidence WHERE finding = ? AND position = 0",
                             (first["id"],)).fetchone()
    assert (text, value) == (first["evidence"][0]["text"], first["evidence"][0]["value"])


def test_the_database_is_the_same_bytes_every_run_and_from_a_saved_report(tmp_path: Path, seeds_json: Path) -> None:
    runs = []
    for name in ("a", "b"):
        out = tmp_path / f"{name}.sqlite"
        assert factcheck_in_process("compare", SEEDS, "-f", "sqlite", "--quiet", "-o", out).returncode == 0
        runs.append(out.read_bytes())
    shown = tmp_path / "shown.sqlite"
    assert factcheck_in_process("show", seeds_json, "-f", "sqlite", "-o", shown).returncode == 0
    assert runs[0] == runs[1] == shown.read_bytes()
    assert runs[0].startswith(b"SQLite format 3\x00")


def test_a_database_is_never_written_to_a_terminal() -> None:
    report = library.compare([SEEDS])
    leader, follower = os.openpty()
    try:
        with os.fdopen(follower, "w", closefd=False) as terminal, pytest.raises(InputError, match="--output FILE"):
            deliver(report, OutputRequest(fmt="sqlite"), terminal)
    finally:
        os.close(leader)
        os.close(follower)
    piped = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert deliver(report, OutputRequest(fmt="sqlite"), piped) == 0
    piped.flush()
    assert piped.buffer.getvalue().startswith(b"SQLite format 3")  # type: ignore[attr-defined]


def test_the_scorecard_counts_who_stands_alone() -> None:
    report = library.compare([SEEDS])
    rows = {r.outlet: r for r in outlet_scorecard(report)}
    alone = [f for f in report.findings if f.outliers]
    assert alone, "the seeds' name variants name the outlet that spells differently"
    for finding in alone:
        for doc in finding.outliers:
            assert rows[report.outlet(doc)].outlier >= 1
            assert rows[report.outlet(doc)].outlier_by_kind.get(finding.kind, 0) >= 1
    assert sum(r.articles for r in rows.values()) == len(report.documents)
    assert sum(r.outlier for r in rows.values()) == sum(len({report.outlet(d) for d in f.outliers})
                                                       for f in report.findings)


def test_the_scorecard_is_in_the_table_and_in_the_html(tmp_path: Path) -> None:
    table = factcheck_in_process("compare", SEEDS, "--quiet")
    assert table.returncode == 0 and "Outlets" in table.stdout and "Outlier by kind" in table.stdout
    page = tmp_path / "r.html"
    assert factcheck_in_process("compare", SEEDS, "-f", "html", "--quiet", "-o", page).returncode == 0
    html = page.read_text(encoding="utf-8")
    assert '<details class="scorecard">' in html and '<svg class="scorecard-chart"' in html
    assert html.count("<rect ") == len(outlet_scorecard(library.compare([SEEDS])))


def test_workers_give_the_same_report_byte_for_byte(tmp_path: Path) -> None:
    """Every fixture at once (more documents than one worker's share and more events than workers, so
    the embeddings (no cache, batches of 16 sentences), extraction, the event signatures and pairs'
    features (in chunks of 8 documents and 16 pairs here) and alignment with detection all go to the
    pool), in one process and in two: the same JSON bytes."""
    from factcheck.parallel import CHUNK

    settings = tmp_path / "settings.toml"
    settings.write_text("[embed]\nbatch = 16\n[events]\npair_chunk = 16\nsignature_chunk = 8\n", encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.json"
        result = factcheck("compare", FIXTURES, "--format", "json", "--quiet", "--workers", workers, "--output", out,
                           "--settings", settings, "--no-cache")
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    report = json.loads(outputs[0])
    assert len(report["documents"]) > CHUNK and len(report["events"]) >= 4  # both pools are used
    assert outputs[0] == outputs[1]


def test_event_pair_features_are_the_same_computed_in_chunks_on_two_workers() -> None:
    """The documents' signatures made in chunks of 5 and the candidate pairs' features in chunks of 7
    pairs, in two forked workers, are the very floats one process computes for all of them at once."""
    from factcheck.engine.local import LocalEngine
    from factcheck.events import document_pairs
    from factcheck.pipeline import analyse
    from factcheck.settings import Settings, use

    settings = Settings().replace({"events": {"pair_chunk": 7, "signature_chunk": 5}})
    with use(settings):
        analysis = analyse([FIXTURES], settings=settings, until="facts")
        alone = document_pairs(analysis.documents, analysis.vectors, settings.events)
        shared = document_pairs(analysis.documents, analysis.vectors, settings.events, LocalEngine(2))
    assert len(alone.left) > 3 * 7 and len(analysis.documents) > 3 * 5
    for one, other in zip(alone.signatures, shared.signatures):
        assert one.names == other.names and one.numbers == other.numbers and one.days == other.days
        assert np.array_equal(one.sentences, other.sentences) and np.array_equal(one.body, other.body)
    assert np.array_equal(alone.left, shared.left) and np.array_equal(alone.right, shared.right)
    assert np.array_equal(alone.features, shared.features, equal_nan=True)


def test_every_engine_hands_shared_objects_to_its_workers() -> None:
    """``map(..., shared=...)``: inline, forked local workers and a Dask cluster all call the work with
    the shared object, and give the results back in chunk order."""
    distributed = pytest.importorskip("distributed")
    from factcheck.engine import InlineEngine
    from factcheck.engine.dask import DaskEngine
    from factcheck.engine.local import LocalEngine
    from factcheck.settings import RunSettings, Settings

    shared = {"words": ["nol", "satu", "dua", "tiga", "empat", "lima"]}
    chunks = [[5, 0], [3], [1, 2, 4]]
    expected = [["lima", "nol"], ["tiga"], ["satu", "dua", "empat"]]
    assert InlineEngine().map(_pick, Settings(), chunks, shared=shared) == expected
    assert LocalEngine(2).map(_pick, Settings(), chunks, shared=shared) == expected
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        from contextlib import ExitStack

        with ExitStack() as stack:
            engine = DaskEngine(RunSettings(workers=2, engine="dask", address=cluster.scheduler_address), stack)
            assert engine.map(_pick, Settings(), chunks, shared=shared) == expected


def _pick(settings: object, chunk: list[int], shared: dict[str, list[str]]) -> list[str]:
    return [shared["words"][i] for i in chunk]


def test_a_dask_cluster_of_two_workers_gives_the_same_report_byte_for_byte(tmp_path: Path) -> None:
    """A local Dask cluster of two worker processes, started here; the real CLI joins it by address and
    the chunks run on its workers. The same JSON bytes as one local process; and the same again with no
    address, where the run starts a cluster of --workers processes of its own."""
    import logging

    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local.json"
    assert factcheck("compare", FIXTURES, "--format", "json", "--quiet", "--output", local).returncode == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        joined = tmp_path / "joined.json"
        result = factcheck("compare", FIXTURES, "--format", "json", "--quiet", "--engine", "dask",
                           "--address", cluster.scheduler_address, "--output", joined)
        assert result.returncode == 0, result.stderr
        ran = client.run(lambda dask_worker: dask_worker.state.executed_count)
    assert len(ran) == 2 and all(count > 0 for count in ran.values())  # both workers took chunks
    assert joined.read_bytes() == local.read_bytes()
    own = tmp_path / "own.json"
    result = factcheck("compare", FIXTURES, "--format", "json", "--quiet", "--engine", "dask", "--workers", "2",
                       "--output", own)
    assert result.returncode == 0, result.stderr
    assert own.read_bytes() == local.read_bytes()


def test_an_unknown_engine_is_a_one_line_error(tmp_path: Path) -> None:
    result = factcheck("compare", SEEDS, "--engine", "spark", "--quiet")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "error: unknown engine 'spark'; choose one of: dask, local"


def test_a_terminal_sees_every_long_stage_with_an_eta_and_the_embedding_rate(tmp_path: Path) -> None:
    """On a terminal, stderr shows a bar per stage (extraction and detection included) with an ETA, and a
    closing line with sentences per second and the time of every stage; piped, nothing of it."""
    import pty
    import subprocess
    import sys

    from conftest import ROOT, drain_pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "compare", str(SEEDS), "--format", "json", "--output",
                             str(tmp_path / "r.json"), "--no-cache"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=follower, env={**os.environ, "COLUMNS": "160", "TERM": "xterm"})
    os.close(follower)
    shown = drain_pty(leader).decode("utf-8", "replace")
    assert proc.wait(timeout=300) == 0
    for stage in ("embedding sentences", "extracting facts", "grouping events", "aligning claims",
                  "detecting disagreements"):
        assert stage in shown, stage
    assert "ETA" in shown
    assert "sentences/s embedded" in shown and "detect " in shown
    piped = factcheck("compare", SEEDS, "--format", "json", "--output", tmp_path / "p.json")
    assert piped.returncode == 0 and "sentences/s" not in piped.stderr and "ETA" not in piped.stderr


def test_a_large_corpus_keeps_its_vectors_as_float16_and_reports_the_same_stories() -> None:
    """Past ``embed.compact_from`` sentences the vectors are half the memory; every stage reads them
    back as float32, so the seeds (made "large" by a bar of one sentence) keep their events, claims
    and findings."""
    import dataclasses

    from factcheck.pipeline import analyse
    from factcheck.settings import Settings

    plain = Settings()
    compact = dataclasses.replace(plain, embed=dataclasses.replace(plain.embed, compact_from=1))
    analysis = analyse([SEEDS], settings=compact)
    assert {v.dtype.name for v in analysis.vectors.values()} == {"float16"}
    assert {v.dtype.name for v in analyse([SEEDS], settings=plain, until="facts").vectors.values()} == {"float32"}
    small, large = library.compare([SEEDS], settings=plain), library.compare([SEEDS], settings=compact)
    assert [e.documents for e in large.events] == [e.documents for e in small.events]
    assert [(f.kind, f.summary) for f in large.findings] == [(f.kind, f.summary) for f in small.findings]
