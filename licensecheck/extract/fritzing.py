# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Fritzing parts (.fzp), sketches (.fz), bins (.fzb) and their zip bundles (.fzz, .fzpz, .fzbz).

The Fritzing part format has no license element. What a file says:

- a part's `<module>` children `<author>`, `<description>` (often HTML),
  `<url>`, and `<properties><property name="license">` when a maker adds one;
- a sketch's `<project_properties><project_property name=... value=...>`,
  the notes placed on it (`<instance moduleIdRef="NoteModuleID">` with an
  HTML `<text>`) and silkscreen logo text (`<property name="logo" value=...>`);
- XML comments, read like any comment header.

A bundle is a zip: the sketch or part XML inside is read like the file
itself (details start with the member's name), as are its top-level LICENSE /
COPYING / README members.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePosixPath

from licensecheck import comments
from licensecheck.extract import Source
from licensecheck.extract.freetext import Piece, license_pieces, sentence_evidence, strip_html, text_evidence
from licensecheck.extract.header import extract_header
from licensecheck.extract.members import license_members, open_archive, read_member
from licensecheck.extract.values import copyright_evidence, license_evidence
from licensecheck.extract.xmlstream import attribute, parse
from licensecheck.model import Evidence

# What a Fritzing XML file is, by extension, for the details.
KINDS = {".fzp": "part", ".fz": "sketch", ".fzb": "bin"}
# Property names (lower case) -> what their value holds.
PROPERTIES = {
    "license": "license",
    "licence": "license",
    "license url": "license",
    "spdx-license-identifier": "license",
    "copyright": "copyright",
    "author": "copyright",
    "designer": "copyright",
}
_CAPTURED = frozenset({"title", "description", "author", "url", "property", "text"})


class _Reader:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.evidence: list[Evidence] = []
        self.stack: list[str] = []
        self.lines: list[int] = []
        self.instance = ""  # title of the sketch item being read
        self.property = ""  # name of the <property> being read
        self.pending: list[tuple[str, str, int]] = []  # (what, text, line) of the item, read at its end

    def start(self, tag: str, attrs: list[str], line: int) -> None:
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(tag)
        self.lines.append(line)
        if tag == "instance":
            self.instance = ""
            self.pending = []
        elif tag == "property":
            self.property = attribute(attrs, "name")
            value = attribute(attrs, "value")
            if value:  # sketches write the value as an attribute, parts as text
                self._property(parent, self.property, value, line)
        elif tag == "project_property":
            self._named_value(attribute(attrs, "name"), attribute(attrs, "value"), line, "project property")

    def end(self, tag: str, text: str | None) -> None:
        self.stack.pop()
        line = self.lines.pop()
        parent = self.stack[-1] if self.stack else ""
        if tag == "instance":
            self._instance()
        if text is None or not text.strip():
            return
        if parent == "module":
            self._module_field(tag, text, line)
        elif tag == "title" and parent == "instance":
            self.instance = " ".join(text.split())
        elif tag == "text" and parent == "instance":  # a note's rich text
            self.pending.append(("note", strip_html(text), line))
        elif tag == "property":
            self._property(parent, self.property, text, line)

    def _instance(self) -> None:
        """A sketch item's note or logo text, named by the item's title (which may come after it)."""
        for what, text, line in self.pending:
            detail = f"{self.kind} {what} {self.instance}".rstrip()
            if what == "note":
                self.evidence += text_evidence(text, line, detail)
            else:
                self.evidence += license_pieces([Piece(text, line)], detail)
        self.pending = []

    def comment(self, text: str, line: int) -> None:
        for found in extract_header(f"<!--{text}-->", comments.style("html")):
            self.evidence.append(replace(found, line=(found.line or 1) + line - 1))

    def _module_field(self, tag: str, text: str, line: int) -> None:
        detail = f"{self.kind} {tag}"
        if tag == "author":
            found = copyright_evidence(" ".join(text.split()), line, detail)
            self.evidence += [found] if found else []
        elif tag == "description":
            self.evidence += text_evidence(strip_html(text), line, detail)
        elif tag == "url":  # only a license's own URL names one
            found = sentence_evidence(text, line, detail)
            self.evidence += [found] if found else []

    def _property(self, parent: str, name: str, value: str, line: int) -> None:
        if name.lower() == "logo" and parent == "instance":  # silkscreen text
            self.pending.append(("logo text", " ".join(value.split()), line))
        elif parent == "properties":
            self._named_value(name, value, line, "property")

    def _named_value(self, name: str, value: str, line: int, where: str) -> None:
        kind = PROPERTIES.get(name.strip().lower())
        detail = f"{self.kind} {where} {name}"
        found = None
        if kind == "license":
            found = license_evidence(value, line, detail)
        elif kind == "copyright":
            found = copyright_evidence(value, line, detail)
        if found is not None:
            self.evidence.append(found)


def read_xml(data: bytes, kind: str, prefix: str = "") -> list[Evidence]:
    """Evidence in one Fritzing XML document; `prefix` starts every detail."""
    reader = _Reader(kind)
    parse(data, reader, _CAPTURED)
    if not prefix:
        return reader.evidence
    return [replace(e, detail=prefix + e.detail) for e in reader.evidence]


def _kind(path: str) -> str:
    return KINDS.get(PurePosixPath(path).suffix.lower(), "part")


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in a Fritzing part, sketch or bin (XML)."""
    return read_xml(source.data, _kind(source.path))


def extract_archive(source: Source) -> list[Evidence]:
    """The sketch, parts and license files inside a Fritzing bundle (.fzz, .fzpz, .fzbz)."""
    archive = open_archive(source.data)
    found: list[Evidence] = []
    for name in archive.names:
        suffix = PurePosixPath(name).suffix.lower()
        if suffix in KINDS:
            found += read_xml(read_member(archive, name), KINDS[suffix], f"{name}: ")
    return found + license_members(archive)
