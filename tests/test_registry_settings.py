"""One registry for every pluggable piece, with entry points; one settings object for the tunables."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES
from conftest import factcheck as run_cli

import factcheck
from factcheck import registry
from factcheck.errors import InputError
from factcheck.settings import Settings, active, use


def test_every_builtin_is_registered() -> None:
    assert set(registry.readers.names()) >= {"txt", "md", "html", "htm", "json", "jsonl"}
    assert registry.embedders.names() == ["st", "use-m3"]
    assert registry.extractors.names() == ["dates", "names", "numbers", "quotes"]
    assert registry.detectors.names() == ["date_conflict", "name_variant", "number_conflict", "quote_drift",
                                          "weekday_mismatch"]
    assert registry.exporters.names() == ["csv", "html", "json", "jsonl", "md", "sqlite", "table"]


def test_a_missing_builtin_is_an_error_not_silence() -> None:
    broken = registry.Registry("detectors", ("factcheck.detect.no_such_module",))
    with pytest.raises(ModuleNotFoundError):
        broken.names()


def _plugin(root: Path, group: str, name: str, module: str, body: str) -> dict[str, str]:
    """A separately installed package: a module plus dist-info with an entry point, on PYTHONPATH."""
    (root / f"{module}.py").write_text(textwrap.dedent(body), encoding="utf-8")
    info = root / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[{group}]\n{name} = {module}:piece\n", encoding="utf-8")
    return {"PYTHONPATH": str(root)}


def test_a_separate_package_adds_an_exporter_through_an_entry_point(tmp_path: Path) -> None:
    env = _plugin(tmp_path, "factcheck.exporters", "tsv", "factcheck_tsv", """
        def piece(report):
            return "".join(f"{f.id}\\t{f.kind}\\n" for f in report.findings)
    """)
    saved = tmp_path / "r.json"
    made = run_cli("compare", FIXTURES / "number_conflict_en", "--format", "json", "--quiet", "-o", saved)
    assert made.returncode == 0, made.stderr
    result = run_cli("show", saved, "--format", "tsv", env=env)
    assert result.returncode == 0, result.stderr
    kinds = {line.split("\t")[1] for line in result.stdout.splitlines()}
    assert "number_conflict" in kinds
    assert "tsv" in run_cli("show", saved, "--format", "nope", env=env).stderr  # listed among the formats


def test_a_broken_plugin_is_named_in_one_line(tmp_path: Path) -> None:
    env = _plugin(tmp_path, "factcheck.exporters", "bad", "factcheck_bad", "raise RuntimeError('boom')\n")
    saved = tmp_path / "r.json"
    saved.write_text(json.dumps(factcheck.Report(model={}, documents=[], events=[], claims=[],
                                                 findings=[]).to_dict()), encoding="utf-8")
    result = run_cli("show", saved, "--format", "json", env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "'bad'" in result.stderr and "boom" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_settings_replace_checks_names_and_types() -> None:
    changed = Settings().replace({"events": {"attach_bar": 0.5}, "detect": {"number_pair_bar": [0.1, 0.2]}})
    assert changed.events.attach_bar == 0.5 and changed.detect.number_pair_bar == (0.1, 0.2)
    assert Settings().events.attach_bar is None  # the defaults are untouched: the model's own
    for bad in ({"event": {}}, {"events": {"treshold": 1}}, {"events": {"attach_bar": "high"}},
                {"events": {"small_group": 2.5}}, {"events": 3}, []):
        with pytest.raises(InputError):
            Settings().replace(bad)  # type: ignore[arg-type]


def test_settings_file_json_and_toml(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text('{"align": {"bar": 0.7, "max_partners": 12}}', encoding="utf-8")
    (tmp_path / "s.toml").write_text("[align]\nbar = 0.7\nmax_partners = 12\n", encoding="utf-8")
    assert Settings.load(tmp_path / "s.json") == Settings.load(tmp_path / "s.toml")
    assert Settings.load(tmp_path / "s.json").align.bar == 0.7
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        Settings.load(tmp_path / "bad.json")


def test_compare_uses_the_settings_it_is_given() -> None:
    folder = FIXTURES / "number_conflict_en"
    default = factcheck.compare([folder])
    assert len(default.events) < len(default.documents)
    assert any(f.kind == "number_conflict" for f in default.findings)
    apart = factcheck.compare([folder], settings=Settings().replace({"events": {"bar": 5.0,
                                                                                "attach_bar": 5.0}}))
    assert len(apart.events) == len(apart.documents)  # nothing is similar enough to group
    assert not apart.findings
    assert active() == Settings()  # the run's settings do not leak out of it


def test_use_restores_the_previous_settings() -> None:
    custom = Settings().replace({"detect": {"number_about": 0.2}})
    with use(custom):
        assert active().detect.number_about == 0.2
    assert active().detect.number_about == Settings().detect.number_about != 0.2


def test_cli_settings_file(tmp_path: Path) -> None:
    folder = FIXTURES / "number_conflict_en"
    (tmp_path / "apart.toml").write_text("[events]\nbar = 5.0\nattach_bar = 5.0\n", encoding="utf-8")
    result = run_cli("compare", folder, "--format", "json", "--quiet", "--settings", tmp_path / "apart.toml")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["events"]) == len(report["documents"]) and not report["findings"]
    (tmp_path / "typo.json").write_text('{"events": {"treshold": 5}}', encoding="utf-8")
    bad = run_cli("compare", folder, "--quiet", "--settings", tmp_path / "typo.json")
    assert bad.returncode == 2 and "unknown setting events.treshold" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_name_tunables_are_read_from_the_settings() -> None:
    from factcheck.extract.names import is_typo

    assert is_typo("rusian", "rusia")
    with use(Settings().replace({"extract": {"name_min_long": 99}})):
        assert not is_typo("rusian", "rusia")
    assert is_typo("rusian", "rusia")


def test_workers_default_to_one_process_per_core_and_a_given_count_is_kept() -> None:
    import multiprocessing
    import os

    from factcheck.engine import open_engine
    from factcheck.settings import AUTO_WORKERS, RunSettings

    assert RunSettings(workers=3).processes == 3 and RunSettings(workers=1).processes == 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    expected = min(AUTO_WORKERS, cores) if "fork" in multiprocessing.get_all_start_methods() else 1
    assert Settings().run.workers == 0 and RunSettings().processes == expected
    with open_engine(RunSettings()) as engine:
        assert engine.workers == expected
    with open_engine(RunSettings(workers=1)) as engine:
        assert engine.workers == 1
