"""Readers: one per file format, each yielding ``RawArticle``s.

A reader decides what the *source text* is (the string every offset points
into) and passes along whatever metadata the format carries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES


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


Reader = Callable[[Path, str, str], Iterator[RawArticle]]


def read_text(path: Path, doc_id: str, text: str) -> Iterator[RawArticle]:
    yield RawArticle(doc_id, str(path), text)


def read_html(path: Path, doc_id: str, text: str) -> Iterator[RawArticle]:
    import trafilatura

    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_recall=True)
    meta: dict[str, Any] = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    body = (meta.get("text") or "").strip()
    if not body:
        raise InputError("no article text found in the HTML")
    yield RawArticle(doc_id, str(path), body, title=meta.get("title") or "",
                     outlet=meta.get("sitename") or meta.get("hostname") or "",
                     published=meta.get("date") or "", url=meta.get("url") or "",
                     language=meta.get("language") or "")


def read_json(path: Path, doc_id: str, text: str) -> Iterator[RawArticle]:
    records = list(_json_records(text, path.suffix.lower()))
    if not records:
        raise InputError("no article objects in the JSON")
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            raise InputError(f"JSON object {number} has no 'text' string")
        record_id = str(record.get("id") or (doc_id if len(records) == 1 else f"{doc_id}#{number}"))
        yield RawArticle(record_id, str(path), record["text"], title=str(record.get("title") or ""),
                         outlet=str(record.get("outlet") or record.get("source") or ""),
                         published=str(record.get("published") or record.get("date") or ""),
                         url=str(record.get("url") or ""), language=str(record.get("language") or ""))


def _json_records(text: str, suffix: str) -> Iterator[Any]:
    try:
        if suffix == ".json":
            data = json.loads(text)
            yield from data if isinstance(data, list) else [data]
            return
        for line in text.splitlines():
            if line.strip():
                yield json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg}, line {exc.lineno})") from None


def reader_for(path: Path) -> Reader:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return read_html
    if suffix in JSON_SUFFIXES:
        return read_json
    return read_text
