# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The streaming XML reader and the metadata-field table shared by 3MF, AMF and FreeCAD."""

from __future__ import annotations

import pytest

from licensecheck.extract import ExtractError
from licensecheck.extract.xmlmeta import (
    MAX_ENTRIES,
    events,
    field_evidence,
    field_kind,
    leading_metadata,
    local,
    text_evidence,
)


def test_local_name():
    assert local("{http://schemas.microsoft.com/3dmanufacturing/core/2015/02}metadata") == "metadata"
    assert local("metadata") == "metadata"
    assert local(None) == ""


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("LicenseTerms", "license"),
        ("cura:LicenseTerms", "license"),
        ("Designer", "holder"),
        ("COPYRIGHT", "copyright"),
        ("Title", "text"),
        ("Rating", None),
        ("slic3rpe:Version3mf", None),
    ],
)
def test_field_kind(name, kind):
    assert field_kind(name) == kind


def test_events_turn_parse_errors_into_extract_errors():
    with pytest.raises(ExtractError, match="not well-formed"):
        list(events(b"<a><b></a>"))
    with pytest.raises(ExtractError):
        list(events(b'<?xml version="1.0" encoding="no-such-codec"?><a/>'))
    with pytest.raises(ExtractError):
        list(events(b""))


def test_leading_metadata_stops_at_geometry():
    data = b'<r><metadata k="a">1</metadata><!-- c --><geometry><<<broken'
    root, found = leading_metadata(data, "k", frozenset({"geometry"}))
    assert (root, found.entries, found.comments) == ("r", [("a", "1")], [" c "])


def test_leading_metadata_keeps_a_bounded_number_of_entries():
    data = b"<r>" + b'<metadata k="a">1</metadata>' * (MAX_ENTRIES + 50) + b"</r>"
    _, found = leading_metadata(data, "k", frozenset())
    assert len(found.entries) == MAX_ENTRIES


def test_field_evidence_by_kind():
    [license_] = field_evidence("license", "  MIT ", "3MF metadata License")
    assert (license_.raw, license_.detail, license_.source) == ("MIT", "3MF metadata License", "embedded")
    [holder] = field_evidence("holder", "Li Lei", "3MF metadata Designer")
    assert (holder.copyright, holder.is_license) == ("Li Lei", False)
    assert field_evidence("license", "   ", "x") == []
    assert field_evidence("text", "A plant pot", "x") == []


def test_text_evidence_prefers_tags_over_prose():
    found = text_evidence("Once licensed under the GPL-2.0-only.\nSPDX-License-Identifier: MIT", "d")
    assert [(e.raw, e.detail, e.line) for e in found] == [("MIT", "d", None)]
    [prose] = text_evidence("Licensed under the GPL-2.0-only.", "d")
    assert (prose.expression, prose.raw) == ("GPL-2.0-only", "Licensed under the GPL-2.0-only.")


def test_leading_metadata_is_bounded(monkeypatch):
    monkeypatch.setattr("licensecheck.extract.xmlmeta.MAX_LEADING", 100)
    data = b'<r><metadata k="a">1</metadata>' + b"<x/>" * 200 + b'<metadata k="b">2</metadata></r>'
    _, found = leading_metadata(data, "k", frozenset())
    assert found.entries == [("a", "1")]
