# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The scan cache: what extraction learnt about each file, kept between runs.

It lives outside the scanned tree (`$LICENSECHECK_CACHE_DIR`, else
`$XDG_CACHE_HOME/licensecheck`, else `~/.cache/licensecheck`). For each scanned root,
`scan-*` (in SHARDS files by a hash of the path, so that a run which reads a few files
loads and writes a few) holds one entry per file, reused only when the file's key is
unchanged — its git blob id and size (or size, mtime and inode outside git), its path and
whether checksums were asked for — and every other file it read (a KiCad project
beside a schematic) still has the same stamp. `result-*` holds the last run's result
as its JSON (see ResultCache), with what the run depended on (settings, git state,
every file's key, the stamps of the files other files read): a run that finds them all
unchanged loads only that and skips extraction, conclusion and rules; a run where only
edits that change no licensing fact happened carries it over (`licensecheck.incremental`).
All are stamped with the code and data that made them (and the Python and the SPDX
license list), so a new version of licensecheck, of its knowledge base or of the
license list starts afresh.

They are written with `marshal` (plain data only, several times faster to load than
JSON; the files' JSON as raw bytes) to a temporary file renamed into place: concurrent
runs each leave a complete cache (the last one wins), and a corrupt, mismatched or
unreadable cache is ignored.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import zlib
from collections.abc import Container
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from licensecheck import __version__, atomic
from licensecheck.atomic import cache_dir
from licensecheck.expression import list_version
from licensecheck.extract import TIMED_OUT, FileScan, stamp, stat_key
from licensecheck.model import DiscoveredFile, Encoded, ScanResult
from licensecheck.resources import data_path

FORMAT = 10  # 6: UTF-8 JSON; 7: each file's facts packed apart; 8: shards; 9: files' JSON apart; 10: CRC-32
_PACKAGE = Path(__file__).resolve().parent


@cache
def code_stamp() -> str:
    """A hash of the code and data that shape extraction: any change starts a new cache.

    Each file counts by its name, size, modification time and inode, not its bytes: reading
    them all cost a warm run 7 ms. An edit moves the time, an install makes new inodes."""
    # The SPDX license list's version too: its ids decide which expressions are valid.
    digest = hashlib.sha256(f"{FORMAT}:{__version__}:{sys.version}:{list_version()}".encode())
    for folder in (str(_PACKAGE), str(data_path("licenses"))):
        for parent, folders, names in os.walk(folder):
            folders.sort()
            for name in sorted(names):
                if name.endswith((".py", ".toml", ".json")):
                    info = os.lstat(os.path.join(parent, name))
                    where = os.path.relpath(os.path.join(parent, name), folder)
                    digest.update(f"{where}\0{info.st_size}:{info.st_mtime_ns}:{info.st_ino}\0".encode())
    return digest.hexdigest()[:32]


def file_key(file: DiscoveredFile, with_checksums: bool) -> str:
    # With the blob, the size on disk: one blob is other bytes on disk when git converts them
    # (line ends, a working-tree encoding, an LFS pointer pulled), and the size tells most apart.
    if file.blob:
        identity = f"{file.blob}:{file.size}"
    else:
        identity = stat_key(file.size, file.mtime_ns, file.inode, file.ctime_ns)
    return f"{identity}:{int(with_checksums)}"


def size_in_blob_key(key: str, blob: str) -> int | None:
    """The size a tracked file's key (file_key) holds, when the key is `blob`'s; else None."""
    head = f"{blob}:"
    if not key.startswith(head):
        return None
    size = key[len(head) :].partition(":")[0]
    return int(size) if size.isdigit() else None


def file_keys(files: list[DiscoveredFile], with_checksums: bool) -> dict[str, str]:
    """Path -> file_key of every file: made for every file of every run, warm ones included,
    so in one comprehension that unpacks each file and writes stat_key's two forms itself
    (two-thirds of the time of calling file_key; a test keeps the two equal)."""
    tail = f":{int(with_checksums)}"
    return {
        path: f"{blob}:{size}{tail}"
        if blob
        else f"{size}:{mtime_ns}:{inode}{tail}"
        if ctime_ns == mtime_ns
        else f"{size}:{mtime_ns}:{ctime_ns}:{inode}{tail}"
        for path, size, blob, mtime_ns, inode, ctime_ns, _ in files
    }


def _encode(scan: FileScan, with_checksums: bool) -> list:
    # The facts packed apart: loading the cache makes three objects a file, not dozens, and a
    # run unpacks only the entries it uses (all of them only when it concludes again).
    return [file_key(scan.file, with_checksums), scan.depends, marshal.dumps(scan.plain())]


def _decode(file: DiscoveredFile, entry: list) -> FileScan:
    return FileScan.from_plain(file, marshal.loads(entry[2]), entry[1])


def _name(root: Path) -> str:
    return hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:24]  # any bytes a folder's name holds


SHARDS = 16  # files per root for the per-file cache: a run that reads a few files loads a few
TOKEN_BYTES = 16
CHECK_BYTES = 4  # the CRC-32 of the files' JSON, after the token
MAX_PATCHES = 256  # files carried over the kept files' JSON before it is written anew


class ScanCache:
    """Per-file extraction results, spread over SHARDS files by a hash of the path; a shard is
    read when a file of it is first looked up and written only when it changed."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        self.folder = folder or cache_dir()
        self.name = _name(root)
        self.root = root
        self._shards: dict[int, dict[str, list]] = {}
        self._changed: set[int] = set()

    def _path(self, shard: int) -> Path:
        return self.folder / f"scan-{self.name}-{shard:02}.marshal"

    def _shard(self, path: str) -> tuple[int, dict[str, list]]:
        """The number of the shard that holds `path`, and its entries."""
        number = zlib.crc32(path.encode("utf-8", "surrogatepass")) % SHARDS
        entries = self._shards.get(number)
        return number, self._read(number) if entries is None else entries

    def _read(self, number: int) -> dict[str, list]:
        payload = atomic.read_stamped(self._path(number), code_stamp())
        entries = self._shards[number] = payload if isinstance(payload, dict) else {}
        return entries

    def _entry(self, path: str, key: str) -> list | None:
        entry = self._shard(path)[1].get(path)
        if not isinstance(entry, list) or len(entry) != 3 or entry[0] != key:
            return None
        return entry

    def _valid(self, path: str, key: str) -> bool:
        return self._holding(path, key) is not None

    def _holding(self, path: str, key: str) -> list | None:
        """The entry for `path` under `key`, if every other file it read is unchanged."""
        entry = self._entry(path, key)
        if entry is None:
            return None
        read = entry[1]  # empty for almost every file: no generator to start
        if read and not all(stamp(self.root / other) == recorded for other, recorded in read):
            return None
        return entry

    def get(self, file: DiscoveredFile, key: str) -> FileScan | None:
        """The file's extraction, when the cache holds it under `key` (file_key) and still valid."""
        entry = self._holding(file.path, key)
        if entry is None:
            return None
        try:
            return _decode(file, entry)
        except (TypeError, ValueError, EOFError):
            return None

    def stale(self, files: list[DiscoveredFile], keys: dict[str, str]) -> list[DiscoveredFile]:
        """The files (with `keys`, by path) whose entry is missing or no longer holds: they
        must be read again."""
        return [file for file in files if not self._valid(file.path, keys[file.path])]

    def same_facts(self, scan: FileScan, key: str) -> bool:
        """Whether the entry kept for the file under `key` says what `scan` says of it, all but
        the file's identity (key, size, checksums) and the stamps of what it read."""
        entry = self._entry(scan.file.path, key)
        try:
            return entry is not None and marshal.loads(entry[2])[:5] == scan.plain()[:5]
        except (EOFError, ValueError, TypeError):
            return False

    def update(self, scans: list[FileScan], present: Container[str], with_checksums: bool) -> None:
        """Keep `scans`, and forget the files no longer `present` (in the shards this run read:
        another run forgets the rest, and a stale entry is never used)."""
        for scan in scans:
            number, entries = self._shard(scan.file.path)
            if scan.problem and scan.problem.startswith(TIMED_OUT):
                if entries.pop(scan.file.path, None) is not None:
                    self._changed.add(number)
                continue
            entries[scan.file.path] = _encode(scan, with_checksums)
            self._changed.add(number)
        for number, entries in self._shards.items():
            for gone in [path for path in entries if path not in present]:
                del entries[gone]
                self._changed.add(number)

    def save(self) -> None:
        for number in sorted(self._changed):
            atomic.write_stamped(self._path(number), code_stamp(), self._shards[number])
        self._changed.clear()

    @property
    def entries(self) -> dict[str, list]:
        """Every entry, every shard read (for tests and tools)."""
        for number in set(range(SHARDS)) - set(self._shards):
            self._read(number)
        return {path: entry for entries in self._shards.values() for path, entry in entries.items()}


@dataclass(frozen=True)
class LastRun:
    """What the result cache keeps of the last run: what it depended on and its result's JSON."""

    settings: str  # everything but the files and the git state (scan._settings_key)
    git: str  # the git state, which only the provenance shows
    keys: dict[str, str]  # path -> file_key, for every file of the run
    depends: list[tuple[str, str]]  # (path, stamp) of every other file a file's extraction read
    encoded: Encoded
    # The token of the files' JSON kept apart that `encoded` lays its patches over (a carried
    # run's result, see ResultCache); b"" when that JSON is to be written anew.
    base: bytes = b""
    index: str | None = None  # the stamp of git's index file the run saw (Discovery.index)

    def same(self, settings: str, git: str, keys: dict[str, str], root: Path) -> bool:
        """Whether a run with these settings, git state and files gives this run's result."""
        return self.settings == settings and self.git == git and self.keys == keys and self._read_same(root)

    def changed(
        self, files: list[DiscoveredFile], keys: dict[str, str], root: Path
    ) -> list[DiscoveredFile] | None:
        """The files (with `keys`, by path) whose key is not this run's; None when the files are
        others or a file that others read changed (then the per-file cache knows which)."""
        if keys.keys() != self.keys.keys() or not self._read_same(root):
            return None
        return [file for file in files if keys[file.path] != self.keys[file.path]]

    def _read_same(self, root: Path) -> bool:
        return all(stamp(root / path) == recorded for path, recorded in self.depends)


def decoded(encoded: Encoded) -> ScanResult | None:
    """The result whose JSON parts the result cache held; None when they are corrupt."""
    try:
        return ScanResult.from_encoded(encoded)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


class ResultCache:
    """The whole result of the last run, with what it depended on, in two files: `result-*.marshal`
    (settings, keys, the JSON's head, the token and length of the files' JSON and the objects
    patched over it) and `result-*.files` (the token, the JSON's CRC-32, then the files' JSON,
    megabytes). A run that carries the result over writes the first alone, until MAX_PATCHES
    files differ from the second; a reader that finds the tokens apart (another run wrote
    between), or the JSON not as written, starts afresh."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        base = (folder or cache_dir()) / f"result-{_name(root)}"
        self.path = base.with_name(base.name + ".marshal")
        self.files_path = base.with_name(base.name + ".files")

    def load(self) -> LastRun | None:
        payload = atomic.read_stamped(self.path, code_stamp())
        if not isinstance(payload, list) or len(payload) != 9:
            return None
        settings, git, keys, depends, head, base, size, patches, index = payload
        if not (
            isinstance(settings, str)
            and isinstance(git, str)
            and isinstance(keys, dict)
            and isinstance(depends, list)
            and all(isinstance(pair, tuple) and len(pair) == 2 for pair in depends)
            and isinstance(head, dict)
            and isinstance(base, bytes)
            and len(base) == TOKEN_BYTES
            and isinstance(size, int)
            and isinstance(patches, dict)
            and all(isinstance(path, str) and isinstance(data, bytes) for path, data in patches.items())
            and (index is None or isinstance(index, str))
        ):
            return None
        try:
            with open(self.files_path, "rb") as handle:
                if handle.read(TOKEN_BYTES) != base:
                    return None
                check = int.from_bytes(handle.read(CHECK_BYTES), "big")
                kept = handle.read()  # read after the token: no copy of megabytes to slice it off
        except OSError:
            return None
        # Cut short, added to or altered since it was written: not a run's JSON. (The check
        # costs a warm run 2 ms at 12,000 files, 10 ms at 60,000.)
        if len(kept) != size or zlib.crc32(kept) != check:
            return None
        return LastRun(settings, git, keys, depends, Encoded(head, kept, patches), base, index)

    def keep(self, run: LastRun) -> None:
        """Keep `run`: its patches over the files' JSON still kept under `run.base`, or, when it
        has none or too many, its files' JSON anew. A cache that cannot be written only costs
        time next run."""
        base, patches = run.base, run.encoded.patches
        size = len(run.encoded.files_json)  # the files' JSON kept under `base`
        if not base or len(patches) > MAX_PATCHES:
            base, patches = os.urandom(TOKEN_BYTES), {}
            try:
                pieces = run.encoded.files_pieces
            except ValueError:  # a patch that does not fit: nothing worth keeping
                return
            size, check = 0, 0
            for piece in pieces:
                size, check = size + len(piece), zlib.crc32(piece, check)
            if not atomic.write_cache(self.files_path, [base, check.to_bytes(CHECK_BYTES, "big"), *pieces]):
                return
        # marshal keeps the depends pairs tuples; the JSON's head and the patches load several
        # times faster than json.loads would parse them.
        head = run.encoded.head
        payload = [run.settings, run.git, run.keys, run.depends, head, base, size, patches, run.index]
        atomic.write_stamped(self.path, code_stamp(), payload)
