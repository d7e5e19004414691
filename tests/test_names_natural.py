"""name_variant on real-style news text: different entities never pair, wanted variants say their sort.

Each false-alarm sort a fact-checker found in the tool's name findings on real Indonesian and
English news (different entities a letter apart, handles and hashtags, pieces of a longer word,
spans that swallow an institution, the misspelt spelling shown as the reference) has a case
here, next to the variants that must still be found, with the sort of variant they are.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck import compare
from factcheck.detect.names import NameVariantDetector, variant_sort
from factcheck.extract import names
from factcheck.model import Document, Finding
from factcheck.registry import EventContext
from factcheck.segment import segment

# ---------------------------------------------------------------- helpers


def _doc(text: str, language: str, doc_id: str = "d", outlet: str = "") -> Document:
    blocks = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    document = Document(id=doc_id, path="", source=text, language=language, blocks=blocks, outlet=outlet)
    document.sentences = segment(document)
    document.facts = names.document_names(document)
    return document


def _names(text: str, language: str = "id") -> list[str]:
    document = _doc(text, language)
    return [f.text for f in document.facts if not f.attrs.get("tentative")]


def _detect(*texts: str, language: str = "id") -> list[Finding]:
    """The detector on one event made of ``texts`` (one document, one outlet each)."""
    documents = {}
    for i, text in enumerate(texts):
        document = _doc(text, language, f"d{i}", f"outlet{i}")
        documents[document.id] = document
    return NameVariantDetector()(EventContext(event=None, documents=documents, claims=[]))


def _values(finding: Finding) -> set[str]:
    return {e.value for e in finding.evidence}


def _pairs(found: list[Finding], a: str, b: str) -> list[Finding]:
    """Findings that show both ``a`` and ``b`` (exact values)."""
    return [f for f in found if {a, b} <= _values(f)]


def _compare(tmp_path: Path, articles: list[tuple[str, str, str]], language: str) -> list[Finding]:
    """The real pipeline (bundled model) on a folder of JSON articles (outlet, title, text)."""
    for i, (outlet, title, text) in enumerate(articles, 1):
        record = {"title": title, "outlet": outlet, "published": "2017-07-23", "language": language, "text": text}
        (tmp_path / f"{i}_{outlet.split('.')[0]}.json").write_text(json.dumps(record, ensure_ascii=False),
                                                                   encoding="utf-8")
    report = compare([tmp_path])
    assert len(report.events) == 1, [e.documents for e in report.events]
    return [f for f in report.findings if f.kind == "name_variant"]


# ---------------------------------------------------------------- the real pipeline

LIGA_KOMPAS = (
    "Persija Jakarta menang 2-0 atas Persiba Balikpapan pada laga pekan ke-15 Liga 1 di Stadion Patriot, "
    "Bekasi, Sabtu (22/7/2017). Dua gol Persija dicetak oleh Marko Simic pada babak kedua. "
    "Pelatih Persija Stefano Cugurra puas dengan permainan anak asuhnya. "
    "Pelatih Persiba Timo Scheunemann mengakui timnya kalah kelas. "
    "Menurut Scheunemann, Persiba kehilangan konsentrasi setelah gol pertama. "
    "Gelandang Persija Rahmat menjadi pemain terbaik, sedangkan kiper Persiba Rahma tampil buruk. "
    "Akun resmi klub @Persija_Jkt mengunggah cuplikan gol dengan tagar #PersijaJuara.")
LIGA_DETIK = (
    "Persija Jakarta mengalahkan Persiba Balikpapan dengan skor 2-0 di Stadion Patriot, Bekasi, Sabtu (22/7/2017). "
    "Striker asal Kroasia Marko Simic mencetak dua gol untuk Persija. "
    "Pelatih Persiba Timo Scheunemann kecewa karena timnya kalah dari Persija. "
    "Timo Scheunemann menyebut Persiba harus segera bangkit. "
    "Rahmat kembali tampil penuh di lini tengah Persija.")
LIGA_TEMPO = (
    "Persija Jakarta menundukkan Persiba Balikpapan 2-0 di Stadion Patriot, Bekasi, Sabtu (22/7/2017). "
    "Dua gol kemenangan Persija dilesakkan Marko Šimić di babak kedua. "
    "Pelatih Persiba Timo Scheuneman mengatakan timnya bermain di bawah standar. "
    "Persiba kini tertahan di papan bawah klasemen Liga 1, sementara Persija naik ke posisi empat.")


def test_indonesian_match_report_pairs_no_two_clubs_or_players(tmp_path: Path):
    found = _compare(tmp_path, [("kompas.com", "Persija Tundukkan Persiba", LIGA_KOMPAS),
                                ("detik.com", "Persija Kalahkan Persiba 2-0", LIGA_DETIK),
                                ("tempo.co", "Persija Menang atas Persiba", LIGA_TEMPO)], "id")
    shown = [_values(f) for f in found]
    assert not any({"Persiba", "Persija"} & v and len(v & {"Persiba", "Persija"}) == 2 for v in shown), shown
    assert not any({"Rahma", "Rahmat"} <= v for v in shown), shown
    assert not any(v.startswith(("@", "#")) or "Jkt" in v or "Juara" in v for f in found for v in _values(f))
    diacritics = [f for f in found if {"Marko Simic", "Marko Šimić"} <= _values(f)]
    assert diacritics and diacritics[0].variant == "diacritics", [(f.summary, f.variant) for f in found]
    assert diacritics[0].majority == "Marko Simic"
    spelling = [f for f in found if "Timo Scheuneman" in _values(f)]
    assert spelling and spelling[0].variant == "spelling" and spelling[0].majority == "Timo Scheunemann", \
        [(f.summary, f.variant) for f in found]
    assert spelling[0].summary.startswith("Name spelt two ways (spelling): Timo Scheunemann (2 outlets) vs "
                                          "Timo Scheuneman (1)"), spelling[0].summary


NK_REUTERS = (
    "North Korean leader Kim Jong-un arrived in Vladivostok by armoured train on Wednesday for his first summit "
    "with Russian President Vladimir Putin. Kim Jong-un inherited power in 2011 after the death of his father, "
    "Kim Jong Il, who had met Putin in 2002. Putin said North Korea needed security guarantees.")
NK_AP = (
    "Kim Jong-un stepped off his armoured train in Vladivostok on Wednesday for talks with Vladimir Putin. "
    "Kim Jong-un said he hoped the summit would be a success. His father Kim Jong Il travelled to Russia by "
    "train as well. Putin said North Korea needed security guarantees to give up its weapons.")
NK_GUARDIAN = (
    "Kim Jong Un arrived in Vladivostok on Wednesday by armoured train for a summit with Vladimir Putin. "
    "The North Korean leader, like his father Kim Jong Il before him, distrusts flying. "
    "Putin said North Korea would need security guarantees before giving up its nuclear programme.")


def test_english_summit_report_gives_hyphenation_and_keeps_father_and_son_apart(tmp_path: Path):
    found = _compare(tmp_path, [("reuters.com", "Kim Jong-un arrives in Vladivostok", NK_REUTERS),
                                ("apnews.com", "Kim Jong-un meets Putin", NK_AP),
                                ("theguardian.com", "Kim Jong Un arrives for Putin summit", NK_GUARDIAN)], "en")
    assert not any("Kim Jong Il" in _values(f) for f in found), [f.summary for f in found]
    hyphen = _pairs(found, "Kim Jong-un", "Kim Jong Un")
    assert hyphen and hyphen[0].variant == "hyphenation" and hyphen[0].majority == "Kim Jong-un", \
        [(f.summary, f.variant) for f in found]
    assert hyphen[0].summary == "Name spelt two ways (hyphenation): Kim Jong-un (2 outlets) vs Kim Jong Un (1)"


# ---------------------------------------------------------------- different entities never pair


def test_a_surname_of_one_person_is_no_slip_for_the_given_name_of_another():
    found = _detect("Israeli Defence Minister Ehud Barak met President Barack Obama at the White House. "
                    "Barak said the talks were useful.",
                    "Barack Obama told reporters he had a frank talk with Ehud Barak. Obama praised Barak.",
                    "Barack Obama and Ehud Barak discussed Iran. Barack Obama later left for Chicago.",
                    language="en")
    assert not any({"Barak", "Barack Obama"} & _values(f) for f in found), [f.summary for f in found]


def test_two_clubs_one_letter_apart_are_two_clubs():
    found = _detect("Persiba Balikpapan menjamu Persija Jakarta di Stadion Parikesit. Persiba kalah 0-1.",
                    "Gol tunggal Persija dicetak pada menit ke-80. Persija naik ke posisi tiga.",
                    "Persija Jakarta menang tipis. Suporter Persija bersorak, sementara Persiba terpuruk.")
    assert not _pairs(found, "Persiba", "Persija"), [f.summary for f in found]


def test_two_names_written_in_one_sentence_are_two_entities():
    found = _detect("Persija menang atas Persiba di Bekasi. Persija kini di posisi tiga.",
                    "Gol tunggal Persija dicetak pada menit ke-80. Persija naik ke posisi tiga.",
                    "Suporter Persija bersorak. Pelatih Persija puas dengan hasil itu.",
                    "Persija menjamu Persiba pekan depan.")
    assert not _pairs(found, "Persiba", "Persija"), [f.summary for f in found]
    # a one-off slip may still repeat the name in its own sentence
    slip = _detect("Nada dalam bahasa Tionghoa penting, sebab satu kata dalam bahasa Toinghoa bisa berbeda makna.",
                   "Aplikasi itu kini mengajarkan bahasa Tionghoa. Kursus bahasa Tionghoa diminati.",
                   "Pengguna bisa belajar bahasa Tionghoa setiap hari.")
    assert _pairs(slip, "Toinghoa", "Tionghoa"), [f.summary for f in slip]


def test_a_lone_name_belongs_to_its_own_full_name():
    found = _detect("Penyerang Dedy Hartono mencetak dua gol. Dedy Hartono kini mengoleksi sepuluh gol.",
                    "Dedy Hartono menjadi pemain terbaik. Pelatih memuji Dedy Hartono.",
                    "Bek Ahmad Hariono kesulitan sepanjang laga. Hariono akhirnya diganti.")
    assert not any("Hariono" in _values(f) for f in found), [f.summary for f in found]


def test_short_surnames_a_letter_apart_are_two_players():
    found = _detect("Harry Kane mencetak gol pembuka. Kane kini mengoleksi 20 gol musim ini.",
                    "Kane kembali menjadi pembeda bagi Tottenham. Bek Everton Michael Keane gagal menghentikannya.",
                    "Tendangan Kane tidak mampu dihalau kiper. Kane disambut rekan setimnya.",
                    "Keane mengaku timnya kurang fokus.")
    assert not _pairs(found, "Keane", "Kane"), [f.summary for f in found]


def test_a_letter_added_at_the_end_makes_another_name():
    found = _detect("Rahmat tiba di lokasi pukul 07.00. Menurut Rahmat, antrean sudah panjang.",
                    "Rahmat mengaku sudah menunggu sejak subuh. Rahmat datang bersama keluarganya.",
                    "Adiknya, Rahma, ikut mengantre bersama Rahmat.")
    assert not _pairs(found, "Rahma", "Rahmat"), [f.summary for f in found]


def test_a_person_is_no_variant_of_a_club():
    found = _detect("Bhayangkara FC menang 2-1 atas Madura United. Bhayangkara FC kini memimpin klasemen.",
                    "Kemenangan Bhayangkara FC diraih di Stadion Patriot. Pelatih Bhayangkara FC Simon McMenemy puas.",
                    "Kiper Bayangkara tampil gemilang dengan lima penyelamatan.")
    assert not any("Bayangkara" in _values(f) for f in found), [f.summary for f in found]


def test_handles_hashtags_and_addresses_are_never_names():
    text = ("Penyanyi Luis Fonsi mengunggah video lewat akun @LuisFonsi dengan tagar #Despacito dan tautan "
            "https://t.co/DespacitoVideo. Lagu Luis Fonsi itu diputar miliaran kali.")
    found = _names(text)
    assert "Luis Fonsi" in found
    assert not {"LuisFonsi", "Despacito", "DespacitoVideo"} & set(found), found
    detected = _detect(text, "Luis Fonsi merilis lagu itu pada 2017. Video Luis Fonsi ditonton jutaan orang.",
                       "Luis Fonsi tampil di Jakarta. Luis Fonsi menyapa penggemarnya lewat @LuisFonsi.")
    assert not any(v.startswith(("@", "#")) or v == "LuisFonsi" for f in detected for v in _values(f))


def test_a_name_starts_at_a_word_boundary_of_the_source():
    found = _names("Warga Perumnas Klender menolak penggusuran. Bus dari Balikpapan tiba di Samarinda.")
    assert "Peru" not in found and "Bali" not in found, found
    assert "Balikpapan" in found
    # a glued word that is a real word of its own still comes apart (seed article)
    assert _names("Putin ingin membakar Rusiakredensial diplomatik.")[-1] == "Rusia"


def test_an_institution_before_an_office_holder_is_cut_off():
    found = _names("Anggota Komisi III DPR RI Akbar Faisal menilai KPK harus independen. "
                   "Menteri Keuangan Sri Mulyani dan Kapolda Metro Jaya Irjen Pol Idham Azis hadir.")
    assert "Akbar Faisal" in found and "Sri Mulyani" in found and "Idham Azis" in found, found
    assert not any(n.endswith("Akbar Faisal") and n != "Akbar Faisal" for n in found), found
    assert "Keuangan Sri Mulyani" not in found and "Pol Idham Azis" not in found, found
    assert _names("Kiper Bhayangkara FC Awan Setho tampil apik.") == ["Bhayangkara FC", "Awan Setho"]
    detected = _detect("Anggota Komisi III DPR RI Akbar Faisal menilai KPK harus independen.",
                       "Akbar Faisal meminta KPK tidak takut. Menurut Akbar Faisal, DPR mendukung.",
                       "Politikus Akbar Faisal itu juga mengkritik Polri.")
    assert not any(any(v.startswith("Komisi") for v in _values(f)) for f in detected), [f.summary for f in detected]


def test_father_and_son_with_one_name_apart_never_pair():
    found = _detect("Kim Jong Un memimpin rapat partai. Ayahnya, Kim Jong Il, wafat pada 2011.",
                    "Kim Jong Un menggantikan Kim Jong Il sebagai pemimpin Korea Utara.",
                    "Kim Jong Un tiba di Vladivostok. Kim Jong Un disambut pejabat Rusia.")
    assert not _pairs(found, "Kim Jong Il", "Kim Jong Un"), [f.summary for f in found]


def test_the_reference_is_the_spelling_more_outlets_write_not_the_most_repeated():
    slips = ("Gubernur Sulawesi Tengah Longki Djanggola meninjau lokasi. Longki Djangola meminta warga tenang. "
             "Longki Djangola menyebut bantuan segera tiba. Longki Djangola juga mengunjungi pengungsi.")
    found = _detect(slips,
                    "Gubernur Longki Djanggola menyatakan status tanggap darurat.",
                    "Longki Djanggola memastikan logistik cukup.",
                    "Menurut Longki Djanggola, sekolah darurat dibangun.")
    pair = _pairs(found, "Longki Djangola", "Longki Djanggola")
    assert pair and pair[0].majority == "Longki Djanggola", [(f.summary, f.majority) for f in found]
    assert pair[0].outliers == ["d0"]


# ---------------------------------------------------------------- wanted variants, with their sort


@pytest.mark.parametrize("variant,reference,sort", [
    ("Kim Jong-un", "Kim Jong Un", "hyphenation"),
    ("Vendôme", "Vendome", "diacritics"),
    ("Soeharto", "Suharto", "transliteration"),
    ("Heydar Alishvandi", "Heidar Alishvandi", "transliteration"),
    ("Portland Trailblazers", "Portland Trail Blazers", "spacing"),
    ("Kodak Theater", "Kodak Theatre", "spelling"),
    ("Schnectady", "Schenectady", "spelling"),
])
def test_variant_sorts(variant: str, reference: str, sort: str):
    assert variant_sort(variant, reference) == sort


def test_wanted_english_variants_are_found_with_their_sort():
    found = _detect(
        "Hugh Jackman will host the Oscars at the Kodak Theatre in Hollywood. The Place Vendôme jewellers lent "
        "the gems. Qeshm governor Heidar Alishvandi was quoted by state media.",
        "Jackman, who starred on Broadway, will take the stage of the Kodak Theatre on February 22. "
        "Jewels came from Place Vendome. Governor Heidar Alishvandi said 50 were injured.",
        "The show at the Kodak Theater will be produced by Laurence Mark. Place Vendome boutiques closed. "
        "Heydar Alishvandi, the governor, visited the villages.",
        language="en")
    sorts = {frozenset(_values(f)): f.variant for f in found}
    assert sorts.get(frozenset({"Kodak Theatre", "Kodak Theater"})) == "spelling", sorts
    assert sorts.get(frozenset({"Place Vendôme", "Place Vendome"})) == "diacritics", sorts
    assert sorts.get(frozenset({"Heidar Alishvandi", "Heydar Alishvandi"})) == "transliteration", sorts
    assert all(f.variant in ("spelling", "transliteration", "diacritics", "hyphenation", "spacing") for f in found)


def test_wanted_indonesian_variants_are_found_with_their_sort():
    found = _detect("Presiden Soeharto lengser pada Mei 1998. Soeharto berkuasa selama 32 tahun.",
                    "Suharto digantikan oleh BJ Habibie. Suharto wafat pada 2008.",
                    "Mantan Presiden Suharto dimakamkan di Astana Giribangun. Keluarga Suharto hadir.",
                    "Warga Korea Utara menyambut. Delegasi Korea Utara tiba lebih dulu. Delegasi dari Kora Utara menyusul.")
    sorts = {frozenset(_values(f)): f.variant for f in found}
    assert sorts.get(frozenset({"Soeharto", "Suharto"})) == "transliteration", sorts
    assert sorts.get(frozenset({"Kora Utara", "Korea Utara"})) == "spelling", sorts


def test_a_slip_across_two_names_needs_the_right_word_from_more_than_one_other_outlet():
    found = _detect("Pemain senior Hariono kembali dimainkan sejak menit awal.",
                    "Pemain Persib Dedy Hartono mengaku siap. Dedy Hartono cedera pekan lalu.",
                    "Persib menang 2-0. Gol Persib dicetak pada babak kedua.")
    assert not any("Hariono" in _values(f) for f in found), [f.summary for f in found]


def test_a_player_is_no_slip_for_the_stadium_of_the_same_report():
    found = _detect("Liverpool ditahan imbang 1-1 oleh Burnley di Anfield. Burnley unggul lewat Scott Arfield. "
                    "Suporter di Anfield terdiam.",
                    "Mohamed Salah menyamakan kedudukan bagi Liverpool. Liverpool gagal menang.",
                    "Liverpool hanya meraih satu poin dari Burnley.")
    assert not any("Scott Arfield" in _values(f) for f in found), [f.summary for f in found]


@pytest.mark.parametrize("variant,reference", [
    ("Yiannis Panagopoulos", "Giannis Panagopoulos"),   # first letter: a transliteration of one Greek name
    ("Ilias Vrettakos", "Elias Vrettakos"),
    ("Ilene Wolff", "Ilene Wolfe"),                     # last letter, the given name vouches
    ("Andrew Welzler", "Andrew Wetzler"),
])
def test_one_edit_anywhere_in_a_name_whose_other_words_agree_is_a_variant(variant: str, reference: str):
    """ECB+ outlets' misspellings: one edit at a word's start or end, which alone often makes another
    name (``Rahma``/``Rahmat``), is one person when the rest of the full name agrees."""
    found = _detect(f"{reference} of the union spoke on Monday. {reference} called the strike.",
                    f"Union official {reference} led the march through Athens.",
                    f"The strike was called by {variant}, the union said.", language="en")
    assert _pairs(found, variant, reference), [f.summary for f in found]


@pytest.mark.parametrize("one,other", [
    ("Grammy Award", "Grammy Awards"),     # a plural counts only in a longer name
    ("Yamaha Tech", "Yamaha Tech3"),       # a digit is no letter of a spelling
    ("Buya Majid", "Abuya Majid"),         # a letter added before a word: another word (an honorific)
])
def test_an_edit_in_a_short_name_that_makes_another_word_is_not_a_variant(one: str, other: str):
    found = _detect(f"Acara {other} digelar di Jakarta. {other} dihadiri ribuan orang.",
                    f"Panitia {other} menyiapkan panggung besar.",
                    f"Penonton {one} memadati lokasi sejak pagi.")
    assert not _pairs(found, one, other), [f.summary for f in found]


def test_two_people_with_one_surname_and_given_names_a_letter_apart_stay_apart_in_one_sentence():
    found = _detect("Rahma Sari dan Rahmat Sari, kakak beradik, sama-sama lolos seleksi. Rahma Sari senang.",
                    "Rahmat Sari berlatih setiap hari. Rahmat Sari ingin juara.")
    assert not _pairs(found, "Rahma Sari", "Rahmat Sari"), [f.summary for f in found]


def test_a_surname_variant_shows_where_each_outlet_first_gives_the_full_name() -> None:
    """ECB+ topic 20: the finding is made on the surnames (``Alishbandi``/``Alishvandi``), but the
    outlets say who they mean where they first write the full name (``Heydar Alishbandi, Governor of
    Qeshm island``): that sentence is evidence too, in every document that writes the name."""
    found = _detect(
        "Quake hits Qeshm\nHeydar Alishbandi, Governor of Qeshm island, said five villages had been badly hit."
        "\nMr Alishbandi told the AFP news agency he was not expecting the death toll to rise.",
        "Quake kills ten\nThe new toll came after two more bodies were found, Qeshm Governor Heydar Alishvandi said."
        "\nAlishvandi said some of the injured were flown to the provincial capital of Bandar Abbas.",
        "Relief arrives\nTents were sent to the island, Qeshm governor Heydar Alishvandi told state television.",
        language="en")
    surnames = [f for f in found if "Alishbandi" in {v.split()[-1] for v in _values(f)}]
    assert len(surnames) == 1  # the surname's finding and the full name's are one
    shown = {(e.document, e.value) for e in surnames[0].evidence}
    assert {("d0", "Heydar Alishbandi"), ("d1", "Heydar Alishvandi"), ("d2", "Heydar Alishvandi")} <= shown
    assert ("d1", "Alishvandi") in shown


def test_a_lone_surname_one_letter_off_its_own_articles_full_name_is_a_misspelling() -> None:
    """ECB+: ``Karen B. Olson`` … ``Olsen`` and ``Kimani Gray`` … ``Grey`` in one article; IndoSum:
    ``Yohan Cabaye`` … ``Cabaya``. A lone word that is itself someone's surname in the event, a
    plural (``the Klitschkos``) or the end of a double-barrelled name (``Hal Robson - Kanu`` next to
    ``Harry Kane``) stays apart."""
    found = _detect(
        "Dairy sale\nValley Dairy chief executive Karen B. Olson said the plant would reopen."
        "\nOlson said the sale was final. Olson thanked the workers.\nOlsen said the city had helped.",
        "Dairy news\nKaren Olson, the dairy's chief, spoke on Monday.", language="en")
    assert _pairs(found, "Olson", "Olsen")
    found = _detect(
        "Spurs win\nHarry Kane scored twice as Tottenham beat West Brom. Kane scored again in the 77th minute."
        "\nKane took the ball home.\nWest Brom: Ben Foster; Matt Phillips (Hal Robson - Kanu), Salomon Rondon.",
        language="en")
    assert not any("Kanu" in _values(f) for f in found)
    found = _detect(
        "Boxing\nWladimir Klitschko retained his title. Klitschko won in six rounds. Klitschko was never troubled."
        "\nThe Klitschkos now hold every belt.", language="en")
    assert not any("Klitschkos" in _values(f) for f in found)


@pytest.mark.parametrize("a,b", [("Karavan", "Karvan"), ("Khaledin", "Khaldin")])
def test_a_vowel_left_out_inside_a_long_name_is_a_transliteration(a: str, b: str) -> None:
    """ECB+ topic 20's village lists: each spelling written once, one vowel apart between consonants."""
    found = _detect(f"Quake\nThe worst-hit villages were Tourian and {a}, officials said.",
                    f"Quake toll\nHouses collapsed in {b} and Tourian, officials said.", language="en")
    assert _pairs(found, a, b)


def test_a_consonant_apart_or_a_vowel_at_the_edge_is_no_vowel_transliteration() -> None:
    from factcheck.detect.names import _vowel_inside

    assert _vowel_inside("karavan", "karvan") and _vowel_inside("sumatera", "sumatra")
    assert not _vowel_inside("rahmat", "rahma") and not _vowel_inside("persiba", "persib")
    assert not _vowel_inside("gararn", "garan") and not _vowel_inside("maria", "mara")


def test_a_surname_that_varies_as_its_full_name_does_is_one_finding() -> None:
    """``Hefner``/``Heffner`` beside ``Hugh Hefner``/``Hugh Heffner`` (ECB+ 4) gave two findings for one
    slip; the full name's finding now carries the lone surname's mentions too."""
    found = _detect(
        "Hugh Hefner founded the magazine in Chicago.\nHefner said the photographs made history.",
        "Playboy founder Hugh Hefner praised the model.\nHefner called her a legend of the era.",
        "Playboy founder Hugh Hefner remembered her.\nHefner put her in the January issue.",
        "The publisher Hugh Heffner praised the model warmly.\nHeffner called her an icon of the era.",
        language="en")
    about = [f for f in found if {"Hefner", "Heffner"} & {v.split()[-1] for v in _values(f)}]
    assert len(about) == 1
    assert {"Hugh Hefner", "Hugh Heffner", "Heffner"} <= _values(about[0])
    assert about[0].outliers == ["d3"]
