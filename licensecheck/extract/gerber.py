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
with one compiled pattern, never walked in Python.

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
# excludes '*' and '%'; `G4` is the deprecated spelling of `G04`.
_STATEMENT = re.compile(
    r"(?<![^*%\s])(?:%TF(?P<name>[^,*%]*)(?P<fields>,[^*%]*)?\*%|G0*4(?!\d)(?P<comment>[^*%]*)\*)"
)
# Where a statement may start: found first, so the full pattern (whose lookbehind would be
# tried at every byte of the coordinates) runs only there. Three times faster on real files.
_STATEMENT_START = re.compile(r"%TF|G0*4(?!\d)")
# `#@! TF` file attributes; `#@! TA`, `TO`, `TD` (apertures, objects) name no license.
_ATTRIBUTE_COMMENT = re.compile(r"\s*#@!\s*T(?P<kind>[A-Z])(?P<name>[^,\s]*)(?P<fields>,.*)?", re.DOTALL)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")
_JOB_NODES = 20000  # a job file has a few hundred values; a bigger one is not a job file


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in a Gerber file's comments and attributes."""
    data = source.data
    if b"\x00" in data[:HEAD_BYTES]:
        raise ExtractError("binary data in a Gerber file")
    head_end = _cut(data, HEAD_BYTES)
    found = _statements(data[:head_end], 1)
    tail_start = _tail_start(data, head_end)
    found += tags_after(data, head_end, "gerber", tail_start)
    if tail_start < len(data):
        found += _statements(data[tail_start:], data.count(b"\n", 0, tail_start) + 1)
    return found


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


def _statements(chunk: bytes, first_line: int) -> list[Evidence]:
    text = chunk.decode("utf-8", errors="replace")
    found: list[Evidence] = []
    line, counted = first_line, 0
    consumed = 0
    for start in _STATEMENT_START.finditer(text):
        match = None if start.start() < consumed else _STATEMENT.match(text, start.start())
        if match is None:
            continue
        consumed = match.end()
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if match["comment"] is None:
            found += attribute_evidence(match["name"], match["fields"], line, "%TF attribute")
        else:
            found += _comment(match["comment"], line)
    return found


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
