"""Natural disagreements on ECB+: recall per kind against hand annotations, precision of the findings.

Runs ``factcheck.compare`` on every ``ecbplus/<topic>/docs`` folder (as
``factcheck compare <topic>/docs`` would, one model load for the whole run)
and scores the report's findings against ``<topic>/discrepancies.json``
(see ``ecbplus/ANNOTATIONS.md``).

A finding matches an annotated item when

* its kind fits the item's: date_conflict or weekday_mismatch ↔ date or
  weekday, number_conflict ↔ number, name_variant ↔ name, quote_drift ↔ quote
  (``other`` items are never matched);
* its evidence shows two sides of the item with different values: for each of
  the two sides, some evidence item of the finding comes from that side's
  document and its sentence text contains the side's ``value`` and at least
  half the words of the side's ``quote`` (case-insensitive).

Recall is counted over the ``conflict`` and ``evolving`` items of the scored
kinds (date and weekday together as "date"; ``other`` shown, not scored): an
item is found when any finding matches it. Precision is the share of all
findings that match a conflict/evolving item; a finding that matches only a
``compatible`` item (a look-alike) is a false alarm, one that matches nothing
is unmatched (``--list-unmatched`` prints them for reading). Both count
against precision.

Nothing is fitted yet, so the cross-validated numbers are the per-fold
numbers of a deterministic k-fold split over topics (held-out fold = that
fold's topics). Fitting scripts (``benchmarks/fit_*.py``) import
``load_topics``, ``run_reports``, ``match_finding``, ``score`` and
``folds`` from here.

    python benchmarks/natural.py [EVAL_DIR] [--topics 1,2] [--folds 5] [--list-unmatched]
                                 [--json OUT] [--reports DIR] [--model use-m3]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

SCORED = ("date", "number", "name", "quote")
SHOWN = (*SCORED, "other")
DISAGREEMENT = ("conflict", "evolving")
# Finding kind → the annotation kinds it can match.
FITS = {
    "date_conflict": ("date", "weekday"),
    "weekday_mismatch": ("date", "weekday"),
    "number_conflict": ("number",),
    "name_variant": ("name",),
    "quote_drift": ("quote",),
}
WORD = re.compile(r"\w+")


@dataclass
class Topic:
    name: str
    path: Path
    items: list[dict[str, Any]]


@dataclass
class Match:
    """How one finding was judged: ``true`` (matches a disagreement), ``look-alike`` or ``unmatched``."""

    topic: str
    finding: Any
    verdict: str
    items: list[str] = field(default_factory=list)
    look_alikes: list[str] = field(default_factory=list)


def scored_kind(item: dict[str, Any]) -> str:
    """The kind an item is counted under: weekday items count as date."""
    return "date" if item["kind"] == "weekday" else item["kind"]


def load_topics(eval_dir: str | Path, wanted: Iterable[str] = ()) -> list[Topic]:
    """The annotated ECB+ topics under ``EVAL_DIR/ecbplus``, in numeric order."""
    root = Path(eval_dir) / "ecbplus"
    wanted = set(wanted)
    topics = []
    for path in root.iterdir():
        file = path / "discrepancies.json"
        if file.exists() and (not wanted or path.name in wanted):
            topics.append(Topic(path.name, path, json.loads(file.read_text())["items"]))
    return sorted(topics, key=lambda t: int(t.name) if t.name.isdigit() else t.name)


def run_reports(topics: Sequence[Topic], model: str = "use-m3", reports_dir: str | Path | None = None,
                verbose: bool = True) -> dict[str, Any]:
    """``factcheck.compare`` on each topic's docs folder → {topic: Report}.

    With ``reports_dir``, a saved ``<topic>.json`` report is read instead of
    recomputed, and a computed one is saved there.
    """
    from factcheck import Report, compare
    from factcheck.embed import get_embedder

    embedder = None
    reports = {}
    for topic in topics:
        saved = Path(reports_dir) / f"{topic.name}.json" if reports_dir else None
        if saved is not None and saved.exists():
            reports[topic.name] = Report.from_json(saved.read_text())
            continue
        if embedder is None:
            embedder = get_embedder(model)
        report = compare([topic.path / "docs"], model=embedder)
        if saved is not None:
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_text(report.to_json())
        if verbose:
            print(f"  topic {topic.name}: {len(report.findings)} findings", file=sys.stderr, flush=True)
        reports[topic.name] = report
    return reports


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def shows_side(side: dict[str, Any], document: str, text: str) -> bool:
    """Does a sentence ``text`` of ``document`` show this side (its value and ≥ half its quote's words)?"""
    if document != side["doc"]:
        return False
    lowered = text.lower()
    if side["value"].lower() not in lowered:
        return False
    quote = words(side["quote"])
    present = set(words(text))
    return 2 * sum(w in present for w in quote) >= len(quote)


def match_finding(finding: Any, item: dict[str, Any]) -> bool:
    """Does the finding's evidence show two sides of ``item`` with different values?"""
    if item["kind"] not in FITS.get(finding.kind, ()):
        return False
    shown = [side for side in item["sides"]
             if any(shows_side(side, e.document, e.text) for e in finding.evidence)]
    return len({side["value"].lower() for side in shown}) >= 2


def judge(topic: str, finding: Any, items: Sequence[dict[str, Any]]) -> Match:
    matched = [item for item in items if match_finding(finding, item)]
    true = [i["id"] for i in matched if i["status"] in DISAGREEMENT]
    look_alikes = [i["id"] for i in matched if i["status"] not in DISAGREEMENT]
    if true:
        return Match(topic, finding, "true", true, look_alikes)
    if matched:
        return Match(topic, finding, "look-alike", look_alikes, look_alikes)
    return Match(topic, finding, "unmatched")


def score(topics: Sequence[Topic], reports: dict[str, Any]) -> dict[str, Any]:
    """Recall per kind, precision and the judged findings over ``topics``."""
    found: Counter = Counter()
    total: Counter = Counter()
    matches: list[Match] = []
    for topic in topics:
        findings = reports[topic.name].findings
        judged = [judge(topic.name, f, topic.items) for f in findings]
        matches.extend(judged)
        hit = {item_id for m in judged if m.verdict == "true" for item_id in m.items}
        for item in topic.items:
            if item["status"] in DISAGREEMENT:
                kind = scored_kind(item)
                total[kind] += 1
                found[kind] += item["id"] in hit
    verdicts = Counter(m.verdict for m in matches)
    scored_total = sum(total[k] for k in SCORED)
    scored_found = sum(found[k] for k in SCORED)
    return {
        "topics": [t.name for t in topics],
        "recall": scored_found / scored_total if scored_total else 0.0,
        "found": scored_found,
        "items": scored_total,
        "per_kind": {k: {"found": found[k], "total": total[k]} for k in SHOWN},
        "findings": len(matches),
        "true": verdicts["true"],
        "look_alike": verdicts["look-alike"],
        "unmatched": verdicts["unmatched"],
        "true_also_look_alike": sum(1 for m in matches if m.verdict == "true" and m.look_alikes),
        "precision": verdicts["true"] / len(matches) if matches else 0.0,
        "matches": matches,
    }


def folds(topics: Sequence[Topic], k: int) -> list[list[Topic]]:
    """A deterministic k-fold split over topics (round-robin in topic order)."""
    k = max(1, min(k, len(topics)))
    return [list(topics[i::k]) for i in range(k)]


def _line(result: dict[str, Any]) -> str:
    kinds = "  ".join(f"{k} {v['found']}/{v['total']}" for k, v in result["per_kind"].items() if k in SCORED)
    return (f"recall {result['recall']:.3f} ({kinds})  precision {result['precision']:.3f} "
            f"({result['true']}/{result['findings']}; look-alike {result['look_alike']}, "
            f"unmatched {result['unmatched']})")


def _public(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k != "matches"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--topics", default="", help="comma-separated topic numbers (default: all)")
    parser.add_argument("--model", default="use-m3")
    parser.add_argument("--folds", type=int, default=5, help="folds over topics for the cross-validated numbers")
    parser.add_argument("--list-unmatched", action="store_true", help="print the unmatched findings for reading")
    parser.add_argument("--json", metavar="OUT", help="write the numbers to this JSON file")
    parser.add_argument("--reports", metavar="DIR", help="read/save each topic's JSON report here")
    args = parser.parse_args()

    topics = load_topics(args.eval_dir, filter(None, args.topics.split(",")))
    reports = run_reports(topics, args.model, args.reports)

    per_topic = {}
    for topic in topics:
        result = score([topic], reports)
        per_topic[topic.name] = _public(result)
        print(f"topic {topic.name:>3}: {_line(result)}")

    overall = score(topics, reports)
    print(f"\nover {len(topics)} topics (conflict + evolving items):")
    for kind in SHOWN:
        counts = overall["per_kind"][kind]
        note = "" if kind in SCORED else "  (not scored)"
        print(f"  {kind:<7} {counts['found']:3d}/{counts['total']:<3d}{note}")
    print(f"  recall {overall['recall']:.3f} ({overall['found']}/{overall['items']})")
    print(f"  findings {overall['findings']}: {overall['true']} match a disagreement, "
          f"{overall['look_alike']} a look-alike (false alarms), {overall['unmatched']} unmatched; "
          f"precision {overall['precision']:.3f}")
    print(f"  ({overall['true_also_look_alike']} of the matching findings also fit a look-alike; "
          "they count as matching a disagreement)")

    fold_results = [score(fold, reports) for fold in folds(topics, args.folds)]
    print(f"\ncross-validated, {len(fold_results)} folds over topics (nothing is fitted yet: each held-out "
          "fold's numbers are just its topics' subset):")
    for number, result in enumerate(fold_results, 1):
        print(f"  fold {number} (topics {','.join(result['topics'])}): {_line(result)}")
    summary = {}
    for measure in ("recall", "precision"):
        values = [r[measure] for r in fold_results]
        summary[measure] = {"mean": sum(values) / len(values), "min": min(values), "max": max(values)}
        print(f"  {measure}: mean {summary[measure]['mean']:.3f}  "
              f"range {summary[measure]['min']:.3f}–{summary[measure]['max']:.3f}")

    if args.list_unmatched:
        print("\nunmatched findings:")
        for match in overall["matches"]:
            if match.verdict != "unmatched":
                continue
            finding = match.finding
            print(f"- topic {match.topic} {finding.id} {finding.kind}: {finding.summary}")
            for e in finding.evidence:
                print(f"    [{e.document}] {e.value!r}: {e.text}")

    if args.json:
        data = {
            "overall": _public(overall),
            "per_topic": per_topic,
            "folds": [_public(r) for r in fold_results],
            "cross_validated": summary,
            "judged": [{"topic": m.topic, "finding": m.finding.id, "kind": m.finding.kind,
                        "verdict": m.verdict, "items": m.items, "look_alikes": m.look_alikes} for m in overall["matches"]],
        }
        Path(args.json).write_text(json.dumps(data, indent=2) + "\n")


if __name__ == "__main__":
    main()
