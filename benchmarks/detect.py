"""Discrepancy detection on perturbed IndoSum retellings: precision, recall and F1 per finding kind.

Each case retells one real article as three outlets (sentences dropped,
paragraphs reordered, page chrome added; see ``benchmarks/perturb.py``) and
most cases inject one known discrepancy into one copy. Every case is compared
three ways with the library API (one model load for the whole run):

* the original article alone: what the source itself already gets "wrong";
* the clean retelling (no injection): findings here are false positives of the
  retelling, unless the original alone shows them too;
* the injected retelling: a finding of the injected kind whose evidence touches
  the injected value in the outlier copy is a hit; a finding also present in the
  clean retelling is discounted (not the injection's doing); anything else is a
  false positive for its kind.

    python benchmarks/detect.py [EVAL_DIR] [--cases 200] [--seed 7] [--verbose] [--json OUT]

Targets (issue 3): recall ≥ 0.90 and precision ≥ 0.90 on every kind, zero
findings on clean retellings.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import perturb

from factcheck import compare
from factcheck.embed import DEFAULT_MODEL, Embedder, get_embedder
from factcheck.model import Finding

ROOT = Path(__file__).resolve().parent.parent
VALUE_KINDS = frozenset({"date_conflict", "weekday_mismatch", "number_conflict"})


@dataclass
class Outcome:
    """What one case produced, kept whole so misses and false positives can be read afterwards."""

    case: str
    kind: str
    article: str
    injection: dict | None
    detected: bool = False
    hits: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    discounted: list[dict] = field(default_factory=list)      # also in the clean retelling
    clean_findings: list[dict] = field(default_factory=list)  # on the clean retelling
    clean_artefacts: list[dict] = field(default_factory=list)  # ...that the source does not explain
    original_findings: list[dict] = field(default_factory=list)  # on the original article alone
    seconds: float = 0.0


# ---- comparing -------------------------------------------------------------------------------


def run(folder: Path, embedder: Embedder) -> list[Finding]:
    return compare([folder], model=embedder).findings


def brief(finding: Finding) -> dict:
    """A finding as a small dict: enough to judge it by eye in the verbose listing."""
    return {"kind": finding.kind, "summary": finding.summary, "majority": finding.majority,
            "outliers": finding.outliers,
            "evidence": [{"document": e.document, "value": e.value, "span": list(e.span), "text": e.text}
                         for e in finding.evidence]}


def key(finding: Finding) -> tuple:
    """Identity of a finding across runs: its kind and the values of its evidence.

    Offsets are left out because the injection shifts text after it, and
    documents too: an injection may take one mention out of a pre-existing
    variant group (or the original runs as one document), which changes who
    holds a value but not what the finding is.
    """
    return finding.kind, frozenset(e.value for e in finding.evidence)


def matches(finding: Finding, injection: perturb.Injection) -> bool:
    """The injected kind, with evidence from the outlier copy that touches the injected value."""
    if finding.kind != injection.kind:
        return False
    a, b = injection.region
    for e in finding.evidence:
        if e.document != injection.document:
            continue
        if e.span[0] < b and a < e.span[1]:
            return True
        if injection.kind in VALUE_KINDS and injection.value and _same_value(e.value, injection.value):
            return True
        if injection.kind == "name_variant" and injection.new == e.value:
            return True
    return False


def _same_value(shown: str, injected: str) -> bool:
    """``2019-04-26`` against ``2019-04-26``; ``18 person`` against ``18``."""
    return shown == injected or shown.split(" ")[0] == injected


# ---- one case ------------------------------------------------------------------------------


def evaluate(case: perturb.Case, workdir: Path, embedder: Embedder) -> Outcome:
    started = time.perf_counter()
    injection = case.injection
    outcome = Outcome(case.id, case.kind, case.article.id, asdict(injection) if injection else None)
    original = perturb.write_case(workdir / case.id / "original", [_original_record(case.article)])
    original_found = run(original, embedder)
    outcome.original_findings = [brief(f) for f in original_found]
    known = {key(f) for f in original_found}

    clean_found = run(perturb.write_case(workdir / case.id / "clean", case.clean), embedder)
    outcome.clean_findings = [brief(f) for f in clean_found]
    outcome.clean_artefacts = [brief(f) for f in clean_found
                               if key(f) not in known and not in_source(f, case.article.text)]
    if injection is None:
        outcome.false_positives = list(outcome.clean_artefacts)
        outcome.discounted = [f for f in outcome.clean_findings if f not in outcome.clean_artefacts]
        outcome.seconds = time.perf_counter() - started
        return outcome

    before = {key(f) for f in clean_found}
    for finding in run(perturb.write_case(workdir / case.id / "injected", case.injected), embedder):
        if matches(finding, injection):
            outcome.detected = True
            outcome.hits.append(brief(finding))
        elif key(finding) in before:
            outcome.discounted.append(brief(finding))
        else:
            outcome.false_positives.append(brief(finding))
    outcome.seconds = time.perf_counter() - started
    return outcome


def in_source(finding: Finding, text: str) -> bool:
    """A spelling variant the source article itself prints (all spellings are in it).

    Such a finding is the source's own inconsistency: the original alone may not
    show it only because the name detector needs a frequent spelling (2+ mentions)
    that a single copy does not reach.
    """
    return finding.kind == "name_variant" and all(e.value in text for e in finding.evidence)


def _original_record(article: perturb.Article) -> dict:
    return {"id": "original", "outlet": article.source, "published": article.published.isoformat(),
            "title": "", "text": article.text}


# ---- scoring -------------------------------------------------------------------------------


@dataclass
class Score:
    injected: int = 0
    detected: int = 0
    false_positives: int = 0

    @property
    def precision(self) -> float:
        flagged = self.detected + self.false_positives
        return self.detected / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        return self.detected / self.injected if self.injected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(outcomes: list[Outcome]) -> dict[str, Score]:
    scores = {kind: Score() for kind in perturb.KINDS}
    for outcome in outcomes:
        if outcome.kind in scores:
            scores[outcome.kind].injected += 1
            scores[outcome.kind].detected += int(outcome.detected)
        for finding in outcome.false_positives:
            scores.setdefault(finding["kind"], Score()).false_positives += 1
    return scores


def total(scores: dict[str, Score]) -> Score:
    return Score(sum(s.injected for s in scores.values()), sum(s.detected for s in scores.values()),
                 sum(s.false_positives for s in scores.values()))


# ---- printing ------------------------------------------------------------------------------


def print_table(scores: dict[str, Score]) -> None:
    print(f"\n{'kind':18} {'injected':>8} {'detected':>8} {'FP':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
    for kind, s in list(scores.items()) + [("overall", total(scores))]:
        flag = "" if kind == "overall" or (s.precision >= 0.9 and s.recall >= 0.9) else "  < target"
        print(f"{kind:18} {s.injected:8d} {s.detected:8d} {s.false_positives:4d} {s.precision:9.3f} "
              f"{s.recall:7.3f} {s.f1:6.3f}{flag}")


def print_clean(outcomes: list[Outcome]) -> None:
    """Findings on clean retellings: the source's own slips apart from what the retelling caused."""
    clean = [o for o in outcomes if o.kind == "clean"]
    raw = sum(len(o.clean_findings) for o in clean)
    left = sum(len(o.false_positives) for o in clean)
    twins = [o for o in outcomes if o.kind != "clean"]
    twin_raw = Counter(f["kind"] for o in twins for f in o.clean_findings)
    twin_left = Counter(f["kind"] for o in twins for f in o.clean_artefacts)
    original = Counter(f["kind"] for o in outcomes for f in o.original_findings)
    print(f"\nclean cases: {len(clean)}; findings on their retellings: {raw} "
          f"({raw - left} the source's own slips, {left} not) — target 0")
    print(f"clean twins of injected cases: {sum(twin_raw.values())} findings {dict(sorted(twin_raw.items()))}, "
          f"of which not the source's own: {sum(twin_left.values())} {dict(sorted(twin_left.items()))}")
    print(f"pre-existing findings in the original articles alone: {sum(original.values())} "
          f"{dict(sorted(original.items()))}")
    print(f"findings discounted in injected runs (also in the clean twin): "
          f"{sum(len(o.discounted) for o in twins)}")


def print_details(outcomes: list[Outcome]) -> None:
    """Every miss and false positive, with the sentence, for diagnosis."""
    for o in outcomes:
        if o.kind != "clean":
            for f in o.clean_artefacts:
                print(f"\nFP on clean twin {o.case} [{o.article}] {f['kind']}: {f['summary'][:300]}")
        if o.injection and not o.detected:
            inj = o.injection
            print(f"\nMISS {o.case} {o.kind} [{o.article}] in {inj['document']}: {inj['old']!r} → {inj['new']!r}")
            print(f"    sentence: {inj['sentence'][:400]}")
            for f in o.false_positives:
                print(f"    (other finding: {f['kind']}: {f['summary'][:200]})")
        for f in o.false_positives:
            print(f"\nFP {o.case} ({o.kind}) [{o.article}] {f['kind']}: {f['summary'][:300]}")
            for e in f["evidence"]:
                print(f"    {e['document']}: {e['value']!r} in: {e['text'][:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--cases", type=int, default=200, help="number of cases (about a quarter clean)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--verbose", action="store_true", help="list every miss and false positive")
    parser.add_argument("--json", type=Path, help="write every case's outcome here")
    parser.add_argument("--keep", type=Path, help="write the case folders here instead of a temp folder")
    args = parser.parse_args()

    started = time.perf_counter()
    cases = perturb.build_cases(perturb.load_articles(Path(args.eval_dir)), args.cases, args.seed)
    embedder = get_embedder(args.model, cache=True)
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="factcheck-detect-") as tmp:
        workdir = args.keep or Path(tmp)
        for number, case in enumerate(cases, 1):
            outcome = evaluate(case, workdir, embedder)
            outcomes.append(outcome)
            status = "clean" if outcome.kind == "clean" else ("hit" if outcome.detected else "MISS")
            print(f"[{number:3d}/{len(cases)}] {case.id} {case.kind:17} {status:5} "
                  f"fp {len(outcome.false_positives)}  {outcome.seconds:5.2f}s", flush=True)
    elapsed = time.perf_counter() - started
    scores = score(outcomes)
    if args.verbose:
        print_details(outcomes)
    print_table(scores)
    print_clean(outcomes)
    print(f"\n{len(cases)} cases (seed {args.seed}) in {elapsed:.1f} s: {len(cases) / elapsed:.2f} cases/s")
    if args.json:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
