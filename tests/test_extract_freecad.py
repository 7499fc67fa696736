# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""FreeCAD .FCStd: document and App::Part license properties, read from a zip we write."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.freecad import extract

pytest.importorskip("licensecheck.knowledge")

DEFAULT_PROPERTIES = {
    "Comment": "",
    "Company": "",
    "CreatedBy": "",
    "CreationDate": "2025-02-03T10:11:12Z",
    "Id": "",
    "Label": "Bracket",
    "LastModifiedBy": "",
    "License": "All rights reserved",
    "LicenseURL": "https://en.wikipedia.org/wiki/All_rights_reserved",
}


def _property(name: str, value: str, indent: str) -> str:
    return (
        f'{indent}<Property name="{name}" type="App::PropertyString" status="1">\n'
        f"{indent}    <String value={quoteattr(value)}/>\n"
        f"{indent}</Property>\n"
    )


def _part_data(name: str, label: str, license_: str, url: str) -> str:
    pad = " " * 16
    return (
        f'        <Object name="{name}" Extensions="True">\n'
        '            <Extensions Count="1">\n'
        '                <Extension type="App::OriginGroupExtension" name="OriginGroupExtension">\n'
        "                </Extension>\n"
        "            </Extensions>\n"
        '            <Properties Count="4" TransientCount="0">\n'
        + _property("Label", label, pad)
        + _property("License", license_, pad)
        + _property("LicenseURL", url, pad)
        + f'{pad}<Property name="Placement" type="App::PropertyPlacement" status="8388608">\n'
        f'{pad}    <PropertyPlacement Px="0.0" Py="0.0" Pz="0.0" Q0="0.0" Q1="0.0" Q2="0.0" Q3="1.0"/>\n'
        f"{pad}</Property>\n"
        "            </Properties>\n"
        "        </Object>\n"
    )


def _feature_data(name: str) -> str:
    return (
        f'        <Object name="{name}">\n'
        '            <Properties Count="2" TransientCount="0">\n'
        + _property("Label", name, " " * 16)
        + '                <Property name="Shape" type="Part::PropertyPartShape" status="1">\n'
        f'                    <Part file="{name}.Shape.brp"/>\n'
        "                </Property>\n"
        "            </Properties>\n"
        "        </Object>\n"
    )


def document_xml(properties: dict[str, str] | None = None, parts: tuple = (), tail: str = "") -> bytes:
    """A Document.xml as FreeCAD 1.0 writes it; `parts` are (name, label, License, LicenseURL)."""
    props = {**DEFAULT_PROPERTIES, **(properties or {})}
    objects = [(name, "App::Part") for name, *_ in parts] + [("Box", "Part::Box")]
    text = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<!--\n FreeCAD Document, see https://www.freecad.org for more information...\n-->\n"
        '<Document SchemaVersion="4" ProgramVersion="1.0R39109 (Git)" FileVersion="1">\n'
        f'    <Properties Count="{len(props) + 3}" TransientCount="3">\n'
        '        <_Property name="FileName" type="App::PropertyString" status="50331649"/>\n'
        '        <_Property name="Tip" type="App::PropertyLink" status="33554433"/>\n'
        '        <_Property name="TransientDir" type="App::PropertyString" status="50331649"/>\n'
        + "".join(_property(name, value, " " * 8) for name, value in props.items())
        + '        <Property name="Uid" type="App::PropertyUUID" status="16777217">\n'
        '            <Uuid value="0b6f1c1e-2d7a-4e55-9d0c-5a3f5d0e9a11"/>\n'
        "        </Property>\n"
        "    </Properties>\n"
        f'    <Objects Count="{len(objects)}" Dependencies="1">\n'
        + "".join(f'        <ObjectDeps Name="{name}" Count="0"/>\n' for name, _ in objects)
        + "".join(
            f'        <Object type="{kind}" name="{name}" id="{300 + i}" />\n'
            for i, (name, kind) in enumerate(objects)
        )
        + "    </Objects>\n"
        + tail
        + f'    <ObjectData Count="{len(objects)}">\n'
        + "".join(_part_data(*part) for part in parts)
        + _feature_data("Box")
        + "    </ObjectData>\n"
        "</Document>\n"
    )
    return text.encode("utf-8")


def fcstd(document: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.comment = b"FreeCAD Document"
        archive.writestr("Document.xml", document)
        archive.writestr("Box.Shape.brp", b"DBRep_DrawableShape\n\nCASCADE Topology V3, (c) Open Cascade\n")
        archive.writestr("GuiDocument.xml", b"<?xml version='1.0' encoding='utf-8'?>\n<Document/>\n")
    return buffer.getvalue()


def run(tmp_path: Path, data: bytes) -> list:
    return extract(Source("cad/bracket.FCStd", data, tmp_path))


def licenses(found: list) -> list[tuple]:
    return [(e.expression, e.raw, e.detail) for e in found if e.is_license]


def test_default_all_rights_reserved_keeps_its_raw_value(tmp_path):
    found = run(tmp_path, fcstd(document_xml()))
    assert licenses(found) == [
        ("LicenseRef-All-Rights-Reserved", "All rights reserved", "Document.xml property License")
    ]
    assert all(e.source == "embedded" for e in found)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Creative Commons Attribution-ShareAlike 4.0", "CC-BY-SA-4.0"),
        ("CC-BY-SA-4.0", "CC-BY-SA-4.0"),
        ("CERN Open Hardware Licence strongly-reciprocal", "CERN-OHL-S-2.0"),
        ("GNU General Public License 3.0 or later", "GPL-3.0-or-later"),
    ],
)
def test_license_names_map_to_spdx(tmp_path, value, expected):
    document = document_xml({"License": value, "LicenseURL": "https://example.org/license"})
    assert licenses(run(tmp_path, fcstd(document))) == [(expected, value, "Document.xml property License")]


def test_other_uses_the_license_url(tmp_path):
    document = document_xml({"License": "Other", "LicenseURL": "https://www.kicad.org/libraries/license/"})
    [(expression, raw, detail)] = licenses(run(tmp_path, fcstd(document)))
    assert expression == "CC-BY-SA-4.0 WITH KiCad-libraries-exception"
    assert raw == "https://www.kicad.org/libraries/license/"
    assert detail == "Document.xml property LicenseURL"


def test_unknown_license_stays_raw(tmp_path):
    document = document_xml({"License": "Bracket Shop License v1", "LicenseURL": "https://example.org/l"})
    assert licenses(run(tmp_path, fcstd(document))) == [
        (None, "Bracket Shop License v1", "Document.xml property License")
    ]


def test_other_with_an_unknown_url_reports_the_url(tmp_path):
    document = document_xml({"License": "Other", "LicenseURL": "https://example.org/my-terms"})
    assert licenses(run(tmp_path, fcstd(document))) == [
        (None, "https://example.org/my-terms", "Document.xml property LicenseURL")
    ]


def test_empty_license_gives_no_license_evidence(tmp_path):
    document = document_xml({"License": "", "LicenseURL": ""})
    assert licenses(run(tmp_path, fcstd(document))) == []


def test_holders_and_comment(tmp_path):
    document = document_xml(
        {
            "CreatedBy": "Li Lei",
            "Company": "Shenzhen Maker Team",
            "Comment": "Released under CERN Open Hardware Licence Version 2 - Strongly Reciprocal",
            "License": "",
            "LicenseURL": "",
        }
    )
    found = run(tmp_path, fcstd(document))
    assert [(e.copyright, e.detail) for e in found if e.copyright] == [
        ("Li Lei", "Document.xml property CreatedBy"),
        ("Shenzhen Maker Team", "Document.xml property Company"),
    ]
    assert [(e.expression, e.detail) for e in found if e.is_license] == [
        ("CERN-OHL-S-2.0", "Document.xml property Comment")
    ]


def test_spdx_tags_in_label(tmp_path):
    document = document_xml(
        {"Label": "SPDX-License-Identifier: CERN-OHL-W-2.0", "License": "", "LicenseURL": ""}
    )
    assert [(e.raw, e.detail) for e in run(tmp_path, fcstd(document))] == [
        ("CERN-OHL-W-2.0", "Document.xml property Label")
    ]


def test_app_part_license(tmp_path):
    parts = (
        ("Part", "Lid", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
        ("Part001", "Vendor screw", "", ""),
    )
    document = document_xml({"License": "CC-BY-SA-4.0"}, parts)
    assert licenses(run(tmp_path, fcstd(document))) == [
        ("CC-BY-SA-4.0", "CC-BY-SA-4.0", "Document.xml property License"),
        ("CC-BY-4.0", "Creative Commons Attribution 4.0", "Document.xml App::Part 'Lid' property License"),
    ]


def test_without_parts_the_object_data_is_not_parsed(tmp_path):
    broken = document_xml().replace(b"    <ObjectData", b"    <ObjectData <<not xml", 1)
    assert licenses(run(tmp_path, fcstd(broken)))  # stopped after </Objects>
    with_part = document_xml(parts=(("Part", "Lid", "", ""),))
    with_part = with_part.replace(b"    <ObjectData", b"    <ObjectData <<not xml", 1)
    with pytest.raises(ExtractError):
        run(tmp_path, fcstd(with_part))  # App::Part objects exist: ObjectData is read


def test_truncated_archive(tmp_path):
    data = fcstd(document_xml())
    with pytest.raises(ExtractError):
        run(tmp_path, data[: len(data) // 2])


def test_archive_without_document(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("GuiDocument.xml", b"<Document/>")
    with pytest.raises(ExtractError, match=r"no Document\.xml"):
        run(tmp_path, buffer.getvalue())


def test_other_xml_root(tmp_path):
    with pytest.raises(ExtractError, match="not <Document>"):
        run(tmp_path, fcstd(b"<?xml version='1.0'?><model/>"))


def with_doctype(document: bytes, subset: str) -> bytes:
    return document.replace(b"<Document ", f"<!DOCTYPE Document [{subset}]>\n<Document ".encode(), 1)


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Top Secret License", encoding="utf-8")
    document = with_doctype(document_xml({"License": "&xxe;"}), f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">')
    with pytest.raises(ExtractError):
        run(tmp_path, fcstd(document))


def test_entity_expansion_is_refused(tmp_path):
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    document = with_doctype(document_xml({"License": "&l9;"}), f'<!ENTITY l0 "lol">{laughs}')
    start = time.perf_counter()
    with pytest.raises(ExtractError):
        run(tmp_path, fcstd(document))
    assert time.perf_counter() - start < 1


VALID = fcstd(document_xml({"License": "CC-BY-SA-4.0"}, (("Part", "Lid", "MIT", ""),)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=2048), st.integers(0, len(VALID)).map(lambda cut: VALID[:cut])))
def test_fuzz_random_bytes_and_truncations(tmp_path, data):
    _check_never_crashes(tmp_path, data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 4000), st.binary(min_size=1, max_size=4)), max_size=6))
def test_fuzz_mutated_document(tmp_path, edits):
    document = bytearray(document_xml({"License": "CC-BY-SA-4.0"}, (("Part", "Lid", "MIT", ""),)))
    for position, replacement in edits:
        at = position % len(document)
        document[at : at + len(replacement)] = replacement
    _check_never_crashes(tmp_path, fcstd(bytes(document)))


def _check_never_crashes(tmp_path: Path, data: bytes) -> None:
    start = time.perf_counter()
    try:
        found = run(tmp_path, data)
    except ExtractError:
        found = []
    assert isinstance(found, list)
    assert time.perf_counter() - start < 1


def test_parsing_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr("licensecheck.extract.freecad.MAX_ELEMENTS", 200)
    filler = "".join(f'        <ObjectDeps Name="Sketch{i:03}" Count="0"/>\n' for i in range(300))
    document = document_xml({"License": "CC-BY-SA-4.0"}, (("Part", "Lid", "MIT", ""),), tail="")
    document = document.replace(b"    </Objects>", filler.encode() + b"    </Objects>", 1)
    # the part's properties lie past the bound: the document's license is still read
    assert [e.raw for e in run(tmp_path, fcstd(document)) if e.is_license] == ["CC-BY-SA-4.0"]
