# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""KiCad's own rules.

`kicad-library-copy`: footprints copied from KiCad's libraries, kept without their licence.
KiCad's libraries are under CC-BY-SA-4.0 with the KiCad libraries exception, which frees the
designs made with them but not copies of the library files (extract.kicad_library says how a
copy is told). A project that keeps such copies in its own `.pretty` folders under its own
licence, with nothing saying they are KiCad's, misstates their licence and drops the
attribution CC-BY-SA asks for (NORMS KICAD-002). One finding per folder: copies come by the
library, dozens at a time.

`kicad-unloadable`: a KiCad file with a line that starts with ';', which KiCad cannot open
(extract.kicad_semicolons): usually a licence header written as a Lisp comment.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from licensecheck import compat
from licensecheck.extract.kicad_library import KICAD_LIBRARIES, MODEL_SAID, ORIGIN
from licensecheck.extract.kicad_semicolons import BREAKS_KICAD
from licensecheck.model import Evidence, FileResult
from licensecheck.rules import Context, Issue, Rule
from licensecheck.rules import wording as say

SOURCES = ("https://www.kicad.org/libraries/license/",)
_BY_SA = "CC-BY-SA-4.0"


def kicad_library_copy(context: Context) -> Iterator[Issue]:
    by_folder: dict[str, list[tuple[FileResult, Evidence]]] = {}
    footprints: dict[str, int] = {}  # folder -> its footprints, copies or not
    for file in context.concluded.files:
        if file.format != "kicad-mod":
            continue
        folder = file.path.rpartition("/")[0]
        footprints[folder] = footprints.get(folder, 0) + 1
        if any(_names_by_sa(expression) for expression in file.licenses):
            continue
        origin = next((e for e in file.evidence if e.detail.startswith(ORIGIN)), None)
        if origin is not None:
            by_folder.setdefault(folder, []).append((file, origin))
    for folder, copies in sorted(by_folder.items()):
        first, origin = copies[0]
        paths = [file.path for file, _ in copies]
        yield Issue(
            first.path,
            context.say(
                "kicad-library-copy" if first.licenses else "kicad-library-copy-undeclared",
                folder=folder or ".",
                count=len(copies),
                files=say.files(context, paths),
                why=_why(context, first.path, origin.detail),
                declared=", ".join(first.licenses),
                pattern=_annotated(folder, paths, footprints[folder]),
            ),
            (KICAD_LIBRARIES, *first.licenses),
        )


def _annotated(folder: str, copies: list[str], footprints: int) -> str:
    """The REUSE.toml `path` that covers the copies and nothing else: the folder when all its
    footprints are copies, else the copies by name (the maker's own keep the project's licence)."""
    if len(copies) == footprints:
        return json.dumps(f"{folder}/*.kicad_mod" if folder else "*.kicad_mod")
    return "[" + ", ".join(json.dumps(path) for path in copies) + "]"


def _why(context: Context, path: str, detail: str) -> str:
    """How the first copy was told, in the message's language (the detail is English)."""
    name = path.rpartition("/")[2]
    _, model_said, model = detail.partition(MODEL_SAID)
    if model_said:
        return context.say("kicad-library-why-model", name=name, model=model)
    return context.say("kicad-library-why-generator", name=name)


def _names_by_sa(expression: str) -> bool:
    """Whether the expression holds CC-BY-SA-4.0, alone or with the KiCad exception."""
    return any(compat.split(member)[0] == _BY_SA for member in compat.members(expression))


def kicad_unloadable(context: Context) -> Iterator[Issue]:
    for file in context.concluded.files:
        if not file.format.startswith("kicad-"):
            continue
        broken = next((e for e in file.evidence if e.detail.endswith(BREAKS_KICAD)), None)
        if broken is not None:
            name = file.path.rpartition("/")[2]
            message = context.say("kicad-unloadable", path=file.path, line=broken.line, name=name)
            yield Issue(file.path, message)


RULES = (
    Rule("kicad-library-copy", "warning", SOURCES, kicad_library_copy),
    Rule(
        "kicad-unloadable",
        "error",
        ("https://gitlab.com/kicad/code/kicad/-/blob/master/common/dsnlexer.cpp",),
        kicad_unloadable,
    ),
)
