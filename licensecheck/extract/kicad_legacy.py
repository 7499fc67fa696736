# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""KiCad 4/5 legacy line-based files: schematics, symbol and doc libraries, boards, footprints, projects.

Each kind is told by its first line and declared as a layout: where its title
block is, which comment lines it has, and which records hold free text:

- `.sch` (`EESchema Schematic File`): the `$Descr` title block (`Title`,
  `Comp`, `Comment1`...), `Text Notes` and named component fields
  (`F 4 "CERN-OHL-P-2.0" ... "License"`);
- `.lib` (`EESchema-LIBRARY`): `#` lines and named symbol fields (`F4 ...`);
- `.dcm` (`EESchema-DOCLIB`): `#` lines and `D` descriptions;
- `.brd` (`PCBNEW-BOARD`): `#` lines, the `$SHEETDESCR` title block, board
  texts (`Te`), footprint descriptions (`Cd`) and footprint user texts;
- `.mod` (`PCBNEW-LibModule`): `#` lines, `Cd` and user texts;
- `.pro` (INI): `#` lines.

>>> from pathlib import Path
>>> sch = b'EESchema Schematic File Version 4\\n$Descr A4 11693 8268\\nComp "Ada Lovelace"\\n'
>>> [(e.copyright, e.line, e.detail) for e in extract(Source("a.sch", sch, Path(".")))]
[('Ada Lovelace', 3, '$Descr Comp')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.kicad_fields import (
    AUTHOR,
    LineCounter,
    comment_evidence,
    dedupe,
    field_evidence,
    kind_of,
    mentions,
    unescape,
)
from licensecheck.model import Evidence

_TITLE_LIMIT = 64 * 1024  # a title block is a dozen short lines
_OWNER_LOOKBACK = 1024 * 1024  # how far back a record's symbol or footprint header is looked for


def _string(group: str) -> bytes:
    """A quoted value on one line, with backslash escapes, captured as `group`."""
    return rb'"(?P<' + group.encode() + rb'>[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*)"'


_TITLE_FIELD = re.compile(rb"^(?P<key>Title|Comp|Comment\d)[ \t]+" + _string("text"), re.MULTILINE)
_TITLE_KINDS = {"Comp": AUTHOR}  # a bare company name is reported as a holder; the lead decides


@dataclass(frozen=True)
class _Record:
    """A line holding free text: group "text" the value, group "name" a field's name if it has one."""

    pattern: re.Pattern[bytes]
    label: str
    owner: bytes | None = None  # the header line of the symbol or footprint it belongs to
    owner_word: int = 0  # which word of that line names it: `L Device:C C1` is C1


@dataclass(frozen=True)
class _Layout:
    comments: str | None  # the comment style of its '#' lines, None when the format has none
    title: tuple[bytes, bytes] | None  # the title block's opening and closing lines
    records: tuple[_Record, ...]


# Every pattern starts with a literal newline, so the regex engine finds candidates with memchr.
_NAMED_FIELD = _string("text") + rb'[^"\n]*' + _string("name")
_NOTES = _Record(re.compile(rb"\nText Notes [^\n]*\n(?P<text>[^\r\n]*)"), "Text Notes")
_SCH_FIELD = _Record(re.compile(rb"\nF (?:[4-9]|\d\d+) " + _NAMED_FIELD), "field", b"\nL ", 1)
_LIB_FIELD = _Record(re.compile(rb"\nF(?:[4-9]|\d\d+) " + _NAMED_FIELD), "field", b"\nDEF ")
_DOC_DESCRIPTION = _Record(re.compile(rb"\nD (?P<text>[^\r\n]*)"), "D", b"\n$CMP ")
_BOARD_TEXT = _Record(re.compile(rb"\nTe " + _string("text")), "Te")
_FOOTPRINT_DESCR = _Record(re.compile(rb"\nCd (?P<text>[^\r\n]*)"), "Cd", b"\n$MODULE ")
_FOOTPRINT_TEXT = _Record(re.compile(rb'\nT(?:[2-9]|\d\d+) [^"\n]*' + _string("text")), "T", b"\n$MODULE ")

_LAYOUTS = (
    (b"EESchema Schematic File", _Layout(None, (b"$Descr", b"$EndDescr"), (_NOTES, _SCH_FIELD))),
    (b"EESchema-LIBRARY", _Layout("hash", None, (_LIB_FIELD,))),
    (b"EESchema-DOCLIB", _Layout("hash", None, (_DOC_DESCRIPTION,))),
    (
        b"PCBNEW-BOARD",
        _Layout(
            "hash", (b"$SHEETDESCR", b"$EndSHEETDESCR"), (_BOARD_TEXT, _FOOTPRINT_DESCR, _FOOTPRINT_TEXT)
        ),
    ),
    (b"PCBNEW-LibModule", _Layout("hash", None, (_FOOTPRINT_DESCR, _FOOTPRINT_TEXT))),
)
_PROJECT = _Layout("hash", None, ())  # the INI .pro has no magic line; classify tells it by name


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in a KiCad legacy file."""
    layout = _layout(source)
    data = source.data
    lines = LineCounter(data)
    evidence = comment_evidence(data, layout.comments) if layout.comments else []
    if layout.title:
        evidence.extend(_title_block(data, layout.title, lines))
    for record in layout.records:
        for found in record.pattern.finditer(data):
            evidence.extend(_record_evidence(data, record, found, lines))
    return dedupe(sorted(evidence, key=lambda e: e.line or 0))


def _layout(source: Source) -> _Layout:
    head = source.data[:256].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, layout in _LAYOUTS:
        if head.startswith(magic):
            return layout
    if source.path.lower().endswith(".pro"):
        return _PROJECT
    raise ExtractError("not a KiCad legacy file: no EESchema or PCBNEW header line")


def _title_block(data: bytes, markers: tuple[bytes, bytes], lines: LineCounter) -> list[Evidence]:
    opening, closing = markers
    start = data.find(b"\n" + opening)
    if start < 0:
        return []
    end = data.find(b"\n" + closing, start, start + _TITLE_LIMIT)
    end = min(len(data), start + _TITLE_LIMIT) if end < 0 else end
    label = opening.decode()
    evidence = []
    for found in _TITLE_FIELD.finditer(data, start + 1, end):
        key = found.group("key").decode()
        value = unescape(found.group("text"))
        evidence.extend(field_evidence(value, lines(found.start()), f"{label} {key}", _TITLE_KINDS.get(key)))
    return evidence


def _record_evidence(
    data: bytes, record: _Record, found: re.Match[bytes], lines: LineCounter
) -> list[Evidence]:
    raw = found.group("text")
    name = unescape(found.group("name")) if "name" in found.re.groupindex else None
    kind = kind_of(name) if name else None
    if kind is None and not mentions(raw):
        return []
    text = unescape(raw)
    detail = f"{record.label} {name}" if name else record.label
    owner = _owner(data, record, found.start()) if record.owner else None
    if owner:
        detail = f"{detail} ({owner})"
    return field_evidence(text, lines(found.start("text")), detail, kind)


def _owner(data: bytes, record: _Record, pos: int) -> str | None:
    """The name on the nearest header line before pos: `DEF R`, `$CMP BC856`, `L Device:C C1`."""
    marker = record.owner or b""
    at = data.rfind(marker, max(0, pos - _OWNER_LOOKBACK), pos)
    if at < 0:
        return None
    start = at + len(marker)
    end = data.find(b"\n", start, start + 256)
    words = data[start : start + 256 if end < 0 else end].split()
    return words[record.owner_word].decode("utf-8", "replace") if len(words) > record.owner_word else None
