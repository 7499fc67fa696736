# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Free text written by people inside design files, turned into evidence.

Eagle descriptions and Fritzing notes are HTML; drawing frames split one
sentence over several text items ("Released under the Creative Commons" /
"Attribution Share-Alike 4.0 License"). Text is read as a sequence of pieces
(lines of a field, or text items of a drawing in order): a piece that may name
a license is read alone, then joined with the next one or two, so a sentence
broken over pieces is still found, and a long description is read whole,
line by line, rather than cut at the first thousand characters.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from licensecheck.comments import STYLES
from licensecheck.extract.header import extract_header
from licensecheck.extract.values import MAX_VALUE, license_in_text
from licensecheck.model import Evidence

MAX_FIELD = 64 * 1024  # characters of one free-text field that are read
WINDOW = 3  # pieces a license sentence may be split over

# A cheap test that a piece may name a license: every way `license_in_text`
# finds one (an SPDX tag, an introducing phrase, a URL, an SPDX id, whose
# versioned ids all hold a letter, a hyphen and a digit) starts with one of these.
_MAY_NAME_LICENSE = re.compile(
    r"licen[cs]|released|distributed|available|spdx|https?://|[A-Za-z]-\d|许可|协议|采用",
    re.IGNORECASE,
)
_COPYRIGHT_HINT = re.compile(r"copyright|©|\([cC]\)|版权", re.IGNORECASE)

_DROPPED = re.compile(r"<(script|style|head|title)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_BLOCK = re.compile(
    r"<\s*/?\s*(?:br|p|div|li|ul|ol|h[1-6]|tr|td|table|hr|pre|blockquote|body|html)\b[^>]*>", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")


class Piece(NamedTuple):
    text: str
    line: int | None


def strip_html(text: str) -> str:
    """The readable text of an HTML fragment: one line per block, entities decoded.

    >>> strip_html("<h3>Fuses</h3><b>Licensing:</b> CC BY-SA 4.0 &amp; more")
    'Fuses\\nLicensing: CC BY-SA 4.0 & more'
    """
    text = text[:MAX_FIELD]
    text = _HTML_COMMENT.sub(lambda m: "\n" + m.group(1) + "\n", text)  # a tag may sit in an HTML comment
    text = _DROPPED.sub("\n", text)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub("", text)
    return clean_lines(html.unescape(text))


def clean_lines(text: str) -> str:
    """Text with runs of blanks collapsed and empty lines dropped."""
    lines = (" ".join(line.split()) for line in text[:MAX_FIELD].splitlines())
    return "\n".join(line for line in lines if line)


def may_name_license(text: str) -> bool:
    return _MAY_NAME_LICENSE.search(text) is not None


def license_pieces(pieces: list[Piece], detail: str) -> list[Evidence]:
    """One evidence per license sentence found in the pieces, in order, each license once."""
    found: list[Evidence] = []
    seen: set[str] = set()
    i = 0
    while i < len(pieces):
        if not may_name_license(pieces[i].text):
            i += 1
            continue
        match = _sentence_at(pieces, i)
        if match is None:
            i += 1
            continue
        expression, end = match
        end = _absorb_repeats(pieces, end, expression)
        if expression not in seen:
            seen.add(expression)
            raw = " ".join(p.text for p in pieces[i:end])
            found.append(_license(expression, raw, pieces[i].line, detail))
        i = end
    return found


def sentence_evidence(text: str, line: int | None, detail: str) -> Evidence | None:
    """Evidence for a one-line field that may name a license ("Licensed under ...", a license URL)."""
    text = " ".join(text.split())
    expression = license_in_text(text) if text else None
    return _license(expression, text, line, detail) if expression else None


def _license(expression: str, raw: str, line: int | None, detail: str) -> Evidence:
    return Evidence(source="embedded", expression=expression, raw=raw[:MAX_VALUE], line=line, detail=detail)


def _sentence_at(pieces: list[Piece], start: int) -> tuple[str, int] | None:
    """The license named by the shortest run of pieces from `start`, and where the run ends."""
    for end in range(start + 1, min(start + WINDOW, len(pieces)) + 1):
        expression = license_in_text(" ".join(p.text for p in pieces[start:end]))
        if expression:
            return expression, end
    return None


def _absorb_repeats(pieces: list[Piece], end: int, expression: str) -> int:
    """Skip the pieces right after a sentence that restate its license (its URL on the next line)."""
    while end < len(pieces) and may_name_license(pieces[end].text):
        if license_in_text(pieces[end].text) != expression:
            break
        end += 1
    return end


def copyright_notices(text: str, line: int | None, detail: str) -> list[Evidence]:
    """Copyright notices and SPDX-FileCopyrightText tags in free text."""
    if not _COPYRIGHT_HINT.search(text):
        return []
    notices = extract_header(text[:MAX_FIELD], STYLES["none"], source="embedded")
    return [
        Evidence(source="embedded", copyright=e.copyright, line=line, detail=detail)
        for e in notices
        if e.copyright
    ]


def text_evidence(text: str, line: int | None, detail: str) -> list[Evidence]:
    """License sentences and copyright notices in one free-text field (already plain text)."""
    pieces = [Piece(part, line) for part in clean_lines(text).splitlines()]
    return license_pieces(pieces, detail) + copyright_notices(text, line, detail)
