# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The scan cache: what extraction learnt about each file, kept between runs.

It lives outside the scanned tree (`$LICENSECHECK_CACHE_DIR`, else
`$XDG_CACHE_HOME/licensecheck`, else `~/.cache/licensecheck`), two files per scanned
root. `scan-*` holds one entry per file, reused only when the file's key is
unchanged — its git blob id (or size, mtime and inode outside git), its path and
whether checksums were asked for — and every other file it read (a KiCad project
beside a schematic) still has the same stamp. `result-*` holds the last run's whole
result with the key of that run (settings and every file's key): a run that finds
the same key loads only that file and skips extraction, conclusion and rules. Both
are stamped with the code and data that made them (and the Python that wrote them),
so a new version of licensecheck or of its knowledge base starts afresh.

They are written with `marshal` (plain data only, several times faster to load than
JSON) to a temporary file renamed into place: concurrent runs each leave a complete
cache (the last one wins), and a corrupt or unreadable cache is ignored.
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

from licensecheck import __version__, atomic
from licensecheck.atomic import cache_dir
from licensecheck.extract import FileScan, stamp
from licensecheck.extract.file import TIMED_OUT
from licensecheck.model import DiscoveredFile, Evidence, ScanResult
from licensecheck.resources import data_path

FORMAT = 4  # 3: evidence as field tuples; 4: the result also as its JSON text
_PACKAGE = Path(__file__).resolve().parent


@cache
def code_stamp() -> str:
    """A hash of the code and data that shape extraction: any change starts a new cache."""
    digest = hashlib.sha256(f"{FORMAT}:{__version__}:{sys.version}".encode())
    for folder in (_PACKAGE, data_path("licenses")):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".toml", ".json") and path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def file_key(file: DiscoveredFile, with_checksums: bool) -> str:
    identity = file.blob or f"{file.size}:{file.mtime_ns}:{file.inode}"
    return f"{identity}:{int(with_checksums)}"


def _encode(scan: FileScan, with_checksums: bool) -> list:
    return [
        file_key(scan.file, with_checksums),
        scan.category,
        scan.format,
        [(e.source, e.expression, e.copyright, e.line, e.detail, e.raw) for e in scan.evidence],
        scan.problem,
        scan.text,
        scan.checksums,  # marshal keeps tuples as tuples
        scan.depends,
    ]


def _decode(file: DiscoveredFile, entry: list) -> FileScan:
    _, category, format_id, evidence, problem, text, checksums, depends = entry
    return FileScan(
        file=file,
        category=category,
        format=format_id,
        evidence=tuple(Evidence(*fields) for fields in evidence),
        problem=problem,
        text=text,
        checksums=checksums,
        depends=depends,
    )


def _name(root: Path) -> str:
    return hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]


class ScanCache:
    """Per-file extraction results."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        self.path = (folder or cache_dir()) / f"scan-{_name(root)}.marshal"
        self.root = root
        self.entries: dict[str, list] = {}
        self.changed = False

    def load(self) -> ScanCache:
        payload = atomic.read_stamped(self.path, code_stamp())
        if isinstance(payload, dict):
            self.entries = payload
        return self

    def _valid(self, file: DiscoveredFile, with_checksums: bool) -> bool:
        entry = self.entries.get(file.path)
        if not isinstance(entry, list) or len(entry) != 8 or entry[0] != file_key(file, with_checksums):
            return False
        return all(stamp(self.root / path) == recorded for path, recorded in entry[7])

    def get(self, file: DiscoveredFile, with_checksums: bool) -> FileScan | None:
        if not self._valid(file, with_checksums):
            return None
        try:
            return _decode(file, self.entries[file.path])
        except (TypeError, ValueError, KeyError):
            return None

    def update(self, scans: list[FileScan], present: set[str], with_checksums: bool) -> None:
        for scan in scans:
            if scan.problem and scan.problem.startswith(TIMED_OUT):
                self.entries.pop(scan.file.path, None)
                continue
            self.entries[scan.file.path] = _encode(scan, with_checksums)
            self.changed = True
        for gone in set(self.entries) - present:
            del self.entries[gone]
            self.changed = True

    def save(self) -> None:
        if self.changed:
            atomic.write_stamped(self.path, code_stamp(), self.entries)


class ResultCache:
    """The whole result of the last run, with the key of that run."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        self.path = (folder or cache_dir()) / f"result-{_name(root)}.marshal"
        self.root = root

    def load(self, run: str) -> ScanResult | None:
        """The result of a run with key `run`, if every other file it read is unchanged."""
        payload = atomic.read_stamped(self.path, code_stamp())
        if not isinstance(payload, list) or len(payload) != 4 or payload[0] != run:
            return None
        _, depends, data, text = payload
        try:
            fresh = all(stamp(self.root / path) == recorded for path, recorded in depends)
            return ScanResult.from_dict(data, json_text=text) if fresh and isinstance(text, str) else None
        except (TypeError, ValueError, KeyError, AttributeError):
            return None

    def keep(self, run: str, scans: list[FileScan], result: ScanResult) -> None:
        """Remember `result` as data and as the JSON text it is written as: marshal loads both
        several times faster than json.loads would parse the text."""
        depends = sorted({(path, recorded) for scan in scans for path, recorded in scan.depends})
        payload = [run, depends, result.to_dict(), result.to_json()]  # marshal keeps the pairs tuples
        atomic.write_stamped(self.path, code_stamp(), payload)
