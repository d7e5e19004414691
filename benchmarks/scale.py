"""A corpus, not a folder: wall time, pure embedding time, time per stage, peak memory, counts.

Two kinds of corpus:

* ``indosum``: the whole of ``EVAL_DIR/indosum/articles.jsonl`` as it is;
* ``N`` (a number, e.g. ``10000``): a synthetic corpus of N articles made from IndoSum by
  retelling each article as several outlets (each copy keeps a seeded 80 % of the sentences, in
  order, under its own outlet and URL; the copies of one article are one story).

For each corpus the real ``factcheck.compare`` runs (the embedding cache on unless
``--cold``, which runs with no cache at all: the wall time is then end to end; a warm cache
measures everything but the model) and, in the same process, the bundled model embeds every
sentence of the corpus once more with no cache, in one process on all the BLAS threads the
package gives it (up to four): the pure embedding time the targets compare against. Printed: wall time, the embed stage, the pure
embedding time and sentences per second, every stage's time, the non-embedding time (wall
minus the embed stage), the peak resident memory of this process and its workers, and the
documents / events / claims / findings counts.

    python benchmarks/scale.py [EVAL_DIR] [--corpora indosum,10000] [--workers 1,2]
                               [--engine local] [--cold] [--copies 5] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from perturb import split_sentences

from factcheck import compare
from factcheck.settings import Settings

KEEP = 0.8
"""Share of an article's sentences each retelling keeps."""
YEARS_PER_ROUND = 2
"""Years between one round of retellings and the next: another occasion of the same kind of story."""
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")


def synthetic(articles: list[dict[str, Any]], size: int, copies: int, seed: int) -> list[dict[str, Any]]:
    """``size`` articles: IndoSum articles retold by ``copies`` outlets each, cycling the source.

    Past one round (every article once), a source article comes back as a later story, as years of
    news repeat their kinds of story: round ``r`` is published ``YEARS_PER_ROUND × r`` years later and
    every year its text writes (``2017``, ``12/3/2018``) moves as far. Without the shift a 10⁵ corpus
    would be 2,146 stories told ~47 times each and every event ~9 times bigger than at 10⁴; pair work
    per event grows with its square, which would be the corpus's doing, not the tool's. (A moved
    date can fall on another weekday than its text says: such weekday findings are part of the work.)"""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    round_ = 0
    while len(out) < size:
        for number, article in enumerate(articles):
            for copy in range(copies):
                if len(out) >= size:
                    return out
                paragraphs = [p for p in article["text"].split("\n") if p.strip()]
                kept = []
                for paragraph in paragraphs:
                    sentences = [s for s in split_sentences(paragraph) if rng.random() < KEEP]
                    if sentences:
                        kept.append(" ".join(sentences))
                outlet = f"outlet{copy + 1}-r{round_}"
                published = article.get("published")
                if round_:
                    kept = [_later(k, round_) for k in kept]
                    paragraphs = [_later(k, round_) for k in paragraphs]
                    if published:
                        published = _later(str(published), round_)
                out.append({**article, "id": f"s{round_}-{number}-{copy}", "source": outlet, "published": published,
                            "url": f"https://{outlet}.example/{round_}/{number}",
                            "text": "\n\n".join(kept or paragraphs[:1])})
        round_ += 1
    return out


def _later(text: str, round_: int) -> str:
    """``text`` with every year it writes moved ``YEARS_PER_ROUND × round_`` years on."""
    shift = YEARS_PER_ROUND * round_
    return _YEAR.sub(lambda m: str(int(m.group()) + shift), text)


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def measure(corpus: Path, workers: int, engine: str, cache: bool) -> dict[str, Any]:
    settings = Settings().replace({"run": {"workers": workers, "engine": engine}})
    started = time.perf_counter()
    report = compare([corpus], cache=cache, settings=settings)
    wall = time.perf_counter() - started
    timings = dict(report.stats["timings"])
    return {"wall": round(wall, 2), "timings": {k: round(v, 2) for k, v in timings.items()},
            "non_embedding": round(wall - timings.get("embed", 0.0), 2), "peak_mb": round(peak_mb()),
            "documents": len(report.documents), "events": len(report.events), "claims": len(report.claims),
            "findings": len(report.findings), "sentences": report.stats["sentences"],
            "largest_event": max((len(e.documents) for e in report.events), default=0)}


def pure_embedding(corpus: Path) -> tuple[float, int]:
    """Seconds the bundled model takes on every sentence of ``corpus``, with no cache, in one process
    on every BLAS thread it is given (the package's own default, up to four): the model as it ships.
    A run embeds on one thread per process (``factcheck.embed.corpus``), so this is the stricter baseline
    for ``--workers 1`` and the fair one for a user who would only embed."""
    from factcheck.embed.use import UniversalSentenceEncoder
    from factcheck.pipeline import _documents
    from factcheck.segment import segment

    documents, _ = _documents([corpus])
    texts = [s.text for d in documents for s in segment(d)]
    embedder = UniversalSentenceEncoder(threads=min(4, os.cpu_count() or 1))
    embedder.encode(texts[:64])  # the model's first call builds its graph: not embedding time
    started = time.perf_counter()
    for i in range(0, len(texts), 256):
        embedder.encode(texts[i:i + 256])
    return time.perf_counter() - started, len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--corpora", default="indosum", help="indosum and/or article counts, comma-separated")
    parser.add_argument("--workers", default="1", help="worker counts to run, comma-separated")
    parser.add_argument("--engine", default="local")
    parser.add_argument("--copies", type=int, default=5, help="outlets per article in a synthetic corpus")
    parser.add_argument("--cold", action="store_true", help="run compare without the embedding cache")
    parser.add_argument("--no-pure", action="store_true", help="skip the pure embedding measurement")
    parser.add_argument("--json", default="", help="also write the results here")
    args = parser.parse_args()
    source = Path(args.eval_dir) / "indosum" / "articles.jsonl"
    articles = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for name in args.corpora.split(","):
            if name == "indosum":
                corpus = source
            else:
                corpus = Path(folder) / f"synthetic-{name}.jsonl"
                rows = synthetic(articles, int(name), args.copies, seed=7)
                corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            pure, sentences = (float("nan"), 0) if args.no_pure else pure_embedding(corpus)
            for workers in (int(w) for w in args.workers.split(",")):
                result = measure(corpus, workers, args.engine, cache=not args.cold)
                result.update(corpus=name, workers=workers, engine=args.engine, cache="cold" if args.cold else "warm",
                              pure_embedding=round(pure, 2),
                              sentences_per_second=round(sentences / pure, 1) if not math.isnan(pure) and pure else None)
                # With a warm cache the run's own embed stage is a cache read, so its wall time is not end to
                # end: what a cold run would take is the pure embedding plus everything but the embedding.
                end_to_end = (result["wall"] if args.cold else pure + result["non_embedding"]) / pure
                result.update(end_to_end_over_pure=None if math.isnan(end_to_end) else round(end_to_end, 3))
                results.append(result)
                t = result["timings"]
                stages = "  ".join(f"{k} {v:.1f}" for k, v in t.items())
                print(f"{name:>8} workers {workers} ({result['cache']} cache): {result['documents']} docs, "
                      f"{result['sentences']} sentences; wall {result['wall']:.1f} s, embed stage "
                      f"{t.get('embed', 0):.1f} s, pure embedding {pure:.1f} s "
                      f"({result['sentences_per_second']} sentences/s), end to end / pure {end_to_end:.2f}×"
                      f"{'' if args.cold else ' (pure + non-embedding)'}, "
                      f"non-embedding {result['non_embedding']:.1f} s; peak {result['peak_mb']} MB; "
                      f"{result['events']} events (largest {result['largest_event']} documents), {result['claims']} claims, "
                      f"{result['findings']} findings",
                      flush=True)
                print(f"           stages: {stages}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
