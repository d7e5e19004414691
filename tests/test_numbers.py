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
    ("Robbers injured three bank workers.", [("number", 3.0, "worker", "three bank workers")]),
    ("Four injured workers were taken to hospital.", [("number", 4.0, "worker", "Four injured workers")]),
    ("Three people killed in the blast.", [("number", 3.0, "person", "Three people")]),
    ("The team scored two goals in the game.", [("number", 2.0, "goal", "two goals")]),
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


@pytest.mark.parametrize("text,expected", [
    ("Vettel sempat kembali menjadi yang tercepat dengan catatan waktu putaran 1 menit 36,223 detik.",
     [("duration", 1.60371666667, "minute", "1 menit 36,223 detik")]),
    ("Proses pemanggangan berlangsung 2 jam dan 30 menit.", [("duration", 150.0, "minute", "2 jam dan 30 menit")]),
    ("The race took 1 hour 20 minutes.", [("duration", 80.0, "minute", "1 hour 20 minutes")]),
])
def test_compound_duration_is_one_value(text, expected):
    lang = "en" if text.startswith("The") else "id"
    assert facts(text, lang)[0] == expected


def test_larger_unit_after_a_smaller_one_is_not_a_compound():
    assert [f[1] for f in facts("Antrean 5 menit, lalu 2 jam menunggu.")[0]] == [5.0, 120.0]


@pytest.mark.parametrize("text,lang,expected", [
    ("Marquez mencatat kecepatan tertinggi 338 km / h di trek lurus.", "id", [("number", 338.0, "km/h", "338 km / h")]),
    ("Kecepatan maksimal kereta itu 350 km/jam.", "id", [("number", 350.0, "km/h", "350 km/jam")]),
    ("The train reached 320 km/h on the test run.", "en", [("number", 320.0, "km/h", "320 km/h")]),
])
def test_speed_is_not_a_distance(text, lang, expected):
    assert facts(text, lang)[0] == expected


def test_lap_time_in_a_results_row_is_not_a_distance():
    """IndoSum MotoGP results: ``1 m 28.964s`` is a lap time and ``334km / h`` a speed."""
    row = "Jack Miller AUS EG 0,0 Marc VDS (RC213V) 1 m 28.964s + 0.578s [3/8] 334km / h6."
    assert facts(row)[0] == [("number", 334.0, "km/h", "334km / h")]
    assert facts("Tinggi menara itu 30 m dari permukaan tanah.")[0] == [("number", 30.0, "m", "30 m")]


@pytest.mark.parametrize("text,lang,expected", [
    ("Gempa berkekuatan 5,6 SR mengguncang Lombok.", "id", [("number", 5.6, "magnitude", "5,6 SR")]),
    ("Gempa bermagnitudo 6,1 mengguncang Lombok.", "id", [("number", 6.1, "magnitude", "bermagnitudo 6,1")]),
    ("Gempa magnitudo 6,1 mengguncang Lombok.", "id", [("number", 6.1, "magnitude", "magnitudo 6,1")]),
    ("Gempa 6,1 skala Richter mengguncang Lombok.", "id", [("number", 6.1, "magnitude", "6,1 skala Richter")]),
    ("A 5.6 magnitude earthquake hit the island.", "en", [("number", 5.6, "magnitude", "5.6 magnitude")]),
    ("A magnitude 5.6 earthquake hit.", "en", [("number", 5.6, "magnitude", "magnitude 5.6")]),
    ("The 6.1-magnitude quake struck Qeshm.", "en", [("number", 6.1, "magnitude", "6.1-magnitude")]),
    ("A magnitude-6.1 quake hit the island.", "en", [("number", 6.1, "magnitude", "magnitude-6.1")]),
    ("The quake had a magnitude of 5.9, the survey said.", "en", [("number", 5.9, "magnitude", "magnitude of 5.9")]),
    ("It struck with a magnitude at 6.1 near the coast.", "en", [("number", 6.1, "magnitude", "magnitude at 6.1")]),
    ("Gempa dengan magnitudo sebesar 6,1 mengguncang Lombok.", "id",
     [("number", 6.1, "magnitude", "magnitudo sebesar 6,1")]),
])
def test_an_earthquake_magnitude_is_a_magnitude_not_a_count_of_the_next_word(text, lang, expected):
    """Before, ``magnitudo 6,1 mengguncang`` was 6.1 of the verb ``mengguncang`` and ``5,6 SR`` nothing."""
    found, typed = facts(text, lang)
    assert found == expected
    assert all(f.attrs["dimension"] == "magnitude" for f in typed)


def test_a_bracketed_sum_after_a_sum_restates_it_even_under_one_dollar_sign():
    """``$US1 million ($1.52 million)``: an Australian outlet's conversion, both written with a dollar sign.
    The bracketed sum is marked as a conversion, and a converted sum is never compared across outlets
    (no exchange rate says what it should be)."""
    from factcheck.link.values import number_key

    found, typed = facts("Damage to the church was estimated at $US1 million ($1.52 million), authorities said.", "en")
    assert found == [("number", 1e6, "USD", "$US1 million"), ("number", 1.52e6, "USD", "$1.52 million")]
    assert typed[1].attrs["converted_from"] == "$US1 million"
    assert number_key(typed[0]) == ("money", "USD") and number_key(typed[1]) is None


@pytest.mark.parametrize("text,lang,expected", [
    ("It was minus 20 degrees outside.", "en", [("number", -20.0, "degree", "minus 20 degrees")]),
    ("The temperature fell to minus-17 degrees.", "en", [("number", -17.0, "degree", "minus-17 degrees")]),
    ("Suhu mencapai minus 5 derajat Celsius.", "id", [("number", -5.0, "celsius", "minus 5 derajat Celsius")]),
    ("The team played minus two players.", "en", [("number", 2.0, "player", "two players")]),
    ("Temperatures of 10-15 degrees.", "en", [("number", 10.0, "degree", "10-15 degrees")]),
])
def test_minus_makes_a_temperature_negative_and_nothing_else(text, lang, expected):
    assert facts(text, lang)[0] == expected



@pytest.mark.parametrize("text,lang,expected", [
    ("A woman opened fire at the factory, killing two workers and wounding two others.", "en",
     [("number", 2.0, "worker", "two workers"), ("number", 2.0, "worker", "two others")]),
    ("A man suspected of shooting three people, killing one, was arrested.", "en",
     [("number", 3.0, "person", "three people"), ("number", 1.0, "person", "one")]),
    ("Gempa menewaskan 12 orang dan melukai dua lainnya.", "id",
     [("number", 12.0, "person", "12 orang"), ("number", 2.0, "person", "dua lainnya")]),
    ("He had one.", "en", []),                                    # a number word alone after "had": no count
    ("The club signed three players and let one go.", "en", [("number", 3.0, "player", "three players")]),
])
def test_others_and_a_lone_number_after_a_casualty_verb_count_the_last_noun(text, lang, expected):
    """``wounding two others`` and ``killing one,`` count the sentence's last counted noun (ECB+ shooting
    reports); only casualty verbs (language data) make a lone number word a count."""
    assert facts(text, lang)[0] == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("About two dozen young protesters splintered off.", "en", [(24.0, "protester", None)]),
    ("A dozen ships are held.", "en", [(12.0, "ship", None)]),
    ("The two other victims were treated at Beaumont Hospital.", "en", [(2.0, "victim", "other")]),
    ("The Sixers took the first two games from the Pistons.", "en", [(2.0, "game", "first")]),
    ("Another 20 people were hurt.", "en", [(20.0, "person", "another")]),
    ("The three victims were taken to the hospital.", "en", [(3.0, "victim", None)]),
    ("Dua korban lainnya dirawat di rumah sakit.", "id", [(2.0, "victim", "lainnya")]),
    ("Tiga pertandingan pertama berakhir imbang.", "id", [(3.0, "pertandingan", "pertama")]),
    ("Dua korban dirawat di rumah sakit.", "id", [(2.0, "victim", None)]),
])
def test_dozens_multiply_and_a_part_of_a_count_says_so(text, lang, expected):
    """``two dozen`` is 24 (it was 14); ``two other victims``, ``the first two games``, ``dua korban
    lainnya`` count part of a larger number (ECB+: "the two other victims" against "the three victims"),
    so the fact says which word makes it a part."""
    assert [(f.value, f.attrs["unit"], f.attrs.get("part")) for f in facts(text, lang)[1]] == expected


@pytest.mark.parametrize("text,lang,approx", [
    ("The fire was extinguished by 7 a.m., after crews attacked it from all sides.", "en", "by"),
    ("Api padam paling lambat pukul 07.00 WIB.", "id", "paling lambat"),
    ("The fire started at 7 a.m. on Friday.", "en", None),
])
def test_a_time_of_day_after_by_is_a_deadline(text, lang, approx):
    """``extinguished by 7 a.m.``: at seven or before, an upper bound (``clock_deadline`` data)."""
    from factcheck.extract.numbers import extract_all

    prefix = "Judul.\n"
    doc = Document(id="d", path="d", source=prefix + text, language=lang, published=date(2019, 4, 29))
    clocks = [f for f in extract_all(Sentence("d", 0, len(prefix), len(prefix + text), text), doc)
              if f.attrs.get("dimension") == "clock"]
    assert len(clocks) == 1
    assert clocks[0].attrs.get("approx") == approx
    assert clocks[0].attrs.get("bound") == ("max" if approx else None)


@pytest.mark.parametrize("text,expected", [
    ("Talks went on for two and a half hours.", [(150.0, "minute", "two and a half hours")]),
    ("The meeting lasted an hour and a half.", [(90.0, "minute", "an hour and a half")]),
    ("Police arrived half an hour later.", [(30.0, "minute", "half an hour")]),
    ("Chohan, who lived half a mile away in South Ozone Park, was shot.", [(0.5, "mile", "half a mile")]),
    ("She had moved about a mile and a half away.", [(1.5, "mile", "a mile and a half")]),
    ("The fire was a kilometre from the school.", [(1.0, "km", "a kilometre")]),
    ("Half a million people marched in Athens.", [(500000.0, "person", "Half a million people")]),
    ("Half a dozen eggs were broken.", [(6.0, "egg", "Half a dozen eggs")]),
    ("He won half a game.", []),
])
def test_halves_and_a_single_unit_after_an_article(text, expected):
    """``two and a half hours`` was read as "half hours" (30 minutes), ``a mile and a half`` as a count
    of 0.5 "away", and ``half a mile`` not at all (ECB+ 21: half a mile vs a mile and a half away).
    ``a``/``an`` is one only of a measurement unit or duration: not of a counted noun (``half a game``)."""
    assert [(value, unit, surface) for _, value, unit, surface in facts(text, "en")[0]] == expected


@pytest.mark.parametrize("text,expected", [
    ("Seven AK-47s, three other automatic rifles, 13 loaded magazines were seized.",
     [(7.0, "ak47", "Seven AK-47s"), (3.0, "rifle", "three other automatic rifles"),
      (13.0, "magazine", "13 loaded magazines")]),
    ("The commandos recovered 12 AK 47 guns, three rifles and two grenades.",
     [(12.0, "ak47", "12 AK 47 guns"), (3.0, "rifle", "three rifles"), (2.0, "grenade", "two grenades")]),
    ("They seized seven AK-47 assault rifles.", [(7.0, "ak47", "seven AK-47 assault rifles")]),
    ("Two F-16 fighter jets crashed.", [(2.0, "f16", "Two F-16 fighter jets")]),
    ("Seven US soldiers died and 20 Chinese officials left.",
     [(7.0, "soldier", "Seven US soldiers"), (20.0, "official", "20 Chinese officials")]),
    ("About 40 UN election observers watched.", [(40.0, "observer", "40 UN election observers")]),
    ("He met Obama at 10 Downing Street.", []),
])
def test_model_designations_and_capitalised_modifiers_before_the_counted_noun(text, expected):
    """The counted noun had to be a lower-case word right after the number, so ``seven AK-47s`` and
    ``12 AK 47 guns`` (ECB+ 12: seven vs 12) and ``7 US soldiers`` were no counts. A model designation
    is what is counted, whichever noun follows it; capitalised modifiers are skipped to the plural noun."""
    assert [(value, unit, surface) for _, value, unit, surface in facts(text, "en")[0]] == expected


@pytest.mark.parametrize("text,expected", [
    ("Page married twice before she left New York.", [("number", 2.0, "times", "twice")]),
    ("Page had been married three times.", [("number", 3.0, "times", "three times")]),
    ("He was arrested twice as often as his brother.", []),
    ("The session ran twice the scheduled 50 minutes.", [("duration", 100.0, "minute", "twice the scheduled 50 minutes")]),
])
def test_a_times_adverb_is_a_count_unless_it_multiplies(text, expected):
    """ECB+ 4: "married twice" against "three times" is one count told two ways."""
    assert facts(text, "en")[0] == expected
