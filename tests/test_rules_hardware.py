# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""hardware-source-missing: fabrication outputs need their editable design (OSHWA criterion 1)."""

from __future__ import annotations

import struct

import pytest
from conftest import scan

GERBER = (
    "G04 #@! TF.GenerationSoftware,KiCad,Pcbnew,8.0.4*\n"
    "G04 #@! TF.FileFunction,Copper,L1,Top*\n"
    "%FSLAX46Y46*%\n%MOMM*%\n%LPD*%\nG01*\n%ADD10C,0.250000*%\nD10*\n"
    "X110000000Y-90000000D02*\nX140000000Y-90000000D01*\nM02*\n"
)
DRILL = "M48\n; DRILL file {KiCad 8.0.4}\nFMAT,2\nMETRIC\nT1C1.000\n%\nG90\nG05\nT1\nX110.0Y-90.0\nM30\n"
KICAD_PCB = (
    '(kicad_pcb (version 20240108) (generator "pcbnew")\n  (general (thickness 1.6))\n  (paper "A4")\n)\n'
)
BINARY_STL = b"OpenSCAD Model".ljust(80, b" ") + struct.pack("<I", 1) + struct.pack("<12fH", *[0.0] * 12, 0)
SCAD = "cube([10, 10, 10]);\n"
FIRMWARE_HEX = ":10010000214601360121470136007EFE09D2190140\n:00000001FF\n"
MAIN_C = "int main(void) { return 0; }\n"
LICENSE = {"LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n"}


def source_findings(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == "hardware-source-missing"]


def test_gerbers_without_a_pcb_design(tree):
    _, result, _ = scan(tree({**LICENSE, "out/board-F_Cu.gtl": GERBER, "out/board-PTH.drl": DRILL}))
    findings = source_findings(result)
    assert len(findings) == 1
    message = findings[0]["message"]
    assert "out/board-F_Cu.gtl" in message and "out/board-PTH.drl" in message
    assert "KiCad" in message and "OSHWA" in message
    assert findings[0]["path"] is None and findings[0]["severity"] == "warning"


def test_gerbers_next_to_their_kicad_board_are_fine(tree):
    files = {**LICENSE, "hw/board.kicad_pcb": KICAD_PCB, "hw/gerbers/board-F_Cu.gtl": GERBER}
    _, result, _ = scan(tree(files))
    assert source_findings(result) == []


def test_the_source_may_be_anywhere_in_the_project(tree):
    files = {**LICENSE, "pcb/board.kicad_pcb": KICAD_PCB, "release/v1/board-F_Cu.gtl": GERBER}
    _, result, _ = scan(tree(files))
    assert source_findings(result) == []


def test_each_kind_needs_its_own_source(tree):
    # A KiCad board does not make an STL editable: the mechanical source is missing.
    files = {**LICENSE, "hw/board.kicad_pcb": KICAD_PCB, "case/enclosure.stl": BINARY_STL}
    _, result, _ = scan(tree(files))
    findings = source_findings(result)
    assert len(findings) == 1 and "case/enclosure.stl" in findings[0]["message"]


def test_stl_with_openscad_source_is_fine(tree):
    files = {**LICENSE, "case/enclosure.stl": BINARY_STL, "case/enclosure.scad": SCAD}
    _, result, _ = scan(tree(files))
    assert source_findings(result) == []


@pytest.mark.parametrize(("extra", "expected"), [({}, 1), ({"fw/main.c": MAIN_C}, 0)])
def test_firmware_image_needs_source_code(tree, extra, expected):
    _, result, _ = scan(tree({**LICENSE, "fw/build/firmware.hex": FIRMWARE_HEX, **extra}))
    assert len(source_findings(result)) == expected


def test_oshwa_profile_makes_it_an_error(tree):
    code, result, _ = scan(tree({**LICENSE, "out/board-F_Cu.gtl": GERBER}), "--profile", "oshwa")
    assert source_findings(result)[0]["severity"] == "error"
    assert code == 1


def test_message_in_chinese(tree):
    _, result, _ = scan(tree({**LICENSE, "out/board-F_Cu.gtl": GERBER}), "--lang", "zh")
    assert "可编辑的源文件" in source_findings(result)[0]["message"]


def _zipped(members: dict[str, str], folder: str = "") -> bytes:
    """A zip of `members`, in `folder` when given, whose entry then comes first (as `zip -r` writes)."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if folder:
            archive.writestr(zipfile.ZipInfo(folder), "")
        for name, text in members.items():
            archive.writestr(folder + name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name", ["release/Gerber_PD-board_V1.0.zip", "release/fab.zip"]
)  # EasyEDA's name; a KiCad plot folder zipped under any name
def test_a_zip_of_gerbers_without_a_pcb_design(tree, name):
    # Publishing only the fab's zip is common on Gitee; it was "an archive", and nothing was missing.
    gerbers = _zipped({"board-F_Cu.gtl": GERBER, "board-PTH.drl": DRILL})
    _, result, _ = scan(tree({**LICENSE, name: gerbers, "README.md": "# PD board\n"}))
    [finding] = source_findings(result)
    assert name in finding["message"]
    files = {f["path"]: f for f in result["files"]}
    assert (files[name]["category"], files[name]["format"]) == ("hardware", "gerber-archive")


def test_another_zip_is_an_archive(tree):
    _, result, _ = scan(tree({**LICENSE, "docs/photos.zip": _zipped({"front.jpg": "not a photo"})}))
    files = {f["path"]: f for f in result["files"]}
    assert files["docs/photos.zip"]["format"] == "archive" and source_findings(result) == []


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "fab/board-v1.2-fab.zip",
            _zipped({"board-F_Cu.gtl": GERBER}, "gerber/"),
            "gerber-archive",
        ),
        (
            "fab/PCB_MyBoard.zip",
            _zipped({"How-to-order-PCB.txt": "Upload this zip to the fab.\n", "Gerber_TopLayer.GTL": GERBER}),
            "gerber-archive",
        ),
        (
            "dist/gerber-viewer-plugin-1.0.zip",
            _zipped({"plugin/__init__.py": "VERSION = '1.0'\n"}),
            "archive",
        ),
    ],
)
def test_a_zip_is_told_by_its_members(tree, name, data, expected):
    _, result, _ = scan(tree({**LICENSE, name: data}))
    assert {f["path"]: f["format"] for f in result["files"]}[name] == expected
