# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Declared licences: what the project, a folder's license file or a manifest says.

Read from the concluded scan: the project's declaration at the root, license files
(LICENSE, COPYING, ...) in sub-folders, and manifests with a license field
(package.json, library.json, pyproject.toml, Cargo.toml, library.properties).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from licensecheck import compat
from licensecheck.conclude import Concluded, folder_of, in_licenses_dir
from licensecheck.extract.readme_parts import PartLicences, part_licences
from licensecheck.model import Evidence, FileResult

T = TypeVar("T")

IGNORED = frozenset({"NONE", "NOASSERTION"})


@dataclass(frozen=True)
class Declaration:
    folder: str  # "" for the root
    expressions: tuple[str, ...]
    sources: tuple[str, ...]  # the files that declare it


def _usable(expressions) -> tuple[str, ...]:
    return tuple(e for e in expressions if e and e.upper() not in IGNORED)


def _any_usable(expressions: tuple[str, ...]) -> bool:
    # `_usable(expressions)` is not empty; in C, as it is asked of every file.
    return bool(expressions) and not _UNUSABLE.issuperset(map(str.upper, expressions))


_UNUSABLE = IGNORED | {""}


def license_files(concluded: Concluded) -> dict[str, Declaration]:
    """Folder -> what its license files declare; the root holds the project's declaration."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for file in concluded.files:
        if file.path in concluded.license_files and not in_licenses_dir(file.path) and "/" in file.path:
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


def nearest(path: str, table: dict[str, T]) -> T | None:
    """The value for the file's folder or its nearest ancestor in `table` (folder -> value): a
    declaration, a license file that cuts a folder off."""
    return _nearest_to_folder(folder_of(path), table)


def _nearest_to_folder(folder: str, table: dict[str, T]) -> T | None:
    while True:
        if folder in table:
            return table[folder]
        if not folder:
            return None
        folder = folder_of(folder)


def readme_parts(concluded: Concluded) -> PartLicences | None:
    """The licences the root README's licence section gives the project's parts (readme_parts)."""
    return part_licences((file.path, file.evidence) for file in concluded.files)


class Nearest:
    """`nearest` for every file of a tree: each folder's answer is worked out once."""

    def __init__(self, table: dict[str, Declaration], parts: PartLicences | None = None) -> None:
        self.table = table
        self.parts = parts  # readme_parts
        self._by_folder: dict[str, Declaration | None] = {}

    def of_file(self, file: FileResult) -> Declaration | None:
        """The declaration a file is weighed against: its folder's (`nearest`), unless that is
        the project's and the README gives the file's part a licence of its own, which the file
        states (a board under CERN-OHL-W beside the maker's MIT LICENSE, as the README's table
        says). A file that only took its folder's licence stays under its folder's."""
        declaration = self(file.path)
        if declaration is None or declaration.folder or self.parts is None:
            return declaration
        part = self.parts.of(file.path, file.category)
        if part is None or (inherited(file) and not given_by_readme(file)):
            return declaration
        return Declaration("", part[1], (self.parts.readme,))

    def __call__(self, path: str) -> Declaration | None:
        folder = folder_of(path)
        try:
            return self._by_folder[folder]
        except KeyError:
            found = self._by_folder[folder] = _nearest_to_folder(folder, self.table)
            return found


def manifests(concluded: Concluded) -> list[Declaration]:
    """Each manifest's license field, as a declaration for the manifest's folder."""
    found = []
    for file in concluded.files:
        for item in file.evidence:  # most files have no manifest evidence: a plain loop says so fastest
            if item.source == "manifest":
                break
        else:
            continue
        own = [
            e.expression
            for e in file.evidence
            if e.source == "manifest" and e.expression and e.detail.startswith(file.path + " ")
        ]
        if own and _usable(own):
            found.append(Declaration(folder_of(file.path), _usable(own), (file.path,)))
    return found


INHERITING_SOURCES = ("directory", "manifest", "readme")


def inherited(file: FileResult) -> bool:
    """The file's licences come only from a folder's license file or manifest."""
    licenses = file.licenses
    applied = False
    for item in file.evidence:
        if item.expression in licenses:
            if item.source not in INHERITING_SOURCES:
                return False
            applied = True
    return applied


def given_by_readme(file: FileResult) -> list[Evidence]:
    """The evidence of a licence the file takes from the part a README gives one (conclude)."""
    return [item for item in file.evidence if item.source == "readme" and item.expression in file.licenses]


def inherited_from(file: FileResult, declaration: Declaration) -> bool:
    """The file's licences are the declaration's own (a folder fallback), not a statement of its own."""
    licenses = file.licenses
    applied = False
    for item in file.evidence:
        if item.expression in licenses:
            if item.source not in INHERITING_SOURCES or item.holder not in declaration.sources:
                return False
            applied = True
    return applied


def material(concluded: Concluded) -> list[FileResult]:
    """The files whose licences count for compatibility: covered, readable and licensed."""
    covered = concluded.covered
    return [f for f in concluded.files if f.path in covered and f.problem is None and _any_usable(f.licenses)]


def license_files_in(concluded: Concluded, folder: str) -> list[FileResult]:
    """The license files directly in `folder` (LICENSES/ texts excluded)."""
    return license_files_by_folder(concluded).get(folder, [])


def license_files_by_folder(concluded: Concluded) -> dict[str, list[FileResult]]:
    """Folder -> the license files directly in it (LICENSES/ texts excluded), in tree order."""
    found: dict[str, list[FileResult]] = {}
    for file in concluded.files:
        if file.path in concluded.license_files and not in_licenses_dir(file.path):
            found.setdefault(folder_of(file.path), []).append(file)
    return found


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
    return _category_parts(file.licenses, file.category)


@lru_cache(maxsize=4096)
def _category_parts(expressions: tuple[str, ...], category: str) -> tuple[str, ...]:
    # Remembered: every file under one license file inherits the same expressions.
    wanted = CATEGORY_KINDS.get(category, ())
    found = []
    for expression in expressions:
        options = compat.options(expression)
        fitting = [m for m in options[0] if _kind_fits(m, wanted)] if len(options) == 1 else []
        found.append(" AND ".join(fitting) if 0 < len(fitting) < len(options[0]) else expression)
    return tuple(dict.fromkeys(found))


def _kind_fits(member: str, wanted: tuple[str, ...]) -> bool:
    entry = compat.entry(member)
    return entry is not None and any(kind in entry.kind for kind in wanted)
