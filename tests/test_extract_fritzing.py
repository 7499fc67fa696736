# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags and notices that are not this file's own)
"""Fritzing extractor: parts (.fzp), sketches (.fz) and bundles (.fzz), written here in Fritzing's format."""

from __future__ import annotations

import contextlib
import io
import time
import tracemalloc
import zipfile
from html import escape as html_escape
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.fritzing import extract, extract_archive


def make_part(
    author: str = "Brendan Howell",
    description: str = "A generic resistor (0.25W)",
    properties: dict[str, str] | None = None,
    url: str | None = None,
    comment: str = "",
) -> bytes:
    rows = "".join(
        f"        <property name={quoteattr(k)}>{escape(v)}</property>\n"
        for k, v in (properties or {}).items()
    )
    url_row = f"    <url>{escape(url)}</url>\n" if url else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{comment}<module fritzingVersion="0.9.3b" moduleId="ResistorModuleID">
    <version>4</version>
    <title>220 &#8486; Resistor</title>
    <label>R</label>
    <date>2009-09-08</date>
    <author>{escape(author)}</author>
{url_row}    <tags>
        <tag>Resistor</tag>
    </tags>
    <properties>
        <property name="family">Resistor</property>
{rows}    </properties>
    <taxonomy>discreteParts.resistor.220</taxonomy>
    <description>{escape(description)}</description>
    <views>
        <iconView>
            <layers image="icon/resistor_icon_220.svg">
                <layer layerId="icon"/>
            </layers>
        </iconView>
        <breadboardView>
            <layers image="breadboard/resistor_220.svg">
                <layer layerId="breadboard"/>
            </layers>
        </breadboardView>
    </views>
    <connectors>
        <connector type="male" id="connector0" name="Pin 0">
            <description>Pin0</description>
            <views>
                <breadboardView>
                    <p svgId="connector0pin" layer="breadboard" legId="connector0leg"/>
                </breadboardView>
            </views>
        </connector>
    </connectors>
</module>
""".encode()


def _instance(module: str, title: str, inner: str) -> str:
    return f"""        <instance moduleIdRef="{module}" modelIndex="5" path=":/resources/parts/core/x.fzp">
{inner}            <title>{escape(title)}</title>
            <views>
                <pcbView layer="silkscreen">
                    <geometry z="1.5" x="10" y="20"/>
                </pcbView>
            </views>
        </instance>
"""


NOTE_PART = ":/resources/parts/core/note.fzp"


def make_sketch(
    project_properties: dict[str, str] | None = None, note: str | None = None, logo: str | None = None
) -> bytes:
    props = "".join(
        f"        <project_property name={quoteattr(k)} value={quoteattr(v)}/>\n"
        for k, v in (project_properties or {}).items()
    )
    instances = ""
    if logo is not None:
        inner = f'            <property name="logo" value={quoteattr(logo)}/>\n'
        instances += _instance("LogoTextModuleID", "TXT1", inner)
    if note is not None:
        rich = (
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">\n<html><head><style type="text/css">\n'
            "p, li { white-space: pre-wrap; }\n</style></head><body>"
            f"<p>{html_escape(note)}</p></body></html>"
        )
        instances += f"""        <instance moduleIdRef="NoteModuleID" modelIndex="7" path="{NOTE_PART}">
            <title>Note1</title>
            <text>{escape(rich)}</text>
            <views>
                <breadboardView layer="breadboardNote">
                    <geometry z="2.5" x="0" y="0" width="200" height="100"/>
                </breadboardView>
            </views>
        </instance>
"""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<module fritzingVersion="1.0.2" icon=".png">
    <project_properties>
{props}    </project_properties>
    <boards>
        <board moduleId="TwoLayerRectanglePCBModuleID" title="Rectangular PCB" instance="PCB1"/>
    </boards>
    <views>
        <view name="breadboardView" backgroundColor="#ffffff" gridSize="0.1in" showGrid="0"/>
    </views>
    <instances>
{instances}    </instances>
    <programs/>
</module>
""".encode()


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def run(data: bytes, name: str = "resistor.fzp") -> list:
    return extract(Source(name, data, Path("/nonexistent")))


def run_archive(data: bytes, name: str = "sketch.fzz") -> list:
    return extract_archive(Source(name, data, Path("/nonexistent")))


def licenses(found: list) -> list[tuple[str | None, str]]:
    return [(e.expression, e.detail) for e in found if e.is_license]


def copyrights(found: list) -> list[tuple[str | None, str]]:
    return [(e.copyright, e.detail) for e in found if e.copyright]


def test_part_author_is_a_holder_with_its_field():
    found = run(make_part(author="Jane Maker"))
    assert copyrights(found) == [("Jane Maker", "part author")]
    assert found[0].line == 7


def test_part_license_property():
    found = run(make_part(properties={"license": "CC-BY-SA-3.0", "package": "THT"}))
    assert licenses(found) == [("CC-BY-SA-3.0", "part property license")]


def test_part_license_property_name_is_mapped():
    found = run(make_part(properties={"Licence": "Creative Commons Attribution-ShareAlike 4.0"}))
    assert [(e.expression, e.raw) for e in found if e.is_license] == [
        ("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0")
    ]


def test_part_html_description_names_a_license():
    description = "<p>A sensor breakout.</p><p>Released under the CERN-OHL-P-2.0.</p>"
    found = run(make_part(description=description))
    assert licenses(found) == [("CERN-OHL-P-2.0", "part description")]


def test_part_url_counts_only_when_it_is_a_license_url():
    assert licenses(run(make_part(url="https://www.sparkfun.com/products/12345"))) == []
    found = run(make_part(url="https://creativecommons.org/licenses/by-sa/3.0/"))
    assert licenses(found) == [("CC-BY-SA-3.0", "part url")]


def test_part_xml_comment_tags():
    comment = "<!-- SPDX-FileCopyrightText: 2025 Jane Maker -->\n"
    comment += "<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n"
    found = run(make_part(comment=comment))
    assert [(e.source, e.raw, e.copyright, e.line) for e in found if e.source == "header"] == [
        ("header", None, "2025 Jane Maker", 2),
        ("header", "CC-BY-SA-4.0", None, 3),
    ]


def test_sketch_project_property_note_and_logo():
    data = make_sketch(
        project_properties={"license": "CERN-OHL-S-2.0", "author": "Li Lei", "simulator": "on"},
        note="This example is licensed under CC-BY-SA-4.0. Copyright 2025 Li Lei",
        logo="CERN-OHL-S-2.0",
    )
    found = run(data, "blink.fz")
    assert licenses(found) == [
        ("CERN-OHL-S-2.0", "sketch project property license"),
        ("CERN-OHL-S-2.0", "sketch logo text TXT1"),
        ("CC-BY-SA-4.0", "sketch note Note1"),
    ]
    assert copyrights(found) == [
        ("Li Lei", "sketch project property author"),
        ("Copyright 2025 Li Lei", "sketch note Note1"),
    ]


def test_note_style_sheet_is_not_read():
    found = run(make_sketch(note="Cut the jumper to use 3.3 V."), "blink.fz")
    assert found == []


def test_bundle_reads_sketch_parts_and_license_files():
    license_file = b"SPDX-License-Identifier: CERN-OHL-S-2.0\nSPDX-FileCopyrightText: 2025 Li Lei\n"
    data = make_zip(
        {
            "blink.fz": make_sketch(note="Released under CERN-OHL-S-2.0"),
            "part.custom_led.fzp": make_part(author="Jane Maker"),
            "svg.breadboard.custom_led.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            "LICENSE": license_file,
        }
    )
    found = run_archive(data)
    assert licenses(found) == [
        ("CERN-OHL-S-2.0", "blink.fz: sketch note Note1"),
        (None, "LICENSE SPDX-License-Identifier"),
    ]
    assert [e.raw for e in found if e.detail == "LICENSE SPDX-License-Identifier"] == ["CERN-OHL-S-2.0"]
    assert copyrights(found) == [
        ("Jane Maker", "part.custom_led.fzp: part author"),
        ("2025 Li Lei", "LICENSE SPDX-FileCopyrightText"),
    ]


def test_empty_sketch_bundle_gives_nothing():
    assert run_archive(make_zip({"empty.fz": make_sketch()})) == []


def test_truncated_bundle_is_an_extract_error():
    data = make_zip({"blink.fz": make_sketch(note="Released under MIT") * 20})
    with pytest.raises(ExtractError):
        run_archive(data[: len(data) // 2])


def _zip_bomb(inflated: int) -> bytes:
    """A .fzz whose sketch inflates to `inflated` bytes of zeros, written without holding them."""
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("bomb.fz", "w", force_zip64=True) as member,
    ):
        for _ in range(inflated // len(chunk)):
            member.write(chunk)
    return buffer.getvalue()


def test_zip_bomb_is_refused_quickly_and_in_bounded_memory():
    bomb = _zip_bomb(96 * 1024 * 1024)
    assert len(bomb) < 200_000  # small compressed, huge inflated
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ExtractError, match="inflates past"):
            run_archive(bomb)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 5
    assert peak < 100 * 1024 * 1024  # the archive's member limit (64 MiB) plus a chunk, never the 96 MiB


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE module [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<module fritzingVersion="0.9.3b" moduleId="x"><author>&e;</author></module>
"""


def test_entity_expansion_is_refused():
    with pytest.raises(ExtractError, match="refused"):
        run(BILLION_LAUGHS)
    with pytest.raises(ExtractError, match="refused"):
        run_archive(make_zip({"bomb.fzp": BILLION_LAUGHS}), "part.fzpz")


VALID_PART = make_part(properties={"license": "MIT"}, description="Released under MIT")
VALID_BUNDLE = make_zip({"a.fz": make_sketch(note="Licensed under MIT"), "LICENSE": b"MIT License\n"})


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes_never_crash(data):
    with contextlib.suppress(ExtractError):
        run(data)
    with contextlib.suppress(ExtractError):
        run_archive(data)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([VALID_PART, VALID_BUNDLE]), st.integers(0, 10_000), st.binary(max_size=16))
def test_mutations_never_crash(valid, position, insert):
    position %= len(valid)
    data = valid[:position] + insert + valid[position + len(insert) :]
    for read in (run, run_archive):
        with contextlib.suppress(ExtractError):
            read(data)


# REUSE-IgnoreEnd
