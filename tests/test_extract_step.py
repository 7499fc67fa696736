# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags that are not this file's own)

import contextlib
import time
from pathlib import Path

import pytest
from hostile import assert_mutation_harmless
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.step import decode, extract, extract_iges


def p21(text: str) -> str:
    """A Python string written as a Part 21 string literal."""
    return "'" + text.replace("'", "''") + "'"


def make_step(
    comments=(),
    description="Enclosure lid",
    authors=("Li Lei",),
    organizations=("Shenzhen Maker Team",),
    authorization="",
    data=(),
    points: int = 3,
) -> str:
    """An AP214 STEP file as Open CASCADE (FreeCAD) writes it."""
    people = ",".join(p21(a) for a in authors)
    companies = ",".join(p21(o) for o in organizations)
    lines = ["ISO-10303-21;", "HEADER;", *comments,
             f"FILE_DESCRIPTION(({p21(description)}),'2;1');",
             f"FILE_NAME('lid.step','2025-03-01T10:00:00',({people}),({companies}),",
             f"  'Open CASCADE STEP processor 7.6','FreeCAD',{p21(authorization)});",
             "FILE_SCHEMA(('AUTOMOTIVE_DESIGN { 1 0 10303 214 1 1 1 1 }'));", "ENDSEC;", "DATA;"]  # fmt: skip
    lines += [f"#{i + 1}=CARTESIAN_POINT('',({i}.,0.,0.));" for i in range(points)]
    lines += [*data, "ENDSEC;", "END-ISO-10303-21;"]
    return "\n".join(lines) + "\n"


def run(text: str | bytes, name: str = "lid.step"):
    data = text.encode() if isinstance(text, str) else text
    return extract(Source(name, data, Path("/nonexistent")))


def licenses(evidence):
    return [(e.line, e.expression or e.raw, e.detail) for e in evidence if e.is_license]


def copyrights(evidence):
    return [(e.line, e.copyright, e.detail) for e in evidence if e.copyright]


def test_fixture_is_a_part21_file():
    p21_reader = pytest.importorskip("steputils.p21")
    text = make_step(["/* SPDX-License-Identifier: CERN-OHL-W-2.0 */"], authors=("O'Brien",))
    document = p21_reader.loads(text)
    assert "FILE_NAME" in str(document.header["FILE_NAME"])
    assert len(document.data[0]) == 3


def test_norms_example_header():
    text = make_step(
        ["/* SPDX-FileCopyrightText: 2025 Li Lei */", "/* SPDX-License-Identifier: CERN-OHL-W-2.0 */"],
        description="Enclosure lid, CERN-OHL-W-2.0",
    )
    found = run(text)
    assert [(e.line, e.raw, e.source) for e in found if e.source == "header"] == [
        (3, None, "header"),
        (4, "CERN-OHL-W-2.0", "header"),
    ]
    assert licenses([e for e in found if e.source == "embedded"]) == [
        (5, "CERN-OHL-W-2.0", "STEP FILE_DESCRIPTION")
    ]
    assert copyrights(found) == [
        (3, "2025 Li Lei", "SPDX-FileCopyrightText"),
        (6, "Li Lei", "STEP FILE_NAME author"),
        (6, "Shenzhen Maker Team", "STEP FILE_NAME organization"),
    ]


def test_strings_are_decoded():
    found = run(make_step(authors=("O'Brien", "\\X2\\674E96F7\\X0\\"), organizations=("Caf\\X\\E9 Lab",)))
    assert [c for _, c, _ in copyrights(found)] == ["O'Brien", "李雷", "Café Lab"]
    raw_bytes = make_step(authors=("José", "李雷")).encode("utf-8")
    assert [c for _, c, _ in copyrights(run(raw_bytes))] == ["José", "李雷", "Shenzhen Maker Team"]
    latin = make_step(authors=("José",)).encode("latin-1")
    assert [c for _, c, _ in copyrights(run(latin))] == ["José", "Shenzhen Maker Team"]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Li Lei''s part", "Li Lei's part"),
        ("\\X2\\674E96F7\\X0\\", "李雷"),
        ("\\X4\\0001F600\\X0\\", "\U0001f600"),
        ("Caf\\X\\E9", "Café"),
        ("\\PA\\Caf\\S\\i", "Café"),
        ("back\\\\slash", "back\\slash"),
    ],
)
def test_decode(raw, text):
    assert decode(raw) == text


def test_exporter_placeholders_are_not_people():
    found = run(make_step(authors=("Pcbnew",), organizations=("Kicad",)))
    assert copyrights(found) == []
    assert run(make_step(authors=("",), organizations=("Author", "Unknown"))) == []


def test_authorization_with_a_notice():
    found = run(make_step(authors=(), organizations=(), authorization="Copyright 2025 Shenzhen Maker Team"))
    assert copyrights(found) == [(5, "Copyright 2025 Shenzhen Maker Team", "STEP FILE_NAME authorization")]


def test_solidworks_layout_gives_each_author_its_line():
    text = (
        "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION (( 'STEP AP214' ),\n    '1' );\n"
        "FILE_NAME ('5001.STEP',\n    '2007-12-17T15:34:12',\n    ( 'Richard Maletta' ),\n    ( '' ),\n"
        "    'SwSTEP 2.0',\n    'SolidWorks 2007',\n    '' );\nFILE_SCHEMA (( 'AUTOMOTIVE_DESIGN' ));\n"
        "ENDSEC;\n\nDATA;\n#1 = DIRECTION ( 'NONE',  ( 0.0, 0.0, -1.0 ) ) ;\nENDSEC;\nEND-ISO-10303-21;\n"
    )
    assert copyrights(run(text)) == [(7, "Richard Maletta", "STEP FILE_NAME author")]


def test_comment_in_data_section_is_found():
    text = make_step(data=["/* SPDX-License-Identifier: MIT */"], points=5000, authors=(), organizations=())
    line = text[: text.index("SPDX")].count("\n") + 1
    assert [(e.line, e.raw) for e in run(text)] == [(line, "MIT")]


def test_license_sentence_in_a_header_comment():
    found = run(make_step(["/* Licensed under the CERN-OHL-P-2.0 */"], authors=(), organizations=()))
    assert licenses(found) == [(3, "CERN-OHL-P-2.0", "STEP comment")]


@pytest.mark.parametrize(
    "text",
    [
        "ISO-10303-21;\nHEADER;\n/* unterminated" + " x" * 50_000,
        "ISO-10303-21;\nHEADER;\nFILE_NAME('" + "''" * 50_000,
        "ISO-10303-21;\nHEADER;\n" + "/*/" * 50_000,
    ],
)
def test_unterminated_comment_or_string_is_read_once(text):
    start = time.perf_counter()
    run(text)
    assert time.perf_counter() - start < 1.0


def test_not_a_step_file_is_an_extract_error():
    with pytest.raises(ExtractError):
        run("solid cube\nendsolid cube\n")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ExtractError):
        run(data)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2000), st.binary(min_size=1, max_size=20))
def test_mutations_never_crash(position, noise):
    text = make_step(["/* SPDX-License-Identifier: MIT */"], authors=("O'Brien", "\\X2\\674E\\X0\\")).encode()
    assert_mutation_harmless(run, text, position, noise)


# --- IGES ----------------------------------------------------------------------------------


def record(text: str, section: str, number: int) -> str:
    return f"{text:<72}{section}{number:>7}"


def hollerith(text: str) -> str:
    return f"{len(text)}H{text}"


def make_iges(start=("Bracket for the plant controller.",), author="Li Lei", organization="Maker Team",
              delimiters=("1H,", "1H;")) -> str:  # fmt: skip
    """An IGES 5.3 file with one line entity (type 110)."""
    start_lines = [record(text, "S", i) for i, text in enumerate(start, 1)]
    parameters = [*delimiters, hollerith("bracket"), hollerith("bracket.igs"), hollerith("CADTOOL"),
                  hollerith("1.0"), "32", "38", "6", "308", "15", hollerith("bracket"), "1.0", "2",
                  hollerith("MM"), "1", "0.01", hollerith("20250301.100000"), "0.001", "100.0",
                  hollerith(author), hollerith(organization), "11", "0",
                  hollerith("20250301.100000")]  # fmt: skip
    separator = "," if delimiters[0] in ("", "1H,") else delimiters[0][2]
    text = separator.join(parameters) + ";"
    global_lines = [record(text[i : i + 72], "G", n) for n, i in enumerate(range(0, len(text), 72), 1)]
    directory = [
        record(f"{110:>8}{1:>8}{0:>8}{0:>8}{0:>8}{0:>8}{0:>8}{0:>8}{'00000000':>8}", "D", 1),
        record(f"{110:>8}{0:>8}{0:>8}{1:>8}{0:>8}{'':>8}{'':>8}{'':>8}{0:>8}", "D", 2),
    ]
    data = [f"{'110,0.,0.,0.,10.,0.,0.;':<64}{1:>8}P{1:>7}"]
    counts = f"S{len(start_lines):>7}G{len(global_lines):>7}D{len(directory):>7}P{len(data):>7}"
    return "\n".join([*start_lines, *global_lines, *directory, *data, record(counts, "T", 1)]) + "\n"


def run_iges(text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return extract_iges(Source("bracket.igs", data, Path("/nonexistent")))


def test_iges_records_are_80_columns():
    assert {len(line) for line in make_iges().splitlines()} == {80}


def test_iges_global_author_and_organization():
    found = run_iges(make_iges(author="Li Lei, Shenzhen", organization="Shenzhen Maker Team"))
    assert copyrights(found) == [
        (3, "Li Lei, Shenzhen", "IGES global author"),
        (3, "Shenzhen Maker Team", "IGES global organization"),
    ]


def test_iges_default_delimiters():
    found = run_iges(make_iges(delimiters=("", ""), author="Jane Maker"))
    assert [c for _, c, _ in copyrights(found)] == ["Jane Maker", "Maker Team"]


def test_iges_start_section_tag_and_sentence():
    tagged = run_iges(make_iges(start=("Bracket.", "SPDX-License-Identifier: CERN-OHL-W-2.0")))
    assert [(e.line, e.raw, e.source) for e in tagged if e.is_license] == [(2, "CERN-OHL-W-2.0", "header")]
    sentence = run_iges(make_iges(start=("Bracket. Released under the CERN Open Hardware Licence",
                                         "Version 2 - Weakly Reciprocal")))  # fmt: skip
    assert licenses(sentence) == [(1, "CERN-OHL-W-2.0", "IGES start section")]


def test_not_iges_is_an_extract_error():
    with pytest.raises(ExtractError):
        run_iges("just some text\n")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2000), st.binary(min_size=1, max_size=20))
def test_iges_mutations_never_crash(position, noise):
    text = make_iges(start=("SPDX-License-Identifier: MIT",)).encode()
    position %= len(text)
    with contextlib.suppress(ExtractError):
        run_iges(text[:position] + noise + text[position + len(noise) :])
