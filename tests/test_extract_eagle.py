# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags and notices that are not this file's own)
"""Eagle XML extractor: fixtures are Eagle 9 files written here, with eagle.dtd's structure."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.eagle import extract

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE eagle SYSTEM "eagle.dtd">
<eagle version="9.6.2">
<drawing>
<settings>
<setting alwaysvectorfont="no"/>
<setting verticaltext="up"/>
</settings>
<grid distance="0.1" unitdist="inch" unit="inch" style="lines" multiple="1" display="no"/>
<layers>
<layer number="1" name="Top" color="4" fill="1" visible="yes" active="yes"/>
<layer number="16" name="Bottom" color="1" fill="1" visible="yes" active="yes"/>
<layer number="51" name="tDocu" color="7" fill="1" visible="yes" active="yes"/>
<layer number="94" name="Symbols" color="4" fill="1" visible="yes" active="yes"/>
<layer number="97" name="Info" color="7" fill="1" visible="yes" active="yes"/>
</layers>
"""
FOOTER = "</drawing>\n</eagle>\n"


def _description(html: str | None) -> str:
    return f"<description>{escape(html)}</description>\n" if html is not None else ""


def _text(value: str, layer: int = 97) -> str:
    return f'<text x="2.54" y="2.54" size="1.778" layer="{layer}" font="vector">{escape(value)}</text>\n'


def _attributes(attributes: dict[str, str]) -> str:
    rows = "".join(f"<attribute name={quoteattr(k)} value={quoteattr(v)}/>\n" for k, v in attributes.items())
    return f"<attributes>\n{rows}</attributes>\n"


def make_library(name: str | None, description: str | None = None, symbol_texts: tuple[str, ...] = ()) -> str:
    """A library with one symbol, one package and one device set (a FRAME with a DESIGNER default)."""
    named = f" name={quoteattr(name)}" if name else ""
    texts = "".join(_text(t, 94) for t in symbol_texts)
    return f"""<library{named}>
{_description(description)}<packages>
<package name="DUMMY">
<description>Dummy footprint</description>
</package>
</packages>
<symbols>
<symbol name="DOCFIELD">
<wire x1="0" y1="0" x2="71.12" y2="0" width="0.254" layer="94"/>
{texts}<text x="1.27" y="11.43" size="2.54" layer="94">&gt;DESIGNER</text>
</symbol>
</symbols>
<devicesets>
<deviceset name="FRAME">
<gates>
<gate name="G$1" symbol="DOCFIELD" x="0" y="0"/>
</gates>
<devices>
<device name="" package="DUMMY">
<technologies>
<technology name="">
<attribute name="DESIGNER" value="Nobody" constant="no"/>
</technology>
</technologies>
</device>
</devices>
</deviceset>
</devicesets>
</library>
"""


def make_schematic(
    description: str | None = None,
    attributes: dict[str, str] | None = None,
    plain: tuple[str, ...] = (),
    libraries: tuple[str, ...] = (),
    part_attributes: dict[str, str] | None = None,
    before: str = "",
) -> bytes:
    part_rows = "".join(
        f"<attribute name={quoteattr(k)} value={quoteattr(v)}/>\n" for k, v in (part_attributes or {}).items()
    )
    xml = f"""{HEADER}{before}<schematic xreflabel="%F%N/%S.%C%R" xrefpart="/%S.%C%R">
{_description(description)}<libraries>
{"".join(libraries)}</libraries>
{_attributes(attributes or {})}<variantdefs>
</variantdefs>
<classes>
<class number="0" name="default" width="0" drill="0">
</class>
</classes>
<parts>
<part name="FRAME1" library="frames" deviceset="FRAME" device="">
{part_rows}</part>
</parts>
<sheets>
<sheet>
<plain>
{"".join(_text(t) for t in plain)}<wire x1="0" y1="0" x2="10" y2="0" width="0.1524" layer="97"/>
</plain>
<instances>
<instance part="FRAME1" gate="G$1" x="0" y="0"/>
</instances>
<busses>
</busses>
<nets>
</nets>
</sheet>
</sheets>
</schematic>
{FOOTER}"""
    return xml.encode()


def make_board(
    description: str | None = None,
    plain: tuple[str, ...] = (),
    element_attributes: dict[str, str] | None = None,
    signals: str = "",
) -> bytes:
    rows = "".join(
        f'<attribute name={quoteattr(k)} value={quoteattr(v)} x="0" y="0" size="1.778" layer="27"/>\n'
        for k, v in (element_attributes or {}).items()
    )
    xml = f"""{HEADER}<board>
{_description(description)}<plain>
{"".join(_text(t, 51) for t in plain)}<wire x1="0" y1="0" x2="50" y2="0" width="0" layer="20"/>
</plain>
<libraries>
{make_library("frames")}</libraries>
<attributes>
</attributes>
<variantdefs>
</variantdefs>
<classes>
<class number="0" name="default" width="0" drill="0">
</class>
</classes>
<designrules name="default">
<description language="en">Design rules: Licensed under CC-BY-4.0</description>
<param name="layerSetup" value="(1*16)"/>
</designrules>
<elements>
<element name="FRAME1" library="frames" package="DUMMY" value="" x="0" y="0">
{rows}</element>
</elements>
<signals>
{signals}</signals>
</board>
{FOOTER}"""
    return xml.encode()


def run(data: bytes, name: str = "board.sch") -> list:
    return extract(Source(name, data, Path("/nonexistent")))


def line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def licenses(found: list) -> list[tuple[str | None, str]]:
    return [(e.expression, e.detail) for e in found if e.is_license]


def copyrights(found: list) -> list[tuple[str | None, str]]:
    return [(e.copyright, e.detail) for e in found if e.copyright]


def test_schematic_description_is_html_read_as_text():
    html = "<h3>Plant controller</h3>\n<p>Some words.</p><b>Licensing:</b> CERN-OHL-S-2.0 &amp; more"
    data = make_schematic(description=html)
    found = run(data)
    assert licenses(found) == [("CERN-OHL-S-2.0", "schematic description")]
    assert found[0].raw == "Licensing: CERN-OHL-S-2.0 & more"
    assert found[0].line == line_of(data, b"<description>")


def test_global_attributes_license_and_holders():
    attributes = {"LICENSE": "CERN-OHL-S-2.0", "COPYRIGHT": "2025 Shenzhen Maker Team", "DESIGNER": "Li Lei"}
    found = run(make_schematic(attributes=attributes))
    assert licenses(found) == [("CERN-OHL-S-2.0", "attribute LICENSE")]
    assert copyrights(found) == [
        ("2025 Shenzhen Maker Team", "attribute COPYRIGHT"),
        ("Li Lei", "attribute DESIGNER"),
    ]


def test_license_attribute_with_a_name_keeps_raw_and_maps_it():
    found = run(make_schematic(attributes={"LICENSE": "Creative Commons Attribution-ShareAlike 4.0"}))
    assert found[0].raw == "Creative Commons Attribution-ShareAlike 4.0"
    assert found[0].expression == "CC-BY-SA-4.0"


def test_unknown_license_attribute_stays_raw():
    found = run(make_schematic(attributes={"LICENSE": "Free for hobbyists"}))
    assert [(e.expression, e.raw) for e in found] == [(None, "Free for hobbyists")]


def test_other_global_attribute_counts_only_when_it_names_a_license():
    found = run(make_schematic(attributes={"NOTE": "Released under CERN-OHL-W-2.0", "REV": "v1.2"}))
    assert licenses(found) == [("CERN-OHL-W-2.0", "attribute NOTE")]


def test_sheet_text_sentence_split_over_text_items():
    plain = (
        "Power",
        "Released under the",
        "CERN Open Hardware Licence Version 2 - Strongly Reciprocal",
        ">NAME",
    )
    found = run(make_schematic(plain=plain))
    assert licenses(found) == [("CERN-OHL-S-2.0", "sheet 1 text")]
    assert found[0].raw.startswith("Released under the CERN Open Hardware Licence")


def test_drawing_text_without_license_gives_nothing():
    assert run(make_schematic(plain=("VIN: 1.8-5.5V", "Cut jumper to disconnect", "Copy-1 of 2"))) == []


def test_sheet_text_copyright_notice_is_not_read_as_license():
    found = run(make_schematic(plain=("Copyright 2024 Jane Maker",)))
    assert found == []  # drawing text is read for license sentences only


def test_embedded_library_description_names_the_library():
    library = make_library(
        "SparkFun-Test",
        description="<h3>Test parts</h3><b>Licensing:</b> Creative Commons Attribution-ShareAlike 4.0",
    )
    found = run(make_schematic(libraries=(library,)))
    assert licenses(found) == [("CC-BY-SA-4.0", "library SparkFun-Test description")]


def test_frame_symbol_text_in_an_embedded_library():
    library = make_library(
        "frames", symbol_texts=("Released under the Creative Commons", "Licensed CC-BY-SA-4.0")
    )
    found = run(make_schematic(libraries=(library,)))
    assert licenses(found) == [("CC-BY-SA-4.0", "library frames symbol DOCFIELD text")]


def test_library_technology_defaults_are_not_holders():
    found = run(make_schematic(libraries=(make_library("frames"),)))
    assert copyrights(found) == []


def test_part_attribute_designer_is_reported_with_the_part():
    found = run(make_schematic(libraries=(make_library("frames"),), part_attributes={"DESIGNER": "Li Lei"}))
    assert copyrights(found) == [("Li Lei", "part FRAME1 attribute DESIGNER")]


def test_library_file_description():
    xml = f"{HEADER}{make_library(None, description='<b>Licensing:</b> CC-BY-SA-4.0')}{FOOTER}".encode()
    found = run(xml, "parts.lbr")
    assert licenses(found) == [("CC-BY-SA-4.0", "library description")]


def test_board_description_plain_text_and_element_attributes():
    data = make_board(
        description="Licence: CERN-OHL-P-2.0",
        plain=("SPDX-License-Identifier: CERN-OHL-P-2.0",),
        element_attributes={"DESIGNER": "Li Lei", "REV": "1"},
    )
    found = run(data, "board.brd")
    assert licenses(found) == [("CERN-OHL-P-2.0", "board description"), ("CERN-OHL-P-2.0", "board text")]
    assert copyrights(found) == [("Li Lei", "element FRAME1 attribute DESIGNER")]


def test_design_rules_description_is_not_the_design_license():
    assert licenses(run(make_board(), "board.brd")) == []


def test_board_reading_stops_at_the_signals():
    # a signal truncated in the middle of an element, with a tag that must not be reached
    tail = '<signal name="GND">\n<!-- SPDX-License-Identifier: MIT -->\n<wire x1="0" '
    data = make_board(description="Licensing: CERN-OHL-S-2.0")
    cut = data.index(b"<signals>") + len(b"<signals>\n")
    found = run(data[:cut] + tail.encode(), "board.brd")
    assert licenses(found) == [("CERN-OHL-S-2.0", "board description")]


def test_xml_comment_tags_are_header_evidence_with_their_line():
    comment = "<!-- SPDX-FileCopyrightText: 2025 Li Lei -->\n"
    comment += "<!-- SPDX-License-Identifier: CERN-OHL-S-2.0 -->\n"
    data = make_schematic(before=comment)
    found = run(data)
    assert [(e.source, e.raw, e.copyright, e.line) for e in found] == [
        ("header", None, "2025 Li Lei", line_of(data, b"<!-- SPDX-File")),
        ("header", "CERN-OHL-S-2.0", None, line_of(data, b"<!-- SPDX-License")),
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE eagle [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<eagle version="9.6.2"><drawing><schematic><description>&lol9;</description></schematic></drawing></eagle>
"""


def test_billion_laughs_is_refused_without_expanding():
    started = time.perf_counter()
    with pytest.raises(ExtractError, match="refused"):
        run(BILLION_LAUGHS)
    assert time.perf_counter() - started < 1


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SPDX-License-Identifier: LEAKED")
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE eagle [<!ENTITY xxe SYSTEM "file://{secret}">]>
<eagle version="9.6.2"><drawing><schematic><description>&xxe;</description></schematic></drawing></eagle>
""".encode()
    with pytest.raises(ExtractError):
        run(xxe)


def test_malformed_xml_is_an_extract_error():
    data = make_schematic(description="Licensing: MIT")
    with pytest.raises(ExtractError, match="not well-formed"):
        run(data.replace(b"</schematic>", b"</schematc>"))


def test_binary_eagle_library_holds_nothing_readable():
    assert run(bytes([0x10, 0x80, 0x00, 0x3A]) + b"\x00" * 200, "old.lbr") == []


VALID = make_schematic(
    description="<b>Licensing:</b> CERN-OHL-S-2.0",
    attributes={"LICENSE": "MIT", "AUTHOR": "Jane"},
    plain=("Released under", "CERN-OHL-S-2.0"),
    libraries=(make_library("frames", description="Licensed under CC-BY-SA-4.0"),),
)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ExtractError):
        run(data)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(VALID) - 1), st.binary(min_size=1, max_size=16), st.integers(0, 64))
def test_mutated_schematic_never_crashes(position, insert, cut):
    data = VALID[:position] + insert + VALID[position + cut :]
    try:
        found = run(data)
    except ExtractError:
        return
    assert all(e.source in ("embedded", "header") for e in found)


# REUSE-IgnoreEnd
