# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""3MF: the `<metadata>` of the model part of an OPC zip package.

The 3MF core specification names the fields `Title`, `Designer`,
`Description`, `Copyright`, `LicenseTerms`, `Rating`, `CreationDate`,
`ModificationDate` and `Application`; any other name must be namespace
qualified (`slic3rpe:Version3mf`), and slicers add their own (`License` in
Bambu Studio). `LicenseTerms` and `License` are license fields, `Copyright`
is a notice, `Designer` names a holder, `Title` and `Description` are free text
that may carry an SPDX tag or a license sentence (see `xmlmeta.FIELD_KINDS`).

The model part is the package's start part: the target of the `3dmodel`
relationship in `_rels/.rels`, else `3D/3dmodel.model`. Its metadata sits
before `<resources>`, where the mesh data starts; parsing stops there. XML
comments before that point are read for SPDX tags too.
"""

from __future__ import annotations

from urllib.parse import unquote

from licensecheck.archive import Archive
from licensecheck.extract import ExtractError, Source
from licensecheck.extract.xmlmeta import (
    comment_evidence,
    events,
    field_evidence,
    field_kind,
    leading_metadata,
    local,
)
from licensecheck.model import Evidence

RELS = "_rels/.rels"
DEFAULT_MODEL = "3D/3dmodel.model"
MODEL_RELATIONSHIP = "http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"
GEOMETRY = frozenset({"resources", "build"})


def extract(source: Source) -> list[Evidence]:
    archive = Archive(source.data)
    root, metadata = leading_metadata(archive.read(model_part(archive)), "name", GEOMETRY)
    if root != "model":
        raise ExtractError(f"the 3MF model part's root is <{root}>, not <model>")
    found: list[Evidence] = []
    for name, value in metadata.entries:
        kind = field_kind(name)
        if kind:
            found += field_evidence(kind, value, f"3MF metadata {name}")
    return found + comment_evidence(metadata.comments, "3MF model comment")


def model_part(archive: Archive) -> str:
    """The member holding the model: the start part the package's relationships name."""
    target = _start_part(archive.read(RELS)) if _member(archive, RELS) else None
    for wanted in (target, DEFAULT_MODEL):
        name = _member(archive, wanted) if wanted else None
        if name:
            return name
    raise ExtractError(f"the 3MF package has no model part ({target or DEFAULT_MODEL})")


def _start_part(rels: bytes) -> str | None:
    for _, element in events(rels, ("end",)):
        if local(element.tag) == "Relationship" and element.get("Type", "").strip() == MODEL_RELATIONSHIP:
            return unquote(element.get("Target", "")).lstrip("/")
    return None


def _member(archive: Archive, name: str) -> str | None:
    """The member called `name`; OPC part names are case-insensitive."""
    if name in archive.names:
        return name
    wanted = name.lower()
    return next((member for member in archive.names if member.lower() == wanted), None)
