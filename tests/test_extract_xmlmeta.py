# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""The leading-metadata reader shared by 3MF and AMF."""

from __future__ import annotations

import pytest

from licensecheck.extract import ExtractError
from licensecheck.extract.xmlmeta import leading_metadata

GEOMETRY = frozenset({"geometry"})


def read(data: bytes, lines: bool = True) -> tuple[str, list]:
    return leading_metadata(data, "k", GEOMETRY, "Test", lines)


def test_fields_by_kind_with_lines():
    data = (
        b'<?xml version="1.0"?>\n<r xmlns="urn:example">\n'
        b'  <metadata k="LicenseTerms">  MIT </metadata>\n'
        b'  <metadata k="Designer">Li Lei</metadata>\n'
        b'  <metadata k="Rating">5</metadata>\n'
        b"</r>\n"
    )
    root, found = read(data)
    assert root == "r"
    assert [(e.raw, e.copyright, e.line, e.detail, e.source) for e in found] == [
        ("MIT", None, 3, "Test metadata LicenseTerms", "embedded"),
        (None, "Li Lei", 4, "Test metadata Designer", "embedded"),
    ]


def test_without_lines():
    _, found = read(
        b'<r>\n<!-- SPDX-License-Identifier: MIT -->\n<metadata k="License">MIT</metadata></r>', False
    )
    assert [(e.source, e.line) for e in found] == [("header", None), ("embedded", None)]


def test_stops_at_geometry():
    data = b'<r><metadata k="License">MIT</metadata><geometry><<<broken'
    _, found = read(data)
    assert [e.raw for e in found] == ["MIT"]


def test_metadata_below_the_root_children_is_ignored():
    data = b'<r><group><metadata k="License">GPL-3.0-only</metadata></group>'
    data += b'<metadata k="License">MIT</metadata></r>'
    assert [e.raw for e in read(data)[1]] == ["MIT"]


def test_bounded(monkeypatch):
    monkeypatch.setattr("licensecheck.extract.xmlmeta.MAX_LEADING", 100)
    data = (
        b'<r><metadata k="License">MIT</metadata>'
        + b"<x/>" * 200
        + b'<metadata k="License">0BSD</metadata></r>'
    )
    assert [e.raw for e in read(data)[1]] == ["MIT"]


@pytest.mark.parametrize("data", [b"", b"<r><metadata></r>", b'<?xml version="1.0" encoding="no-such"?><r/>'])
def test_broken_xml(data):
    with pytest.raises(ExtractError):
        read(data)
