# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Zip-based design files (.FCStd, .3mf, .epro, .fzz, .lppz) read in memory, with limits.

A zip bomb, a truncated archive or an archive with too many members is an
`ExtractError` (an `unreadable-file` finding), never an out-of-memory: members are
inflated in chunks and reading stops as soon as a limit is crossed, whatever the
sizes the archive's directory claims.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from licensecheck.extract import ExtractError

MAX_MEMBERS = 10_000
MAX_MEMBER_SIZE = 64 * 1024 * 1024
MAX_TOTAL_SIZE = 256 * 1024 * 1024
CHUNK = 1024 * 1024
# What zipfile raises on corrupt or hostile archives (found by fuzzing: zlib.error, IndexError...).
CORRUPT_ZIP = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    OSError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    NotImplementedError,
    RuntimeError,
    OverflowError,
)


@dataclass(frozen=True)
class Limits:
    members: int = MAX_MEMBERS
    member_size: int = MAX_MEMBER_SIZE
    total_size: int = MAX_TOTAL_SIZE


class Archive:
    """An open zip archive whose members are read under limits."""

    def __init__(self, data: bytes, limits: Limits = Limits()) -> None:
        self.limits = limits
        self._inflated = 0
        entries = _directory_entries(data)
        if entries > limits.members:  # refused before zipfile builds an object for each entry
            raise ExtractError(f"the archive has {entries} members, more than the limit of {limits.members}")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
            if len(infos) > limits.members:
                raise ExtractError(
                    f"the archive has {len(infos)} members, more than the limit of {limits.members}"
                )
            self.names = [info.filename for info in infos if info.filename and not info.is_dir()]
            self._sizes = {info.filename: info.file_size for info in infos}
        except CORRUPT_ZIP as error:
            raise ExtractError(f"not a readable zip archive: {error or type(error).__name__}") from None

    def read(self, name: str) -> bytes:
        """One member's bytes; ExtractError when it is corrupt or inflates past a limit."""
        if self._sizes.get(name, 0) > self.limits.member_size:  # an honest bomb costs nothing to refuse
            raise ExtractError(
                f"archive member {name!r} inflates past {self.limits.member_size} bytes (declared size)"
            )
        try:
            with self._zip.open(name) as member:
                return self._read_bounded(member, name)
        except KeyError:
            raise ExtractError(f"the archive has no member {name!r}") from None
        except CORRUPT_ZIP as error:
            raise ExtractError(
                f"archive member {name!r} cannot be read: {error or type(error).__name__}"
            ) from None

    def _read_bounded(self, member, name: str) -> bytes:
        parts = []
        size = 0
        while chunk := member.read(CHUNK):
            size += len(chunk)
            self._inflated += len(chunk)
            if size > self.limits.member_size:
                raise ExtractError(f"archive member {name!r} inflates past {self.limits.member_size} bytes")
            if self._inflated > self.limits.total_size:
                raise ExtractError(f"the archive inflates past {self.limits.total_size} bytes (a zip bomb?)")
            parts.append(chunk)
        return b"".join(parts)

    def find(self, suffix: str) -> list[str]:
        """Members whose name ends with `suffix`, case-insensitively, in archive order."""
        wanted = suffix.lower()
        return [name for name in self.names if name.lower().endswith(wanted)]


_END, _END64, _LOCATOR64, _ENTRY = b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07", b"PK\x01\x02"
_END_SIZE, _END64_SIZE, _LOCATOR64_SIZE = 22, 56, 20


def _directory_entries(data: bytes) -> int:
    """How many entries the central directory holds, counted as zipfile will find it.

    zipfile makes an object for every entry before anyone can count them: a
    200 MB directory of tiny entries costs a minute and gigabytes. Counting the
    entry signatures in the directory's bytes costs a byte search. 0 when there
    is no end record (zipfile then refuses the archive itself).
    """
    end = len(data) - _END_SIZE
    if end < 0:
        return 0
    if not (data.startswith(_END, end) and data.endswith(b"\0\0")):  # else a comment follows the record
        end = data.rfind(_END, max(0, end - (1 << 16)))
        if end < 0 or end + _END_SIZE > len(data):
            return 0
    (size,) = struct.unpack_from("<L", data, end + 12)
    locator = end - _LOCATOR64_SIZE
    record64 = locator - _END64_SIZE
    if record64 >= 0 and data.startswith(_LOCATOR64, locator) and data.startswith(_END64, record64):
        (size,) = struct.unpack_from("<Q", data, record64 + 40)
        end = record64
    return data.count(_ENTRY, max(0, end - size), end)
