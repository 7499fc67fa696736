# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags that are not this file's own)

import contextlib
import warnings
from pathlib import Path

import pytest
from hostile import assert_mutation_harmless
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.excellon import extract

KICAD_COMMENTS = [
    "; DRILL file {KiCad 8.0.4} date 2025-03-01T10:00:00+0800",
    "; FORMAT={-:-/ absolute / metric / decimal}",
    "; #@! TF.CreationDate,2025-03-01T10:00:00+08:00",
    "; #@! TF.GenerationSoftware,Kicad,Pcbnew,8.0.4",
    "; #@! TF.FileFunction,Plated,1,2,PTH",
]


def make_drill(comments=(), body=(), holes: int = 3, kicad=KICAD_COMMENTS) -> str:
    """A plated-holes Excellon file as KiCad writes it, with extra header comments and body lines."""
    lines = ["M48", *kicad, *comments, "FMAT,2", "METRIC",
             "; #@! TA.AperFunction,Plated,PTH,ComponentDrill", "T1C0.400",
             "; #@! TA.AperFunction,Plated,PTH,ComponentDrill", "T2C0.800",
             "%", "G90", "G05", "T1"]  # fmt: skip
    lines += [f"X{131 + i}.319Y-82.169" for i in range(holes)]
    lines += ["T2", "X140.0Y-90.0", *body, "M30"]
    return "\n".join(lines) + "\n"


def run(text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return extract(Source("board-PTH.drl", data, Path("/nonexistent")))


def licenses(evidence):
    return [(e.line, e.expression or e.raw, e.detail) for e in evidence if e.is_license]


def copyrights(evidence):
    return [(e.line, e.copyright, e.detail) for e in evidence if e.copyright]


def test_fixture_is_a_drill_file_a_fab_accepts():
    gerbonara = pytest.importorskip("gerbonara")
    text = make_drill(["; SPDX-License-Identifier: CERN-OHL-S-2.0"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # KiCad writes G90/G05 after the header's '%', as real drill files do; gerbonara nitpicks it
        warnings.filterwarnings("ignore", message=".*header statement found after end of header")
        drill = gerbonara.ExcellonFile.from_string(text)
    assert len(drill.objects) == 4
    assert drill.drill_sizes() == [0.4, 0.8]
    assert "SPDX-License-Identifier: CERN-OHL-S-2.0" in drill.comments


def test_kicad_drill_file_without_license_gives_nothing():
    assert run(make_drill()) == []


def test_spdx_tags_in_header_comments():
    found = run(make_drill(["; SPDX-FileCopyrightText: 2025 Shenzhen Maker Team",
                            "; SPDX-License-Identifier: CERN-OHL-S-2.0"]))  # fmt: skip
    assert [(e.line, e.raw, e.source) for e in found if e.is_license] == [(8, "CERN-OHL-S-2.0", "header")]
    assert copyrights(found) == [(7, "2025 Shenzhen Maker Team", "SPDX-FileCopyrightText")]


def test_user_attribute_in_comment():
    found = run(make_drill(["; #@! TFLicense,CERN-OHL-W-2.0", "; #@! TFCopyright,2025 Li Lei"]))
    assert licenses(found) == [(7, "CERN-OHL-W-2.0", "Excellon #@! TF attribute License")]
    assert copyrights(found) == [(8, "2025 Li Lei", "Excellon #@! TF attribute Copyright")]


def test_license_sentence_in_a_header_comment():
    found = run(make_drill(["; Released under CERN Open Hardware Licence Version 2 - Strongly Reciprocal"]))
    assert licenses(found) == [(7, "CERN-OHL-S-2.0", "Excellon header comment")]


def test_eagle_style_file_opening_with_percent():
    text = "%\nM48\nM72\n;Copyright 2025 SparkFun Electronics\nT01C0.0120\n%\nT01\nX3375Y5175\nM30\n"
    assert copyrights(run(text)) == [(4, "Copyright 2025 SparkFun Electronics", "Copyright")]


def test_body_comments_are_read_only_for_tags():
    body = ["; Released under CERN-OHL-P-2.0", "; SPDX-License-Identifier: MIT"]
    found = run(make_drill(body=body, holes=2000))
    text = make_drill(body=body, holes=2000)
    tag_line = text[: text.index("SPDX")].count("\n") + 1
    assert [(e.line, e.raw) for e in found if e.is_license] == [(tag_line, "MIT")]


@pytest.mark.parametrize("offset", [4090, 4096, 12280])
def test_header_comment_kilobytes_into_a_long_header(offset):
    """A panel's long tool list: the comment after it, at `offset`, is read on its line."""
    head, tool = "M48\n", 1
    while len(head) < offset - 40:
        head, tool = head + f"T{tool}C0.400\n", tool + 1
    head += ";" + "x" * (offset - len(head) - 2) + "\n"
    text = head + "; SPDX-License-Identifier: CERN-OHL-W-2.0\n%\nT1\nX1Y1\nM30\n"
    line = head.count("\n") + 1
    assert [(e.line, e.raw) for e in run(text) if e.is_license] == [(line, "CERN-OHL-W-2.0")]


def test_binary_data_is_an_extract_error():
    with pytest.raises(ExtractError):
        run(b"M48\n\x00\x00\x00")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ExtractError):
        run(data)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2000), st.binary(min_size=1, max_size=20))
def test_mutations_never_crash(position, noise):
    text = make_drill(["; SPDX-License-Identifier: MIT", "; #@! TFLicense,MIT"]).encode()
    assert_mutation_harmless(run, text, position, noise)
