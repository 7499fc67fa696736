# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""STL: no license field exists; only a tag someone wrote into the name or header.

STL has no comment syntax and no metadata: an STL file's license belongs in a
`.license` sidecar or in REUSE.toml, which conclude reads. This extractor
only finds an SPDX tag or copyright notice a maker typed where STL allows free
text, and checks that the file is whole:

- ASCII STL: the name in the `solid <name>` line (usually the tool's or the
  part's name, which is not a license field); the file must end with
  `endsolid`.
- Binary STL: the 80 free bytes of the header (usually the exporter's name),
  then a triangle count; the file must be 84 + 50 * count bytes long.

A binary header may itself start with "solid", so the size check decides
first, and a file is ASCII only when `facet` or `endsolid` follows its first line.
"""

from __future__ import annotations

import re
import struct
from dataclasses import replace

from licensecheck.comments import STYLES
from licensecheck.extract import ExtractError, Source
from licensecheck.extract.header import extract_header
from licensecheck.model import Evidence

HEADER_SIZE = 80
TRIANGLE_SIZE = 50  # normal and three vertices (12 float32) and a 2-byte attribute
SNIFF_SIZE = 1024  # an ASCII STL's first facet follows its name line within this
NAME_LIMIT = 1024
_ASCII_START = re.compile(rb"\s*solid\b", re.IGNORECASE)
_ASCII_BODY = re.compile(rb"\b(?:facet|endsolid)\b", re.IGNORECASE)
_ASCII_END = re.compile(rb"\bendsolid\b[^\r\n]*\s*\Z", re.IGNORECASE)
_LINE_END = re.compile(rb"[\r\n]")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]+")  # header bytes that end a tag's value


def extract(source: Source) -> list[Evidence]:
    size = _file_size(source)
    if _is_binary(source.data, size):
        return _binary(source.data, size)
    if _is_ascii(source.data):
        return _ascii(source.data, complete=size == len(source.data))
    return _binary(source.data, size)  # not ASCII: report why it is no valid binary STL


def _file_size(source: Source) -> int:
    """The file's size on disk, which is larger than the data when only its head was read."""
    return max(source.size, len(source.data))


def _triangle_count(data: bytes) -> int | None:
    if len(data) < HEADER_SIZE + 4:
        return None
    return struct.unpack_from("<I", data, HEADER_SIZE)[0]


def _is_binary(data: bytes, size: int) -> bool:
    count = _triangle_count(data)
    return count is not None and size == HEADER_SIZE + 4 + TRIANGLE_SIZE * count


def _is_ascii(data: bytes) -> bool:
    head = data[:SNIFF_SIZE]
    line_end = _LINE_END.search(head)
    return (
        _ASCII_START.match(head) is not None
        and line_end is not None
        and _ASCII_BODY.search(head, line_end.start()) is not None
    )


def _binary(data: bytes, size: int) -> list[Evidence]:
    count = _triangle_count(data)
    if count is None:
        raise ExtractError(f"truncated binary STL: {size} bytes, shorter than the 84-byte header")
    expected = HEADER_SIZE + 4 + TRIANGLE_SIZE * count
    if size != expected:
        problem = "truncated binary STL" if size < expected else "binary STL size mismatch"
        raise ExtractError(f"{problem}: {count} triangles need {expected} bytes, the file has {size}")
    header = _CONTROLS.sub("\n", data[:HEADER_SIZE].decode("latin-1"))
    return _tagged(header, "binary STL header", line=None)


def _ascii(data: bytes, complete: bool) -> list[Evidence]:
    if complete and not _ASCII_END.search(data[-SNIFF_SIZE:]):
        raise ExtractError("truncated ASCII STL: it does not end with an endsolid line")
    first_line = _LINE_END.split(data[:NAME_LIMIT], maxsplit=1)[0]
    name = _ASCII_START.sub(b"", first_line, count=1).decode("utf-8", "replace").strip()
    return _tagged(name, "STL solid name", line=1)


def _tagged(text: str, detail: str, line: int | None) -> list[Evidence]:
    """SPDX tags and copyright notices in a free-text field of the file."""
    return [replace(e, line=line, detail=detail) for e in extract_header(text, STYLES["none"], "embedded")]
