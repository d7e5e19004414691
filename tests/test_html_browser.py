"""The HTML report in a real headless browser (Debian's ``chromium``).

Two ways in, both standard library only: ``--dump-dom`` for the page as the
browser built it, and the DevTools protocol over ``--remote-debugging-pipe``
to click a finding, use the filters, and watch for network requests, dialogs
and script errors. The page's own guard script writes any error into the DOM.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import factcheck_in_process

ROOT = Path(__file__).resolve().parents[1]
DATASETS = {"seeds": ROOT / "seeds", "injection": ROOT / "fixtures" / "render_injection"}
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")


def factcheck(*args: object) -> None:
    """The real CLI, in this process (the pages are what matters here, not the process)."""
    result = factcheck_in_process(*args, text=False)
    assert result.returncode == 0, result.stderr.decode()


@pytest.fixture(scope="module")
def pages(tmp_path_factory, compare_output) -> dict[str, tuple[Path, dict]]:
    """name → (HTML file, its report): from ``compare`` (with sources) and ``show`` (without).

    The ``compare`` outputs are the session's (read-only) ones."""
    out = tmp_path_factory.mktemp("pages")
    result = {}
    for name, folder in DATASETS.items():
        report, _ = compare_output(folder, "json")
        html, _ = compare_output(folder, "html")
        factcheck("show", report, "--format", "html", "--output", out / f"{name}-show.html")
        data = json.loads(report.read_text(encoding="utf-8"))
        result[name] = (html, data)
        result[f"{name}-show"] = (out / f"{name}-show.html", data)
    return result


def dump_dom(page: Path, profile: Path) -> str:
    result = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()], check=False,
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    return result.stdout.decode("utf-8")


@pytest.mark.parametrize("name", ["seeds", "injection", "seeds-show", "injection-show"])
def test_page_loads_without_errors_and_shows_every_finding(pages, name, tmp_path):
    page, report = pages[name]
    dom = dump_dom(page, tmp_path / "profile")
    root = re.search(r"<html[^>]*>", dom).group(0)
    assert 'data-ready="1"' in root, "the page script ran to the end"
    errors = re.search(r'<ul id="js-errors"[^>]*>(.*?)</ul>', dom, re.DOTALL).group(1)
    assert "data-errors" not in root and errors == "", errors
    assert dom.count('class="finding ') == len(report["findings"])
    for finding in report["findings"]:
        assert f'<span class="fid">{finding["id"]}</span>' in dom
    assert dom.count('<article class="doc"') == len(report["documents"])


@pytest.mark.parametrize("name", ["injection", "injection-show"])
def test_injected_markup_stays_text(pages, name, tmp_path):
    page, _ = pages[name]
    dom = dump_dom(page, tmp_path / "profile")
    assert "data-pwned" not in re.search(r"<html[^>]*>", dom).group(0), "injected code ran"
    assert len(re.findall(r"<script[\s>]", dom)) == 2 and "<img" not in dom
    assert "&lt;script&gt;document.documentElement.setAttribute('data-pwned','script')" in dom
    if name == "injection":
        assert "&lt;img src=x onerror=\"document.documentElement" in dom
        assert "\" onerror=alert(1) x=\"" in dom


class DevTools:
    """A minimal Chrome DevTools protocol client over ``--remote-debugging-pipe``."""

    def __init__(self, profile: Path) -> None:
        to_chrome, self._write = os.pipe()
        self._read, from_chrome = os.pipe()

        def wire() -> None:
            os.dup2(to_chrome, 3)
            os.dup2(from_chrome, 4)

        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"],
                                     preexec_fn=wire,  # noqa: PLW1509  (no threads before the browser starts)
                                     pass_fds=(3, 4), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        self.session = ""

    def call(self, method: str, params: dict | None = None, session: bool = True) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive(timeout=30)
            if reply.get("id") == self._next:
                assert "error" not in reply, reply
                return reply.get("result", {})
            self.events.append(reply)

    def _receive(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, "the browser did not answer"
            chunk = os.read(self._read, 1 << 20)
            assert chunk, "the browser closed the pipe"
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, url: str) -> None:
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        for domain in ("Runtime.enable", "Network.enable", "Page.enable", "Log.enable"):
            self.call(domain)
        self.call("Page.navigate", {"url": url})
        deadline = time.monotonic() + 30
        while self.eval("document.documentElement && document.documentElement.getAttribute('data-ready')") != "1":
            assert time.monotonic() < deadline, "the page never became ready"
            time.sleep(0.05)

    def eval(self, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def seen(self, method: str) -> list[dict]:
        return [e for e in self.events if e.get("method") == method]

    def close(self) -> None:
        try:
            self.call("Browser.close", session=False)
        except AssertionError:
            pass
        self.proc.wait(timeout=30)
        os.close(self._write)
        os.close(self._read)


@pytest.fixture
def browser(tmp_path):
    client = DevTools(tmp_path / "profile")
    yield client
    client.close()


def test_clicking_a_finding_highlights_its_spans_and_filters_work(pages, browser):
    page, report = pages["injection"]
    browser.open(page.as_uri())
    count = len(report["findings"])
    assert count >= 2, "the fixture holds a date and a number disagreement"
    assert browser.eval("document.querySelectorAll('.finding:not([hidden])').length") == count

    browser.eval("document.querySelector('#finding-0').click()")
    assert browser.eval("document.querySelector('#finding-0').classList.contains('active')")
    spans = browser.eval("Array.from(document.querySelectorAll('.hl.val.active')).map(e => e.textContent)")
    first = min(report["findings"], key=lambda f: ("high", "medium", "low").index(f["severity"]))
    assert spans, "the finding's values are highlighted in the documents"
    assert set(spans) <= {_span_text(e) for f in report["findings"] for e in f["evidence"]}
    assert browser.eval("document.querySelectorAll('.hl.active').length") >= len(first["evidence"])

    kind = report["findings"][0]["kind"]
    browser.eval(f"const box = document.querySelector('input[name=kind][value={json.dumps(kind)}]');"
                 "box.checked = false; box.dispatchEvent(new Event('change', {bubbles: true}))")
    hidden = sum(f["kind"] == kind for f in report["findings"])
    assert browser.eval("document.querySelectorAll('.finding:not([hidden])').length") == count - hidden
    assert browser.eval("document.getElementById('shown').textContent") == f"{count - hidden} of {count}"

    assert not browser.seen("Page.javascriptDialogOpening"), "an injected alert() ran"
    assert not browser.seen("Runtime.exceptionThrown")
    assert not [e for e in browser.seen("Log.entryAdded") if e["params"]["entry"]["level"] == "error"]
    urls = [e["params"]["request"]["url"] for e in browser.seen("Network.requestWillBeSent")]
    assert all(url.startswith("file://") for url in urls), f"network fetches: {urls}"
    assert not browser.eval("document.documentElement.hasAttribute('data-pwned')")


def _span_text(evidence: dict) -> str:
    lo, hi = evidence["span"][0] - evidence["start"], evidence["span"][1] - evidence["start"]
    return evidence["text"][lo:hi]
