"""The ``Report``: the one object every output format is rendered from.

Its JSON form (schema_version 1) is a contract read by other programs, so it
is built deterministically: everything without a natural order is sorted and
timings, which differ run to run, stay out of it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "tool": dict(self.tool),
            "model": dict(self.model),
            "documents": [asdict(d) for d in self.documents],
            "events": [asdict(e) for e in self.events],
            "claims": [asdict(c) for c in self.claims],
            "findings": [_finding_dict(f) for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"

    @classmethod
    def from_dict(cls, data: Any) -> "Report":
        tool = data.get("tool") if isinstance(data, dict) else None
        if not isinstance(tool, dict) or tool.get("name") != "factcheck":
            raise InputError("not a factcheck report (no tool.name == 'factcheck')")
        if data.get("schema_version") != SCHEMA_VERSION:
            raise InputError(f"unsupported report schema_version {data.get('schema_version')!r} "
                             f"(this factcheck reads {SCHEMA_VERSION})")
        try:
            return cls(
                schema_version=data["schema_version"],
                tool=data["tool"],
                model=data.get("model", {}),
                documents=[DocumentInfo(**d) for d in data["documents"]],
                events=[Event(**e) for e in data["events"]],
                claims=[Claim(**{**c, "members": [ClaimMember(**m) for m in c["members"]]})
                        for c in data["claims"]],
                findings=[_finding_from(f) for f in data["findings"]],
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"malformed factcheck report: {exc}") from None

    @classmethod
    def from_json(cls, text: str) -> "Report":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"not a factcheck report: invalid JSON ({exc.msg} at line {exc.lineno})") from None
        return cls.from_dict(data)

    def document(self, doc_id: str) -> DocumentInfo:
        return next(d for d in self.documents if d.id == doc_id)

    def outlet(self, doc_id: str) -> str:
        info = self.document(doc_id)
        return info.outlet or info.id


def _finding_dict(finding: Finding) -> dict[str, Any]:
    data = asdict(finding)
    for item in data["evidence"]:
        item["span"] = list(item["span"])
    return data


def _finding_from(data: dict[str, Any]) -> Finding:
    evidence = [Evidence(**{**e, "span": tuple(e["span"])}) for e in data["evidence"]]
    return Finding(**{**data, "evidence": evidence})
