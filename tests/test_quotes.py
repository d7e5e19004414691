"""Quote extraction: pairing marks over sentence breaks, speakers from cues, normalisation."""

from __future__ import annotations

from conftest import extracted_quotes as _quotes

from factcheck.extract import quotes

SEED_000 = (
    "Presiden Rusia Vladimir Putin bertemu pemimpin Korea Utara Kim Jong-un.\n"
    "\"Mereka (Korea Utara) hanya perlu jaminan tentang keamanan mereka. Hanya itu. Kita semua bersama-sama perlu "
    "berpikir tentang hal ini,\" kata Putin kepada wartawan pasca pertemuannya dengan Kim.\n"
    "\"Saya sangat yakin jika kita sampai ke situasi jaminan keamanan yang diperlukan dari satu pihak. Setiap "
    "perjanjian antara dua negara tak akan cukup,\" jelas Putin.\n")


def test_multi_sentence_quote_is_one_fact_with_a_speaker_after_it():
    found = _quotes(SEED_000)
    assert [s for s, _ in found] == ["vladimir putin", "vladimir putin"]
    assert found[0][1] == ("mereka korea utara hanya perlu jaminan tentang keamanan mereka hanya itu kita semua "
                           "bersama sama perlu berpikir tentang hal ini")


def test_curly_quotes_and_speaker_from_the_previous_quote():
    text = ("Putin bertemu Kim di Vladivostok.\n"
            "“(Korea Utara) hanya perlu jaminan tentang keamanan mereka. Itu saja,” kata Putin kepada wartawan.\n"
            "“…Saya sangat yakin bahwa itu tidak akan mungkin dilakukan tanpa jaminan internasional.”\n")
    assert [s for s, _ in _quotes(text)] == ["putin", "putin"]


def test_pronoun_cue_takes_the_last_speaker():
    text = ("Vladimir Putin menyalahkan Amerika Serikat atas kebuntuan negosiasi nuklir.\n"
            "\"Kepemimpinan Korea Utara menunjukkan sikap konstruktif, tetapi negara seperti AS mengabaikan janji,\" "
            "sebutnya.\n")
    assert _quotes(text)[0][0] == "vladimir putin"


def test_speaker_before_the_quote_and_english_tokenised_quotes():
    text = ("Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People.\n"
            "`` We appreciate your respect to her and her family's privacy at this time, '' the 33-year-old "
            "actress's rep Jack Ketsoyan told the magazine.\n"
            "Ketsoyan added: \"She is doing well and thanks her fans for their support.\"\n")
    found = _quotes(text, "en")
    assert found == [("jack ketsoyan", "we appreciate your respect to her and her familys privacy at this time"),
                     ("jack ketsoyan", "she is doing well and thanks her fans for their support")]


def test_short_and_title_quotes_are_not_statements():
    text = ("Putin menggambarkan Kim sebagai “cukup terbuka” dan “bijaksana”.\n"
            "Mereka menonton lagu “The Great Commander” bersama.\n")
    assert _quotes(text) == []


def test_normalisation_ignores_marks_case_and_contractions():
    assert quotes.normalise_quote("“Torches and pitchforks aren’t going to be necessary!”") == \
        quotes.normalise_quote("\"torches and pitchforks are not going to be necessary,\"")
    assert quotes.spoken("Mereka (Korea Utara) hanya perlu jaminan") == "mereka hanya perlu jaminan"
