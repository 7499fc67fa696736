# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Evidence from named fields, free text and comments of the text fabrication formats.

Gerber attributes, Gerber job keys, DXF drawing properties and STEP header
fields share one question: does a field's *name* say it holds a license, a
copyright or a designer? `field_kind` answers it from a small table, and
`field_evidence` turns the value into evidence accordingly. Comments go
through the header extractor with their line in the file; a comment or free
text without a tag may still name a license in a sentence ("licensed
CERN-OHL-S-2.0"), which `license_in_text` finds.

`tags_after` is the cheap way to read a huge file: one compiled bytes pattern
with a literal prefix (which CPython searches at memchr speed) finds every
SPDX tag past the part of the file a format extractor parsed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from licensecheck import comments
from licensecheck.extract.header import extract_header
from licensecheck.extract.values import copyright_evidence, license_evidence, license_in_text
from licensecheck.model import Evidence

# Fragments of a lower-cased field name, first match wins: "SPDX-FileCopyrightText" is a
# copyright before it is an SPDX field; a designer is reported as copyright evidence
# whose detail names the field, and conclude decides whether it is a holder.
_KINDS = (
    ("copyright", "copyright"),
    ("rights", "copyright"),
    ("licen", "license"),
    ("author", "holder"),
    ("designer", "holder"),
    ("creator", "holder"),
    ("company", "holder"),
    ("organi", "holder"),
    ("owner", "holder"),
    ("publisher", "holder"),
    ("attributionname", "holder"),
)
_NAME_JUNK = re.compile(r"[^a-z]")
_NOT_A_HOLDER = ("id", "cover", "url", "avatar")

# Values exporters write when nobody filled the field in: not a person.
PLACEHOLDERS = frozenset(
    {
        "", "-", "$", "?", "n/a", "na", "none", "null", "nobody", "unknown", "anonymous", "undefined",
        "author", "authors", "name", "user", "default", "organization", "organisation", "company",
        "designer", "creator", "owner", "not specified", "unspecified",
    }
)  # fmt: skip

_DEEP_TAG = re.compile(rb"SPDX-(?:License-Identifier|FileCopyrightText|SnippetCopyrightText)[ \t]*:")
_DEEP_WINDOW = 2048  # bytes read on each side of a tag found deep in a file
MAX_TEXT = 4096  # free text longer than this is read only at its start


def field_kind(name: str) -> str | None:
    """'license', 'copyright', 'holder' or None for a field named `name`.

    >>> field_kind("LicenseTerms"), field_kind(".ProjectId"), field_kind("Designer")
    ('license', None, 'holder')
    >>> field_kind("DesignerUserId")
    """
    key = _NAME_JUNK.sub("", name.lower())
    kind = next((kind for fragment, kind in _KINDS if fragment in key), None)
    # Bambu Studio's "DesignerUserId" (a number) and "DesignerCover" (a picture) name no holder.
    return None if kind == "holder" and key.endswith(_NOT_A_HOLDER) else kind


def field_evidence(name: str, value: str, line: int | None, detail: str) -> list[Evidence]:
    """Evidence for a named field: by its name's kind, or from its text when the name says nothing."""
    kind = field_kind(name)
    if kind == "license":
        found = license_evidence(value, line, detail)
        if found is not None and found.expression is None and (named := license_in_text(value)):
            found = replace(found, expression=named)  # a sentence: "Released under CERN-OHL-W-2.0"
        return [found] if found else []
    if kind is not None:
        if kind == "holder" and is_placeholder(value):
            return []
        found = copyright_evidence(value, line, detail)
        return [found] if found else []
    return text_evidence(value, line, detail)


def is_placeholder(value: str) -> bool:
    return " ".join(value.split()).lower() in PLACEHOLDERS


def text_evidence(text: str, line: int | None, detail: str) -> list[Evidence]:
    """Tags, copyright notices and license sentences in a free-text field (source "embedded")."""
    text = text[:MAX_TEXT]
    found = [replace(e, line=line, detail=detail) for e in extract_header(text, comments.style("none"))]
    found = [replace(e, source="embedded") for e in found]
    return found + _sentence(text, found, line, detail)


def comment_evidence(
    body: str, style: str, line: int, detail: str, syntax: tuple[str, str] = ("", "")
) -> list[Evidence]:
    """Tags and notices in one comment, at its line in the file, and a license sentence in it.

    `syntax` is what opens and closes the comment (`("G04 ", "*")`), given so
    the header extractor strips it from tag values as it does in any file;
    `line` is the line the comment starts on.
    """
    body = body[:MAX_TEXT]
    opening, closing = syntax
    found = extract_header(opening + body + closing, comments.style(style))
    found = [replace(e, line=line + (e.line or 1) - 1) for e in found]
    return found + _sentence(body, found, line, detail)


def _sentence(text: str, found: list[Evidence], line: int | None, detail: str) -> list[Evidence]:
    """A license named in prose, when no tag already gave one."""
    if any(e.is_license for e in found):
        return []
    named = license_in_text(text)
    if named is None:
        return []
    raw = " ".join(text.split())
    return [Evidence(source="embedded", expression=named, raw=raw, line=line, detail=detail)]


def tags_after(data: bytes, start: int, style: str, end: int | None = None) -> list[Evidence]:
    """SPDX tags between offsets `start` and `end`, each read on its line like the header extractor.

    `start` should be the start of a line: a tag is not read back before it.
    """
    end = len(data) if end is None else end
    # bytes.find skips to the first candidate at memchr speed; the regex engine's own
    # prefix scan is 30 times slower over megabytes of plot or drill data.
    first = data.find(b"SPDX-", start, end)
    if first < 0:
        return []
    found: list[Evidence] = []
    line, counted, done = 1, 0, start
    for match in _DEEP_TAG.finditer(data, first, end):
        if match.start() < done:
            continue  # on the line just read
        floor = max(done, match.start() - _DEEP_WINDOW)
        newline = data.rfind(b"\n", floor, match.start())
        low = newline + 1 if newline >= 0 else floor
        ceiling = min(end, match.end() + _DEEP_WINDOW)
        high = data.find(b"\n", match.end(), ceiling)
        high = ceiling if high < 0 else high
        line += data.count(b"\n", counted, low)
        counted = done = high  # no line break between low and high
        text = data[low:high].decode("utf-8", errors="replace")
        found += [replace(e, line=line) for e in extract_header(text, comments.style(style))]
    return found


def line_at(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset."""
    return data.count(b"\n", 0, offset) + 1
