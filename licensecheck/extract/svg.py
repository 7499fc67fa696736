# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""SVG drawings: XML comments and Creative Commons RDF metadata.

Inkscape's Document Properties write the license and the people into
`<metadata><rdf:RDF><cc:Work>` [NORMS §5.4, S55]:

* `<cc:license rdf:resource="http://creativecommons.org/licenses/by-sa/4.0/"/>`
  and its description `<cc:License rdf:about="...">`: the URL goes through
  the alias table (the openclipart "publicdomain" URL maps to what the table
  says);
* `dc:creator`, `dc:publisher`, `dc:contributor`, `dc:rights`, each an
  `<cc:Agent><dc:title>name</dc:title></cc:Agent>` or plain text, reported as
  copyright evidence whose detail names the element; a rights statement that
  names a license is license evidence;
* XMP's `xmpRights:UsageTerms` and `xmpRights:WebStatement`, and ccREL's
  `cc:attributionName`, read the same way; `dc:description` is read for
  tags, notices and license sentences.

Comments (`<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->`, read by REUSE
tools too [T1]) are found by a byte search over the whole file. The first RDF
block is cut out of the file and parsed alone, through defusedxml, wrapped in
an element that declares the namespace prefixes the file declares before it:
a drawing of megabytes of paths around the metadata costs a byte search, and
the rest of the drawing is not checked for well-formedness. A file whose DTD
declares entities (Adobe Illustrator writes them; so do billion-laughs
attacks) is not parsed at all: entities are never expanded, and its metadata
is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from licensecheck.extract import Source, values
from licensecheck.extract.fields import comment_evidence, is_placeholder, line_at, text_evidence
from licensecheck.extract.xmlstream import Stop, parse
from licensecheck.model import Evidence

RDF_NAMESPACE = b"http://www.w3.org/1999/02/22-rdf-syntax-ns#"
MAX_COMMENTS = 1000  # comments read for tags; a drawing rarely has more than a few
MAX_FIELDS = 1000

# RDF elements by local name -> how their value is read, and the name a reader knows them by.
LICENSE, PEOPLE, RIGHTS, TEXT = "license", "people", "rights", "text"
ELEMENTS = {
    "license": (LICENSE, "cc:license"),  # rdf:resource="URL"
    "License": (LICENSE, "cc:License"),  # rdf:about="URL", the license's description
    "WebStatement": (LICENSE, "xmpRights:WebStatement"),
    "creator": (PEOPLE, "dc:creator"),
    "publisher": (PEOPLE, "dc:publisher"),
    "contributor": (PEOPLE, "dc:contributor"),
    "rightsHolder": (PEOPLE, "dcterms:rightsHolder"),
    "attributionName": (PEOPLE, "cc:attributionName"),
    "rights": (RIGHTS, "dc:rights"),
    "UsageTerms": (RIGHTS, "xmpRights:UsageTerms"),
    "description": (TEXT, "dc:description"),  # Inkscape's Description: may say "Licensed under ..."
}
_URL_ATTRIBUTES = ("resource", "about")
_CAPTURE = frozenset(ELEMENTS) | {"title", "li"}  # and the names inside people elements

_MAY_MATTER = re.compile(
    rb"SPDX-|opyright|COPYRIGHT|\xc2\xa9|[Ll]icen|LICEN|\([cC]\)|\xe7\x89\x88\xe6\x9d\x83|\xe8\xae\xb8\xe5\x8f\xaf"
)  # SPDX-, copyright, ©, licen[cs]e, (c), 版权, 许可
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ELEMENT_START = re.compile(rb"<[A-Za-z_]")
_RDF_START = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?RDF)[\s>/]")
_PREFIX_DECLARATION = re.compile(rb"xmlns:([A-Za-z_][\w.-]*)\s*=\s*(\"[^\"<]*\"|'[^'<]*')")


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in an SVG's comments and RDF metadata."""
    data = source.data
    found = _comments(data)
    if RDF_NAMESPACE in data and not _declares_entities(data):
        found += _metadata(data)
    return found


def _comments(data: bytes) -> list[Evidence]:
    found: list[Evidence] = []
    line, counted, start, seen = 1, 0, data.find(b"<!--"), 0
    while start >= 0 and seen < MAX_COMMENTS:
        end = data.find(b"-->", start + 4)
        body = data[start + 4 : len(data) if end < 0 else end]
        seen += 1
        if _MAY_MATTER.search(body):
            line += data.count(b"\n", counted, start)
            counted = start
            text = body.decode("utf-8", errors="replace")
            found += comment_evidence(text, "html", line, "XML comment", ("<!--", "-->"))
        start = -1 if end < 0 else data.find(b"<!--", end + 3)
    return found


def _declares_entities(data: bytes) -> bool:
    """True when the prolog, before the root element, declares entities."""
    root = _ELEMENT_START.search(data)
    return _ENTITY_DECLARATION.search(data, 0, root.start() if root else len(data)) is not None


def _metadata(data: bytes) -> list[Evidence]:
    """Evidence in the first RDF block, parsed on its own so the drawing around it costs nothing.

    The block is wrapped in an element that declares the namespace prefixes
    the file declares before it (`xmlns:cc`, `xmlns:dc` on the root); line
    numbers are those of the file.
    """
    start = _RDF_START.search(data)
    if start is None:
        return []
    closing = data.find(b"</" + start.group(1), start.end())
    end = data.find(b">", closing) if closing >= 0 else -1
    end = len(data) if end < 0 else end + 1
    prefixes: dict[bytes, bytes] = {}
    for match in _PREFIX_DECLARATION.finditer(data, 0, start.start()):
        if match.group(1) not in (b"xml", b"xmlns"):
            prefixes.setdefault(match.group(1), match.group(2))
    declarations = b"".join(b" xmlns:" + prefix + b"=" + uri for prefix, uri in prefixes.items())
    handler = _Metadata(line_at(data, start.start()) - 1)
    parse(b"<wrapper" + declarations + b">" + data[start.start() : end] + b"</wrapper>", handler, _CAPTURE)
    return handler.found


def _url(attributes: list[str] | dict[str, str]) -> str | None:
    """rdf:resource or rdf:about, from expat's flat [name, value, ...] list (or a dict)."""
    if isinstance(attributes, dict):
        pairs = attributes.items()
    else:
        pairs = zip(attributes[::2], attributes[1::2], strict=False)
    return next((value for name, value in pairs if name.rpartition("}")[2] in _URL_ATTRIBUTES), None)


@dataclass
class _Open:
    name: str
    line: int
    url: str | None
    values: list[str] = field(default_factory=list)  # names or statements inside a people/rights element


class _Metadata:
    """An xmlstream handler: reads the RDF block, then stops the parse."""

    def __init__(self, line_offset: int) -> None:
        self.line_offset = line_offset  # lines of the file before the parsed block
        self.stack: list[_Open] = []
        self.found: list[Evidence] = []
        self.licenses: set[str] = set()

    def start(self, tag: str, attributes: list[str], line: int) -> None:
        self.stack.append(_Open(tag, line + self.line_offset, _url(attributes)))

    def comment(self, text: str, line: int) -> None:
        return None  # comments are read from the bytes, wherever they are

    def end(self, tag: str, text: str | None) -> None:
        element = self.stack.pop() if self.stack else _Open(tag, 0, None)
        value = " ".join((text or "").split())
        kind, name = ELEMENTS.get(tag, (None, tag))
        if kind == LICENSE:
            self._license(element, element.url or value, f"SVG RDF {name}")
        elif kind is not None:
            items = element.values or ([value] if value else [])
            for item in items[:MAX_FIELDS]:
                self._person(kind, item, element.line, f"SVG RDF {name}")
        elif value and (holder := self._enclosing()) is not None:
            holder.values.append(value)  # the dc:title of an Agent, an rdf:li of a Bag
        if tag == "RDF":
            raise Stop

    def _enclosing(self) -> _Open | None:
        holders = (e for e in reversed(self.stack) if ELEMENTS.get(e.name, ("",))[0] in (PEOPLE, RIGHTS))
        return next(holders, None)

    def _license(self, element: _Open, value: str, detail: str) -> None:
        value = value.strip()
        if not value or value in self.licenses or len(self.found) >= MAX_FIELDS:
            return
        if element.name == "WebStatement" and values.license_in_text(value) is None:
            return  # a web page about the rights, not a license URL
        self.licenses.add(value)
        found = values.license_evidence(value, element.line, detail)
        self.found += [found] if found else []

    def _person(self, kind: str, value: str, line: int, detail: str) -> None:
        if len(self.found) >= MAX_FIELDS:
            return
        if kind == TEXT:
            self.found += text_evidence(value, line, detail)
            return
        if kind == RIGHTS:
            statements = text_evidence(value, line, detail)
            mapped = None if any(e.is_license for e in statements) else values.license_expression(value)
            if mapped:  # the whole statement is a license's name: "CC BY-SA 4.0"
                statements.append(Evidence("embedded", mapped, raw=value, line=line, detail=detail))
            if statements:
                self.found += statements
                return
        if not is_placeholder(value):
            found = values.copyright_evidence(value, line, detail)
            self.found += [found] if found else []
