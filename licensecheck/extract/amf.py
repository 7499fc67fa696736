# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""AMF (ISO/ASTM 52915): `<metadata type="...">` children of the `<amf>` root.

The standard's metadata types are `name`, `description`, `URL`, `author`,
`company`, `CAD`, `revision`, `tolerance` and `volume`; there is no license
type, so `license`/`copyright` are read when a maker adds them, `author` and
`company` name holders, `name` and `description` are free text that may carry
an SPDX tag (see `xmlmeta.FIELD_KINDS`). Reading stops at the first object,
material, texture or constellation, where the geometry starts.

A compressed AMF is a zip archive holding one `.amf` document.
"""

from __future__ import annotations

from licensecheck.archive import Archive
from licensecheck.extract import ExtractError, Source
from licensecheck.extract.xmlmeta import comment_evidence, field_evidence, field_kind, leading_metadata
from licensecheck.model import Evidence

GEOMETRY = frozenset({"object", "material", "texture", "constellation"})


def extract(source: Source) -> list[Evidence]:
    root, metadata = leading_metadata(_document(source.data), "type", GEOMETRY)
    if root != "amf":
        raise ExtractError(f"the AMF document's root is <{root}>, not <amf>")
    found: list[Evidence] = []
    for name, value in metadata.entries:
        kind = field_kind(name)
        if kind:
            found += field_evidence(kind, value, f"AMF metadata {name}")
    return found + comment_evidence(metadata.comments, "AMF comment")


def _document(data: bytes) -> bytes:
    if not data.startswith(b"PK"):
        return data
    archive = Archive(data)
    members = archive.find(".amf") or archive.names
    if not members:
        raise ExtractError("the compressed AMF archive is empty")
    return archive.read(members[0])
