"""name_variant and quote_drift end to end: the real CLI, the bundled model, on fixtures and seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import compare_json

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p.name for p in (ROOT / "fixtures").iterdir()
               if p.is_dir() and p.name.startswith(("name_", "quote_")) and (p / "expected.json").is_file())
KINDS = ("name_variant", "quote_drift")


def _report(folder: str) -> dict:
    """``compare FOLDER --format json --quiet`` (relative to the repository): the real CLI in this
    process, once a session per folder; each call gets its own copy."""
    return compare_json(folder)


def _matches(finding: dict, entry: dict) -> bool:
    values = {e["value"] for e in finding["evidence"]}
    return (finding["kind"] == entry["kind"] and set(entry.get("values", [])) <= values
            and all(finding[k] == entry[k] for k in ("majority", "severity") if k in entry))


def _ours(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["kind"] in KINDS]


def test_there_are_cases_for_both_kinds_in_both_languages():
    for prefix in ("name_", "quote_"):
        for lang in ("_id", "_en"):
            assert any(c.startswith(prefix) and c.endswith(lang) for c in CASES), prefix + lang
    assert any("lookalikes" in c for c in CASES)


@pytest.mark.parametrize("case", CASES)
def test_fixture(case: str):
    expected = json.loads((ROOT / "fixtures" / case / "expected.json").read_text(encoding="utf-8"))
    report = _report(f"fixtures/{case}")
    for entry in expected["findings"]:
        assert any(_matches(f, entry) for f in report["findings"]), (entry, _ours(report))
    for entry in expected["must_not"]:
        assert not any(_matches(f, entry) for f in report["findings"]), (entry, _ours(report))


@pytest.mark.parametrize("case", CASES)
def test_findings_keep_the_contract(case: str):
    report = _report(f"fixtures/{case}")
    sources = {d["id"]: (ROOT / d["path"]).read_text(encoding="utf-8") for d in report["documents"]
               if d["path"].endswith(".txt")}
    for finding in _ours(report):
        assert finding["severity"] in ("low", "medium") and 0 < finding["confidence"] <= 1
        assert finding["summary"] and finding["evidence"]
        for ev in finding["evidence"]:
            assert ev["start"] <= ev["span"][0] < ev["span"][1] <= ev["end"]
            if ev["document"] in sources:
                assert sources[ev["document"]][ev["start"]:ev["end"]] == ev["text"]


def test_seed_name_variants():
    found = {tuple(sorted({e["value"] for e in f["evidence"]})): f
             for f in _report("seeds")["findings"] if f["kind"] == "name_variant"}
    assert found[("Kim Jong Un", "Kim Jong-un")]["majority"] == "Kim Jong Un"
    assert found[("Kora Utara", "Korea Utara")]["outliers"] == ["004_367723d5f7e8cdb8"]
    assert found[("Rusia", "Rusian")]["outliers"] == ["002_bc18443657823f31"]
    assert all(f["severity"] == "low" for f in found.values())
    assert len(found) == 3, sorted(found)


def test_seed_quote_drift_is_putin_reworded_between_two_outlets():
    drifts = [f for f in _report("seeds")["findings"] if f["kind"] == "quote_drift"]
    assert drifts
    for finding in drifts:
        assert {e["document"] for e in finding["evidence"]} == {"000_30bb7f2d9c936c7b", "002_bc18443657823f31"}
        assert "Putin" in finding["summary"]
