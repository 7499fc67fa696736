# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""FreeCAD `.FCStd`: the license properties of the document and of its `App::Part` objects.

An FCStd file is a zip archive whose `Document.xml` starts with the
document's properties::

    <Document SchemaVersion="4" ...>
      <Properties Count="15">
        <Property name="License" type="App::PropertyString"><String value="All rights reserved"/></Property>
        <Property name="LicenseURL" type="App::PropertyString"><String value="https://..."/></Property>
        ...
      </Properties>
      <Objects Count="3"><Object type="App::Part" name="Part" id="1"/>...</Objects>
      <ObjectData Count="3"><Object name="Part"><Properties>...</Properties></Object>...</ObjectData>

`License` holds one of FreeCAD's preset names ("All rights reserved", the
default; "Creative Commons Attribution-ShareAlike 4.0"; "Other"...) or free
text, mapped through the alias table, keeping the raw value so that the rules
can flag a default left in place. When it names nothing known ("Other"), the
`LicenseURL` is mapped instead. `CreatedBy` and `Company` name holders;
`Comment` and `Label` are free text that may carry a tag or a license sentence.
`App::Part` objects have their own `License`/`LicenseURL` (empty unless set).

Document.xml is parsed as a stream: past the object list, parsing goes on only
while there are `App::Part` objects whose properties remain to be read.
"""

from __future__ import annotations

from licensecheck.archive import Archive
from licensecheck.extract import ExtractError, Source
from licensecheck.extract.fields import is_placeholder, text_evidence
from licensecheck.extract.values import copyright_evidence, license_evidence
from licensecheck.extract.xmlstream import Stop, attribute, parse
from licensecheck.model import Evidence

DOCUMENT = "Document.xml"
LICENSE, LICENSE_URL, LABEL = "License", "LicenseURL", "Label"
HOLDER_FIELDS = ("CreatedBy", "Company")  # a name, reported as copyright evidence for conclude to weigh
TEXT_FIELDS = ("Comment", "Label")  # free text: a tag or a license sentence may be in it
PART_TYPES = frozenset({"App::Part", "Assembly::AssemblyObject"})  # an Assembly is an App::Part
PART_FIELDS = frozenset({LICENSE, LICENSE_URL, LABEL})
MAX_PARTS = 1000  # parts whose properties are read; the rest cannot change the answer much
# Elements parsed at most. A 1.8 MB document of 250 objects has 17,000, so this
# reaches past the parts of a 50 MB one, and bounds the time a crafted one takes.
MAX_ELEMENTS = 500_000
UNSPECIFIED = "other"  # FreeCAD's "Other": the LicenseURL says which

# Where an element sits below <Document>
DOCUMENT_PROPERTY = ("Properties", "Property")
OBJECT = ("Objects", "Object")
OBJECT_DATA = ("ObjectData", "Object")
OBJECT_PROPERTY = ("ObjectData", "Object", "Properties", "Property")


def extract(source: Source) -> list[Evidence]:
    archive = Archive(source.data)
    if DOCUMENT not in archive.names:
        raise ExtractError(f"the FreeCAD archive has no {DOCUMENT}")
    reader = _Reader()
    parse(archive.read(DOCUMENT), reader, frozenset())
    found = _license(reader.document, f"{DOCUMENT} property")
    for name in HOLDER_FIELDS:
        value = reader.document.get(name, "")
        holder = copyright_evidence(value, None, f"{DOCUMENT} property {name}")
        found += [holder] if holder and not is_placeholder(value) else []
    for name in TEXT_FIELDS:
        found += text_evidence(reader.document.get(name, ""), None, f"{DOCUMENT} property {name}")
    for name, properties in reader.parts.items():
        label = properties.get(LABEL) or name
        found += _license(properties, f"{DOCUMENT} App::Part {label!r} property")
    return found


def _license(properties: dict[str, str], where: str) -> list[Evidence]:
    """One evidence for a License/LicenseURL pair: the first of them that names a known license,
    else the most specific raw value, so that an unknown license is still reported."""
    named = license_evidence(properties.get(LICENSE, ""), None, f"{where} {LICENSE}")
    url = license_evidence(properties.get(LICENSE_URL, ""), None, f"{where} {LICENSE_URL}")
    specific = named if named and named.raw and named.raw.lower() != UNSPECIFIED else None
    for candidate in (specific, url):
        if candidate and candidate.expression:
            return [candidate]
    fallback = specific or url or named
    return [fallback] if fallback else []


class _Reader:
    """xmlstream handler: string properties of the document and of its App::Part objects.

    Past the object list it reads on only while App::Part objects remain to be read.
    """

    def __init__(self) -> None:
        self.path: list[str] = []  # open elements below <Document>
        self.started = 0
        self.document: dict[str, str] = {}
        self.parts: dict[str, dict[str, str]] = {}  # object name -> its License, LicenseURL, Label
        self.pending: set[str] = set()  # App::Part objects whose data is still to come
        self.properties: dict[str, str] | None = None  # where the open object's properties go
        self.property = ""  # the open <Property>'s name

    def start(self, tag: str, attributes: list[str], line: int) -> None:
        self.started += 1
        if self.started == 1:
            if tag != "Document":
                raise ExtractError(f"{DOCUMENT}'s root is <{tag}>, not <Document>")
            return
        if self.started > MAX_ELEMENTS:
            raise Stop
        self.path.append(tag)
        where = tuple(self.path)
        if where in (DOCUMENT_PROPERTY, OBJECT_PROPERTY):
            self.property = attribute(attributes, "name")
        elif tag == "String" and where[:-1] in (DOCUMENT_PROPERTY, OBJECT_PROPERTY):
            self._keep(where[:-1], attribute(attributes, "value"))
        elif where == OBJECT and attribute(attributes, "type") in PART_TYPES:
            if len(self.pending) < MAX_PARTS:
                self.pending.add(attribute(attributes, "name"))
        elif where == OBJECT_DATA:
            name = attribute(attributes, "name")
            self.properties = self.parts.setdefault(name, {}) if name in self.pending else None
            self.pending.discard(name)

    def _keep(self, property_path: tuple[str, ...], value: str) -> None:
        if property_path == DOCUMENT_PROPERTY:
            self.document[self.property] = value
        elif self.properties is not None and self.property in PART_FIELDS:
            self.properties[self.property] = value

    def end(self, tag: str, text: str | None) -> None:
        where = tuple(self.path)
        if self.path:
            self.path.pop()
        if where == ("Objects",) and not self.pending:
            raise Stop  # no App::Part: the rest is geometry and view data
        if where == OBJECT_DATA and not self.pending:
            raise Stop
        if where == ("ObjectData",):
            raise Stop

    def comment(self, text: str, line: int) -> None:
        pass
