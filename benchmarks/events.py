"""Event grouping against hand-made gold: ECB+ topics and IndoSum look-alike folders.

For each ECB+ topic (two look-alike stories, ``gold.json``) and each IndoSum look-alike folder
(the articles of one category and one ISO week, each article's story labelled by reading in
``benchmarks/labels/indosum_events.json``) it groups the documents into events the way
``factcheck compare`` does and prints the adjusted Rand index, B-cubed F1 and the purity of the
document pairs put in one event (of those pairs, the share that are truly one story), then the
mean and the worst topic; then the same folders pooled into one corpus (other topics and other
weeks side by side).

    python benchmarks/events.py [EVAL_DIR] [--corpus ecbplus,indosum] [--topics 1,2] [--settings S.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import sys
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.model import Document

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
INDOSUM_LABELS = ROOT / "benchmarks" / "labels" / "indosum_events.json"


def adjusted_rand(gold: Sequence[str], predicted: Sequence[str]) -> float:
    pairs = Counter(zip(gold, predicted))
    index = sum(comb(n, 2) for n in pairs.values())
    a = sum(comb(n, 2) for n in Counter(gold).values())
    b = sum(comb(n, 2) for n in Counter(predicted).values())
    total = comb(len(gold), 2)
    expected = a * b / total if total else 0.0
    maximum = (a + b) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def bcubed_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """B-cubed F1: per item, the share of its predicted cluster in its gold cluster and back."""
    n = len(gold)
    together = Counter(zip(gold, predicted))
    gold_size, predicted_size = Counter(gold), Counter(predicted)
    precision = sum(together[(g, p)] / predicted_size[p] for g, p in zip(gold, predicted)) / n
    recall = sum(together[(g, p)] / gold_size[g] for g, p in zip(gold, predicted)) / n
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pair_counts(gold: Sequence[str], predicted: Sequence[str]) -> tuple[int, int, int]:
    """(pairs put together that are one story, pairs put together, pairs that are one story)."""
    right = together = same = 0
    for (g1, p1), (g2, p2) in combinations(zip(gold, predicted), 2):
        together += p1 == p2
        same += g1 == g2
        right += p1 == p2 and g1 == g2
    return right, together, same


def ecbplus_folders(eval_dir: Path, topics: set[str]) -> list[tuple[str, list[Path | Document], dict[str, str]]]:
    root = eval_dir / "ecbplus"
    folders = []
    for topic in sorted((p for p in root.iterdir() if (p / "gold.json").exists()), key=lambda p: int(p.name)):
        if topics and topic.name not in topics:
            continue
        gold = json.loads((topic / "gold.json").read_text(encoding="utf-8"))["documents"]
        folders.append((f"ecb+ {topic.name}", [topic / "docs"], {d: str(v["event"]) for d, v in gold.items()}))
    return folders


def indosum_folders(eval_dir: Path, labels: Path) -> list[tuple[str, list[Path | Document], dict[str, str]]]:
    """The labelled look-alike folders, rebuilt from the corpus (category + ISO week); the labels must
    name exactly the folder's articles."""
    if not labels.exists():
        return []
    from factcheck.ingest import load_documents

    spec = json.loads(labels.read_text(encoding="utf-8"))["folders"]
    rows = [json.loads(line) for line in (eval_dir / "indosum" / "articles.jsonl").open(encoding="utf-8")]
    loaded, _ = load_documents([eval_dir / "indosum" / "articles.jsonl"])
    by_id = {d.id: d for d in loaded}
    folders = []
    for folder in spec:
        year, week = folder["week"].split("-W")
        ids = sorted(r["id"] for r in rows if r["category"] == folder["category"]
                     and datetime.date.fromisoformat(r["published"][:10]).isocalendar()[:2] == (int(year), int(week)))
        if ids != sorted(folder["documents"]):
            raise SystemExit(f"{labels}: folder {folder['name']} does not list exactly its articles")
        fresh: list[Path | Document] = [dataclasses.replace(by_id[d], sentences=[], facts=[], _derived={})
                                        for d in ids]
        folders.append((f"indosum {folder['name']}", fresh, dict(folder["documents"])))
    return folders


def _fresh(inputs: list[Path | Document]) -> list[Path | Document]:
    """Documents as read (an earlier run's sentences and facts dropped), paths as they are."""
    return [dataclasses.replace(i, sentences=[], facts=[], _derived={}, event=None) if isinstance(i, Document) else i
            for i in inputs]


def evaluate(name: str, inputs: list[Path | Document], gold: dict[str, str], settings: object) -> dict[str, float]:
    from factcheck.pipeline import analyse

    analysis = analyse(inputs, settings=settings, until="events")  # type: ignore[arg-type]
    event_of = {d.id: d.event or d.id for d in analysis.documents}
    docs = sorted(gold)
    truth, guess = [gold[d] for d in docs], [event_of.get(d, f"missing:{d}") for d in docs]
    right, together, same = pair_counts(truth, guess)
    return {"ari": adjusted_rand(truth, guess), "b3": bcubed_f1(truth, guess), "right": right,
            "together": together, "same": same, "docs": len(docs), "events": len(set(guess)),
            "stories": len(set(truth))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(DEFAULT_EVAL))
    parser.add_argument("--corpus", default="ecbplus,indosum")
    parser.add_argument("--topics", default="", help="ECB+ topic numbers, comma-separated (default: all)")
    parser.add_argument("--labels", default=str(INDOSUM_LABELS))
    parser.add_argument("--settings", default="", help="a settings JSON file (default: the bundled settings)")
    args = parser.parse_args()
    from factcheck.settings import Settings

    settings = Settings.load(Path(args.settings)) if args.settings else Settings()
    eval_dir, corpora = Path(args.eval_dir), set(args.corpus.split(","))
    groups = []
    if "ecbplus" in corpora:
        groups.append(("ECB+", ecbplus_folders(eval_dir, set(filter(None, args.topics.split(","))))))
    if "indosum" in corpora:
        groups.append(("IndoSum look-alikes", indosum_folders(eval_dir, Path(args.labels))))
    for title, folders in groups:
        if not folders:
            print(f"{title}: no folders")
            continue
        results = []
        for name, inputs, gold in folders:
            result = evaluate(name, inputs, gold, settings)
            results.append(result)
            purity = result["right"] / result["together"] if result["together"] else 1.0
            print(f"{name:>28}: docs {result['docs']:3.0f} stories {result['stories']:2.0f} "
                  f"events {result['events']:2.0f}  ARI {result['ari']:.3f}  B3 {result['b3']:.3f}  "
                  f"pair purity {purity:.3f}", flush=True)
        right, together, same = (sum(r[k] for r in results) for k in ("right", "together", "same"))
        aris = [r["ari"] for r in results]
        print(f"{title}: {len(results)} folders  mean ARI {sum(aris) / len(aris):.3f} (worst {min(aris):.3f})  "
              f"mean B3 {sum(r['b3'] for r in results) / len(results):.3f}  "
              f"pair purity {right / max(1, together):.3f}  pair recall {right / max(1, same):.3f}", flush=True)
        # The same folders as one corpus: other topics and other weeks side by side, as a researcher's
        # corpus puts them (blocking by nearest documents applies, as in any large input).
        inputs = [item for _, folder_inputs, _ in folders for item in folder_inputs]
        gold = {doc: story for _, _, folder_gold in folders for doc, story in folder_gold.items()}
        pooled = evaluate(f"{title} pooled", _fresh(inputs), gold, settings)
        print(f"{title}, all folders as one corpus: docs {pooled['docs']:.0f} stories {pooled['stories']:.0f} "
              f"events {pooled['events']:.0f}  ARI {pooled['ari']:.3f}  B3 {pooled['b3']:.3f}  "
              f"pair purity {pooled['right'] / max(1, pooled['together']):.3f}  "
              f"pair recall {pooled['right'] / max(1, pooled['same']):.3f}\n", flush=True)


if __name__ == "__main__":
    main()
