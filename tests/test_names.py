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
