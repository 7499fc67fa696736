# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The scan's data model: plain dataclasses handed from stage to stage, never changed once made.

`ScanResult` is the only hand-off between scanning and reporting; `to_dict` /
`from_dict` turn it into the JSON result of CONTRACT.md and back.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from functools import cache, cached_property
from json.encoder import encode_basestring as _json_string  # what json.dumps(ensure_ascii=False) uses
from typing import NamedTuple

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
    "design",  # the design a fabrication output was made from (derived.py)
    "readme",  # the licence a root README's licence section gives the file's part (conclude.py)
)


# The size of a file that discovery did not lstat (a walk for a run without cache keys):
# extraction takes it from the fstat it makes anyway.
SIZE_UNREAD = -1


class DiscoveredFile(NamedTuple):
    """One file found by discovery, before anything has read it. A named tuple, not a frozen
    dataclass like the rest: discovery makes one per file of the tree, a warm scan does little
    else, and a tuple is made (and sent to a worker process) in a third of the time."""

    path: str  # relative to the scan root, "/" separators; see on_disk
    size: int
    blob: str | None = None  # git blob id when the work tree matches the index
    mtime_ns: int = 0
    inode: int = 0
    # Set back by no tool (mtime is: `touch -r`, `cp -p`, `rsync -t`, FAT's 2-second clock),
    # so an edit that keeps the size and the mtime still changes the file's cache key, as in git.
    ctime_ns: int = 0
    # The name as the file system holds it (undecodable bytes surrogate-escaped), when `path`
    # shows it otherwise: a name that is not UTF-8 is shown with \xNN escapes.
    on_disk: str | None = None


# The records made for every file of the tree (a file's evidence, its scan, its result) are
# slotted and not frozen, though no stage changes one once made: a frozen dataclass sets each
# field through object.__setattr__, and reads it from a dict. An Evidence is built in 0.27 µs
# against 1.5; generated trees, 2 cores, cold scan, median of 8 and 4 alternating runs: 11,887
# files 1.73 -> 1.52 s, 59,168 files 7.23 -> 6.30 s. They hash by their fields, as frozen
# ones do (unsafe_hash): evidence is deduplicated and remembered by value.
@dataclass(slots=True, unsafe_hash=True)
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

    @property
    def holder(self) -> str:
        """The file whose licence this evidence carries, for evidence taken from another file (a
        folder's license file, a manifest, a design: "hardware/LICENSE covers hardware/"): the
        first word of its detail."""
        return self.detail.split(" ", 1)[0]

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "expression": self.expression,
            "copyright": self.copyright,
            "line": self.line,
            "detail": self.detail,
            "raw": self.raw,
        }

    def to_json(self) -> str:
        """`json.dumps(self.to_dict(), ensure_ascii=False)`; raises TypeError on a value of
        a type other than the annotated one (see FileResult.to_json)."""
        return (
            f'{{"source": {_json_string(self.source)}, '
            f'"expression": {"null" if self.expression is None else _json_string(self.expression)}, '
            f'"copyright": {"null" if self.copyright is None else _json_string(self.copyright)}, '
            f'"line": {"null" if self.line is None else _json_int(self.line)}, '
            f'"detail": {_json_string(self.detail)}, '
            f'"raw": {"null" if self.raw is None else _json_string(self.raw)}}}'
        )

    @classmethod
    def from_dict(cls, data: dict) -> Evidence:
        if cls is Evidence and data.keys() == _EVIDENCE_KEYS:  # as to_dict wrote it, for every evidence
            # In field order, without keywords: binding them costs more than the rest.
            return cls(
                data["source"],
                data["expression"],
                data["copyright"],
                data["line"],
                data["detail"],
                data["raw"],
            )
        return cls(**{name: data[name] for name in _field_names(cls) if name in data})


def _json_int(value: int) -> str:
    if type(value) is not int:  # a bool, or an int subclass whose repr json.dumps would not use
        raise TypeError(f"not an int: {value!r}")
    return int.__repr__(value)


def plain_evidence(evidence: tuple[Evidence, ...]) -> tuple[tuple, ...]:
    """Evidence as tuples of its fields, in order (Evidence(*fields) makes it again): what
    another process sends and the cache keeps, where pickling dataclasses costs several times more."""
    return tuple((e.source, e.expression, e.copyright, e.line, e.detail, e.raw) for e in evidence)


def evidence_of_plain(plain: tuple[tuple, ...]) -> tuple[Evidence, ...]:
    """The evidence plain_evidence gave as tuples."""
    return tuple(Evidence(*fields) for fields in plain)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    # dataclasses.fields() is slow enough to be most of the cost of reading back a big result.
    return tuple(f.name for f in fields(cls))


_EVIDENCE_KEYS = frozenset(_field_names(Evidence))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a stage builds objects for the whole tree.

    Discovery, reading the caches back, conclusion, the rules and the JSON result each make
    tens of thousands of objects that form no reference cycles (dataclasses, tuples,
    dicts of strings), and so many new objects make the collector walk every object of the
    scan once or twice: a third of the stage on 12,000 files, more on bigger trees (decoding
    60,000 cached files: 850 ms with it, 330 without). Reference counting frees everything
    as usual meanwhile; the collector is on again, as it was, when the stage ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see Evidence
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

    def to_json(self) -> str:
        """`json.dumps(self.to_dict(), ensure_ascii=False)`, written directly: the JSON result
        holds one of these per file, and building their dicts first costs as much again as
        encoding them. Values of other types than the annotated ones go through json.dumps."""
        if self.checksums:
            return json.dumps(self.to_dict(), ensure_ascii=False)
        try:
            return (
                f'{{"path": {_json_string(self.path)}, '
                f'"category": {_json_string(self.category)}, '
                f'"format": {_json_string(self.format)}, '
                f'"licenses": [{", ".join(map(_json_string, self.licenses))}], '
                f'"copyrights": [{", ".join(map(_json_string, self.copyrights))}], '
                f'"evidence": [{", ".join(map(Evidence.to_json, self.evidence))}], '
                f'"size": {_json_int(self.size)}, '
                f'"blob": {"null" if self.blob is None else _json_string(self.blob)}, '
                f'"problem": {"null" if self.problem is None else _json_string(self.problem)}}}'
            )
        except TypeError:
            return json.dumps(self.to_dict(), ensure_ascii=False)

    def plain(self) -> tuple:
        """The result as plain tuples, which marshal carries (from a process that concluded it)."""
        return (
            self.path, self.category, self.format, self.licenses, self.copyrights,
            plain_evidence(self.evidence), self.size, self.blob, self.problem, self.checksums,
        )  # fmt: skip

    @classmethod
    def from_plain(cls, plain: tuple) -> FileResult:
        path, category, format_id, licenses, copyrights, evidence, size, blob, problem, checksums = plain
        found = evidence_of_plain(evidence)
        return cls(path, category, format_id, licenses, copyrights, found, size, blob, problem, checksums)

    @classmethod
    def from_dict(cls, data: dict) -> FileResult:
        checksums = data.get("checksums")
        # In field order, without keywords: a result holds one file per file of the tree.
        return cls(
            data["path"],
            data["category"],
            data["format"],
            tuple(data.get("licenses", ())),
            tuple(data.get("copyrights", ())),
            tuple(map(Evidence.from_dict, data.get("evidence", ()))),
            data.get("size", 0),
            data.get("blob"),
            data.get("problem"),
            tuple(sorted(checksums.items())) if checksums else (),
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
class Encoded:
    """A result's JSON, known without encoding the result again (written once, or read back from
    the result cache): encoding megabytes again would cost a warm scan a third of its time.
    The files' part stays as it was read, with the objects of files read again since laid over
    it (`patches`): never joined into a copy of megabytes unless something decodes it."""

    head: dict  # to_dict() with "files": None
    files_json: bytes  # the files' JSON objects, as FileResult.to_json writes them, ", "-separated, UTF-8
    patches: dict[str, bytes] = field(default_factory=dict)  # path -> its object, in place of files_json's

    @cached_property
    def files_pieces(self) -> tuple[bytes | memoryview, ...]:
        """The files' JSON with the patches in place, in pieces; ValueError when a patched
        file is not in it."""
        if not self.patches:
            return (self.files_json,)
        spans = _file_spans(self.files_json, list(self.patches))
        if spans is None:
            raise ValueError("a patched file is not in the kept result")
        pieces: list[bytes | memoryview] = []
        start = 0
        whole = memoryview(self.files_json)  # slices of it copy nothing
        for path, at, end in spans:
            pieces += (whole[start:at], self.patches[path])
            start = end
        pieces.append(whole[start:])
        return tuple(pieces)

    def files(self) -> bytes:
        """The files' JSON, patches in place."""
        return self.files_json if not self.patches else b"".join(self.files_pieces)

    def pieces(self, end: bytes = b"") -> list[bytes | memoryview]:
        """The JSON as UTF-8 pieces, followed by `end`: written one after the other, the
        megabytes of the files' part are never joined into a copy."""
        pieces: list[bytes | memoryview] = []
        for key, value in self.head.items():
            pieces += (b", " if pieces else b"{", _json_string(key).encode(), b": ")
            if key == "files":
                pieces += (b"[", *self.files_pieces, b"]")
            else:
                pieces.append(json.dumps(value, ensure_ascii=False).encode("utf-8"))
        pieces += (b"}", end)
        return pieces

    def utf8(self) -> bytes:
        """The JSON as UTF-8."""
        return b"".join(self.pieces())


_NEXT_FILE = b', {"path": '


def _file_spans(files_json: bytes, paths: list[str]) -> list[tuple[str, int, int]] | None:
    """(path, start, end) of the JSON object of each file at `paths` in the files' JSON, in path
    order; None when one is not there. The files are in path order, so one pass finds them all;
    an object ends where the next one starts (inside JSON strings every quote is escaped)."""
    spans = []
    start = 0
    for path in sorted(paths):
        at = files_json.find(b'{"path": %s, "category": ' % _json_string(path).encode(), start)
        if at < 0:
            return None
        end = files_json.find(_NEXT_FILE, at)
        start = len(files_json) if end < 0 else end
        spans.append((path, at, start))
    return spans


def file_objects(files_json: bytes, paths: list[str]) -> dict[str, bytes] | None:
    """The JSON object of each file at `paths` in the files' JSON (Encoded.files_json); None
    when one is not there."""
    spans = _file_spans(files_json, paths)
    return None if spans is None else {path: files_json[at:end] for path, at, end in spans}


class FilesInJson(Sequence):
    """The files of a result read back from the result cache, decoded from their JSON on first
    use: a warm scan that writes only the JSON report and the summary never needs them."""

    __slots__ = ("_count", "_decoded", "_encoded")

    def __init__(self, encoded: Encoded, count: int) -> None:
        self._encoded = encoded
        self._count = count
        self._decoded: tuple[FileResult, ...] | None = None

    def _files(self) -> tuple[FileResult, ...]:
        if self._decoded is None:
            with collector_paused():
                whole = json.loads(b"[%s]" % self._encoded.files())
                self._decoded = tuple(map(FileResult.from_dict, whole))
        return self._decoded

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self._files()[index]

    def __iter__(self) -> Iterator[FileResult]:
        return iter(self._files())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FilesInJson | tuple):
            return self._files() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._files())

    def __repr__(self) -> str:
        return repr(self._files())


@dataclass(frozen=True)
class ScanResult:
    root: str
    profile: str
    tool_version: str
    project: Project
    files: Sequence[FileResult]  # a tuple, or FilesInJson for a result read from the cache
    findings: tuple[Finding, ...] = ()
    provenance: Provenance = field(default_factory=Provenance)
    encoded: Encoded | None = field(default=None, compare=False, repr=False)  # see Encoded

    def with_findings(self, findings: list[Finding]) -> ScanResult:
        return replace(self, findings=tuple(sorted(findings, key=Finding.sort_key)), encoded=None)

    def summary(self) -> dict:
        if self.encoded is not None:
            known = self.encoded.head["summary"]
            return {key: dict(value) if isinstance(value, dict) else value for key, value in known.items()}
        by_category: dict[str, int] = {}
        by_license: dict[str, int] = {}
        for f in self.files:
            by_category[f.category] = by_category.get(f.category, 0) + 1
            for expression in f.licenses:
                by_license[expression] = by_license.get(expression, 0) + 1
        counted = [f for f in self.findings if f.waived is None]
        return {
            "files": len(self.files),
            "by_category": dict(sorted(by_category.items())),
            "licenses": dict(sorted(by_license.items())),  # expression -> files concluded to have it
            "errors": sum(f.severity == "error" for f in counted),
            "warnings": sum(f.severity == "warning" for f in counted),
            "infos": sum(f.severity == "info" for f in counted),
            "waived": sum(f.waived is not None for f in self.findings),
        }

    def to_dict(self) -> dict:
        with collector_paused():
            data = self._head()
            data["files"] = [f.to_dict() for f in self.files]
            return data

    def _head(self) -> dict:
        return {
            "schema": SCHEMA,
            "tool": {"name": "licensecheck", "version": self.tool_version},
            "root": self.root,
            "profile": self.profile,
            "project": self.project.to_dict(),
            "summary": self.summary(),
            "files": None,
            "findings": [f.to_dict() for f in self.findings],
            "provenance": self.provenance.to_dict(),
        }

    def encode(self) -> Encoded:
        """The JSON of this result in two parts, each file's from FileResult.to_json rather than
        built as dicts and encoded."""
        if self.encoded is not None:
            return self.encoded
        with collector_paused():
            return Encoded(self._head(), self.files_json(self.files))

    @staticmethod
    def files_json(files: Sequence[FileResult]) -> bytes:
        """Encoded.files_json of a result with these files."""
        return ", ".join(map(FileResult.to_json, files)).encode("utf-8")

    def with_files_json(self, files_json: bytes) -> ScanResult:
        """This result, its JSON known: `files_json` is files_json(self.files), made elsewhere."""
        with collector_paused():
            return replace(self, encoded=Encoded(self._head(), files_json))

    def to_json(self) -> str:
        """`json.dumps(self.to_dict(), ensure_ascii=False)`."""
        return self.encode().utf8().decode("utf-8")

    def to_utf8_pieces(self, end: bytes = b"") -> list[bytes | memoryview]:
        """to_json() as UTF-8 pieces followed by `end`, to be written one after the other: the
        megabytes of the files' part are never copied into one string."""
        return self.encode().pieces(end)

    @classmethod
    def from_dict(cls, data: dict) -> ScanResult:
        """The result `data` (`to_dict()`) describes."""
        with collector_paused():
            return cls._from_head(data, tuple(FileResult.from_dict(f) for f in data["files"]))

    @classmethod
    def from_encoded(cls, encoded: Encoded) -> ScanResult:
        """The result whose JSON `encoded` holds; its files are decoded when first read."""
        with collector_paused():
            encoded.files_pieces  # noqa: B018 (a patch that does not fit raises here, not in a report)
            files = FilesInJson(encoded, encoded.head["summary"]["files"])
            return cls._from_head(encoded.head, files, encoded)

    @classmethod
    def _from_head(
        cls, data: dict, files: Sequence[FileResult], encoded: Encoded | None = None
    ) -> ScanResult:
        prov = data.get("provenance") or {}
        return cls(
            root=data["root"],
            profile=data["profile"],
            tool_version=data["tool"]["version"],
            project=Project(tuple(data["project"]["declared"]), tuple(data["project"]["sources"])),
            files=files,
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
            encoded=encoded,
        )
