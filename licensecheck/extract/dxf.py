# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""DXF drawings (ASCII).

DXF has no license field. The file is a sequence of group-code / value line
pairs; the `$` variables of its HEADER section hold drawing settings (version,
code page, units, extents, handles, GUIDs, `$LASTSAVEDBY`: a login name), none
a license or a copyright. Three places can carry one:

* comments: group code 999, the comment text on the next line [S40]. CAD
  programs drop them when they save, so they survive only in files written or
  post-processed by scripts; they are read for SPDX tags, notices and license
  sentences;
* custom drawing properties (File > Drawing Properties > Custom), written since
  AutoCAD 2004 as `$CUSTOMPROPERTYTAG` / `$CUSTOMPROPERTY` header pairs: one
  named License or Copyright is read by its name, any other for tags and
  license sentences;
* the summary properties in the `DWGPROPS` XRECORD of the OBJECTS section:
  title (code 2), subject (3), author (4), comments (6), keywords (7), and, in
  files of AutoCAD 2000, the custom properties (300-309, each `Name=Value`).
  The author is reported as copyright evidence whose detail names the field;
  the other texts are read for tags, notices and license sentences.

Only the first `HEAD_BYTES` are read pair by pair; the rest is searched for
SPDX tags and the DWGPROPS record with compiled byte patterns. Binary DXF is
not read.
"""

from __future__ import annotations

import re

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.fields import comment_evidence, field_evidence, line_at, tags_after, text_evidence
from licensecheck.model import Evidence

HEAD_BYTES = 64 * 1024
BINARY_SENTINEL = b"AutoCAD Binary DXF"
MAX_PROPERTIES = 64  # DWGPROPS pairs read; AutoCAD writes about twenty

COMMENT_CODE = "999"
# DWGPROPS group codes -> the drawing property they hold.
PROPERTIES = {"2": "title", "3": "subject", "4": "author", "6": "comments", "7": "keywords"}
CUSTOM_CODES = frozenset(str(code) for code in range(300, 310))
_PROPERTIES_COOKIE = b"DWGPROPS COOKIE"
_UNICODE = re.compile(r"\\U\+([0-9A-Fa-f]{4})")


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in a DXF file's 999 comments and drawing properties."""
    data = source.data
    if data.startswith(BINARY_SENTINEL):
        return []
    if b"\x00" in data[:HEAD_BYTES]:
        raise ExtractError("binary data in an ASCII DXF file")
    head_end = _cut(data, HEAD_BYTES)
    found = _head(_decode(data[:head_end]).split("\n"))
    found += tags_after(data, head_end, "dxf")
    return found + _properties(data)


def _cut(data: bytes, limit: int) -> int:
    """Where the head ends: after a whole number of code/value pairs within `limit`."""
    if len(data) <= limit:
        return len(data)
    end = data.rfind(b"\n", 0, limit) + 1
    if data.count(b"\n", 0, end) % 2:
        end = data.rfind(b"\n", 0, end - 1) + 1
    return end


def _decode(raw: bytes) -> str:
    """DXF text: UTF-8 since AutoCAD 2007, a Windows code page before; `\\U+XXXX` escapes."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    text = text.replace("\r", "")
    return _UNICODE.sub(lambda m: chr(int(m[1], 16)), text) if "\\U+" in text else text


def _head(lines: list[str]) -> list[Evidence]:
    """Evidence in the 999 comments and the custom-property header variables."""
    found: list[Evidence] = []
    variable, tag = "", ""
    for index in range(0, len(lines) - 1, 2):
        code, value, line = lines[index].strip(), lines[index + 1], index + 2
        if code == COMMENT_CODE:
            found += comment_evidence(value, "dxf", line, "DXF 999 comment", ("999 ", ""))
        elif code == "9":
            variable = value.strip()
        elif variable == "$CUSTOMPROPERTYTAG":
            tag = value.strip()
        elif variable == "$CUSTOMPROPERTY" and tag and value.strip():
            found += field_evidence(tag, value.strip(), line, f"DXF custom property {tag}")
            tag = ""
        if code == "0":
            variable = ""
    return found


def _properties(data: bytes) -> list[Evidence]:
    """Evidence in the DWGPROPS record, wherever it is in the file."""
    cookie = data.find(_PROPERTIES_COOKIE)
    if cookie < 0:
        return []
    first_line = line_at(data, cookie) + 1
    start = data.find(b"\n", cookie)
    if start < 0:
        return []
    chunk = _decode(data[start + 1 : start + 1 + HEAD_BYTES]).split("\n")
    found: list[Evidence] = []
    for index in range(0, min(len(chunk) - 1, 2 * MAX_PROPERTIES), 2):
        code, value = chunk[index].strip(), chunk[index + 1].strip()
        if code == "0":
            break  # the next object
        line = first_line + index + 1
        found += _property(code, value, line)
    return found


def _property(code: str, value: str, line: int) -> list[Evidence]:
    if not value:
        return []
    if code in CUSTOM_CODES:
        name, _, custom = value.partition("=")
        if not custom.strip():
            return []
        return field_evidence(name, custom.strip(), line, f"DXF DWGPROPS custom property {name.strip()}")
    field = PROPERTIES.get(code)
    if field == "author":
        return field_evidence("Author", value, line, "DXF DWGPROPS author")
    if field is not None:
        return text_evidence(value, line, f"DXF DWGPROPS {field}")
    return []
