# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""LibrePCB S-expression files (.lp) and project archives (.lppz).

LibrePCB has no license field. What its files say about authorship:

- project metadata (`project/metadata.lp`):
  `(librepcb_project_metadata <uuid> (name "...") (author "...") (version "...")
  (created ...) (attribute "LICENSE" (type string) (unit none) (value "...")))`;
  project attributes are the place a maker can put a license, shown on a
  sheet or board as `{{LICENSE}}`;
- library elements and libraries (`librepcb_symbol`, `_package`, `_component`,
  `_device`, `_library`, categories): `(author "...")` and `(description "...")`.

Only the root element's direct children are read. Other files (boards,
schematics, circuits, settings) hold no such fields and are not parsed.

`;` starts a line comment that LibrePCB's parser accepts and discards, so an
SPDX tag written in one is lost on the next save; such comments are read as
comments (evidence source "header") and never as fields.

A project archive (.lppz) is a zip of the project folder: its
`project/metadata.lp` and its top-level LICENSE / README files are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from licensecheck import comments, textio
from licensecheck.extract import Source
from licensecheck.extract.freetext import sentence_evidence, text_evidence
from licensecheck.extract.header import extract_header
from licensecheck.extract.members import license_members, open_archive, read_member
from licensecheck.extract.values import copyright_evidence, license_evidence
from licensecheck.model import Evidence

# Root elements whose direct children are read, and how a detail names them.
ROOTS = {
    "librepcb_project_metadata": "project metadata",
    "librepcb_library": "library",
    "librepcb_symbol": "symbol",
    "librepcb_package": "package",
    "librepcb_component": "component",
    "librepcb_device": "device",
    "librepcb_component_category": "component category",
    "librepcb_package_category": "package category",
    "librepcb_organization": "organization",
}
# Project attribute names (upper case) -> what their value holds; as in Eagle.
ATTRIBUTES = {
    "LICENSE": "license",
    "LICENCE": "license",
    "SPDX_LICENSE": "license",
    "COPYRIGHT": "copyright",
    "AUTHOR": "copyright",
    "DESIGNER": "copyright",
    "COMPANY": "copyright",
}
# The header fields of a root element, in the order LibrePCB writes them before the body.
HEADER = frozenset(
    {
        "name", "description", "keywords", "author", "version", "created", "deprecated", "generated_by",
        "category", "resource", "url", "dependency", "attribute", "manufacturer", "datasheet_url", "icon",
    }
)  # fmt: skip
_LOCALIZED = frozenset({"name", "description", "keywords"})  # name_de_DE ...
METADATA = "project/metadata.lp"

_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\()|(\))|;[^\n]*|([^\s()";]+)', re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "b": "\b", "\\": "\\", '"': '"'}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ROOT = re.compile(r"\(\s*([^\s()\";]+)")
_LEADING = re.compile(r"(?:\s*;[^\n]*)*\s*")  # blank and comment lines before the root
_QUOTE = re.compile(r'(?<!\\)(?:\\\\)*"')


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in one LibrePCB .lp file."""
    decoded = textio.decode(source.data)
    if decoded is None:
        return []
    return read_lp(decoded.text, "")


def extract_archive(source: Source) -> list[Evidence]:
    """The project metadata and the license files of a LibrePCB project archive (.lppz)."""
    archive = open_archive(source.data)
    found: list[Evidence] = []
    metadata = sorted(archive.find(METADATA), key=len)
    if metadata:
        decoded = textio.decode(read_member(archive, metadata[0]))
        if decoded is not None:
            found += read_lp(decoded.text, f"{metadata[0]}: ")
    return found + license_members(archive)


def read_lp(text: str, prefix: str) -> list[Evidence]:
    """Fields of the root element and tags in `;` comments; `prefix` starts every detail."""
    found = _comment_evidence(text, prefix)
    root = _ROOT.match(text, _LEADING.match(text).end())
    if root is None or root.group(1) not in ROOTS:
        return found
    kind = ROOTS[root.group(1)]
    for key, values, line in _header(text, root.end()):
        found += _field(kind, key, values, line, prefix)
    return found


def _field(kind: str, key: str, values: list, line: int, prefix: str) -> list[Evidence]:
    strings = [v for v in values if isinstance(v, str)]
    if key == "author" and strings:
        found = copyright_evidence(strings[0], line, f"{prefix}{kind} author")
        return [found] if found else []
    if key == "description" and strings:
        return text_evidence(strings[0], line, f"{prefix}{kind} description")
    if key == "attribute" and strings:
        return _attribute(strings[0], _value_of(values), line, f"{prefix}{kind} attribute {strings[0]}")
    return []


def _attribute(name: str, value: str, line: int, detail: str) -> list[Evidence]:
    kind = ATTRIBUTES.get(name.upper())
    if kind == "license":
        found = license_evidence(value, line, detail)
    elif kind == "copyright":
        found = copyright_evidence(value, line, detail)
    else:
        found = sentence_evidence(value, line, detail)
    return [found] if found else []


def _value_of(values: list) -> str:
    """The `(value "...")` child of an attribute."""
    for child in values:
        if isinstance(child, tuple) and child and child[0] == "value" and len(child) > 1:
            return child[1] if isinstance(child[1], str) else ""
    return ""


def _header(text: str, position: int) -> Iterator[tuple[str, list, int]]:
    """The root's header children as (key, values, line); values hold strings and nested tuples.

    Reading stops at the first child that is not a header field (the element's
    pins, polygons, pads...), so a large element is not read past its metadata.
    Nested lists are kept one level down (an attribute's `(value ...)`).
    """
    stack: list[list] = []
    line = 1 + text.count("\n", 0, position)
    counted = position
    for m in _TOKEN.finditer(text, position):
        string, opening, closing, atom = m.groups()
        if opening:
            if not stack:
                line += text.count("\n", counted, m.start())
                counted = m.start()
            stack.append([])
        elif closing:
            if not stack:
                return  # the root closes
            done = stack.pop()
            if not stack and done and isinstance(done[0], str):
                yield done[0], done[1:], line
            elif len(stack) == 1:
                stack[-1].append(tuple(done))
        elif string is not None or atom is not None:
            value = _unescape(string) if string is not None else atom
            if len(stack) == 1 and not stack[0] and not _is_header(value):
                return
            if 0 < len(stack) <= 2:
                stack[-1].append(value)


def _is_header(key: str) -> bool:
    return key in HEADER or key.partition("_")[0] in _LOCALIZED


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


def _comment_evidence(text: str, prefix: str) -> list[Evidence]:
    """SPDX tags and notices in `;` comments; only lines holding a `;` are looked at."""
    style = comments.style("semicolon")
    found = []
    number, counted = 1, 0
    position = text.find(";")
    while position >= 0:
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        number += text.count("\n", counted, start)
        counted = start
        line = text[start:end]
        at = _comment_at(line)
        if at is not None:
            for e in extract_header(line[at:], style):
                found.append(replace(e, line=number, detail=f"{prefix}comment {e.detail}"))
        position = text.find(";", end)
    return found


def _comment_at(line: str) -> int | None:
    """Where a `;` comment starts on a line, or None: a `;` inside a string is text.

    LibrePCB writes a line break in a string as `\\n`, so strings never span lines.
    """
    at = line.find(";")
    while at >= 0:
        if len(_QUOTE.findall(line, 0, at)) % 2 == 0:
            return at
        at = line.find(";", at + 1)
    return None
