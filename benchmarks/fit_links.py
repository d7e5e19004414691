"""Fit the fact-link model on hand-annotated ECB+ topics; report it cross-validated across topics.

For every topic the pipeline runs up to detection (``factcheck.pipeline.analyse``), and every
candidate pair of differing number facts and of differing dates in each event is scored
with ``factcheck.link`` features. A pair is labelled a disagreement (1) when its two facts
show two sides of one annotated ``conflict``/``evolving`` item of ``discrepancies.json``
(each fact's sentence holds its side's value and half its quote's words, and the fact itself
covers the value), and 0 otherwise (look-alikes, ``compatible`` items, and pairs no reader
flagged). A logistic regression (L2, standardised features) is fitted on those labels.

Cross-validation: topics are split into ``--folds`` folds (``natural.folds``). For each
held-out fold the model and its bars are fitted on the other folds only (the bars by an inner
cross-validation there), and the number and date detectors are run with that model on the
held-out topics, scored with ``natural.score`` (names and quotes unchanged). The model
written to ``--out`` is fitted on all topics, its bars from cross-validation over all.

    python benchmarks/fit_links.py [EVAL_DIR] [--folds 5] [--out factcheck/link/weights.json]
                                   [--topics 1,2] [--l2 1.0]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import natural
from logistic import fit_logistic, predict_logistic

from factcheck.detect import run_detectors
from factcheck.detect._common import sentence_of
from factcheck.embed import get_embedder
from factcheck.link import FactLink, links
from factcheck.link.features import FEATURES
from factcheck.link.values import DATE_KINDS, NUMBER_KINDS, shown_number, views
from factcheck.model import Fact
from factcheck.pipeline import Analysis, analyse
from factcheck.settings import Settings, use

ROOT = Path(__file__).resolve().parent.parent
ITEM_KINDS = {"number": ("number",), "date": ("date", "weekday")}
FIXTURE_WEIGHT = 20.0
"""A fixture pair counts this many times: the fixtures are few, but they are the only labelled
retellings (one statement with one value changed), a case ECB+'s independent outlets rarely show."""


@dataclass
class Pair:
    topic: str
    features: list[float]
    label: int
    look_alike: bool
    weight: float = 1.0


def _covers(fact: Fact, side: dict[str, Any], text: str, start: int) -> bool:
    """Does ``fact`` lie on an occurrence of the side's value inside its sentence?"""
    value, lowered = side["value"].lower(), text.lower()
    pos = lowered.find(value)
    while pos >= 0:
        if fact.start < start + pos + len(value) and start + pos < fact.end:
            return True
        pos = lowered.find(value, pos + 1)
    return False


def _shown_sides(fact: Fact, analysis_docs: dict[str, Any], items: list[dict[str, Any]],
                 lenient: bool = False) -> list[tuple[str, str]]:
    """(item, value) of the sides this fact shows: its document, its quote's words, the fact on the value.

    ``lenient``: a sentence of any document of the event that shows the side (its value and half
    its quote's words) counts, since an item lists at most one side per value and document, and at
    most six, so other outlets that print the same statement are not listed but say the same thing.
    The value alone is not enough: a bare ``Sunday`` or ``1955`` stands in many sentences about
    other occasions, and such pairs taught the model that unrelated sentences disagree."""
    document = analysis_docs[fact.document]
    sentence = sentence_of(document, fact.sentence)
    if sentence is None:
        return []
    out = []
    for item in items:
        for side in item["sides"]:
            # Lenient: the side's own document id passes ``shows_side``'s document test, the rest is the same.
            shown = natural.shows_side(side, side["doc"] if lenient else fact.document, sentence.text)
            if shown and _covers(fact, side, sentence.text, sentence.start):
                out.append((item["id"], side["value"].lower()))
    return out


def label(link: FactLink, documents: dict[str, Any], items: list[dict[str, Any]]) -> tuple[int, bool]:
    """(1 if the pair shows two values of one annotated disagreement, whether it shows a look-alike).

    One fact must show its side strictly; the other may show another side's value leniently."""
    family = "date" if link.a.kind in DATE_KINDS else "number"
    fitting = [i for i in items if i["kind"] in ITEM_KINDS[family]]
    sides_a, sides_b = _shown_sides(link.a, documents, fitting), _shown_sides(link.b, documents, fitting)
    loose_a = _shown_sides(link.a, documents, fitting, lenient=True)
    loose_b = _shown_sides(link.b, documents, fitting, lenient=True)
    matched = {ia for ia, va in sides_a for ib, vb in loose_b if ia == ib and va != vb}
    matched |= {ia for ia, va in loose_a for ib, vb in sides_b if ia == ib and va != vb}
    status = {i["id"]: i["status"] for i in fitting}
    true = any(status[m] in natural.DISAGREEMENT for m in matched)
    return int(true), bool(matched) and not true


def fixture_pairs(folder: Path, analysis: Analysis) -> list[Pair]:
    """Differing pairs of one labelled fixture (``fixtures/<case>/expected.json``): 1 when an expected
    finding of the pair's kind lists both values, else 0 (a fixture's articles are read whole)."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    wanted = [(f["kind"], set(f.get("values", []))) for f in expected.get("findings", [])]
    out = []
    for context in analysis.contexts:
        for kinds, kind in ((NUMBER_KINDS, "number_conflict"), (DATE_KINDS, "date_conflict")):
            for link in links(context, kinds):
                if not link.differ:
                    continue
                if kind == "number_conflict":
                    va, vb = shown_number(link.a), shown_number(link.b)
                else:
                    va, vb = views(link.a)[link.level], views(link.b)[link.level]
                y = int(any(k == kind and {va, vb} <= values for k, values in wanted))
                out.append(Pair(f"fixture:{folder.name}", list(link.features), y, False, FIXTURE_WEIGHT))
    return out


INDOSUM_FOLDS = 2


def indosum_pairs(analysis: Analysis, labels: list[Any]) -> list[Pair]:
    """Differing pairs inside the hand-labelled IndoSum findings (``benchmarks/labels``): the verdict of
    the finding whose evidence holds both facts. Grouped ``indosum:0``/``indosum:1`` by event, so that
    one half can be held out."""
    spans = [(label.spans, label.verdict) for label in labels if label.kind in ("number_conflict", "date_conflict")]
    out = []
    for number, context in enumerate(analysis.contexts):
        for kinds in (NUMBER_KINDS, DATE_KINDS):
            for link in links(context, kinds):
                if not link.differ:
                    continue
                a, b = (link.a.document, link.a.start, link.a.end), (link.b.document, link.b.start, link.b.end)
                verdicts = [verdict for held, verdict in spans if a in held and b in held]
                if verdicts:
                    y = int("true" in verdicts)
                    out.append(Pair(f"indosum:{number % INDOSUM_FOLDS}", list(link.features), y, False, 1.0))
    return out


def indosum_precision(model: dict[str, Any], analysis: Analysis, labels: list[Any], half: int) -> dict[str, Any]:
    """Number and date findings of ``model`` on the IndoSum events of one half, judged by the hand labels."""
    import indosum_findings

    held = [c for number, c in enumerate(analysis.contexts) if number % INDOSUM_FOLDS == half]
    found = detect_with(model, {"indosum": dataclasses.replace(analysis, contexts=held)})["indosum"].findings
    wanted = [f for f in found if f.kind in ("number_conflict", "date_conflict")]
    scores = indosum_findings.score(indosum_findings.judge(wanted, labels))
    return {kind: {"findings": s.findings, "labelled": s.labelled, "true": s.true, "false": s.false}
            for kind, s in scores.items() if kind in ("number_conflict", "date_conflict")}


def pairs_of(topic: natural.Topic, analysis: Analysis) -> list[Pair]:
    documents = {d.id: d for d in analysis.documents}
    out = []
    for context in analysis.contexts:
        for kinds in (NUMBER_KINDS, DATE_KINDS):
            for link in links(context, kinds):
                if link.differ:
                    y, look = label(link, documents, topic.items)
                    out.append(Pair(topic.name, list(link.features), y, look))
    return out


# ---- logistic regression ----------------------------------------------------------------------

def fit(pairs: list[Pair], l2: float) -> dict[str, Any]:
    x = np.array([p.features for p in pairs], dtype=float)
    y = np.array([p.label for p in pairs], dtype=float)
    sample = np.array([p.weight for p in pairs], dtype=float)
    return fit_logistic(x, y, sample, FEATURES, l2)


def predict(model: dict[str, Any], pairs: list[Pair]) -> np.ndarray:
    return predict_logistic(model, np.array([p.features for p in pairs], dtype=float), FEATURES)


MIN_PAIR_PRECISION = 0.4
"""A report bar must reach this cross-validated pair precision; a family that never does reports
no pair on its score alone (bar 1.0), only the statements the aligner matched."""


def choose_bars(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float, dict[str, float]]:
    """The report bar with the best pair F0.5 (precision weighted over recall) among bars with pair
    precision ≥ ``MIN_PAIR_PRECISION``; the high bar where pair precision reaches 0.9."""
    best: tuple[float, float, dict[str, float]] = (0.0, 1.0, {"precision": 0.0, "recall": 0.0, "f05": 0.0})
    positives = labels.sum()
    for bar in np.round(np.arange(0.05, 0.96, 0.01), 2):
        chosen = scores >= bar
        tp = float((chosen & (labels == 1)).sum())
        precision = tp / chosen.sum() if chosen.sum() else 0.0
        recall = tp / positives if positives else 0.0
        beta2 = 0.5 ** 2
        f = (1 + beta2) * precision * recall / (beta2 * precision + recall) if precision + recall else 0.0
        if f > best[0] and precision >= MIN_PAIR_PRECISION:
            best = (f, float(bar), {"precision": precision, "recall": recall, "f05": f})
    report_bar = best[1]
    high_bar = next((float(b) for b in np.round(np.arange(report_bar, 0.99, 0.01), 2)
                     if (scores >= b).sum() and ((scores >= b) & (labels == 1)).sum() / (scores >= b).sum() >= 0.9),
                    max(report_bar, 0.99))
    return report_bar, high_bar, best[2]


FAMILIES = ("date", "number")


def family(pair: Pair) -> str:
    return "date" if pair.features[FEATURES.index("is_date")] else "number"


PER_FAMILY = False
"""Fit dates and numbers apart? Measured on ECB+ (5 folds): apart, held-out recall 0.343 and
precision 0.534; shared (with the ``is_date``/``is_count`` features), 0.367 and 0.589. Dates have
too few annotated pairs to fit a model of their own, so they share it. Shared weights with bars
chosen per family measured 0.360 and 0.576: the bars are shared too."""


def fit_families(pairs: list[Pair], k: int, l2: float, per_family: bool = PER_FAMILY) -> dict[str, Any]:
    """The model of each family (dates, numbers), with its bars: one shared fit unless ``per_family``."""
    if not per_family:
        shared = fit_with_bars(pairs, [p.topic for p in pairs], k, l2)
        return {"features": list(FEATURES), "families": {name: shared for name in FAMILIES}}
    families = {}
    for name in FAMILIES:
        part = [p for p in pairs if family(p) == name]
        families[name] = fit_with_bars(part, [p.topic for p in part], k, l2)
    return {"features": list(FEATURES), "families": families}


def fit_with_bars(pairs: list[Pair], topics: list[str], k: int, l2: float) -> dict[str, Any]:
    """A model fitted on ``pairs``, its bars from an inner cross-validation over ``topics``."""
    scores = np.zeros(len(pairs))
    names = sorted(set(topics), key=lambda t: (0, int(t), "") if t.isdigit() else (1, 0, t))
    for held in [names[i::k] for i in range(min(k, len(names)))]:
        train = [p for p in pairs if p.topic not in held]
        test_index = [i for i, p in enumerate(pairs) if p.topic in held]
        if not train or not test_index:
            continue
        inner = fit(train, l2)
        scores[test_index] = predict(inner, [pairs[i] for i in test_index])
    model = fit(pairs, l2)
    report_bar, high_bar, at_bar = choose_bars(scores, np.array([p.label for p in pairs]))
    model.update(report_bar=report_bar, high_bar=high_bar, inner_cv_pairs=at_bar)
    return model


def detect_with(model: dict[str, Any], analyses: dict[str, Analysis]) -> dict[str, Any]:
    """Findings of every detector on each topic, the number and date ones with ``model``."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(model, handle)
    settings = Settings().replace({"link": {"model": handle.name}})
    reports = {}
    for name, analysis in analyses.items():
        contexts = [dataclasses.replace(c, settings=settings, cache={}) for c in analysis.contexts]
        with use(settings):
            reports[name] = _Findings(run_detectors(contexts))
    Path(handle.name).unlink()
    return reports


@dataclass
class _Findings:
    findings: list[Any]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--topics", default="")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--out", default=str(ROOT / "factcheck" / "link" / "weights.json"))
    parser.add_argument("--model", default="use-m3")
    parser.add_argument("--per-family", action="store_true", help="fit dates and numbers apart")
    parser.add_argument("--indosum-labels", default=str(ROOT / "benchmarks" / "labels" / "indosum_findings.jsonl"),
                        help="hand-labelled IndoSum findings added to the training sets ('' for none)")
    parser.add_argument("--fixtures", default=str(ROOT / "fixtures"),
                        help="labelled fixture cases added to every training set ('' for none)")
    args = parser.parse_args()

    topics = natural.load_topics(args.eval_dir, filter(None, args.topics.split(",")))
    embedder = get_embedder(args.model)
    analyses: dict[str, Analysis] = {}
    pairs: list[Pair] = []
    for topic in topics:
        analyses[topic.name] = analyse([topic.path / "docs"], model=embedder)
        found = pairs_of(topic, analyses[topic.name])
        pairs.extend(found)
        print(f"  topic {topic.name}: {len(found)} differing pairs, {sum(p.label for p in found)} disagreements",
              file=sys.stderr, flush=True)
    extra: list[Pair] = []
    for folder in sorted(Path(args.fixtures).glob("*/expected.json")) if args.fixtures else []:
        extra.extend(fixture_pairs(folder.parent, analyse([folder.parent], model=embedder)))
    print(f"{len(extra)} differing pairs from {args.fixtures or 'no'} fixtures, {sum(p.label for p in extra)} "
          "expected findings; they join every training set, never a held-out one", file=sys.stderr)
    indo: list[Pair] = []
    indo_analysis: Analysis | None = None
    indo_labels: list[Any] = []
    if args.indosum_labels and Path(args.indosum_labels).exists():
        import indosum_findings

        indo_labels = indosum_findings.load_labels(args.indosum_labels)
        indo_analysis = analyse([Path(args.eval_dir) / "indosum" / "articles.jsonl"], model=embedder)
        indo = indosum_pairs(indo_analysis, indo_labels)
        print(f"{len(indo)} differing pairs in {len(indo_labels)} hand-labelled IndoSum findings, "
              f"{sum(p.label for p in indo)} true", file=sys.stderr)
    positives = sum(p.label for p in pairs)
    print(f"{len(pairs)} differing candidate pairs over {len(topics)} topics; {positives} show an annotated "
          f"disagreement, {sum(p.look_alike for p in pairs)} only a look-alike")

    fold_results = []
    held_out_reports: dict[str, Any] = {}
    for number, held in enumerate(natural.folds(topics, args.folds), 1):
        held_names = {t.name for t in held}
        train = [p for p in pairs if p.topic not in held_names] + extra + indo
        model = fit_families(train, args.folds, args.l2, args.per_family)
        reports = detect_with(model, {t.name: analyses[t.name] for t in held})
        held_out_reports.update(reports)
        result = natural.score(held, reports)
        fold_results.append(result)
        shown = ", ".join(f"{n} {m['report_bar']:.2f}/{m['high_bar']:.2f}" for n, m in model["families"].items())
        print(f"  fold {number} (held out {','.join(sorted(held_names, key=int))}; bars {shown}): "
              f"{natural._line(result)}")
    pooled = natural.score(topics, held_out_reports)
    print(f"  pooled over the held-out folds: {natural._line(pooled)}")
    summary: dict[str, Any] = {"pooled": {k: v for k, v in pooled.items() if k != "matches"}}
    for measure in ("recall", "precision"):
        values = [r[measure] for r in fold_results]
        summary[measure] = {"mean": round(sum(values) / len(values), 3), "min": round(min(values), 3),
                            "max": round(max(values), 3)}
        print(f"  held-out {measure}: mean {summary[measure]['mean']:.3f}  "
              f"range {summary[measure]['min']:.3f}–{summary[measure]['max']:.3f}")

    if indo_analysis is not None:
        for half in range(INDOSUM_FOLDS):
            train = pairs + extra + [p for p in indo if p.topic != f"indosum:{half}"]
            result = indosum_precision(fit_families(train, args.folds, args.l2, args.per_family), indo_analysis,
                                       indo_labels, half)
            summary[f"indosum_half_{half}"] = result
            shown = "  ".join(f"{kind} {r['true']}/{r['labelled']} true of {r['findings']} findings"
                              for kind, r in result.items())
            print(f"  IndoSum half {half} held out (hand labels): {shown}")
    model = fit_families(pairs + extra + indo, args.folds, args.l2, args.per_family)
    model["fitted_on"] = {"corpus": "ECB+ (hand-annotated discrepancies.json) and the labelled fixtures",
                          "topics": [t.name for t in topics], "pairs": len(pairs), "disagreements": positives,
                          "fixture_pairs": len(extra), "fixture_disagreements": sum(p.label for p in extra),
                          "indosum_pairs": len(indo), "indosum_true": sum(p.label for p in indo),
                          "l2": args.l2}
    model["cross_validated"] = {"folds": args.folds, **summary}
    Path(args.out).write_text(json.dumps(model, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    for name, part in model["families"].items():
        weights = ", ".join(f"{n} {part['weights'][n]:+.2f}" for n in FEATURES)
        print(f"  {name}: bars {part['report_bar']:.2f}/{part['high_bar']:.2f}; {weights}")


if __name__ == "__main__":
    main()
