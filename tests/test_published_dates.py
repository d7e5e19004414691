"""Publication dates read from scraped pages: never a sidebar list's, and checked against the
article's own weekdays ("Senin (27/3)", "on Monday, March 27").

The pages are ``fixtures/published/<case>/``: real-looking scrapes of 2017 articles whose
"Terpopuler", "Berita Terkini", "Most read", "More from …" lists (or a list with no heading)
carry the crawl's December 2025 stamps, a stamp with a slipped year, a page whose first stamp is
a "Last updated" one, and controls that must keep today's reading. Everything runs through
``load_documents`` and the real CLI.
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, factcheck

from factcheck.ingest import load_documents
from factcheck.ingest.chrome import Line, is_list_heading
from factcheck.ingest.published import choose, weekday_mentions

PUBLISHED = FIXTURES / "published"

EXPECTED: dict[tuple[str, str], str | None] = {
    # The header's "Kompas.com - 28/03/2017, 14:05 WIB", under a "Terpopuler" list of 2025 stamps
    # that runs on into the header (a list ends only at a paragraph).
    ("terpopuler_id", "kompas_taksi_online"): "2017-03-28",
    # The page's only stamps are in its "Berita Terkini" list: no date rather than theirs.
    ("terpopuler_id", "merdeka_taksi_online"): None,
    # "Tue 28 Mar 2017 09.14 BST" below a "Most read" list of 2025 stamps.
    ("most_read_en", "guardian_ferry"): "2017-03-28",
    # Only "More from Reuters" (a prefixed heading) has stamps.
    ("most_read_en", "reuters_ferry"): None,
    # Two sidebar entries (headline, stamp) with no heading above the article's own header.
    ("headless_list_id", "detik_banjir"): "2017-04-05",
    # The only stamp says 2016; Senin (27/3) and Selasa (28/3) are Monday and Tuesday in 2017 only.
    ("weekday_year_id", "tribun_gempa"): "2017-03-29",
    # "Last updated: December 20, 2025" comes first; "Monday, March 27", "Tuesday, March 28" fit
    # the footer's "Originally published March 29, 2017".
    ("weekday_candidates_en", "local_paper_fire"): "2017-03-29",
    # Controls, read as before: a header with a published and an updated stamp (no headline between
    # them), and a stamp kept although one of three weekdays is wrong (the article's own slip).
    ("controls", "antara_header"): "2017-03-27",
    ("controls", "wire_weekday_slip"): "2017-04-07",
    # The input's own ``published`` is trusted even where the weekdays disagree with it.
    ("metadata_trusted", "tribun_gempa_record"): "2016-03-29",
}
CASES = sorted({case for case, _ in EXPECTED})


def test_every_fixture_page_has_an_expected_date() -> None:
    pages = {(p.parent.name, p.stem) for p in PUBLISHED.rglob("*") if p.is_file()}
    assert pages == set(EXPECTED)


@pytest.mark.parametrize("case", CASES)
def test_publication_date_of_each_page(case: str) -> None:
    documents, warnings = load_documents([PUBLISHED / case])
    assert warnings == []
    got = {d.id: d.published.isoformat() if d.published else None for d in documents}
    assert got == {page: want for (folder, page), want in EXPECTED.items() if folder == case}


def test_the_cli_reports_the_publication_dates() -> None:
    """``python -m factcheck compare fixtures/published --format json``, a real process: the JSON
    report's ``published`` of every page is the date read above."""
    done = factcheck("compare", "fixtures/published", "--format", "json", "--quiet")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    got = {Path(d["path"]).parent.name + "/" + d["id"]: d["published"] for d in report["documents"]}
    assert got == {f"{folder}/{page}": want for (folder, page), want in EXPECTED.items()}


def test_a_sidebar_year_no_longer_reaches_the_articles_year_less_dates() -> None:
    """The harm the sidebar date did: "Senin (27/3)" was resolved in 2025 and flagged as a Thursday."""
    report = json.loads(factcheck("compare", "fixtures/published/terpopuler_id", "--format", "json",
                                  "--quiet").stdout)
    assert {d["id"]: d["published"] for d in report["documents"]}["kompas_taksi_online"] == "2017-03-28"
    values = {e["value"] for f in report["findings"] for e in f["evidence"]}
    assert not any(v.startswith("2025") for v in values), values


@pytest.mark.parametrize("text, language, mentions", [
    ("ucap Zulkifli di Senayan, Senin (27/3), dan Selasa ( 28 / 3 ).", "id", {(0, 3, 27), (1, 3, 28)}),
    ("dilansir Korea Times Sabtu 5 Juni.", "id", {(5, 6, 5)}),
    ("Jum'at, 31 Maret lalu", "id", {(4, 3, 31)}),
    # With its year, a date says nothing about the publication year; "minggu" is also "week".
    ("seperti dilansir Reuters, Senin (29/4/2019) dan Sabtu 5 Juni 2021.", "id", set()),
    ("selama tiga minggu 5 Juni hingga senin (27/3)", "id", set()),
    ("left port on Monday, March 27, and sank on Tuesday, 28 March.", "en", {(0, 3, 27), (1, 3, 28)}),
    ("on Monday, May 8 and on Monday, may 15", "en", {(0, 5, 8)}),
    ("on Monday, March 27, 2017", "en", set()),
])
def test_weekday_mentions(text: str, language: str, mentions: set[tuple[int, int, int]]) -> None:
    assert weekday_mentions(text, language) == mentions


def test_weekday_mentions_scan_a_hostile_run_of_spaces_in_linear_time() -> None:
    """A run of spaces that a pattern could split two ways made the scan quadratic. Four times the
    spaces must cost well under sixteen times the time (what quadratic costs); a ratio of the best of
    three runs, not a wall-clock budget, so a slow or busy machine does not fail it."""
    def best_of_three(spaces: int) -> float:
        text = ("Senin" + " " * spaces + "," + " " * spaces + "( " + " " * spaces + "x ") * 3
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            assert weekday_mentions(text, "id") == set()
            timings.append(time.perf_counter() - start)
        return min(timings)

    small, large = best_of_three(6_000), best_of_three(24_000)
    assert large < 8 * max(small, 0.01), (small, large)


MON_27_TUE_28_MARCH = {(0, 3, 27), (1, 3, 28)}


@pytest.mark.parametrize("found, mentions, want", [
    # Fewer than two distinct mentions: the first candidate, whatever its year.
    ([date(2016, 3, 29)], {(0, 3, 27)}, date(2016, 3, 29)),
    # A first candidate that fits half of them is kept (an article's own weekday slip).
    ([date(2017, 3, 29), date(2016, 3, 29)], {(0, 3, 27), (1, 3, 29)}, date(2017, 3, 29)),
    # Most mentions wrong for the first, right for a later one: the later one.
    ([date(2025, 12, 20), date(2017, 3, 29)], MON_27_TUE_28_MARCH, date(2017, 3, 29)),
    # A single candidate fitting none, its next year fitting all: the same day a year on.
    ([date(2016, 3, 29)], MON_27_TUE_28_MARCH, date(2017, 3, 29)),
    # … but not when no neighbouring year fits them all: the candidate stays.
    ([date(2025, 12, 20)], MON_27_TUE_28_MARCH, date(2025, 12, 20)),
    ([], MON_27_TUE_28_MARCH, None),
])
def test_choose(found: list[date], mentions: set[tuple[int, int, int]], want: date | None) -> None:
    assert choose(found, mentions) == want


@pytest.mark.parametrize("text, heading", [
    ("Terpopuler", True), ("Berita Terkini", True), ("Most read", True), ("Baca Juga", True),
    ("More from Reuters", True), ("Lainnya dari Kompas.com", True),
    ("More from the scene is expected later.", False),  # a sentence, not a heading
    ("Baca juga: Kenapa Trump Berterima Kasih atas Pertemuan Kim Jong Un dan Putin?", False),  # a teaser line
])
def test_list_headings(text: str, heading: bool) -> None:
    assert is_list_heading(Line(0, len(text), text)) is heading
