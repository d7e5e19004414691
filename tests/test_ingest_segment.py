"""Ingest and segmentation on the real seed articles and on hand-made files of every format."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import SEEDS

from factcheck.ingest import load_documents
from factcheck.segment import segment, split_block

CHROME = ("Baca juga", "SHARE", "Bagikan", "Penulis", "Terpopuler", "Populer", "HOME", "Selengkapnya",
          "Sabtu, 20 Desember 2025", "LAPORAN:", "Oleh Noor")


@pytest.fixture(scope="module")
def seeds():
    documents, warnings = load_documents([SEEDS])
    for document in documents:
        document.sentences = segment(document)
    return {d.id[:3]: d for d in documents}, warnings


def test_seed_offsets_point_into_the_source(seeds):
    documents, warnings = seeds
    assert warnings == []
    for document in documents.values():
        source = (SEEDS / f"{document.id}.txt").read_text(encoding="utf-8")
        assert document.source == source
        for sentence in document.sentences:
            assert source[sentence.start:sentence.end] == sentence.text


def test_page_chrome_never_becomes_a_sentence(seeds):
    documents, _ = seeds
    for document in documents.values():
        for sentence in document.sentences:
            assert not sentence.text.startswith(CHROME), sentence.text
    assert not any("Bekasi" in s.text for s in documents["003"].sentences), "the Populer list leaked"
    assert not any(s.text.endswith("bertemu/Net") for s in documents["003"].sentences), "a photo caption"


@pytest.mark.parametrize("line, chrome", [
    ("Putin dan Kim bertemu/Net", True),
    ("Presiden Jokowi di Istana Bogor/Antara Foto", True),
    ("Rescue workers at the scene/Reuters", True),
    ("Banjir merendam jalur kereta Jakarta/Bogor sejak pagi", False),  # a place, not a photo credit
    ("Polisi menutup jalan itu/Net.", False),  # a sentence ends with its punctuation
])
def test_photo_captions_with_a_credit_are_chrome(line: str, chrome: bool) -> None:
    from factcheck.ingest.chrome import Line, is_chrome_line

    assert is_chrome_line(Line(0, len(line), line)) is chrome


def test_metadata_is_read_from_the_article(seeds):
    documents, _ = seeds
    assert documents["000"].outlet == "pantau.com"
    assert documents["004"].outlet == "fin.co.id"
    assert documents["003"].published == date(2019, 4, 25)
    assert documents["004"].published == date(2024, 6, 19)
    assert documents["003"].title.startswith("Pertemuan Kim Jong Un Dan Vladimir Putin")
    assert {d.language for d in documents.values()} == {"id"}


def test_repeated_headline_is_kept_once(seeds):
    documents, _ = seeds
    titles = [s for s in documents["000"].sentences if s.text.startswith("Putin: Jaminan Kemanan")]
    assert len(titles) == 1 and titles[0].is_title


@pytest.mark.parametrize("text", [
    "Putin tiba di Vladivostok, seperti dilansir Reuters, Senin (29/4/2019).",
    "Harga naik menjadi Rp 1,5 juta per bulan di Jl. Sudirman, kata dr. Andi.",
    "Superior Court Judge James R. Dabney agreed in the hearing that Lohan should remain.",
    '"Mereka hanya perlu jaminan. Hanya itu. Kita semua perlu berpikir," kata Putin.',
    "The U.S. economy grew 2.5 percent, officials said at 10 a.m. Monday.",
])
def test_segmenter_does_not_break_inside(text):
    assert split_block(text) == [(0, len(text))]


def test_segmenter_splits_ordinary_sentences():
    text = 'Putin tiba pada Rabu. Kim menyusul sehari kemudian! "Kami siap," katanya.'
    pieces = [text[s:e] for s, e in split_block(text)]
    assert pieces == ["Putin tiba pada Rabu.", "Kim menyusul sehari kemudian!", '"Kami siap," katanya.']


def test_html_json_jsonl_and_legacy_encodings(tmp_path: Path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Quake hits island | Daily</title>"
        '<meta property="og:site_name" content="Daily News">'
        '<meta property="article:published_time" content="2024-05-02T08:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Quake hits island</h1>"
        "<p>A 5.6 magnitude earthquake hit Qeshm island on Sunday, injuring five people &amp; damaging homes.</p>"
        "<p>Rescue teams reached the villages within two hours, officials said.</p></article>"
        "<footer>Share on Facebook</footer></body></html>", encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"title": "Gempa", "outlet": "kompas.com", "published": "2024-05-02",
                                                   "text": "Gempa bermagnitudo 5,6 mengguncang Pulau Qeshm pada Minggu."}))
    (tmp_path / "many.jsonl").write_text("\n".join(json.dumps({"id": f"a{i}", "source": "detik", "text": f"Berita nomor {i} tentang gempa di Qeshm."})
                                                  for i in range(2)))
    (tmp_path / "old.txt").write_bytes("Déjà vu à Paris : le café était fermé le lundi, a déclaré le maire.".encode("cp1252"))
    documents, warnings = load_documents([tmp_path])
    by_id = {d.id: d for d in documents}
    assert set(by_id) == {"page", "one", "a0", "a1", "old"}
    page = by_id["page"]
    assert page.title == "Quake hits island" and page.published == date(2024, 5, 2)
    assert "&" in page.source and "Share on Facebook" not in page.source
    assert by_id["one"].outlet == "kompas.com" and by_id["a0"].outlet == "detik"
    assert "café" in by_id["old"].source
    assert any("old.txt" in w and "not UTF-8" in w for w in warnings)


def test_bad_files_are_skipped_with_a_warning(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Putin bertemu Kim di Vladivostok pada Kamis, 25 April 2019.")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "empty.md").write_text("   \n")
    documents, warnings = load_documents([tmp_path])
    assert [d.id for d in documents] == ["good"]
    assert len(warnings) == 3 and all("skipped" in w for w in warnings)


@pytest.mark.parametrize("stamp, language, expected", [
    ("KAMIS, 25 APRIL 2019 | 23:44 WIB | LAPORAN: AMELIA FITRIANI", "id", date(2019, 4, 25)),
    ("fin.co.id - 19/06/2024, 09:48 WIB", "id", date(2024, 6, 19)),
    ("11/30/09 05: 40 PM ET", "en", date(2009, 11, 30)),
    ("PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM", "en", date(2013, 5, 2)),
    ("Fri., May. 3, 2013 11: 45 AM PDT", "en", date(2013, 5, 3)),
    ("May 3rd, 2013 2: 00pm EDT", "en", date(2013, 5, 3)),
    ("Senin, 22 Desember 2025 | 17:10", "id", date(2025, 12, 22)),
])
def test_publication_stamps(stamp, language, expected):
    from factcheck.ingest.metadata import parse_date

    assert parse_date(stamp, language) == expected


def test_wire_headline_shared_by_two_outlets_stays_news(tmp_path: Path):
    """A headline below a URL line or a stamp is still a headline, not site template."""
    headline = "Lawyer: Lindsay Lohan checks into rehab facility"
    (tmp_path / "a.txt").write_text(f"http://music.example.com/news/lohan-rehab.html\n{headline}\nMay 2, 2013 12:50 PM\n"
                                    "Lindsay Lohan has checked into a rehab facility, her lawyer said.\nShare this\n")
    (tmp_path / "b.txt").write_text(f"http://www.example.org/lohan/\nMay 2, 2013, 1:12 PM\n{headline}\n"
                                    "Lindsay Lohan's attorney said Thursday the actress checked into rehab.\nShare this\n")
    documents, _ = load_documents([tmp_path])
    for document in documents:
        texts = [s.text for s in segment(document)]
        assert texts[0] == headline
        assert "Share this" not in texts
