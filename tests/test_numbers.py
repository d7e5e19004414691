"""Number and duration extraction on real sentences (seeds, IndoSum) and English news shapes."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract import numbers
from factcheck.model import Document, Sentence


def facts(text: str, lang: str = "id"):
    prefix = "Judul.\n"
    source = prefix + text
    doc = Document(id="d", path="d", source=source, language=lang, published=date(2019, 4, 29))
    sentence = Sentence("d", 0, len(prefix), len(source), text)
    found = numbers.extract(sentence, doc)
    for fact in found:
        assert source[fact.start:fact.end] == fact.text
    return [(f.kind, f.value, f.attrs["unit"], f.text) for f in found], found


@pytest.mark.parametrize("text,expected", [
    ("Sesi pertama, yang menampilkan pembicaraan empat mata, berlangsung dua kali lipat dari 50 menit yang diberikan.",
     [("duration", 100.0, "minute", "dua kali lipat dari 50 menit")]),
    ("pembicaraan dengan Putin yang berlangsung selama lebih dari tiga jam.",
     [("duration", 180.0, "minute", "tiga jam")]),
    ("pemimpin Rusia itu tiba sekitar setengah jam sebelum Kim.", [("duration", 30.0, "minute", "setengah jam")]),
    ("Hadir para kepala kantor berita dari 16 negara, termasuk Kyodo.", [("number", 16.0, "country", "16 negara")]),
    ("Harga naik menjadi Rp 1,5 juta per keluarga.", [("number", 1500000.0, "IDR", "Rp 1,5 juta")]),
    ("Polisi mengevakuasi paksa 1.113 orang wisatawan.", [("number", 1113.0, "person", "1.113 orang")]),
    ("Delegasi dua puluh empat negara hadir.", [("number", 24.0, "country", "dua puluh empat negara")]),
    ("Total pendanaan menjadi 2,5 miliar dolar AS (Rp 33,2 triliun).",
     [("number", 2.5e9, "USD", "2,5 miliar dolar"), ("number", 3.32e13, "IDR", "Rp 33,2 triliun")]),
    ("Uji coba penembakan rudal KN-23 milik Korea Utara tahun 2013.", []),
    ("Ini satu-satunya dan salah satu jalan, satu sama lain.", []),
    ("Sundulan Messi pada menit ke - 88 usai menerima umpan gagal.", []),
    ("Kereta berangkat pukul 20.45 WIB setiap hari.", []),
    ("Kim Jong Il bertemu Medvedev pada 2011 dan 24 tahun lalu.", []),
])
def test_indonesian(text, expected):
    assert facts(text)[0] == expected


@pytest.mark.parametrize("text,expected", [
    ("About 3,000 people marched.", [("number", 3000.0, "person", "3,000 people")]),
    ("The fund raised 2.5 million dollars.", [("number", 2.5e6, "USD", "2.5 million dollars")]),
    ("Twenty-four countries signed.", [("number", 24.0, "country", "Twenty-four countries")]),
    ("Talks lasted twice the scheduled 50 minutes.", [("duration", 100.0, "minute", "twice the scheduled 50 minutes")]),
    ("One of the leaders held one-on-one talks.", []),
    ("The meeting lasted 3 to 4 hours.", [("duration", 180.0, "minute", "3 to 4 hours")]),
    ("It cost $3,000 in 2013.", [("number", 3000.0, "USD", "$3,000")]),
])
def test_english(text, expected):
    assert facts(text, "en")[0] == expected


def test_hedges_are_recorded():
    _, found = facts("pembicaraan berlangsung selama lebih dari tiga jam.")
    assert found[0].attrs["approx"] == "lebih dari" and found[0].attrs["bound"] == "min"
    _, found = facts("The meeting lasted 3 to 4 hours.", "en")
    assert (found[0].attrs["low"], found[0].attrs["high"]) == (180.0, 240.0)


def test_separators_follow_the_language():
    assert facts("Sebanyak 1.500 orang hadir.")[0][0][1] == 1500.0
    assert facts("Some 1.5 million people came.", "en")[0][0][1] == 1.5e6
    assert facts("Some 3,000 people came.", "en")[0][0][1] == 3000.0
    assert facts("Sebanyak 1,5 juta orang hadir.")[0][0][1] == 1.5e6


def test_parse_number_words():
    assert numbers.parse_number("seratus dua puluh", ("id",)) == 120
    assert numbers.parse_number("dua belas", ("id",)) == 12
    assert numbers.parse_number("one hundred and five", ("en",)) == 105
    assert numbers.parse_number("satu setengah", ("id",)) == 1.5
