"""Ingest: paths → ``Document``s with chrome removed and metadata detected.

A bad file never stops the run: it is reported in ``warnings`` and skipped.
Only when nothing usable is left does ingest raise ``InputError``.
"""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .chrome import Line, chrome_mask, repeated_lines, split_lines
from .encoding import decode
from .files import not_regular, read_bytes
from .metadata import (
    detect_language,
    outlet_from_lines,
    outlet_from_url,
    parse_date,
)
from .published import published_date
from .readers import RawArticle, reader_for, supported_suffixes

_TERMINAL = re.compile(r"[.!?…\"”’'»)]\s*$")


def collect_files(paths: Iterable[str | Path], warnings: list[str] | None = None) -> list[Path]:
    """Article files under the given paths, each file once; folders are searched recursively.

    Inside a folder only regular files with an article suffix are taken (hidden files and
    folders, and ``expected.json``, are passed over); anything else that is not silently
    ignorable (a named pipe, a device, a socket, a broken link, a folder that cannot be read, a
    link loop) is named in ``warnings``. A file given by name is always taken or warned about.
    A missing path is an ``InputError``, and so is a folder without articles when nothing else
    was found. The same file reached twice (given twice, inside a folder also given, through a
    link) is read once.
    """
    notes = warnings if warnings is not None else []
    found: list[tuple[Path, os.stat_result]] = []
    empty: list[str] = []
    for raw in paths:
        path = Path(raw)
        try:
            link = os.lstat(path)
        except (OSError, ValueError):
            raise InputError(f"no such file or folder: {display(path)}") from None
        try:
            info = os.stat(path)
        except (OSError, ValueError) as exc:
            notes.append(_skip_note(path, link, exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            before = len(found)
            _walk(path, found, notes, {(info.st_dev, info.st_ino)})
            if len(found) == before:
                empty.append(f"no articles in {display(path)} (looked for {', '.join(sorted(supported_suffixes()))})")
        elif not stat.S_ISREG(info.st_mode):
            notes.append(f"{display(path)}: skipped: {not_regular(info.st_mode)}")
        elif path.suffix.lower() not in supported_suffixes():
            notes.append(f"{display(path)}: skipped: not an article file (looked for {', '.join(sorted(supported_suffixes()))})")
        else:
            found.append((path, info))
    if not found and empty:
        raise InputError(empty[0])
    notes.extend(f"{message}, skipped" for message in empty)
    return _once(found, notes)


def _walk(top: Path, found: list[tuple[Path, os.stat_result]], notes: list[str],
          seen: set[tuple[int, int]]) -> None:
    """Depth-first with names sorted, with a stack rather than recursion (however deep the tree);
    a folder already searched (``seen``: a link loop, or two links to one folder) is not again."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                names = sorted((entry.name, entry.is_symlink()) for entry in entries)
        except OSError as exc:
            notes.append(f"{display(folder)}: skipped: cannot read folder ({exc.strerror or exc})")
            continue
        subfolders: list[Path] = []
        for name, is_link in names:
            if name.startswith("."):
                continue
            path = folder / name
            try:
                info = os.stat(path)
            except OSError as exc:
                notes.append(_skip_note(path, _lstat(path) if is_link else None, exc))
                continue
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in seen:
                    notes.append(f"{display(path)}: skipped: link to a folder already searched")
                    continue
                seen.add(key)
                subfolders.append(path)
            elif stat.S_ISREG(info.st_mode):
                if path.suffix.lower() in supported_suffixes() and name != "expected.json":
                    found.append((path, info))
            else:
                notes.append(f"{display(path)}: skipped: {not_regular(info.st_mode)}")
        stack.extend(reversed(subfolders))


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def _skip_note(path: Path, link: os.stat_result | None, exc: Exception) -> str:
    if link is not None and stat.S_ISLNK(link.st_mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"{display(path)}: skipped: broken symbolic link (to {display(Path(target))})"
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"{display(path)}: skipped: cannot read ({reason})"


def _once(found: list[tuple[Path, os.stat_result]], notes: list[str]) -> list[Path]:
    """One path per file (device and inode): the plainest name wins (not a link, then the shortest,
    then the first in sorting), so the input order never changes which name a document gets."""
    groups: dict[tuple[int, int], list[Path]] = {}
    for path, info in found:
        groups.setdefault((info.st_dev, info.st_ino), []).append(path)
    kept: list[Path] = []
    for group in groups.values():
        best = min(group, key=lambda p: (p.is_symlink(), len(str(p)), str(p)))
        kept.append(best)
        if group.count(best) > 1:
            notes.append(f"{display(best)}: given more than once, read once")
        for other in sorted(set(group) - {best}, key=str):
            notes.append(f"{display(other)}: skipped: same file as {display(best)}, read once")
    return sorted(kept, key=_sort_key)


def _sort_key(path: Path) -> str:
    return os.path.abspath(path)


def display(path: str | Path) -> str:
    """A path as printable text: bytes that are not UTF-8 in a file name (``caf\\xe9.txt``) are
    shown as backslash escapes instead of breaking the report's UTF-8 output."""
    text = os.fspath(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return re.sub("[\ud800-\udfff]", "\ufffd", text)


def file_ids(files: list[Path]) -> dict[Path, str]:
    """A document id per file, from its name, unique, and the same whatever order the files came in.

    The id is the file's stem; files that share one take as many of their folders' names as
    tell them apart (``a/x``, ``b/x``), then their suffix (``x.txt``, ``x.md``); any that still
    clash are numbered in the order of their absolute paths.
    """
    ids: dict[Path, str] = {}
    groups: dict[str, list[Path]] = {}
    for path in sorted(files, key=_sort_key):
        groups.setdefault(display(path.stem) or display(path.name), []).append(path)
    for stem, group in groups.items():
        if len(group) == 1:
            ids[group[0]] = stem
            continue
        ids.update(_disambiguate(group))
    used: set[str] = set()
    for path in sorted(files, key=_sort_key):
        ids[path] = _unique(ids[path], used)
        used.add(ids[path])
    return ids


def _disambiguate(group: list[Path]) -> dict[Path, str]:
    """Files sharing a stem: each takes the fewest folder names (then its suffix too) that no other
    file of the group shares at that length. Labels of different lengths never clash."""
    folders = {p: [display(part) for part in Path(os.path.abspath(p)).parent.parts if part not in ("/", "")]
               for p in group}

    def label(path: Path, k: int, full: bool) -> str:
        parents = folders[path][len(folders[path]) - k:] if k else []
        return "/".join([*parents, display(path.name if full else path.stem)])

    depth = max(len(parts) for parts in folders.values())
    ids: dict[Path, str] = {}
    for full, first in ((False, 1), (True, 0)):
        for k in range(first, depth + 1):
            left = [p for p in group if p not in ids]
            if not left:
                return ids
            labels = {p: label(p, k, full) for p in group}
            counts = Counter(labels.values())
            ids.update({p: labels[p] for p in left if counts[labels[p]] == 1 and k <= len(folders[p])})
    ids.update({p: display(p.stem) for p in group if p not in ids})
    return ids


def read_articles(files: list[Path]) -> tuple[list[RawArticle], list[str]]:
    """Read and decode every file; a file that cannot be read or parsed is skipped with a warning.

    Ids: each file's id comes from ``file_ids``; ids given inside JSON records are kept when free
    and otherwise numbered (``x-2``), never taking another file's id, so they are unique.
    """
    articles: list[RawArticle] = []
    warnings: list[str] = []
    ids = file_ids(files)
    reserved = set(ids.values())
    taken: set[str] = set()
    for path in sorted(files, key=_sort_key):
        shown, doc_id = display(path), ids[path]
        try:
            reader = reader_for(path)
            if getattr(reader, "streams", False):
                new = list(reader(path, doc_id, ""))
            else:
                text, note = decode(read_bytes(path))
                if note:
                    warnings.append(f"{shown}: {note}")
                if not text.strip():
                    raise InputError("empty file")
                new = list(reader(path, doc_id, text))
        except InputError as exc:
            warnings.append(f"{shown}: skipped: {exc}")
            continue
        except OSError as exc:
            warnings.append(f"{shown}: skipped: cannot read ({exc.strerror or exc})")
            continue
        except Exception as exc:  # noqa: BLE001 - a parser's error on hostile input: skip the file, never crash
            detail = str(exc).splitlines()[0][:120] if str(exc) else ""
            warnings.append(f"{shown}: skipped: cannot parse ({type(exc).__name__}{': ' + detail if detail else ''})")
            continue
        for article in new:
            article.path = shown
            warnings.extend(f"{shown}: {n}" for n in article.notes)
            wanted = article.id
            article.id = _unique(wanted, taken, reserved, own=doc_id)
            if article.id != wanted:
                warnings.append(f"{shown}: document id {wanted!r} already used, renamed {article.id!r}")
            taken.add(article.id)
        articles.extend(new)
    return articles, warnings


def _unique(name: str, used: set[str], reserved: set[str] | frozenset[str] = frozenset(),
            own: str | None = None) -> str:
    """``name``, or ``name-2``, ``name-3``…: the first not in ``used`` nor ``reserved`` (but ``own``)."""
    candidate, n = name, 2
    while candidate in used or (candidate in reserved and candidate != own):
        candidate, n = f"{name}-{n}", n + 1
    return candidate


def build_documents(articles: list[RawArticle]) -> list[Document]:
    """Strip chrome (learning template lines across the folder) and detect metadata."""
    all_lines = [[line for line in split_lines(a.source) if line.start >= a.body_start] for a in articles]
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
        published=_published(article, lines, mask, body_text, language),
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


def _published(article: RawArticle, lines: list[Line], mask: list[bool], body_text: str,
               language: str) -> date | None:
    """The input's own date when it gives one (trusted as given); else one read from the page (its
    URL, its datelines but never a sidebar list's, checked against the article's weekdays:
    ``ingest.published``)."""
    if article.published:
        return parse_date(article.published, language)
    return published_date(article.url, lines, mask, body_text, language)


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
    warnings: list[str] = []
    files = collect_files(paths, warnings)
    articles, read_warnings = read_articles(files)
    warnings += read_warnings
    if not articles:
        detail = f": {warnings[0]}" if len(warnings) == 1 else f" ({len(warnings)} files skipped)"
        raise InputError(f"no readable articles{detail}")
    return build_documents(articles), warnings
