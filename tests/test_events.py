"""Event grouping: what one story is, what keeps two apart, blocking, and what an event is called."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import SEEDS, factcheck, text_document

from factcheck.cluster import sparse_average_linkage
from factcheck.embed import DEFAULT_MODEL, get_embedder
from factcheck.engine import one_blas_thread
from factcheck.engine.local import LocalEngine
from factcheck.events.candidates import candidate_pairs
from factcheck.events.features import FEATURES
from factcheck.events.model import load as load_story_model


def test_an_event_label_is_the_story_never_a_web_address() -> None:
    from factcheck.events import group_events

    embedder = get_embedder(DEFAULT_MODEL)
    documents = [text_document("Lindsay Lohan checked into the Betty Ford Center on Thursday, her lawyer said.", "en",
                               "a"),
                 text_document("Lohan checked into Betty Ford on Thursday, according to her lawyer.", "en", "b")]
    for document in documents:
        document.title = "http://blog.example.com/2013/05/lohan-checks-in.html"
    vectors = {d.id: embedder.encode([s.text for s in d.sentences]) for d in documents}
    events = group_events(documents, vectors)
    assert len(events) == 1
    assert "http" not in events[0].label and "example.com" not in events[0].label
    assert "Betty Ford" in events[0].label


def test_the_seeds_keep_their_three_events() -> None:
    """The 2019 Vladivostok summit (three outlets), the 2021 statement and the 2024 Pyongyang visit:
    the same two leaders, three occasions years apart."""
    import factcheck

    report = factcheck.compare([SEEDS])
    events = {e.id: (e.documents, e.date) for e in report.events}
    assert events == {
        "E1": (["000_30bb7f2d9c936c7b", "002_bc18443657823f31", "003_8cc1f86e64e8e9eb"], "2019-04-25"),
        "E2": (["001_fa119bf131a3472f"], "2021-06-05"),
        "E3": (["004_367723d5f7e8cdb8"], "2024-06-19"),
    }


def _article(doc_id: str, published: str, text: str) -> str:
    return json.dumps({"id": doc_id, "published": published, "url": f"https://{doc_id}.example/news",
                       "text": text})


LOHAN = ("Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage on Thursday, her lawyer Mark "
         "Heller said. The actress was ordered by Judge Stephanie Sautner to spend 90 days in rehab.")


def test_one_story_joins_and_the_same_people_a_year_later_stay_apart(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([
        _article("a", "2013-05-03", LOHAN),
        _article("b", "2013-05-04", "Actress Lindsay Lohan has entered the Betty Ford Center in Rancho Mirage, "
                 "lawyer Mark Heller confirmed. Judge Stephanie Sautner had ordered Lohan into 90 days of rehab."),
        _article("c", "2014-09-20", LOHAN),
    ]) + "\n", encoding="utf-8")
    result = factcheck("compare", corpus, "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr
    events = sorted(sorted(e["documents"]) for e in json.loads(result.stdout)["events"])
    assert events == [["a", "b"], ["c"]]  # c repeats a word for word, but a year and a half later


KILLING = ("Los Angeles County Sheriff's Deputy Jerry Ortiz was shot dead in Hawaiian Gardens on June 24, 2005, "
           "while investigating a gang assault. Police arrested gang member Jose Luis Orozco for the killing.")
SENTENCING = ("A jury recommended the death penalty on March 20, 2007 for Jose Luis Orozco, the gang member "
              "convicted of killing Los Angeles County Sheriff's Deputy Jerry Ortiz in Hawaiian Gardens.")
BRIDGE = ("Jose Luis Orozco, convicted on March 20, 2007 of killing Sheriff's Deputy Jerry Ortiz in Hawaiian "
          "Gardens on June 24, 2005, faces the death penalty, a Los Angeles County jury decided.")


@pytest.mark.parametrize("bridged", [True, False])
def test_a_story_over_two_years_is_one_event_once_a_report_names_both_ends(tmp_path: Path, bridged: bool) -> None:
    """The killing of 2005 and the sentencing of 2007: no two documents of the ends name days less than
    a year apart, but a report that names both days bridges them (ECB+ draws the saga as one story).
    Without it, the ends stay two occasions, as the seeds' summits do."""
    articles = [_article("k1", "2005-06-25", KILLING), _article("k2", "2005-06-26", KILLING.replace("shot dead", "killed")),
                _article("s1", "2007-03-21", SENTENCING),
                _article("s2", "2007-03-22", SENTENCING.replace("recommended", "chose"))]
    if bridged:
        articles.append(_article("b", "2007-03-22", BRIDGE))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(articles) + "\n", encoding="utf-8")
    result = factcheck("compare", corpus, "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr
    events = sorted(sorted(e["documents"]) for e in json.loads(result.stdout)["events"])
    assert events == ([["b", "k1", "k2", "s1", "s2"]] if bridged else [["k1", "k2"], ["s1", "s2"]])


def test_occasions_are_judged_on_whole_groups() -> None:
    from factcheck.events.dates import Occasions

    days = [[(2005, 6, 24)], [(2007, 3, 20)], [(2007, 3, 20), (2005, 6, 24)], [], [(None, 6, 24)],
            [(2006, 6, 25)], [(2006, 12, 30)]]
    occasions = Occasions(days, 365)
    assert occasions.apart([0], [1]) and occasions.apart([1], [0])
    assert not occasions.apart([0, 2], [1])          # a report naming both ends bridges them
    assert not occasions.apart([3], [1])             # undated: nothing says otherwise
    assert not occasions.apart([4], [1])             # year-less: at most half a year away
    assert occasions.apart([0], [5]) and not occasions.apart([6], [1])  # 366 days apart; 80 days apart
    assert not Occasions(days, 1000).apart([0], [1])


def test_linkage_refuses_merges_that_cannot_link_and_tries_them_again_once_a_group_grows() -> None:
    left, right, score = np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([0.95, 0.9, 0.85])
    apart = {frozenset({0, 1})}

    def cannot_link(a: list[int], b: list[int]) -> bool:
        return len(a) == len(b) == 1 and frozenset(a + b) in apart

    # 0-1, the best pair, is refused; 0-2 merges; then {0, 2} with 1 is allowed and its mean passes.
    assert sparse_average_linkage(3, left, right, score, 0.8, cannot_link) == [[0, 1, 2]]
    assert sparse_average_linkage(3, left, right, score, 0.8, lambda a, b: 1 in a + b) == [[0, 2], [1]]


def test_blocking_keeps_each_documents_nearest_and_no_more() -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(40, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    left, right = candidate_pairs(vectors, neighbours=3, floor=-1.0)
    pairs = set(zip(left.tolist(), right.tolist()))
    assert all(a < b for a, b in pairs) and len(pairs) == len(left) <= 40 * 3
    cosines = vectors @ vectors.T
    np.fill_diagonal(cosines, -np.inf)
    for i in range(40):
        for j in np.argsort(-cosines[i])[:3].tolist():
            assert (min(i, j), max(i, j)) in pairs
    everything = candidate_pairs(vectors, neighbours=100, floor=-1.0)
    assert len(everything[0]) == 40 * 39 // 2


def test_blocking_by_date_pairs_documents_whose_days_come_near_and_undated_ones_with_all() -> None:
    rng = np.random.default_rng(1)
    base = rng.normal(size=16)
    vectors = (base + 0.05 * rng.normal(size=(60, 16))).astype(np.float32)  # one story told 60 times
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    anchors: list[list[int]] = [[730_000 + 400 * (i % 3) + i] for i in range(60)]  # three years
    for i in range(0, 60, 10):
        anchors[i] = []  # undated
    anchors[7] = anchors[7] + [730_000]  # a report of year 2 that names a day of year 1: a bridge
    left, right = candidate_pairs(vectors, neighbours=100, floor=-1.0, anchors=anchors, window=365)
    pairs = set(zip(left.tolist(), right.tolist()))

    def near(i: int, j: int) -> bool:
        return not anchors[i] or not anchors[j] or any(abs(a - b) <= 365 for a in anchors[i] for b in anchors[j])

    expected = {(i, j) for i in range(60) for j in range(i + 1, 60) if near(i, j)}
    assert pairs == expected and len(expected) < 60 * 59 // 2
    assert (3, 7) in pairs and (4, 7) in pairs and (5, 7) not in pairs  # the bridge meets year 1 and its own year
    # A document's nearest are chosen among those of its own time, not crowded out by other years.
    few = set(zip(*(a.tolist() for a in candidate_pairs(vectors, neighbours=3, floor=-1.0, anchors=anchors,
                                                         window=365))))
    assert few <= expected
    assert all(sum(1 for p in few if i in p) >= 3 for i in range(60))
    # Searched in blocks on two forked workers: the same pairs (more rows than one block, to cut).
    many = np.repeat(vectors, 20, axis=0)
    many_anchors = [a for a in anchors for _ in range(20)]
    with one_blas_thread():  # as a run does: a product summed by two threads is not the one summed by one
        inline = candidate_pairs(many, neighbours=5, floor=-1.0, anchors=many_anchors, window=365)
        forked = candidate_pairs(many, neighbours=5, floor=-1.0, anchors=many_anchors, window=365,
                                 engine=LocalEngine(2))
    assert len(inline[0]) and all(np.array_equal(a, b) for a, b in zip(inline, forked))
    # No window: every pair, as before.
    assert len(candidate_pairs(vectors, neighbours=100, floor=-1.0, anchors=anchors, window=0)[0]) == 60 * 59 // 2


def test_linkage_counts_only_compared_pairs_and_ignores_input_order() -> None:
    left, right = np.array([0, 1]), np.array([1, 2])
    # 0–2 never compared (blocking): unknown, not 0, so the three make one group.
    assert sparse_average_linkage(3, left, right, np.array([0.9, 0.8]), 0.7) == [[0, 1, 2]]
    # 0–2 compared and unlike: the mean of {0,1} with 2 is 0.4, below the bar.
    known = sparse_average_linkage(3, np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([0.9, 0.8, 0.0]), 0.7)
    assert known == [[0, 1], [2]]
    shuffled = sparse_average_linkage(3, np.array([0, 0, 1]), np.array([2, 1, 2]), np.array([0.0, 0.9, 0.8]), 0.7)
    assert shuffled == known


def test_a_same_story_model_of_other_features_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"features": ["lead"], "weights": {"lead": 1}, "means": {"lead": 0},
                               "scales": {"lead": 1}, "bias": 0, "bar": 0.5}), encoding="utf-8")
    settings = tmp_path / "s.json"
    settings.write_text(json.dumps({"events": {"model": str(bad)}}), encoding="utf-8")
    result = factcheck("compare", SEEDS, "--settings", settings, "--quiet")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "same-story model" in result.stderr


def test_an_unknown_feature_neither_joins_nor_parts() -> None:
    """Two articles that name no one have no name overlap to weigh: NaN counts as the fitted mean."""
    model = load_story_model("")
    logistic = model.logistic
    means = np.array([logistic.means])
    unknown = means.copy()
    unknown[0, FEATURES.index("names")] = np.nan
    assert logistic.scores(unknown)[0] == pytest.approx(logistic.scores(means)[0])
    assert logistic.score(list(unknown[0])) == pytest.approx(logistic.scores(means)[0])
    low = means.copy()
    low[0, FEATURES.index("names")] = 0.0
    assert logistic.scores(low)[0] != pytest.approx(logistic.scores(means)[0])


def test_nameless_one_line_articles_get_unknown_name_features_and_no_language_clash(tmp_path: Path) -> None:
    """One line that names no one and is too short to tell its language: neither counts against one story."""
    from factcheck.events import document_pairs
    from factcheck.pipeline import analyse

    (tmp_path / "kompas.txt").write_text("Banjir melanda kabupaten itu, lebih dari 20 desa terendam.\n", encoding="utf-8")
    (tmp_path / "detik.txt").write_text("Banjir melanda kabupaten itu, 24 desa terendam.\n", encoding="utf-8")
    analysis = analyse([tmp_path], until="facts")
    assert {d.language for d in analysis.documents} == {"id", "und"}
    row = document_pairs(analysis.documents, analysis.vectors).features[0]
    for name in ("names", "lead_names", "tokens", "shared_names"):
        assert np.isnan(row[FEATURES.index(name)]), name
    assert row[FEATURES.index("cross_language")] == 0.0


def test_two_one_line_articles_with_two_days_for_one_quake_disagree(tmp_path: Path) -> None:
    (tmp_path / "kompas.txt").write_text("Gempa terjadi pada 12 Maret 2021.\n", encoding="utf-8")
    (tmp_path / "detik.txt").write_text("Gempa terjadi pada 11 Maret 2021.\n", encoding="utf-8")
    report = json.loads(factcheck("compare", str(tmp_path), "--format", "json", "--quiet").stdout)
    assert len(report["events"]) == 1
    assert [(f["kind"], sorted(e["value"] for e in f["evidence"])) for f in report["findings"]] == [
        ("date_conflict", ["2021-03-11", "2021-03-12"])]


def test_linkage_keeps_only_the_pairs_inside_components_of_strong_pairs_and_merges_the_same():
    """The components shortcut must not change a merge: a weak pair between two components is dropped,
    and a group whose mean stays under the bar is not merged however its strong pair pulls."""
    import numpy as np

    from factcheck.cluster import sparse_average_linkage

    left = np.array([0, 0, 1, 2, 3, 4])
    right = np.array([1, 2, 2, 3, 4, 5])
    score = np.array([0.9, 0.8, 0.85, 0.1, 0.7, 0.2])
    # 0-1-2 agree; 2-3 is weak (another component); 3-4 strong; 4-5 weak: {3,4} stays apart from 5
    assert sparse_average_linkage(6, left, right, score, 0.6) == [[0, 1, 2], [3, 4], [5]]
    # 0-1 strong but 0-2 and 1-2 weak: the mean of {0,1} with 2 is under the bar
    weak = np.array([0.9, 0.3, 0.4, 0.1, 0.7, 0.2])
    assert sparse_average_linkage(6, left, right, weak, 0.6) == [[0, 1], [2], [3, 4], [5]]


def test_two_halves_of_one_story_on_one_day_join_and_look_alikes_do_not() -> None:
    """``same_occasion``: two groups of two or more documents, moderately alike across (mean 0.5 ≥
    ``merge_bar``) and naming the same day (give or take one) in most of their documents, are one
    story cut in two by wording (ECB+: Lohan at the Betty Ford Center, 11 + 10 documents). Alike
    groups on other days, a lone document, and groups under the bar stay apart."""
    from factcheck.events.grouping import same_occasion

    groups = [[0, 1], [2, 3], [4, 5], [6], [7, 8]]
    days = [((2013, 5, 2),), ((2013, 5, 3),), ((2013, 5, 3),), ((2013, 5, 2),),   # groups 0 and 1: one day
            ((2008, 12, 9),), ((2008, 12, 9),),                                   # group 2: another occasion
            ((2013, 5, 2),),                                                      # a lone report of the day
            ((2013, 5, 2),), ((2013, 5, 2),)]                                     # group 4: the day, not alike
    left, right, probability = [], [], []
    for i in range(9):
        for j in range(i + 1, 9):
            left.append(i)
            right.append(j)
            alike = {i, j} <= {0, 1, 2, 3, 4, 5, 6}
            probability.append(0.5 if alike else 0.1)
    merged = same_occasion(groups, np.array(left), np.array(right), np.array(probability), days, 0.35, 0.5)
    assert merged == [[0, 1, 2, 3], [4, 5], [6], [7, 8]]
    assert same_occasion(groups, np.array(left), np.array(right), np.array(probability), days, 0.6, 0.5) == groups
