# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""OSHWA readiness: a license for hardware, software and documentation; a BOM for a PCB."""

from __future__ import annotations

import re

import pytest
from conftest import scan

from licensecheck.rules import oshwa

KICAD_PCB = '(kicad_pcb (version 20240108) (generator "pcbnew")\n  (general (thickness 1.6))\n)\n'
KICAD_SYM = "(kicad_symbol_lib (version 20231120) (generator kicad_symbol_editor))\n"
README = "<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n# Plant watering board\n"
BOM = "Reference,Value,Qty,MPN\nR1,10k,1,RC0603FR-0710KL\n"


def findings(result: dict, rule: str) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == rule]


def test_all_three_licensed_passes(tree):
    files = {
        "LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
        "hw/board.kicad_pcb": KICAD_PCB,
        "hw/bom.csv": BOM,
        "fw/main.c": "// SPDX-License-Identifier: MIT\nint x;\n",
        "README.md": README,
    }
    _, result, _ = scan(tree(files), "--profile", "oshwa")
    assert findings(result, "oshwa-license-missing") == []
    assert findings(result, "bom-missing") == []


def test_unlicensed_software_and_missing_documentation(tree):
    files = {
        "hw/board.kicad_pcb": "(kicad_pcb (version 20240108)\n  (title_block (comment 1 "
        '"SPDX-License-Identifier: CERN-OHL-S-2.0"))\n)\n',
        "hw/bom.csv": BOM,
        "fw/main.c": "int x;\n",
    }
    code, result, _ = scan(tree(files), "--profile", "oshwa")
    messages = sorted(f["message"] for f in findings(result, "oshwa-license-missing"))
    assert len(messages) == 2 and code == 1
    found = findings(result, "oshwa-license-missing")
    assert all(f["severity"] == "error" and f["path"] is None for f in found)
    assert "documentation: no documentation was found" in messages[0]
    assert "software: none of its 1 files has a license (fw/main.c)" in messages[1]


def test_a_project_without_software_needs_no_software_license(tree):
    files = {
        "LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
        "hw/board.kicad_pcb": KICAD_PCB,
        "hw/bom.csv": BOM,
        "README.md": README,
    }
    _, result, _ = scan(tree(files), "--profile", "oshwa")
    assert findings(result, "oshwa-license-missing") == []


def test_off_in_the_default_profile(tree):
    _, result, _ = scan(tree({"fw/main.c": "int x;\n"}))
    assert findings(result, "oshwa-license-missing") == []


def test_a_board_without_a_bill_of_materials(tree):
    files = {"LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n", "hw/board.kicad_pcb": KICAD_PCB}
    _, result, _ = scan(tree(files))
    [found] = findings(result, "bom-missing")
    assert found["severity"] == "info" and "hw/board.kicad_pcb" in found["message"]
    _, result, _ = scan(tree(files, name="oshwa"), "--profile", "oshwa")
    assert findings(result, "bom-missing")[0]["severity"] == "warning"


def test_a_bom_anywhere_and_in_any_spelling_is_enough(tree):
    files = {
        "LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
        "hw/board.kicad_pcb": KICAD_PCB,
        "production/Board_BOM.xlsx": b"PK\x03\x04" + b"\x00" * 30,
    }
    _, result, _ = scan(tree(files))
    assert findings(result, "bom-missing") == []


def test_a_symbol_library_is_not_a_board(tree):
    files = {"LICENSE": "SPDX-License-Identifier: CC-BY-SA-4.0\n", "lib/parts.kicad_sym": KICAD_SYM}
    _, result, _ = scan(tree(files))
    assert findings(result, "bom-missing") == []


@pytest.mark.parametrize(
    "name",
    [
        "bom.csv",
        "BOM",
        "board-BOM_v2.xlsx",
        "x.bom",
        "b bom",
        "bbom",
        "abom.csv",
        "bomb.txt",
        "tombola",
        "Bill of Materials.pdf",
        "bill_of_materials",
        "BILLOFMATERIALS",
        "bill-of-material",
        "bıll of materials",
        "ıbom",
        "büm",
        "",
        "b",
        "om",
    ],
)
def test_bom_names_are_those_of_the_plain_pattern(name):
    # BOM_NAME is factored for speed: it must find what this plain form of it finds.
    plain = re.compile(r"(?<![a-z])bom(?![a-z])|bill.?of.?materials", re.IGNORECASE)
    assert bool(oshwa.BOM_NAME.search(name)) == bool(plain.search(name))
