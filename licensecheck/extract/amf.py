# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""AMF (ISO/ASTM 52915): `<metadata type="...">` children of the `<amf>` root.

The standard's metadata types are `name`, `description`, `URL`, `author`,
`company`, `CAD`, `revision`, `tolerance` and `volume`; there is no license
type, so `license`/`copyright` are read when a maker adds them, `author` and
`company` name holders, `name` and `description` are free text that may carry
an SPDX tag (`fields.field_kind`). Reading stops at the first object,
material, texture or constellation, where the geometry starts.

A compressed AMF is a zip archive holding one `.amf` document.
"""

from __future__ import annotations

from licensecheck.archive import Archive
from licensecheck.extract import ExtractError, Source
from licensecheck.extract.xmlmeta import leading_metadata
from licensecheck.model import Evidence

GEOMETRY = frozenset({"object", "material", "texture", "constellation"})


def extract(source: Source) -> list[Evidence]:
    compressed = source.data.startswith(b"PK")
    document = _unzipped(source.data) if compressed else source.data
    root, found = leading_metadata(document, "type", GEOMETRY, "AMF", lines=not compressed)
    if root != "amf":
        raise ExtractError(f"the AMF document's root is <{root}>, not <amf>")
    return found


def _unzipped(data: bytes) -> bytes:
    archive = Archive(data)
    members = archive.find(".amf") or archive.names
    if not members:
        raise ExtractError("the compressed AMF archive is empty")
    return archive.read(members[0])
