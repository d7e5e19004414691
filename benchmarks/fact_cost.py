"""What the fact layer costs next to the embeddings, on a whole corpus (default: all of indosum).

Runs ``factcheck.pipeline.analyse`` on the articles without the embedding cache, then the
fact-layer work that follows: the links of every event (number and date pairs, scored) and
the number and date detectors. Prints the embedding time, the fact extraction time, the
linking + detection time, and the fact layer's share of the embedding time (target < 25 %).

    python benchmarks/fact_cost.py [EVAL_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from factcheck.detect.dates import DateConflicts
from factcheck.detect.numbers import NumberConflicts
from factcheck.pipeline import analyse
from factcheck.settings import Settings, use

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    source = Path(args.eval_dir) / "indosum" / "articles.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()
    if args.limit:
        lines = lines[: args.limit]
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "articles.jsonl"
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        analysis = analyse([corpus], cache=False)
    started = time.perf_counter()
    findings = 0
    with use(analysis.contexts[0].settings if analysis.contexts else Settings()):
        for context in analysis.contexts:
            findings += len(NumberConflicts()(context)) + len(DateConflicts()(context))
    linking = time.perf_counter() - started
    timings = analysis.timings
    embed, extract = timings.get("embed", 0.0), timings.get("extract", 0.0)
    share = (extract + linking) / embed if embed else float("nan")
    print(json.dumps({"articles": len(analysis.documents), "events": len(analysis.events),
                      "sentences": sum(len(d.sentences) for d in analysis.documents),
                      "facts": sum(len(d.facts) for d in analysis.documents)}))
    print(f"embedding            {embed:8.2f} s")
    print(f"fact extraction      {extract:8.2f} s")
    print(f"linking + detection  {linking:8.2f} s  ({findings} number/date findings)")
    print(f"fact layer / embedding: {share:.1%}  (target < 25 %)")
    sys.exit(0)


if __name__ == "__main__":
    main()
