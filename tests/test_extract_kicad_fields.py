# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the values below are example tags and notices that are not this file's own)

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract.kicad_fields import (
    AUTHOR,
    COPYRIGHT,
    LICENSE,
    LineCounter,
    comment_evidence,
    dedupe,
    field_evidence,
    kind_of,
    mentions,
    unescape,
)
from licensecheck.model import Evidence


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("License", LICENSE),
        ("LICENCE", LICENSE),
        ("SPDX-License-Identifier", LICENSE),
        ("许可证", LICENSE),
        ("COPYRIGHT", COPYRIGHT),
        ("版权", COPYRIGHT),
        ("版權", COPYRIGHT),  # traditional characters
        ("Author", AUTHOR),
        ("DESIGNER", AUTHOR),
        ("Reference", None),
        ("Datasheet", None),
        ("ki_description", None),
    ],
)
def test_kind_of(name, kind):
    assert kind_of(name) == kind


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (rb"plain", "plain"),
        (rb"say \"hi\"", 'say "hi"'),
        (rb"back\\slash", "back\\slash"),
        (rb"two\nlines", "two\nlines"),
        (rb"tab\there", "tab\there"),
        (rb"\x41\101", "AA"),
        (rb"\8 \q", "8 q"),
        ("许可".encode(), "许可"),
        (b"\xff", "\ufffd"),
    ],
)
def test_unescape(raw, text):
    assert unescape(raw) == text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_unescape_never_fails(raw):
    assert isinstance(unescape(raw), str)


def test_license_field_kinds():
    tagged = field_evidence("SPDX-License-Identifier: CERN-OHL-S-2.0", 2, "title_block comment 2")
    assert [(e.expression, e.raw, e.line, e.detail) for e in tagged] == [
        ("CERN-OHL-S-2.0", "CERN-OHL-S-2.0", 2, "title_block comment 2")
    ]
    invalid = field_evidence("SPDX-License-Identifier: CERN OHL v2 (strong)", 2, "c")
    assert [(e.expression, e.raw) for e in invalid] == [(None, "CERN OHL v2 (strong)")]
    unknown = field_evidence("Our licence", 1, "property License", LICENSE)
    assert [(e.expression, e.raw) for e in unknown] == [(None, "Our licence")]
    assert field_evidence("Our licence", 1, "title_block comment 1") == []


def test_a_value_that_is_all_license_counts_only_in_license_and_free_text_fields():
    assert [e.expression for e in field_evidence("GPL-3.0-or-later", 1, "text")] == ["GPL-3.0-or-later"]
    assert [e.expression for e in field_evidence("MIT", 1, "property License", LICENSE)] == ["MIT"]
    company = field_evidence("MIT", 1, "title_block company", AUTHOR)
    assert [(e.is_license, e.copyright) for e in company] == [(False, "MIT")]


def test_written_value_is_kept_as_raw():
    found = field_evidence("CERN-OHL-P-2.0", 1, "c; text variable LICENSE", written="${LICENSE}")
    assert [(e.expression, e.raw) for e in found] == [("CERN-OHL-P-2.0", "${LICENSE}")]


def test_copyright_values():
    notice = field_evidence("Rev 2 - Copyright 2020 Example Labs", 1, "comment")
    assert [e.copyright for e in notice] == ["Copyright 2020 Example Labs"]
    tag = field_evidence("SPDX-FileCopyrightText: 2025 Li Lei", 1, "comment")
    assert [e.copyright for e in tag] == ["2025 Li Lei"]
    bare = field_evidence("  Example   Labs ", 1, "text variable COPYRIGHT", COPYRIGHT)
    assert [e.copyright for e in bare] == ["Example Labs"]
    designer = field_evidence("Designed by: Rafael G. Martins", 4, "title_block comment 4")
    assert [(e.copyright, e.detail) for e in designer] == [
        ("Rafael G. Martins", "title_block comment 4; designer")
    ]
    assert field_evidence("AISLER Project ID: JVSZVMBH", 4, "title_block comment 4") == []
    assert field_evidence("Authorized distributors only", 4, "title_block comment 4") == []
    assert [e.copyright for e in field_evidence("作者：李雷", 4, "title_block comment 4")] == ["李雷"]
    assert field_evidence("", 1, "property License", LICENSE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Licensed under the MIT license", True),
        ("MIT", True),
        ("released under CC0", True),
        ("© Example", True),
        ("采用木兰宽松许可证", True),
        ("Transmitter, 10k, R_0603_1608Metric", False),
        ("https://example.com/ds.pdf", False),
        ("", False),
    ],
)
def test_mentions(text, expected):
    assert mentions(text) is expected
    assert mentions(text.encode()) is expected


def test_comment_lines():
    data = (
        b"# SPDX-FileCopyrightText: 2025 Li Lei\n"
        b"  # SPDX-License-Identifier: CC-BY-SA-4.0\n"
        b'(footprint "X"\n'
        b'  (descr "# SPDX-License-Identifier: MIT")\n'  # not a comment line: inside a string
        b"\t# SPDX-License-Identifier: GPL-2.0-only\n"
        b")\n"
    )
    found = comment_evidence(data)
    assert [(e.source, e.line, e.raw or e.copyright) for e in found] == [
        ("header", 1, "2025 Li Lei"),
        ("header", 2, "CC-BY-SA-4.0"),
        ("header", 5, "GPL-2.0-only"),
    ]
    assert comment_evidence(b"\xef\xbb\xbf# SPDX-License-Identifier: MIT\n")[0].raw == "MIT"
    assert comment_evidence(b'(kicad_sch (text "#PWR01"))') == []


def test_comment_lines_after_many_hashes_that_open_no_comment():
    # each "x #1" line has a '#' after a blank, yet opens no comment: past a thousand, every line is tried
    data = b"(footprint x #1\n" * 1001 + b"# SPDX-License-Identifier: MIT\n\t# Copyright 2020 Example\n)\n"
    found = comment_evidence(data)
    assert [(e.line, e.raw or e.copyright) for e in found] == [
        (1002, "MIT"),
        (1003, "Copyright 2020 Example"),
    ]


def test_line_counter_goes_both_ways():
    data = b"a\nb\nc\nd\n"
    lines = LineCounter(data)
    assert [lines(0), lines(4), lines(2), lines(6), lines(1)] == [1, 3, 2, 4, 1]


def test_dedupe_keeps_the_first_of_each_statement():
    first = Evidence("embedded", expression="MIT", raw="MIT", line=3, detail="footprint property License")
    again = Evidence("embedded", expression="MIT", raw="MIT", line=90, detail="footprint property License")
    other = Evidence("embedded", expression="MIT", raw="MIT", line=91, detail="footprint descr")
    assert dedupe([first, again, other]) == [first, other]


# REUSE-IgnoreEnd
