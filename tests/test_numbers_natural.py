"""Number facts on real news: ages, clock times, scores, glued units, money suffixes, ambiguous
"pounds", bare counts, hedges and conversions.

The English sentences are from ECB+ articles (CC BY 3.0), the Indonesian ones from IndoSum
articles (CC BY-SA 4.0) and the seeds, a few shortened; look-alikes that must not become a
fact of the kind under test sit beside each case. Every test runs the registered extractor
(or the whole ingest → segment → extract path), never a fake.
"""

from __future__ import annotations

import json
import time
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from factcheck import registry
from factcheck.extract import extract_facts, numbers
from factcheck.ingest import load_documents
from factcheck.model import Document, Fact, Sentence
from factcheck.segment import segment, split_block

DIMENSIONS = {"count", "money", "length", "mass", "volume", "area", "speed", "temperature", "percent",
              "duration", "age", "clock", "score", "ordinal", "other"}
UNITS = json.loads((resources.files("factcheck.lang") / "units.json").read_text(encoding="utf-8"))["units"]


def facts(text: str, lang: str) -> list[Fact]:
    """The registered ``numbers`` extractor on one sentence; offsets checked against the source."""
    prefix = "Judul.\n"
    source = prefix + text
    doc = Document(id="d", path="d", source=source, language=lang, published=date(2019, 4, 29))
    extract = registry.extractors.get("numbers")
    assert extract is not None
    found = extract(Sentence("d", 0, len(prefix), len(source), text), doc)
    for fact in found:
        assert source[fact.start:fact.end] == fact.text
        assert fact.attrs["dimension"] in DIMENSIONS
    return found


def of(found: list[Fact], dimension: str) -> list[Fact]:
    return [f for f in found if f.attrs["dimension"] == dimension]


def short(found: list[Fact]) -> list[tuple[str, float, str]]:
    return [(f.text, f.value, f.attrs["unit"]) for f in found]


# ---- 1. ages ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,expected", [
    ("Anthony LaCalamita III, 38, said nothing after officers surrounded him, Genesee County Sheriff Robert J.",
     "en", [("38", 38.0, "Anthony LaCalamita III")]),
    ("Police say 66-year-old LuAnn Marie Johnson, of Burnsville, was killed Wednesday night.",
     "en", [("66-year-old", 66.0, "LuAnn Marie Johnson")]),
    ("Staunton police have arrested and charged Sharron Diane Crawford Smith, age 61, with two counts of murder.",
     "en", [("61", 61.0, "Sharron Diane Crawford Smith")]),
    ("Robert Pitman, aged 24 and from Wellington, was charged with arson following the fire.",
     "en", [("24", 24.0, "Robert Pitman")]),
    ("He is also survived by two sons, ages 6 and 16.", "en", [("6", 6.0, None), ("16", 16.0, None)]),
    ("Assistant Oakland County Prosecutor Rob Novy said the 39-year-old Troy man shot his former co-workers.",
     "en", [("39-year-old", 39.0, None)]),
    ("Sixty-year-old Sharron Diane Crawford Smith is now accused of murdering two women.",
     "en", [("Sixty-year-old", 60.0, "Sharron Diane Crawford Smith")]),
    ("Kendati telah memasuki masa senja, sastrawan Sapardi Djoko Damono (77) tak mau membiarkan pikun menyerangnya.",
     "id", [("77", 77.0, "Sapardi Djoko Damono")]),
    ("Akibat cedera ini, perempuan berusia 24 tahun harus menepi dari lapangan tenis selama 11 bulan.",
     "id", [("24 tahun", 24.0, None)]),
    ("Dikatakan, korban dipekerjakan sebagai pembantu rumah tangga sejak umur 8 tahun oleh tersangka An.",
     "id", [("8 tahun", 8.0, None)]),
    ("Korban berusia lebih dari 50 tahun, sedangkan pelaku, Andi, berusia sekitar 30 tahun.",
     "id", [("50 tahun", 50.0, None), ("30 tahun", 30.0, "Andi")]),
])
def test_ages(text, lang, expected):
    ages = of(facts(text, lang), "age")
    assert [(f.text, f.value, f.attrs.get("subject")) for f in ages] == expected
    assert all(f.kind == "number" and f.attrs["unit"] == "year_of_age" for f in ages)


def test_an_age_is_not_also_a_duration():
    found = facts("Akibat cedera ini, perempuan berusia 24 tahun harus menepi dari lapangan tenis selama 11 bulan.", "id")
    assert [(f.kind, f.text) for f in found] == [("number", "24 tahun"), ("duration", "11 bulan")]


@pytest.mark.parametrize("text,lang", [
    ("Peringkat keempat berturut-turut ditempati Malaysia (145 medali emas), Thailand (72), Vietnam (58), dan Singapura (57).",
     "id"),  # a table of figures in brackets
    ("Ia dijerat UU Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi.", "id"),
    ("Ia dinilai melanggar Pasal 28 Ayat (2) Undang-Undang Nomor 11 Tahun 2008.", "id"),
    ("In Athens, 10 people were hurt, police said.", "en"),
    ("The deputy was hit in 2001, 32 years after the law passed.", "en"),
    ("There have been nearly 100 attacks in Somali waters this year.", "en"),  # a hedge is not an age marker
    ("Harga naik sekitar 20 persen, kata Budi.", "id"),
])
def test_look_alikes_are_not_ages(text, lang):
    assert of(facts(text, lang), "age") == []


# ---- 2. clock times ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,expected", [
    ("The shooting occurred about 3: 10 p. m. in the 12200 block of 223rd Street in Hawaiian Gardens.",
     "en", [("3: 10 p. m.", 910.0, None, "about")]),
    ("They were initially sent to Banstead Baptist Church after the blaze broke out about 8.40pm.",
     "en", [("8.40pm", 1240.0, None, "about")]),
    ("More than 50 firefighters tackled the blaze, which broke out on the roof at about 2045 GMT on Friday.",
     "en", [("2045 GMT", 1245.0, "GMT", "about")]),
    ("The suspect surrendered to police shortly after 6 p.m. and was arrested.", "en", [("6 p.m.", 1080.0, None, "min")]),
    ("The Ministry said MV Gibe put out a message at 1100 hours that it was under attack.",
     "en", [("1100 hours", 660.0, None, None)]),
    ("LiLo showed up to Morningside at around noon, spent a couple of minutes there.",
     "en", [("noon", 720.0, None, "about")]),
    ("Page passed away at 6:41pm PST this evening (0241 GMT Friday) in a Los Angeles hospital.",
     "en", [("6:41pm PST", 1121.0, "PST", None), ("0241 GMT", 161.0, "GMT", None)]),
    ("A 911 caller reported the fire at 7:41 on Tuesday.", "en", [("7:41", 461.0, None, None)]),
    ("Gempa melanda kawasan Lampung Selatan pada sekitar pukul 04.28 WIB, Selasa (25/4).",
     "id", [("pukul 04.28 WIB", 268.0, "WIB", "about")]),
    ("Sidang yang dimulai sekitar pukul 13.40 WIB itu berlangsung tak sampai 30 menit.",
     "id", [("pukul 13.40 WIB", 820.0, "WIB", "about")]),
    ("Ibu itu sudah merasakan kontraksi sejak jam 11 siang, hari itu.", "id", [("jam 11 siang", 660.0, None, None)]),
    ("Ia diminta datang pada hari Senin, pukul 9 malam.", "id", [("pukul 9 malam", 1260.0, None, None)]),
])
def test_clock_times(text, lang, expected):
    clocks = of(facts(text, lang), "clock")
    assert [(f.text, f.value, f.attrs.get("zone"), f.attrs.get("bound")) for f in clocks] == expected
    assert all(f.kind == "number" and f.attrs["unit"] == "clock" for f in clocks)


def test_a_clock_time_is_not_also_a_quantity():
    found = facts("Kereta berangkat pukul 20.45 WIB setiap hari.", "id")
    assert short(found) == [("pukul 20.45 WIB", 1245.0, "clock")]
    sentence = "Kereta berangkat pukul 20.45 WIB setiap hari."
    doc = Document(id="d", path="d", source=sentence, language="id")
    only = Sentence("d", 0, 0, len(sentence), sentence)
    assert numbers.extract(only, doc) == [] and len(numbers.clock_times(only, doc)) == 1


@pytest.mark.parametrize("text,lang", [
    ("Pertemuan berlangsung 2 jam 10 menit di Vladivostok.", "id"),
    ("Harga saham naik menjadi 14.30 persen tahun ini.", "id"),
    ("The fund paid 2.50 dollars a share.", "en"),
    ("Dirilis Kamis, 25 April 2019 14:30 WIB oleh redaksi.", "id"),  # a dateline's time is chrome
    ("These midnight regulations are part of a pattern.", "en"),
    ("It was 8 pounds at the age of 3.", "en"),
])
def test_look_alikes_are_not_clock_times(text, lang):
    assert of(facts(text, lang), "clock") == []


def test_dates_still_found_beside_a_clock_time(tmp_path: Path):
    path = tmp_path / "gempa.txt"
    path.write_text("Gempa Lampung\n\nGempa melanda kawasan Lampung Selatan pada sekitar pukul 04.28 WIB, "
                    "Selasa (25/4/2017). Warga panik dan berlarian ke luar rumah.\n", encoding="utf-8")
    docs, _ = load_documents([path])
    doc = docs[0]
    doc.sentences = segment(doc)
    found = extract_facts(doc)
    assert [f.value for f in found if f.kind == "date"] == ["2017-04-25"]
    assert [(f.text, f.value) for f in found if f.attrs.get("dimension") == "clock"] == [("pukul 04.28 WIB", 268.0)]


# ---- 3. scores ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,expected", [
    ("Friday night's 88-72 loss in Cleveland, the team's eighth in 10 games, was apparently the last straw.",
     "en", [("88-72", [88, 72])]),
    ("Cheeks compiled a 162-139 record in three-plus seasons and coached the 76ers to 40 regular-season victories.",
     "en", [("162-139", [162, 139])]),
    ("The 32-year-old Klitschko (52-3, 46 KOs) won his 10th consecutive bout by flooring Rahman (45-7-2) once.",
     "en", [("52-3", [52, 3])]),
    ("Barcelona memboyong kemenangan besar di laga Clasico 2017 dengan skor 3 - 0 atas Real Madrid, Sabtu (23/12/2017).",
     "id", [("3 - 0", [3, 0])]),
    ("Persib menang 2-1 atas Persija di Stadion Gelora Bandung Lautan Api.", "id", [("2-1", [2, 1])]),
])
def test_scores(text, lang, expected):
    scores = of(facts(text, lang), "score")
    assert [(f.text, f.attrs["score"]) for f in scores] == expected
    assert all(f.value == f.attrs["score"][0] and f.attrs["unit"] == "score" for f in scores)


@pytest.mark.parametrize("text,lang", [
    ("The warship caught up to the boats, the larger of which was described as a 24- to 30-foot dhow.", "en"),
    ("Cheeks guided the Sixers to the playoffs for the first time since the 2004-05 season.", "en"),
    ("Since that win over Monte Barrett, Rahman has gone 4-2-1 with a no-contest.", "en"),
    ("He coached the former West German teams from 1979-90, winning nine national titles.", "en"),
    ("Berikut jadwal siaran langsung pertandingan sepak bola 27 - 28 Mei 2017.", "id"),
    ("Sebanyak 10-15 orang pendukung tim tuan rumah terluka.", "id"),
    ("Uji coba penembakan rudal KN-23 milik Korea Utara tahun 2013.", "id"),
])
def test_look_alikes_are_not_scores(text, lang):
    assert of(facts(text, lang), "score") == []


def test_a_range_with_a_unit_stays_a_range():
    found = facts("The warship caught up to the boats, the larger of which was described as a 24- to 30-foot dhow.", "en")
    assert [(f.text, f.attrs["unit"], f.attrs["low"], f.attrs["high"]) for f in found] == [
        ("24- to 30-foot", "ft", 24.0, 30.0)]
    found = facts("Sebanyak 10-15 orang pendukung tim tuan rumah terluka.", "id")
    assert [(f.attrs["dimension"], f.attrs["unit"], f.attrs["low"], f.attrs["high"]) for f in found] == [
        ("count", "person", 10.0, 15.0)]


# ---- 4. glued units ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,expected", [
    ("A corner of the building measuring 50m by 50m containing food was well alight.",
     "en", [("50m", 50.0, "m"), ("50m", 50.0, "m")]),
    ("Deputies chased him for 48km, at speeds up to 193km/h before he finally pulled over.",
     "en", [("48km", 48.0, "km"), ("193km/h", 193.0, "km/h")]),
    ("They also confiscated seven AK-47s, a 5.56mm and a 7.62mm rifles.", "en", [("5.56mm", 5.56, "mm"), ("7.62mm", 7.62, "mm")]),
    ("The athlete won the 200m and carried a 5kg pack over 338km.", "en",
     [("200m", 200.0, "m"), ("5kg", 5.0, "kg"), ("338km", 338.0, "km")]),
    ("The train reached 10km/h on the test run.", "en", [("10km/h", 10.0, "km/h")]),
    ("Marquez mencatat kecepatan tertinggi 338km / h di trek lurus.", "id", [("338km / h", 338.0, "km/h")]),
])
def test_glued_units(text, lang, expected):
    found = [f for f in facts(text, lang) if f.attrs["dimension"] != "count"]
    assert short(found) == expected
    assert all(UNITS[f.attrs["unit"]][0] == f.attrs["dimension"] for f in found)


def test_a_code_with_letters_is_not_a_glued_unit():
    assert facts("Samsung merilis jaringan 5G dan rudal KN-23 diuji.", "id") == []


# ---- 5. money with magnitude suffixes, and the segmenter ---------------------------------------

@pytest.mark.parametrize("text,lang,expected", [
    ("Tex is believed to be seeking more than $21MM per year.", "en", [("$21MM", 21e6, "USD")]),
    ("The council approved a £1.2m refurbishment and a $9.5m loan.", "en", [("£1.2m", 1.2e6, "GBP"), ("$9.5m", 9.5e6, "USD")]),
    ("The Nationals offered eight years, $160MM, and the bank lent $2bn.", "en",
     [("$160MM", 160e6, "USD"), ("$2bn", 2e9, "USD")]),
    ("The club paid £910,000 for the striker.", "en", [("£910,000", 910000.0, "GBP")]),
    ("The sea lane through which over nearly 100 billion USD worth India's external trade passes each year.",
     "en", [("100 billion USD", 1e11, "USD")]),
    ("Harga naik menjadi Rp 1,5 juta per keluarga, atau Rp1,5 jt.", "id", [("Rp 1,5 juta", 1.5e6, "IDR"), ("Rp1,5 jt", 1.5e6, "IDR")]),
])
def test_money_with_magnitude_suffixes(text, lang, expected):
    money = of(facts(text, lang), "money")
    assert short(money) == expected


def test_glued_m_without_a_currency_is_metres():
    assert short(facts("Tinggi menara itu 60m dari permukaan tanah.", "id")) == [("60m", 60.0, "m")]


@pytest.mark.parametrize("text", [
    "The council approved a £1.2m. refurbishment of the pool on Friday.",
    "The club said the deal was worth $9.5m. including bonuses, a spokesman said.",
])
def test_a_money_suffix_stop_does_not_end_the_sentence(text):
    assert split_block(text, "en") == [(0, len(text))]


def test_a_money_suffix_at_the_end_still_ends_the_sentence():
    text = "The deal was worth $9.5m. The club said it was fair."
    assert [text[a:b] for a, b in split_block(text, "en")] == ["The deal was worth $9.5m.", "The club said it was fair."]


# ---- 6. "pounds": weight or money ---------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,unit", [
    ("He is 5-feet-8 inches tall, weighing 130 pounds, has a shaved head and is heavily tattooed.", "en", "lb"),
    ("Comeaux, a 6-foot, 200-pound black male, was serving a life sentence.", "en", "lb"),
    ("The baby weighed 4.5 pounds at birth.", "en", "lb"),
    ("Officers seized 20 pounds of cocaine from the car.", "en", "lb"),
    ("The bag held 12 pounds.", "en", "lb"),                         # no cue, small: weight
    ("He was fined 500 pounds for the offence.", "en", "GBP"),
    ("Thieves stole 4 million pounds from the depot.", "en", "GBP"),  # a magnitude word: money
    ("The prize was 5,000 pounds.", "en", "GBP"),                     # no cue, large: money
    ("Ia mencapai berat badan 263 pounds atau hampir 120 kilogram.", "id", "lb"),
    ("Salah dibeli dengan nilai transfer mencapai 36,9 juta pounds.", "id", "GBP"),
])
def test_pounds_are_weight_or_money(text, lang, unit):
    found = [f for f in facts(text, lang) if "pound" in f.text]
    assert [f.attrs["unit"] for f in found] == [unit]
    assert found[0].attrs["dimension"] == ("mass" if unit == "lb" else "money")


# ---- 7. bare counts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,expected", [
    ("The group now has 2,301.", "en", [("2,301", 2301.0, "")]),
    ("Qeshm is Iran's largest island in the Persian Gulf, with a population of 120,000.", "en", [("120,000", 120000.0, "")]),
    ("A powerful earthquake hit southern Iran, killing 10 people and injuring 80.",
     "en", [("10 people", 10.0, "person"), ("80", 80.0, "person")]),
    ("The death toll from a strong earthquake a day before rose to 10.", "en", [("10", 10.0, "")]),
    ("Pasangan tersebut memperoleh suara sebanyak 34.720.", "id", [("34.720", 34720.0, "")]),
    ("Jumlah pengunjung mencapai 1.500 dan anggota kini 2.301.", "id", [("1.500", 1500.0, ""), ("2.301", 2301.0, "")]),
])
def test_bare_counts(text, lang, expected):
    found = facts(text, lang)
    assert short(found) == expected
    assert all(f.attrs["dimension"] == "count" for f in found)


@pytest.mark.parametrize("text,lang", [
    ("Anyone with information is asked to call police on 0845 125 2222 or Crimestoppers on 0800 555 111.", "en"),
    ("It was built in 1935, the same year that the first farm families arrived.", "en"),
    ("The company has 2019 in its sights.", "en"),
    ("Details are in Article 12 and on page 45.", "en"),
    ("Ia dijerat UU Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi.", "id"),
    ("Kecelakaan terjadi pada 29/4/2019 di Jalan Sudirman.", "id"),
    ("He scored 12 and then left.", "en"),  # a plain figure after a verb that is not of having or reaching
])
def test_look_alikes_are_not_bare_counts(text, lang):
    assert facts(text, lang) == []


# ---- 8. hedges as interval bounds ------------------------------------------------------------------------

@pytest.mark.parametrize("hedge,bound,near", [
    ("more than", "min", False), ("over", "min", False), ("at least", "min", False), ("just over", "min", False),
    ("nearly", "max", True), ("almost", "max", True), ("up to", "max", False), ("less than", "max", False),
    ("under", "max", False), ("fewer than", "max", False), ("as many as", "max", False),
    ("about", "about", False), ("around", "about", False), ("roughly", "about", False), ("some", "about", False),
])
def test_english_hedges(hedge, bound, near):
    [fact] = facts(f"Police said {hedge} 200 people were arrested.", "en")
    assert (fact.attrs["approx"], fact.attrs["bound"], fact.attrs.get("near", False)) == (hedge, bound, near)


@pytest.mark.parametrize("hedge,bound,near", [
    ("lebih dari", "min", False), ("sedikitnya", "min", False), ("setidaknya", "min", False),
    ("minimal", "min", False), ("paling sedikit", "min", False), ("kurang dari", "max", False),
    ("hampir", "max", True), ("hingga", "max", False), ("sampai", "max", False), ("mencapai", "max", False),
    ("maksimal", "max", False), ("sekitar", "about", False), ("kira-kira", "about", False),
])
def test_indonesian_hedges(hedge, bound, near):
    [fact] = facts(f"Polisi menyebut {hedge} 200 orang ditangkap.", "id")
    assert (fact.attrs["approx"], fact.attrs["bound"], fact.attrs.get("near", False)) == (hedge, bound, near)


# ---- 9. conversions in brackets ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,expected", [
    ("Qeshm, located 1,150 kilometers (700 miles) southeast of Tehran, has a busy port.",
     "en", [("1,150 kilometers", None), ("700 miles", "1,150 kilometers")]),
    ("Eight days of clashes have caused 200 million euros ($265.3 million) of damage in Athens alone.",
     "en", [("200 million euros", None), ("$265.3 million", "200 million euros")]),
    ("The warship was 13 nautical miles (about 24km) from the cargo ship.",
     "en", [("13 nautical miles", None), ("24km", "13 nautical miles")]),
    ("The quake, which struck at 1353 (1023 GMT), was felt in Oman.", "en", [("1023 GMT", None)]),
    ("Page passed away at 6:41pm PST this evening (0241 GMT Friday).", "en", [("6:41pm PST", None), ("0241 GMT", "6:41pm PST")]),
    ("Jaraknya 25 km (15 mil) dari pusat kota.", "id", [("25 km", None), ("15 mil", "25 km")]),
    ("Total pendanaan menjadi 2,5 miliar dolar AS (Rp 33,2 triliun).", "id",
     [("2,5 miliar dolar", None), ("Rp 33,2 triliun", "2,5 miliar dolar")]),
    ("The pirates, in three boats (two speedboats), fled.", "en", [("three boats", None), ("two speedboats", None)]),
    ("Bank Dunia menyetujui pendanaan sebesar US$ 450 juta atau setara dengan Rp 5,85 triliun.", "id",
     [("US$ 450 juta", None), ("Rp 5,85 triliun", None)]),  # an outlet's own sum: compared, not a conversion
])
def test_conversions_point_to_what_they_convert(text, lang, expected):
    found = [f for f in facts(text, lang) if f.kind != "duration"]
    assert [(f.text, f.attrs.get("converted_from")) for f in found] == expected


# ---- every fact: a dimension, and the shared unit table -----------------------------------------------------

ARTICLE_EN = """Gunman kills one at Vancouver office party

Police allege Eric Allen Kirkpatrick, 61, opened fire at the Tallgrass office party just past 4 p.m. Friday.
The 61-year-old surrendered at 6 p.m. after a tense two hours while police negotiated, and about a dozen coworkers fled.
The 170,000-square-foot building, about 15 miles (24km) north of Detroit, was evacuated.
He is 5-feet-8 inches tall, weighing 130 pounds, and had $9.5m in debts.
"""

ARTICLE_ID = """Gempa guncang Lampung

Gempa berkekuatan 5,2 melanda kawasan Lampung Selatan pada sekitar pukul 04.28 WIB, Selasa (25/4/2017).
Sedikitnya 30 rumah rusak dan warga bernama Budi Santoso (45) terluka ringan.
Kerugian ditaksir mencapai Rp 1,5 miliar dan jumlah pengungsi kini 1.250.
Petugas menempuh jarak 25 km (15 mil) selama hampir 2 jam.
"""


@pytest.mark.parametrize("body,name", [(ARTICLE_EN, "en.txt"), (ARTICLE_ID, "id.txt")])
def test_every_number_fact_has_a_dimension_and_a_shared_unit(tmp_path: Path, body: str, name: str):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    docs, _ = load_documents([path])
    doc = docs[0]
    doc.sentences = segment(doc)
    found = [f for f in extract_facts(doc) if f.kind in ("number", "duration")]
    assert len(found) >= 8
    seen = set()
    for fact in found:
        dim, unit = fact.attrs["dimension"], fact.attrs["unit"]
        seen.add(dim)
        assert doc.source[fact.start:fact.end] == fact.text
        assert dim in DIMENSIONS
        if fact.kind == "duration":
            assert (dim, unit) == ("duration", "minute")
        elif dim != "count":
            assert UNITS[unit][0] == dim, fact
        else:
            assert unit not in UNITS, fact
    assert {"age", "clock", "count"} <= seen


def test_extraction_stays_linear_on_a_long_line():
    unit = ("Robert Buckley, 32, said the Owls won 45-35 at 3: 10 p. m. (2045 GMT) after 25 km (15 miles), "
            "weighing 4.5 pounds of fish worth $9.5m, and now has 2,301, aged 31 and ages 6 and 16 ")
    timings = []
    for n in (250, 1000):
        text = unit * n
        doc = Document(id="d", path="d", source=text, language="en")
        start = time.perf_counter()
        found = numbers.extract_all(Sentence("d", 0, 0, len(text), text), doc)
        timings.append(time.perf_counter() - start)
        assert len(found) >= 11 * n
    assert timings[1] < 10 * max(timings[0], 0.05)
