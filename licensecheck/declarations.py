# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Declared licences: what the project, a folder's license file or a manifest says.

Read from the concluded scan: the project's declaration at the root, license files
(LICENSE, COPYING, ...) in sub-folders, and manifests with a license field
(package.json, library.json, pyproject.toml, Cargo.toml, library.properties).
"""

from __future__ import annotations

from dataclasses import dataclass

from licensecheck import classify, compat, knowledge
from licensecheck.conclude import Concluded, folder_of, in_licenses_dir
from licensecheck.model import FileResult

IGNORED = frozenset({"NONE", "NOASSERTION"})


@dataclass(frozen=True)
class Declaration:
    folder: str  # "" for the root
    expressions: tuple[str, ...]
    sources: tuple[str, ...]  # the files that declare it


def _usable(expressions) -> tuple[str, ...]:
    return tuple(e for e in expressions if e and e.upper() not in IGNORED)


def license_files(concluded: Concluded) -> dict[str, Declaration]:
    """Folder -> what its license files declare; the root holds the project's declaration."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for file in concluded.files:
        if classify.is_license_file(file.path) and not in_licenses_dir(file.path) and "/" in file.path:
            expressions, sources = found.setdefault(folder_of(file.path), ([], []))
            expressions.extend(_usable(file.licenses))
            sources.append(file.path)
    table = {
        folder: Declaration(folder, tuple(dict.fromkeys(expressions)), tuple(sources))
        for folder, (expressions, sources) in found.items()
        if expressions
    }
    project = concluded.project
    if _usable(project.declared):
        table[""] = Declaration("", _usable(project.declared), project.sources)
    return table


def nearest(path: str, table: dict[str, Declaration]) -> Declaration | None:
    """The declaration of the file's folder or of its nearest ancestor that has one."""
    folder = folder_of(path)
    while True:
        if folder in table:
            return table[folder]
        if not folder:
            return None
        folder = folder_of(folder)


def manifests(concluded: Concluded) -> list[Declaration]:
    """Each manifest's license field, as a declaration for the manifest's folder."""
    found = []
    for file in concluded.files:
        own = [
            e.expression
            for e in file.evidence
            if e.source == "manifest" and e.expression and e.detail.startswith(file.path + " ")
        ]
        if _usable(own):
            found.append(Declaration(folder_of(file.path), _usable(own), (file.path,)))
    return found


def inherited(file: FileResult) -> bool:
    """The file's licences come only from a folder's license file or manifest."""
    applied = [e for e in file.evidence if e.expression in file.licenses]
    return bool(applied) and all(e.source in ("directory", "manifest") for e in applied)


def inherited_from(file: FileResult, declaration: Declaration) -> bool:
    """The file's licences are the declaration's own (a folder fallback), not a statement of its own."""
    applied = [e for e in file.evidence if e.expression in file.licenses]
    return bool(applied) and all(
        e.source in ("directory", "manifest") and e.detail.split(" ", 1)[0] in declaration.sources
        for e in applied
    )


def material(concluded: Concluded) -> list[FileResult]:
    """The files whose licences count for compatibility: covered, readable and licensed."""
    return [
        f
        for f in concluded.files
        if f.path in concluded.covered and f.problem is None and _usable(f.licenses)
    ]


def license_files_in(concluded: Concluded, folder: str) -> list[FileResult]:
    """The license files directly in `folder` (LICENSES/ texts excluded)."""
    return [
        f
        for f in concluded.files
        if folder_of(f.path) == folder and classify.is_license_file(f.path) and not in_licenses_dir(f.path)
    ]


# A category's licences, by the knowledge base's kinds.
CATEGORY_KINDS = {
    "software": ("software",),
    "hardware": ("hardware",),
    "documentation": ("documentation", "content"),
    "data": ("data", "content"),
}


def effective_licenses(file: FileResult) -> tuple[str, ...]:
    """The file's licences, where an inherited declaration that ANDs the licences of a
    project's parts ('CERN-OHL-S-2.0 AND GPL-3.0-or-later AND CC-BY-SA-4.0') is read as the
    part that fits the file's category (judgement: such a declaration names the licence of
    the hardware, the firmware and the documentation, not three licences for each file)."""
    if not inherited(file):
        return file.licenses
    wanted = CATEGORY_KINDS.get(file.category, ())
    found = []
    for expression in file.licenses:
        options = compat.options(expression)
        fitting = [m for m in options[0] if _kind_fits(m, wanted)] if len(options) == 1 else []
        found.append(" AND ".join(fitting) if 0 < len(fitting) < len(options[0]) else expression)
    return tuple(dict.fromkeys(found))


def _kind_fits(member: str, wanted: tuple[str, ...]) -> bool:
    entry = knowledge.license(compat.split(member)[0].removesuffix("+"))
    return entry is not None and any(kind in entry.kind for kind in wanted)
