"""Fact extraction with ``--workers N`` on a whole corpus (default: all of IndoSum): time per worker
count, and whether every document's facts are the same as with one process.

    python benchmarks/workers.py [EVAL_DIR] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.pipeline import analyse
from factcheck.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    corpus = Path(args.eval_dir) / "indosum" / "articles.jsonl"
    baseline = None
    for workers in (int(w) for w in args.workers.split(",")):
        analysis = analyse([corpus], until="facts", settings=Settings().replace({"run": {"workers": workers}}))
        facts = [d.facts for d in analysis.documents]
        baseline = baseline or (facts, analysis.timings["extract"])
        same = facts == baseline[0]
        print(f"workers {workers}: {len(facts)} documents, extract {analysis.timings['extract']:.2f} s "
              f"({baseline[1] / analysis.timings['extract']:.2f}× one process), facts identical: {same}", flush=True)


if __name__ == "__main__":
    main()
