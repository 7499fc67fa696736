# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""EasyEDA / LCEDA (立创EDA) Standard JSON exports and Pro projects (.epro).

Neither edition has a license field; makers write the license in text. Read:

- Standard (.json): the `title` and `description` of the export and of each
  document in it, the document `head`'s `c_para` attributes, the drawing
  frame's title block ("Drawn By:" / "Company:" followed by their values) and
  free text on sheets and boards. Shapes are `~`-separated strings: a
  schematic text is `T~mark~x~y~rotation~color~font~size~bold~italic~baseline~
  type~TEXT~visible~anchor~id~locked~class`, a board text `TEXT~type~x~y~width~
  rotation~mirror~layer~net~size~TEXT~...`; a frame is a `LIB` shape whose
  parts are joined by `#@$`.
- Pro (.epro, .elibz: a zip): `project.json` (its `config`), and the sheets
  (.esch) and boards (.epcb), which are JSON lines: `["ATTR", id, parent,
  key, value, ...]` rows hold the frame's `Company`, `Drawn`... (a board's
  ATTR rows put the key further right), `["TEXT", id, x, y, rotation, text,
  ...]` and `["STRING", id, locked, layer, x, y, text, ...]` rows hold text.
  Library symbols and footprints in the archive are the vendor's, not the
  design's, and are not read.

Field names go through one table (`FIELDS`); license sentences and copyright
notices are looked for in every text. The frame template's own default
("EasyEDA.com" as Company) is not a holder and is skipped.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from itertools import pairwise

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.freetext import Piece, copyright_notices, license_pieces, text_evidence
from licensecheck.extract.members import open_archive, read_member
from licensecheck.extract.values import copyright_evidence, license_evidence
from licensecheck.model import Evidence

# Field name (lower case, without "@" and ":") -> what its value holds.
FIELDS = {
    "license": "license",
    "licence": "license",
    "license url": "license",
    "spdx-license-identifier": "license",
    "许可证": "license",
    "许可": "license",
    "开源协议": "license",
    "协议": "license",
    "copyright": "copyright",
    "版权": "copyright",
    "author": "copyright",
    "designer": "copyright",
    "drawn": "copyright",
    "drawn by": "copyright",
    "company": "copyright",
    "contributor": "copyright",
    "作者": "copyright",
    "设计": "copyright",
    "设计者": "copyright",
    "绘制": "copyright",
    "公司": "copyright",
}
TEMPLATE_DEFAULTS = frozenset({"easyeda.com"})
MAX_NODES = 100_000  # JSON objects visited in one Standard export
PRO_DOCUMENTS = (".esch", ".epcb")

_SHAPE_TEXT = {"T": 12, "TEXT": 10}  # Standard: shape kind -> index of its text
_SHAPE_CLASS = 17  # Standard schematic text: index of its class
_VALUE_CLASS = "frame_"  # title block values: frame_title, frame_version, frame_date...
_ROW_TEXT = {"TEXT": 5, "STRING": 6}  # Pro: row kind -> index of its text
# A row starts a line; the pattern opens with a literal line break, which the regex engine finds fast.
_PRO_ROW = re.compile(rb'\n\["(ATTR|TEXT|STRING)",[^\n]*')
# An ATTR row is decoded only when it may name one of the fields: a plain regex over the
# lowered row is six times faster than a case-insensitive one over a board's many rows.
# A name written with JSON \\u escapes is decoded too.
_FIELD_HINT = re.compile(b"|".join(re.escape(name.encode()) for name in FIELDS) + rb"|\\u")


def field_kind(name: str) -> str | None:
    return FIELDS.get(name.strip().lstrip("@").rstrip(":：").strip().lower())


def field_evidence(name: str, value: object, line: int | None, detail: str) -> list[Evidence]:
    """Evidence for a named field whose name is in FIELDS."""
    kind = field_kind(name)
    if kind is None or not isinstance(value, str) or value.strip().lower() in TEMPLATE_DEFAULTS:
        return []
    read = license_evidence if kind == "license" else copyright_evidence
    found = read(value, line, detail)
    return [found] if found else []


def _loads(data: bytes | str) -> object:
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as error:
        raise ExtractError(f"not valid JSON: {str(error)[:200]}") from None


# --- Standard -------------------------------------------------------------------------------


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in an EasyEDA Standard JSON export."""
    found: list[Evidence] = []
    for where, document in _documents(_loads(source.data)):
        found += _document(where, document)
    return found


def _documents(root: object) -> Iterator[tuple[str, dict]]:
    """(where, object) for the export and every document in it, breadth first, bounded."""
    queue: deque[tuple[str, object]] = deque([("", root)])
    visited = 0
    while queue and visited < MAX_NODES:
        where, node = queue.popleft()
        visited += 1
        if isinstance(node, list):
            queue.extend((where, item) for item in node if isinstance(item, dict | list))
            continue
        if not isinstance(node, dict):
            continue
        data = node.get("dataStr")
        if isinstance(data, str) and data.lstrip().startswith("{"):
            data = _loads(data)  # some exports keep each document as a JSON string
        yield where, node
        title = node.get("title") if node is not root else None
        # Details name a document by its own title ("Sheet 1: c_para License"), not the export's.
        inner = f"{title.strip()}: " if isinstance(title, str) and title.strip() else where
        if isinstance(data, dict):
            yield inner, data
        for key, value in node.items():
            if key not in ("dataStr", "shape", "head") and isinstance(value, dict | list):
                queue.append((inner, value))


def _document(where: str, document: dict) -> list[Evidence]:
    found: list[Evidence] = []
    head = document.get("head") if isinstance(document.get("head"), dict) else {}
    for fields in (document, head):
        for name in ("title", "description"):
            value = fields.get(name)
            if isinstance(value, str) and value.strip():
                found += text_evidence(value, None, f"{where}{name}")
        if isinstance(fields.get("c_para"), dict):
            for name, value in fields["c_para"].items():
                found += field_evidence(str(name), value, None, f"{where}c_para {name}")
    shapes = document.get("shape")
    if isinstance(shapes, list):
        found += _shapes(where, [s for s in shapes if isinstance(s, str)])
    return found


def _shapes(where: str, shapes: list[str]) -> list[Evidence]:
    """Text on the sheet or board, and the frame's title block."""
    found: list[Evidence] = []
    texts: list[tuple[str, str]] = []  # (text, class)
    for shape in shapes:
        if shape.startswith("LIB~") and "frame_lib" in shape[:512]:
            frame = [t for part in shape.split("#@$")[1:] if (t := _shape_text(part))]
            found += _title_block(where, frame)
            texts += frame
        elif (text := _shape_text(shape)) is not None:
            texts.append(text)
    pieces = [Piece(text, None) for text, _ in texts]
    found += license_pieces(pieces, f"{where}text")
    found += copyright_notices("\n".join(p.text for p in pieces), None, f"{where}text")
    return found


def _shape_text(shape: str) -> tuple[str, str] | None:
    kind = shape.split("~", 1)[0]
    index = _SHAPE_TEXT.get(kind)
    if index is None:
        return None
    fields = shape.split("~", _SHAPE_CLASS + 1)
    if len(fields) <= index or not fields[index].strip():
        return None
    css = fields[_SHAPE_CLASS] if kind == "T" and len(fields) > _SHAPE_CLASS else ""
    return " ".join(fields[index].split()), css.split("~", 1)[0]


def _title_block(where: str, frame: list[tuple[str, str]]) -> list[Evidence]:
    """Named fields of a title block: a label ("Drawn By:") and the value text after it (class frame_...)."""
    found: list[Evidence] = []
    for (label, _), (value, css) in pairwise(frame):
        if label.endswith((":", "：")) and css.startswith(_VALUE_CLASS) and css != "frame_tick":
            found += field_evidence(label, value, None, f"{where}frame {label.rstrip(':：')}")
    return found


# --- Pro ------------------------------------------------------------------------------------


def extract_pro(source: Source) -> list[Evidence]:
    """License and copyright evidence in an EasyEDA/LCEDA Pro project or library archive."""
    archive = open_archive(source.data)
    found: list[Evidence] = []
    for name in archive.find("project.json")[:1]:
        found += _project(name, _loads(read_member(archive, name)))
    for name in archive.names:
        if name.lower().endswith(PRO_DOCUMENTS):
            found += pro_document(read_member(archive, name), f"{name}: ")
    return found


def extract_pro_document(source: Source) -> list[Evidence]:
    """One Pro sheet, board, symbol or footprint file (JSON lines)."""
    return pro_document(source.data, "")


def _project(name: str, project: object) -> list[Evidence]:
    """`project.json`: named fields at its top and in its `config`, and the project title."""
    if not isinstance(project, dict):
        return []
    found: list[Evidence] = []
    config = project.get("config") if isinstance(project.get("config"), dict) else {}
    for fields in (project, config):
        for key, value in fields.items():
            if key in ("title", "description") and isinstance(value, str):
                found += text_evidence(value, None, f"{name} {key}")
            else:
                found += field_evidence(str(key), value, None, f"{name} {key}")
    return found


def pro_document(data: bytes, prefix: str) -> list[Evidence]:
    """ATTR fields and text rows of one JSON-lines document; rows that are not JSON are skipped."""
    found: list[Evidence] = []
    pieces: list[Piece] = []
    line, counted = 1, 0
    data = b"\n" + data  # so the first row starts after a line break too
    for m in _PRO_ROW.finditer(data):
        kind = m.group(1).decode()
        if kind == "ATTR" and not _FIELD_HINT.search(m.group(0).lower()):
            continue
        line += data.count(b"\n", counted, m.start())
        counted = m.start()
        row = _row(m.group(0)[1:])
        if row is None:
            continue
        if kind == "ATTR":
            found += _attribute_row(row, line, prefix)
        elif len(row) > _ROW_TEXT[kind] and isinstance(row[_ROW_TEXT[kind]], str):
            pieces += [Piece(part, line) for part in row[_ROW_TEXT[kind]].splitlines() if part.strip()]
    found += license_pieces(pieces, f"{prefix}text")
    found += copyright_notices("\n".join(p.text for p in pieces), None, f"{prefix}text")
    return found


def _row(raw: bytes) -> list | None:
    try:
        row = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return row if isinstance(row, list) else None


def _attribute_row(row: list, line: int, prefix: str) -> list[Evidence]:
    """The first key in FIELDS and the string after it (its position differs between sheets and boards)."""
    for key, value in pairwise(row[2:]):
        if isinstance(key, str) and field_kind(key):
            return field_evidence(key, value, line, f"{prefix}attribute {key}")
    return []
