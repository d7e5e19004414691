"""Sample same-language sentence pairs for labelling "same statement", and show labelled ones.

The labels (``benchmarks/labels/statement_pairs*.jsonl``, read by ``fit_align.py``) are one JSON
object per line, ids and offsets only, never article text (the corpora's licences)::

    {"corpus": "ecbplus" | "indosum", "group": "<ECB+ topic | IndoSum story key>",
     "a": {"doc": ID, "start": INT, "end": INT}, "b": {"doc": ID, "start": INT, "end": INT},
     "label": 1 | 0, "reason": "a few words"}

``start``/``end`` are the offsets of the sentence in ``Document.source`` as ``analyse`` segments it.
Label 1: a reader would put both sentences in one row of the claim table (the same proposition, even
when a number, date, name or quote wording differs); 0: same event, another proposition.

Sampling mirrors what the aligner sees: for a sentence ``s`` of article A (chosen at random, seeded,
page chrome skipped) and another article B of the same story (same gold event in ECB+, same story in
IndoSum, a different outlet), B's top-3 sentences by embedding cosine to ``s`` are printed, each with a
ready JSON line (``"label": null``) to fill in.

    python benchmarks/label_statements.py sample ecbplus [--topics 1,2] [--anchors 5] [--seed 0]
    python benchmarks/label_statements.py sample indosum [--stories KEY,...] [--anchors 5] [--seed 0]
    python benchmarks/label_statements.py show [LABELS] [--corpus ecbplus] [--group 1]

``EVAL_DIR`` (``--eval-dir``) defaults to ``../shared/eval`` next to the repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.model import Document, Sentence

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_LABELS = ROOT / "benchmarks" / "labels" / "statement_pairs.jsonl"
TOP_K = 3

# IndoSum stories covered by two or more outlets, checked by reading (the articles report one event).
INDOSUM_STORIES: dict[str, list[str]] = {
    "setnov-summons": [
        "1510015773-setnov-mangkir-lagi-alasannya-tak-ada-izin-preside",
        "1510129464-pengacara-setya-novanto-ancam-pidanakan-kpk",
    ],
    "deddy-mizwar-pan": [
        "1503383408-doa-amien-rais-untuk-deddy-mizwar-agar-jadi-gubern",
        "1503389976-deddy-mizwar-berharap-dukungan-pan",
    ],
    "neymar-psg": [
        "1501964400-alasan-terbesar-neymar-gabung-psg",
        "1502039100-tinggalkan-barca-neymar-sedih-dicap-mata-duitan",
    ],
    "catalonia-autonomy": [
        "1508692500-spanyol-ambil-alih-pemerintahan-dan-memecat-pemimp",
        "1508473029-catalonia-ancam-deklarasi-merdeka-spanyol-akan-cab",
    ],
    "tegal-ott": [
        "1504081844-komentar-wakil-wali-kota-tegal-mengenai-ott",
        "1504090429-kpk-amankan-ratusan-juta-rupiah-dalam-ott-pejabat-",
    ],
    "ucl-final-2017": [
        "1496606400-daftar-juara-liga-champions-sejarah-real-madrid",
        "1496629800-buffon-real-madrid-layak-menang",
        "1496815200-dicoret-zidane-di-final-ini-kata-lucas-vazquez",
    ],
    "setnov-pretrial": [
        "1513295866-hakim-tetapkan-praperadilan-setya-novanto-gugur",
        "1513214722-kpk-disebut-paksa-hakim-putuskan-praperadilan-hari",
    ],
    "halimah-yacob": [
        "1505346319-halimah-yacob-dan-janji-di-secarik-kertas-untuk-wa",
        "1505269952-halimah-yacob-wanita-pertama-jadi-presiden-singapu",
    ],
    "community-shield-2017": [
        "1502125200-arsenal-bungkam-chelsea-lewat-adu-penalti",
        "1502216400-cahill-minta-maaf-pada-mertesacker",
    ],
    "idrus-marham-minister": [
        "1516261873-golkar-bantah-idrus-marham-jadi-mensos-sebagai-bar",
        "1516227000-jokowi-resmi-lantik-idrus-marham-jadi-menteri-sosi",
    ],
    "gatot-us-entry": [
        "1508885580-jenderal-gatot-presiden-minta-saya-tidak-ke-as",
        "1508747820-kemenlu-kalau-panglima-tni-mau-berangkat-hari-ini-",
        "1508837395-mau-ngobrol-jenderal-dunford-minta-telepon-jendera",
    ],
    "setnov-crash": [
        "1510968407-wartawan-sopir-setya-novanto-jadi-tersangka",
        "1511061484-tak-ada-bercak-darah-di-mobil-yang-ditumpangi-nova",
    ],
    "brexit-mudik-2017": [
        "1496947620-mudik-2017-kapolri-antisipasi-kemacetan-di-brexit",
        "1496969280-tol-brexit-dibuka-satu-arah-saat-mudik",
    ],
}

_URL = re.compile(r"^\s*(https?://|www\.)\S*\s*$")
_DATE = re.compile(r"^[\W\d_]*(\w+\s+){0,3}\d{1,4}([,/.\s-]+\w+){0,4}\s*$")
_SEE_ALSO = re.compile(r"^\W*(baca juga|read more|see also)\b", re.IGNORECASE)
_MONTH = re.compile(r"jan|feb|mar|apr|mei|may|jun|jul|aug|agu|sep|oct|okt|nov|dec|des|\d{4}", re.IGNORECASE)


def is_chrome(sentence: Sentence) -> bool:
    """A bare URL, a "read also" link, a dateline of only a date, or a line without a word (not headlines/captions)."""
    text = sentence.text.strip()
    if not re.search(r"[^\W\d_]{2,}", text) or _URL.match(text) or _SEE_ALSO.match(text):
        return True
    return len(text) < 40 and bool(_DATE.match(text)) and bool(_MONTH.search(text))


def ecbplus_stories(eval_dir: Path, topic: str) -> tuple[dict[str, Document], dict[str, list[str]]]:
    """The topic's analysed documents and, per gold event, its document ids."""
    from factcheck.pipeline import analyse

    folder = eval_dir / "ecbplus" / topic
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["documents"]
    documents = {d.id: d for d in analyse([folder / "docs"]).documents}
    stories: dict[str, list[str]] = {}
    for doc in sorted(documents):
        if doc in gold:
            stories.setdefault(str(gold[doc]["event"]), []).append(doc)
    return documents, stories


def indosum_documents(eval_dir: Path, ids: Sequence[str]) -> dict[str, Document]:
    """The IndoSum articles ``ids``, analysed together (as ``fit_align.py`` does for a story)."""
    from factcheck.ingest import load_documents
    from factcheck.pipeline import analyse

    loaded, _ = load_documents([eval_dir / "indosum" / "articles.jsonl"])
    by_id = {d.id: d for d in loaded}
    fresh = [dataclasses.replace(by_id[d], sentences=[], facts=[], _derived={}) for d in sorted(set(ids))]
    return {d.id: d for d in analyse(fresh).documents}


def _encode(sentences: list[Sentence]) -> np.ndarray:
    from factcheck.embed import DEFAULT_MODEL, get_embedder

    return np.asarray(get_embedder(DEFAULT_MODEL).encode([s.text for s in sentences]))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _locator(sentence: Sentence) -> dict[str, Any]:
    return {"doc": sentence.document, "start": sentence.start, "end": sentence.end}


def sample_group(corpus: str, group: str, documents: dict[str, Document], stories: list[list[str]],
                 anchors: int, seed: int, outlet_of: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """``anchors`` (sentence, other article) draws in ``group``, each with B's top-3 sentences."""
    rng = random.Random(f"{seed}:{corpus}:{group}")
    usable = {d: [s for s in documents[d].sentences if not is_chrome(s)] for s in stories for d in s}
    everything = [s for sentences in usable.values() for s in sentences]
    if not everything:
        return []
    vectors = dict(zip(((s.document, s.index) for s in everything), _encode(everything)))
    # Pairs of articles of one story (different outlets where known), cycled through in a seeded order.
    couples = [(a, b) for story in stories for a in story for b in story if a != b and usable[a] and usable[b]
               and (outlet_of is None or outlet_of[a] != outlet_of[b])]
    rng.shuffle(couples)
    seen: set[tuple[str, int, str]] = set()
    drawn: list[dict[str, Any]] = []
    for attempt in range(anchors * 20 if couples else 0):
        if len(drawn) >= anchors:
            break
        a, b = couples[attempt % len(couples)]
        s = rng.choice(usable[a])
        if (a, s.index, b) in seen:
            continue
        seen.add((a, s.index, b))
        candidates = usable[b]
        scores = np.array([float(vectors[(c.document, c.index)] @ vectors[(s.document, s.index)]) for c in candidates])
        top = [candidates[k] for k in np.argsort(-scores)[:TOP_K]]
        drawn.append({"anchor": s, "others": [(t, float(scores[candidates.index(t)])) for t in top],
                      "corpus": corpus, "group": group})
    return drawn


def print_draws(draws: list[dict[str, Any]], start: int = 0) -> int:
    """Print each draw's anchor and candidates with a skeleton label line; returns the next pair number."""
    number = start
    for draw in draws:
        s: Sentence = draw["anchor"]
        print(f"\n=== [{draw['corpus']}:{draw['group']}] A {s.document} #{s.index}: {_one_line(s.text)}")
        for other, score in draw["others"]:
            print(f"  ({number}) cos={score:.2f} B {other.document} #{other.index}: {_one_line(other.text)}")
            skeleton = {"corpus": draw["corpus"], "group": draw["group"], "a": _locator(s), "b": _locator(other),
                        "label": None, "reason": ""}
            print(f"  ({number}) {json.dumps(skeleton)}")
            number += 1
    return number


def sample(args: argparse.Namespace) -> None:
    number = 0
    if args.corpus == "ecbplus":
        topics = args.topics.split(",") if args.topics else sorted(
            (p.name for p in (args.eval_dir / "ecbplus").iterdir() if (p / "gold.json").is_file()), key=int)
        for topic in topics:
            documents, stories = ecbplus_stories(args.eval_dir, topic)
            draws = sample_group("ecbplus", topic, documents, list(stories.values()), args.anchors, args.seed)
            number = print_draws(draws, number)
    else:
        keys = args.stories.split(",") if args.stories else sorted(INDOSUM_STORIES)
        for key in keys:
            ids = INDOSUM_STORIES[key]
            documents = indosum_documents(args.eval_dir, ids)
            outlets = {d: documents[d].outlet for d in documents}
            draws = sample_group("indosum", key, documents, [sorted(documents)], args.anchors, args.seed, outlets)
            number = print_draws(draws, number)


def show(args: argparse.Namespace) -> None:
    """Re-locate every labelled pair and print both sentences with the label and reason."""
    items = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [i for i in items if (args.corpus is None or i["corpus"] == args.corpus)
             and (args.group is None or str(i["group"]) == args.group)]
    cache: dict[tuple[str, str], dict[str, Document]] = {}
    missing = 0
    for item in items:
        key = (item["corpus"], str(item["group"]))
        if key not in cache:
            if item["corpus"] == "ecbplus":
                cache[key] = ecbplus_stories(args.eval_dir, key[1])[0]
            else:
                ids = {i[side]["doc"] for i in items if (i["corpus"], str(i["group"])) == key for side in "ab"}
                cache[key] = indosum_documents(args.eval_dir, sorted(ids))
        documents = cache[key]
        texts = []
        for side in ("a", "b"):
            loc = item[side]
            document = documents.get(loc["doc"])
            sentence = next((s for s in document.sentences if s.start <= loc["start"] < s.end), None) \
                if document else None
            if sentence is None:
                missing += 1
            texts.append(_one_line(sentence.text) if sentence else f"<not found: {loc}>")
        print(f"\n[{key[0]}:{key[1]}] label={item['label']} ({item.get('reason', '')})")
        print(f"  A {item['a']['doc']}@{item['a']['start']}: {texts[0]}")
        print(f"  B {item['b']['doc']}@{item['b']['start']}: {texts[1]}")
    positives = sum(int(i["label"]) for i in items)
    print(f"\n{len(items)} pairs, {positives} positive, {missing} sentences not re-located", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    commands = parser.add_subparsers(dest="command", required=True)
    sampler = commands.add_parser("sample", help="print candidate pairs to label")
    sampler.add_argument("corpus", choices=["ecbplus", "indosum"])
    sampler.add_argument("--topics", help="ECB+ topic numbers, comma-separated (default: all)")
    sampler.add_argument("--stories", help="IndoSum story keys, comma-separated (default: all)")
    sampler.add_argument("--anchors", type=int, default=5, help="anchor sentences per topic or story")
    sampler.add_argument("--seed", type=int, default=0)
    shower = commands.add_parser("show", help="print labelled pairs with their sentences")
    shower.add_argument("labels", type=Path, nargs="?", default=DEFAULT_LABELS)
    shower.add_argument("--corpus", choices=["ecbplus", "indosum"])
    shower.add_argument("--group")
    args = parser.parse_args(argv)
    sample(args) if args.command == "sample" else show(args)


if __name__ == "__main__":
    main()
