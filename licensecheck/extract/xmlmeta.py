# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""The `<metadata>` children a mesh document's root has before its geometry (3MF, AMF).

Both formats put a few named metadata elements at the top of a document whose
bulk is vertices: `<metadata name="LicenseTerms">` in 3MF, `<metadata
type="author">` in AMF. `leading_metadata` streams the document and stops at
the first geometry element, so a model of hundreds of megabytes costs no more
than its first lines; each value goes through `fields.field_evidence`, which
reads the field's kind from its name (`LicenseTerms` and `cura:License` hold
a license, `Copyright` a notice, `Designer` and `author` a holder; `Title` and
`Description` are free text that may carry a tag or a license sentence).
XML comments before the geometry are read for tags too.
"""

from __future__ import annotations

from dataclasses import replace

from licensecheck.extract.fields import comment_evidence, field_evidence
from licensecheck.extract.xmlstream import Stop, attribute, parse
from licensecheck.model import Evidence

MAX_LEADING = 10_000  # elements read before the geometry; real files have a few dozen
METADATA = "metadata"


class _Head:
    """xmlstream handler: the root's metadata children and comments until `stop`."""

    def __init__(self, key: str, stop: frozenset[str], label: str, lines: bool) -> None:
        self.key, self.stop, self.label, self.lines = key, stop, label, lines
        self.root = ""
        self.depth = self.started = 0
        self.field: tuple[str, int] | None = None  # the metadata element open at depth 2: name, line
        self.found: list[Evidence] = []

    def start(self, tag: str, attributes: list[str], line: int) -> None:
        self.depth += 1
        self.started += 1
        if self.depth == 1:
            self.root = tag
        elif (self.depth == 2 and tag in self.stop) or self.started > MAX_LEADING:
            raise Stop
        elif self.depth == 2 and tag == METADATA:
            self.field = (attribute(attributes, self.key), line)

    def end(self, tag: str, text: str | None) -> None:
        if self.depth == 2 and self.field is not None:
            name, line = self.field
            detail = f"{self.label} metadata {name}"
            self.found += field_evidence(name, text or "", line if self.lines else None, detail)
            self.field = None
        self.depth -= 1

    def comment(self, text: str, line: int) -> None:
        if self.depth <= 1:
            found = comment_evidence(text, "html", line, f"{self.label} comment", ("<!--", "-->"))
            self.found += found if self.lines else [replace(e, line=None) for e in found]


def leading_metadata(
    data: bytes, key: str, stop: frozenset[str], label: str, lines: bool
) -> tuple[str, list[Evidence]]:
    """The local name of the document's root, and the evidence its leading metadata gives.

    `key` is the attribute naming a field ("name" in 3MF, "type" in AMF);
    `lines` is False for a part inside an archive, whose line numbers are not
    the file's; `label` starts each evidence's detail ("3MF metadata Designer").
    """
    head = _Head(key, stop, label, lines)
    parse(data, head, frozenset({METADATA}))
    return head.root, head.found
