# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""3MF: the `<metadata>` of the model part of an OPC zip package.

The 3MF core specification names the fields `Title`, `Designer`,
`Description`, `Copyright`, `LicenseTerms`, `Rating`, `CreationDate`,
`ModificationDate` and `Application`; any other name must be namespace
qualified (`slic3rpe:Version3mf`), and slicers add their own (`License` in
Bambu Studio). `LicenseTerms` and `License` are license fields, `Copyright`
is a notice, `Designer` names a holder, `Title` and `Description` are free text
that may carry an SPDX tag or a license sentence (`fields.field_kind`).

The model part is the package's start part: the target of the `3dmodel`
relationship in `_rels/.rels`, else `3D/3dmodel.model`. Its metadata sits
before `<resources>`, where the mesh data starts; parsing stops there. XML
comments before that point are read for SPDX tags too.
"""

from __future__ import annotations

from urllib.parse import unquote

from licensecheck.archive import Archive
from licensecheck.extract import ExtractError, Source
from licensecheck.extract.xmlmeta import leading_metadata
from licensecheck.extract.xmlstream import Stop, attribute, parse
from licensecheck.model import Evidence

RELS = "_rels/.rels"
DEFAULT_MODEL = "3D/3dmodel.model"
MODEL_RELATIONSHIP = "http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"
GEOMETRY = frozenset({"resources", "build"})


def extract(source: Source) -> list[Evidence]:
    archive = Archive(source.data)
    root, found = leading_metadata(archive.read(model_part(archive)), "name", GEOMETRY, "3MF", lines=False)
    if root != "model":
        raise ExtractError(f"the 3MF model part's root is <{root}>, not <model>")
    return found


def model_part(archive: Archive) -> str:
    """The member holding the model: the start part the package's relationships name."""
    rels = _member(archive, RELS)
    target = _start_part(archive.read(rels)) if rels else None
    for wanted in (target, DEFAULT_MODEL):
        name = _member(archive, wanted) if wanted else None
        if name:
            return name
    raise ExtractError(f"the 3MF package has no model part ({target or DEFAULT_MODEL})")


class _Relationships:
    """xmlstream handler: the target of the package's 3D model relationship."""

    def __init__(self) -> None:
        self.target: str | None = None

    def start(self, tag: str, attributes: list[str], line: int) -> None:
        if tag == "Relationship" and attribute(attributes, "Type").strip() == MODEL_RELATIONSHIP:
            self.target = unquote(attribute(attributes, "Target")).lstrip("/")
            raise Stop

    def end(self, tag: str, text: str | None) -> None:
        pass

    def comment(self, text: str, line: int) -> None:
        pass


def _start_part(rels: bytes) -> str | None:
    relationships = _Relationships()
    parse(rels, relationships, frozenset())
    return relationships.target


def _member(archive: Archive, name: str) -> str | None:
    """The member called `name`; OPC part names are case-insensitive."""
    if name in archive.names:
        return name
    wanted = name.lower()
    return next((member for member in archive.names if member.lower() == wanted), None)
