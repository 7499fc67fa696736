# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The scan cache: what extraction learnt about each file, kept between runs.

It lives outside the scanned tree (`$LICENSECHECK_CACHE_DIR`, else
`$XDG_CACHE_HOME/licensecheck`, else `~/.cache/licensecheck`), one file per scanned
root. An entry is reused only when the file's key is unchanged — its git blob id
(or size, mtime and inode outside git), its path and whether checksums were asked
for — and every other file it read (a KiCad project beside a schematic) still has
the same stamp. The whole cache is stamped with the code and data it was made by, so
a new version of licensecheck or of its knowledge base starts afresh.

Writes go to a temporary file renamed into place: concurrent runs each leave a
complete cache (the last one wins), and a corrupt or unreadable cache is ignored.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from licensecheck import __version__, atomic
from licensecheck.atomic import cache_dir
from licensecheck.extract import FileScan, stamp
from licensecheck.extract.file import TIMED_OUT
from licensecheck.model import DiscoveredFile, Evidence
from licensecheck.resources import data_path

FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent


@cache
def code_stamp() -> str:
    """A hash of the code and data that shape extraction: any change starts a new cache."""
    digest = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
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
        [e.to_dict() for e in scan.evidence],
        scan.problem,
        scan.text,
        [list(pair) for pair in scan.checksums],
        [list(pair) for pair in scan.depends],
    ]


def _decode(file: DiscoveredFile, entry: list) -> FileScan:
    _, category, format_id, evidence, problem, text, checksums, depends = entry
    return FileScan(
        file=file,
        category=category,
        format=format_id,
        evidence=tuple(Evidence.from_dict(e) for e in evidence),
        problem=problem,
        text=text,
        checksums=tuple(tuple(pair) for pair in checksums),
        depends=tuple(tuple(pair) for pair in depends),
    )


class ScanCache:
    def __init__(self, root: Path, folder: Path | None = None) -> None:
        name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        self.path = (folder or cache_dir()) / f"scan-{name}.json"
        self.root = root
        self.entries: dict[str, list] = {}
        self.results: dict[str, dict] = {}  # run key -> the JSON result of that run
        self.changed = False

    def load(self) -> ScanCache:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return self
        if (
            isinstance(data, dict)
            and data.get("stamp") == code_stamp()
            and isinstance(data.get("files"), dict)
        ):
            self.entries = data["files"]
            results = data.get("results")
            self.results = results if isinstance(results, dict) else {}
        return self

    def all_fresh(self, files: list[DiscoveredFile], with_checksums: bool) -> bool:
        """Every file has a valid entry, and nothing else is cached: the tree is as it was."""
        if len(files) != len(self.entries):
            return False
        return all(self._valid(file, with_checksums) for file in files)

    def _valid(self, file: DiscoveredFile, with_checksums: bool) -> bool:
        entry = self.entries.get(file.path)
        if not isinstance(entry, list) or len(entry) != 8 or entry[0] != file_key(file, with_checksums):
            return False
        return all(stamp(self.root / path) == recorded for path, recorded in entry[7])

    def result(self, run: str) -> dict | None:
        found = self.results.get(run)
        return found if isinstance(found, dict) else None

    def keep_result(self, run: str, result: dict | None) -> None:
        """Remember the result of this run (only the latest one: a result is big)."""
        self.results = {run: result} if result is not None else {}
        self.changed = True

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
        if not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            content = {"stamp": code_stamp(), "files": self.entries, "results": self.results}
            payload = json.dumps(content, separators=(",", ":"), ensure_ascii=False)
            atomic.write(self.path, payload.encode("utf-8"))
        except OSError:
            return  # a cache that cannot be written only costs time next run
