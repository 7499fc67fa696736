# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags that are not this file's own)

import contextlib
import io
import time
from pathlib import Path

import pytest
from hostile import assert_mutation_harmless
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.dxf import extract

# What AutoCAD 2000 writes in its DWGPROPS record when only the author is filled in.
EMPTY_PROPERTIES = [(2, ""), (3, ""), (4, "Li Lei"), (6, ""), (7, ""), (8, "lilei"), (9, ""),
                    *[(code, "=") for code in range(300, 310)],
                    (40, "0.0"), (41, "2455022.637359514"), (42, "2458484.789939861"), (1, ""),
                    (90, "0")]  # fmt: skip


def pairs(*items) -> list[str]:
    return [f"{code:>3}\n{value}" for code, value in items]


def make_dxf(comments=(), custom=(), properties=None, lines: int = 1) -> str:
    """An AutoCAD 2004 DXF drawing: 999 comments, header custom properties, lines, DWGPROPS."""
    out = [line for text in comments for line in pairs((999, text))]
    header = [(0, "SECTION"), (2, "HEADER"), (9, "$ACADVER"), (1, "AC1018"), (9, "$INSUNITS"), (70, 4)]
    for name, value in custom:
        header += [(9, "$CUSTOMPROPERTYTAG"), (1, name), (9, "$CUSTOMPROPERTY"), (1, value)]
    out += pairs(*header, (0, "ENDSEC"), (0, "SECTION"), (2, "ENTITIES"))
    for i in range(lines):
        out += pairs((0, "LINE"), (5, f"{0x100 + i:X}"), (8, "0"), (10, f"{i}.0"), (20, "0.0"), (30, "0.0"),
                     (11, f"{i}.0"), (21, "10.0"), (31, "0.0"))  # fmt: skip
    out += pairs((0, "ENDSEC"))
    if properties is not None:
        out += pairs((0, "SECTION"), (2, "OBJECTS"), (0, "DICTIONARY"), (5, "C"), (330, "0"),
                     (100, "AcDbDictionary"), (281, 1), (3, "DWGPROPS"), (350, "19C"), (0, "XRECORD"),
                     (5, "19C"), (330, "C"), (100, "AcDbXrecord"), (280, 1), (1, "DWGPROPS COOKIE"),
                     *properties, (0, "ENDSEC"))  # fmt: skip
    out += pairs((0, "EOF"))
    return "\n".join(out) + "\n"


def run(text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return extract(Source("bezel.dxf", data, Path("/nonexistent")))


def licenses(evidence):
    return [(e.line, e.expression or e.raw, e.detail) for e in evidence if e.is_license]


def copyrights(evidence):
    return [(e.line, e.copyright, e.detail) for e in evidence if e.copyright]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_fixture_is_a_dxf_cad_programs_read():
    ezdxf = pytest.importorskip("ezdxf")
    tags = ["SPDX-License-Identifier: CERN-OHL-P-2.0"]
    text = make_dxf(tags, [("License", "CERN-OHL-P-2.0")], EMPTY_PROPERTIES)
    document = ezdxf.read(io.StringIO(text))
    assert document.header.custom_vars.properties == [("License", "CERN-OHL-P-2.0")]
    assert len(document.modelspace()) == 1
    assert not document.audit().has_errors
    assert "XRECORD" in [entity.dxftype() for entity in document.objects]


def test_drawing_without_license_gives_nothing():
    assert run(make_dxf(lines=5)) == []


def test_999_comment_tags():
    text = make_dxf(["SPDX-FileCopyrightText: 2025 Li Lei", "SPDX-License-Identifier: CERN-OHL-P-2.0"])
    found = run(text)
    assert [(e.line, e.raw, e.source) for e in found if e.is_license] == [(4, "CERN-OHL-P-2.0", "header")]
    assert copyrights(found) == [(2, "2025 Li Lei", "SPDX-FileCopyrightText")]


def test_999_comment_with_a_license_sentence():
    assert licenses(run(make_dxf(["Front bezel, released under CERN-OHL-W-2.0"]))) == [
        (2, "CERN-OHL-W-2.0", "DXF 999 comment")
    ]


def test_a_999_value_that_is_a_coordinate_is_not_a_comment():
    text = make_dxf(lines=3).replace(" 10\n1.0", " 10\n999")
    assert " 10\n999\n" in text
    assert run(text) == []


def test_header_custom_properties():
    text = make_dxf(custom=[("License", "CERN-OHL-S-2.0"), ("Copyright", "2025 Maker Team"), ("Part", "A-1")])
    found = run(text)
    license_line, copyright_line = line_of(text, "CERN-OHL-S"), line_of(text, "2025 Maker")
    assert licenses(found) == [(license_line, "CERN-OHL-S-2.0", "DXF custom property License")]
    assert copyrights(found) == [(copyright_line, "2025 Maker Team", "DXF custom property Copyright")]


def test_dwgprops_author_comments_and_custom_property():
    properties = [(code, value) for code, value in EMPTY_PROPERTIES if code not in (6, 300)]
    properties[3:3] = [(6, "Released under CERN-OHL-P-2.0"), (300, "Licence=CC-BY-SA-4.0")]
    text = make_dxf(properties=properties)
    found = run(text)
    assert copyrights(found) == [(line_of(text, "Li Lei"), "Li Lei", "DXF DWGPROPS author")]
    assert licenses(found) == [
        (line_of(text, "Released"), "CERN-OHL-P-2.0", "DXF DWGPROPS comments"),
        (line_of(text, "Licence="), "CC-BY-SA-4.0", "DXF DWGPROPS custom property Licence"),
    ]


def test_empty_dwgprops_gives_only_the_author():
    assert [c for _, c, _ in copyrights(run(make_dxf(properties=EMPTY_PROPERTIES)))] == ["Li Lei"]


def test_tag_deep_in_a_big_drawing():
    text = make_dxf(lines=20_000).replace("  0\nEOF", "999\nSPDX-License-Identifier: MIT\n  0\nEOF")
    start = time.perf_counter()
    found = run(text)
    assert time.perf_counter() - start < 1.0
    assert [(e.line, e.raw) for e in found] == [(line_of(text, "SPDX"), "MIT")]


def test_windows_line_ends_and_code_page():
    text = make_dxf(["Copyright 2025 Jos\xe9 Mart\xednez"]).replace("\n", "\r\n")
    assert copyrights(run(text.encode("cp1252"))) == [(2, "Copyright 2025 José Martínez", "Copyright")]


def test_binary_dxf_is_not_read():
    assert run(b"AutoCAD Binary DXF\r\n\x1a\x00" + bytes(range(256))) == []


def test_nul_bytes_in_ascii_dxf_are_an_extract_error():
    with pytest.raises(ExtractError):
        run(b"  0\nSECTION\n\x00\x00")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ExtractError):
        run(data)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 3000), st.binary(min_size=1, max_size=20))
def test_mutations_never_crash(position, noise):
    text = make_dxf(["SPDX-License-Identifier: MIT"], [("License", "MIT")], EMPTY_PROPERTIES).encode()
    assert_mutation_harmless(run, text, position, noise)
