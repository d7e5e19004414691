"""Claim alignment and event grouping on ECB+ (English news, two look-alike events per topic).

Runs ``factcheck.compare`` on every topic folder and prints claim-pair
precision/recall/F1 on the annotated lines and the adjusted Rand index of the
event grouping against the gold events, plus the wall time of
``factcheck compare seeds/``.

    python benchmarks/align_ecbplus.py [EVAL_DIR] [--topics 1,2,3]
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from events import adjusted_rand


def line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset)


def evaluate_topic(topic: Path, model: str) -> dict:
    import factcheck

    gold = json.loads((topic / "gold.json").read_text())
    report = factcheck.compare([topic / "docs"], model=model)
    annotated = {doc: set(info["annotated"]) for doc, info in gold["documents"].items()}
    claims = [{(m.document, line_of(report.sources[m.document], m.start)) for m in claim.members}
              for claim in report.claims]
    truth = {frozenset([(a, i), (b, j)]) for a, i, b, j in gold["aligned_pairs"]}
    event_of = {d.id: d.event for d in report.documents}
    docs = sorted(gold["documents"])
    gold_event_of = {doc: info["event"] for doc, info in gold["documents"].items()}
    ari = adjusted_rand([gold_event_of[d] for d in docs], [event_of.get(d, "?") for d in docs])
    result = {"events": len(report.events), "docs": len(docs), "ari": ari}
    result.update(_counts("", _pairs(claims, annotated), truth))
    # References: every annotated line of an event paired with every other, in our events and in gold ones.
    for name, event_of_doc in (("our_events_", event_of), ("gold_events_", gold_event_of)):
        groups: dict[str, set] = {}
        for doc, lines in annotated.items():
            groups.setdefault(event_of_doc.get(doc, doc), set()).update((doc, line) for line in lines)
        result.update(_counts(name, _pairs(list(groups.values()), annotated), truth))
    return result


def _pairs(groups: list[set], annotated: dict[str, set]) -> set[frozenset]:
    """Cross-document pairs of annotated lines that share a group."""
    pairs = set()
    for lines in groups:
        for (d1, l1), (d2, l2) in itertools.combinations(sorted(lines), 2):
            if d1 != d2 and l1 in annotated.get(d1, ()) and l2 in annotated.get(d2, ()):
                pairs.add(frozenset([(d1, l1), (d2, l2)]))
    return pairs


def _counts(prefix: str, predicted: set, truth: set) -> dict[str, int]:
    return {f"{prefix}tp": len(predicted & truth), f"{prefix}fp": len(predicted - truth),
            f"{prefix}fn": len(truth - predicted)}


def prf(totals: Counter, prefix: str = "") -> tuple[float, float, float]:
    tp, fp, fn = (totals[f"{prefix}{k}"] for k in ("tp", "fp", "fn"))
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return precision, recall, 2 * precision * recall / max(1e-12, precision + recall)


def seeds_wall_time() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factcheck", "compare", str(ROOT / "seeds"), "--format", "json",
                    "--quiet", "--no-cache"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--topics", default="", help="comma-separated topic numbers (default: all)")
    parser.add_argument("--model", default="use-m3")
    args = parser.parse_args()
    root = Path(args.eval_dir) / "ecbplus"
    wanted = set(filter(None, args.topics.split(",")))
    topics = sorted((p for p in root.iterdir() if (p / "gold.json").exists() and (not wanted or p.name in wanted)),
                    key=lambda p: int(p.name))
    totals = Counter()
    aris = []
    for topic in topics:
        result = evaluate_topic(topic, args.model)
        totals.update({k: v for k, v in result.items() if k.endswith(("tp", "fp", "fn"))})
        aris.append(result["ari"])
        p, r, _ = prf(Counter(result))
        print(f"topic {topic.name:>3}: docs {result['docs']:3d} events {result['events']:2d} "
              f"ARI {result['ari']:.3f}  pairs P {p:.3f} R {r:.3f}", flush=True)
    precision, recall, f1 = prf(totals)
    print(f"\nclaim pairs over {len(topics)} topics: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    for prefix, what in (("our_events_", "our events"), ("gold_events_", "the gold events")):
        reference = "  reference, every annotated pair inside {}: P {:.3f} R {:.3f} F1 {:.3f}"
        print(reference.format(what, *prf(totals, prefix)))
    print(f"event grouping: mean ARI {sum(aris) / max(1, len(aris)):.3f}  (min {min(aris):.3f})")
    print(f"factcheck compare seeds/ (cold cache, model load included): {seeds_wall_time():.2f} s")


if __name__ == "__main__":
    main()
