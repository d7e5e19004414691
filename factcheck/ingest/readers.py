"""Readers: one per file format, each yielding ``RawArticle``s.

A reader decides what the *source text* is (the string every offset points
into) and passes along whatever metadata the format carries.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import registry
from ..errors import InputError
from ..settings import active
from .encoding import decode, is_wide
from .files import lines, open_regular, read_bytes, size_text

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@dataclass
class RawArticle:
    id: str
    path: str
    source: str
    title: str = ""
    outlet: str = ""
    published: str = ""
    url: str = ""
    language: str = ""
    body_start: int = 0
    """Where the article starts in ``source``: what comes before (Markdown front matter) is
    metadata, kept in ``source`` so offsets stay those of the file, but never read as text."""
    notes: list[str] = field(default_factory=list)
    """Warnings about the file this article came from (a JSONL line skipped, …)."""


Reader = Callable[[Path, str, str], Iterator[RawArticle]]
"""Registered in ``registry.readers`` under each file suffix it reads, without the dot. It is given
the file's decoded text; a reader with ``streams = True`` is given ``""`` and reads the file
itself (``files.open_regular``), for formats too big to hold whole (JSON Lines corpora)."""


def read_text(path: Path, doc_id: str, text: str) -> Iterator[RawArticle]:
    meta, body_start = front_matter(text)
    if meta is None:
        yield RawArticle(doc_id, str(path), text)
        return
    if not text[body_start:].strip():
        raise InputError("only front matter, no article text")
    yield RawArticle(doc_id, str(path), text, title=_field(_pick(meta, "title", "headline")),
                     outlet=_field(_pick(meta, "outlet", "source", "publisher", "site", "site_name", "sitename")),
                     published=_field(_pick(meta, "published", "date", "pubdate", "publishdate", "published_at",
                                            "created"), first=True),
                     url=_field(_pick(meta, "url", "link", "canonical", "permalink"), first=True),
                     language=_field(_pick(meta, "language", "lang", "locale"), first=True), body_start=body_start)


_KEY = re.compile(r"([A-Za-z_][\w -]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$")
_ITEM = re.compile(r"[ \t]*-[ \t]+(.*?)[ \t]*\r?$")
_FRONT_MATTER_MAX = 64 * 1024
_FRONT_MATTER_LINE = 4096


def front_matter(text: str) -> tuple[dict[str, Any] | None, int]:
    """``---`` / ``key: value`` lines / ``---`` at the very start of a text file (Jekyll, Hugo).

    Returns the keys (lowercased; a value is a string or a list of strings) and the offset where
    the article starts, or ``(None, 0)`` when the file does not open with well-formed front matter.
    Only flat YAML is read: ``key: value``, ``key: [a, b]`` and ``key:`` followed by ``- item`` lines.
    """
    first = re.match(r"---[ \t]*\r?\n", text)
    if not first:
        return None, 0
    meta: dict[str, Any] = {}
    at, last_key = first.end(), None
    while at < min(len(text), _FRONT_MATTER_MAX):
        end = text.find("\n", at, _FRONT_MATTER_MAX + 1)
        end = len(text) if end < 0 else end
        if end - at > _FRONT_MATTER_LINE:  # no header line is that long: this is text
            return None, 0
        line = text[at:end]
        if line.rstrip() in ("---", "..."):
            return meta, min(end + 1, len(text))
        item, key = _ITEM.fullmatch(line), _KEY.fullmatch(line)
        if item and last_key is not None:
            previous = meta.get(last_key)
            meta[last_key] = (previous if isinstance(previous, list) else []) + [_scalar(item.group(1))]
        elif key and not line[:1].isspace():
            last_key = re.sub(r"[\s-]+", "_", key.group(1).strip().lower())  # "Published At" = published_at
            meta[last_key] = _value(key.group(2) or "")
        elif line.strip() and not line.lstrip().startswith("#") and not line[:1].isspace():
            return None, 0
        at = end + 1
    return None, 0


def _value(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        return [_scalar(v) for v in raw[1:-1].split(",") if v.strip()]
    return _scalar(raw)


def _scalar(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return re.sub(r"\s+#.*$", "", raw)


def _pick(meta: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if meta.get(key) not in (None, "", []):
            return meta[key]
    return None


def _field(value: Any, first: bool = False) -> str:
    """A metadata value as text: a list gives its items joined with ``, `` (its first item when
    ``first``), an object its ``name``; ``None`` and other shapes give ``""``."""
    if isinstance(value, list):
        items = [text for v in value if (text := _field(v))]
        return (items[0] if items else "") if first else ", ".join(items)
    if isinstance(value, dict):
        return _field(value.get("name") or value.get("title") or value.get("id"))
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return clean_text(" ".join(str(value).split()))
    return ""


def clean_text(text: str) -> str:
    """Lone surrogates (from ``\\ud800`` escapes in JSON) become U+FFFD: one for one, so offsets
    stay, and the text can always be written out as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def read_html(path: Path, doc_id: str, text: str) -> Iterator[RawArticle]:
    import trafilatura

    extracted: Any = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                                 include_tables=False, favor_recall=True)
    meta: dict[str, Any] = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    body = clean_text(str(meta.get("text") or "").strip())
    if not body:
        raise InputError("no article text found in the HTML")
    yield RawArticle(doc_id, str(path), body, title=_field(meta.get("title")),
                     outlet=_field(meta.get("sitename") or meta.get("hostname")),
                     published=_field(meta.get("date"), first=True), url=_field(meta.get("url"), first=True),
                     language=_field(meta.get("language"), first=True))


def read_json(path: Path, doc_id: str, text: str) -> Iterator[RawArticle]:
    """One article per object with a ``text`` string. In JSON Lines a bad line (invalid JSON, or
    no ``text``) is skipped with a note naming its line; so is a bad object of a JSON array."""
    lines = path.suffix.lower() != ".json"
    records, notes = _json_records(text, lines)
    yield from _articles(path, doc_id, records, notes, "line" if lines else "JSON object")


def read_json_lines(path: Path, doc_id: str, text: str) -> Iterator[RawArticle]:
    """JSON Lines read one line at a time (``text`` is not used: the reader opens the file itself).

    A corpus is one big file: only each line is held in memory, and the size cap
    (``ingest.max_bytes``) applies to each record, not to the file; a longer line is skipped with a
    note. A line that is not UTF-8 is decoded as its detected encoding, with a note. A file in
    UTF-16 or UTF-32 (whose lines cannot be split as bytes) is read whole, under the cap."""
    cap = active().ingest.max_bytes
    with open_regular(path) as handle:
        head = handle.read(8192)
        handle.seek(0)
        if is_wide(head):
            whole, _ = decode(read_bytes(path))
            records, notes = _json_records(whole, True)
        else:
            records, notes = [], []
            guessed: dict[str, list[int]] = {}
            blank = True
            for number, raw in lines(handle, cap):
                if raw is None:
                    notes.append(f"line {number} skipped: larger than {size_text(cap)}")
                    continue
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8):]
                if not raw.strip():
                    continue
                blank = False
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    try:
                        line, encoding = decode(raw)
                    except InputError as exc:
                        notes.append(f"line {number} skipped: {exc}")
                        continue
                    guessed.setdefault(_encoding_name(encoding or ""), []).append(number)
                _parse_line(number, line, records, notes)
            notes += [f"line {numbers[0]}: not UTF-8: decoded as {enc}"
                      + (f" ({len(numbers) - 1} more lines)" if len(numbers) > 1 else "")
                      for enc, numbers in sorted(guessed.items())]
            if blank:
                raise InputError("empty file")
    yield from _articles(path, doc_id, records, notes, "line")


read_json_lines.streams = True  # type: ignore[attr-defined]


def _encoding_name(note: str) -> str:
    """``utf-8`` … from ``decode``'s note (``not UTF-8: decoded as cp1252``)."""
    return note.rsplit("decoded as ", 1)[-1] or "?"


def _articles(path: Path, doc_id: str, records: list[tuple[int, Any]], notes: list[str],
              unit: str) -> Iterator[RawArticle]:
    good = [(number, record) for number, record in records if _has_text(record)]
    notes += [f"{unit} {number} skipped: no 'text' string" for number, record in records if not _has_text(record)]
    notes.sort(key=lambda note: int(re.findall(r"\d+", note)[0]))
    if not good:
        more = f"; {len(notes) - 1} more" if len(notes) > 1 else ""
        raise InputError(f"no article objects in the JSON ({notes[0]}{more})" if notes
                         else "no article objects in the JSON")
    articles = []
    for number, record in good:
        fallback = doc_id if len(good) == 1 else f"{doc_id}#{number}"
        record_id = _field(record.get("id"), first=True)[:200] or fallback
        articles.append(RawArticle(record_id, str(path), clean_text(record["text"]), title=_field(record.get("title")),
                                   outlet=_field(_pick(record, "outlet", "source", "publisher", "site_name")),
                                   published=_field(_pick(record, "published", "date", "published_at"), first=True),
                                   url=_field(record.get("url"), first=True),
                                   language=_field(_pick(record, "language", "lang"), first=True)))
    articles[0].notes = notes
    yield from articles


def _has_text(record: Any) -> bool:
    return isinstance(record, dict) and isinstance(record.get("text"), str) and bool(record["text"].strip())


def _json_records(text: str, lines: bool) -> tuple[list[tuple[int, Any]], list[str]]:
    """``(number, value)`` of each record (its 1-based line in JSON Lines, counting every line,
    blank or not; its position in a JSON array) and the notes on lines that are not JSON."""
    if not lines:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON ({exc.msg}, line {exc.lineno})") from None
        except (ValueError, RecursionError) as exc:  # nesting too deep, an integer too long
            raise InputError(f"invalid JSON ({type(exc).__name__}: {str(exc)[:80]})") from None
        return list(enumerate(data if isinstance(data, list) else [data], 1)), []
    records: list[tuple[int, Any]] = []
    notes: list[str] = []
    # Split on "\n" only: ``splitlines`` also breaks at U+2028 and the like, which JSON strings may hold.
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            _parse_line(number, line, records, notes)
    return records, notes


def _parse_line(number: int, line: str, records: list[tuple[int, Any]], notes: list[str]) -> None:
    try:
        records.append((number, json.loads(line)))
    except json.JSONDecodeError as exc:
        notes.append(f"line {number} skipped: invalid JSON ({exc.msg})")
    except (ValueError, RecursionError) as exc:
        notes.append(f"line {number} skipped: invalid JSON ({type(exc).__name__})")


def _register(reader: Reader, suffixes: set[str]) -> None:
    for suffix in sorted(suffixes):
        registry.readers.register(suffix.lstrip("."))(reader)


_register(read_text, TEXT_SUFFIXES)
_register(read_html, HTML_SUFFIXES)
_register(read_json, {".json"})
_register(read_json_lines, {".jsonl", ".ndjson"})


def supported_suffixes() -> frozenset[str]:
    """Every suffix some registered reader (built-in or plug-in) reads, with its dot."""
    return frozenset(f".{name}" for name in registry.readers.names())


def reader_for(path: Path) -> Reader:
    """The reader registered for the file's suffix; text for an unknown one given by name."""
    return registry.readers.get(path.suffix.lower().lstrip(".")) or read_text
