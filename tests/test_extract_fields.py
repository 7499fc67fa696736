# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags that are not this file's own)

import pytest

from licensecheck.extract import fields
from licensecheck.extract.fields import field_evidence, field_kind, tags_after


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("License", "license"),
        ("LICENCE", "license"),
        ("LicenseTerms", "license"),
        ("SPDX-License-Identifier", "license"),
        ("SPDX-FileCopyrightText", "copyright"),
        ("Copyright", "copyright"),
        ("dc:rights", "copyright"),
        ("Author", "holder"),
        ("Designer", "holder"),
        ("Company", "holder"),
        ("Organisation", "holder"),
        (".ProjectId", None),
        (".CreationDate", None),
        ("Finish", None),
    ],
)
def test_field_kind(name, kind):
    assert field_kind(name) == kind


def test_field_evidence_by_kind():
    (license_,) = field_evidence("License", "CERN-OHL-S-2.0", 3, "attribute License")
    assert (license_.source, license_.expression, license_.line) == ("embedded", "CERN-OHL-S-2.0", 3)
    (holder,) = field_evidence("Designer", "Li Lei", 4, "attribute Designer")
    assert (holder.copyright, holder.detail) == ("Li Lei", "attribute Designer")
    assert field_evidence("Author", "  Unknown ", 5, "author") == []
    assert field_evidence("Part", "A-1 bracket", 6, "attribute Part") == []


def test_text_evidence_finds_notices_tags_and_sentences():
    found = fields.text_evidence("Copyright 2025 Li Lei\nLicensed under the CERN-OHL-P-2.0", 7, "description")
    assert [(e.source, e.copyright, e.expression, e.line) for e in found] == [
        ("embedded", "Copyright 2025 Li Lei", None, 7),
        ("embedded", None, "CERN-OHL-P-2.0", 7),
    ]


def test_comment_evidence_keeps_file_lines_and_strips_syntax():
    body = " SPDX-License-Identifier: MIT\n SPDX-FileCopyrightText: 2025 Li Lei "
    found = fields.comment_evidence(body, "c-block", 10, "comment", ("/*", "*/"))
    assert [(e.line, e.raw or e.copyright) for e in found] == [(10, "MIT"), (11, "2025 Li Lei")]


def test_tags_after_counts_lines_from_the_start_of_the_data():
    data = b"head\nSPDX-License-Identifier: MIT\n" + b"x\r\n" * 1000
    data += b"; SPDX-License-Identifier: Apache-2.0\r\n"
    found = tags_after(data, len(b"head\n"), "semicolon")
    assert [(e.line, e.raw) for e in found] == [(2, "MIT"), (1003, "Apache-2.0")]
    assert tags_after(data, len(b"head\nSPDX"), "semicolon") == [found[1]]


def test_tags_after_on_a_huge_line_reads_a_window():
    data = b"G04 x*" * 100_000 + b"G04 SPDX-License-Identifier: CERN-OHL-S-2.0*" + b"X1Y1D01*" * 100_000
    assert [(e.line, e.raw) for e in tags_after(data, 0, "gerber")] == [(1, "CERN-OHL-S-2.0")]


def test_tags_after_stops_at_end():
    data = b"a\nSPDX-License-Identifier: MIT\nb\n"
    assert tags_after(data, 0, "none", end=2) == []
