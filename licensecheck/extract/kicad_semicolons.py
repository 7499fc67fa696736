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

from licensecheck.extract.kicad_fields import LineCounter, comment_lines, lines_evidence
from licensecheck.model import Evidence

BREAKS_KICAD = "starts with ';', which KiCad does not read as a comment"


def semicolon_evidence(data: bytes) -> list[Evidence]:
    """The tags in lines that start with ';', and a fact evidence for the first such line that
    KiCad cannot read: one before the root form closes (KiCad stops reading there, so a line
    after the last ')' is harmless, though KiCad drops it on save). Found as '#' comment lines
    are (kicad_fields.comment_lines)."""
    lines = comment_lines(data, b";")
    if not lines:
        return []
    evidence = lines_evidence(lines, "semicolon")
    # A ';' line holding the last ')' ends before it: still inside the root form.
    root_end = data.rfind(b")")
    closing = LineCounter(data)(root_end) if root_end >= 0 else 0
    breaking = [number for number, _ in lines if number <= closing]
    if breaking:
        first = breaking[0]
        evidence.append(Evidence(source="embedded", line=first, detail=f"line {first} {BREAKS_KICAD}"))
    return evidence
