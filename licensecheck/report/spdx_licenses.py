# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""License fields of the SPDX document: what may be written, and what must be noted instead.

A value goes into a license field only when spdx-tools' own validator will accept it:
it parses, every id is on the license list spdx-tools knows, and every other id is a
`LicenseRef-` that the document then defines as extracted licensing info. Anything
else (`GPLv3`, `MIT AND`, a `DocumentRef-` we cannot resolve) becomes NOASSERTION,
with the value as written kept in a license comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from license_expression import LicenseExpression

from licensecheck.model import Evidence, FileResult
from licensecheck.pathnames import local

# Evidence read from another file (a folder's LICENSE, a manifest) is a conclusion about
# this file, not licensing information found in it (SPDX 2.3, "License information in file").
INFERRED_SOURCES = ("directory", "manifest", "design", "readme")
REFERENCE = re.compile(r"^LicenseRef-[A-Za-z0-9.-]+$")
TEXT_LIMIT = 1 << 20  # bytes of a LICENSES/LicenseRef-* text that are copied into the document
MISSING_TEXT = "licensecheck found no text for {ref} in LICENSES/ of the scanned project."
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TEXT_END = re.compile(r"</text>", re.IGNORECASE)


@dataclass(frozen=True)
class Parsed:
    expression: LicenseExpression
    references: tuple[str, ...]  # the LicenseRef- ids it uses


@lru_cache(maxsize=65536)
def parse(text: str) -> Parsed | None:
    """`text` as spdx-tools' expression, or None when its validator would refuse it."""
    from boolean.boolean import ParseError
    from license_expression import ExpressionError
    from spdx_tools.common.spdx_licensing import spdx_licensing

    try:
        parsed = spdx_licensing.parse(text, strict=True)
    except (ExpressionError, ParseError):
        return None
    if parsed is None:
        return None
    unknown = spdx_licensing.unknown_license_keys(parsed)
    if not all(REFERENCE.match(key) for key in unknown):
        return None
    return Parsed(parsed, tuple(sorted(set(unknown))))


@lru_cache(maxsize=65536)
def units(text: str) -> tuple[str, ...]:
    """The single licenses of a valid expression, each with its exception: the form
    `licenseInfoInFile` takes ("Apache-2.0 WITH LLVM-exception", "MIT")."""
    from spdx_tools.common.spdx_licensing import spdx_licensing

    found = parse(text)
    if found is None:
        return ()
    symbols = spdx_licensing.license_symbols(found.expression, unique=True, decompose=False)
    return tuple(str(symbol) for symbol in symbols)


def clean_text(text: str) -> str:
    """Free text safe in both formats: no control characters, and no `</text>` that would
    end a tag-value text block early."""
    return _TEXT_END.sub("</ text>", _NOT_TEXT.sub("\ufffd", text))


@dataclass
class References:
    """The LicenseRef- ids the document uses, collected while it is built."""

    used: set[str] = field(default_factory=set)

    def take(self, text: str) -> LicenseExpression | None:
        found = parse(text)
        if found is None:
            return None
        self.used.update(found.references)
        return found.expression


@dataclass(frozen=True)
class FileLicenses:
    concluded: str | None  # None: NOASSERTION
    in_file: tuple[str, ...]  # license units found in the file, sorted
    unwritable: bool  # some license information in the file could not be written
    notes: tuple[str, ...]  # what could not be written, and where the conclusion came from


def file_licenses(file: FileResult) -> FileLicenses:
    notes: list[str] = []
    in_file: set[str] = set()
    unwritable = False
    for item in file.evidence:
        if not item.is_license or not _found_in(item, file.path):
            continue
        found = units(item.expression) if item.expression else ()
        in_file.update(found)
        if not found:
            unwritable = True
            notes.append(f"not a valid SPDX expression, as written: {item.raw or item.expression}")
    concluded = None
    if file.licenses:
        combined = _combine_and(file.licenses)
        if parse(combined) is None:
            notes.append(f"licensecheck concluded an expression SPDX does not accept: {combined}")
        else:
            concluded = combined
            notes.append("license evidence licensecheck read: " + "; ".join(_origins(file.evidence)))
    return FileLicenses(concluded, tuple(sorted(in_file)), unwritable, tuple(dict.fromkeys(notes)))


def _found_in(item: Evidence, path: str) -> bool:
    return item.source not in INFERRED_SOURCES or item.holder == path


def _origins(evidence: tuple[Evidence, ...]) -> list[str]:
    origins = []
    for item in evidence:
        if item.is_license and item.expression:
            where = f" line {item.line}" if item.line else ""
            detail = f" ({item.detail})" if item.detail else ""
            origins.append(f"{item.source}{where}{detail}")
    return list(dict.fromkeys(origins)) or ["(no evidence recorded)"]


def _combine_and(expressions: tuple[str, ...]) -> str:
    unique = list(dict.fromkeys(expressions))
    if len(unique) == 1:
        return unique[0]
    return " AND ".join(f"({e})" for e in unique)


def declared(expressions: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The project's declared license as one expression, and a note when it cannot be
    written. Several declarations (texts in LICENSES/, LICENSE-MIT beside LICENSE-APACHE)
    do not say how they combine: all of them (AND) would overstate what a user must meet,
    a choice (OR) understate it; NOASSERTION, with the note naming them, says neither."""
    if not expressions:
        return None, None
    if len(expressions) > 1:
        return None, "the project names several licenses without saying how they combine: " + "; ".join(
            expressions
        )
    if parse(expressions[0]) is None:
        return None, f"the project declares what SPDX does not accept: {expressions[0]}"
    return expressions[0], None


def reference_text(ref: str, paths: list[str], root: Path) -> tuple[str, str | None]:
    """The text of LICENSES/<ref>.<ext> (or LICENSES/<ref>) when the scan found one, and
    the file it came from; else a note that says so."""
    from licensecheck.extract import ExtractError
    from licensecheck.extract.file import read_bytes

    for path in sorted(paths):
        pure = PurePosixPath(path)
        if pure.parent != PurePosixPath("LICENSES") or ref not in (pure.stem, pure.name):
            continue
        try:
            data = read_bytes(root / local(path), TEXT_LIMIT)
        except (OSError, ExtractError):
            continue
        text = clean_text(data.decode("utf-8", "replace")).strip()
        if text:
            return text, path
    return MISSING_TEXT.format(ref=ref), None
