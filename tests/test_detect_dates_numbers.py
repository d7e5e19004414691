"""The real CLI, real embedding model, on labelled fixtures and the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import compare_json

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PREFIXES = ("date_", "weekday_", "number_")
CASES = sorted(p.name for p in FIXTURES.iterdir()
               if p.is_dir() and p.name.startswith(PREFIXES) and (p / "expected.json").is_file())


def run_cli(path: Path) -> dict:
    """``compare PATH --format json --quiet``: the real CLI in this process, once a session per folder."""
    return compare_json(path)


def matches(finding: dict, want: dict) -> bool:
    values = {e["value"] for e in finding["evidence"]}
    return (finding["kind"] == want["kind"] and set(want.get("values", ())) <= values
            and all(finding.get(key) == want[key] for key in ("majority", "severity") if key in want))


def test_fixture_cases_cover_every_kind_in_both_languages():
    for kind in PREFIXES:
        for lang in ("_id", "_en"):
            assert any(c.startswith(kind) and c.endswith(lang) for c in CASES), (kind, lang)


@pytest.mark.parametrize("case", CASES)
def test_fixture(case: str):
    report = run_cli(FIXTURES / case)
    expected = json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8"))
    found = report["findings"]
    for want in expected["findings"]:
        assert any(matches(f, want) for f in found), (want, found)
    for banned in expected.get("must_not", []):
        assert not any(matches(f, banned) for f in found), (banned, found)
    for finding in found:
        for ev in finding["evidence"]:
            start, end = ev["span"]
            assert ev["start"] <= start < end <= ev["end"]


def test_seeds_date_slips():
    """Seed 004 writes ``Rabu 29 Juni 2024`` for the ``Rabu 19 Juni 2024`` visit; 002 says Rabu and Kamis."""
    report = run_cli(ROOT / "seeds")
    mine = [f for f in report["findings"] if f["kind"] in ("date_conflict", "weekday_mismatch")]
    mismatch = [f for f in mine if f["kind"] == "weekday_mismatch"]
    assert [sorted(e["value"] for e in f["evidence"]) for f in mismatch] == [["2024-06-29"]]
    assert mismatch[0]["evidence"][0]["document"].startswith("004")
    conflicts = {tuple(sorted(e["value"] for e in f["evidence"])) for f in mine if f["kind"] == "date_conflict"}
    assert ("2024-06-19", "2024-06-29") in conflicts
    assert ("Thursday", "Wednesday") in conflicts
    assert all(f["claim"] is None for f in mine if f["evidence"][0]["document"].startswith("004"))
    assert not any("2023-09-13" in {e["value"] for e in f["evidence"]} for f in mine)


def test_majority_needs_three_documents_and_a_strict_winner():
    from factcheck.detect._common import majority

    assert majority({"a": "x", "b": "x", "c": "y"}) == ("x", ["c"])
    assert majority({"a": "x", "b": "y"}) == (None, [])
    assert majority({"a": "x", "b": "y", "c": "z"}) == (None, [])


# ---- detectors on hand-built coarse claims (no model: the aligner's output is given) ---------

def _context(docs: dict[str, list[str]], published=None):
    """Documents of the given sentences and ONE claim holding every sentence of every document.

    That is the shape the aligner gives on purpose (coarse, event-level claims):
    the detectors must find the counterpart sentence themselves.
    """
    from datetime import date

    from factcheck.extract import extract_facts
    from factcheck.model import Claim, ClaimMember, Document, Event, Sentence
    from factcheck.registry import EventContext

    published = published or date(2017, 6, 20)
    documents, members = {}, []
    for doc_id, sentences in docs.items():
        source, spans = "", []
        for text in sentences:
            spans.append((len(source), len(source) + len(text)))
            source += text + " "
        doc = Document(id=doc_id, path=doc_id, source=source, outlet=doc_id, published=published, language="id")
        doc.sentences = [Sentence(doc_id, i, s, e, source[s:e]) for i, (s, e) in enumerate(spans)]
        doc.facts = extract_facts(doc)
        documents[doc_id] = doc
        members += [ClaimMember(doc_id, s.index, s.start, s.end, s.text) for s in doc.sentences]
    return EventContext(Event("E1", sorted(documents)), documents, [Claim("C1", "E1", 0.8, members)])


def _values(findings, kind):
    return sorted(tuple(sorted(e.value for e in f.evidence)) for f in findings if f.kind == kind)


KEBAB = [
    "Daging domba dibalut adonan garam lalu dipanggang selama 8 jam di dalam tungku tanah liat.",
    "Kegunaan lapisan adonan garam itu adalah untuk menahan panas di dalam daging.",
    "Untuk porsi kecil, daging cukup dipanggang sekitar empat jam saja.",
]


def test_number_conflict_found_in_a_coarse_claim():
    """IndoSum: ``dipanggang selama 8 jam`` vs ``9 jam`` while the claim also holds ``sekitar empat jam``."""
    from factcheck.detect.numbers import NumberConflicts

    changed = [KEBAB[0].replace("8 jam", "9 jam")] + KEBAB[1:]
    found = NumberConflicts()(_context({"a": KEBAB, "b": KEBAB[::-1], "c": changed}))
    assert _values(found, "number_conflict") == [("480 minute", "480 minute", "540 minute")]
    assert found[0].majority == "480 minute" and found[0].outliers == ["c"]


def test_two_amounts_of_one_unit_are_paired_by_their_neighbouring_words():
    """IndoSum: a sum and an exchange rate, both in rupiah, in one sentence."""
    from factcheck.detect.numbers import NumberConflicts

    s = ("Bank Dunia menyetujui pendanaan sebesar US$ 450 juta atau setara dengan Rp 5,85 triliun "
         "(asumsi kurs Rp 13.000 per dolar AS) untuk perumahan.")
    found = NumberConflicts()(_context({"a": [s], "b": [s.replace("5,85", "5,88")]}))
    assert _values(found, "number_conflict") == [("5850000000000 IDR", "5880000000000 IDR")]


SNMPTN = [
    "Rabu, 26 April 2017 ini akan menjadi hari yang paling ditunggu oleh calon mahasiswa yang ikut "
    "Seleksi Nasional Masuk Perguruan Tinggi Negeri (SNMPTN) tahun 2017.",
    "Pengumuman hasil seleksi dapat dilihat calon mahasiswa di laman resmi panitia mulai siang ini.",
    "Sementara itu, pendaftaran Seleksi Bersama Masuk Perguruan Tinggi Negeri (SBMPTN) akan ditutup "
    "pada 16 Mei 2017.",
]


def test_date_conflict_found_in_a_coarse_claim():
    from factcheck.detect.dates import DateConflicts

    changed = [SNMPTN[0].replace("Rabu, 26 April", "Kamis, 27 April")] + SNMPTN[1:]
    found = DateConflicts()(_context({"a": SNMPTN, "b": SNMPTN[::-1], "c": changed}))
    days = [v for v in _values(found, "date_conflict") if "2017-04-27" in v]
    assert days == [("2017-04-26", "2017-04-26", "2017-04-27")]
    assert not any("2017-05-16" in v for v in _values(found, "date_conflict"))


def test_clean_coarse_claim_gives_no_date_or_number_findings():
    from factcheck.detect.dates import DateConflicts
    from factcheck.detect.numbers import NumberConflicts

    context = _context({"a": SNMPTN + KEBAB, "b": (KEBAB + SNMPTN)[::-1], "c": SNMPTN[1:] + KEBAB[:2]})
    assert DateConflicts()(context) == [] and NumberConflicts()(context) == []


def test_a_wrong_weekday_matching_another_date_is_not_a_date_conflict():
    """IndoSum: ``Jumat (4/11)`` is right; an outlet's ``Jumat (28/11)`` (a Monday) is a different
    occasion, reported as a weekday_mismatch only, not as two dates for one occasion."""
    from datetime import date

    from factcheck.detect.dates import DateConflicts
    from factcheck.detect.weekdays import WeekdayMismatches

    doc = [
        '"Pimpinannya, Abu Nusaibah membagi dua kelompoknya," kata Boy di Jakarta, mengutip Antara, Jumat (28/11).',
        "Dia menjelaskan, Jumat (4/11) malam itu, setelah terjadi bentrok antara massa aksi dengan aparat "
        "keamanan di Istana Negara, Abu Nusaibah memerintahkan kelompoknya berkumpul di Masjid Al Fatah.",
    ]
    context = _context({"a": doc}, published=date(2016, 11, 29))
    assert DateConflicts()(context) == []
    assert _values(WeekdayMismatches()(context), "weekday_mismatch") == [("2016-11-28",)]


def test_one_digit_slip_in_unrelated_sentences_is_not_a_date_conflict():
    """IndoSum: ``Selasa (11/7/2017)`` (Cole arrives) and ``Selasa (12/7)`` (a match): 11 vs 12 looks
    like a typo, but the sentences share nothing about the occasion."""
    from datetime import date

    from factcheck.detect.dates import DateConflicts

    doc = ["Barulah, pada Selasa (11/7/2017) lalu, Cole tiba di Kota Kembang.",
           "Terakhir, namanya menghilang dari skuat saat bermain imbang melawan Persela Lamongan di Stadion "
           "Gelora Bandung Lautan Api pada Selasa (12/7) malam."]
    assert DateConflicts()(_context({"a": doc}, published=date(2017, 7, 14))) == []


def test_round_figure_absorbs_only_its_rounding_unit():
    from factcheck.link.values import rounds_to as _rounds_to

    assert _rounds_to(1512, 1500) and _rounds_to(1_512_000, 1_500_000) and _rounds_to(2_040_000, 2_000_000)
    assert not _rounds_to(140, 100) and not _rounds_to(250, 200) and not _rounds_to(1600, 1500)
    assert not _rounds_to(1800, 1500)  # both round: a misreport, not a rounding


def test_items_of_a_series_are_not_one_statement():
    """IndoSum: each outlet dropped the other's sentence; alike but for ``pertama``/``terakhir``."""
    from factcheck.detect.numbers import NumberConflicts

    found = NumberConflicts()(_context({
        "a": ["Sesi pertama berjarak 2 minggu dari sesi kedua."],
        "b": ["Dan sesi kedua berjarak 1 bulan dari sesi yang terakhir."]}))
    assert found == []


def test_rows_of_a_results_table_pair_with_their_own_row():
    """IndoSum MotoGP: outlets keep different rows; a row is never compared with another rider's."""
    from factcheck.detect.numbers import NumberConflicts

    rows = ["Andrea Iannone ITA Suzuki Ecstar (GSX - RR) 1 m 28.937s + 0.551s [3/8] 338km / h5.",
            "Alex Rins ESP Suzuki Ecstar (GSX - RR) * 1 m 29.824s 335km / h14.",
            "Scott Redding GBR Octo Pramac (GP16) 1 m 30.806s 330km / h21.",
            "Danilo Petrucci ITA Octo Pramac (GP17) 1 m 30.471s 338km / h19."]
    assert NumberConflicts()(_context({"a": [rows[0], rows[2]], "b": [rows[1], rows[3]]})) == []
    found = NumberConflicts()(_context({"a": rows, "b": [rows[0].replace("338km", "336km")] + rows[1:]}))
    assert _values(found, "number_conflict") == [("336 km/h", "338 km/h")]


def test_dates_of_several_levels_in_one_sentence_are_compared_level_by_level():
    """IndoSum: ``Sejak 2015 hingga Juli 2017 … Rabu (16/8/2017)``, printed alike by two outlets."""
    from factcheck.detect.dates import DateConflicts

    s = ("“Sejak 2015 hingga Juli 2017, Indonesia telah memverifikasi sebanyak 2.590 pulau bernama,” "
         "kata Brahmantya dalam keterangan tertulis, Rabu (16/8/2017).")
    other = "Indonesia mendaftarkan 16.056 pulau bernama ke PBB pada konferensi ke-11 UNCSGN."
    assert DateConflicts()(_context({"a": [s, other], "b": [other, s]})) == []
    found = DateConflicts()(_context({"a": [s, other], "b": [other, s.replace("2015", "2014")]}))
    assert _values(found, "date_conflict") == [("2014", "2015")]
