"""Ingest: paths → ``Document``s with chrome removed and metadata detected.

A bad file never stops the run: it is reported in ``warnings`` and skipped.
Only when nothing usable is left does ingest raise ``InputError``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..model import Document
from .chrome import Line, chrome_mask, repeated_lines, split_lines
from .encoding import decode
from .metadata import (date_from_url, detect_language, outlet_from_lines, outlet_from_url, parse_date,
                       published_from_lines)
from .readers import SUFFIXES, RawArticle, reader_for

MAX_BYTES = 20 * 1024 * 1024
_TERMINAL = re.compile(r"[.!?…\"”’'»)]\s*$")


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Article files under the given paths, sorted; folders are searched recursively."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts)
                           and p.name != "expected.json")
            if not found:
                raise InputError(f"no articles in {path} (looked for {', '.join(sorted(SUFFIXES))})")
            files.extend(found)
        else:
            files.append(path)
    return files


def read_articles(files: list[Path]) -> tuple[list[RawArticle], list[str]]:
    articles: list[RawArticle] = []
    warnings: list[str] = []
    used: set[str] = set()
    for path in files:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise InputError(f"larger than {MAX_BYTES // 2**20} MiB")
            text, note = decode(path.read_bytes())
            if note:
                warnings.append(f"{path}: {note}")
            if not text.strip():
                raise InputError("empty file")
            doc_id = _unique(path.stem, used)
            new = list(reader_for(path)(path, doc_id, text))
        except InputError as exc:
            warnings.append(f"{path}: skipped: {exc}")
            continue
        except OSError as exc:
            warnings.append(f"{path}: skipped: cannot read ({exc.strerror or exc})")
            continue
        for article in new:
            article.id = article.id if article.id == doc_id else _unique(article.id, used)
            used.add(article.id)
        articles.extend(new)
    return articles, warnings


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 2
    while candidate in used:
        candidate, n = f"{name}-{n}", n + 1
    return candidate


def build_documents(articles: list[RawArticle]) -> list[Document]:
    """Strip chrome (learning template lines across the folder) and detect metadata."""
    all_lines = [split_lines(a.source) for a in articles]
    repeated = repeated_lines(all_lines)
    return [_build(article, lines, repeated) for article, lines in zip(articles, all_lines)]


def _build(article: RawArticle, lines: list[Line], repeated: set[str]) -> Document:
    mask = chrome_mask(lines, repeated)
    body = [line for line, chrome in zip(lines, mask) if not chrome]
    chrome = [line for line, is_chrome in zip(lines, mask) if is_chrome]
    body_text = "\n".join(line.text for line in body)
    language = article.language[:2].lower() if article.language else detect_language(body_text)
    title = article.title or _title_from(body)
    return Document(
        id=article.id,
        path=article.path,
        source=article.source,
        title=title,
        outlet=(article.outlet or outlet_from_url(article.url) or outlet_from_lines(chrome, body[:3])
                or article.id),
        published=_published(article, chrome, language),
        language=language,
        blocks=merge_wrapped(body),
    )


def _title_from(body: list[Line]) -> str:
    """A headline: an unpunctuated line among the first three, preferring one of six words or more
    (shorter ones there are usually photo credits or section labels)."""
    candidates = [l for l in body[:3] if len(l.words) <= 25 and not re.search(r"[.!?]\s*$", l.text)]
    full = [l for l in candidates if len(l.words) >= 6]
    chosen = full or (candidates[:1] if candidates and candidates[0] is body[0] else [])
    return chosen[0].text if chosen else ""


def _published(article: RawArticle, chrome: list[Line], language: str) -> date | None:
    if article.published:
        return parse_date(article.published, language)
    if article.url and date_from_url(article.url):
        return date_from_url(article.url)
    head = chrome[:12]
    return published_from_lines(head, language)


def merge_wrapped(lines: list[Line]) -> list[tuple[int, int]]:
    """Join hard-wrapped lines into one block: a line that ends mid-sentence and is
    followed by a lowercase start continues; otherwise a line break ends a block."""
    blocks: list[tuple[int, int]] = []
    for previous, line in zip([None, *lines], lines):
        continues = (previous is not None and not _TERMINAL.search(previous.text) and line.text[:1].islower()
                     and len(previous.words) >= 6)
        if continues:
            blocks[-1] = (blocks[-1][0], line.end)
        else:
            blocks.append((line.start, line.end))
    return blocks


def load_documents(paths: Iterable[str | Path]) -> tuple[list[Document], list[str]]:
    """Read every article under ``paths``; returns the documents and per-file warnings."""
    files = collect_files(paths)
    articles, warnings = read_articles(files)
    if not articles:
        detail = f": {warnings[0]}" if len(warnings) == 1 else f" ({len(warnings)} files skipped)"
        raise InputError(f"no readable articles{detail}")
    return build_documents(articles), warnings
