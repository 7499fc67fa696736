# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
import contextlib
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck import dep5
from licensecheck.dep5 import Dep5Error, evidence, match, parse
from licensecheck.model import Evidence

FORMAT = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"


def make_dep5(*paragraphs: tuple[str, str | list[str], str]) -> str:
    """A dep5 text: the header, then one Files paragraph per (files, copyright(s), license)."""
    blocks = [f"{FORMAT}\nUpstream-Name: robot-arm\nSource: https://example.org/robot-arm"]
    for files, copyrights, license in paragraphs:
        notices = [copyrights] if isinstance(copyrights, str) else copyrights
        lines = [f"Files: {files}", f"Copyright: {notices[0]}", *(f"           {n}" for n in notices[1:])]
        blocks.append("\n".join([*lines, f"License: {license}"]))
    return "\n\n".join(blocks) + "\n"


REALISTIC = f"""\
{FORMAT}
Upstream-Name: robot-arm
Upstream-Contact: Li Lei <lilei@example.cn>
Source: https://example.org/robot-arm
# the whole project, unless a later paragraph says otherwise

Files: *
Copyright: 2024-2025 Li Lei <lilei@example.cn>
License: GPL-3.0-or-later

Files: hardware/*.kicad_pcb
 hardware/*.kicad_sch
       gerbers/*
Copyright: 2025 Shenzhen Maker Team
           2025 Han Meimei
 .
 Contributors to robot-arm
License: CERN-OHL-S-2.0
 The CERN Open Hardware Licence v2 - Strongly Reciprocal.
 .
 See LICENSES/CERN-OHL-S-2.0.txt for the full text.

Files: docs/images/logo-v?.svg
Copyright: 2023 Artist <art@example.org>
License: CC-BY-SA-4.0

License: GPL-3.0-or-later
 This stand-alone paragraph would hold a license text; it covers no file.
"""


# ---------------------------------------------------------------------------- parse


def test_parse_keeps_files_paragraphs_and_skips_header_and_license_paragraphs():
    parsed = parse(REALISTIC)
    assert [p.license for p in parsed.paragraphs] == ["GPL-3.0-or-later", "CERN-OHL-S-2.0", "CC-BY-SA-4.0"]
    assert [p.line for p in parsed.paragraphs] == [7, 11, 23]
    lines = REALISTIC.split("\n")
    assert [lines[n - 1][:12] for n in (7, 11, 23)] == ["Files: *", "Files: hardw", "Files: docs/"]


def test_continuation_lines_extend_files_and_copyright():
    paragraph = parse(REALISTIC).paragraphs[1]
    assert paragraph.patterns == ("hardware/*.kicad_pcb", "hardware/*.kicad_sch", "gerbers/*")
    assert paragraph.copyrights == (
        "2025 Shenzhen Maker Team",
        "2025 Han Meimei",
        "Contributors to robot-arm",
    )


def test_license_first_line_only_is_the_expression():
    assert parse(REALISTIC).paragraphs[1].license == "CERN-OHL-S-2.0"


def test_several_patterns_on_one_files_line():
    parsed = parse(make_dep5(("po/*.po po/*.pot", "2019 Translation Company", "GPL-3.0-or-later")))
    assert parsed.paragraphs[0].patterns == ("po/*.po", "po/*.pot")


def test_field_names_are_case_insensitive_and_crlf_is_accepted():
    text = make_dep5(("*.stl", "2025 Jane", "CC-BY-4.0")).replace("Files:", "files:").replace("\n", "\r\n")
    parsed = parse(text)
    assert parsed.paragraphs[0].patterns == ("*.stl",)
    assert parsed.paragraphs[0].license == "CC-BY-4.0"
    assert parsed.paragraphs[0].copyrights == ("2025 Jane",)


def test_a_header_only_file_has_no_paragraphs():
    assert parse(f"{FORMAT}\nUpstream-Name: x\n").paragraphs == ()
    assert parse("").paragraphs == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"{FORMAT}\n\nFiles: *\nCopyright: 2025 Jane\n", r"line 3: Files paragraph without a License field"),
        (f"{FORMAT}\n\nFiles: *\nLicense: MIT\n", r"line 3: Files paragraph without a Copyright field"),
        (f"{FORMAT}\n\n continued\n", r"line 3: continuation line without a field"),
        (f"{FORMAT}\n\nFiles *\nCopyright: x\nLicense: MIT\n", r"line 3: expected 'Field: value'"),
        (
            f"{FORMAT}\n\nFiles: *\nCopyright: x\nLicense:\n MIT text\n",
            r"line 5: License field has no expression",
        ),
        (f"{FORMAT}\n\nFiles:\nCopyright: x\nLicense: MIT\n", r"line 3: Files field is empty"),
        (f"{FORMAT}\n\nFiles: a\nFiles: b\nCopyright: x\nLicense: MIT\n", r"line 4: field 'Files' repeated"),
        (f"{FORMAT}\n\nFiles: src/\\d.c\nCopyright: x\nLicense: MIT\n", r"line 3: .*escape"),
        (f"{FORMAT}\n\nFiles: src\\\nCopyright: x\nLicense: MIT\n", r"line 3: .*escape"),
    ],
)
def test_parse_rejects_invalid_files_naming_the_line(text, message):
    with pytest.raises(Dep5Error, match=r"^\.reuse/dep5 " + message):
        parse(text)


# ---------------------------------------------------------------------------- match


def test_last_matching_paragraph_wins():
    parsed = parse(REALISTIC)
    assert match(parsed, "hardware/arm.kicad_pcb").license == "CERN-OHL-S-2.0"
    assert match(parsed, "firmware/main.c").license == "GPL-3.0-or-later"
    reordered = parse(make_dep5(("hardware/*", "2025 Team", "CERN-OHL-S-2.0"), ("*", "2024 Li Lei", "MIT")))
    assert match(reordered, "hardware/arm.kicad_pcb").license == "MIT"


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.in", "configure.in", True),
        ("*.in", "sub/dir/Makefile.in", True),  # `*` crosses folders in dep5
        ("hardware/*", "hardware/v2/arm.kicad_pcb", True),
        ("hardware/*", "hardware", False),
        ("docs/logo-v?.svg", "docs/logo-v2.svg", True),
        ("docs/logo-v?.svg", "docs/logo-v10.svg", False),  # `?` is exactly one character
        ("a?c", "a/c", True),  # ... a slash included
        ("README", "README", True),
        ("README", "docs/README", False),
        ("file\\*.txt", "file*.txt", True),
        ("file\\*.txt", "fileX.txt", False),
        ("file\\?.txt", "fileX.txt", False),
        ("back\\\\slash", "back\\slash", True),
        ("[ab].c", "a.c", False),  # brackets are literal
        ("[ab].c", "[ab].c", True),
    ],
)
def test_glob_semantics(pattern, path, expected):
    parsed = parse(make_dep5((pattern, "2025 Jane", "MIT")))
    assert (match(parsed, path) is not None) is expected


def test_no_match_gives_nothing():
    parsed = parse(make_dep5(("docs/*", "2025 Jane", "CC-BY-4.0")))
    assert match(parsed, "src/main.c") is None
    assert evidence(parsed, "src/main.c") == ([], [])


# ---------------------------------------------------------------------------- evidence


def test_evidence_has_source_line_and_detail():
    parsed = parse(REALISTIC)
    licenses, copyrights = evidence(parsed, "gerbers/arm-F_Cu.gbr")
    assert licenses == [Evidence(source="dep5", raw="CERN-OHL-S-2.0", line=11, detail=".reuse/dep5 line 11")]
    assert [c.copyright for c in copyrights] == [
        "2025 Shenzhen Maker Team",
        "2025 Han Meimei",
        "Contributors to robot-arm",
    ]
    assert {(c.source, c.line, c.detail, c.raw) for c in copyrights} == {
        ("dep5", 11, ".reuse/dep5 line 11", None)
    }


# ---------------------------------------------------------------------------- scale and robustness


def test_many_paragraphs_and_files_stay_fast():
    paragraphs = [
        (f"lib{i % 30}/mod{i}/* *.ext{i}", f"{2000 + i % 25} Author {i}", f"LicenseRef-L{i}")
        for i in range(3000)
    ]
    started = time.perf_counter()
    parsed = parse(make_dep5(("*", "2026 Team", "MIT"), *paragraphs))
    found = {}
    for n in range(20000):
        path = f"lib{n % 30}/mod{n % 3500}/src/file{n}.c"
        found[path] = match(parsed, path)
    elapsed = time.perf_counter() - started
    assert elapsed < 4.0, f"{elapsed:.2f} s"
    assert found["lib1/mod31/src/file31.c"].license == "LicenseRef-L31"
    assert found["lib2/mod3002/src/file3002.c"].license == "MIT"
    assert match(parsed, "deep/down/x.ext2999").license == "LicenseRef-L2999"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_raises_only_dep5_errors_on_any_text(text):
    with contextlib.suppress(Dep5Error):
        parse(text)


_LINES = [
    FORMAT,
    "",
    " ",
    "Files: *",
    "Files: a/*.c b?",
    "Files: x\\",
    "Files: \\*",
    "Copyright: 2020 A",
    " 2021 B",
    " .",
    "License: MIT",
    "License:",
    " text",
    "#comment",
    "Upstream-Name: x",
    "garbage",
    ":",
    "\t",
    "\r",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=16), st.text(alphabet="ab/.*?c", max_size=8))
def test_parse_raises_only_dep5_errors_on_dep5_like_text(lines, path):
    try:
        parsed = parse("\n".join(lines))
    except Dep5Error:
        return
    found = dep5.match(parsed, path)
    assert found is None or found in parsed.paragraphs
