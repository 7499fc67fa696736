# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""AMF: `<metadata type=...>` of plain and zip-compressed documents."""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.amf import extract

OBJECT = (
    ' <object id="0">\n'
    "  <mesh>\n"
    "   <vertices>\n"
    + "".join(
        f"    <vertex><coordinates><x>{x}</x><y>{y}</y><z>{z}</z></coordinates></vertex>\n"
        for x, y, z in ((0, 0, 0), (10, 0, 0), (0, 10, 0), (0, 0, 10))
    )
    + "   </vertices>\n"
    "   <volume>\n"
    + "".join(
        f"    <triangle><v1>{a}</v1><v2>{b}</v2><v3>{c}</v3></triangle>\n"
        for a, b, c in ((0, 2, 1), (0, 1, 3), (0, 3, 2), (1, 2, 3))
    )
    + "   </volume>\n"
    "  </mesh>\n"
    " </object>\n"
)


def amf(metadata: list[tuple[str, str]], prelude: str = "", body: str = OBJECT) -> bytes:
    entries = "".join(f" <metadata type={quoteattr(k)}>{escape(v)}</metadata>\n" for k, v in metadata)
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n{prelude}<amf unit="millimeter" version="1.1">\n'
    return (text + entries + body + "</amf>\n").encode("utf-8")


def compressed(document: bytes, name: str = "lid.amf") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, document)
    return buffer.getvalue()


def run(data: bytes) -> list:
    return extract(Source("print/lid.amf", data, Path("/nonexistent")))


METADATA = [
    ("name", "Enclosure lid"),
    ("author", "Li Lei"),
    ("company", "Shenzhen Maker Team"),
    ("cad", "OpenSCAD 2021.01"),
    ("license", "CERN-OHL-W-2.0"),
]


def test_metadata():
    found = run(amf(METADATA))
    assert [(e.raw, e.copyright, e.detail) for e in found] == [
        (None, "Li Lei", "AMF metadata author"),
        (None, "Shenzhen Maker Team", "AMF metadata company"),
        ("CERN-OHL-W-2.0", None, "AMF metadata license"),
    ]


def test_compressed_amf():
    plain, packed = run(amf(METADATA)), run(compressed(amf(METADATA)))
    lines = [(e.line, e.detail) for e in plain]
    assert lines == [(4, "AMF metadata author"), (5, "AMF metadata company"), (7, "AMF metadata license")]
    assert packed == [replace(e, line=None) for e in plain]  # lines inside an archive are not the file's


def test_tag_in_description_and_comment():
    prelude = "<!-- SPDX-FileCopyrightText: 2025 Li Lei -->\n"
    found = run(amf([("description", "Lid. SPDX-License-Identifier: CC-BY-4.0")], prelude))
    assert [(e.source, e.raw, e.copyright, e.line) for e in found] == [
        ("header", None, "2025 Li Lei", 2),
        ("embedded", "CC-BY-4.0", None, 4),
    ]


def test_metadata_inside_objects_is_not_read():
    body = OBJECT.replace("  <mesh>", '  <metadata type="license">GPL-3.0-only</metadata>\n  <mesh>', 1)
    assert [e.raw for e in run(amf([("license", "MIT")], body=body))] == ["MIT"]


def test_geometry_is_not_parsed():
    body = OBJECT.replace("<mesh>", "<mesh <<< not xml &", 1)
    assert [e.raw for e in run(amf([("license", "MIT")], body=body))] == ["MIT"]


def test_other_root():
    with pytest.raises(ExtractError, match="not <amf>"):
        run(b'<?xml version="1.0"?><model unit="millimeter"/>')


def test_empty_archive():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w"):
        pass
    with pytest.raises(ExtractError):
        run(buffer.getvalue())


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Top Secret License", encoding="utf-8")
    prelude = f'<!DOCTYPE amf [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
    with pytest.raises(ExtractError):
        run(amf([("license", "&xxe;")], prelude).replace(b"&amp;xxe;", b"&xxe;"))


VALID = amf(METADATA, "<!-- SPDX-License-Identifier: MIT -->\n")


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=2048),
        st.integers(0, len(VALID)).map(lambda cut: VALID[:cut]),
        st.tuples(st.integers(0, len(VALID)), st.binary(min_size=1, max_size=6)).map(
            lambda t: VALID[: t[0]] + t[1] + VALID[t[0] + len(t[1]) :]
        ),
        st.integers(0, 400).map(lambda cut: compressed(VALID)[:cut]),
    )
)
def test_fuzz(data):
    start = time.perf_counter()
    try:
        found = run(data)
    except ExtractError:
        found = []
    assert isinstance(found, list)
    assert time.perf_counter() - start < 1
