# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Extract: turn one file's bytes into evidence.

`header.extract_header` reads SPDX tags and copyright notices from any text
file. Format extractors read the fields a design format keeps its license in;
each is one module with one entry point, registered below by format id and
imported only when a file of that format turns up.

An extractor has the shape `extract(source: Source) -> list[Evidence]` and
raises `ExtractError` for a file it cannot parse.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from pathlib import Path, PurePosixPath

from licensecheck.model import DiscoveredFile, Evidence, evidence_of_plain, plain_evidence

TIMED_OUT = "took longer than"  # a machine under load may do better next time: never cached
README_SECTION = "README license section"  # the detail of what a README's licence section names
# The detail of the licence a README's section gives one part of the project ("| 硬件 |
# CERN-OHL-W-2.0 |"), followed by the part's category: "README license section, part hardware".
README_PART = README_SECTION + ", part"
# The detail of a notice that defers to the LICENSE file at its component's root (ST's headers).
POINTS_TO_LICENSE_FILE = "licensed as the LICENSE file at its component's root says"
SIBLING_LIMIT = 4 * 1024 * 1024  # a project file read beside a design file (.kicad_pro) is small
OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
)


def stamp(path: Path) -> str:
    """stat_key of a path, or "-" when it does not exist."""
    try:
        info = os.lstat(path)
    except OSError:
        return "-"
    return stat_key(info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


def stat_key(size: int, mtime_ns: int, inode: int, ctime_ns: int) -> str:
    """Size, modification time and inode, and the ctime where it differs from the mtime: no
    tool sets ctime back, so an edit that put the mtime back still changes the key; a file
    written and left alone has the two equal, and its key stays short."""
    if ctime_ns == mtime_ns:
        return f"{size}:{mtime_ns}:{inode}"
    return f"{size}:{mtime_ns}:{ctime_ns}:{inode}"


class ExtractError(Exception):
    """The file cannot be parsed; the message says why (an `unreadable-file` finding)."""


@dataclass(slots=True, unsafe_hash=True)  # one per file, not frozen: see model.Evidence
class FileScan:
    """What extraction learnt about one file: the hand-off to conclude."""

    file: DiscoveredFile
    category: str
    format: str
    evidence: tuple[Evidence, ...] = ()
    problem: str | None = None
    text: str | None = None  # kept only for the files conclude reads (REUSE.toml, dep5, manifests)
    checksums: tuple[tuple[str, str], ...] = ()
    depends: tuple[tuple[str, str], ...] = ()  # other files and folders read, with their stamps (cache)

    def plain(self) -> tuple:
        """What extraction said of the file, as plain tuples (sent by a worker process, kept in
        the cache: pickling or marshalling dataclasses costs several times more): category,
        format, evidence, problem, kept text, checksums. The file and `depends` travel apart."""
        evidence = plain_evidence(self.evidence)
        return (self.category, self.format, evidence, self.problem, self.text, self.checksums)

    @classmethod
    def from_plain(cls, file: DiscoveredFile, plain: tuple, depends: tuple[tuple[str, str], ...]) -> FileScan:
        category, format_id, evidence, problem, text, checksums = plain
        found = evidence_of_plain(evidence)
        return cls(file, category, format_id, found, problem, text, checksums, depends)


def regular_size(fd: int) -> int:
    """The size of the open file; ExtractError for anything that is not a regular file."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise ExtractError("not a regular file")
    return info.st_size


def read_fd(fd: int, limit: int, offset: int | None = None) -> bytes:
    """Up to `limit` bytes from `fd` (at `offset`, else where it stands), until end of file."""
    # Unbuffered reads into one buffer: a regular file gives all it has in one call, so the
    # loop normally runs once (Linux caps one read near 2 GiB).
    chunks = []
    wanted = limit
    while wanted > 0:
        chunk = os.read(fd, wanted) if offset is None else os.pread(fd, wanted, offset)
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
        if offset is not None:
            offset += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_regular(path: Path | str, limit: int) -> bytes:
    """The first `limit` bytes of a regular file, never following a symlink nor blocking on a FIFO
    (ExtractError for anything that is not a regular file)."""
    fd = os.open(path, OPEN_FLAGS)
    try:
        return read_fd(fd, min(limit, regular_size(fd)))
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Source:
    """The file an extractor reads, and safe access to the files beside it."""

    path: str  # relative to the scan root, "/" separators, as results show it (pathnames)
    data: bytes
    root: Path
    size: int = 0  # the file's size on disk; `data` may hold only its first bytes
    on_disk: str | None = None  # the path as the file system holds it, where it is shown otherwise
    # Every other file or folder read, with its stamp: a cached result stays valid only while they do.
    reads: list[tuple[str, str]] = field(default_factory=list, compare=False)

    def sibling(self, name: str) -> bytes | None:
        """A file in the same folder (a KiCad project beside its schematic), or None."""
        if "/" in name or name in ("", ".", ".."):
            return None
        relative = (self._folder / name).as_posix()
        self.reads.append((relative, stamp(self.root / relative)))
        try:
            return read_regular(self.root / relative, SIBLING_LIMIT)
        except (OSError, ExtractError):
            return None

    def sibling_names(self) -> list[str]:
        """The names of the files beside this one, as the file system holds them."""
        folder = self.root / self._folder
        self.reads.append((self._folder.as_posix() + "/", stamp(folder)))
        try:
            return sorted(entry.name for entry in os.scandir(folder) if entry.is_file(follow_symlinks=False))
        except OSError:
            return []

    @property
    def _folder(self) -> PurePosixPath:
        return PurePosixPath(self.on_disk or self.path).parent


Extractor = Callable[[Source], list]


# format id -> "module:function" below licensecheck.extract
REGISTRY: dict[str, str] = {
    "stl": "stl:extract",
    "obj": "obj:extract",
    "3mf": "threemf:extract",
    "amf": "amf:extract",
    "freecad": "freecad:extract",
    "eagle-sch": "eagle:extract",
    "eagle-brd": "eagle:extract",
    "eagle-lbr": "eagle:extract",
    "fritzing": "fritzing:extract",
    "fritzing-archive": "fritzing:extract_archive",
    "librepcb": "librepcb:extract",
    "librepcb-archive": "librepcb:extract_archive",
    "easyeda": "easyeda:extract",
    "lceda-pro": "easyeda:extract_pro",
    "lceda-pro-doc": "easyeda:extract_pro_document",
    "gerber": "gerber:extract",
    "gerber-job": "gerber:extract_job",
    "excellon": "excellon:extract",
    "step": "step:extract",
    "iges": "step:extract_iges",
    "dxf": "dxf:extract",
    "svg": "svg:extract",
    "kicad-sch": "kicad:extract",
    "kicad-pcb": "kicad:extract",
    "kicad-sym": "kicad:extract",
    "kicad-mod": "kicad:extract",
    "kicad-wks": "kicad:extract",
    "kicad-pro": "kicad_project:extract",
    "kicad-legacy-sch": "kicad_legacy:extract",
    "kicad-legacy-lib": "kicad_legacy:extract",
    "kicad-legacy-dcm": "kicad_legacy:extract",
    "kicad-legacy-pcb": "kicad_legacy:extract",
    "kicad-legacy-mod": "kicad_legacy:extract",
    "kicad-legacy-pro": "kicad_legacy:extract",
}

# Formats whose extractor needs only the first bytes (and the size on disk).
HEAD_ONLY_FORMATS = frozenset({"stl"})

# Zip-based formats keep their directory at the end: they are read whole (Archive limits apply).
WHOLE_FILE_FORMATS = frozenset({"3mf", "amf", "freecad", "fritzing-archive", "librepcb-archive", "lceda-pro"})


@cache  # one lookup per format, not an import_module call per file
def extractor_for(format_id: str) -> Extractor | None:
    target = REGISTRY.get(format_id)
    if target is None:
        return None
    module_name, _, function = target.partition(":")
    return getattr(import_module(f"licensecheck.extract.{module_name}"), function)
