"""Fit the same-story model (``factcheck/events/weights.json``) and report it cross-validated.

Labelled document pairs, every candidate pair of each folder (``factcheck.events.document_pairs``):
- ``EVAL_DIR/ecbplus/<topic>``: two look-alike stories a topic, each document's story in ``gold.json``;
- all ECB+ topics pooled into one corpus, and all IndoSum folders into another: their candidate
  pairs across topics or weeks (different stories that a corpus puts side by side);
- ``benchmarks/labels/indosum_events.json``: IndoSum look-alike folders (one category, one week),
  each article's story labelled by reading;
- ``EVAL_DIR/ntrex/<doc>``: an English article and its Indonesian translation (one story) and an
  unrelated article in the other language.
Each folder weighs the same in the fit whatever its size (NTREX folders, tiny, a fifth; the pooled
pairs four folders' worth).

Cross-validation: ECB+ topics, IndoSum folders and NTREX folders are dealt into ``--folds`` folds;
the model is fitted on the pairs of the other folds (a pooled pair only when neither of its topics
is held out) and the held-out folders are grouped with it. The grouping's own numbers (the bar, the
bar at which a stray group of a few documents joins a larger event, and how few is "a few") are
chosen inside the same folds: for each held-out fold, the choice of the best mean ARI plus pair
purity on the *other* folds' folders, grouped with that fold's model; the held-out numbers written
are those of that nested choice, so no folder's number comes from a choice made on it. Then the model
is fitted on everything and written with the choice that is best over every fold's held-out folders.

    python benchmarks/fit_events.py [EVAL_DIR] [--out factcheck/events/weights.json] [--folds 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
import events as bench
from logistic import fit_logistic, predict_logistic

from factcheck.events import FEATURES, Occasions, document_pairs, story_groups
from factcheck.events.grouping import same_occasion
from factcheck.pipeline import analyse
from factcheck.settings import EventSettings

L2 = 10.0
BARS = (0.5, 0.55, 0.6, 0.65, 0.7)
ATTACH_BARS = (0.3, 0.35, 0.4, 0.5)
SMALL_GROUPS = (1, 2, 3, 4)
GRID = [(bar, attach, small) for bar in BARS for attach in ATTACH_BARS for small in SMALL_GROUPS]
"""(bar, attach_bar, small_group) choices; small_group 1 with any attach bar: only lone reports attach."""
Choice = tuple[float, float, int]
CFG = EventSettings(neighbours=10_000)
"""Every pair of a labelled folder is a candidate (blocking is for corpora)."""
NTREX_WEIGHT = 0.2
POOLED_WEIGHT = 4.0


@dataclass
class Folder:
    """One labelled folder: its candidate pairs, their features and labels, and its documents' stories."""

    name: str
    kind: str
    """ecbplus, indosum, ntrex or pooled."""
    stories: list[str]
    left: np.ndarray
    right: np.ndarray
    x: np.ndarray
    y: np.ndarray
    groups: list[frozenset[str]]
    """For each pair, the cross-validation groups it belongs to (its topic or folder; two for pooled pairs)."""
    weight: float
    days: list[tuple] = field(default_factory=list)
    """Each document's days (publication and written dates), for the same-occasion merge."""


def _folder(name: str, kind: str, documents: list, vectors: dict, story_of: dict[str, str],
            group_of: dict[str, str], weight: float, cfg: EventSettings) -> Folder:
    documents = sorted((d for d in documents if d.id in story_of), key=lambda d: d.id)
    pairs = document_pairs(documents, vectors, cfg)
    stories = [story_of[d.id] for d in documents]
    y = np.array([stories[a] == stories[b] for a, b in zip(pairs.left, pairs.right)], dtype=np.float64)
    groups = [frozenset({group_of[documents[a].id], group_of[documents[b].id]})
              for a, b in zip(pairs.left.tolist(), pairs.right.tolist())]
    return Folder(name, kind, stories, pairs.left, pairs.right, pairs.features, y, groups, weight,
                  [s.days for s in pairs.signatures])


def _pooled(name: str, documents: list, vectors: dict, story_of: dict[str, str], group_of: dict[str, str],
            cfg: EventSettings) -> Folder:
    """The candidate pairs across folders of one corpus pooled: different stories a corpus puts side
    by side (other topics, other weeks)."""
    pooled = _folder(name, "pooled", documents, vectors, story_of, group_of, 0.0, cfg)
    across = np.array([len(g) == 2 for g in pooled.groups], dtype=bool)
    print(f"  {name}: {int(across.sum())} pairs across folders ({int(pooled.y[across].sum())} one story)",
          file=sys.stderr, flush=True)
    return Folder(pooled.name, "pooled", pooled.stories, pooled.left[across], pooled.right[across],
                  pooled.x[across], pooled.y[across],
                  [g for g, a in zip(pooled.groups, across) if a], POOLED_WEIGHT)


def load_folders(eval_dir: Path, labels: Path, cfg: EventSettings) -> list[Folder]:
    folders: list[Folder] = []
    for kind, labelled in (("ecbplus", bench.ecbplus_folders(eval_dir, set())),
                           ("indosum", bench.indosum_folders(eval_dir, labels))):
        everything: list = []
        vectors: dict = {}
        story_of: dict[str, str] = {}
        group_of: dict[str, str] = {}
        for name, inputs, gold in labelled:
            analysis = analyse(inputs, until="facts")
            folders.append(_folder(name, kind, analysis.documents, analysis.vectors, gold,
                                   dict.fromkeys(gold, name), 1.0, cfg))
            everything.extend(analysis.documents)
            vectors.update(analysis.vectors)
            story_of.update(gold)
            group_of.update(dict.fromkeys(gold, name))
            print(f"  {name}: {len(folders[-1].y)} pairs", file=sys.stderr, flush=True)
        if everything:
            folders.append(_pooled(f"{kind} pooled", everything, vectors, story_of, group_of, cfg))
    ntrex = eval_dir / "ntrex"
    for folder in sorted(p for p in ntrex.iterdir() if (p / "gold.json").exists()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        analysis = analyse([folder], until="facts")
        story = {d.id: ("one" if Path(d.path).name in gold["event"] else d.id) for d in analysis.documents}
        folders.append(_folder(f"ntrex {folder.name}", "ntrex", analysis.documents, analysis.vectors, story,
                               dict.fromkeys(story, f"ntrex {folder.name}"), NTREX_WEIGHT, cfg))
    return folders


def fit(folders: list[Folder], keep: Any = None) -> dict[str, Any]:
    xs, ys, ws = [], [], []
    for folder in folders:
        mask = np.ones(len(folder.y), dtype=bool) if keep is None else np.array([keep(g) for g in folder.groups],
                                                                                dtype=bool)
        if not mask.any():
            continue
        xs.append(folder.x[mask])
        ys.append(folder.y[mask])
        ws.append(np.full(int(mask.sum()), folder.weight / max(1, len(folder.y))))
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    return fit_logistic(x, y, w * len(w) / w.sum(), FEATURES, L2)


def grouping_scores(folder: Folder, model: dict[str, Any], choice: Choice,
                    probability: np.ndarray | None = None) -> tuple[float, int, int, int]:
    """(ARI, pairs put together that are one story, pairs put together, pairs of one story)."""
    bar, attach_bar, small_group = choice
    if probability is None:
        probability = predict_logistic(model, folder.x, FEATURES)
    occasions = Occasions(folder.days, CFG.other_occasion_days)
    groups = story_groups(len(folder.stories), folder.left, folder.right, probability, bar, attach_bar,
                          small_group, occasions)
    groups = same_occasion(groups, folder.left, folder.right, probability, folder.days, CFG.merge_bar,
                           CFG.merge_day_share)
    predicted = [""] * len(folder.stories)
    for number, group in enumerate(groups):
        for i in group:
            predicted[i] = str(number)
    right, together, same = bench.pair_counts(folder.stories, predicted)
    return bench.adjusted_rand(folder.stories, predicted), right, together, same


Scores = dict[str, tuple[float, int, int, int]]


def objective(scores: list[tuple[float, int, int, int]], choice: Choice) -> tuple[float, ...]:
    """Mean ARI plus pair purity (a merged event compares two stories' facts); ties to the higher bars."""
    purity = sum(s[1] for s in scores) / max(1, sum(s[2] for s in scores))
    return float(np.mean([s[0] for s in scores])) + purity, choice[0], choice[1], -choice[2]


def cross_validated(folders: list[Folder], grouped: list[Folder], folds: int) -> tuple[dict[Choice, Scores], Scores, list[Choice]]:
    """Every choice's held-out scores of every grouped folder; the nested held-out scores (each fold
    grouped with the choice best on the other folds, under this fold's model); the choice per fold."""
    fold_of = {f.name: zlib.crc32(f.name.encode()) % folds for f in grouped}
    judged = [f for f in grouped if f.kind != "ntrex"]
    held: dict[Choice, Scores] = {choice: {} for choice in GRID}
    nested: Scores = {}
    chosen: list[Choice] = []
    for fold in range(folds):
        out = {name for name, k in fold_of.items() if k == fold}
        model = fit(folders, keep=lambda groups, out=out: not groups & out)
        probability = {f.name: predict_logistic(model, f.x, FEATURES) for f in grouped}
        inside = [f for f in judged if f.name not in out]

        def score(choice: Choice, folder: Folder, model: dict[str, Any] = model,
                  probability: dict[str, np.ndarray] = probability) -> tuple[float, int, int, int]:
            return grouping_scores(folder, model, choice, probability[folder.name])

        best = max(GRID, key=lambda c: objective([score(c, f) for f in inside], c))
        chosen.append(best)
        for folder in grouped:
            if folder.name in out:
                for choice in GRID:
                    held[choice][folder.name] = score(choice, folder)
                nested[folder.name] = held[best][folder.name]
    return held, nested, chosen


def summarise(grouped: list[Folder], held: dict[str, tuple[float, int, int, int]]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for kind in ("ecbplus", "indosum", "ntrex"):
        results = [held[f.name] for f in grouped if f.kind == kind]
        if results:
            right, together, same = (sum(r[k] for r in results) for k in (1, 2, 3))
            aris = [r[0] for r in results]
            summary[kind] = {"folders": len(results), "mean_ari": round(float(np.mean(aris)), 3),
                             "worst_ari": round(min(aris), 3), "pair_purity": round(right / max(1, together), 3),
                             "pair_recall": round(right / max(1, same), 3)}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(bench.DEFAULT_EVAL))
    parser.add_argument("--labels", default=str(bench.INDOSUM_LABELS))
    parser.add_argument("--out", default=str(ROOT / "factcheck" / "events" / "weights.json"))
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    folders = load_folders(Path(args.eval_dir), Path(args.labels), CFG)
    grouped = [f for f in folders if f.kind in ("ecbplus", "indosum", "ntrex")]
    judged = [f for f in grouped if f.kind != "ntrex"]
    held, nested, chosen = cross_validated(folders, grouped, args.folds)
    choice = max(GRID, key=lambda c: objective([held[c][f.name] for f in judged], c))
    for c in sorted(GRID, key=lambda c: objective([held[c][f.name] for f in judged], c), reverse=True)[:8]:
        print(f"bar {c[0]:.2f} attach {c[1]:.2f} small {c[2]}: held out {summarise(grouped, held[c])}", file=sys.stderr)
    print(f"chosen inside each fold (bar, attach_bar, small_group): {chosen}")
    summary = summarise(grouped, nested)
    for kind, numbers in summary.items():
        print(f"held out, nested choice, {kind}: {numbers}")
        if kind != "ntrex":
            for f in grouped:
                if f.kind == kind:
                    print(f"    {f.name:>28}: ARI {nested[f.name][0]:.3f}")
    print(f"the same choice for every fold, {choice}: {summarise(grouped, held[choice])}")
    model = fit(folders)
    labelled = {kind: {"folders": sum(f.kind == kind for f in folders),
                       "pairs": int(sum(len(f.y) for f in folders if f.kind == kind))}
                for kind in ("ecbplus", "pooled", "indosum", "ntrex")}
    model.update({"bar": float(choice[0]), "attach_bar": float(choice[1]), "small_group": int(choice[2]),
                  "cross_validated": summary, "labelled": labelled,
                  "about": "same-story probability of two documents; fitted by benchmarks/fit_events.py"})
    Path(args.out).write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"bar {choice[0]:.2f}, attach_bar {choice[1]:.2f}, small_group {choice[2]}; weights: {model['weights']}\n"
          f"written to {args.out}")


if __name__ == "__main__":
    main()
