# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""KiCad s-expression files: schematics, boards, symbol and footprint libraries, drawing sheets.

KiCad 6-9 (.kicad_sch, .kicad_pcb, .kicad_sym, .kicad_mod, .kicad_wks) and
KiCad 5 (.kicad_pcb version 2017xxxx, `(module ...)` footprints) share one
syntax. Licensing sits in a few forms:

- `(title_block (title ..) (company ..) (comment N ..))`, near the top;
- text items spread through the file: `gr_text` (silkscreen), `text`,
  `fp_text`, text boxes, table cells, a drawing sheet's `tbtext`;
- `(property "License" "...")` of symbols, footprints and boards, and
  footprint `(descr ...)`;
- lines starting with `#`, which the lexer skips (footprints keep them).

A board can be 50 MB, so nothing builds the whole tree: a compiled pattern
finds those forms' openings and only they are read, as far as needed: a text
item's first string tells whether it is worth reading further. `${VAR}` text
variables resolve, as in KiCad, from the title block (`${COMMENT1}`...), the
board's own properties, then the `.kicad_pro` beside the file.

>>> from pathlib import Path
>>> sch = b'(kicad_sch (title_block (comment 2 "Released under the CERN-OHL-S-2.0")))'
>>> [(e.expression, e.line, e.detail) for e in extract(Source("a.kicad_sch", sch, Path(".")))]
[('CERN-OHL-S-2.0', 1, 'title_block comment 2')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

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
from licensecheck.extract.kicad_library import library_origin
from licensecheck.extract.kicad_project import Project, project_beside
from licensecheck.extract.kicad_semicolons import semicolon_evidence
from licensecheck.model import Evidence

FORM_LIMIT = 64 * 1024  # a form is read this far at most (a gr_text's render cache can be long)
_MAX_DEPTH = 64
_MAX_NAME = 256  # a footprint's name, as far as it is compared with its 3D model's
_ROOT_LIMIT = 64 * 1024  # leading '#' comment lines before the root form
_BOM = b"\xef\xbb\xbf"

_ROOTS = {
    b"kicad_sch": "schematic",
    b"kicad_pcb": "board",
    b"kicad_symbol_lib": "symbol library",
    b"footprint": "footprint",
    b"module": "footprint",  # KiCad 5
    b"kicad_wks": "drawing sheet",
    b"page_layout": "drawing sheet",  # KiCad 5
}
# Comment lines may come first ('#', and the ';' that KiCad cannot read: kicad_semicolons);
# possessive, so that a line of '#'s cannot backtrack.
_ROOT = re.compile(rb"(?:\s*+[#;][^\n]*+)*+\s*+\(\s*(" + b"|".join(_ROOTS) + rb")(?=[\s()])")

# title_block, gr_text_box, gr_text, fp_text_box, fp_text, text_box, text, tbtext,
# table_cell, property, descr. The engine tries a match at every '(' (every few
# bytes of a board): a tree by first letter rejects most of them at once, where
# a flat list of eleven alternatives costs half as much again.
_FORM = re.compile(
    rb"\((t(?:itle_block|ext_box|ext|btext|able_cell)|gr_text(?:_box)?|fp_text(?:_box)?|property|descr)"
    rb"(?=[\s)])"
)
# A string ("..." with backslash escapes, unrolled so that it cannot backtrack) or a bare atom.
_STRING = rb'"([^"\\]*(?:\\.[^"\\]*)*)"'
_ATOM = rb"\s*(?:" + _STRING + rb'|([^\s()"]+))'
# A form's first one or two atoms in one match; atomic groups, so that each atom is
# read as it would be alone, never shortened for the next one to match.
_HEADS = {
    1: re.compile(rb"(?>" + _ATOM + rb")", re.DOTALL),
    2: re.compile(rb"(?>" + _ATOM + rb")(?>" + _ATOM + rb")?", re.DOTALL),
}
_TOKEN = re.compile(rb"\s*(?:(\()|(\))|" + _STRING + rb'|([^\s()"]+))', re.DOTALL)
_OPENING, _CLOSING, _QUOTED, _BARE = 1, 2, 3, 4  # _TOKEN's groups
_OPEN_STRING = re.compile(rb'\s*"')
_VARIABLE = re.compile(r"\$\{([^{}\s]+)\}")

# title_block child -> the built-in text variable KiCad shows it as
_TITLE_VARIABLES = {"title": "TITLE", "company": "COMPANY", "rev": "REVISION", "date": "ISSUE_DATE"}
_TITLE_EVIDENCE = ("title", "company", "comment")  # dates and revisions state no license
_TITLE_KINDS = {"company": AUTHOR}  # a bare company name is reported as a holder; the lead decides
_TYPED_TEXT = {b"fp_text"}  # (fp_text user "text" ...): the text is the second atom
_TOP_LEVEL_INDENTS = (b"\t", b"  ")  # how KiCad 8+ and KiCad 5-7 indent a board's own items


@dataclass(slots=True)
class _Form:
    at: int  # offset of its '('
    items: list = field(default_factory=list)  # str atoms and nested _Form

    def value(self, key: str) -> str | None:
        """The first atom of the child form `(key atom ...)`."""
        for item in self.items:
            if isinstance(item, _Form) and item.items[:1] == [key] and len(item.items) > 1:
                first = item.items[1]
                return first if isinstance(first, str) else None
        return None


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in a KiCad s-expression file."""
    kind, root_end = _root_kind(source.data)
    scan = _Scan(source, kind)
    scan.run()
    if kind == "footprint":
        atoms, _ = _head(source.data, root_end, 1)  # the footprint's name, read as KiCad reads it
        name = unescape(atoms[0])[:_MAX_NAME] if atoms else ""
        origin = library_origin(source.data, name, scan.line)
        if origin is not None:
            scan.evidence.append(origin)
    if b";" in source.data:
        scan.evidence.extend(semicolon_evidence(source.data))
    return dedupe(comment_evidence(source.data) + scan.evidence)


def _root_kind(data: bytes) -> tuple[str, int]:
    """What the file is, from its root form, and where the form's keyword ends; ExtractError
    when it is not KiCad's."""
    found = _ROOT.match(data, len(_BOM) if data.startswith(_BOM) else 0, _ROOT_LIMIT)
    if found is None:
        raise ExtractError("not a KiCad s-expression file: no (kicad_sch, (kicad_pcb, (footprint ... form")
    return _ROOTS[found.group(1)], found.end()


def _head(data: bytes, pos: int, count: int) -> tuple[list[bytes], int]:
    """The first `count` atoms from pos, as written (strings still escaped), and where they end.

    An unterminated string runs to the read limit: nothing inside it is a form,
    so the scan goes on from there.
    """
    limit = pos + FORM_LIMIT  # the engine stops at the end of data too
    atoms: list[bytes] = []
    found = _HEADS[count].match(data, pos, limit)
    if found is not None:
        # Each atom read sets one of its two groups (string, bare atom); a missing one neither.
        atoms = [group for group in found.groups() if group is not None]
        pos = found.end()
    if len(atoms) < count and _OPEN_STRING.match(data, pos, limit):
        return atoms, min(len(data), limit)
    return atoms, pos


def _worth_reading(raw: bytes) -> bool:
    """A text as written may state a license, a copyright, or hold a variable that does."""
    return b"${" in raw or mentions(raw)


def _parse(data: bytes, start: int) -> tuple[_Form, int]:
    """The form opening at data[start], read up to FORM_LIMIT bytes; and where reading stopped."""
    limit = min(len(data), start + FORM_LIMIT)
    root = _Form(start)
    stack = [root]
    pos = start + 1
    while stack:
        token = _TOKEN.match(data, pos, limit)
        if token is None:  # the limit, the end, or an unterminated string
            return root, limit
        pos = token.end()
        which = token.lastindex  # the one group set: which alternative was read
        if which == _OPENING:
            if len(stack) >= _MAX_DEPTH:
                return root, limit
            child = _Form(token.start(_OPENING))
            stack[-1].items.append(child)
            stack.append(child)
        elif which == _CLOSING:
            stack.pop()
        elif which == _QUOTED:
            stack[-1].items.append(unescape(token.group(_QUOTED)))
        else:
            stack[-1].items.append(token.group(_BARE).decode("utf-8", "replace"))
    return root, pos


def _is_top_level(data: bytes, start: int) -> bool:
    """True for a board's own item: KiCad puts each on its own line, indented once."""
    newline = data.rfind(b"\n", max(0, start - 8), start)
    return newline >= 0 and data[newline + 1 : start] in _TOP_LEVEL_INDENTS


def _short(text: str, length: int = 120) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class _Scan:
    """One pass over the file's forms of interest, with the text variables met so far."""

    def __init__(self, source: Source, kind: str) -> None:
        self.source = source
        self.data = source.data
        self.kind = kind
        self.evidence: list[Evidence] = []
        self.title: dict[str, tuple[str, str]] = {}  # TITLE -> (value, "title_block title")
        self.board: dict[str, str] = {}  # a board's own (property "NAME" "value") variables
        self._project: Project | None = None
        self._project_read = False
        self.line = LineCounter(source.data)

    def run(self) -> None:
        pos = 0
        while (found := _FORM.search(self.data, pos)) is not None:
            start, end = found.span()
            handler = _HANDLERS.get(found.group(1), _Scan.text)
            pos = max(handler(self, start, end), end)

    def title_block(self, start: int, end: int) -> int:
        form, resume = _parse(self.data, start)
        for child in form.items[1:]:
            if not isinstance(child, _Form) or not child.items or not isinstance(child.items[0], str):
                continue
            key, args = child.items[0], [a for a in child.items[1:] if isinstance(a, str)]
            if key == "comment" and len(args) >= 2:
                label, variable, value = f"comment {args[0]}", f"COMMENT{args[0]}", args[1]
            elif key in _TITLE_VARIABLES and args:
                label, variable, value = key, _TITLE_VARIABLES[key], args[0]
            else:
                continue
            # KiCad expands title-block fields with the project's variables only.
            resolved, notes = self.expand(value, title=False)
            self.title[variable] = (resolved, f"title_block {label}")
            if key in _TITLE_EVIDENCE:
                self.add(resolved, child.at, f"title_block {label}", notes, _TITLE_KINDS.get(key), value)
        return resume

    def text(self, start: int, end: int) -> int:
        keyword = self.data[start + 1 : end]
        count = 2 if keyword in _TYPED_TEXT else 1
        atoms, after = _head(self.data, end, count)
        if len(atoms) < count or not _worth_reading(atoms[-1]):
            return after
        written = unescape(atoms[-1])
        resolved, notes = self.expand(written)
        if not mentions(resolved):
            return after
        form, resume = _parse(self.data, start)
        layer = form.value("layer")
        label = " ".join([keyword.decode(), *(unescape(a) for a in atoms[:-1])])
        self.add(resolved, start, label + (f" ({layer})" if layer else ""), notes, None, written)
        return resume

    def property(self, start: int, end: int) -> int:
        atoms, after = _head(self.data, end, 2)
        if len(atoms) < 2:
            return after
        name = unescape(atoms[0])
        kind = kind_of(name)
        owner = "property"
        if self.kind == "board":
            top = _is_top_level(self.data, start)
            owner = "board property" if top else "footprint property"
            if top:
                self.board[name] = unescape(atoms[1])
        if kind is None and not _worth_reading(atoms[1]):
            return after
        written = unescape(atoms[1])
        resolved, notes = self.expand(written)
        if kind is not None or mentions(resolved):
            self.add(resolved, start, f"{owner} {name}", notes, kind, written)
        return after

    def descr(self, start: int, end: int) -> int:
        atoms, after = _head(self.data, end, 1)
        if atoms and _worth_reading(atoms[0]):
            written = unescape(atoms[0])
            resolved, notes = self.expand(written)
            if mentions(resolved):
                owner = "footprint descr" if self.kind == "board" else "descr"
                self.add(resolved, start, owner, notes, None, written)
        return after

    def add(self, value: str, at: int, detail: str, notes: list[str], kind: str | None, written: str) -> None:
        """Evidence in a value resolved from `written`; the notes say how its variables resolved."""
        where = "; ".join([detail, *notes])
        written_if_resolved = written if notes else None
        self.evidence.extend(field_evidence(value, self.line(at), where, kind, written_if_resolved))

    def expand(self, text: str, title: bool = True) -> tuple[str, list[str]]:
        """The text with its ${VAR}s resolved, and a note on each resolution."""
        if "${" not in text:
            return text, []
        notes: list[str] = []

        def substitute(found: re.Match[str]) -> str:
            resolved = self.variable(found.group(1), title)
            if resolved is None:
                return found.group(0)
            value, origin = resolved
            notes.append(f'{origin} = "{_short(value)}"')
            return value

        return _VARIABLE.sub(substitute, text), notes

    def variable(self, name: str, title: bool) -> tuple[str, str] | None:
        """A variable's value and where it came from, in KiCad's order of precedence."""
        if title and name in self.title:
            value, label = self.title[name]
            return value, f"{name} from {label}"
        if name in self.board:
            return self.board[name], f"board property {name}"
        project = self.project()
        if project is not None and name in project.variables:
            return project.variables[name], f"text variable {name} via {project.name}"
        return None

    def project(self) -> Project | None:
        if not self._project_read:
            self._project_read = True
            self._project = project_beside(self.source)
        return self._project


_HANDLERS: dict[bytes, Callable[[_Scan, int, int], int]] = {
    b"title_block": _Scan.title_block,
    b"property": _Scan.property,
    b"descr": _Scan.descr,
}
