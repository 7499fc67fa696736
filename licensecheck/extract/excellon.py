# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Excellon drill files.

The header runs from `M48` to a line `%` or `M95`; its `;` lines are
comments [NORMS §5.2, S37]. KiCad writes Gerber X2 file attributes into
them (`; #@! TF.FileFunction,Plated,1,2,PTH`), read like Gerber's `%TF`: a
user attribute `; #@! TFLicense,CERN-OHL-S-2.0` by its name. Any other
header comment is read for SPDX tags, copyright notices and license
sentences; REUSE tools read `; SPDX-License-Identifier: ...` here too [T1].

Drill coordinates after the header are not walked line by line: one
compiled pattern finds any SPDX tag in them.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.fields import comment_evidence, tags_after
from licensecheck.extract.gerber import attribute_comment
from licensecheck.model import Evidence

HEAD_LINES = 5000  # a header lists tools and comments; real ones have a few dozen lines
HEAD_BYTES = 256 * 1024
_FIRST_BLOCK = 4096  # bytes of the head split into lines at once, doubled for each next block

_HEADER_END = frozenset({"%", "M95"})


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in an Excellon header's comments."""
    data = source.data
    if data.find(b"\x00", 0, HEAD_BYTES) >= 0:
        raise ExtractError("binary data in an Excellon file")
    head_end = min(len(data), HEAD_BYTES)
    found: list[Evidence] = []
    offset, started = 0, False
    for number, raw in enumerate(islice(_head_lines(data, head_end), HEAD_LINES), start=1):
        if offset + len(raw) >= head_end and len(data) > head_end:
            break  # a line cut by the head limit is read with the rest
        offset += len(raw) + 1
        line = raw.decode("utf-8", errors="replace").strip()
        command = line.upper()
        if command == "M48":
            started = True
        elif started and command in _HEADER_END:
            break
        elif line.startswith(";"):
            found += _comment(line[1:], number)
    return found + tags_after(data, min(offset, len(data)), "semicolon")


def _head_lines(data: bytes, head_end: int) -> Iterator[bytes]:
    """`data[:head_end].split(b"\n")`, split a block at a time.

    A header is a few dozen lines: splitting all of a big file's head costs more than reading them.
    """
    start, size = 0, _FIRST_BLOCK
    while True:
        stop = min(head_end, start + size)
        lines = data[start:stop].split(b"\n")
        if stop == head_end:
            yield from lines
            return
        rest = lines.pop()  # may go on past the block: split again with the next one
        yield from lines
        start, size = stop - len(rest), size * 2


def _comment(text: str, line: int) -> list[Evidence]:
    found = attribute_comment(text, line, "Excellon #@! TF attribute")
    if found is None:
        return comment_evidence(text, "semicolon", line, "Excellon header comment", (";", ""))
    return found
