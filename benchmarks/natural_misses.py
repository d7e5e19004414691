"""Where the ECB+ date and number disagreements are lost: the stage each annotated item gets to.

For every ``conflict``/``evolving`` item of kind date, weekday or number in
``<topic>/discrepancies.json``, and every pair of its sides with different values, the
pipeline (``factcheck.pipeline.analyse``) is followed until the pair drops out:

* ``event``: the two sides' documents are in different events;
* ``extract``: no fact of the right family covers a side's value in its quoted sentence;
* ``candidate``: both facts exist but the link stage never paired them (different units or
  dimension, not comparable dates, other subject, published too far apart, blocked);
* ``same``: the pair was scored but its values agree at the compared level;
* ``score``: the values differ but the link score is under the report bar;
* ``linked``: scored at or above the bar (a detector may still drop it).

An item counts at its furthest pair. Prints the counts per stage and family, and with ``--list``
one line per item, for reading what to fix next.

    python benchmarks/natural_misses.py [EVAL_DIR] [--topics 1,2] [--list]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import natural

from factcheck.detect._common import sentence_of
from factcheck.embed import get_embedder
from factcheck.link import links, model_for
from factcheck.link.values import DATE_KINDS, NUMBER_KINDS
from factcheck.model import Document, Fact
from factcheck.pipeline import analyse

STAGES = ("event", "extract", "candidate", "same", "score", "linked")
FAMILY = {"date": DATE_KINDS, "weekday": DATE_KINDS, "number": NUMBER_KINDS}


def side_facts(side: dict[str, Any], document: Document, kinds: frozenset[str]) -> list[Fact]:
    """Facts of ``kinds`` in the side's quoted sentence that overlap the side's value."""
    out = []
    value = side["value"].lower()
    for fact in document.facts:
        if fact.kind not in kinds:
            continue
        sentence = sentence_of(document, fact.sentence)
        if sentence is None or not natural.shows_side(side, document.id, sentence.text):
            continue
        lowered = sentence.text.lower()
        pos = lowered.find(value)
        while pos >= 0:
            if fact.start < sentence.start + pos + len(value) and sentence.start + pos < fact.end:
                out.append(fact)
                break
            pos = lowered.find(value, pos + 1)
    return out


def stage_of(item: dict[str, Any], analysis: Any, event_of: dict[str, str], contexts: dict[str, Any]) -> tuple[str, str]:
    """The furthest stage any pair of the item's sides reaches, and a short reason."""
    kinds = FAMILY[item["kind"]]
    documents = {d.id: d for d in analysis.documents}
    best, why = 0, ""
    sides = item["sides"]
    for i, sa in enumerate(sides):
        for sb in sides[i + 1:]:
            if sa["value"].lower() == sb["value"].lower():
                continue
            da, db = documents.get(sa["doc"]), documents.get(sb["doc"])
            if da is None or db is None:
                continue
            reached, reason = 0, "different events"
            if event_of.get(da.id) == event_of.get(db.id):
                fa, fb = side_facts(sa, da, kinds), side_facts(sb, db, kinds)
                reached, reason = 1, f"no fact for {sa['value']!r}" if not fa else f"no fact for {sb['value']!r}"
                if fa and fb:
                    reached = 2
                    reason = f"not paired: {_show(fa[0])} / {_show(fb[0])}"
                    context = contexts[event_of[da.id]]
                    ids_a = {(f.document, f.start, f.end) for f in fa}
                    ids_b = {(f.document, f.start, f.end) for f in fb}
                    model = model_for(context)
                    for link in links(context, kinds):
                        ka, kb = (link.a.document, link.a.start, link.a.end), (link.b.document, link.b.start, link.b.end)
                        if not ((ka in ids_a and kb in ids_b) or (ka in ids_b and kb in ids_a)):
                            continue
                        bar = context.settings.link.report_bar
                        family = model.family("date" if link.a.kind in DATE_KINDS else "number")
                        bar = family.report_bar if bar is None else bar
                        if not link.differ:
                            step, text = 3, f"agree at {link.level}: {_show(link.a)} / {_show(link.b)}"
                        elif link.score < bar:
                            step, text = 4, f"score {link.score:.2f} < {bar:.2f}: {_show(link.a)} / {_show(link.b)}"
                        else:
                            step, text = 5, f"score {link.score:.2f}"
                        if step > reached:
                            reached, reason = step, text
            if reached > best or not why:
                best, why = max(best, reached), reason if reached >= best else why
    return STAGES[best], why


def _show(fact: Fact) -> str:
    unit = fact.attrs.get("unit") or fact.attrs.get("granularity") or ""
    return f"{fact.text!r}[{fact.kind}:{fact.value}{' ' + str(unit) if unit else ''}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", nargs="?", default=str(natural.ROOT.parent / "shared" / "eval"))
    parser.add_argument("--topics", default="")
    parser.add_argument("--list", action="store_true", help="one line per item")
    parser.add_argument("--model", default="use-m3")
    args = parser.parse_args()
    topics = natural.load_topics(args.eval_dir, [t for t in args.topics.split(",") if t])
    embedder = get_embedder(args.model)
    counts: Counter[tuple[str, str]] = Counter()
    for topic in topics:
        analysis = analyse([topic.path / "docs"], model=embedder)
        event_of = {d: e.id for e in analysis.events for d in e.documents}
        contexts = {c.event.id: c for c in analysis.contexts}
        for item in topic.items:
            if item["kind"] not in FAMILY or item["status"] not in natural.DISAGREEMENT:
                continue
            stage, why = stage_of(item, analysis, event_of, contexts)
            family = "date" if item["kind"] in ("date", "weekday") else "number"
            counts[family, stage] += 1
            if args.list:
                print(f"{item['id']:>7} {family:6} {stage:9} {item.get('note', '')[:60]!s:60} | {why}")
    print()
    print(f"{'':8}" + "".join(f"{s:>10}" for s in STAGES))
    for family in ("date", "number"):
        print(f"{family:8}" + "".join(f"{counts[family, s]:>10}" for s in STAGES))


if __name__ == "__main__":
    main()
