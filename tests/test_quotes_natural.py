"""quote_drift on real-style news: shortening never fires, changed words do, speakers and languages
keep quotes apart.

The sorts a fact-checker met in the tool's quote findings on real English and Indonesian news
each have a case: a quote another outlet only shortened (its last sentence dropped, words elided
with "…", a contiguous part) flagged as drift; quotes missed because they run over several lines,
use single quotes or tokenised ````…''`` marks, or name their speaker by a pronoun or a title run;
two speakers' similar words paired; a translation compared. Everything runs through the real
extractor and detector, and the pipeline cases through ``factcheck.compare`` on the bundled model.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import extracted_quotes, text_document

from factcheck import compare
from factcheck.detect.quotes import QuoteDriftDetector
from factcheck.extract import names, quotes
from factcheck.model import Finding
from factcheck.registry import EventContext

# ---------------------------------------------------------------- helpers




def _detect(*texts: str, language: str = "en") -> list[Finding]:
    """The real extractors and the quote detector on one event made of ``texts``."""
    documents = {}
    for i, text in enumerate(texts):
        document = text_document(text, language, f"d{i}", outlet=f"d{i}")
        document.facts = sorted([*names.document_names(document),
                                 *(f for s in document.sentences for f in quotes.extract(s, document))],
                                key=lambda f: (f.start, f.end))
        documents[document.id] = document
    return QuoteDriftDetector()(EventContext(event=None, documents=documents, claims=[]))


def _compare(tmp_path: Path, articles: list[tuple[str, str, str]]) -> list[Finding]:
    """The real pipeline (bundled model) on a folder of JSON articles (outlet, language, text)."""
    for i, (outlet, language, text) in enumerate(articles, 1):
        record = {"title": TITLES[language], "outlet": outlet, "published": "2023-03-07", "language": language,
                  "text": text}
        (tmp_path / f"{i}_{outlet.split('.')[0]}.json").write_text(json.dumps(record, ensure_ascii=False),
                                                                   encoding="utf-8")
    report = compare([tmp_path])
    assert len(report.events) == 1, [e.documents for e in report.events]
    return [f for f in report.findings if f.kind == "quote_drift"]


TITLES = {"en": "Fire destroys Leeds furniture warehouse", "id": "Menteri targetkan rumah korban gempa selesai"}

FIRE = ("A fire destroyed a furniture warehouse in Leeds on Tuesday night, forcing dozens of residents to leave "
        "their homes. Firefighters from West Yorkshire battled the blaze for six hours before bringing it under "
        "control.\n{quote}\nNo injuries were reported, and the cause of the fire is under investigation.")
GEMPA = ("Menteri Pekerjaan Umum dan Perumahan Rakyat Basuki Hadimuljono meninjau pembangunan rumah bagi korban "
         "gempa di Cianjur, Jawa Barat, Selasa (7/3/2023). Ratusan rumah tahan gempa sedang dibangun di lahan "
         "relokasi.\n{quote}\nWarga berharap rumah itu bisa segera ditempati sebelum Lebaran.")


def _fire(quote: str) -> str:
    return FIRE.format(quote=quote)


def _gempa(quote: str) -> str:
    return GEMPA.format(quote=quote)


# ---------------------------------------------------------------- extraction


def test_a_quote_over_several_lines_of_tokenised_text_is_one_quote_with_its_speaker_after_it():
    text = ("Actress Tara Reid spoke to People magazine in October.\n"
            "`` I've done enough of everything for a lifetime!\n"
            "I partied.\n"
            "I had fun.\n"
            "I don't need to do any of that anymore, '' she told the magazine.\n"
            "`` Right now there's no indication that we have any connection there.\n"
            "We just don't have any leads at all, '' Fire Chief James Steele said.\n")
    found = extracted_quotes(text, "en")
    assert found == [
        ("tara reid", "i have done enough of everything for a lifetime i partied i had fun i do not need to do any of "
                  "that anymore"),
        ("james steele", "right now theres no indication that we have any connection there we just do not have any "
                         "leads at all")]


def test_single_quotes_are_quotes_and_apostrophes_are_not():
    text = ("In an October interview, actress Tara Reid said her 'party girl ' days were over.\n"
            "'I've done it. Trust me. I don't need to do anything anymore, ' she told the magazine.\n"
            "The NYPD ’ s officers said the youths' anger was understandable.\n"
            "‘ The youth in this community have no outlets for their anger, ’ Jumaane Williams wrote.\n")
    found = extracted_quotes(text, "en")
    assert found == [("tara reid", "i have done it trust me i do not need to do anything anymore"),
                     ("jumaane williams", "the youth in this community have no outlets for their anger")]


def test_pronoun_cue_takes_the_last_named_person_not_an_organisation():
    text = ("German Chancellor Angela Merkel told the Bundestag that the EU needed new fiscal rules.\n"
            "\"The future of Europe and the future of Germany within Europe is at stake,\" she said.\n")
    assert extracted_quotes(text, "en") == [("angela merkel", "the future of europe and the future of germany within europe is "
                                               "at stake")]


def test_a_possessive_or_a_nameless_subject_is_not_the_speaker():
    text = ("Actress Tara Reid checked into rehab this week.\n"
            "\"Tara Reid has checked herself into Promises Treatment Center,\" Reid's rep told Us Weekly.\n"
            "\"This is a sad day for the Kraft Foods family,\" the company said in a statement.\n")
    assert [s for s, _ in extracted_quotes(text, "en")] == [None, None]


def test_the_last_name_of_a_title_run_after_the_verb_speaks():
    text = ("Officials defended the new rule on Thursday.\n"
            "\"Nothing in this regulation relieves a federal agency of its responsibilities,\" said Interior "
            "Secretary Dirk Kempthorne in a conference call.\n"
            "\"Within one minute or two, the whole roof was ablaze,\" said Palmer Public Safety Director Jon Owen.\n")
    assert [s for s, _ in extracted_quotes(text, "en")] == ["dirk kempthorne", "jon owen"]


def test_indonesian_cues_before_and_after_the_quote():
    text = ("Menteri Keuangan Sri Mulyani menghadiri rapat di Jakarta, Senin (6/3/2023).\n"
            "“Kita harus menjaga defisit tetap di bawah tiga persen,” ujar Sri Mulyani.\n"
            "Gubernur Bank Indonesia Perry Warjiyo juga hadir dalam rapat itu.\n"
            "\"Inflasi akan turun ke kisaran sasaran pada akhir tahun,\" ungkap Perry.\n"
            "Menurut Perry Warjiyo, \"nilai tukar rupiah masih stabil dan terkendali dengan baik.\"\n"
            "\"Kami terus memantau harga pangan di daerah,\" tuturnya.\n")
    assert [s for s, _ in extracted_quotes(text, "id")] == ["sri mulyani", "perry warjiyo", "perry warjiyo", "perry warjiyo"]


# ---------------------------------------------------------------- shortening is not drift

FULL = ("\"The fire spread very quickly through the building, which is almost completely destroyed. We are treating "
        "it as suspicious,\" fire chief Dave Walton said.")


def test_a_dropped_last_sentence_never_fires(tmp_path: Path):
    shorter = ("\"The fire spread very quickly through the building, which is almost completely destroyed,\" fire "
               "chief Dave Walton said.")
    assert _compare(tmp_path, [("bbc.co.uk", "en", _fire(FULL)), ("itv.com", "en", _fire(shorter)),
                               ("thetimes.co.uk", "en", _fire(FULL))]) == []


def test_an_elision_never_fires(tmp_path: Path):
    full = ("\"Kami menargetkan 500 rumah selesai tahun ini, dan seluruhnya dibangun dengan konstruksi tahan gempa "
            "sehingga langsung bisa dihuni masyarakat,\" ujar Basuki.")
    elided = "\"Kami menargetkan 500 rumah selesai tahun ini ... sehingga langsung bisa dihuni masyarakat,\" ujar Basuki."
    assert _compare(tmp_path, [("kompas.com", "id", _gempa(full)), ("detik.com", "id", _gempa(elided))]) == []


def test_a_contiguous_part_and_a_phrase_never_fire(tmp_path: Path):
    full = ("\"Kami menargetkan 500 rumah selesai tahun ini dan langsung bisa dihuni masyarakat,\" kata Basuki "
            "kepada wartawan.")
    part = "Basuki menegaskan, \"500 rumah selesai tahun ini.\""
    phrase = "Basuki mengatakan rumah itu \"langsung bisa dihuni masyarakat\" setelah selesai."
    assert _compare(tmp_path, [("kompas.com", "id", _gempa(full)), ("antaranews.com", "id", _gempa(part)),
                               ("tempo.co", "id", _gempa(phrase))]) == []


def test_spelling_number_formatting_and_editorial_brackets_never_fire():
    a = ("\"Police locked down the neighbourhood and the suspect gave himself up just after 6 p.m. on Friday,\" "
         "Inspector Tim Fanning said.")
    b = ("\"Police locked down the neighborhood and the suspect [Kirkpatrick] gave himself up just after 6:00 p.m. "
         "on Friday,\" Inspector Tim Fanning said.")
    assert _detect(a, b) == []


def test_a_run_of_words_left_out_is_a_shortening_but_one_word_is_a_change():
    full = "\"That person is dangerous and needs to be found as soon as possible,\" Sheriff Ron Hastings said."
    shortened = "\"That person needs to be found as soon as possible,\" Sheriff Ron Hastings said."
    one_word = "\"That person is dangerous and needs to be found as soon as it is possible,\" Sheriff Ron Hastings said."
    assert _detect(full, shortened) == []
    assert len(_detect(full, one_word)) == 1


# ---------------------------------------------------------------- changed words are drift


def test_a_changed_word_fires_with_the_sentence_that_holds_it(tmp_path: Path):
    two_paragraphs = ("\"The fire spread very quickly through the building, which is almost completely destroyed.\n"
                      "\"We are treating it as {word},\" fire chief Dave Walton said.")
    found = _compare(tmp_path, [("bbc.co.uk", "en", _fire(two_paragraphs.format(word="suspicious"))),
                                ("itv.com", "en", _fire(two_paragraphs.format(word="deliberate"))),
                                ("thetimes.co.uk", "en", _fire(two_paragraphs.format(word="suspicious")))])
    assert len(found) == 1
    finding = found[0]
    assert finding.severity == "low"
    assert {e.text.split(",")[0] for e in finding.evidence} == {"\"We are treating it as suspicious",
                                                               "\"We are treating it as deliberate"}
    assert finding.outliers == ["2_itv"]
    assert "Dave Walton" in finding.summary and "'suspicious' → 'deliberate'" in finding.summary
    assert all(e.value.startswith("the fire spread very quickly") for e in finding.evidence)


def test_a_changed_number_or_negation_is_medium_and_surer_than_a_changed_function_word(tmp_path: Path):
    quote = "\"Kami menargetkan {n} rumah selesai tahun ini dan langsung bisa dihuni {who},\" ujar Basuki."
    found = _compare(tmp_path, [("kompas.com", "id", _gempa(quote.format(n=500, who="masyarakat"))),
                                ("detik.com", "id", _gempa(quote.format(n=300, who="masyarakat")))])
    assert [(f.severity, "'500' → '300'" in f.summary) for f in found] == [("medium", True)]
    negated = _detect(FULL, FULL.replace("We are treating", "We are not treating"))
    reworded = _detect(FULL, FULL.replace("through the building", "through this building"))
    assert [f.severity for f in negated] == ["medium"] and [f.severity for f in reworded] == ["low"]
    assert found[0].confidence > reworded[0].confidence and negated[0].confidence > reworded[0].confidence


def test_a_sentence_cut_short_with_a_full_stop_is_a_change():
    a = "\"The youth in this community have no outlets for their anger, no community.\" Councilman Jumaane Williams wrote."
    b = ("\"The youth in this community have no outlets for their anger, no community center.\" Councilman Jumaane "
         "Williams wrote.")
    found = _detect(a, b)
    assert len(found) == 1 and "'center' added" in found[0].summary


# ---------------------------------------------------------------- what never pairs


def test_a_different_speaker_with_similar_words_never_pairs(tmp_path: Path):
    owner = "\"We will rebuild the warehouse and keep every single job in Leeds,\" owner Sarah Collins said."
    council = "\"We will rebuild the warehouse and keep every single worker in Leeds,\" council leader James Lewis said."
    assert _compare(tmp_path, [("bbc.co.uk", "en", _fire(owner)), ("itv.com", "en", _fire(council))]) == []


def test_a_translation_never_pairs(tmp_path: Path):
    english = ("\"We are targeting 500 houses to be finished this year so residents can move in straight away,\" "
               "Basuki told reporters.")
    indonesian = "\"Kami menargetkan 500 rumah selesai tahun ini dan langsung bisa dihuni masyarakat,\" ujar Basuki."
    english_article = ("Public Works Minister Basuki Hadimuljono inspected the construction of houses for earthquake "
                       "victims in Cianjur, West Java, on Tuesday. Hundreds of quake-resistant houses are being built "
                       "on relocation land.\n" + english + "\nResidents hope to move in before Eid.")
    (tmp_path / "both").mkdir()
    (tmp_path / "one").mkdir()
    assert _compare(tmp_path / "one", [("kompas.com", "id", _gempa(indonesian)),
                                       ("jakartapost.com", "en", english_article)]) == []
    # the same event still finds a drift between two Indonesian outlets, next to the English one
    found = _compare(tmp_path / "both", [("kompas.com", "id", _gempa(indonesian)),
                                         ("jakartapost.com", "en", english_article),
                                         ("detik.com", "id", _gempa(indonesian.replace("500", "300")))])
    assert [{e.document for e in f.evidence} for f in found] == [{"1_kompas", "3_detik"}]
