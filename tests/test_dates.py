"""Date and weekday extraction on real sentences (seeds, IndoSum) and English news shapes."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract import _lang, dates
from factcheck.model import Document, Sentence


def facts(text: str, lang: str = "id", published: date | None = date(2019, 4, 29)):
    prefix = "Judul.\n"
    source = prefix + text
    doc = Document(id="d", path="d", source=source, language=lang, published=published)
    sentence = Sentence("d", 0, len(prefix), len(source), text)
    found = dates.extract(sentence, doc)
    for fact in found:
        assert source[fact.start:fact.end] == fact.text
    return [(f.kind, f.value, f.text) for f in found], found


@pytest.mark.parametrize("text,expected", [
    ("Putin dan Kim bertemu di Vladivostok, Kamis, 25 April 2019, dua bulan setelah KTT Hanoi.",
     [("date", "2019-04-25", "Kamis, 25 April 2019"), ("date", "+2 month", "dua bulan setelah")]),
    ("seperti dilansir Reuters, Senin (29/4/2019).", [("date", "2019-04-29", "Senin (29/4/2019)")]),
    ("di Rusia hari Kamis (25/4) mencetak sejarah tersendiri.", [("date", "2019-04-25", "Kamis (25/4)")]),
    ("kata Putin pasca pertemuan dengan Kim Jong-un pada pekan lalu.", [("date", "2019-W17", "pekan lalu")]),
    ("Putin pernah ke Korea Utara 24 tahun lalu.", [("date", "1995", "24 tahun lalu")]),
    ("KTT terakhir Putin adalah pada tahun 2002 ketika mitranya Kim Jong Il.", [("date", "2002", "2002")]),
    ("Hasil imbang di kandang Malaga, Minggu (21/5 / 2017), sudah cukup.",
     [("date", "2017-05-21", "Minggu (21/5 / 2017)")]),
    ("Putin dan Kim mengadakan pembicaraan sehari di sebuah pulau.", []),
    ("kegagalan pembicaraan di Hanoi Februari lalu.", [("date", "2019-02", "Februari lalu")]),
    ("Kim tiba kemarin dan bertemu beberapa tahun lalu.", [("date", "2019-04-28", "kemarin")]),
])
def test_indonesian(text, expected):
    assert facts(text)[0] == expected


@pytest.mark.parametrize("text,expected", [
    ("The plant was opened on May 3, 2013, officials said.", [("date", "2013-05-03", "May 3, 2013")]),
    ("He said last Thursday that talks failed.", [("weekday", 3, "last Thursday")]),
    ("The deal was signed two days ago and the last one 24 years ago.",
     [("date", "2019-04-27", "two days ago"), ("date", "1995", "24 years ago")]),
    ("They met in 2002 and again last year.", [("date", "2002", "2002"), ("date", "2018", "last year")]),
    ("Talks resumed two months after the Hanoi summit.", [("date", "+2 month", "two months after")]),
    ("Officials may 5 times revise the plan.", []),
])
def test_english(text, expected):
    assert facts(text, "en")[0] == expected


def test_weekday_is_kept_and_year_inferred_from_publication():
    _, found = facts("dilansir Korea Times Sabtu 5 Juni.", published=date(2021, 6, 5))
    assert found[0].value == "2021-06-05"
    assert found[0].attrs == {"granularity": "day", "relative": False, "weekday": 5, "year_inferred": True}


def test_bare_weekday_resolves_to_latest_on_or_before_publication():
    _, found = facts("Putin mengatakan pada hari Kamis setelah pembicaraan.", published=date(2019, 4, 26))
    assert found[0].kind == "weekday" and found[0].value == 3
    assert found[0].attrs["date"] == "2019-04-25"


def test_caption_slip_keeps_written_weekday():
    _, found = facts("Putin kembali mengunjungi Korea Utara, Rabu 29 Juni 2024.", published=date(2024, 6, 19))
    assert (found[0].value, found[0].attrs["weekday"]) == ("2024-06-29", 2)


@pytest.mark.parametrize("line", [
    "KAMIS, 25 APRIL 2019 | 23:44 WIB | LAPORAN: AMELIA FITRIANI",
    "fin.co.id - 19/06/2024, 09:48 WIB",
    "Sabtu, 20 Desember 2025 | 12:33",
])
def test_datelines_are_not_event_dates(line):
    assert facts(line)[0] == []


def test_relative_date_without_publication_is_dropped():
    assert facts("Kim tiba kemarin.", published=None)[0] == []
    assert facts("di Rusia hari Kamis (25/4).", published=None)[0][0][1] == "--04-25"


def test_unknown_language_uses_every_data_set():
    assert facts("Putin dan Kim bertemu, Kamis, 25 April 2019.", lang="und")[0][0][1] == "2019-04-25"


def test_language_data_is_data():
    assert set(_lang.languages()) >= {"en", "id"}
    assert _lang.load("id", "dates")["months"]["juni"] == 6
    assert _lang.load("xx", "dates") == {}
