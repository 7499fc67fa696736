# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Gerber X2/X3 and RS-274X files, and the Gerber job file (.gbrjob).

A Gerber file keeps text in two places [NORMS §5.2, S36]:

* comments, `G04 <text>*`, whose text ends at the `*` (generic tools read
  `CERN-OHL-S-2.0*` as the license; here the `*` is stripped);
* file attributes, `%TF<name>,<field>,...*%`. Standard names start with a
  dot (`.FileFunction`, `.ProjectId`, ...) and none of them holds a license;
  user names (`%TFLicense,CERN-OHL-S-2.0*%`, `%TFCopyright,2025 Jane*%`) are
  read by what their name says. Generators that cater for old readers write
  the same attributes as comments: `G04 #@! TF.FileFunction,Copper,L1,Top*`.

Attributes and comments sit in the header, before the image data. The first
`HEAD_BYTES` and the last `TAIL_BYTES` are parsed statement by statement;
the millions of plotting commands between them are searched for SPDX tags
with one compiled pattern, never walked in Python. Statements are found in
the bytes, by patterns that start with a literal (which CPython's regex
engine searches for in C), and only their text is decoded: UTF-8 never
uses an ASCII byte inside a multi-byte character, so a statement, which
starts and ends with one, decodes alone as it does within the whole file.

The job file is JSON (`Header`, `GeneralSpecs`, ...); it has no license
field, so any key whose name says license, copyright or author is read, and
any text value carrying a tag or naming a license.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.fields import comment_evidence, field_evidence, tags_after
from licensecheck.model import Evidence

HEAD_BYTES = 64 * 1024
TAIL_BYTES = 4 * 1024

# The standard attributes of the Gerber specification: none holds a license [S36].
STANDARD_ATTRIBUTES = frozenset(
    {".FileFunction", ".FilePolarity", ".SameCoordinates", ".CreationDate", ".GenerationSoftware",
     ".ProjectId", ".MD5", ".Part"}
)  # fmt: skip

# A statement starts the data or follows a '*', a '%' or white space. Comment text
# excludes '*' and '%'; `G4` is the deprecated spelling of `G04`. The patterns read
# bytes, so what `\s` and `\d` mean in decoded text is checked apart, for the rare
# non-ASCII character (`_follows_separator`, `_starts_with_digit`).
_STATEMENT = re.compile(rb"%TF(?P<name>[^,*%]*)(?P<fields>,[^*%]*)?\*%|G0*4(?!\d)(?P<comment>[^*%]*)\*")
# Where a statement may start, found first so the full pattern runs only there. One
# pattern `%TF|G0*4`, like a lookbehind, would be tried at every byte of the coordinates;
# these start with a literal byte, which memchr finds (`_matches`).
_ATTRIBUTE_START = re.compile(rb"%TF")
_COMMENT_START = re.compile(rb"G0*4(?!\d)")
_MEMCHR_TRIES = 32  # then the regex engine's search: 15 times slower per byte, but no Python step per hit
# What `\s` matches in text, in ASCII: `\s` in a bytes pattern lacks \x1c-\x1f.
_SEPARATORS = frozenset(b"*%" + bytes(byte for byte in range(128) if chr(byte).isspace()))
_UTF8_MAX = 4  # bytes in one character
# `#@! TF` file attributes; `#@! TA`, `TO`, `TD` (apertures, objects) name no license.
_ATTRIBUTE_COMMENT = re.compile(r"\s*#@!\s*T(?P<kind>[A-Z])(?P<name>[^,\s]*)(?P<fields>,.*)?", re.DOTALL)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")
_JOB_NODES = 20000  # a job file has a few hundred values; a bigger one is not a job file


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in a Gerber file's comments and attributes."""
    data = source.data
    if data.find(b"\x00", 0, HEAD_BYTES) >= 0:
        raise ExtractError("binary data in a Gerber file")
    head_end = _cut(data, HEAD_BYTES)
    found = _statements(data, 0, head_end)
    tail_start = _tail_start(data, head_end)
    found += tags_after(data, head_end, "gerber", tail_start)
    return found + _statements(data, tail_start, len(data))


def _cut(data: bytes, limit: int) -> int:
    """Where the head ends: after the last complete line or statement within `limit`."""
    if len(data) <= limit:
        return len(data)
    end = max(data.rfind(b"\n", 0, limit), data.rfind(b"*", 0, limit))
    return end + 1 if end >= 0 else limit


def _tail_start(data: bytes, head_end: int) -> int:
    """Where the tail starts: after the first line break or statement end in the last `TAIL_BYTES`."""
    start = max(head_end, len(data) - TAIL_BYTES)
    if start == head_end:
        return start
    boundaries = [found for found in (data.find(b"\n", start), data.find(b"*", start)) if found >= 0]
    return min(boundaries) + 1 if boundaries else len(data)


def _statements(data: bytes, start: int, end: int) -> list[Evidence]:
    """Evidence in the statements between offsets `start` and `end`, read as if that part stood alone."""
    found: list[Evidence] = []
    line, counted = 1, 0  # counted from the file's start, and only up to a statement: most tails have none
    consumed = start
    for position in _statement_starts(data, start, end):
        if position < consumed or not _follows_separator(data, position, start):
            continue
        match = _STATEMENT.match(data, position, end)
        if match is None:
            continue
        consumed = match.end()
        line += data.count(b"\n", counted, position)
        counted = position
        if match["comment"] is None:
            fields = None if match["fields"] is None else _text(match["fields"])
            found += attribute_evidence(_text(match["name"]), fields, line, "%TF attribute")
        else:
            found += _comment(_text(match["comment"]), line)
    return found


def _statement_starts(data: bytes, start: int, end: int) -> list[int]:
    """Offsets of every `%TF` and `G04` between `start` and `end`, in file order."""
    attributes = [found.start() for found in _matches(_ATTRIBUTE_START, data, start, end)]
    comments = [
        found.start()
        for found in _matches(_COMMENT_START, data, start, end)
        if not _starts_with_digit(data, found.end(), end)
    ]
    return sorted(attributes + comments)


def _matches(pattern: re.Pattern[bytes], data: bytes, start: int, end: int) -> list[re.Match[bytes]]:
    """`pattern.finditer(data, start, end)`, for a pattern that starts with a literal byte.

    memchr finds that byte much faster than the regex engine's own search, but each try
    costs a Python step: a file where the byte is frequent is left to the engine.
    """
    first = pattern.pattern[:1]
    found: list[re.Match[bytes]] = []
    position = start
    for _ in range(_MEMCHR_TRIES):
        position = data.find(first, position, end)
        if position < 0:
            return found
        match = pattern.match(data, position, end)
        if match is None:
            position += 1
        else:
            found.append(match)
            position = match.end()
    return found + list(pattern.finditer(data, position, end))


def _follows_separator(data: bytes, position: int, start: int) -> bool:
    """Whether `position` is `start` or the character before it is '*', '%' or white space."""
    if position == start:
        return True
    if data[position - 1] < 0x80:
        return data[position - 1] in _SEPARATORS
    # Four bytes back hold that whole character, decoded as in the whole text: a lead byte
    # always starts a new character, whatever bytes come before it.
    before = data[max(start, position - _UTF8_MAX) : position].decode("utf-8", errors="replace")
    return before[-1].isspace()  # U+00A0, U+3000, ...: `\s` in text


def _starts_with_digit(data: bytes, position: int, end: int) -> bool:
    """Whether a non-ASCII decimal digit ('٣', '４', ...: `\\d` in text) is at `position`."""
    if position >= end or data[position] < 0x80:
        return False  # the bytes pattern already refused an ASCII digit
    after = data[position : min(end, position + _UTF8_MAX)].decode("utf-8", errors="replace")
    return after[0].isdecimal()


def _text(statement_part: bytes) -> str:
    # Starts after and ends before an ASCII byte: decodes as it does within the file.
    return statement_part.decode("utf-8", errors="replace")


def _comment(text: str, line: int) -> list[Evidence]:
    found = attribute_comment(text, line, "G04 #@! TF attribute")
    if found is None:
        return comment_evidence(text, "gerber", line, "G04 comment", ("G04 ", "*"))
    return found


def attribute_comment(text: str, line: int, what: str) -> list[Evidence] | None:
    """Evidence in an attribute written as a comment (`#@! TF.FileFunction,...`); None for other text."""
    attribute = _ATTRIBUTE_COMMENT.match(text)
    if attribute is None:
        return None
    if attribute["kind"] != "F":
        return []
    return attribute_evidence(attribute["name"], attribute["fields"], line, what)


def attribute_evidence(name: str, fields: str | None, line: int, what: str) -> list[Evidence]:
    """Evidence for a file attribute `TF<name>,<fields>` (also used for Excellon's `#@! TF`)."""
    name = name.strip()
    if name in STANDARD_ATTRIBUTES or not name:
        return []
    value = _unescape(" ".join((fields or "").lstrip(",").split()))
    return field_evidence(name, value, line, f"{what} {name}")


def _unescape(value: str) -> str:
    """Gerber strings write other characters as `\\uXXXX`."""
    return _UNICODE_ESCAPE.sub(lambda m: chr(int(m[1], 16)), value)


def extract_job(source: Source) -> list[Evidence]:
    """License-, copyright- and author-looking fields of a Gerber job file."""
    text = source.data.decode("utf-8", errors="replace")
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ExtractError(f"not a JSON job file: {error}") from None
    found: list[Evidence] = []
    cursor = 0
    for path, key, value in _strings(document):
        evidence = field_evidence(key, value, None, f"Gerber job {path}")
        if not evidence:
            continue
        position = text.find(json.dumps(key, ensure_ascii=False), cursor)
        if position >= 0:
            cursor = position
            line = text.count("\n", 0, position) + 1
            evidence = [replace(e, line=line) for e in evidence]
        found += evidence
    return found


def _strings(document: object):
    """(dotted path, key, text) of every string value, in document order."""
    stack: list[tuple[str, str, object]] = [("", "", document)]
    visited = 0
    while stack and visited < _JOB_NODES:
        path, key, node = stack.pop()
        visited += 1
        if isinstance(node, str):
            yield path, key, node
        elif isinstance(node, dict):
            items = [(f"{path}.{k}" if path else str(k), str(k), v) for k, v in node.items()]
            stack.extend(reversed(items))
        elif isinstance(node, list):
            stack.extend(reversed([(f"{path}[{i}]", key, v) for i, v in enumerate(node)]))
