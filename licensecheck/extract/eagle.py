# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Eagle / Fusion Electronics XML (.sch, .brd, .lbr).

Where an Eagle file keeps licensing (eagle.dtd):

- `<description>` of the schematic, board, sheet or library: HTML, read as text
  ("<b>Licensing:</b> Creative Commons ShareAlike 4.0 ...");
- the global `<attributes>` of a schematic or board, and the attributes of a
  placed part or board element: `LICENSE` is a license field, `COPYRIGHT`,
  `AUTHOR`, `DESIGNER`... name holders;
- text drawn on a sheet or board (`<plain>`) and inside the symbols and
  packages a design uses, such as a frame that says "Released under the
  Creative Commons Attribution Share-Alike 4.0 License"; only sentences that
  name a license are kept;
- XML comments, read like any comment header.

A schematic or board carries copies of the libraries it uses; their
descriptions say the library's license and are reported with the library's
name in the detail ("library SparkFun-LED description"), so they are not
taken for the design's own license. Technology attributes inside a library
("DESIGNER" = "Nobody") are template defaults and are not read.

Boards keep their signals (most of the file) after the elements: reading stops
there.
"""

from __future__ import annotations

from dataclasses import replace

from licensecheck import comments
from licensecheck.extract import Source
from licensecheck.extract.freetext import Piece, license_pieces, sentence_evidence, strip_html, text_evidence
from licensecheck.extract.header import extract_header
from licensecheck.extract.values import copyright_evidence, license_evidence
from licensecheck.extract.xmlstream import Stop, attribute, parse
from licensecheck.model import Evidence

# Attribute name (upper case) -> what its value holds.
ATTRIBUTES: dict[str, str] = {
    "LICENSE": "license",
    "LICENCE": "license",
    "LICENSE_NAME": "license",
    "LICENSE_URL": "license",
    "SPDX": "license",
    "SPDX_LICENSE": "license",
    "COPYRIGHT": "copyright",
    "AUTHOR": "copyright",
    "AUTHORS": "copyright",
    "DESIGNER": "copyright",
    "DESIGNED_BY": "copyright",
    "DRAWN_BY": "copyright",
    "CREATOR": "copyright",
    "COMPANY": "copyright",
    "OWNER": "copyright",
}
# Parents whose <attribute> belongs to the design, and how the detail names them.
_ATTRIBUTE_OWNERS = {"attributes": "attribute", "part": "part", "element": "element"}
# Parents whose <description> is read.
_DESCRIBED = frozenset({"schematic", "board", "sheet", "library"})
# Parents whose <text> items are read as drawing text.
_DRAWINGS = frozenset({"plain", "symbol", "package"})
_CAPTURED = frozenset({"description", "text"})


class _Reader:
    """Follows the element path and collects evidence as elements end."""

    def __init__(self) -> None:
        self.evidence: list[Evidence] = []
        self.stack: list[str] = []
        self.lines: list[int] = []
        self.library: str | None = None  # name of an embedded library (None in a .lbr)
        self.owner = ""  # the symbol, package, part or element being read
        self.sheet = 0
        self.pieces: list[Piece] = []

    def start(self, tag: str, attrs: list[str], line: int) -> None:
        parent = self.stack[-1] if self.stack else ""
        self.stack.append(tag)
        self.lines.append(line)
        if tag == "signals" and parent == "board":
            raise Stop  # the rest of a board is copper
        if tag == "library":
            self.library = attribute(attrs, "name") or None
        elif tag in ("symbol", "package", "part", "element"):
            self.owner = attribute(attrs, "name")
        elif tag == "sheet":
            self.sheet += 1
        elif tag == "attribute" and parent in _ATTRIBUTE_OWNERS:
            self._attribute(parent, attrs, line)
        if tag in _DRAWINGS:
            self.pieces = []

    def end(self, tag: str, text: str | None) -> None:
        self.stack.pop()
        line = self.lines.pop()
        parent = self.stack[-1] if self.stack else ""
        if tag == "description" and parent in _DESCRIBED and text:
            self.evidence += text_evidence(strip_html(text), line, self._where(parent) + " description")
        elif tag == "text" and parent in _DRAWINGS and text:
            words = " ".join(text.split())
            if words and not words.startswith(">"):  # ">NAME" is a placeholder for an attribute
                self.pieces.append(Piece(words, line))
        elif tag in _DRAWINGS and self.pieces:
            self.evidence += license_pieces(self.pieces, self._where(tag) + " text")
            self.pieces = []
        elif tag == "library":
            self.library = None

    def comment(self, text: str, line: int) -> None:
        for found in extract_header(f"<!--{text}-->", comments.style("html")):
            self.evidence.append(replace(found, line=(found.line or 1) + line - 1))

    def _where(self, tag: str) -> str:
        """How a detail names the element whose description or text is read."""
        library = f"library {self.library}" if self.library else "library"
        if tag == "library":
            return library
        if tag == "sheet":
            return f"sheet {self.sheet}"
        if tag == "plain":
            return f"sheet {self.sheet}" if "sheet" in self.stack else "board"
        if tag in ("symbol", "package"):
            inside = f"{library} " if self.library else ""
            return f"{inside}{tag} {self.owner}"
        return tag

    def _attribute(self, parent: str, attrs: list[str], line: int) -> None:
        name = attribute(attrs, "name")
        value = attribute(attrs, "value")
        owner = _ATTRIBUTE_OWNERS[parent]
        detail = f"attribute {name}" if owner == "attribute" else f"{owner} {self.owner} attribute {name}"
        kind = ATTRIBUTES.get(name.upper())
        found = None
        if kind == "license":
            found = license_evidence(value, line, detail)
        elif kind == "copyright":
            found = copyright_evidence(value, line, detail)
        elif owner == "attribute":  # a free global attribute may still state the license in a sentence
            found = sentence_evidence(value, line, detail)
        if found is not None:
            self.evidence.append(found)


def _is_xml(data: bytes) -> bool:
    """Eagle before version 6 wrote a binary format that holds no readable license field."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") or b"<eagle" in data[:4096]


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in an Eagle XML schematic, board or library."""
    if not _is_xml(source.data):
        return []
    reader = _Reader()
    parse(source.data, reader, _CAPTURED)
    return reader.evidence
