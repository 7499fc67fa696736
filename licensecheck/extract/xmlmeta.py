# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""XML design files read as a stream, and the named metadata fields they keep.

3MF, AMF and FreeCAD keep their license data in a few elements near the top of
a part whose bulk is geometry; `events` parses through defusedxml (no entity
expansion, no external entities) one element at a time, so a caller stops as
soon as it has what it wants. Every parse failure, including a forbidden
entity, is an `ExtractError`.

`field_evidence` turns one metadata value into evidence according to what
kind of field it is (`FIELD_KINDS`): a license field, a copyright field, a
holder's name, or free text that may name a license.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

from licensecheck.comments import STYLES
from licensecheck.extract import ExtractError
from licensecheck.extract.header import extract_header
from licensecheck.extract.values import copyright_evidence, license_evidence, license_in_text
from licensecheck.model import Evidence

MAX_ENTRIES = 1000  # metadata entries kept from one part; real files have about ten
MAX_LEADING = 10_000  # elements read before the geometry; real files have a few dozen
COMMENT = "comment"


def local(tag: object) -> str:
    """An element's name without its namespace: `{http://...}metadata` -> `metadata`."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def events(data: bytes, kinds: tuple[str, ...] = ("start", "end")) -> Iterator[tuple[str, Element]]:
    """The parse events of an XML document; ExtractError when it is not well-formed or unsafe."""
    try:
        yield from DefusedET.iterparse(io.BytesIO(data), events=kinds)
    except (ParseError, DefusedXmlException) as error:
        raise ExtractError(f"XML is not well-formed or is unsafe: {error}") from None
    except (ValueError, LookupError, UnicodeError) as error:
        raise ExtractError(f"XML cannot be parsed: {error}") from None


class Metadata(NamedTuple):
    entries: list[tuple[str, str]]  # (field name as written, value)
    comments: list[str]


def leading_metadata(data: bytes, key: str, stop: frozenset[str]) -> tuple[str, Metadata]:
    """The root's name and the `<metadata>` children and comments it has before geometry starts.

    `key` is the attribute naming a field ("name" in 3MF, "type" in AMF); parsing
    stops at the first element whose local name is in `stop`, so a model part of
    hundreds of megabytes of vertices costs no more than its first lines; it also
    stops after `MAX_LEADING` elements, so a crafted part cannot make it slow.
    """
    root = ""
    depth = started = 0
    found = Metadata([], [])
    for event, element in events(data, ("start", "end", COMMENT)):
        if event == COMMENT:
            if depth <= 1 and len(found.comments) < MAX_ENTRIES:
                found.comments.append(element.text or "")
            continue
        if event == "end":
            depth -= 1
            if depth == 1 and local(element.tag) == "metadata" and len(found.entries) < MAX_ENTRIES:
                # metadata values are plain text; child elements (itertext recurses) are ignored
                found.entries.append((element.get(key, ""), element.text or ""))
            if depth == 1:
                element.clear()
            continue
        depth += 1
        started += 1
        if depth == 1:
            root = local(element.tag)
        elif (depth == 2 and local(element.tag) in stop) or started > MAX_LEADING:
            break
    return root, found


# What a metadata field holds, by its lowercased name without namespace prefix.
LICENSE, COPYRIGHT, HOLDER, TEXT = "license", "copyright", "holder", "text"
FIELD_KINDS: dict[str, str] = {
    "licenseterms": LICENSE,  # 3MF core specification
    "license": LICENSE,  # Bambu Studio, AMF files written by hand
    "licence": LICENSE,
    "copyright": COPYRIGHT,
    "designer": HOLDER,  # 3MF
    "author": HOLDER,  # AMF
    "company": HOLDER,  # AMF
    "title": TEXT,
    "name": TEXT,  # AMF
    "description": TEXT,
    "application": TEXT,
}


def field_kind(name: str) -> str | None:
    """The kind of a metadata field; `cura:LicenseTerms` counts as `LicenseTerms`."""
    return FIELD_KINDS.get(name.rpartition(":")[2].strip().lower())


def field_evidence(kind: str, value: str, detail: str) -> list[Evidence]:
    """Evidence from one field value of the given kind."""
    if kind == LICENSE:
        found = license_evidence(value, None, detail)
        return [found] if found else []
    if kind in (COPYRIGHT, HOLDER):
        found = copyright_evidence(value, None, detail)
        return [found] if found else []
    return text_evidence(value, detail)


def text_evidence(text: str, detail: str) -> list[Evidence]:
    """SPDX tags and copyright notices in free text; else a license its prose names."""
    found = [replace(e, line=None, detail=detail) for e in extract_header(text, STYLES["none"], "embedded")]
    if not any(e.is_license for e in found):
        named = license_in_text(text)
        if named:
            found.append(Evidence(source="embedded", expression=named, raw=text.strip(), detail=detail))
    return found


def comment_evidence(comments: list[str], detail: str) -> list[Evidence]:
    """SPDX tags and copyright notices in XML comments (source "header")."""
    found: list[Evidence] = []
    for text in comments:
        found += [replace(e, line=None, detail=detail) for e in extract_header(text, STYLES["none"])]
    return found
