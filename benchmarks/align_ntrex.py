"""Statement alignment across languages on NTREX (English articles and their Indonesian translations).

Each folder of ``EVAL_DIR/ntrex`` holds ``en.txt``, ``id.txt`` (its translation, each missing
different sentences) and ``x.txt`` (another event, in the other language); ``gold.json`` lists which
paragraph of ``en.txt`` says what which paragraph of ``id.txt`` says (one sentence a paragraph).

Prints, over all folders, the precision, recall and F1 of English–Indonesian paragraph pairs placed
in one claim, how many folders have their events right (``en`` and ``id`` together, ``x`` apart), and
how many claims hold more than one sentence of a document. ``--memory`` also aligns one synthetic
event of ``--sentences`` sentences (IndoSum articles, which the event grouping is skipped for) and
prints the peak memory the alignment allocated.

    python benchmarks/align_ntrex.py [EVAL_DIR] [--folders a,b] [--model FILE] [--memory]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tracemalloc
from bisect import bisect_right
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_BLANK = re.compile(r"\n\s*\n")


def paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _BLANK.finditer(text)]


def evaluate_folder(folder: Path, settings: object | None = None) -> dict:
    """Counts of one NTREX folder: predicted and gold en–id paragraph pairs, events, repeated members."""
    from factcheck.pipeline import analyse

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    analysis = analyse([folder], settings=settings)  # type: ignore[arg-type]
    by_id = {d.id: d for d in analysis.documents}
    starts = {d.id: paragraph_starts(d.source) for d in analysis.documents}

    def paragraph(doc: str, offset: int) -> int:
        return bisect_right(starts[doc], offset) - 1

    predicted: set[tuple[int, int]] = set()
    repeated = 0
    for claim in analysis.claims:
        per_doc = Counter(m.document for m in claim.members)
        repeated += any(n > 1 for n in per_doc.values())
        en = {paragraph("en", m.start) for m in claim.members if m.document == "en"}
        idn = {paragraph("id", m.start) for m in claim.members if m.document == "id"}
        predicted.update((a, b) for a in en for b in idn)
    truth = {(a, b) for a, b in gold["pairs"]}
    event_of = {d.id: d.event for d in analysis.documents}
    events_right = event_of.get("en") == event_of.get("id") and event_of.get("x") not in {event_of.get("en")}
    return {"tp": len(predicted & truth), "fp": len(predicted - truth), "fn": len(truth - predicted),
            "events_right": events_right, "claims": len(analysis.claims), "repeated": repeated,
            "sentences": sum(len(d.sentences) for d in by_id.values())}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def folders_of(eval_dir: Path, names: str = "") -> list[Path]:
    root = eval_dir / "ntrex"
    wanted = [n for n in names.split(",") if n]
    return sorted(p for p in root.iterdir() if (p / "gold.json").is_file() and (not wanted or p.name in wanted))


def memory_of_alignment(eval_dir: Path, sentences: int) -> dict:
    """Peak memory allocated while one event of about ``sentences`` sentences is aligned."""
    from factcheck.align import align_claims
    from factcheck.embed import DEFAULT_MODEL, get_embedder
    from factcheck.extract import extract_facts
    from factcheck.ingest import load_documents
    from factcheck.model import Event
    from factcheck.segment import segment

    documents, _ = load_documents([eval_dir / "indosum" / "articles.jsonl"])
    chosen, total = [], 0
    for document in sorted(documents, key=lambda d: d.id):
        document.sentences = segment(document)
        if not document.sentences:
            continue
        chosen.append(document)
        total += len(document.sentences)
        if total >= sentences:
            break
    embedder = get_embedder(DEFAULT_MODEL)
    vectors = {d.id: embedder.encode([s.text for s in d.sentences]) for d in chosen}
    for document in chosen:
        document.facts = extract_facts(document)
    event = Event(id="E1", documents=[d.id for d in chosen])
    by_id = {d.id: d for d in chosen}
    tracemalloc.start()
    started = time.perf_counter()
    claims = align_claims(event, by_id, vectors)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"documents": len(chosen), "sentences": total, "claims": len(claims), "peak_mb": peak / 2**20,
            "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--folders", default="", help="comma-separated folder names (default: all)")
    parser.add_argument("--model", default="", help="a statement model JSON (default: the bundled one)")
    parser.add_argument("--memory", action="store_true", help="also measure aligning one large event")
    parser.add_argument("--sentences", type=int, default=5000)
    parser.add_argument("--per-folder", action="store_true")
    args = parser.parse_args()

    from factcheck.settings import AlignSettings, Settings

    settings = Settings(align=AlignSettings(model=args.model)) if args.model else Settings()
    totals: Counter = Counter()
    for folder in folders_of(args.eval_dir, args.folders):
        counts = evaluate_folder(folder, settings)
        totals.update({k: int(v) for k, v in counts.items()})
        totals["folders"] += 1
        if args.per_folder:
            p, r, f = prf(counts["tp"], counts["fp"], counts["fn"])
            print(f"{folder.name:24} P {p:.3f} R {r:.3f} F1 {f:.3f}  events {'ok' if counts['events_right'] else 'WRONG'}"
                  f"  claims {counts['claims']}")
    p, r, f = prf(totals["tp"], totals["fp"], totals["fn"])
    print(f"folders {totals['folders']}  sentences {totals['sentences']}  claims {totals['claims']}")
    print(f"en-id pairs  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  "
          f"(tp {totals['tp']}, fp {totals['fp']}, fn {totals['fn']})")
    print(f"events right in {totals['events_right']} of {totals['folders']} folders")
    print(f"claims with two sentences of one document: {totals['repeated']}")
    if args.memory:
        result = memory_of_alignment(args.eval_dir, args.sentences)
        print(f"one event of {result['sentences']} sentences ({result['documents']} documents): "
              f"{result['claims']} claims in {result['seconds']:.1f} s, peak memory {result['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
