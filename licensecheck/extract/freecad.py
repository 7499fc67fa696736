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

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from licensecheck.archive import Archive
from licensecheck.extract import ExtractError, Source
from licensecheck.extract.values import license_evidence
from licensecheck.extract.xmlmeta import HOLDER, TEXT, events, field_evidence
from licensecheck.model import Evidence

DOCUMENT = "Document.xml"
LICENSE, LICENSE_URL = "License", "LicenseURL"
DOCUMENT_FIELDS = {"CreatedBy": HOLDER, "Company": HOLDER, "Comment": TEXT, "Label": TEXT}
PART_TYPES = frozenset({"App::Part", "Assembly::AssemblyObject"})  # an Assembly is an App::Part
MAX_PARTS = 1000  # parts whose properties are read; the rest cannot change the answer much
# Elements parsed at most (defusedxml parses about 250,000 a second). A 1.8 MB document
# of 250 objects has 17,000, so this reaches past the parts of a 50 MB one.
MAX_ELEMENTS = 500_000
UNSPECIFIED = "other"  # FreeCAD's "Other": the LicenseURL says which


@dataclass
class _Reading:
    """What the stream has yielded so far."""

    document: dict[str, str] = field(default_factory=dict)
    parts: dict[str, dict[str, str]] = field(default_factory=dict)  # object name -> its properties
    pending: set[str] = field(default_factory=set)  # parts whose properties are still to come


def extract(source: Source) -> list[Evidence]:
    archive = Archive(source.data)
    if DOCUMENT not in archive.names:
        raise ExtractError(f"the FreeCAD archive has no {DOCUMENT}")
    reading = _read_document(archive.read(DOCUMENT))
    found = _license(reading.document, f"{DOCUMENT} property")
    for name, value in reading.document.items():
        kind = DOCUMENT_FIELDS.get(name)
        if kind:
            found += field_evidence(kind, value, f"{DOCUMENT} property {name}")
    for name, properties in reading.parts.items():
        label = properties.get("Label") or name
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


def _read_document(data: bytes) -> _Reading:
    reading = _Reading()
    path: list[str] = []
    started = 0
    for event, element in events(data):
        if event == "start":
            path.append(element.tag)
            started += 1
            if len(path) == 1 and element.tag != "Document":
                raise ExtractError(f"{DOCUMENT}'s root is <{element.tag}>, not <Document>")
            if started > MAX_ELEMENTS:
                break
            continue
        path.pop()
        if _handle_end(reading, path, element):
            break
    return reading


def _handle_end(reading: _Reading, path: list[str], element: Element) -> bool:
    """Take what an ended element holds; True when nothing further is needed."""
    tag, depth = element.tag, len(path)
    if tag == "Property" and path[1:] == ["Properties"]:
        reading.document[element.get("name", "")] = _string_value(element)
    elif tag == "Object" and path[1:] == ["Objects"]:
        if element.get("type") in PART_TYPES and len(reading.pending) < MAX_PARTS:
            reading.pending.add(element.get("name", ""))
    elif tag == "Objects" and depth == 1:
        element.clear()
        return not reading.pending
    elif tag == "Object" and path[1:] == ["ObjectData"]:
        name = element.get("name", "")
        if name in reading.pending:
            reading.parts[name] = _object_strings(element)
            reading.pending.discard(name)
        element.clear()  # objects hold shapes and expressions: keep one at a time
        return not reading.pending
    elif tag == "ObjectData" and depth == 1:
        return True
    return False


def _string_value(prop: Element) -> str:
    string = prop.find("String")
    return string.get("value", "") if string is not None else ""


def _object_strings(obj: Element) -> dict[str, str]:
    return {
        prop.get("name", ""): _string_value(prop)
        for prop in obj.iterfind("Properties/Property")
        if prop.get("name") in (LICENSE, LICENSE_URL, "Label")
    }
