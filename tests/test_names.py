"""Name extraction on real sentences (seed articles, IndoSum- and ECB+-style text)."""

from __future__ import annotations

import re

import pytest

from factcheck.detect.names import form_key, is_typo
from factcheck.extract import names
from factcheck.model import Document
from factcheck.segment import segment


def _doc(text: str, language: str = "id") -> Document:
    """A document with one block per paragraph, cut into sentences by the real segmenter."""
    blocks = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    document = Document(id="d", path="", source=text, language=language, blocks=blocks)
    document.sentences = segment(document)
    return document


def _names(text: str, language: str = "id") -> list[tuple[str, str]]:
    document = _doc(text, language)
    found = []
    for sentence in document.sentences:
        for fact in names.extract(sentence, document):
            assert document.source[fact.start:fact.end] == fact.text
            assert fact.attrs["surface"] == fact.text
            if not fact.attrs.get("tentative"):
                found.append((fact.text, fact.value))
    return found


def test_titles_and_known_places_split_a_run():
    text = ("Presiden Rusia Vladimir Putin bertemu pemimpin Korea Utara Kim Jong-un pada pekan lalu. "
            "Putin dan Kim membahas nuklir.")
    assert _names(text)[:4] == [("Rusia", "rusia"), ("Vladimir Putin", "vladimir putin"),
                                ("Korea Utara", "korea utara"), ("Kim Jong-un", "kim jong un")]


def test_aliases_resolve_to_one_key_across_languages():
    found = dict(_names("Jaminan AS tak cukup bagi Korut, kata Putin. Tiongkok dan Rusia diam."))
    assert found["AS"] == found.get("Amerika Serikat", "amerika serikat")
    assert found["Korut"] == "korea utara"
    assert dict(_names("The US and Russia disagreed, said Putin.", "en"))["Russia"] == found["Rusia"]
    assert found["Tiongkok"] == dict(_names("China dan Rusia diam, kata Putin."))["China"]


def test_sentence_initial_common_words_are_not_names():
    text = ("Pertemuan antara Putin dan Kim berjalan baik. Putin menyebut pertemuan itu penting. "
            "Bangsa lain diminta ikut berunding.")
    surfaces = [s for s, _ in _names(text)]
    assert "Pertemuan" not in surfaces and "Bangsa" not in surfaces
    assert surfaces.count("Putin") == 2


def test_title_case_headline_keeps_only_attested_names():
    text = ("Pertemuan Kim Jong Un Dan Vladimir Putin, Tantangan Baru Peran AS Di Semenanjung Korea\n\n"
            "Pertemuan tingkat tinggi antara pemimpin Korea Utara Kim Jong Un dan Presiden Rusia Vladimir Putin "
            "memberi tantangan baru bagi peran AS.")
    document = _doc(text)
    headline = [f.text for f in names.extract(document.sentences[0], document)]
    assert "Kim Jong Un" in headline and "Vladimir Putin" in headline
    assert not {"Pertemuan", "Tantangan Baru Peran", "Dan", "Di"} & set(headline)


def test_glued_tokens_from_the_seeds_give_the_known_name_only():
    found = _names("Ini berarti termasuk RusiaChina, Jepang dan Korea Selatan. Putin ingin membakar Rusiakredensial "
                   "diplomatik.")
    surfaces = [s for s, _ in found]
    assert surfaces[:2] == ["Rusia", "China"]
    assert "Rusiakredensial" not in surfaces and surfaces.count("Rusia") == 2


def test_hyphenated_pair_of_places_is_two_names():
    assert [s for s, _ in _names("Hubungan Korea Utara-Rusia menguat, kata Kim.")][:2] == ["Korea Utara", "Rusia"]


def test_english_sentences_from_ecb():
    text = ("Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People. "
            "Santa Monica Chief Deputy City Attorney Terry White confirmed to The Associated Press that Lohan "
            "has checked into an approved rehab facility.")
    surfaces = [s for s, _ in _names(text, "en")]
    assert "Tara Reid" in surfaces and "Promises Treatment Center" in surfaces
    assert "Terry White" in surfaces and "Associated Press" in surfaces and "Lohan" in surfaces


def test_types():
    document = _doc("Presiden Rusia Vladimir Putin tiba di Pyongyang. Putin disambut Kantor Berita Pusat Korea Utara.")
    types = {f.text: f.attrs["type"] for s in document.sentences for f in names.extract(s, document)}
    assert types["Vladimir Putin"] == "person" and types["Putin"] == "person"
    assert types["Pyongyang"] == "place" and types["Rusia"] == "place"
    assert types["Kantor Berita Pusat Korea Utara"] == "org"


def test_model_numbers_and_web_addresses_are_not_names():
    surfaces = [s for s, _ in _names("Pantau.com - Uji coba rudal KN-23 milik Korea Utara dipantau missilethreat.csis.org.")]
    assert surfaces == ["Korea Utara"]


@pytest.mark.parametrize("a,b", [("Kim Jong-un", "Kim Jong Un"), ("Soeharto", "Suharto"), ("Erdoğan", "Erdogan")])
def test_transliterations_share_a_form_key(a, b):
    assert form_key(a) == form_key(b)


@pytest.mark.parametrize("a,b", [("Kim Jong Il", "Kim Jong Un"), ("Korea Selatan", "Korea Utara")])
def test_different_entities_keep_different_form_keys(a, b):
    assert form_key(a) != form_key(b)


@pytest.mark.parametrize("rare,common", [("kora", "korea"), ("rusian", "rusia"), ("netanyhau", "netanyahu"),
                                         ("schnectady", "schenectady")])
def test_slips_are_typos(rare, common):
    assert is_typo(rare, common)


@pytest.mark.parametrize("rare,common", [("putri", "putin"), ("austria", "australia"), ("iraq", "iran"),
                                         ("mali", "bali"), ("maria", "mario"), ("il", "un"), ("fahri", "fahmi"),
                                         ("susana", "susan")])
def test_look_alike_words_are_not_typos(rare, common):
    assert not is_typo(rare, common)


def test_english_demonym_is_not_a_typo():
    assert not is_typo("russian", "russia", frozenset({"n", "s"}))
    assert is_typo("rusian", "rusia", frozenset())


# ---------------------------------------------------------------- name_variant on whole documents


def _variants(*texts: str, language: str = "id") -> list[tuple[set[str], str | None]]:
    """The detector on one event of ``texts`` (one document each): each finding's values and majority."""
    from factcheck.detect.names import NameVariantDetector
    from factcheck.registry import EventContext

    documents = {}
    for i, text in enumerate(texts):
        document = _doc(text, language)
        document.id = f"d{i}"
        document.facts = names.document_names(document)
        documents[document.id] = document
    found = NameVariantDetector()(EventContext(event=None, documents=documents, claims=[]))
    return [({e.value for e in f.evidence}, f.majority) for f in found]


def test_slip_in_a_place_marker_stays_in_the_place():
    found = _names("Warga Jakarta Selatan menolak. Bentrokan terjadi di Pancoran, Jakarta Sleatan, kemarin.")
    assert ("Jakarta Sleatan", "jakarta sleatan") in found and ("Sleatan", "sleatan") not in found


def test_transposed_place_marker_is_a_variant():
    found = _variants("Pembongkaran di Pancoran, Jakarta Selatan, ricuh. Wali Kota Jakarta Selatan hadir.",
                      "Lapak di Jakarta Selatan dibongkar. Petugas Jakarta Selatan berjaga.",
                      "Bentrokan terjadi di Pancoran, Jakarta Sleatan, pada Rabu.")
    assert ({"Jakarta Sleatan", "Jakarta Selatan"}, "Jakarta Selatan") in found


def test_short_form_slip_is_compared_with_the_words_of_longer_names():
    found = _variants("Manchester United menang. Pelatih Jose Mourinho senang karena Manchester United bermain baik.",
                      "Mourinho berkata bahwa Manchester United harus membeli pemain.",
                      "Mourinho menilai Untied harus mengeluarkan dana besar.")
    assert any("Untied" in values and majority == "Manchester United" for values, majority in found), found


def test_slip_inside_a_longer_name_is_compared_with_the_same_word_alone():
    found = _variants("Pelatih Mourinho senang karena timnya bermain baik, kata Mourinho.",
                      "Menurut Mourinho, klub harus membeli pemain baru.",
                      "Pelatih asal Portugal Jose Mourihno itu tidak puas.")
    assert ({"Jose Mourihno", "Mourinho"}, "Mourinho") in found, found


def test_a_slip_of_a_given_name_does_not_join_another_person():
    found = _variants("Muhammad Yamin berpidato. Sejarawan menilai Muhammad Yamin berjasa.",
                      "Pidato Muhammad Yamin dikenang, seperti gagasan Mohammad Hatta.")
    assert not any("Mohammad Hatta" in values for values, _ in found), found


def test_variants_chain_to_the_majority_spelling():
    galleira = "Museum di Palais Galleira dibuka. Koleksi di Palais Galleira luas. Tiket ke Palais Galleira murah."
    found = _variants(galleira, galleira, galleira + " Gedung di Palais Galliera dibangun pada abad 19.",
                      "Lantai dasar Paalis Galliera menawarkan sejarah. Pameran di Palais Galliera ramai.")
    assert ({"Palais Galleira", "Palais Galliera", "Paalis Galliera"}, "Palais Galleira") in found, found


def test_chaining_keeps_look_alike_entities_apart():
    found = _variants("Pejabat Korea Selatan dan Korea Utara bertemu. Korea Selatan dan Korea Utara sepakat.",
                      "Korea Selatan menyambut Korea Utara. Delegasi dari Kora Utara tiba lebih dulu.")
    assert ({"Kora Utara", "Korea Utara"}, "Korea Utara") in found
    assert not any({"Korea Selatan", "Korea Utara"} <= values for values, _ in found), found


def test_chain_needs_one_clearly_dominant_spelling():
    from factcheck.detect.names import Form, _groups

    def form(key: str, count: int) -> Form:
        return Form(key, [(None, None)] * count)  # type: ignore[list-item]

    head, left, right, far = form("head", 4), form("left", 2), form("right", 2), form("far", 1)
    groups = _groups([head, left, right, far], {"left": "head", "right": "head", "far": "left"})
    assert sorted(sorted(f.key for f in g) for g in groups) == [["far"], ["head", "left", "right"]]
    groups = _groups([form("head", 9), form("left", 2), form("far", 1)], {"left": "head", "far": "left"})
    assert [sorted(f.key for f in g) for g in groups] == [["far", "head", "left"]]


def test_all_caps_dateline_does_not_make_the_sentence_a_headline():
    found = _names("JUARA.NET, KUALA LUMPUR - Bus yang mengangkut tim squash dari Thialand, Filipina, dan Myanmar "
                   "mengalami kecelakaan.")
    assert ("Thialand", "thialand") in found
    headline = [s for s, _ in _names("PUTIN DAN KIM BERTEMU DI VLADIVOSTOK\n\nPresiden Rusia Vladimir Putin "
                                     "bertemu Kim di Vladivostok.")]
    assert "DAN" not in headline and "BERTEMU" not in headline


def test_token_route_refuses_acronyms_common_words_and_demonyms():
    found = _variants("Hasil SNMPTN diumumkan hari ini. Peserta SNMPTN bisa mengecek di laman resmi SNMPTN.",
                      "Panitia SNMPTN menyebut peserta yang gagal bisa ikut SBMPTN pada Mei.",
                      "Pameran Indonesian Contemporary Art digelar di Jakarta. Seniman dari Indonesia dan "
                      "Indonesia Timur ikut. Karya seniman Indonesia dipamerkan.",
                      "Harbolnas adalah ajang belanja online. Hari Belanja Online Nasional diikuti Lazada, "
                      "Blanja, dan Shopee. Pesta Belanja Online itu ramai.")
    values = [v for v, _ in found]
    assert not any("SBMPTN" in v or "Blanja" in v or "Indonesian Contemporary Art" in v for v in values), found
