"""Precision on real Indonesian news: the report's findings against hand labels (IndoSum).

Runs ``factcheck.compare`` on ``EVAL_DIR/indosum/articles.jsonl`` (as
``factcheck compare articles.jsonl`` would), or reads a saved JSON report with
``--report``, and matches each finding to a hand label in
``benchmarks/labels/indosum_findings.jsonl``.

A label is one JSON object per line::

    {"kind": "date_conflict", "evidence": [[document, span_start, span_end], ...],
     "values": [...], "verdict": "true" | "false", "reason": "..."}

``evidence`` holds the spans of the finding's facts (each evidence item's
``span``), sorted; ``verdict`` is ``true`` when a careful reader judged the
finding a real disagreement a fact-checker would want flagged. The labels
carry ids, offsets, the short values and the reason only, never article text
(the corpus licence does not allow copying it here).

A finding matches a label of its kind when its evidence spans are the label's
spans, or when they include all of them (a finding that grew a side since
labelling still shows the labelled disagreement); an exact match wins over an
inclusion, and a larger label over a smaller one. Per kind the script prints
the findings, how many are labelled, true and false, the precision over the
labelled ones, and the unlabelled findings with their summaries and evidence,
so a reader can label them. Every date_conflict, number_conflict and
quote_drift finding of the labelling run was labelled; name_variant and
weekday_mismatch were sampled (every k-th in report order), so most of their
unlabelled findings are simply outside the sample (``LABELLING_RUN`` says how
many).

    python benchmarks/indosum_findings.py [EVAL_DIR] [--report FILE] [--labels FILE]
                                          [--model use-m3] [--no-list] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "labels" / "indosum_findings.jsonl"
KINDS = ("date_conflict", "weekday_mismatch", "number_conflict", "name_variant", "quote_drift")
# The run the labels were made on: findings per kind and how many of them were read and labelled.
LABELLING_RUN = {
    "date_conflict": (49, 49),
    "weekday_mismatch": (60, 40),
    "number_conflict": (81, 81),
    "name_variant": (131, 60),
    "quote_drift": (0, 0),
}

Span = tuple[str, int, int]


@dataclass(frozen=True)
class Label:
    kind: str
    spans: frozenset[Span]
    values: tuple[str, ...]
    verdict: str
    reason: str


@dataclass
class Judged:
    """One finding and the label it matched (``None``: unlabelled)."""

    finding: Any
    label: Label | None
    exact: bool = False


@dataclass
class KindScore:
    findings: int = 0
    labelled: int = 0
    true: int = 0
    false: int = 0
    inclusions: int = 0
    unlabelled: list[Any] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.true / self.labelled if self.labelled else None


def load_labels(path: str | Path) -> list[Label]:
    """The hand labels, one JSON object a line; a malformed one stops the run with its line number."""
    labels = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            verdict = data["verdict"]
            if verdict not in ("true", "false"):
                raise ValueError(f"verdict {verdict!r}")
            spans = frozenset((str(doc), int(start), int(end)) for doc, start, end in data["evidence"])
            labels.append(Label(data["kind"], spans, tuple(data["values"]), verdict, data["reason"]))
        except (ValueError, KeyError, TypeError) as error:
            raise SystemExit(f"{path}:{number}: malformed label ({error})") from error
    return labels


def run_report(eval_dir: str | Path, model: str = "use-m3", report_file: str | Path | None = None) -> Any:
    """The report: read from ``report_file`` when given, else computed on ``EVAL_DIR/indosum/articles.jsonl``."""
    from factcheck import Report

    if report_file is not None:
        return Report.from_json(Path(report_file).read_text(encoding="utf-8"))
    from factcheck import compare

    articles = Path(eval_dir) / "indosum" / "articles.jsonl"
    if not articles.exists():
        raise SystemExit(f"no {articles} (give EVAL_DIR, or a saved report with --report)")
    print(f"running factcheck.compare on {articles} ...", file=sys.stderr, flush=True)
    return compare([articles], model=model)


def finding_spans(finding: Any) -> frozenset[Span]:
    """The (document, start, end) of each evidence item's fact."""
    return frozenset((e.document, int(e.span[0]), int(e.span[1])) for e in finding.evidence)


def match(finding: Any, by_kind: dict[str, list[Label]]) -> Judged:
    """The label for ``finding``: the same spans, else the largest label whose spans it includes."""
    spans = finding_spans(finding)
    candidates = [label for label in by_kind.get(finding.kind, ()) if label.spans <= spans]
    if not candidates:
        return Judged(finding, None)
    best = max(candidates, key=lambda label: (label.spans == spans, len(label.spans), sorted(label.spans)))
    return Judged(finding, best, best.spans == spans)


def judge(findings: Iterable[Any], labels: Sequence[Label]) -> list[Judged]:
    by_kind: dict[str, list[Label]] = {}
    for label in labels:
        by_kind.setdefault(label.kind, []).append(label)
    return [match(finding, by_kind) for finding in findings]


def score(judged: Sequence[Judged]) -> dict[str, KindScore]:
    """Per kind (the known kinds first, in ``KINDS`` order, then any new ones)."""
    kinds = list(KINDS) + sorted({j.finding.kind for j in judged} - set(KINDS))
    scores = {kind: KindScore() for kind in kinds}
    for item in judged:
        counts = scores[item.finding.kind]
        counts.findings += 1
        if item.label is None:
            counts.unlabelled.append(item.finding)
            continue
        counts.labelled += 1
        counts.inclusions += not item.exact
        if item.label.verdict == "true":
            counts.true += 1
        else:
            counts.false += 1
    return scores


def _precision(value: float | None) -> str:
    return "   –  " if value is None else f"{value:6.3f}"


def print_table(scores: dict[str, KindScore]) -> None:
    print(f"{'kind':<17} {'findings':>8} {'labelled':>8} {'true':>5} {'false':>5} {'precision':>9} "
          f"{'unlabelled':>10}")
    total = KindScore()
    for kind, counts in scores.items():
        print(f"{kind:<17} {counts.findings:8d} {counts.labelled:8d} {counts.true:5d} {counts.false:5d} "
              f"{_precision(counts.precision):>9} {len(counts.unlabelled):10d}")
        total.findings += counts.findings
        total.labelled += counts.labelled
        total.true += counts.true
        total.false += counts.false
        total.inclusions += counts.inclusions
        total.unlabelled.extend(counts.unlabelled)
    print(f"{'all':<17} {total.findings:8d} {total.labelled:8d} {total.true:5d} {total.false:5d} "
          f"{_precision(total.precision):>9} {len(total.unlabelled):10d}")
    if total.inclusions:
        print(f"({total.inclusions} labelled findings matched by inclusion: their evidence grew since labelling)")
    sampled = [f"{kind} {read} of {found}" for kind, (found, read) in LABELLING_RUN.items() if read < found]
    if sampled:
        print("sampled at labelling (the rest are unlabelled by design): " + ", ".join(sampled))


def print_unlabelled(scores: dict[str, KindScore]) -> None:
    for kind, counts in scores.items():
        if not counts.unlabelled:
            continue
        print(f"\nunlabelled {kind} ({len(counts.unlabelled)}):")
        for finding in counts.unlabelled:
            print(f"- {finding.id}: {finding.summary}")
            for e in finding.evidence:
                print(f"    [{e.document} {e.span[0]}-{e.span[1]}] {e.value!r}: {e.text}")


def to_json(scores: dict[str, KindScore], judged: Sequence[Judged]) -> dict[str, Any]:
    return {
        "per_kind": {kind: {"findings": c.findings, "labelled": c.labelled, "true": c.true, "false": c.false,
                            "precision": c.precision, "unlabelled": len(c.unlabelled)}
                     for kind, c in scores.items()},
        "judged": [{"finding": j.finding.id, "kind": j.finding.kind,
                    "verdict": j.label.verdict if j.label else None, "exact": j.exact} for j in judged],
        "unlabelled": [{"finding": f.id, "kind": f.kind, "summary": f.summary,
                        "evidence": sorted([e.document, int(e.span[0]), int(e.span[1])] for e in f.evidence)}
                       for c in scores.values() for f in c.unlabelled],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--report", metavar="FILE", help="score this saved JSON report instead of running compare")
    parser.add_argument("--labels", metavar="FILE", default=str(LABELS), help="the hand labels (JSONL)")
    parser.add_argument("--model", default="use-m3")
    parser.add_argument("--no-list", action="store_true", help="do not list the unlabelled findings")
    parser.add_argument("--json", metavar="OUT", help="write the numbers and the judged findings to this JSON file")
    args = parser.parse_args()

    labels = load_labels(args.labels)
    report = run_report(args.eval_dir, args.model, args.report)
    judged = judge(report.findings, labels)
    scores = score(judged)

    matched = {j.label for j in judged if j.label is not None}
    print(f"{len(labels)} labels, {len(report.findings)} findings; {len(labels) - len(matched)} labels "
          "match no finding now (fixed or changed)\n")
    print_table(scores)
    if not args.no_list:
        print_unlabelled(scores)
    if args.json:
        Path(args.json).write_text(json.dumps(to_json(scores, judged), indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
