"""Hostile outputs: where the report goes, what it may contain, and every way the command ends.

Everything runs the real command as a process (``python -m factcheck``). Most cases re-render
one saved JSON report of ``seeds/`` with ``show``, which loads no model; ``compare`` runs only
where it is the point (Ctrl-C during the work, warnings, its CSV). A few cases need a fault at
an exact moment (a signal while the report is being written, an internal error, an exception
from the real click package): they run the same ``factcheck.cli.main`` in a fresh process with
one function wrapped first (``run_patched``).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import pty
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SEEDS, compare_json, drain_pty, factcheck

# What a terminal would act on: C0 controls but \n and \t, DEL, C1 controls, bidi overrides.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = ("\x1b]0;pwned-title\x07\x1b[2J\x1b[31m\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"
           "\x9b31m\x9d0;c1-title\x9c\u202egnp.exe\u2066\u2069\x07\x08\x7f\r\x00\x1bc")
PAYLOADS = ("pwned-title", "evil.example", "c1-title")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LEADING_SPACE = " \u00a0\u3000\n"
TEMP = ".factcheck.tmp"


def assert_terminal_safe(text: str) -> None:
    assert not FORBIDDEN.search(text), repr(FORBIDDEN.findall(text)[:10])
    for payload in PAYLOADS:
        assert payload not in text


def assert_one_error_line(result: subprocess.CompletedProcess, *words: str, code: int = 2) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert_terminal_safe(result.stderr)
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert TEMP not in result.stderr and ".tmp" not in result.stderr, "errors name the user's path"
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def run_patched(patch: str, *args: object, cwd: Path = ROOT, env: dict | None = None,
                timeout: int = 300) -> subprocess.CompletedProcess:
    """``factcheck ARGS`` (``factcheck.cli.main``) in a fresh process, after the Python in ``patch``."""
    program = f"import sys\n{patch}\nfrom factcheck.cli import main\nsys.argv = ['factcheck', *sys.argv[1:]]\nmain()\n"
    return subprocess.run([sys.executable, "-c", program, *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout, check=False)


def signal_at_fsync(signum: int) -> str:
    """Python that sends ``signum`` to the process at its first fsync: mid-write, the temp file exists."""
    return ("import os\n"
            "_fsync, _sent = os.fsync, []\n"
            "def _fsync_then_signal(fd):\n"
            "    if not _sent:\n"
            "        _sent.append(1)\n"
            f"        os.kill(os.getpid(), {int(signum)})\n"
            "    return _fsync(fd)\n"
            "os.fsync = _fsync_then_signal\n")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """The JSON report of ``compare seeds/``, saved once for the module."""
    path = tmp_path_factory.mktemp("hostile") / "seeds.json"
    path.write_text(json.dumps(compare_json(SEEDS), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _poison(data: dict) -> dict:
    """Escape sequences, controls and bidi overrides in every text field a renderer shows."""
    data = copy.deepcopy(data)
    for doc in data["documents"]:
        doc["outlet"] = f"out{HOSTILE}let"
        doc["title"] = f"title{HOSTILE}"
    for event in data["events"]:
        event["label"] = f"label{HOSTILE}"
    for claim in data["claims"]:
        for member in claim["members"]:
            member["text"] = f"{HOSTILE}{member['text']}{HOSTILE}"
    for finding in data["findings"]:
        finding["summary"] = f"summary{HOSTILE}"
        finding["majority"] = f"maj{HOSTILE}"
        for item in finding["evidence"]:
            item["text"] = f"{HOSTILE}{item['text']}{HOSTILE}"
            item["end"] += 2 * len(HOSTILE)
            item["span"] = [item["span"][0] + len(HOSTILE), item["span"][1] + len(HOSTILE)]
            item["value"] = f"v{HOSTILE}"
    data["model"]["name"] = f"model{HOSTILE}"
    return data


@pytest.fixture(scope="module")
def hostile(report, tmp_path_factory) -> Path:
    data = _poison(json.loads(report.read_text(encoding="utf-8")))
    assert data["findings"] and data["claims"], "seeds/ has findings and claims to poison"
    path = tmp_path_factory.mktemp("hostile") / "hostile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def formulas(report, tmp_path_factory) -> Path:
    """A report whose every text field starts like a spreadsheet formula (some after spaces)."""
    data = json.loads(report.read_text(encoding="utf-8"))
    starts = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=tab", "\r=cr", "  =HYPERLINK(1)",
              "\u00a0-1", "\n@x"]
    ids = {d["id"]: f"{starts[i % len(starts)]}doc{i}" for i, d in enumerate(data["documents"])}
    for doc in data["documents"]:
        doc["outlet"] = f"=outlet{doc['id']}"
    text = json.dumps(data, ensure_ascii=False)
    for old, new in ids.items():
        text = text.replace(json.dumps(old), json.dumps(new))
    data = json.loads(text)
    for n, event in enumerate(data["events"]):
        new = f"@E{n}"
        for item in data["claims"] + data["documents"]:
            if item["event"] == event["id"]:
                item["event"] = new
        event["id"] = new
    for n, claim in enumerate(data["claims"]):
        new = f"+C{n}"
        for finding in data["findings"]:
            if finding["claim"] == claim["id"]:
                finding["claim"] = new
        claim["id"] = new
    for n, finding in enumerate(data["findings"]):
        finding.update(id=f"=F{n}", kind="-kind", severity=" @high", summary="=summary", majority="-3")
        for item in finding["evidence"]:
            item.update(value="+1", text="=" + item["text"])
    path = tmp_path_factory.mktemp("formulas") / "formulas.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ---- one error path ---------------------------------------------------------------------------

@pytest.mark.parametrize("args, says", [
    (("compare",), "Missing argument"),
    (("--bogus",), "No such option: --bogus"),
    (("show", "--bogus", "x.json"), "No such option: --bogus"),
    (("show", "x.json", "--format"), "requires an argument"),
    (("compare", "--quiet=3", "seeds"), "does not take a value"),
])
def test_usage_errors_are_typers_message_and_exit_2(args, says):
    result = factcheck(*args)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_no_arguments_is_help_and_exit_2_but_help_exits_0():
    bare = factcheck()
    assert bare.returncode == 2, bare.stderr
    assert "Commands:" in bare.stdout + bare.stderr and "compare" in bare.stdout + bare.stderr
    assert "Traceback" not in bare.stderr and "internal error" not in bare.stderr
    for args in (("--help",), ("compare", "--help"), ("show", "--help")):
        result = factcheck(*args)
        assert result.returncode == 0, result.stderr
        assert "Usage" in result.stdout and result.stderr == ""
    assert factcheck("--version").returncode == 0


@pytest.mark.parametrize("modules, bad_parameter, abort", [
    ("click", "click.exceptions.BadParameter", "click.exceptions.Abort"),  # older typer: click itself
    ("typer._click, typer.exceptions", "typer._click.exceptions.BadParameter", "typer.exceptions.Abort"),  # 0.29
])
def test_click_exceptions_are_recognised_from_either_click(modules, bad_parameter, abort, report):
    for module in modules.split(", "):
        pytest.importorskip(module)
    patch = (f"import {modules}\nimport factcheck.render.output as output\n"
             "def read_report(path):\n"
             f"    raise {bad_parameter}('no good \\x1b]0;pwned-title\\x07')\n"
             "output.read_report = read_report\n")
    result = run_patched(patch, "show", report)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().endswith("Error: Invalid value: no good"), result.stderr
    assert_terminal_safe(result.stderr)
    patch = (f"import {modules}\nimport factcheck.render.output as output\n"
             "def read_report(path):\n"
             f"    raise {abort}()\n"
             "output.read_report = read_report\n")
    result = run_patched(patch, "show", report)
    assert result.returncode == 130 and result.stderr.strip() == "interrupted", result.stderr


def test_internal_error_is_one_line_exit_3_traceback_only_when_debugging(report):
    patch = ("import factcheck.render.output as output\n"
             "def read_report(path):\n"
             "    raise RuntimeError('boom \\x1b]0;pwned-title\\x07\\x1b[2J\\u202e')\n"
             "output.read_report = read_report\n")
    result = run_patched(patch, "show", report, env={"FACTCHECK_DEBUG": ""})
    line = assert_one_error_line(result, "internal error", "RuntimeError", "boom", "FACTCHECK_DEBUG=1", code=3)
    assert result.stdout == ""
    assert line.startswith("error: internal error")
    debug = run_patched(patch, "show", report, env={"FACTCHECK_DEBUG": "1"})
    assert debug.returncode != 0 and "Traceback" in debug.stderr and "RuntimeError" in debug.stderr


def test_factcheck_error_is_one_safe_line(tmp_path):
    missing = tmp_path / "evil\x1b]0;pwned-title\x07\nname\u202e.json"
    result = factcheck("show", missing)
    assert_one_error_line(result, "no such file", "evil", "name")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_ctrl_c_during_compare_exits_130_and_keeps_the_old_report(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy_number in range(4):  # enough work that the signal arrives mid-compare
        for article in sorted(SEEDS.iterdir()):
            text = article.read_text(encoding="utf-8")
            (corpus / f"{article.stem}_{copy_number}{article.suffix}").write_text(
                f"{text}\n\nSalinan {copy_number}.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.json"
    target.write_bytes(b'{"old": "report"}\n')
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "compare", corpus, "--no-cache", "--quiet",
                             "--format", "json", "--output", target], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")})
    deadline = time.monotonic() + 60
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if Path(f"/proc/{proc.pid}/stat").exists() and _cpu_seconds(proc.pid) >= 1.5:
                break  # imports done, the model loading or the comparison running
            time.sleep(0.05)
        assert proc.poll() is None, "compare finished before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, stderr.decode()
    assert stderr.decode().strip() == "interrupted"
    assert stdout == b""
    assert target.read_bytes() == b'{"old": "report"}\n'
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]


@pytest.mark.parametrize("signum, code, says", [
    (signal.SIGINT, 130, "interrupted"),
    (signal.SIGTERM, 143, ""),
])
def test_signal_during_the_write_removes_the_temp_file(report, tmp_path, signum, code, says):
    target = tmp_path / "report.md"
    target.write_bytes(b"old report\n")
    result = run_patched(signal_at_fsync(signum), "show", report, "--format", "md", "--output", target)
    assert result.returncode == code, result.stderr
    assert result.stderr.strip() == says
    assert target.read_bytes() == b"old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_temp_left_by_sigkill_is_removed_by_the_next_write(report, tmp_path):
    target = tmp_path / "report.json"
    target.write_bytes(b"old\n")
    killed = run_patched(signal_at_fsync(signal.SIGKILL), "show", report, "--format", "json", "--output", target)
    assert killed.returncode == -signal.SIGKILL
    assert target.read_bytes() == b"old\n"
    stale = leftovers(tmp_path)
    assert len(stale) == 1 and stale[0].startswith(".report.json.") and stale[0].endswith(TEMP), stale
    alive = tmp_path / f".report.json.{os.getpid()}{TEMP}"  # a live process's temp stays
    alive.write_bytes(b"busy")
    other = tmp_path / f".other.json.999999999{TEMP}"  # another target's temp stays
    other.write_bytes(b"other")
    result = factcheck("show", report, "--format", "json", "--output", target)
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1
    assert leftovers(tmp_path) == sorted([alive.name, other.name])


def test_closed_stdout_ends_quietly(report):
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "show", report, "--format", "json"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first byte
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert stderr == "", stderr
    assert proc.returncode == 141
    shell = subprocess.run(f"{sys.executable} -m factcheck show {report} | head -1", shell=True, cwd=ROOT,
                           capture_output=True, text=True, timeout=120, check=False)
    assert shell.returncode == 0 and shell.stderr == "" and shell.stdout.strip()


# ---- writes that respect what is there --------------------------------------------------------

def _device(path: Path, minor: int) -> Path:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (OSError, AttributeError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")
    return path


def test_devices_are_written_in_place(report, tmp_path):
    null = _device(tmp_path / "null", 3)
    result = factcheck("show", report, "--format", "json", "--output", null)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode), "the device is still a device"
    full = _device(tmp_path / "full", 7)
    result = factcheck("show", report, "--format", "json", "--output", full)
    assert_one_error_line(result, f"{full}: cannot write (No space left on device)")
    assert stat.S_ISCHR(full.lstat().st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("device, ok", [("/dev/null", True), ("/dev/full", False)])
def test_links_to_system_devices_are_followed_and_written_in_place(report, tmp_path, device, ok):
    link = tmp_path / "out.json"
    link.symlink_to(device)
    result = factcheck("show", report, "--format", "json", "--output", link)
    if ok:
        assert result.returncode == 0, result.stderr
    else:
        assert_one_error_line(result, f"{link}: cannot write (No space left on device)")
    assert link.is_symlink() and os.readlink(link) == device
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_stdout_as_a_path_or_a_dash(report, tmp_path):
    expected = report.read_text(encoding="utf-8")
    dash = factcheck("show", report, "--format", "json", "--output", "-", cwd=tmp_path)
    assert dash.returncode == 0, dash.stderr
    assert dash.stdout == expected
    link = tmp_path / "to-stdout"
    link.symlink_to("/dev/stdout")
    through = factcheck("show", report, "--format", "json", "--output", link, cwd=tmp_path)
    assert through.returncode == 0, through.stderr
    assert through.stdout == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-stdout"], "no file named '-', the link kept"


def test_fifo_is_streamed_to_not_replaced(report, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = factcheck("show", report, "--format", "json", "--output", fifo)
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert received == [report.read_bytes()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_symlinks_are_followed_to_their_target(report, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o640)
    inode = real.stat().st_ino
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    chain = tmp_path / "chain.md"
    chain.symlink_to("link.md")
    result = factcheck("show", report, "--format", "md", "--output", chain)
    assert result.returncode == 0, result.stderr
    assert chain.is_symlink() and link.is_symlink() and not real.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# factcheck report")
    assert real.stat().st_ino != inode, "replaced (atomically), not written over"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640, "permissions kept"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to("sub/new.md")
    (tmp_path / "sub").mkdir()
    result = factcheck("show", report, "--format", "md", "--output", dangling)
    assert result.returncode == 0, result.stderr
    assert dangling.is_symlink() and (tmp_path / "sub" / "new.md").read_text(encoding="utf-8").startswith("# factcheck")
    nowhere = tmp_path / "nowhere.md"
    nowhere.symlink_to("no-such-folder/x.md")
    assert_one_error_line(factcheck("show", report, "--output", nowhere), str(nowhere), "no-such-folder")
    assert nowhere.is_symlink()
    assert leftovers(tmp_path) == [] and leftovers(tmp_path / "sub") == []


def test_write_errors_name_the_users_path(report, tmp_path):
    result = factcheck("show", report, "--output", "missing/x.json", cwd=tmp_path)
    assert_one_error_line(result, "missing/x.json", "missing")
    (tmp_path / "folder").mkdir()
    result = factcheck("show", report, "--output", "folder", cwd=tmp_path)
    assert_one_error_line(result, "folder: is a directory")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = factcheck("show", report, "--output", "file/x.json", cwd=tmp_path)
    assert_one_error_line(result, "file/x.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder"]
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


def test_unwritable_folder_is_one_error_line(report, tmp_path):
    if Path("/sys").is_dir():  # sysfs refuses new files, even to root
        assert_one_error_line(factcheck("show", report, "--output", "/sys/factcheck-report.json"),
                              "/sys/factcheck-report.json: cannot write")
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o555)
    try:
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only folder anyway")
        assert_one_error_line(factcheck("show", report, "--output", locked / "r.json"),
                              f"{locked / 'r.json'}: cannot write", "Permission denied")
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(locked, 0o755)


# ---- outputs ----------------------------------------------------------------------------------

def test_table_strips_escapes_from_every_field(hostile):
    result = factcheck("show", hostile, env={"COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    assert "Summary" in result.stdout and "link" in result.stdout and "gnp.exe" in result.stdout
    assert_terminal_safe(result.stdout)
    data = json.loads(hostile.read_text(encoding="utf-8"))
    assert all(f["id"] in result.stdout for f in data["findings"])


def test_table_on_a_terminal_keeps_its_colour_but_no_article_escape(hostile):
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "show", str(hostile)], cwd=ROOT, stdout=slave,
                            stderr=subprocess.PIPE, env={**env, "COLUMNS": "120", "TERM": "xterm-256color"})
    os.close(slave)
    data = drain_pty(master)
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    text = data.decode("utf-8")
    assert re.search(r"\x1b\[[0-9;]*m", text), "colour on a terminal"
    colourless = re.sub(r"\x1b\[[0-9;]*m", "", text).replace("\r\n", "\n")
    assert_terminal_safe(colourless)


def test_markdown_strips_escapes_json_stays_faithful(hostile):
    result = factcheck("show", hostile, "--format", "md")
    assert result.returncode == 0, result.stderr
    assert_terminal_safe(result.stdout)
    result = factcheck("show", hostile, "--format", "json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    original = json.loads(hostile.read_text(encoding="utf-8"))
    assert shown["findings"] == original["findings"] and shown["claims"] == original["claims"]
    assert "\x1b" not in result.stdout, "JSON escapes C0 controls"


def test_warnings_are_one_safe_line_each(tmp_path):
    for path in sorted((FIXTURES / "crosslang_id_en").iterdir()):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "evil\x1b]0;pwned-title\x07\nname\u202e.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = factcheck("compare", tmp_path, "--format", "json")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("warning: "), result.stderr
    assert "skipped" in warnings[0] and "evil" in warnings[0] and "name" in warnings[0]
    assert_terminal_safe(result.stderr)


def _assert_csv_guarded(data: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            if cell.lstrip(LEADING_SPACE).startswith(FORMULA_START):
                pytest.fail(f"formula-like cell {cell!r} in {row}")
    return rows


def test_csv_guard_covers_every_cell_of_show_and_compare(formulas, tmp_path):
    result = subprocess.run([sys.executable, "-m", "factcheck", "show", formulas, "--format", "csv"], cwd=ROOT,
                            capture_output=True, timeout=120, check=False)  # bytes: a cell's \r must stay a \r
    assert result.returncode == 0, result.stderr.decode()
    rows = _assert_csv_guarded(result.stdout.decode("utf-8"))
    header = rows[0]
    for row in rows[1:]:
        cells = dict(zip(header, row))
        assert cells["finding"].startswith("'=F") and cells["kind"] == "'-kind"
        assert cells["severity"] == "' @high" and (cells["claim"] == "" or cells["claim"].startswith("'+C")), cells
        assert cells["value"] == "'+1" and cells["majority"] == "'-3" and cells["outlet"].startswith("'=outlet")
        for column in ("sentence", "start", "end", "span_start", "span_end"):
            assert cells[column].isdigit(), "numbers stay numbers"
        float(cells["confidence"])
    assert any(row[header.index("event")].startswith("'@E") for row in rows[1:])
    target = tmp_path / "r.csv"  # compare's CSV goes through the same guard
    result = factcheck("compare", FIXTURES / "render_injection", "--format", "csv", "--quiet", "--output", target)
    assert result.returncode == 0, result.stderr
    _assert_csv_guarded(target.read_bytes().decode("utf-8"))


# ---- show reads what the contract allows, rejects the rest ------------------------------------

def _mutated(report: Path, tmp_path: Path, change) -> Path:
    data = json.loads(report.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _add_fields_everywhere(data: dict) -> None:
    data["added_later"] = {"nested": [1, 2]}
    data["tool"]["build"] = 7
    data["model"]["quantised"] = False
    for section in ("documents", "events", "claims", "findings"):
        for item in data[section]:
            item["added_later"] = [None, {"x": 1}]
    for claim in data["claims"]:
        for member in claim["members"]:
            member["added_later"] = 1.5
    for finding in data["findings"]:
        for item in finding["evidence"]:
            item["added_later"] = "new"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table", "csv", "md", "html"])
def test_show_accepts_fields_added_anywhere(report, tmp_path, fmt):
    path = _mutated(report, tmp_path, _add_fields_everywhere)
    result = factcheck("show", path, "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        assert json.loads(result.stdout)["findings"] == json.loads(report.read_text(encoding="utf-8"))["findings"]


def _set(*path_and_value):
    *path, value = path_and_value

    def change(data):
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value
    return change


def _delete(*path):
    def change(data):
        for key in path[:-1]:
            data = data[key]
        del data[path[-1]]
    return change


@pytest.mark.parametrize("change, where", [
    (_set("findings", "x"), "findings"),
    (_set("documents", {"a": 1}), "documents"),
    (_set("findings", 0, "evidence", 5), "findings[0].evidence"),
    (_set("findings", 0, "evidence", 0, "start", "120"), "findings[0].evidence[0].start"),
    (_set("findings", 0, "evidence", 0, "start", -4), "findings[0].evidence[0].start"),
    (_set("findings", 0, "evidence", 0, "span", [1]), "findings[0].evidence[0].span"),
    (_set("findings", 0, "evidence", 0, "span", "1-2"), "findings[0].evidence[0].span"),
    (_set("findings", 0, "evidence", 0, "text", None), "findings[0].evidence[0].text"),
    (_set("findings", 0, "confidence", "high"), "findings[0].confidence"),
    (_set("findings", 0, "outliers", [1]), "findings[0].outliers"),
    (_set("findings", 0, "evidence", 0, "sentence", True), "findings[0].evidence[0].sentence"),
    (_delete("findings", 0, "kind"), "findings[0].kind"),
    (_delete("findings", 0, "evidence", 0, "end"), "findings[0].evidence[0].end"),
    (_delete("documents", 0, "id"), "documents[0].id"),
    (_set("claims", 0, "members", [3]), "claims[0].members[0]"),
    (_set("claims", 0, "score", [0.5]), "claims[0].score"),
    (_set("events", 0, "documents", "E1"), "events[0].documents"),
    (_set("model", "use-m3"), "model"),
    (_delete("events"), "events"),
])
def test_show_rejects_wrong_types_in_one_line(report, tmp_path, change, where):
    path = _mutated(report, tmp_path, change)
    result = factcheck("show", path)
    line = assert_one_error_line(result, f"{path}: malformed factcheck report (", where)
    assert result.stdout == ""
    assert line.endswith(")")
