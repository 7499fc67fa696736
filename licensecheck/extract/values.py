# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""License and copyright values found in design-file fields, turned into evidence.

A field may hold an SPDX expression, a tag line (`SPDX-License-Identifier: ...`),
a license name ("Creative Commons Attribution-ShareAlike 4.0", FreeCAD's "CC-BY-SA",
"木兰宽松许可证 第2版") or a URL; names and URLs go through the knowledge base's alias
table. The raw value is kept; a value that maps to nothing stays raw, so the
`unknown-license` or `invalid-license-expression` rule reports it with its text.
"""

from __future__ import annotations

import re

from licensecheck import expression
from licensecheck.model import Evidence

_TAG = re.compile(r"SPDX-License-Identifier\s*:\s*(.+)", re.IGNORECASE)
_COPYRIGHT_TAG = re.compile(r"SPDX-FileCopyrightText\s*:\s*(.+)", re.IGNORECASE)
MAX_VALUE = 1000


def _alias(text: str, ambiguous: bool) -> str | None:
    try:
        from licensecheck import knowledge
    except ImportError:
        return None
    found = knowledge.alias(text)
    if found is None or (found[1] and not ambiguous):
        return None
    # Some aliases name a deprecated id ("LGPL 2.1" -> LGPL-2.1): results hold current ones.
    return expression.normalize(found[0]) or found[0]


def license_expression(value: str, ambiguous: bool = True) -> str | None:
    """The SPDX expression a field value stands for, or None when it names nothing known.
    `ambiguous`: whether a name the knowledge base marks ambiguous ("BSD", "GPLv3") may stand
    for its likeliest license; a design field's free text gets that reading, a manifest's
    license field, meant to hold an SPDX expression, does not."""
    text = value.strip()[:MAX_VALUE]
    tagged = _TAG.search(text)
    if tagged:
        text = tagged.group(1).strip()
    if expression.names_unknown_ids(text):  # the parse would be thrown away: names only
        return _alias(text, ambiguous)
    analysis = expression.analyze(text)
    if analysis.normalized and not analysis.unknown:
        return analysis.normalized
    return _alias(text, ambiguous)


def license_evidence(value: str, line: int | None, detail: str) -> Evidence | None:
    """Evidence for a license field; None for an empty field."""
    text = value.strip()[:MAX_VALUE]
    if not text:
        return None
    mapped = license_expression(text)
    return Evidence(source="embedded", expression=mapped, raw=text, line=line, detail=detail)


def copyright_evidence(value: str, line: int | None, detail: str) -> Evidence | None:
    text = value.strip()[:MAX_VALUE]
    tagged = _COPYRIGHT_TAG.search(text)
    if tagged:
        text = tagged.group(1).strip()
    if not text:
        return None
    return Evidence(source="embedded", copyright=text, line=line, detail=detail)


# Phrases that introduce a license in free text: "Licensed under the CERN-OHL-P v2",
# "Released under CERN Open Hardware Licence Version 2 - Strongly Reciprocal",
# "Licensing: Creative Commons ShareAlike 4.0", "许可证：木兰宽松许可证 第2版".
_INTRODUCERS = re.compile(
    r"(?:licen[cs]ed\s+under|released\s+under|distributed\s+under|available\s+under|"
    r"licen[cs]ing\s*:|licen[cs]e\s*:|许可证?\s*[:：]|协议\s*[:：]|采用)\s*(?:the\s+|terms\s+of\s+the\s+)?(.+)",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://[^\s\"'<>)]+", re.IGNORECASE)
_SPDX_LIKE = re.compile(r"\b[A-Za-z][A-Za-z0-9.+]*(?:-[A-Za-z0-9.+]+)+\b")
_TRAILING = re.compile(r"[\s.,;:!)\]}>\"'*]+$")


def _phrase_match(phrase: str) -> str | None:
    """The longest leading part of `phrase` that names a license."""
    words = phrase.split()[:16]
    for end in range(len(words), 0, -1):
        candidate = _TRAILING.sub("", " ".join(words[:end]))
        if not candidate:
            continue
        found = license_expression(candidate)
        if found:
            return found
    return None


def license_in_text(text: str) -> str | None:
    """The license a free-text field names ("Licensed under the CERN-OHL-P v2"), or None.

    Looks, in order, at an SPDX tag, a phrase introducing a license, a license URL,
    and an SPDX id written in the text; prose that names no license gives None.
    """
    text = text[:MAX_VALUE]
    tagged = _TAG.search(text)
    if tagged:
        return license_expression(tagged.group(1))
    for introduced in _INTRODUCERS.finditer(text):
        found = _phrase_match(introduced.group(1))
        if found:
            return found
    for url in _URL.findall(text):
        found = _alias(_TRAILING.sub("", url), ambiguous=True)
        if found:
            return found
    for token in _SPDX_LIKE.findall(text):
        analysis = expression.analyze(token)
        if analysis.normalized and not analysis.unknown and (expression.is_spdx_license(token)):
            return analysis.normalized
    return None
