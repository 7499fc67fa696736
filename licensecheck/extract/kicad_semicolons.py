# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Lines of a KiCad s-expression file that start with ';' (NORMS KICAD-003).

A maker who adds a licence header to a KiCad file as Lisp or assembler would, its SPDX tags
on lines that start with ';', breaks it: KiCad's lexer skips lines that start with '#' but
reads ';' as an atom, and the file no longer opens [S35]. Such a line is found
here: its tags are the licensing the maker meant (read as the file's own, as '#' lines are),
and the line itself is a fact for the kicad-unloadable rule. Evidence of that fact has no
expression: it is not a licence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from licensecheck.comments import style
from licensecheck.extract.header import extract_header
from licensecheck.extract.kicad_fields import LineCounter
from licensecheck.model import Evidence

BREAKS_KICAD = "starts with ';', which KiCad does not read as a comment"
_MAX_LINES = 2000
_MAX_SEMICOLONS = 10_000  # ';'s inside strings looked at before giving up on a huge file
_LINE = re.compile(rb"[ \t]*+(;[^\n]*)")
_BOM = b"\xef\xbb\xbf"


def semicolon_evidence(data: bytes) -> list[Evidence]:
    """The tags in lines that start with ';', and a fact evidence for the first such line that
    KiCad cannot read: one before the root form closes (KiCad stops reading there, so a line
    after the last ')' is harmless, though KiCad drops it on save)."""
    found = _lines(data)
    if not found:
        return []
    counter = LineCounter(data)
    numbers = [counter(at) for at, _ in found]
    texts = [text for _, text in found]
    evidence = extract_header("\n".join(texts), style("semicolon"))
    evidence = [replace(e, line=numbers[e.line - 1]) if e.line else e for e in evidence]
    root_end = data.rfind(b")")
    breaking = [line for (at, _), line in zip(found, numbers, strict=True) if at < root_end]
    if breaking:
        first = breaking[0]
        evidence.append(Evidence(source="embedded", line=first, detail=f"line {first} {BREAKS_KICAD}"))
    return evidence


def _lines(data: bytes) -> list[tuple[int, str]]:
    """(offset, text) of the lines whose first non-blank character is ';'. ';' is rare in KiCad
    files and found in C (memchr); each one is checked for blanks alone before it on its line."""
    found: list[tuple[int, str]] = []
    at, seen = data.find(b";"), 0
    while at >= 0 and len(found) < _MAX_LINES and seen < _MAX_SEMICOLONS:
        seen += 1
        start = data.rfind(b"\n", 0, at) + 1
        if start == 0 and data.startswith(_BOM):  # the first line, after a UTF-8 byte order mark
            start = len(_BOM)
        line = _LINE.match(data, start)
        if line is not None and line.start(1) == at:
            found.append((at, line.group(1).decode("utf-8", "replace").rstrip("\r")))
            at = data.find(b";", line.end())
        else:
            at = data.find(b";", at + 1)
    return found
