# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags and notices that are not this file's own)
"""LibrePCB extractor: .lp files and .lppz archives written here as LibrePCB 1.x writes them."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.librepcb import extract, extract_archive


def _string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def make_metadata(
    name: str = "can2usb", author: str = "U. Bruhin", attributes: dict[str, str] | None = None
) -> str:
    rows = "".join(
        f" (attribute {_string(k)} (type string) (unit none) (value {_string(v)}))\n"
        for k, v in (attributes or {}).items()
    )
    return f"""(librepcb_project_metadata fcb53008-22fe-4aa8-bb70-96cf242dd318
 (name {_string(name)})
 (author {_string(author)})
 (version "v2")
 (created 2020-12-27T19:30:43Z)
{rows})
"""


def make_symbol(author: str = "LibrePCB", description: str = "Inductor European (IEC 60617)") -> str:
    return f"""(librepcb_symbol 11e1f693-0777-48e4-b3bd-b451f3c929b3
 (name "L-EU")
 (description {_string(description)})
 (keywords "inductor,inductance")
 (author {_string(author)})
 (version "0.1")
 (created 2015-03-01T20:00:00Z)
 (deprecated false)
 (category 00000000-0000-4001-8000-000000000000)
 (pin 06d55f94-1316-48cb-a20f-0d4231eced31 (name "1")
  (position -5.08 0.0) (rotation 0.0) (length 2.0)
 )
 (text bfa53c63-173f-4a47-94ab-87437f82cf73 (layer sym_names) (value "{{{{NAME}}}}")
  (align left bottom) (height 2.54) (position -3.08 1.016) (rotation 0.0)
 )
)
"""


BOARD = """(librepcb_board 565da67e-d1db-4e60-9fc1-0ba8a5c8bd0e
 (name "default")
 (default_font "newstroke.bene")
 (grid (interval 0.159) (unit millimeters))
 (thickness 1.6)
 (stroke_text 3c8a24fa-0e36-4d2a-8a4f-1b0a3d1bb7bb (layer top_legend)
  (value "{{LICENSE}}; SPDX-License-Identifier: MIT") (height 1.0) (stroke_width 0.2)
  (letter_spacing auto) (line_spacing auto)
 )
)
"""


def make_zip(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_lppz(
    license_text: str = "CC0 1.0 Universal\n\nStatement of purpose (abridged).\n", **extra
) -> bytes:
    members = {
        ".librepcb-project": "1\n",
        "can2usb.lpp": "LIBREPCB-PROJECT",
        "project/metadata.lp": make_metadata(),
        "project/settings.lp": "(librepcb_project_settings\n (library_locale_order)\n)\n",
        "boards/default/board.lp": BOARD,
        "library/sym/11e1f693-0777-48e4-b3bd-b451f3c929b3/symbol.lp": make_symbol(author="Vendor Inc."),
        "LICENSE.txt": license_text,
        "README.md": "# can2usb\n\nA CAN bus to USB interface.\n\n## License\n\nSee LICENSE.txt.\n",
    }
    members.update(extra)
    return make_zip(members)


def run(text: str | bytes, name: str = "project/metadata.lp") -> list:
    data = text.encode() if isinstance(text, str) else text
    return extract(Source(name, data, Path("/nonexistent")))


def run_archive(data: bytes) -> list:
    return extract_archive(Source("can2usb.lppz", data, Path("/nonexistent")))


def licenses(found: list) -> list[tuple[str | None, str]]:
    return [(e.expression, e.detail) for e in found if e.is_license]


def copyrights(found: list) -> list[tuple[str | None, str]]:
    return [(e.copyright, e.detail) for e in found if e.copyright]


def test_project_author_is_a_holder_with_its_field_and_line():
    found = run(make_metadata(author="Li Lei"))
    assert copyrights(found) == [("Li Lei", "project metadata author")]
    assert found[0].line == 3
    assert licenses(found) == []


def test_project_license_attribute():
    found = run(make_metadata(attributes={"LICENSE": "CERN-OHL-S-2.0", "COPYRIGHT": "2025 Li Lei"}))
    assert licenses(found) == [("CERN-OHL-S-2.0", "project metadata attribute LICENSE")]
    assert ("2025 Li Lei", "project metadata attribute COPYRIGHT") in copyrights(found)
    assert [e.line for e in found if e.is_license] == [6]


def test_project_attribute_with_a_license_name_is_mapped():
    found = run(make_metadata(attributes={"License": "Creative Commons Attribution-ShareAlike 4.0"}))
    assert [(e.expression, e.raw) for e in found if e.is_license] == [
        ("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0")
    ]


def test_other_attribute_counts_only_when_it_names_a_license():
    found = run(make_metadata(attributes={"NOTE": "Released under CERN-OHL-W-2.0", "REVISION": "C-2"}))
    assert licenses(found) == [("CERN-OHL-W-2.0", "project metadata attribute NOTE")]


def test_library_element_author_and_description():
    description = 'Generic 0603 resistor.\n\nLicensed under "CC0-1.0".'
    found = run(make_symbol(author="LibrePCB", description=description), "sym/x/symbol.lp")
    assert copyrights(found) == [("LibrePCB", "symbol author")]
    assert licenses(found) == [("CC0-1.0", "symbol description")]


def test_fields_below_the_root_are_not_read():
    text = make_symbol(author="LibrePCB").replace(
        " (pin 06d5", ' (part "X" (author "Nested Person") (description "Licensed under MIT"))\n (pin 06d5'
    )
    found = run(text, "sym/x/symbol.lp")
    assert copyrights(found) == [("LibrePCB", "symbol author")]
    assert licenses(found) == []


def test_semicolon_comments_are_comments_not_fields():
    text = (
        "; SPDX-FileCopyrightText: 2025 Li Lei\n; SPDX-License-Identifier: CERN-OHL-S-2.0\n" + make_metadata()
    )
    found = run(text)
    assert [(e.source, e.raw, e.copyright, e.line) for e in found] == [
        ("header", None, "2025 Li Lei", 1),
        ("header", "CERN-OHL-S-2.0", None, 2),
        ("embedded", None, "U. Bruhin", 5),
    ]
    assert all(e.detail.startswith("comment ") for e in found if e.source == "header")


def test_semicolon_inside_a_string_is_not_a_comment():
    found = run(BOARD, "boards/default/board.lp")
    assert found == []  # the tag is board text, not a comment, and boards are not read


def test_comment_after_a_string_on_the_same_line():
    text = make_metadata().replace('(version "v2")', '(version "v2;3") ; SPDX-License-Identifier: MIT')
    found = run(text)
    assert [(e.source, e.raw, e.line) for e in found if e.is_license] == [("header", "MIT", 4)]


def test_project_marker_file_holds_nothing():
    assert run("LIBREPCB-PROJECT", "can2usb.lpp") == []


def test_archive_reads_metadata_license_title_and_readme():
    found = run_archive(make_lppz())
    assert copyrights(found) == [("U. Bruhin", "project/metadata.lp: project metadata author")]
    assert licenses(found) == [("CC0-1.0", "LICENSE.txt title")]
    assert found[1].raw == "CC0 1.0 Universal"


def test_archive_library_elements_are_not_the_projects():
    found = run_archive(make_lppz())
    assert "Vendor Inc." not in [e.copyright for e in found]


def test_archive_in_one_top_folder_and_readme_sentence():
    inner = make_zip(
        {
            "can2usb/project/metadata.lp": make_metadata(author="Li Lei"),
            "can2usb/COPYING": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
            "can2usb/README.md": "# can2usb\n\nThis board is licensed under the CERN-OHL-S-2.0.\n",
        }
    )
    found = run_archive(inner)
    assert copyrights(found) == [("Li Lei", "can2usb/project/metadata.lp: project metadata author")]
    assert [(e.expression or e.raw, e.detail) for e in found if e.is_license] == [
        ("CERN-OHL-S-2.0", "can2usb/COPYING SPDX-License-Identifier"),
        ("CERN-OHL-S-2.0", "can2usb/README.md"),
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n", ["GPL-3.0-only"]),
        ("GNU GENERAL PUBLIC LICENSE\n\nPreamble\n", []),  # no version: not a guess at the oldest one
        ("MIT License\n\nCopyright (c) 2025 Li Lei\n", ["MIT"]),
        ("Our own terms\n\nYou may look but not touch.\n", []),
    ],
)
def test_archive_license_title(title, expected):
    found = run_archive(make_lppz(license_text=title))
    assert [e.expression for e in found if e.detail == "LICENSE.txt title"] == expected


def test_archive_license_file_copyright_line_but_not_the_stewards():
    text = "MIT License\n\nCopyright (c) 2025 Li Lei\n"
    assert ("Copyright (c) 2025 Li Lei", "LICENSE.txt Copyright") in copyrights(run_archive(make_lppz(text)))
    gpl = "GNU GENERAL PUBLIC LICENSE\nVersion 3\n\nCopyright (C) 2007 Free Software Foundation, Inc.\n"
    assert [c for c, d in copyrights(run_archive(make_lppz(gpl))) if d.startswith("LICENSE")] == []


def test_zip_bomb_archive_is_an_extract_error():
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("project/metadata.lp", "w", force_zip64=True) as member,
    ):
        for _ in range(80):
            member.write(chunk)
    with pytest.raises(ExtractError, match="inflates past"):
        run_archive(buffer.getvalue())


def test_not_a_zip_is_an_extract_error():
    with pytest.raises(ExtractError):
        run_archive(make_metadata().encode())


VALID_LP = make_metadata(attributes={"LICENSE": "MIT"}).encode()
VALID_LPPZ = make_lppz()


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes_never_crash(data):
    run(data)  # an .lp file is text: nothing to refuse
    with contextlib.suppress(ExtractError):
        run_archive(data)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([VALID_LP, VALID_LPPZ]), st.integers(0, 100_000), st.binary(max_size=16))
def test_mutations_never_crash(valid, position, insert):
    position %= len(valid)
    data = valid[:position] + insert + valid[position + len(insert) :]
    run(data)
    with contextlib.suppress(ExtractError):
        run_archive(data)


# REUSE-IgnoreEnd
