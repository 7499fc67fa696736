# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""License files and READMEs packed inside a design archive (.lppz, .fzz).

A LibrePCB project archive carries the project's LICENSE.txt and README.md;
what they say is the archive's license. Only their first lines are read: SPDX
tags and copyright notices, and the license file's title ("CC0 1.0
Universal", "MIT License", "GNU GENERAL PUBLIC LICENSE / Version 3"). A title
that names a license family without its version ("GNU GENERAL PUBLIC
LICENSE") is not taken: the alias table would read it as the oldest version.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import replace
from pathlib import PurePosixPath

from licensecheck import textio
from licensecheck.archive import Archive
from licensecheck.classify import is_readme
from licensecheck.comments import STYLES
from licensecheck.extract import ExtractError
from licensecheck.extract.freetext import text_evidence
from licensecheck.extract.header import extract_header
from licensecheck.extract.values import license_expression
from licensecheck.model import Evidence

HEAD_CHARS = 16 * 1024  # the part of a license file or README that is read
TITLE_WORDS = 12

LICENSE_FILE = re.compile(r"^(?:licen[cs]e|copying|copyright|notice|unlicense)(?:[-._ ].*)?$", re.IGNORECASE)
# License texts carry their steward's own notice (the GPL's names the Free
# Software Foundation): it is the license's copyright, not the project's.
LICENSE_STEWARDS = ("Free Software Foundation", "Creative Commons", "Mozilla Foundation", "CERN")
_DIGIT = re.compile(r"\d")
_TRAILING = re.compile(r"[\s.,;:!-]+$")


# Archive lets three zipfile errors through: zlib.error from a corrupt deflate
# stream, NotImplementedError and IndexError from a corrupt directory. Until it
# converts them itself, the archive extractors open and read through these two.
_LEAKED = (zlib.error, NotImplementedError, IndexError)


def open_archive(data: bytes) -> Archive:
    try:
        return Archive(data)
    except _LEAKED as error:
        raise ExtractError(f"not a readable zip archive: {error}") from None


def read_member(archive: Archive, name: str) -> bytes:
    try:
        return archive.read(name)
    except _LEAKED as error:
        raise ExtractError(f"archive member {name!r} cannot be read: {error}") from None


def top_level(names: list[str]) -> list[str]:
    """Members at the archive's root, or in its one top folder when everything sits in one."""
    tops = {name.split("/", 1)[0] for name in names if "/" in name}
    roots = [name for name in names if "/" not in name]
    if not roots and len(tops) == 1:
        top = tops.pop()
        return [name for name in names if name.count("/") == 1 and name.startswith(top + "/")]
    return roots


def license_members(archive: Archive) -> list[Evidence]:
    """Evidence from the license files and READMEs at the top of an archive."""
    found: list[Evidence] = []
    for name in top_level(archive.names):
        base = PurePosixPath(name).name
        if LICENSE_FILE.match(base):
            found += _license_file(name, _head(archive, name))
        elif is_readme(base):
            found += text_evidence(_head(archive, name), None, name)
    return found


def _head(archive: Archive, name: str) -> str:
    decoded = textio.decode(read_member(archive, name)[: HEAD_CHARS * 4])
    return decoded.text[:HEAD_CHARS] if decoded else ""


def _license_file(name: str, text: str) -> list[Evidence]:
    found = []
    title = license_title(text)
    if title is not None:
        expression, raw = title
        found.append(
            Evidence(source="embedded", expression=expression, raw=raw, line=1, detail=name + " title")
        )
    for e in extract_header(text, STYLES["none"], source="embedded"):
        if not (e.copyright and any(steward in e.copyright for steward in LICENSE_STEWARDS)):
            found.append(replace(e, detail=f"{name} {e.detail}"))
    return found


def license_title(text: str) -> tuple[str, str] | None:
    """The license a license file's title names, and the title as written.

    >>> license_title("CC0 1.0 Universal\\n\\nStatement of Purpose")
    ('CC0-1.0', 'CC0 1.0 Universal')
    """
    lines = [line.strip() for line in text.splitlines()[:8] if line.strip() and "SPDX-" not in line][:2]
    if not lines:
        return None
    candidates = [" ".join(lines), lines[0]] if len(lines) > 1 else lines
    for candidate in candidates:
        words = candidate.split()[:TITLE_WORDS]
        for end in range(len(words), 0, -1):
            title = _TRAILING.sub("", " ".join(words[:end]))
            expression = license_expression(title) if title else None
            # A versioned license named without its version is a guess: leave it to the text match.
            if expression and (_DIGIT.search(title) or not _DIGIT.search(expression)):
                return expression, title
    return None
