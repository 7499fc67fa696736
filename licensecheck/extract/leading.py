# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Where the license notice at the top of a source file ends.

A source file without an SPDX tag states its license in its leading comments: a
vendored driver opens with its BSD or Apache notice, then its code. Identification
reads that part only. The code after it is no notice: it cost identification four
times the work of the notice itself (a 1.5 KB header under 6.5 KB of code), and it
made every vendored file's text different, where the notices alone are the same
text whatever their copyright line (so the identify memo finds each notice once).

The notice ends at the first line of code after a comment that mentions a license.
Code before such a comment does not end it (`#include` lines under a one-line title
comment, `<?xml ...?>`, a shebang), and neither do blank lines between comments.
"""

from __future__ import annotations

import re

from licensecheck.comments import CommentStyle


def notice_end(text: str, style: CommentStyle, hint: re.Pattern[str]) -> int:
    """The offset in `text` where its leading notice ends: after the last comment line before
    the first code line that follows a comment matching `hint`; len(text) when no code line
    follows one."""
    hinted = False
    closing: str | None = None  # the block comment the scan is inside, by its closing marker
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        line = text[pos:end]
        stripped = line.strip()
        if closing is not None:
            if closing in stripped:
                closing = None
            hinted = hinted or hint.search(line) is not None
        elif not stripped:
            pass
        elif (opening := _opening(stripped, style)) is not None:  # before "--": Lua's "--[["
            opener, closer = opening
            if closer not in stripped[len(opener) :]:
                closing = closer
            hinted = hinted or hint.search(line) is not None
        elif _single(stripped, style):
            hinted = hinted or hint.search(line) is not None
        elif hinted:
            return pos
        pos = end
    return len(text)


def _single(stripped: str, style: CommentStyle) -> bool:
    """A line comment; a marker written with its space ("dnl ", "REM ") may stand alone, as
    the blank line between two paragraphs of a notice."""
    return stripped.startswith(style.single) or any(stripped == marker.rstrip() for marker in style.single)


def _opening(stripped: str, style: CommentStyle) -> tuple[str, str] | None:
    """The (opening, closing) markers of the block comment the line opens, if it opens one."""
    for opener, closer in style.multi:
        if stripped.startswith(opener):
            return opener, closer
    return None
