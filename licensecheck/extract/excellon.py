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

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.fields import comment_evidence, tags_after
from licensecheck.extract.gerber import attribute_comment
from licensecheck.model import Evidence

HEAD_LINES = 5000  # a header lists tools and comments; real ones have a few dozen lines
HEAD_BYTES = 256 * 1024

_HEADER_END = frozenset({"%", "M95"})


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in an Excellon header's comments."""
    data = source.data
    head = data[:HEAD_BYTES]
    if b"\x00" in head:
        raise ExtractError("binary data in an Excellon file")
    found: list[Evidence] = []
    offset, started = 0, False
    for number, raw in enumerate(head.split(b"\n")[:HEAD_LINES], start=1):
        if offset + len(raw) >= len(head) and len(data) > len(head):
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


def _comment(text: str, line: int) -> list[Evidence]:
    found = attribute_comment(text, line, "Excellon #@! TF attribute")
    if found is None:
        return comment_evidence(text, "semicolon", line, "Excellon header comment", (";", ""))
    return found
