# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example notices that are not this file's own)

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.kicad_project import extract, project_beside, text_variables


def make_kicad_pro(variables=None, name: str = "plant") -> str:
    """A .kicad_pro as KiCad 8 writes it: two-space JSON, one key per line."""
    document = {
        "board": {"3dviewports": [], "design_settings": {"defaults": {"board_outline_line_width": 0.1}}},
        "boards": [],
        "libraries": {"pinned_footprint_libs": [], "pinned_symbol_libs": []},
        "meta": {"filename": f"{name}.kicad_pro", "version": 1},
        "sheets": [["92570387-c21c-4257-9c29-c8cac1aa98c9", "Root"]],
    }
    if variables is not None:
        document["text_variables"] = variables
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def run(text: str | bytes, name: str = "plant.kicad_pro"):
    data = text.encode() if isinstance(text, str) else text
    return extract(Source(name, data, Path("/nonexistent")))


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_license_and_copyright_variables():
    text = make_kicad_pro(
        {
            "COPYRIGHT": "Copyright 2019-2024 Example Gadgets",
            "DATE": "2024-08-27",
            "LICENSE": "Licensed under the CERN-OHL-P v2",
            "VERSION": "1.4.0",
        }
    )
    found = run(text)
    sentence = "Licensed under the CERN-OHL-P v2"
    assert [(e.line, e.expression, e.raw, e.detail) for e in found if e.is_license] == [
        (line_of(text, '"LICENSE"'), "CERN-OHL-P-2.0", sentence, "text variable LICENSE")
    ]
    assert [(e.line, e.copyright, e.detail) for e in found if e.copyright] == [
        (line_of(text, '"COPYRIGHT"'), "Copyright 2019-2024 Example Gadgets", "text variable COPYRIGHT")
    ]


def test_variable_names_say_what_the_value_is():
    found = run(
        make_kicad_pro({"SPDX_LICENSE": "Our licence", "AUTHOR": "李雷", "URL": "https://example.cn"})
    )
    assert [(e.expression, e.raw, e.copyright, e.detail) for e in found] == [
        (None, "Our licence", None, "text variable SPDX_LICENSE"),  # unmappable, kept for the rules
        (None, None, "李雷", "text variable AUTHOR"),
    ]


def test_a_license_sentence_in_any_variable():
    footer = "Released under CERN Open Hardware Licence Version 2 - Permissive"
    found = run(make_kicad_pro({"FOOTER": footer}))
    assert [(e.expression, e.detail) for e in found] == [("CERN-OHL-P-2.0", "text variable FOOTER")]


def test_no_text_variables():
    assert run(make_kicad_pro()) == []
    assert run(make_kicad_pro({})) == []
    assert text_variables(make_kicad_pro({"A": "x", "B": 3, "C": None}).encode()) == {"A": "x"}


@pytest.mark.parametrize("data", [b"", b"{", b"[1, 2]", b'"text"', b"\xff\xfe{}", b"[" * 100_000])
def test_not_a_project(data):
    with pytest.raises(ExtractError):
        run(data)


def test_project_beside_prefers_the_same_stem(tmp_path):
    (tmp_path / "hw").mkdir()
    (tmp_path / "hw" / "aaa.kicad_pro").write_text(make_kicad_pro({"LICENSE": "MIT"}))
    (tmp_path / "hw" / "plant.kicad_pro").write_text(make_kicad_pro({"LICENSE": "CERN-OHL-S-2.0"}))
    board = Source("hw/plant.kicad_pcb", b"", tmp_path)
    sheet = Source("hw/power.kicad_sch", b"", tmp_path)
    assert project_beside(board).name == "plant.kicad_pro"
    assert project_beside(board).variables == {"LICENSE": "CERN-OHL-S-2.0"}
    assert project_beside(sheet).name == "aaa.kicad_pro"  # no project of its own name: the first one
    (tmp_path / "hw" / "aaa.kicad_pro").write_bytes(b"not json")
    assert project_beside(sheet).name == "plant.kicad_pro"  # an unreadable project is passed over
    assert project_beside(Source("other/x.kicad_sch", b"", tmp_path)) is None


def test_project_beside_reads_the_project_as_it_is_now(tmp_path):
    project = tmp_path / "plant.kicad_pro"
    project.write_text(make_kicad_pro({"LICENSE": "MIT"}))
    sheet = Source("power.kicad_sch", b"", tmp_path)
    first = project_beside(sheet).variables
    first["LICENSE"] = "changed by its reader"  # each design file gets its own copy
    assert project_beside(sheet).variables == {"LICENSE": "MIT"}
    project.write_text(make_kicad_pro({"LICENSE": "CERN-OHL-S-2.0"}))
    assert project_beside(sheet).variables == {"LICENSE": "CERN-OHL-S-2.0"}


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=500))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ExtractError):
        run(b'{"text_variables": ' + data)


# REUSE-IgnoreEnd
