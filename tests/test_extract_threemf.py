# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""3MF: metadata of the model part of an OPC package we write (validated with lib3mf when installed)."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.threemf import extract

CORE = "http://schemas.microsoft.com/3dmanufacturing/core/2015/02"
MODEL_TYPE = "http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\n'
    ' <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\n'
    ' <Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>\n'
    "</Types>\n"
)
TETRAHEDRON = (
    " <resources>\n"
    '  <object id="1" type="model">\n'
    "   <mesh>\n"
    "    <vertices>\n"
    '     <vertex x="0" y="0" z="0"/>\n'
    '     <vertex x="10" y="0" z="0"/>\n'
    '     <vertex x="0" y="10" z="0"/>\n'
    '     <vertex x="0" y="0" z="10"/>\n'
    "    </vertices>\n"
    "    <triangles>\n"
    '     <triangle v1="0" v2="2" v3="1"/>\n'
    '     <triangle v1="0" v2="1" v3="3"/>\n'
    '     <triangle v1="0" v2="3" v3="2"/>\n'
    '     <triangle v1="1" v2="2" v3="3"/>\n'
    "    </triangles>\n"
    "   </mesh>\n"
    "  </object>\n"
    " </resources>\n"
    ' <build>\n  <item objectid="1"/>\n </build>\n'
)


def model(
    metadata: list[tuple[str, str]], prelude: str = "", namespaces: str = "", body: str = TETRAHEDRON
) -> str:
    """A 3D/3dmodel.model part: `prelude` goes before the root, `body` after the metadata."""
    entries = "".join(f" <metadata name={quoteattr(k)}>{escape(v)}</metadata>\n" for k, v in metadata)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + prelude
        + f'<model unit="millimeter" xml:lang="en-US" xmlns="{CORE}"{namespaces}>\n'
        + entries
        + body
        + "</model>\n"
    )


def package(model_text: str | bytes, part: str = "3D/3dmodel.model", rels: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        if rels:
            archive.writestr(
                "_rels/.rels",
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\n'
                f' <Relationship Target="/{part}" Id="rel0" Type="{MODEL_TYPE}"/>\n'
                "</Relationships>\n",
            )
        archive.writestr(part, model_text)
    return buffer.getvalue()


LID = [
    ("Title", "Enclosure lid"),
    ("Designer", "Li Lei"),
    ("Description", "Lid for the plant controller"),
    ("Copyright", "2025 Shenzhen Maker Team"),
    ("LicenseTerms", "CERN-OHL-W-2.0"),
    ("Application", "FreeCAD"),
    ("CreationDate", "2025-03-01"),
]


def run(tmp_path: Path, data: bytes) -> list:
    return extract(Source("print/lid.3mf", data, tmp_path))


def test_core_metadata(tmp_path):
    found = run(tmp_path, package(model(LID)))
    licenses = [(e.raw, e.detail) for e in found if e.is_license]
    assert licenses == [("CERN-OHL-W-2.0", "3MF metadata LicenseTerms")]
    assert [(e.copyright, e.detail) for e in found if e.copyright] == [
        ("Li Lei", "3MF metadata Designer"),
        ("2025 Shenzhen Maker Team", "3MF metadata Copyright"),
    ]
    assert {e.source for e in found} == {"embedded"}


def test_bambu_studio_metadata(tmp_path):
    # Bambu Studio writes MakerWorld's Creative Commons choice without "CC" and the designer's
    # account number beside the name: "BY-NC-SA" was an unknown licence (and the advice, a
    # LicenseRef text), "1234567890" a copyright holder.
    bambu = [
        ("Application", "BambuStudio-01.10.02.76"),
        ("Designer", "阿杰"),
        ("DesignerUserId", "1234567890"),
        ("DesignerCover", "https://public-cdn.bblmw.com/cover.png"),
        ("License", "BY-NC-SA"),
    ]
    found = run(tmp_path, package(model(bambu)))
    assert [e.expression for e in found if e.is_license] == ["CC-BY-NC-SA-4.0"]
    assert [e.copyright for e in found if e.copyright] == ["阿杰"]


def test_fixture_is_a_valid_3mf():
    lib3mf = pytest.importorskip("lib3mf")
    wrapper = lib3mf.get_wrapper()
    document = wrapper.CreateModel()
    reader = document.QueryReader("3mf")
    reader.SetStrictModeActive(True)
    reader.ReadFromBuffer(package(model(LID)))
    group = document.GetMetaDataGroup()
    entries = [group.GetMetaData(i) for i in range(group.GetMetaDataCount())]
    read = {entry.GetName(): entry.GetValue() for entry in entries}
    assert read["LicenseTerms"] == "CERN-OHL-W-2.0"


def test_spdx_tag_and_license_name_in_license_terms(tmp_path):
    pytest.importorskip("licensecheck.knowledge")
    tagged = run(tmp_path, package(model([("LicenseTerms", "SPDX-License-Identifier: CC-BY-4.0")])))
    assert [e.expression for e in tagged] == ["CC-BY-4.0"]  # not "CC-BY-4.0</metadata>"
    named = run(tmp_path, package(model([("LicenseTerms", "Creative Commons Attribution-ShareAlike 4.0")])))
    assert [(e.expression, e.raw) for e in named] == [
        ("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0")
    ]


def test_license_sentence_in_description(tmp_path):
    pytest.importorskip("licensecheck.knowledge")
    text = "Plant pot. Licensed under the CERN-OHL-P v2"
    found = run(tmp_path, package(model([("Description", text)])))
    assert [(e.expression, e.raw, e.detail) for e in found] == [
        ("CERN-OHL-P-2.0", text, "3MF metadata Description")
    ]


def test_namespaced_metadata(tmp_path):
    namespaces = ' xmlns:bambu="http://schemas.bambulab.com/package/2021"'
    metadata = [("bambu:License", "MIT"), ("bambu:Version", "1.9")]
    found = run(tmp_path, package(model(metadata, namespaces=namespaces)))
    assert [(e.raw, e.detail) for e in found] == [("MIT", "3MF metadata bambu:License")]


def test_start_part_from_relationships(tmp_path):
    found = run(tmp_path, package(model([("LicenseTerms", "CC0-1.0")]), part="3D/lid_model.model"))
    assert [e.raw for e in found] == ["CC0-1.0"]


def test_default_part_without_relationships(tmp_path):
    found = run(tmp_path, package(model([("LicenseTerms", "CC0-1.0")]), rels=False))
    assert [e.raw for e in found] == ["CC0-1.0"]


def test_tags_in_xml_comments(tmp_path):
    prelude = "<!-- SPDX-FileCopyrightText: 2025 Li Lei -->\n"
    prelude += "<!-- SPDX-License-Identifier: CERN-OHL-S-2.0 -->\n"
    found = run(tmp_path, package(model([], prelude)))
    assert [(e.source, e.raw, e.copyright, e.line) for e in found] == [
        ("header", None, "2025 Li Lei", None),  # lines of an archive member are not the file's
        ("header", "CERN-OHL-S-2.0", None, None),
    ]


def test_parsing_stops_at_resources(tmp_path):
    body = TETRAHEDRON.replace("<mesh>", "<mesh <<< this is no XML & never parsed", 1)
    body += ' <metadata name="LicenseTerms">GPL-3.0-only</metadata>\n'
    found = run(tmp_path, package(model([("LicenseTerms", "CC0-1.0")], body=body)))
    assert [e.raw for e in found] == ["CC0-1.0"]


def test_no_metadata(tmp_path):
    assert run(tmp_path, package(model([("Application", "FreeCAD")]))) == []


def test_missing_model_part(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
    with pytest.raises(ExtractError, match="no model part"):
        run(tmp_path, buffer.getvalue())


def test_not_a_zip(tmp_path):
    with pytest.raises(ExtractError):
        run(tmp_path, model(LID).encode())


def test_model_with_another_root(tmp_path):
    with pytest.raises(ExtractError, match="not <model>"):
        run(tmp_path, package('<?xml version="1.0"?><amf unit="millimeter"/>'))


def test_zip_bomb(tmp_path):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("3D/3dmodel.model", b"<model " + b" " * (65 * 1024 * 1024) + b"/>")
    data = bomb.getvalue()
    assert len(data) < 1024 * 1024
    start = time.perf_counter()
    with pytest.raises(ExtractError, match="inflates past"):
        run(tmp_path, data)
    assert time.perf_counter() - start < 5


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Top Secret License", encoding="utf-8")
    prelude = f'<!DOCTYPE model [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
    with pytest.raises(ExtractError):
        run(tmp_path, package(model([("LicenseTerms", "&xxe;")], prelude).replace("&amp;xxe;", "&xxe;")))


def test_entity_expansion_is_refused(tmp_path):
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    prelude = f'<!DOCTYPE model [<!ENTITY l0 "lol">{laughs}]>\n'
    with pytest.raises(ExtractError):
        run(tmp_path, package(model([("LicenseTerms", "&l9;")], prelude).replace("&amp;l9;", "&l9;")))


VALID = package(model(LID, "<!-- SPDX-License-Identifier: CERN-OHL-W-2.0 -->\n"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=2048), st.integers(0, len(VALID)).map(lambda cut: VALID[:cut])))
def test_fuzz_random_bytes_and_truncations(tmp_path, data):
    _check_never_crashes(tmp_path, data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 2000), st.binary(min_size=1, max_size=4)), max_size=6))
def test_fuzz_mutated_model(tmp_path, edits):
    text = bytearray(model(LID).encode())
    for position, replacement in edits:
        at = position % len(text)
        text[at : at + len(replacement)] = replacement
    _check_never_crashes(tmp_path, package(bytes(text)))


def _check_never_crashes(tmp_path: Path, data: bytes) -> None:
    start = time.perf_counter()
    try:
        found = run(tmp_path, data)
    except ExtractError:
        found = []
    assert isinstance(found, list)
    assert time.perf_counter() - start < 1
