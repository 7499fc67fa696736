# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold licence tags of their own.
"""proprietary-format-only: a design only in a proprietary tool's native files (NORMS OSHW-005).

Altium documents and SolidWorks parts are OLE compound files, a Fusion 360 archive is a ZIP;
the files below start as those do. The exports are as the tools write them.
"""

from __future__ import annotations

import io
import zipfile

from conftest import scan

# An OLE compound file's header (magic, minor and major version, byte order), then padding.
OLE = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + bytes.fromhex("3e000300feff") + bytes(490)
STEP = (
    "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('case'),'2;1');\n"
    "FILE_NAME('case.step','2025-03-01T10:00:00',('Li Wei'),(''),'Autodesk Fusion','','');\n"
    "FILE_SCHEMA(('AUTOMOTIVE_DESIGN { 1 0 10303 214 3 1 1 }'));\nENDSEC;\nDATA;\nENDSEC;\n"
    "END-ISO-10303-21;\n"
)
PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
GERBER = (
    "G04 #@! TF.GenerationSoftware,Altium Limited,Altium Designer,24.1.2*\n"
    "%FSLAX25Y25*%\n%MOIN*%\n%ADD10C,0.01000*%\nD10*\nX0Y0D02*\nX100000Y0D01*\nM02*\n"
)


def fusion_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Manifest.dat", b"\x00\x01fusion")
        archive.writestr("FusionAssetName[Active]/BulkStream.dat", b"\x00" * 64)
    return buffer.getvalue()


def found(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == "proprietary-format-only"]


def test_native_files_alone_are_reported_and_cern_ohl_makes_it_an_obligation(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
            "mechanical/case.f3d": fusion_archive(),
            "pcb/board.PcbDoc": OLE,
            "pcb/board.SchDoc": OLE,
        }
    )
    _, result, _ = scan(root)
    mechanical, pcb = sorted(found(result), key=lambda f: "PCB" in f["message"])
    assert mechanical["severity"] == "warning" and mechanical["path"] is None
    assert "1 mechanical design file(s) (mechanical/case.f3d)" in mechanical["message"]
    assert "Under CERN-OHL-S-2.0, whoever passes the design on must" in mechanical["message"]
    assert "STEP" in mechanical["message"]
    assert "2 PCB design file(s) (pcb/board.PcbDoc, pcb/board.SchDoc)" in pcb["message"]
    assert mechanical["licenses"] == ["CERN-OHL-S-2.0"]


def test_without_cern_ohl_it_is_a_best_practice(tree):
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "cad/bracket.SLDPRT": OLE})
    _, result, _ = scan(root)
    [finding] = found(result)
    assert (
        "OSHWA's best practices ask for it" in finding["message"]
        and "passes the design on" not in finding["message"]
    )


def test_an_export_an_open_tool_shows_is_enough(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
            "mechanical/case.f3d": fusion_archive(),
            "mechanical/case.step": STEP,
            "pcb/board.PcbDoc": OLE,
            "pcb/gerbers/board.GTL": GERBER,
        }
    )
    _, result, _ = scan(root)
    assert found(result) == []


def test_the_message_in_chinese(tree):
    files = {"LICENSE": "SPDX-License-Identifier: CERN-OHL-W-2.0\n", "mechanical/case.f3d": fusion_archive()}
    root = tree(files)
    _, result, _ = scan(root, "--lang", "zh")
    [finding] = found(result)
    assert (
        "机械结构设计文件" in finding["message"]
        and "按照 CERN-OHL-W-2.0，传播该设计的人" in finding["message"]
    )


def test_a_datasheet_is_not_the_design_in_pdf_and_a_schematic_print_is(tree):
    files = {
        "LICENSE": "SPDX-License-Identifier: TAPR-OHL-1.0\n",
        "hardware/controller.PcbDoc": OLE,
        "docs/datasheets/ATmega328P.pdf": PDF,
    }
    _, result, _ = scan(tree(files))
    [finding] = found(result)
    assert finding["licenses"] == ["TAPR-OHL-1.0"] and "Under TAPR-OHL-1.0," in finding["message"]
    # Whole words: a Schottky diode's or a keyboard switch's datasheet is not the design.
    lookalikes = {
        "docs/SS34_Schottky.pdf": PDF,
        "docs/CherryMX_keyboard_switch.pdf": PDF,
        "JLCPCB_order.pdf": PDF,
    }
    _, result, _ = scan(tree({**files, **lookalikes}, name="lookalikes"))
    assert len(found(result)) == 1
    _, result, _ = scan(tree({**files, "docs/controller_schematic.pdf": PDF}, name="printed"))
    assert found(result) == []
