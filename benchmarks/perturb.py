"""Perturbation cases for ``benchmarks/detect.py``: one real article retold by three outlets.

Each case takes an IndoSum article, writes it as three outlets' copies (some
sentences dropped, paragraphs mildly reordered, page chrome added) and, in most
cases, injects exactly one known discrepancy into one copy, so two copies
outvote the third. The candidates for an injection are found with this
module's own small regexes, never with factcheck's extractors: a benchmark
that only perturbs what the tool already finds would hide extractor misses.

Everything is driven by one seeded ``random.Random`` so a seed gives the same
cases on every machine.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

KINDS = ("date_conflict", "weekday_mismatch", "number_conflict", "name_variant", "quote_drift")
COPIES = 3

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTH = "|".join(MONTHS)
_WEEKDAY = "|".join(WEEKDAYS)
_LONG_DATE = re.compile(rf"(?<![\w/])(\d{{1,2}}) ({_MONTH})(?: (\d{{4}}))?(?![\w/])")
_SHORT_DATE = re.compile(r"\((\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?\)")
_WEEKDAY_BEFORE = re.compile(rf"({_WEEKDAY})(?:\s+(?:pagi|siang|sore|petang|malam|dini hari|lalu))?,?\s+$")
_ANY_WEEKDAY = re.compile(rf"\b(?:{_WEEKDAY})\b")
_NUMBER = re.compile(
    r"(?<![\w.,/-])(?:(Rp\.?\s?)(\d+(?:[.,]\d+)*)\s(juta|miliar|triliun|ribu)"
    r"|(\d+(?:[.,]\d+)*)\s(orang|persen|unit|rumah|kg|ton|km|kilometer|meter|hektare|hari|jam|menit|bulan"
    r"|tahun|negara|warga|korban|pasien|siswa|mobil|kursi|kasus|desa|sekolah|perusahaan|pemain|gol))\b")
_HEDGES = ("sekitar", "lebih dari", "kurang dari", "hampir", "sekira", "kurang lebih", "setidaknya",
           "sedikitnya", "minimal", "maksimal", "hingga", "sampai", "antara", "-", "–", "dan", "berkisar",
           "kisaran", "kira-kira", "rata-rata", "lebih", "paling", "nomor", "no.", "pasal", "ayat", "ke",
           "tahun", "angka", "skor")
_AFTER_HEDGE = re.compile(r"^(?:an\b|-an\b|\s*(?:-|–|hingga|sampai|s/d|lebih|lagi|an\b|\d{4}\b))")
_NAME = re.compile(r"(?<![\w-])([A-Z][a-z]{5,})(?![\w-])")
_HYPHEN_NAME = re.compile(r"(?<![\w-])([A-Z][a-z]+)-([a-z]{2,})(?![\w-])")
_QUOTE_MARK = re.compile(r"[\"“”]")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z0-9(\"“])")
_CHROME_START = re.compile(r"^\(?(?:baca juga|baca:|lihat juga|simak|tonton|saksikan|editor|penulis|sumber)", re.IGNORECASE)
_ABBREV = {"jl", "jln", "dr", "drs", "ir", "prof", "no", "hj", "h", "st", "kh", "mr", "sdr", "tn", "ny"}
_NOT_NAMES = {"Menurut", "Namun", "Selain", "Sementara", "Sedangkan", "Sebelumnya", "Kemudian", "Setelah",
              "Dengan", "Dalam", "Untuk", "Karena", "Bahkan", "Meski", "Meskipun", "Padahal", "Adapun",
              "Presiden", "Menteri", "Ketua", "Gubernur", "Kepala", "Direktur", "Wakil", "Sekretaris",
              "Jenderal", "Kapolda", "Kapolri", "Kapolres", "Bupati", "Walikota", "Pemerintah", "Partai",
              "Indonesia", "Jakarta"} | set(MONTHS) | set(WEEKDAYS)
_NEGATABLE = re.compile(r"(?<![\w-])((?:me|mem|men|meng|meny|ber|di|ter)[a-z]{3,})(?![\w-])")
_SWAPS = {"sangat": "cukup", "harus": "perlu", "akan": "bakal", "bisa": "dapat", "semua": "banyak",
          "besar": "kecil", "baik": "buruk", "kami": "mereka", "kita": "mereka", "selalu": "sering",
          "pasti": "mungkin", "segera": "nanti", "banyak": "sedikit", "penting": "perlu", "sudah": "belum",
          "masih": "sudah", "lebih": "kurang", "ingin": "akan", "mau": "akan", "bukan": "memang"}
_NEGATIONS = {"tidak", "tak", "bukan", "belum", "jangan", "enggak", "nggak"}

OUTLETS = ("kabarnusa.com", "wartakini.id", "suaratimur.co.id", "beritaloka.com", "harianpelita.net",
           "jurnalbanua.id", "lintaskota.com")
AUTHORS = ("Dewi Lestari", "Agus Santoso", "Rina Marlina", "Budi Hartono", "Siti Rahmawati", "Yoga Pratama")


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    url: str
    published: date
    text: str


@dataclass
class Paragraph:
    """Units of one paragraph; a paragraph with a quote stays one unit so no quote is cut."""

    units: list[str]
    chrome: bool = False


@dataclass(frozen=True)
class Edit:
    """One candidate change inside one unit: ``units[para][unit][start:end]`` → ``new``."""

    kind: str
    para: int
    unit: int
    start: int
    end: int
    new: str
    value: str = ""        # the injected value as factcheck normalises it, where one exists
    mark: tuple[int, int] | None = None  # region (in the edited unit) a finding must touch


@dataclass
class Injection:
    kind: str
    document: str
    old: str
    new: str
    value: str
    sentence: str
    region: tuple[int, int]


@dataclass
class Case:
    id: str
    kind: str                      # a finding kind, or "clean"
    article: Article
    clean: list[dict]              # the three copies, no injection
    injected: list[dict]           # the same copies with the injection (== clean for "clean")
    injection: Injection | None = None
    notes: list[str] = field(default_factory=list)


# ---- reading and splitting ------------------------------------------------------------------


def load_articles(eval_dir: Path) -> list[Article]:
    articles = []
    with open(eval_dir / "indosum" / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            articles.append(Article(row["id"], row["source"], row["url"], date.fromisoformat(row["published"]),
                                    row["text"]))
    return sorted(articles, key=lambda a: a.id)


def split_sentences(paragraph: str) -> list[str]:
    """A plain sentence splitter, good enough to decide what a copy drops.

    A paragraph holding quotation marks is kept whole, so dropping never leaves
    an unmatched quote behind; abbreviations (``Jl.``, ``H.``) do not end a sentence.
    """
    if re.search(r"[\"“”]", paragraph):
        return [paragraph.strip()]
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        word = re.search(r"(\S+)$", paragraph[:match.start()])
        last = word.group(1) if word else ""
        if last.lower() in _ABBREV or (len(last) <= 2 and last[:1].isupper()):
            continue
        pieces.append(paragraph[start:match.start() + 1].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def paragraphs_of(article: Article) -> list[Paragraph]:
    out = []
    for block in re.split(r"\n\s*\n", article.text):
        block = " ".join(block.split())
        if not block:
            continue
        chrome = bool(_CHROME_START.match(block)) or len(block.split()) < 5
        out.append(Paragraph([block] if chrome else split_sentences(block), chrome))
    return out


def sentence_count(paragraphs: list[Paragraph]) -> int:
    return sum(len(re.findall(r"[.!?](?:\s|$)", u)) or 1 for p in paragraphs if not p.chrome for u in p.units)


def quote_spans(unit: str, min_chars: int = 0) -> list[tuple[int, int]]:
    """Quotes as (open, close + 1), marks paired in order: the text between two quotes is not a quote."""
    marks = [m.start() for m in _QUOTE_MARK.finditer(unit)]
    pairs = zip(marks[0::2], marks[1::2])
    return [(a, b + 1) for a, b in pairs if b - a - 1 >= min_chars]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


# ---- candidates per kind ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Date:
    start: int
    end: int
    day: date
    weekday_start: int | None     # where a weekday written just before the date begins
    written_weekday: int | None
    style: str                    # "long" or "short"
    year_written: bool


def _resolve(day: int, month: int, year: int | None, published: date) -> date | None:
    """A year-less date is the latest one not far after publication (news reports the past)."""
    try:
        if year is not None:
            return date(year, month, day)
        for y in (published.year + 1, published.year, published.year - 1):
            candidate = date(y, month, day)
            if candidate <= published + timedelta(days=7):
                return candidate
    except ValueError:
        return None
    return None


def _dates_in(unit: str, published: date) -> list[_Date]:
    found = []
    for match in _LONG_DATE.finditer(unit):
        year = int(match.group(3)) if match.group(3) else None
        day = _resolve(int(match.group(1)), MONTHS.index(match.group(2)) + 1, year, published)
        if day:
            found.append(_with_weekday(unit, match.start(), match.end(), day, "long", year is not None))
    for match in _SHORT_DATE.finditer(unit):
        raw_year = match.group(3)
        year = None if raw_year is None else int(raw_year) + (2000 if len(raw_year) == 2 else 0)
        if not 1 <= int(match.group(2)) <= 12:
            continue
        day = _resolve(int(match.group(1)), int(match.group(2)), year, published)
        if day:
            found.append(_with_weekday(unit, match.start(), match.end(), day, "short", year is not None))
    return sorted(found, key=lambda d: d.start)


def _with_weekday(unit: str, start: int, end: int, day: date, style: str, year_written: bool) -> _Date:
    before = _WEEKDAY_BEFORE.search(unit[max(0, start - 12):start])
    if before is None:
        return _Date(start, end, day, None, None, style, year_written)
    return _Date(start, end, day, start - len(before.group(0)), WEEKDAYS.index(before.group(1)), style, year_written)


def _render(d: _Date, day: date, unit: str) -> str:
    """The date (and its weekday, if written) as the article wrote it, for another day."""
    old = unit[d.start:d.end]
    if d.style == "long":
        text = f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if d.year_written else "")
    else:
        parts = old.strip("()").split("/")
        day_text = f"{day.day:02d}" if len(parts[0]) == 2 else str(day.day)
        month_text = f"{day.month:02d}" if len(parts[1]) == 2 else str(day.month)
        text = f"({day_text}/{month_text}" + (f"/{parts[2]}" if len(parts) == 3 else "") + ")"
    if d.weekday_start is None:
        return text
    return unit[d.weekday_start:d.start].replace(WEEKDAYS[d.written_weekday], WEEKDAYS[day.weekday()]) + text


def date_edits(paragraphs: list[Paragraph], published: date, rng: random.Random) -> list[Edit]:
    """A day-granular date alone in its sentence, moved by one day (its weekday moved along)."""
    edits = []
    for p, u, unit in _units(paragraphs):
        dates = _dates_in(unit, published)
        if len(dates) != 1 or _inside(quote_spans(unit), dates[0].start, dates[0].end):
            continue
        d = dates[0]
        if d.weekday_start is None and _ANY_WEEKDAY.search(unit[max(0, d.start - 25):d.start]):
            continue  # a weekday we cannot tie to the date: moving the day could make a weekday slip
        if d.written_weekday is not None and d.written_weekday != d.day.weekday():
            continue  # the source already slips; moving it would muddle two errors
        shift = -1 if d.day.day >= 28 else 1
        new_day = d.day + timedelta(days=shift)
        start = d.start if d.weekday_start is None else d.weekday_start
        new = _render(d, new_day, unit)
        edits.append(Edit("date_conflict", p, u, start, d.end, new, new_day.isoformat()))
    return edits


def weekday_edits(paragraphs: list[Paragraph], published: date, rng: random.Random) -> list[Edit]:
    """A weekday written next to its (correct) date, replaced by another weekday."""
    edits = []
    for p, u, unit in _units(paragraphs):
        for d in _dates_in(unit, published):
            if d.weekday_start is None or d.written_weekday != d.day.weekday():
                continue
            if _inside(quote_spans(unit), d.weekday_start, d.end):
                continue
            wrong = (d.written_weekday + rng.choice((1, 2, 3, 4, 5, 6))) % 7
            old = unit[d.weekday_start:d.end]
            new = old.replace(WEEKDAYS[d.written_weekday], WEEKDAYS[wrong], 1)
            edits.append(Edit("weekday_mismatch", p, u, d.weekday_start, d.end, new, d.day.isoformat()))
    return edits


def _bump(number: str, rng: random.Random) -> str:
    """Change the last significant digit, as a misreported figure does (15 → 18, 1,5 → 2,5... 1.200 → 1.500)."""
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    nonzero = [i for i in digits if number[i] != "0"]
    at = nonzero[-1]
    old = int(number[at])
    step = rng.choice((1, 2, 3))
    new = old + step if old + step <= 9 else old - step
    return number[:at] + str(new) + number[at + 1:]


def _numeric(text: str) -> str:
    """``1.500`` → ``1500``, ``1,5`` → ``1.5`` (Indonesian separators)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return text.replace(".", "")
    value = float(text.replace(".", "").replace(",", "."))
    return f"{value:g}"


def number_edits(paragraphs: list[Paragraph], published: date, rng: random.Random) -> list[Edit]:
    """A number with its unit or counted noun, alone with that noun in its sentence, unhedged."""
    edits = []
    for p, u, unit in _units(paragraphs):
        matches = list(_NUMBER.finditer(unit))
        nouns = [m.group(3) or m.group(5) for m in matches]
        for match in matches:
            noun = match.group(3) or match.group(5)
            number_group = 2 if match.group(2) else 4
            number = match.group(number_group)
            before = unit[max(0, match.start() - 14):match.start()].lower().rstrip()
            if nouns.count(noun) != 1 or _hedged(before, unit[match.end():]):
                continue
            if _inside(quote_spans(unit), match.start(), match.end()) or not any(c in "123456789" for c in number):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", number):
                continue
            new_number = _bump(number, rng)
            start, end = match.start(number_group), match.end(number_group)
            edits.append(Edit("number_conflict", p, u, start, end, new_number, _numeric(new_number),
                              (match.start(), match.end())))
    return edits


def _hedged(before: str, after: str) -> bool:
    """A hedge, range, label or year around the number: the tool rightly compares those loosely or not at all."""
    return bool(_AFTER_HEDGE.match(after)) or any(re.search(rf"(?:^|\W){re.escape(h)}$", before) for h in _HEDGES)


def _transpose(word: str, rng: random.Random) -> str | None:
    """Swap two neighbouring inner letters (``Zulkifli`` → ``Zulkilfi``): first and last stay."""
    spots = [i for i in range(1, len(word) - 2) if word[i] != word[i + 1]]
    if not spots:
        return None
    i = rng.choice(spots)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def name_edits(paragraphs: list[Paragraph], published: date, rng: random.Random) -> list[Edit]:
    """One mention of a name written 3+ times mid-sentence, misspelt (or a hyphen dropped)."""
    units = list(_units(paragraphs))
    text = "\n".join(unit for _, _, unit in units)
    counts: dict[str, int] = {}
    for match in _NAME.finditer(text):
        if _mid_sentence(text, match.start()):
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    names = {n for n, c in counts.items() if c >= 3 and n not in _NOT_NAMES and n.lower() not in text}
    edits = []
    for p, u, unit in units:
        quotes = quote_spans(unit)
        for match in _HYPHEN_NAME.finditer(unit):
            if not _inside(quotes, match.start(), match.end()) and text.count(match.group(0)) >= 3:
                new = f"{match.group(1)} {match.group(2).capitalize()}"
                edits.append(Edit("name_variant", p, u, match.start(), match.end(), new, new))
        for match in _NAME.finditer(unit):
            word = match.group(1)
            if word in names and _mid_sentence(unit, match.start()) and not _inside(quotes, match.start(), match.end()):
                new = _transpose(word, rng)
                if new and new not in text:
                    edits.append(Edit("name_variant", p, u, match.start(), match.end(), new, new))
    return edits


def _mid_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at]
    return bool(before) and bool(re.search(r"[a-z,]\s$", before))


def quote_edits(paragraphs: list[Paragraph], published: date, rng: random.Random) -> list[Edit]:
    """A few words of a quote changed: a word swapped for another, a negation added or removed."""
    edits = []
    for p, u, unit in _units(paragraphs):
        for q_start, q_end in quote_spans(unit, 30):
            inner = unit[q_start:q_end]
            if len(inner.split()) < 8:
                continue
            edit = _reword(inner, rng)
            if edit is None:
                continue
            start, end, new = edit
            new_unit_end = q_end + len(new) - (end - start)
            edits.append(Edit("quote_drift", p, u, q_start + start, q_start + end, new, new,
                              (q_start, new_unit_end)))
    return edits


def _reword(quote: str, rng: random.Random) -> tuple[int, int, str] | None:
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[A-Za-z]+", quote)][2:]
    swaps = [(s, e, _SWAPS[w.lower()]) for s, e, w in words if w.lower() in _SWAPS and w.islower()]
    negations = [(s, e + 1, "") for s, e, w in words if w.lower() in _NEGATIONS and quote[e:e + 1] == " "]
    verbs = [(m.start(), m.start(), "tidak ") for m in _NEGATABLE.finditer(quote)
             if m.start() > 10 and quote[max(0, m.start() - 6):m.start()].strip().lower() not in _NEGATIONS]
    options = [o for o in (swaps, negations, verbs) if o]
    if not options:
        return None
    return rng.choice(rng.choice(options))


EDITORS: dict[str, Callable[[list[Paragraph], date, random.Random], list[Edit]]] = {
    "date_conflict": date_edits,
    "weekday_mismatch": weekday_edits,
    "number_conflict": number_edits,
    "name_variant": name_edits,
    "quote_drift": quote_edits,
}


def _units(paragraphs: list[Paragraph]):
    for p, paragraph in enumerate(paragraphs):
        if paragraph.chrome:
            continue
        for u, unit in enumerate(paragraph.units):
            yield p, u, unit


# ---- retelling --------------------------------------------------------------------------------


@dataclass
class Plan:
    """How one outlet retells the article: which units it drops, the paragraph order, its chrome."""

    outlet: str
    author: str
    dropped: set[tuple[int, int]]
    order: list[int]
    read_also_after: int
    read_also: str
    popular: list[tuple[str, str]]
    title: str


def _headline(url: str) -> str:
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"^\d+-", "", slug)
    words = [w for w in re.split(r"[-_]+", slug) if w and not w.isdigit()]
    return " ".join(w.capitalize() for w in words[:10]) or "Berita Terkini"


def _stamp(day: date, rng: random.Random) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year} {rng.randint(6, 22):02d}:{rng.choice((5, 15, 30, 45)):02d} WIB"


def make_plans(article: Article, paragraphs: list[Paragraph], keep: tuple[int, int] | None,
               others: list[Article], rng: random.Random) -> list[Plan]:
    outlets = rng.sample(OUTLETS, COPIES)
    droppable = [(p, u) for p, u, _ in _units(paragraphs) if (p, u) != keep]
    title = _headline(article.url)
    plans = []
    for n, outlet in enumerate(outlets):
        rate = rng.uniform(0.15, 0.25)
        dropped = set(rng.sample(droppable, round(rate * len(droppable))))
        order = list(range(len(paragraphs)))
        if len(order) > 3 and rng.random() < 0.8:
            i = rng.randrange(1, len(order) - 1)
            order[i], order[i + 1] = order[i + 1], order[i]
        popular = [(_headline(a.url), _stamp(article.published - timedelta(days=rng.randint(0, 3)), rng))
                   for a in rng.sample(others, 3)]
        words = title.split()
        shown = title if n == 0 or len(words) < 4 else " ".join(w for i, w in enumerate(words) if i != n)
        plans.append(Plan(outlet, rng.choice(AUTHORS), dropped, order, rng.randrange(1, max(2, len(order))),
                          _headline(rng.choice(others).url), popular, shown))
    return plans


def render(article: Article, paragraphs: list[Paragraph], plan: Plan,
           edit: Edit | None) -> tuple[dict, tuple[int, int] | None, str]:
    """One outlet's copy as a JSON record; with ``edit``, also where the edit landed and its sentence."""
    pieces: list[str] = []
    offset = 0
    region, sentence = None, ""

    def add(block: str) -> int:
        nonlocal offset
        at = offset + (2 if pieces else 0)
        pieces.append(block)
        offset = at + len(block)
        return at

    for position, p in enumerate(plan.order):
        units, starts = [], []
        for u, unit in enumerate(paragraphs[p].units):
            if (p, u) in plan.dropped:
                continue
            if edit is not None and (p, u) == (edit.para, edit.unit):
                text = unit[:edit.start] + edit.new + unit[edit.end:]
                mark = edit.mark or (edit.start, edit.start + len(edit.new))
                starts.append((len(" ".join(units)) + (1 if units else 0), mark))
                sentence = text
                unit = text
            units.append(unit)
        if units:
            at = add(" ".join(units))
            for inner, (a, b) in starts:
                region = (at + inner + a, at + inner + b)
        if position == plan.read_also_after:
            add(f"Baca juga: {plan.read_also}")
    add("Bagikan: Facebook Twitter WhatsApp Telegram")
    add(f"Penulis : {plan.author}")
    add("Terpopuler")
    for headline, stamp in plan.popular:
        add(headline)
        add(stamp)
    record = {"id": plan.outlet.split(".")[0], "outlet": plan.outlet, "title": plan.title,
              "published": article.published.isoformat(), "text": "\n\n".join(pieces)}
    return record, region, sentence


# ---- cases ------------------------------------------------------------------------------------


def _eligible(article: Article) -> list[Paragraph] | None:
    if len(article.text) > 6000:
        return None
    paragraphs = paragraphs_of(article)
    return paragraphs if sentence_count(paragraphs) >= 8 else None


def build_cases(articles: list[Article], count: int, seed: int) -> list[Case]:
    """``count`` cases, about a quarter clean, the rest cycling through the finding kinds."""
    rng = random.Random(seed)
    order = list(range(len(articles)))
    rng.shuffle(order)
    used: set[int] = set()
    cases: list[Case] = []
    injected = 0
    for number in range(count):
        kind = "clean" if number % 4 == 3 else KINDS[injected % len(KINDS)]
        if kind != "clean":
            injected += 1
        case = _next_case(f"case{number + 1:03d}", kind, articles, order, used, rng)
        if case is not None:
            cases.append(case)
    return cases


def _next_case(case_id: str, kind: str, articles: list[Article], order: list[int], used: set[int],
               rng: random.Random) -> Case | None:
    for index in order:
        if index in used:
            continue
        article = articles[index]
        paragraphs = _eligible(article)
        if paragraphs is None:
            continue
        if kind == "clean":
            if not (date_edits(paragraphs, article.published, rng) or number_edits(paragraphs, article.published, rng)):
                continue
            used.add(index)
            return _clean_case(case_id, article, paragraphs, articles, rng)
        edits = EDITORS[kind](paragraphs, article.published, rng)
        if not edits:
            continue
        used.add(index)
        return _injected_case(case_id, kind, article, paragraphs, rng.choice(edits), articles, rng)
    return None


def _others(articles: list[Article], article: Article, rng: random.Random) -> list[Article]:
    return [a for a in rng.sample(articles, 8) if a.id != article.id]


def _clean_case(case_id: str, article: Article, paragraphs: list[Paragraph], articles: list[Article],
                rng: random.Random) -> Case:
    plans = make_plans(article, paragraphs, None, _others(articles, article, rng), rng)
    copies = [render(article, paragraphs, plan, None)[0] for plan in plans]
    return Case(case_id, "clean", article, copies, copies)


def _injected_case(case_id: str, kind: str, article: Article, paragraphs: list[Paragraph], edit: Edit,
                   articles: list[Article], rng: random.Random) -> Case:
    plans = make_plans(article, paragraphs, (edit.para, edit.unit), _others(articles, article, rng), rng)
    clean = [render(article, paragraphs, plan, None)[0] for plan in plans]
    target = rng.randrange(COPIES)
    injected = list(clean)
    record, region, sentence = render(article, paragraphs, plans[target], edit)
    injected[target] = record
    old = paragraphs[edit.para].units[edit.unit][edit.start:edit.end]
    injection = Injection(kind, record["id"], old, edit.new, edit.value, sentence, region or (0, 0))
    return Case(case_id, kind, article, clean, injected, injection)


def write_case(folder: Path, copies: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for record in copies:
        (folder / f"{record['id']}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return folder
