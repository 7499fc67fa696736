# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""KiCad 6+ project files (.kicad_pro, JSON): the project's text variables.

A project keeps `"text_variables": {"LICENSE": "CERN-OHL-S-2.0"}`; title
blocks and silkscreen text show them as `${LICENSE}`. `extract` reads them as
evidence about the project file itself; `project_beside` finds the project of
a schematic or board so its extractor can resolve `${...}`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.kicad_fields import field_evidence, kind_of
from licensecheck.model import Evidence
from licensecheck.pathnames import shown

SUFFIX = ".kicad_pro"
_MAX_VARIABLES = 1000


@dataclass(frozen=True)
class Project:
    name: str  # the .kicad_pro file's name, for evidence details
    variables: dict[str, str] = field(default_factory=dict)


def extract(source: Source) -> list[Evidence]:
    """Evidence in the project's text variables: a LICENSE, a COPYRIGHT, a license sentence."""
    evidence = []
    for name, value in text_variables(source.data).items():
        line = _line_of(source.data, name)
        evidence.extend(field_evidence(value, line, f"text variable {name}", kind_of(name)))
    return evidence


def text_variables(data: bytes) -> dict[str, str]:
    """The `text_variables` of a .kicad_pro; ExtractError when it is not a JSON object."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise ExtractError(f"not a KiCad project (JSON): {error}") from None
    if not isinstance(document, dict):
        raise ExtractError("not a KiCad project: the JSON document is not an object")
    variables = document.get("text_variables")
    if not isinstance(variables, dict):
        return {}
    strings = ((str(k), v) for k, v in variables.items() if isinstance(v, str))
    return dict(list(strings)[:_MAX_VARIABLES])


def project_beside(source: Source) -> Project | None:
    """The project in the design file's folder: the one with the same stem, else the first by name.

    A hierarchical sheet (`aux_port.kicad_sch`) shares the folder's one project
    (`cynthion.kicad_pro`); an unreadable project is passed over.
    """
    own = PurePosixPath(source.on_disk or source.path).stem + SUFFIX  # names as the folder holds them
    names = sorted((n for n in source.sibling_names() if n.endswith(SUFFIX)), key=lambda n: n != own)
    for name in names:
        data = source.sibling(name)
        if data is None:
            continue
        try:
            return Project(shown(name), dict(_shared_variables(data)))
        except ExtractError:
            continue
    return None


@lru_cache(maxsize=4)
def _shared_variables(data: bytes) -> tuple[tuple[str, str], ...]:
    """text_variables, parsed once for all the sheets and the board of a folder."""
    return tuple(text_variables(data).items())


def _line_of(data: bytes, name: str) -> int | None:
    """The line the variable's key is on: KiCad writes the JSON one key per line."""
    section = data.find(b'"text_variables"')
    if section < 0:
        return None
    for key in (json.dumps(name, ensure_ascii=False), json.dumps(name)):
        at = data.find(key.encode("utf-8") + b":", section)
        if at >= 0:
            return data.count(b"\n", 0, at) + 1
    return None
