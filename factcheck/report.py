"""The ``Report``: the one object every output format is rendered from.

Its JSON form (schema_version 1) is a contract read by other programs, so it
is built deterministically: everything without a natural order is sorted and
timings, which differ run to run, stay out of it.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any

from . import __version__
from .errors import InputError
from .model import Claim, ClaimMember, Event, Evidence, Finding

SCHEMA_VERSION = 1


@dataclass
class DocumentInfo:
    id: str
    path: str
    title: str
    outlet: str
    published: str | None
    language: str
    event: str | None
    sentences: int


@dataclass
class Report:
    model: dict[str, Any]
    documents: list[DocumentInfo]
    events: list[Event]
    claims: list[Claim]
    findings: list[Finding]
    tool: dict[str, str] = field(default_factory=lambda: {"name": "factcheck", "version": __version__})
    schema_version: int = SCHEMA_VERSION
    # Not part of the JSON: run statistics and the texts the offsets point into.
    stats: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _index: tuple[tuple[int, ...], dict[str, DocumentInfo], dict[str, str]] | None = field(
        default=None, init=False, repr=False, compare=False)
    """Documents by id and each claim's event, built on first use: a corpus report is looked up once
    per finding and evidence item, and a scan each time would make every export quadratic."""

    def _indexes(self) -> tuple[dict[str, DocumentInfo], dict[str, str]]:
        key = (id(self.documents), len(self.documents), id(self.claims), len(self.claims))
        if self._index is None or self._index[0] != key:
            self._index = (key, {d.id: d for d in self.documents}, {c.id: c.event for c in self.claims})
        return self._index[1], self._index[2]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "tool": dict(self.tool),
            "model": dict(self.model),
            "documents": [asdict(d) for d in self.documents],
            "events": [asdict(e) for e in self.events],
            "claims": [asdict(c) for c in self.claims],
            "findings": [finding_dict(f) for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"

    @classmethod
    def from_dict(cls, data: Any) -> Report:
        """A report from its JSON form, checked field by field.

        Unknown fields are ignored anywhere (the contract only ever adds
        fields); a missing field or one of the wrong type is an ``InputError``
        ``malformed factcheck report (where: what)``.
        """
        tool = data.get("tool") if isinstance(data, dict) else None
        if not isinstance(tool, dict) or tool.get("name") != "factcheck":
            raise InputError("not a factcheck report (no tool.name == 'factcheck')")
        version = data.get("schema_version")
        if type(version) is not int or version != SCHEMA_VERSION:
            raise InputError(f"unsupported report schema_version {version!r} "
                             f"(this factcheck reads {SCHEMA_VERSION})")
        model = data.get("model", {})
        if not isinstance(model, dict):
            raise _malformed("model", "an object", model)
        return cls(
            schema_version=version,
            tool=dict(tool),
            model=dict(model),
            documents=[_load(DocumentInfo, d, f"documents[{i}]") for i, d in enumerate(_list(data, "documents", ""))],
            events=[_load(Event, e, f"events[{i}]") for i, e in enumerate(_list(data, "events", ""))],
            claims=[_load(Claim, c, f"claims[{i}]") for i, c in enumerate(_list(data, "claims", ""))],
            findings=[_load(Finding, f, f"findings[{i}]") for i, f in enumerate(_list(data, "findings", ""))],
        )

    @classmethod
    def from_json(cls, text: str) -> Report:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"not a factcheck report: invalid JSON ({exc.msg} at line {exc.lineno})") from None
        except RecursionError:
            raise InputError("not a factcheck report: invalid JSON (nested too deeply)") from None
        except ValueError as exc:  # e.g. an integer longer than Python converts
            raise InputError(f"not a factcheck report: invalid JSON ({exc})") from None
        return cls.from_dict(data)

    def document(self, doc_id: str) -> DocumentInfo:
        """The document ``doc_id``; KeyError when the report has none."""
        return self._indexes()[0][doc_id]

    def claim_event(self, claim_id: str) -> str | None:
        """The event of claim ``claim_id``; None when the report has no such claim."""
        return self._indexes()[1].get(claim_id)

    def outlet(self, doc_id: str) -> str:
        info = self.document(doc_id)
        return info.outlet or info.id


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as the JSON contract writes it."""
    data = asdict(finding)
    for item in data["evidence"]:
        item["span"] = list(item["span"])
    return data


# ---- reading a report back: every field checked against the contract ------------------------

_STR, _OPT_STR, _COUNT, _NUMBER, _STRS, _SPAN = "a string", "a string or null", "a non-negative integer", \
    "a number", "a list of strings", "a [start, end] pair of non-negative integers"
_FIELD_TYPES: dict[type, dict[str, Any]] = {
    DocumentInfo: {"id": _STR, "path": _STR, "title": _STR, "outlet": _STR, "published": _OPT_STR,
                   "language": _STR, "event": _OPT_STR, "sentences": _COUNT},
    Event: {"id": _STR, "documents": _STRS, "date": _OPT_STR, "label": _STR},
    Claim: {"id": _STR, "event": _STR, "score": _NUMBER, "members": ClaimMember},
    ClaimMember: {"document": _STR, "sentence": _COUNT, "start": _COUNT, "end": _COUNT, "text": _STR},
    Finding: {"id": _STR, "kind": _STR, "severity": _STR, "confidence": _NUMBER, "claim": _OPT_STR,
              "summary": _STR, "majority": _OPT_STR, "outliers": _STRS, "evidence": Evidence,
              "variant": _OPT_STR},
    Evidence: {"document": _STR, "sentence": _COUNT, "start": _COUNT, "end": _COUNT, "text": _STR,
               "value": _STR, "span": _SPAN},
}


def _malformed(where: str, expected: str, got: Any) -> InputError:
    shown = "null" if got is None else type(got).__name__
    if isinstance(got, (int, float)) and not isinstance(got, bool):
        shown += f" {got!r}"
    return InputError(f"malformed factcheck report ({where}: expected {expected}, got {shown})")


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    name = f"{where}.{key}" if where else key
    if key not in data:
        raise InputError(f"malformed factcheck report ({name}: missing)")
    value = data[key]
    if not isinstance(value, list):
        raise _malformed(name, "a list", value)
    return value


def _load(cls: type, data: Any, where: str) -> Any:
    """An instance of the dataclass ``cls`` from ``data``, every field checked; extra keys ignored."""
    if not isinstance(data, dict):
        raise _malformed(where, "an object", data)
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise InputError(f"malformed factcheck report ({where}.{f.name}: missing)")
            continue
        values[f.name] = _value(_FIELD_TYPES[cls][f.name], data[f.name], f"{where}.{f.name}")
    return cls(**values)


def _value(expected: Any, value: Any, where: str) -> Any:
    if isinstance(expected, type):  # a list of nested objects
        if not isinstance(value, list):
            raise _malformed(where, "a list", value)
        return [_load(expected, item, f"{where}[{i}]") for i, item in enumerate(value)]
    ok: bool
    if expected is _STR:
        ok = isinstance(value, str)
    elif expected is _OPT_STR:
        ok = value is None or isinstance(value, str)
    elif expected is _COUNT:
        ok = _is_count(value)
    elif expected is _NUMBER:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif expected is _STRS:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:  # _SPAN
        ok = isinstance(value, list) and len(value) == 2 and all(_is_count(v) for v in value)
        value = tuple(value) if ok else value
    if not ok:
        raise _malformed(where, expected, value)
    return value


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
