# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags and notices that are not this file's own)
"""EasyEDA extractor: Standard JSON exports and Pro .epro archives, written here in EasyEDA's formats."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.easyeda import extract, extract_pro, extract_pro_document

# --- Standard -------------------------------------------------------------------------------


def sch_text(text: str, css: str = "pinpart", number: int = 1) -> str:
    """A schematic text shape: T~mark~x~y~rotation~color~font~size~bold~italic~baseline~type~text~..."""
    return f"T~L~1110~658~0~#880000~~8pt~~~~comment~{text}~1~start~gge{number}~0~{css}"


def pcb_text(text: str) -> str:
    """A board text shape: TEXT~type~x~y~width~rotation~mirror~layer~net~size~text~path~display~id."""
    return f"TEXT~L~4081~3089~0.8~0~0~3~~4.5~{text}~M 4082 3089 L 4090 3089~~gge77~~0~~"


def frame(drawn_by: str = "", company: str = "") -> str:
    """The drawing frame: a LIB shape whose title block labels are followed by their values."""
    parts = [
        "LIB~10~5~package`NONE`Manufacturer Part`?`~~0~frame_lib_1~~~0~~yes~yes~~~",
        sch_text("TITLE:", number=142),
        sch_text("Plant controller", "frame_title", 148),
        sch_text("Drawn By:", number=190),
    ]
    if drawn_by:
        parts.append(sch_text(drawn_by, "frame_drawn", 196))
    parts.append(sch_text("Company:", number=202))
    if company:
        parts.append(sch_text(company, "frame_company", 208))
    parts.append("R~20~15~~~1530~710~#880000~1~0~none~gge121~0~frame_innerbox")
    return "#@$".join(parts)


def make_document(doc_type: str, shapes: list[str], c_para: dict[str, str] | None = None) -> dict:
    head = {"docType": doc_type, "editorVersion": "6.5.50", "newgId": True, "c_para": c_para or {}}
    head.update({"uuid": "f0512a6734664503a805792bca6865ea", "x": "235", "y": "465"})
    return {
        "head": head,
        "canvas": "CA~1000~1000~#FFFFFF~yes~#CCCCCC~5~1000~1000~line~5~pixel~5~0~0",
        "shape": shapes,
    }


def make_project(
    description: str = "", sheet_shapes: list[str] | None = None, as_string: bool = False, **c_para: str
) -> bytes:
    sheet = make_document("1", sheet_shapes if sheet_shapes is not None else [frame()], c_para)
    data_str = json.dumps(sheet) if as_string else sheet
    project = {
        "editorVersion": "6.5.50",
        "docType": "5",
        "title": "Plant controller [rev 1]",
        "description": description,
        "colors": {},
        "schematics": [{"docType": "1", "title": "Sheet_1", "description": "", "dataStr": data_str}],
    }
    return json.dumps(project, indent=2).encode()


def run(data: bytes, name: str = "plant.json") -> list:
    return extract(Source(name, data, Path("/nonexistent")))


def licenses(found: list) -> list[tuple[str | None, str]]:
    return [(e.expression, e.detail) for e in found if e.is_license]


def copyrights(found: list) -> list[tuple[str | None, str]]:
    return [(e.copyright, e.detail) for e in found if e.copyright]


def test_project_description_and_document_c_para():
    found = run(make_project(description="Released under CERN-OHL-S-2.0", License="CC-BY-SA-4.0"))
    assert licenses(found) == [
        ("CERN-OHL-S-2.0", "description"),
        ("CC-BY-SA-4.0", "Sheet_1: c_para License"),
    ]


def test_c_para_license_name_keeps_raw():
    found = run(make_project(License="Creative Commons Attribution-ShareAlike 4.0"))
    assert [(e.expression, e.raw) for e in found] == [
        ("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0")
    ]


def test_frame_title_block_values():
    found = run(make_project(sheet_shapes=[frame(drawn_by="Li Lei", company="Shenzhen Maker Team")]))
    assert copyrights(found) == [
        ("Li Lei", "Sheet_1: frame Drawn By"),
        ("Shenzhen Maker Team", "Sheet_1: frame Company"),
    ]


def test_empty_frame_gives_nothing():
    assert run(make_project()) == []


def test_label_without_value_does_not_take_the_next_frames_text():
    assert run(make_project(sheet_shapes=[frame(), frame(), sch_text("A", "frame_title")])) == []


def test_frame_template_default_is_not_a_holder():
    assert run(make_project(sheet_shapes=[frame(company="EasyEDA.com")])) == []


def test_sheet_text_sentences_and_notices():
    shapes = [frame(), sch_text("Released under the", number=9), sch_text("CERN-OHL-S-2.0", number=10)]
    shapes.append(sch_text("Copyright 2025 Li Lei", number=11))
    found = run(make_project(sheet_shapes=shapes))
    assert licenses(found) == [("CERN-OHL-S-2.0", "Sheet_1: text")]
    assert found[0].raw == "Released under the CERN-OHL-S-2.0"
    assert copyrights(found) == [("Copyright 2025 Li Lei", "Sheet_1: text")]


def test_document_kept_as_a_json_string():
    found = run(make_project(as_string=True, Author="Li Lei"))
    assert copyrights(found) == [("Li Lei", "Sheet_1: c_para Author")]


def test_single_board_document_export():
    document = make_document("3", [pcb_text("Licensed under CERN-OHL-P-2.0")], {"Designer": "Li Lei"})
    found = run(json.dumps(document).encode(), "board.json")
    assert licenses(found) == [("CERN-OHL-P-2.0", "text")]
    assert copyrights(found) == [("Li Lei", "c_para Designer")]


def test_chinese_field_names():
    found = run(make_project(**{"许可证": "木兰宽松许可证 第2版", "作者": "李雷"}))
    assert licenses(found) == [("MulanPSL-2.0", "Sheet_1: c_para 许可证")]
    assert copyrights(found) == [("李雷", "Sheet_1: c_para 作者")]


def test_invalid_json_is_an_extract_error():
    with pytest.raises(ExtractError, match="not valid JSON"):
        run(make_project()[:-20])


def test_deeply_nested_json_is_an_extract_error():
    with pytest.raises(ExtractError):
        run(b"[" * 200_000 + b"]" * 200_000)


# --- Pro ------------------------------------------------------------------------------------


def _lines(rows: list[list]) -> bytes:
    return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows).encode() + b"\n"


def make_sheet(attributes: dict[str, str], texts: tuple[str, ...] = ()) -> bytes:
    rows: list[list] = [
        ["DOCTYPE", "SCH", "1.1"],
        ["HEAD", {"originX": 0, "originY": 0, "version": "2", "maxId": 20547}],
        ["COMPONENT", "e1", "", 0, 0, 0, 0, {}, 0],
        ["FONTSTYLE", "st1", None, None, None, 20, None, None, None, None, 1, 1],
        ["ATTR", "e3", "e1", "@Project Name", "Plant controller", None, None, None, None, None, "st1", 0],
        ["ATTR", "e10", "e1", "Company", "EasyEDA.com", None, None, None, None, None, "st1", 0],
    ]
    for n, (key, value) in enumerate(attributes.items(), start=20):
        rows.append(["ATTR", f"e{n}", "e1", key, value, None, None, None, None, None, "st1", 0])
    for n, text in enumerate(texts, start=40):
        rows.append(["TEXT", f"e{n}", 560, 495, 0, text, "st4", 0])
    return _lines(rows)


def make_board(texts: tuple[str, ...] = (), designer: str = "") -> bytes:
    rows: list[list] = [["DOCTYPE", "PCB", "1.8"], ["HEAD", {"editorVersion": "2.2.46"}]]
    rows.append(["ATTR", "e26", 0, "e2742", 3, None, None, "Footprint", "CONN-TH_2P", 0, 0, "default", 45])
    if designer:
        rows.append(["ATTR", "e27", 0, "e2742", 3, -205, 169, "Designer", designer, 0, 1, "default", 45])
    for n, text in enumerate(texts, start=60):
        rows.append(["STRING", f"e{n}", 0, 3, -210, -220, text, "default", 39.37, 8, 0, 0, 3, 0, 0, 0, 0, 0])
    return _lines(rows)


def make_epro(sheet: bytes, board: bytes = b"", config: dict | None = None) -> bytes:
    project = {
        "schematics": {
            "f06085": {"name": "Schematic Main", "sheets": [{"name": "P1", "id": 1, "uuid": "1129"}]}
        },
        "pcbs": {"2c64d9": "PCB1"},
        "devices": {
            "d1": {"title": "Drawing-Symbol_A4", "attributes": {"Company": "Vendor", "Author": "Vendor"}}
        },
        "config": {
            "title": "Plant controller",
            "cbbProject": False,
            "editorVersion": "2.2.46.11",
            **(config or {}),
        },
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("SHEET/", b"")
        archive.writestr("project.json", json.dumps(project, indent=2))
        archive.writestr("SHEET/f06085/1.esch", sheet)
        archive.writestr("PCB/2c64d9.epcb", board or make_board())
        archive.writestr("SYMBOL/6fbc35.esym", make_sheet({"Author": "Symbol Vendor"}))
    return buffer.getvalue()


def run_pro(data: bytes) -> list:
    return extract_pro(Source("plant.epro", data, Path("/nonexistent")))


def test_pro_sheet_attributes_and_text():
    sheet = make_sheet(
        {"Drawn": "Li Lei", "License": "CERN-OHL-S-2.0", "Reviewed": ""}, ("Licensed under", "CC-BY-4.0")
    )
    found = run_pro(make_epro(sheet))
    assert licenses(found) == [
        ("CERN-OHL-S-2.0", "SHEET/f06085/1.esch: attribute License"),
        ("CC-BY-4.0", "SHEET/f06085/1.esch: text"),
    ]
    assert copyrights(found) == [("Li Lei", "SHEET/f06085/1.esch: attribute Drawn")]
    assert [e.line for e in found if e.copyright] == [7]


def test_pro_template_company_and_library_symbols_are_skipped():
    assert run_pro(make_epro(make_sheet({"Drawn": ""}))) == []


def test_pro_board_rows_keep_their_key_further_right():
    board = make_board(texts=("Copyright 2025 Li Lei", "GND"), designer="Li Lei")
    found = run_pro(make_epro(make_sheet({}), board))
    assert copyrights(found) == [
        ("Li Lei", "PCB/2c64d9.epcb: attribute Designer"),
        ("Copyright 2025 Li Lei", "PCB/2c64d9.epcb: text"),
    ]


def test_pro_project_config_fields():
    found = run_pro(make_epro(make_sheet({}), config={"license": "CERN-OHL-W-2.0"}))
    assert licenses(found) == [("CERN-OHL-W-2.0", "project.json license")]


def test_pro_document_file_and_broken_rows():
    data = make_sheet({"License": "MIT"}) + b'["ATTR","e99","e1","License",\n["TEXT", {]\n'
    found = extract_pro_document(Source("SHEET/1.esch", data, Path("/nonexistent")))
    assert licenses(found) == [("MIT", "attribute License")]


def test_pro_bad_archive_and_bad_project_json():
    with pytest.raises(ExtractError):
        run_pro(b"PK\x03\x04 not really a zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.json", "{not json")
    with pytest.raises(ExtractError, match="not valid JSON"):
        run_pro(buffer.getvalue())


VALID_STD = make_project(description="Licensed under MIT", sheet_shapes=[frame("Li Lei")], License="MIT")
VALID_EPRO = make_epro(make_sheet({"License": "MIT"}, ("Licensed under MIT",)))


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes_never_crash(data):
    for read in (run, run_pro):
        with contextlib.suppress(ExtractError):
            read(data)
    extract_pro_document(Source("x.esch", data, Path("/nonexistent")))


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([VALID_STD, VALID_EPRO]), st.integers(0, 100_000), st.binary(max_size=16))
def test_mutations_never_crash(valid, position, insert):
    position %= len(valid)
    data = valid[:position] + insert + valid[position + len(insert) :]
    for read in (run, run_pro):
        with contextlib.suppress(ExtractError):
            read(data)


# REUSE-IgnoreEnd
