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


# ---- a site named inside a sentence is a quote's source, not a dateline (IndoSum, CNN Indonesia) ----

@pytest.mark.parametrize("text,expected", [
    ("kata Erwan kepada CNNIndonesia.com, Jumat (11/8).", [("date", "2017-08-11", "Jumat (11/8)")]),
    ("ujar Farid melalui keterangan resmi yang diterima CNNIndonesia.com, Selasa (11/7).",
     [("date", "2017-07-11", "Selasa (11/7)")]),
    ("terang Kabid Humas Polda Jabar Kombes Yusri Yunus kepada poskotanews.com, Sabtu (14/10/2017).",
     [("date", "2017-10-14", "Sabtu (14/10/2017)")]),
])
def test_site_inside_a_sentence_keeps_its_date(text, expected):
    assert facts(text, published=date(2017, 8, 12))[0] == expected


@pytest.mark.parametrize("line", [
    "JAKARTA, detik.com - Senin (7/8) Presiden meresmikan jalan tol.",
    "Liputan6.com, Jakarta - Senin (7/8) Presiden meresmikan jalan tol.",
    "fin.co.id - 19/06/2024 Presiden Rusia tiba.",
])
def test_site_opening_the_line_is_still_a_dateline(line):
    assert facts(line, published=date(2017, 8, 12))[0] == []


# ---- a relative word beside an explicit date qualifies it: one date, not two ----

@pytest.mark.parametrize("text,value,surface", [
    ("Istri Suryo, Ratna Oktaviani lantas melaporkan hilangnya korban ke Polrestabes Bandung, kemarin (12/5).",
     "2017-05-12", "kemarin (12/5)"),
    ("Hari ini (27/01) uber meresmikan kehadiran layanan mereka uberXL di kota Surabaya, Jawa Timur.",
     "2017-01-27", "Hari ini (27/01)"),
    ("tim Mebes Polri telah menggerebek gudang benih wortel impor dari China pada Senin (21/8) kemarin.",
     "2017-08-21", "Senin (21/8) kemarin"),
    ("Pertandingan digelar hari ini, Minggu (11/6), di Stadion Pakansari.", "2017-06-11",
     "hari ini, Minggu (11/6)"),
])
def test_relative_word_beside_explicit_date_is_one_date(text, value, surface):
    published = date(2017, 1, 27) if "(27/01)" in text else date(2017, 8, 22) if "21/8" in text \
        else date(2017, 6, 11) if "11/6" in text else date(2017, 5, 13)
    found = facts(text, published=published)[1]
    assert [(f.value, f.text) for f in found] == [(value, surface)]
    assert found[0].attrs["relative"] is False and found[0].attrs["qualified"] is True


def test_relative_word_apart_from_the_date_stays_its_own_fact():
    found = facts("Kim tiba kemarin dan kembali pada Kamis (25/4).")[0]
    assert [v for _, v, _ in found] == ["2019-04-28", "2019-04-25"]


@pytest.mark.parametrize(("text", "language"), [
    ("Tersangka dijerat Pasal 2 UU Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi.", "id"),
    ("Aturan itu mengacu pada Undang-Undang No. 20 Tahun 2001 dan Perpres Nomor 54 Tahun 2010.", "id"),
    ("He was charged under Law No. 31 of 1999 and Resolution 1973 (2011) was cited.", "en"),
])
def test_law_citations_are_neither_dates_nor_quantities(text: str, language: str) -> None:
    from conftest import text_document

    from factcheck.extract import extract_facts

    document = text_document(text, language)
    facts = extract_facts(document)
    assert [f.text for f in facts if f.kind in ("date", "weekday", "number", "duration")] == []


def test_a_date_beside_a_citation_is_still_found() -> None:
    from conftest import text_document

    from factcheck.extract import extract_facts

    document = text_document("Ia dijerat UU Nomor 31 Tahun 1999, Rabu (12/4/2017), di Jakarta.", "id")
    assert [(f.kind, f.value) for f in extract_facts(document) if f.kind == "date"] == [("date", "2017-04-12")]


def test_a_year_less_day_with_its_weekday_gets_its_year_in_an_undated_article() -> None:
    from conftest import text_document

    from factcheck.extract import extract_facts

    text = ("KTT Hanoi pada 2019 lalu berakhir tanpa kesepakatan.\n"
            "Putin berbicara seperti dilansir Korea Times Sabtu 5 Juni.\n")
    days = [f for f in extract_facts(text_document(text, "id")) if f.kind == "date" and "Juni" in f.text]
    assert [(f.value, f.attrs.get("year_inferred")) for f in days] == [("2021-06-05", True)]
    bare = [f for f in extract_facts(text_document("Putin berbicara Sabtu 5 Juni.\n", "id")) if f.kind == "date"]
    assert [f.value for f in bare] == ["--06-05"]  # no year named anywhere: left year-less


def test_the_seeds_second_event_is_dated_in_2021() -> None:
    from conftest import SEEDS

    from factcheck import compare

    report = compare([SEEDS])
    assert "2021-06-05" in [e.date for e in report.events]


@pytest.mark.parametrize("text,lang,expected", [
    ("Reid launched a new fashion line called Mantra in December.", "en", [("date", "--12", "December")]),
    ("The Interior Department proposed the new regulations in May.", "en", [("date", "--05", "May")]),
    ("Aturan itu diusulkan pada bulan Mei oleh kementerian.", "id", [("date", "--05", "Mei")]),
    ("You may go in may, she said.", "en", []),
    ("It was her best work since last December.", "en", []),
])
def test_a_month_alone_in_an_undated_article_is_a_year_less_month(text, lang, expected):
    """With no publication date the year of ``in December`` cannot be inferred; the month is still
    a fact, compared with other dates by month name only."""
    assert facts(text, lang, published=None)[0] == expected


def test_year_less_months_compare_by_month_with_every_date():
    from factcheck.link.values import date_level, views

    _, (december,) = facts("Reid launched a new fashion line called Mantra in December.", "en", published=None)
    _, (september,) = facts("She launched the Mantra line in September 2008.", "en", published=None)
    _, (day,) = facts("She launched it on December 9, 2008.", "en", published=None)
    _, (year,) = facts("She launched it in 2008.", "en", published=None)
    assert date_level(december, september) == "monthname"
    assert views(december)["monthname"] == "December" and views(september)["monthname"] == "September"
    assert date_level(december, day) == "monthname" and views(day)["monthname"] == "December"
    assert date_level(december, year) is None


@pytest.mark.parametrize("text,lang,expected", [
    ("The verdict came on 2007-04-03, the court said.", "en", [("date", "2007-04-03", "2007-04-03")]),
    ("Friday, 2007-04-06, he was sentenced.", "en", [("date", "2007-04-06", "Friday, 2007-04-06")]),
    ("Gempa terjadi pada 2019-03-12 di Lombok.", "id", [("date", "2019-03-12", "2019-03-12")]),
    ("Masa jabatan 2019-2024 dimulai.", "id", []),             # a range of years, not a day
    ("Nomor perkara 2019-13-45 ditolak.", "id", []),            # no month 13: a number, not a date
])
def test_iso_dates_are_read_in_every_language(text, lang, expected):
    assert facts(text, lang)[0] == expected


def test_a_month_and_year_split_by_a_comma_are_one_month():
    """ECB+ 13: "in February, 2003" is February 2003, not a February inferred from the publication."""
    assert facts("The hardware store burned in February, 2003.", "en", date(2012, 1, 1))[0] == \
        [("date", "2003-02", "February, 2003")]


@pytest.mark.parametrize("text, expected", [
    ("Voting began in Turkmenistan on Dec.14.", [("date", "2008-12-14", "Dec.14")]),  # ECB+ 11: glued after the point
    ("Voting began on Dec. 14.", [("date", "2008-12-14", "Dec. 14")]),
    ("The budget for Jan.2018 was cut.", []),  # never 20 January (nor 2 January)
])
def test_an_abbreviated_month_glued_to_its_day_is_a_date(text: str, expected: list) -> None:
    assert facts(text, "en", date(2008, 12, 16))[0] == expected
