"""The fact layer: typed values, the fitted link model, and findings across claims and short articles.

Runs the real pipeline (real bundled embedding model) on small real-style articles written
to a temporary folder, and the typed-value layer on real extracted facts.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import factcheck_in_process as run_cli

from factcheck import compare
from factcheck.link.features import FEATURES
from factcheck.link.model import load
from factcheck.link.values import date_span, days_apart, quantities_agree, quantity
from factcheck.model import Fact, Quantity

ROOT = Path(__file__).resolve().parent.parent


def _write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _kinds(folder: Path) -> list[tuple[str, str]]:
    report = compare([folder], cache=False)
    return [(f.kind, f.summary) for f in report.findings]


def test_one_sentence_articles_give_a_date_conflict(tmp_path: Path) -> None:
    folder = _write(tmp_path / "quake", {
        "1.txt": "Gempa di Cianjur\n\nGempa terjadi pada 12 Maret 2021.\n",
        "2.txt": "Gempa Cianjur\n\nGempa terjadi pada 11 Maret 2021.\n"})
    found = _kinds(folder)
    assert [k for k, _ in found] == ["date_conflict"]
    assert "2021-03-11" in found[0][1] and "2021-03-12" in found[0][1]


def test_a_lower_bound_agrees_with_a_value_above_it(tmp_path: Path) -> None:
    folder = _write(tmp_path / "flood", {
        "1.txt": "Banjir Demak\n\nLebih dari 20 desa terendam banjir di Demak.\n",
        "2.txt": "Banjir di Demak\n\nSebanyak 24 desa terendam banjir di Demak.\n"})
    assert _kinds(folder) == []


def test_an_upper_bound_below_the_value_is_a_number_conflict(tmp_path: Path) -> None:
    folder = _write(tmp_path / "vote", {
        "1.txt": "Pilkada\n\nKurang dari 500 ribu pemilih datang ke TPS.\n",
        "2.txt": "Pilkada kota\n\nSebanyak 612.400 pemilih datang ke TPS.\n"})
    found = _kinds(folder)
    assert [k for k, _ in found] == ["number_conflict"]
    assert "pemilih" in found[0][1]


def test_items_of_a_series_in_two_articles_are_not_one_quantity(tmp_path: Path) -> None:
    folder = _write(tmp_path / "race", {
        "1.txt": "Race report\n\nIn the win on Sunday, Charles rushed for 226 yards.\n",
        "2.txt": "Chiefs win\n\nIn the win on Sunday, Hillis rushed for 101 yards.\n"})
    assert [k for k, _ in _kinds(folder) if k == "number_conflict"] == []


def test_a_value_in_a_relative_clause_is_about_the_name_the_clause_hangs_on(tmp_path: Path) -> None:
    """ECB+ 22: "Dorsey's been at the plant for 37 years" and "Dough mixer Andy Ryan, who has worked at
    the plant for nearly 30 years" are two workers, not one figure told two ways: the value's subject is
    the name its relative clause hangs on, however many words before it."""
    from factcheck.link.features import other_subject, side
    from factcheck.pipeline import analyse

    folder = _write(tmp_path / "plant", {
        "1.txt": "Plant shooting\n\nDorsey's been at the plant for 37 years and worked on the third floor "
                 "with the three victims.\n\nWorker Pat Dorsey said the shots came from the break room.\n",
        "2.txt": "Shooting at the plant\n\nDough mixer Andy Ryan, who has worked at the plant for nearly 30 "
                 "years, said he was on the third floor when the sound of the shots echoed through the building.\n"})
    analysis = analyse([folder], cache=False)
    sides = {}
    for document in analysis.documents:
        for fact in document.facts:
            if fact.text in ("37 years", "30 years"):
                sides[fact.text] = side(fact, document, None)
    assert sides["30 years"].subject == "ryan"
    assert other_subject(sides["37 years"], sides["30 years"])


def _fact(value: float, unit: str, **attrs: object) -> Fact:
    return Fact("number", value, f"{value} {unit}", 0, 1, "d", 0, {"unit": unit, **attrs})


def test_quantities_are_typed_intervals_in_base_units() -> None:
    km = quantity(_fact(25, "km", bound="max", approx="less than"))
    assert isinstance(km, Quantity)
    assert (km.dimension, km.unit, km.low, km.high, km.bound) == ("length", "m", 0.0, 25000.0, "max")
    miles = quantity(_fact(15, "mile"))
    assert miles is not None and miles.unit == "m" and abs(miles.value - 24140.16) < 0.01
    count = quantity(_fact(20, "desa", bound="min"))
    assert count is not None and (count.dimension, count.unit, count.low) == ("count", "desa", 20.0)
    assert count.high == float("inf")


def test_unit_conversion_and_hedges_decide_agreement() -> None:
    assert quantities_agree(_fact(25, "km"), _fact(15, "mile"))           # a conversion, rounded
    assert not quantities_agree(_fact(25, "km"), _fact(10, "mile"))
    assert quantities_agree(_fact(25, "km", bound="max"), _fact(10, "mile"))  # "less than 25 km" vs "10 miles"
    assert quantities_agree(_fact(1500, "orang", bound="about"), _fact(1540, "orang"))  # its rounding unit
    assert not quantities_agree(_fact(1500, "orang", bound="about"), _fact(1580, "orang"))
    assert not quantities_agree(_fact(7, "person", bound="min"), _fact(6, "person", bound="min"))
    clock = {"dimension": "clock"}
    assert quantities_agree(_fact(20 * 60 + 40, "clock", bound="about", **clock), _fact(20 * 60 + 45, "clock", **clock))
    assert not quantities_agree(_fact(15 * 60, "clock", bound="about", **clock), _fact(15 * 60 + 10, "clock", **clock))
    assert not quantities_agree(_fact(12, "person"), _fact(15, "person"))


def test_deadlines_loose_units_ranges_and_parts_agree_or_stay_apart() -> None:
    """ECB+ look-alikes that are not disagreements: "by 6:40 a.m." / "by 7 a.m." (both deadlines can
    be right); "13 miles" / "13 nautical miles" (one figure, the unit written loosely); "as many as 40" /
    "as many as 35 to 40" (one upper bound). A different figure in those units is still compared."""
    clock = {"dimension": "clock", "bound": "max", "approx": "by"}
    assert quantities_agree(_fact(6 * 60 + 40, "clock", **clock), _fact(7 * 60, "clock", **clock))
    assert quantities_agree(_fact(13, "nmi", dimension="length"), _fact(13, "mile", dimension="length"))
    assert not quantities_agree(_fact(13, "nmi", dimension="length"), _fact(20, "mile", dimension="length"))
    assert quantities_agree(_fact(40, "firefighter", bound="max"), _fact(35, "firefighter", bound="max", low=35, high=40))
    assert not quantities_agree(_fact(40, "firefighter", bound="max"), _fact(30, "firefighter", bound="max"))


def test_a_part_of_a_count_is_compared_only_with_parts(tmp_path: Path) -> None:
    """"The two other victims" are the rest of the victims, not all of them: no conflict with "the
    three victims"; two outlets giving the rest differently still disagree."""
    folder = _write(tmp_path / "shooting", {
        "1.txt": "Shooting\n\nThe three victims were taken to Beaumont Hospital in Royal Oak on Friday.\n",
        "2.txt": "Shooting\n\nThe two other victims were taken to Beaumont Hospital in Royal Oak on Friday.\n"})
    assert [k for k, _ in _kinds(folder) if k == "number_conflict"] == []
    folder = _write(tmp_path / "rest", {
        "1.txt": "Shooting\n\nThe three other victims were taken to Beaumont Hospital in Royal Oak on Friday.\n",
        "2.txt": "Shooting\n\nThe two other victims were taken to Beaumont Hospital in Royal Oak on Friday.\n"})
    assert [k for k, _ in _kinds(folder) if k == "number_conflict"] == ["number_conflict"]


def test_the_bundled_link_model_is_fitted_on_the_current_features() -> None:
    raw = json.loads((ROOT / "factcheck" / "link" / "weights.json").read_text(encoding="utf-8"))
    assert raw["features"] == list(FEATURES)
    assert raw["fitted_on"]["pairs"] > 1000 and raw["cross_validated"]["folds"] >= 2
    model = load().family("number")
    assert 0.0 < model.report_bar <= model.high_bar <= 1.0 and load().family("date")
    close = [0.0] * len(FEATURES)
    far = list(close)
    far[FEATURES.index("value_gap")] = 1.0
    assert model.score(far) < model.score(close)  # values far apart are less likely one quantity


def test_a_model_fitted_on_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"features": ["x"], "families": {"number": {
        "weights": {"x": 1}, "bias": 0, "means": {"x": 0}, "scales": {"x": 1}, "report_bar": 0.5, "high_bar": 0.9}}}))
    from factcheck.errors import InputError
    with pytest.raises(InputError, match="refit"):
        load(str(path))


def test_documents_keep_offsets_for_every_linked_fact(tmp_path: Path) -> None:
    folder = _write(tmp_path / "boats", {
        "1.txt": "Pirates caught\n\nThe navy seized two boats and seven AK-47s off Somalia on Tuesday.\n",
        "2.txt": "Navy seizes pirates\n\nSailors seized three boats and seven AK-47s off Somalia on Tuesday.\n"})
    report = compare([folder], cache=False)
    numbers = [f for f in report.findings if f.kind == "number_conflict"]
    assert numbers, report.findings
    for finding in numbers:
        for evidence in finding.evidence:
            source = report.sources[evidence.document]
            assert source[evidence.start:evidence.end] == evidence.text
            assert evidence.start <= evidence.span[0] < evidence.span[1] <= evidence.end


def test_variant_filter_on_the_command_line() -> None:
    done = run_cli("compare", str(ROOT / "seeds"), "-q", "-f", "json", "--variant", "hyphenation")
    assert done.returncode == 0, done.stderr
    findings = json.loads(done.stdout)["findings"]
    assert findings and all(f["kind"] == "name_variant" and f["variant"] == "hyphenation" for f in findings)
    bad = run_cli("compare", str(ROOT / "seeds"), "-q", "--variant", "nonsense")
    assert bad.returncode == 2 and "unknown variant" in bad.stderr and "Traceback" not in bad.stderr




def test_dates_are_typed_intervals_at_their_granularity() -> None:
    month = Fact("date", "2021-02", "Februari 2021", 0, 1, "d", 0, {"granularity": "month", "relative": False})
    day = Fact("date", "2021-03-12", "12 Maret 2021", 0, 1, "d", 0, {"granularity": "day", "relative": False})
    weekday = Fact("weekday", 4, "Jumat", 0, 1, "d", 0, {"relative": True})
    span = date_span(month)
    assert span is not None and (span.start, span.end, span.granularity) == (date(2021, 2, 1), date(2021, 2, 28), "month")
    assert days_apart(month, day) == 12 and days_apart(day, day) == 0
    bare = date_span(weekday)
    assert bare is not None and bare.start is None and bare.weekday == 4 and days_apart(weekday, day) is None


def _article(folder: Path, name: str, published: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps({"title": "Banjir Demak", "outlet": name.split(".")[0],
                                           "published": published, "text": text}), encoding="utf-8")


def test_a_later_weeks_report_is_a_later_occasion_not_a_conflict(tmp_path: Path) -> None:
    first = "Banjir merendam 24 desa di Demak dan ribuan warga mengungsi ke balai desa."
    later = "Banjir merendam 31 desa di Demak dan ribuan warga mengungsi ke balai desa."
    same_day, week_apart = tmp_path / "same", tmp_path / "apart"
    _article(same_day, "a.json", "2021-03-12", first)
    _article(same_day, "b.json", "2021-03-12", later)
    _article(week_apart, "a.json", "2021-03-12", first)
    _article(week_apart, "b.json", "2021-03-19", later)
    assert [k for k, _ in _kinds(same_day)] == ["number_conflict"]
    assert [k for k, _ in _kinds(week_apart) if k == "number_conflict"] == []


def test_a_weekday_changed_in_a_copied_sentence_is_a_conflict_and_in_a_paraphrase_is_not(tmp_path: Path) -> None:
    """A bare weekday changed in a near copy of one statement is a disagreement whatever the link score; in a
    paraphrase it is usually another occasion (the day of the shooting, the day of the charge)."""
    lead = "Bomb kills two officers in Woodburn\n\n"
    tail = " The police chief was badly hurt. Investigators said the device had been left outside the branch.\n"
    copied = _write(tmp_path / "copied", {
        "a.txt": lead + "A bomb exploded at a bank in Woodburn, Oregon, on Friday, killing a police officer and a "
                        "bomb technician." + tail,
        "b.txt": lead + "A bomb exploded at a bank in Woodburn, Oregon, on Saturday, killing a police officer and a "
                        "bomb technician." + tail})
    assert [kind for kind, _ in _kinds(copied)] == ["date_conflict"]
    head = "Man charged over office party shooting\n\n"
    rest = " Police said the suspect had been fired from the firm.\n"
    paraphrased = _write(tmp_path / "paraphrased", {
        "a.txt": head + "A 61-year-old man was charged with first-degree murder Saturday after allegedly opening "
                        "fire at an office Christmas party in Vancouver, killing one man." + rest,
        "b.txt": head + "A man has been charged with first-degree murder after a shooting at an office Christmas "
                        "party in Vancouver Friday night that killed one man." + rest})
    assert _kinds(paraphrased) == []



def test_one_pair_of_values_told_by_several_outlets_is_one_finding(tmp_path: Path) -> None:
    """When one article gives both values inside a group of linked facts (so the group is not one
    quantity), clashing pairs stand alone; but the pairs of the same two values make one finding
    with every outlet's evidence, not one finding per pair of outlets. The real pipeline's links,
    with the one article's second value tied into the group."""
    import dataclasses

    from factcheck.detect._linked import linked_findings
    from factcheck.detect.numbers import WORDING
    from factcheck.link import links
    from factcheck.link.values import NUMBER_KINDS
    from factcheck.pipeline import analyse

    folder = _write(tmp_path / "pirates", {
        "1.txt": "Navy foils pirates\n\nThe navy seized 12 magazines from the pirates on Thursday.\n",
        "2.txt": "Pirates caught\n\nThe navy seized 31 magazines from the pirates on Thursday.\n",
        "3.txt": "Navy catches pirates\n\nThe navy seized 12 magazines from the pirates on Thursday.\n",
        "4.txt": "Pirate attack foiled\n\nThe navy seized 31 magazines from the pirates on Thursday. "
                 "In all, 12 magazines were found.\n"})
    context = analyse([folder], cache=False).contexts[0]
    scored = links(context, NUMBER_KINDS)
    facts = {(f.document, f.text): f for d in context.documents.values() for f in d.facts if f.kind == "number"}
    template = max(scored, key=lambda link: link.score)
    extra = dataclasses.replace(template, a=facts["2", "31 magazines"], b=facts["4", "12 magazines"], differ=True)
    found = linked_findings(context, [*scored, extra], WORDING)
    assert len(found) == 1, [f.summary for f in found]
    assert {e.document for e in found[0].evidence} >= {"1", "2", "3"}, found[0].summary


def _dated(doc_id: str, text: str, published: date):
    """One real document of one sentence, its facts extracted, published on ``published``."""
    from factcheck.extract import extract_facts
    from factcheck.model import Document, Sentence

    doc = Document(id=doc_id, path=doc_id, source=text, outlet=doc_id, published=published, language="id")
    doc.sentences = [Sentence(doc_id, 0, 0, len(text), text)]
    doc.facts = extract_facts(doc)
    return doc, next(f for f in doc.facts if f.kind in ("date", "weekday"))


def test_two_days_that_follow_their_articles_publication_are_two_days_news() -> None:
    """IndoSum: ``Selasa (22/8)`` in an article of 23 August and ``Kamis (24/8)`` in one of 24 August are a
    match and the next one, not one occasion dated two ways; articles of one day are never told apart so."""
    from factcheck.link.features import publication_step

    tuesday = _dated("a", "Timnas kalah dari Malaysia di Shah Alam, Selasa (22/8) malam.", date(2017, 8, 23))
    thursday = _dated("b", "Timnas menghadapi Kamboja di Shah Alam, Kamis (24/8).", date(2017, 8, 24))
    assert publication_step(tuesday[1], tuesday[0], thursday[1], thursday[0])
    assert publication_step(thursday[1], thursday[0], tuesday[1], tuesday[0])
    # The later article giving the earlier day, or a day long before its publication: no such step.
    backwards = _dated("c", "Timnas menghadapi Kamboja di Shah Alam, Senin (21/8).", date(2017, 8, 24))
    assert not publication_step(tuesday[1], tuesday[0], backwards[1], backwards[0])
    old = _dated("d", "Timnas menghadapi Kamboja di Shah Alam, Kamis (10/8).", date(2017, 8, 24))
    assert not publication_step(tuesday[1], tuesday[0], old[1], old[0])
    same_day = _dated("e", "Gempa terjadi pada 11 Maret 2021.", date(2021, 3, 12))
    other = _dated("f", "Gempa terjadi pada 12 Maret 2021.", date(2021, 3, 12))
    assert not publication_step(same_day[1], same_day[0], other[1], other[0])
    assert "publication_step" in FEATURES


def test_rows_of_a_series_in_one_article_are_not_two_dates_for_one_occasion(tmp_path: Path) -> None:
    """IndoSum: two clubs' Halloween parties on two days, and a year-on-year comparison, are alike
    sentences of one article that name other things or give other figures: rows, not a repeat."""
    folder = _write(tmp_path / "rows", {
        "a.txt": "Pesta Halloween di Jakarta\n\n"
                 "Kelab malam Bauhaus di Mega Kuningan juga menggelar pesta kostum Halloween pada 27 Oktober 2017. "
                 "Kelab malam Safe House di Mega Kuningan juga akan menggelar pesta kostum Halloween pada 28 Oktober "
                 "2017. Jumlah kendaraan yang menyeberang sebanyak 67.287 unit pada 2017 di pelabuhan Merak. "
                 "Jumlah kendaraan yang menyeberang sebanyak 62.033 unit pada 2016 di pelabuhan Merak.\n"})
    assert [k for k, _ in _kinds(folder) if k == "date_conflict"] == []
    repeat = _write(tmp_path / "repeat", {
        "a.txt": "Gempa di Cianjur\n\nGempa kuat mengguncang Cianjur pada 12 Maret 2021 dan merusak rumah warga. "
                 "Warga mengungsi ke balai desa. "
                 "Gempa kuat mengguncang Cianjur pada 11 Maret 2021 dan merusak rumah warga.\n"})
    assert [k for k, _ in _kinds(repeat)] == ["date_conflict"]


def test_a_value_far_from_its_name_is_still_about_that_name() -> None:
    """IndoSum retellings: two officials' sentences, each name seven words before its prison term, are two
    people's terms, not one term reported two ways: the value's subject is the nearest name before it
    anywhere in its sentence."""
    from factcheck.extract import extract_facts
    from factcheck.link.features import other_subject, side
    from factcheck.model import Document, Sentence

    def term(doc_id: str, text: str):
        doc = Document(id=doc_id, path=doc_id, source=text, outlet=doc_id, published=date(2016, 10, 25),
                       language="id")
        doc.sentences = [Sentence(doc_id, 0, 0, len(text), text)]
        doc.facts = extract_facts(doc)
        fact = next(f for f in doc.facts if f.kind == "duration" and "tahun" in f.text)
        made = side(fact, doc, None)
        assert made is not None
        return made

    umar = term("a", "Dalam kasus yang sama, bekas Direktur Jenderal Bina Pelayanan Medik Kemenkes Ratna Dewi Umar "
                     "telah divonis majelis hakim dengan hukuman lima tahun penjara.")
    pakaya = term("b", "Selain itu, mantan Kepala Pusat Penanggulangan Krisis Kemenkes, Rustam Syarifuddin Pakaya, "
                       "juga dihukum empat tahun penjara.")
    assert umar.subject == "umar" and pakaya.subject == "pakaya"
    assert other_subject(umar, pakaya)


def test_two_tallies_that_share_no_value_are_two_tables(tmp_path: Path) -> None:
    """IndoSum: Indonesia's medal count and the medals at stake in squash are two tallies; one tally
    misreported keeps most of its values (``7, 10, 15`` against ``7, 11, 15`` is one table)."""
    from factcheck.link import _other_tables

    assert _other_tables({"7.0", "10.0", "15.0"}, {"4.0", "12.0", "23.0"}, 3)
    assert not _other_tables({"7.0", "10.0", "15.0"}, {"7.0", "11.0", "15.0"}, 3)
    assert not _other_tables({"7.0", "10.0"}, {"4.0", "12.0"}, 3)  # two values are no table
    assert _other_tables({"32.0", "7.0", "10.0", "15.0"}, {"23.0", "4.0", "7.0", "12.0"}, 3)  # a 7 shared by chance
    folder = _write(tmp_path / "medals", {
        "a.txt": "Perolehan medali SEA Games\n\nSecara keseluruhan, Indonesia sudah mendapat 32 medali dengan koleksi "
                 "7 medali emas, 10 medali perak, dan 15 medali perunggu di SEA Games 2017.\n",
        "b.txt": "Squash SEA Games\n\nPara peserta squash SEA Games 2017 akan memperebutkan 23 medali yang terdiri dari "
                 "empat medali emas, tujuh medali perak, dan 12 medali perunggu.\n"})
    assert [k for k, _ in _kinds(folder) if k == "number_conflict"] == []
