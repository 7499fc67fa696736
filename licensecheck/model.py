# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The scan's data model: plain frozen dataclasses handed from stage to stage.

`ScanResult` is the only hand-off between scanning and reporting; `to_dict` /
`from_dict` turn it into the JSON result of CONTRACT.md and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

SCHEMA = "licensecheck-result/1"

CATEGORIES = ("software", "hardware", "documentation", "data", "other")
SEVERITIES = ("error", "warning", "info")
EVIDENCE_SOURCES = (
    "header",  # an SPDX tag or copyright line in a comment
    "embedded",  # a field inside a design file (title block, attribute, metadata)
    "sidecar",  # FILE.license
    "reuse-toml",  # a REUSE.toml annotation
    "dep5",  # .reuse/dep5
    "text-match",  # a recognised license text or notice
    "directory",  # a license file that covers its folder
    "manifest",  # library.json, package.json, pyproject.toml, Cargo.toml, ...
)


@dataclass(frozen=True)
class DiscoveredFile:
    """One file found by discovery, before anything has read it."""

    path: str  # relative to the scan root, "/" separators
    size: int
    blob: str | None = None  # git blob id when the work tree matches the index
    mtime_ns: int = 0
    inode: int = 0


@dataclass(frozen=True)
class Evidence:
    """One piece of licensing information and where it came from.

    A license evidence has `raw` (the text as written) and `expression` (its
    normalized SPDX form, None when it does not parse); a copyright evidence
    has `copyright`.
    """

    source: str
    expression: str | None = None
    copyright: str | None = None
    line: int | None = None
    detail: str = ""
    raw: str | None = None

    @property
    def is_license(self) -> bool:
        return self.raw is not None or self.expression is not None

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "expression": self.expression,
            "copyright": self.copyright,
            "line": self.line,
            "detail": self.detail,
            "raw": self.raw,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Evidence:
        return cls(**{f.name: data.get(f.name) for f in fields(cls) if f.name in data})


@dataclass(frozen=True)
class FileResult:
    """A file with everything concluded about it."""

    path: str
    category: str
    format: str
    licenses: tuple[str, ...] = ()
    copyrights: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    size: int = 0
    blob: str | None = None
    problem: str | None = None  # why the file could not be read or parsed
    checksums: tuple[
        tuple[str, str], ...
    ] = ()  # (("SHA1", hex), ("SHA256", hex)) when asked for (SPDX output)

    def to_dict(self) -> dict:
        data = {
            "path": self.path,
            "category": self.category,
            "format": self.format,
            "licenses": list(self.licenses),
            "copyrights": list(self.copyrights),
            "evidence": [e.to_dict() for e in self.evidence],
            "size": self.size,
            "blob": self.blob,
            "problem": self.problem,
        }
        if self.checksums:
            data["checksums"] = dict(self.checksums)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> FileResult:
        return cls(
            path=data["path"],
            category=data["category"],
            format=data["format"],
            licenses=tuple(data.get("licenses", ())),
            copyrights=tuple(data.get("copyrights", ())),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence", ())),
            size=data.get("size", 0),
            blob=data.get("blob"),
            problem=data.get("problem"),
            checksums=tuple(sorted((data.get("checksums") or {}).items())),
        )


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    path: str | None
    message: str
    licenses: tuple[str, ...] = ()
    line: int | None = None
    waived: str | None = None  # the waiver's reason, when a waiver accepts the finding

    def sort_key(self) -> tuple:
        return (SEVERITIES.index(self.severity), self.path or "", self.rule, self.line or 0, self.message)

    def to_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "licenses": list(self.licenses),
            "line": self.line,
        }
        if self.waived is not None:
            data["waived"] = self.waived
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Finding:
        return cls(
            rule=data["rule"],
            severity=data["severity"],
            path=data.get("path"),
            message=data["message"],
            licenses=tuple(data.get("licenses", ())),
            line=data.get("line"),
            waived=data.get("waived"),
        )


@dataclass(frozen=True)
class Project:
    declared: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"declared": list(self.declared), "sources": list(self.sources)}


@dataclass(frozen=True)
class Provenance:
    """Where the scan came from: tool, data versions and the git state."""

    commit: str | None = None
    branch: str | None = None
    dirty: bool | None = None
    license_list_version: str | None = None
    submodules: tuple[str, ...] = ()
    knowledge_version: str | None = None  # hash of the knowledge base in licenses/
    config: str | None = None  # the configuration file used, as given
    lang: str = "en"
    fail_on: str = "error"  # the lowest severity that fails the run (the report's verdict follows it)
    components: tuple[tuple[str, tuple[str, ...]], ...] = ()  # the config's [components]

    def to_dict(self) -> dict:
        return {
            "commit": self.commit,
            "branch": self.branch,
            "dirty": self.dirty,
            "license_list_version": self.license_list_version,
            "knowledge_version": self.knowledge_version,
            "config": self.config,
            "lang": self.lang,
            "fail_on": self.fail_on,
            "components": {name: list(patterns) for name, patterns in self.components},
            "submodules": list(self.submodules),
        }


@dataclass(frozen=True)
class ScanResult:
    root: str
    profile: str
    tool_version: str
    project: Project
    files: tuple[FileResult, ...]
    findings: tuple[Finding, ...] = ()
    provenance: Provenance = field(default_factory=Provenance)

    def with_findings(self, findings: list[Finding]) -> ScanResult:
        return replace(self, findings=tuple(sorted(findings, key=Finding.sort_key)))

    def summary(self) -> dict:
        by_category: dict[str, int] = {}
        for f in self.files:
            by_category[f.category] = by_category.get(f.category, 0) + 1
        counted = [f for f in self.findings if f.waived is None]
        return {
            "files": len(self.files),
            "by_category": dict(sorted(by_category.items())),
            "errors": sum(f.severity == "error" for f in counted),
            "warnings": sum(f.severity == "warning" for f in counted),
            "infos": sum(f.severity == "info" for f in counted),
            "waived": sum(f.waived is not None for f in self.findings),
        }

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "tool": {"name": "licensecheck", "version": self.tool_version},
            "root": self.root,
            "profile": self.profile,
            "project": self.project.to_dict(),
            "summary": self.summary(),
            "files": [f.to_dict() for f in self.files],
            "findings": [f.to_dict() for f in self.findings],
            "provenance": self.provenance.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict) -> ScanResult:
        prov = data.get("provenance") or {}
        return cls(
            root=data["root"],
            profile=data["profile"],
            tool_version=data["tool"]["version"],
            project=Project(tuple(data["project"]["declared"]), tuple(data["project"]["sources"])),
            files=tuple(FileResult.from_dict(f) for f in data["files"]),
            findings=tuple(Finding.from_dict(f) for f in data["findings"]),
            provenance=Provenance(
                commit=prov.get("commit"),
                branch=prov.get("branch"),
                dirty=prov.get("dirty"),
                license_list_version=prov.get("license_list_version"),
                submodules=tuple(prov.get("submodules", ())),
                knowledge_version=prov.get("knowledge_version"),
                config=prov.get("config"),
                lang=prov.get("lang", "en"),
                fail_on=prov.get("fail_on", "error"),
                components=tuple((name, tuple(p)) for name, p in (prov.get("components") or {}).items()),
            ),
        )
