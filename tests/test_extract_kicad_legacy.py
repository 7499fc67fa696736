# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags and notices that are not this file's own)

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.kicad_legacy import extract


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def descr_block(opening: str, closing: str, sheet: str, fields: dict) -> str:
    keys = ["Title", "Date", "Rev", "Comp", "Comment1", "Comment2", "Comment3", "Comment4"]
    lines = [opening, *sheet.splitlines()]
    lines += [f"{key} {q(fields.get(key, ''))}" for key in keys]
    return "\n".join([*lines, closing]) + "\n"


def make_legacy_sch(fields=None, body: str = "", version: int = 4) -> str:
    """An eeschema legacy sheet (format version 2 as KiCad 4 wrote it, or 4 as KiCad 5 did)."""
    if version == 2:
        head = "EESchema Schematic File Version 2  date Sat 10 Sep 2011 08:44:03 PM MDT\n"
        head += "LIBS:power\nLIBS:device\nEELAYER 25  0\nEELAYER END\n"
    else:
        head = "EESchema Schematic File Version 4\nEELAYER 30 0\nEELAYER END\n"
    block = descr_block("$Descr A4 11693 8268", "$EndDescr", "encoding utf-8\nSheet 1 1", fields or {})
    return head + block + body + "$EndSCHEMATC\n"


def component(reference: str, extra_fields=()) -> str:
    fields = "".join(
        f"F {4 + n} {q(value)} H 4750 4100 50  0001 C CNN {q(name)}\n"
        for n, (name, value) in enumerate(extra_fields)
    )
    return (
        f"$Comp\nL Device:C {reference}\nU 1 1 5F1F5A37\nP 4750 4100\n"
        f'F 0 "{reference}" H 4865 4146 50  0000 L CNN\nF 1 "220pF" H 4865 4055 50  0000 L CNN\n'
        'F 2 "Capacitor_THT:C_Disc_D3.8mm_W2.6mm_P2.50mm" H 4788 3950 50  0001 C CNN\n'
        'F 3 "~" H 4750 4100 50  0001 C CNN\n'
        f"{fields}\t1    4750 4100\n\t1    0    0    -1  \n$EndComp\n"
    )


def note(text: str) -> str:
    return "Text Notes 5050 5650 0    60   ~ 0\n" + text.replace("\n", "\\n") + "\n"


def module(name: str, descr: str, user_text: str | None = None) -> str:
    user = f"T2 0 0 400 400 0 80 N V 21 N {q(user_text)}\n" if user_text else ""
    return (
        f"$MODULE {name}\nPo 27400 14800 0 15 4E6B8B5F 4E6B8B5F ~~\nLi {name}\nCd {descr}\nKw diode\n"
        "Sc 4E6B8B5F\nAR\nOp 0 0 0\n"
        'T0 0 -900 600 600 0 120 N V 21 N "D1"\nT1 0 900 600 600 0 120 N V 21 N "DIODE"\n'
        f'{user}$PAD\nSh "1" R 600 600 0 0 0\nDr 0 0 0\nAt SMD N 00888000\nNe 0 ""\nPo -900 0\n'
        f"$EndPAD\n$EndMODULE  {name}\n"
    )


def make_legacy_brd(fields=None, body: str = "") -> str:
    """A pcbnew legacy board (PCBNEW-BOARD Version 1, as KiCad 4 wrote it)."""
    block = descr_block("$SHEETDESCR", "$EndSHEETDESCR", "Sheet User 6000 4000", fields or {})
    return (
        "PCBNEW-BOARD Version 1 date Sat 10 Sep 2011 08:43:46 PM MDT\n\n"
        "# Created by Pcbnew(2011-06-30 BZR 3033)-stable\n\n"
        "$GENERAL\nencoding utf-8\nLayerCount 2\nLy 1FFF8001\nNmodule 1\nNnets 1\n$EndGENERAL\n\n"
        f"{block}\n$SETUP\nInternalUnit 0.000100 INCH\nLayers 2\n$EndSETUP\n\n{body}$EndBOARD\n"
    )


def board_text(text: str) -> str:
    return f"$TEXTPCB\nTe {q(text)}\nPo 25000 20000 600 600 120 0\nDe 21 1 0 Normal C\n$EndTEXTPCB\n"


def make_legacy_mod(comments=(), modules: str = "") -> str:
    header = "PCBNEW-LibModule-V1  Sun 23 Oct 2011 10:33:50 PM MDT\n# encoding utf-8\n"
    return (
        header + "".join(f"# {c}\n" for c in comments) + f"$INDEX\nSOD128\n$EndINDEX\n{modules}$EndLIBRARY\n"
    )


def make_legacy_lib(comments=(), extra_fields=()) -> str:
    fields = "".join(f"F{4 + n} {q(v)} 0 0 50 H I C CNN {q(k)}\n" for n, (k, v) in enumerate(extra_fields))
    return (
        "EESchema-LIBRARY Version 2.4\n#encoding utf-8\n"
        + "".join(f"# {c}\n" for c in comments)
        + "#\n# ADF7242\n#\nDEF ADF7242 U 0 40 Y Y 1 F N\n"
        'F0 "U" 0 100 50 H V C CNN\nF1 "ADF7242" 0 0 50 H V C CNN\nF2 "" 0 0 50 H I C CNN\n'
        f'F3 "" 0 0 50 H I C CNN\n{fields}DRAW\nS -400 400 400 -400 0 1 0 N\n'
        "X VDD 1 -600 200 200 R 50 50 1 1 W\nENDDRAW\nENDDEF\n#\n#End Library\n"
    )


def make_dcm(description: str) -> str:
    return (
        "EESchema-DOCLIB  Version 2.0\n#\n$CMP AP2152\nF https://example.com/AP2152.pdf\n$ENDCMP\n#\n"
        f"$CMP BC856\nD {description}\nK transistor PNP\nF transistors/bipolar/*.*\n$ENDCMP\n"
        "#\n#End Doc Library\n"
    )


def run(text: str | bytes, name: str):
    data = text.encode() if isinstance(text, str) else text
    return extract(Source(name, data, Path("/nonexistent")))


def found(evidence):
    return [(e.source, e.line, e.expression or e.copyright, e.detail) for e in evidence]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_schematic_title_block_with_notice_and_license_sentence():
    text = make_legacy_sch(
        {
            "Title": "LAN Tap",
            "Comp": "Copyright (c) 2010-2020 Example Gadgets <info@example.com>",
            "Comment1": "Licensed under the CERN-OHL-P v2",
        }
    )
    evidence = run(text, "tap.sch")
    assert found(evidence) == [
        (
            "embedded",
            line_of(text, "Comp"),
            "Copyright (c) 2010-2020 Example Gadgets <info@example.com>",
            "$Descr Comp",
        ),
        ("embedded", line_of(text, "Comment1"), "CERN-OHL-P-2.0", "$Descr Comment1"),
    ]
    assert [e.raw for e in evidence if e.is_license] == ["Licensed under the CERN-OHL-P v2"]


def test_schematic_with_empty_title_block():
    body = component("C1", [("Manufacturer", "KEMET")]) + note("J3 sniffs one way\nJ4 the other")
    assert run(make_legacy_sch({"Date": "11 sep 2011", "Rev": "$Rev$"}, body, version=2), "endive.sch") == []


def test_schematic_fields_and_notes():
    fields = [("Manufacturer", "KEMET"), ("License", "CERN-OHL-W-2.0"), ("Author", "Li Lei")]
    body = component("C1", fields) + note("Hardware: CERN-OHL-S-2.0\nsee LICENSE")
    text = make_legacy_sch({"Comp": "Example Labs"}, body)
    assert found(run(text, "a.sch")) == [
        ("embedded", line_of(text, "Comp"), "Example Labs", "$Descr Comp"),
        ("embedded", line_of(text, '"License"'), "CERN-OHL-W-2.0", "field License (C1)"),
        ("embedded", line_of(text, '"Author"'), "Li Lei", "field Author (C1)"),
        ("embedded", line_of(text, "Hardware"), "CERN-OHL-S-2.0", "Text Notes"),
    ]


def test_schematic_strings_are_unescaped():
    text = make_legacy_sch({"Comment2": 'Released under "CC-BY-SA-4.0"'})
    assert [e.raw for e in run(text, "a.sch")] == ['Released under "CC-BY-SA-4.0"']


def test_board_title_block_texts_and_footprints():
    body = module("SOD128", "SOD-128 diode, released under CC0-1.0", "Copyright 2011 Example Parts")
    body += board_text("Licensed under GPL-2.0-or-later")
    text = make_legacy_brd({"Comp": "Copyright 2011 Example Labs", "Date": "11 sep 2011"}, body)
    assert found(run(text, "endive.brd")) == [
        ("embedded", line_of(text, "Comp"), "Copyright 2011 Example Labs", "$SHEETDESCR Comp"),
        ("embedded", line_of(text, "Cd "), "CC0-1.0", "Cd (SOD128)"),
        ("embedded", line_of(text, "T2 "), "Copyright 2011 Example Parts", "T (SOD128)"),
        ("embedded", line_of(text, "Te "), "GPL-2.0-or-later", "Te"),
    ]


def test_board_with_empty_title_block_and_plain_footprints():
    text = make_legacy_brd({"Date": "11 sep 2011", "Rev": "$Rev$"}, module("SOD128", "SOD-128 diode") * 3)
    assert run(text, "endive.brd") == []


def test_footprint_library_comment_lines_and_descriptions():
    text = make_legacy_mod(
        ["SPDX-License-Identifier: CERN-OHL-W-2.0"], module("SOD128", "SOD-128, Copyright 2011 Example Parts")
    )
    evidence = run(text, "parts.mod")
    assert [(e.source, e.line, e.raw) for e in evidence if e.is_license] == [("header", 3, "CERN-OHL-W-2.0")]
    assert found(evidence)[1:] == [
        ("embedded", line_of(text, "Cd "), "Copyright 2011 Example Parts", "Cd (SOD128)")
    ]


def test_symbol_library_comment_lines_and_named_fields():
    text = make_legacy_lib(["SPDX-FileCopyrightText: 2011 Example Labs"], [("License", "CERN-OHL-P-2.0")])
    assert found(run(text, "symbols.lib")) == [
        ("header", 3, "2011 Example Labs", "SPDX-FileCopyrightText"),
        ("embedded", line_of(text, '"License"'), "CERN-OHL-P-2.0", "field License (ADF7242)"),
    ]
    assert run(make_legacy_lib(), "cache.lib") == []


def test_doc_library_descriptions():
    text = make_dcm("PNP transistor, symbol released under CC-BY-SA-4.0")
    assert found(run(text, "symbols.dcm")) == [
        ("embedded", line_of(text, "D PNP"), "CC-BY-SA-4.0", "D (BC856)")
    ]
    assert run(make_dcm("Dual USB 2.0 integrated quad with ESD protection"), "symbols.dcm") == []


def test_legacy_project_comment_lines():
    text = "update=Tue 28 Jul 2020 11:21:02 AM MDT\nversion=1\nlast_client=kicad\n[general]\nversion=1\n"
    assert run(text, "tap.pro") == []
    tagged = "# SPDX-License-Identifier: CERN-OHL-P-2.0\n" + text
    assert [(e.source, e.line, e.raw) for e in run(tagged, "tap.pro")] == [("header", 1, "CERN-OHL-P-2.0")]


@pytest.mark.parametrize("data", [b"", b"hello", b"(kicad_sch)", b"EESchema Netlist Version 1.1"])
def test_not_a_legacy_file(data):
    with pytest.raises(ExtractError):
        run(data, "a.sch")


VALID = [
    make_legacy_sch({"Comp": "Copyright 2020 X", "Comment1": "MIT"}, component("C1", [("License", "MIT")])),
    make_legacy_brd({"Comp": "X"}, module("SOD128", "released under MIT", "T") + board_text("CC0-1.0")),
    make_legacy_lib(["x"], [("Licence", "MIT")]),
    make_dcm("Licensed under MIT"),
]


@settings(max_examples=300, deadline=None)
@given(
    which=st.sampled_from(range(len(VALID))),
    at=st.floats(0, 1),
    cut=st.integers(0, 40),
    insert=st.binary(max_size=40),
)
def test_mutated_fixtures_never_crash(which, at, cut, insert):
    data = VALID[which].encode()
    pos = int(at * len(data))
    with contextlib.suppress(ExtractError):
        run(data[:pos] + insert + data[pos + cut :], "a.sch")


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from([b"EESchema Schematic File", b"PCBNEW-BOARD", b"EESchema-DOCLIB"]),
    data=st.binary(),
)
def test_random_bytes_never_crash(prefix, data):
    with contextlib.suppress(ExtractError):
        run(prefix + data, "a.brd")


def test_large_board_is_read_quickly():
    body = module("SOD128", "SOD-128 diode, CC0-1.0 3D model") * 20_000  # about 7 MB
    started = time.perf_counter()
    evidence = run(make_legacy_brd({}, body + board_text("CERN-OHL-S-2.0")), "big.brd")
    assert time.perf_counter() - started < 2
    assert [(e.expression, e.detail) for e in evidence] == [
        ("CC0-1.0", "Cd (SOD128)"),
        ("CERN-OHL-S-2.0", "Te"),
    ]


# REUSE-IgnoreEnd
