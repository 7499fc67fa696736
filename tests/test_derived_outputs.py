# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold licence tags of their own.
"""Fabrication outputs take the licence of the design they were made from (derived.py).

The trial that found it: a knob whose OpenSCAD source is CC BY-NC-SA ("禁止商用") beside a
CC BY-SA project LICENSE had its STL, the file people print, reported as CC BY-SA; the Gerbers
of a CERN-OHL-W board under a MIT root LICENSE were MIT.
"""

from __future__ import annotations

from conftest import file_entry, scan
from test_rules_hardware import BINARY_STL, DRILL, GERBER

KNOB = "// SPDX-License-Identifier: CC-BY-NC-SA-4.0\n// 禁止商用\ncylinder(r=15, h=10);\n"


def board(licence: str) -> str:
    """A KiCad 8 board whose title block states its licence."""
    return (
        '(kicad_pcb\n\t(version 20240108)\n\t(generator "pcbnew")\n\t(generator_version "8.0")\n'
        f'\t(title_block\n\t\t(title "BLDC driver")\n\t\t(comment 1 "License: {licence}")\n\t)\n)\n'
    )


def licences(result: dict) -> dict[str, list[str]]:
    return {f["path"]: f["licenses"] for f in result["files"]}


def test_an_stl_is_under_the_licence_of_the_openscad_source_of_its_name(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: CC-BY-SA-4.0\n",
            "knob.scad": KNOB,
            "knob.stl": BINARY_STL,
            "stl/knob.stl": BINARY_STL,  # exported into a folder of its own
            "case.stl": BINARY_STL,  # made from nothing in the tree: the folder's
        }
    )
    _, result, _ = scan(root)
    found = licences(result)
    assert found["knob.stl"] == found["stl/knob.stl"] == ["CC-BY-NC-SA-4.0"]
    assert found["case.stl"] == ["CC-BY-SA-4.0"]
    non_open = {f["path"] for f in result["findings"] if f["rule"] == "non-open-license"}
    assert {"knob.scad", "knob.stl", "stl/knob.stl"} <= non_open
    [said] = [e for e in file_entry(result, "knob.stl")["evidence"] if e["source"] == "design"]
    assert said["detail"] == "knob.scad is the design it was made from"
    assert said["expression"] == "CC-BY-NC-SA-4.0"


def test_gerbers_and_drill_files_are_under_their_boards_licence(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "firmware/main.c": "// SPDX-License-Identifier: MIT\nint main(void) { return 0; }\n",
            "hardware/bldc-driver.kicad_pcb": board("CERN-OHL-W-2.0"),
            "hardware/gerber/bldc-driver-F_Cu.gtl": GERBER,
            "hardware/gerber/bldc-driver-PTH.drl": DRILL,
            "hardware/gerber/other-F_Cu.gtl": GERBER,  # another board's: not this one's
        }
    )
    _, result, _ = scan(root)
    found = licences(result)
    assert found["hardware/gerber/bldc-driver-F_Cu.gtl"] == ["CERN-OHL-W-2.0"]
    assert found["hardware/gerber/bldc-driver-PTH.drl"] == ["CERN-OHL-W-2.0"]
    assert found["hardware/gerber/other-F_Cu.gtl"] == ["MIT"]
    # The board's mismatch with the MIT LICENSE is said once, for the board, not for each output.
    mismatched = [f["path"] for f in result["findings"] if f["rule"] == "declared-license-mismatch"]
    assert mismatched == ["hardware/bldc-driver.kicad_pcb"]
    # REUSE does not know it: under the reuse profile the outputs need their own statement.
    _, result, _ = scan(root, "--profile", "reuse")
    reuse = {f["path"]: f["message"] for f in result["findings"] if f["rule"] == "license-not-in-reuse-form"}
    said = reuse["hardware/gerber/bldc-driver-F_Cu.gtl"]
    assert "the design it was made from, hardware/bldc-driver.kicad_pcb" in said


def test_an_output_that_says_its_licence_or_designs_that_disagree_keep_what_they_had(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: CC-BY-SA-4.0\n",
            "knob.scad": KNOB,
            "knob.stl": BINARY_STL,
            "knob.stl.license": "SPDX-License-Identifier: CC0-1.0\n",  # its own word
            "parts/a/bolt.scad": "// SPDX-License-Identifier: CERN-OHL-P-2.0\ncube(1);\n",
            "parts/b/bolt.scad": "// SPDX-License-Identifier: CERN-OHL-S-2.0\ncube(1);\n",
            "parts/stl/bolt.stl": BINARY_STL,  # two designs of its name, two licences: neither
        }
    )
    _, result, _ = scan(root)
    found = licences(result)
    assert found["knob.stl"] == ["CC0-1.0"]
    assert found["parts/stl/bolt.stl"] == ["CC-BY-SA-4.0"]


def test_the_design_evidence_is_worded_in_chinese(tree):
    from licensecheck.report.evidence_detail import worded

    root = tree(
        {"LICENSE": "SPDX-License-Identifier: CC-BY-SA-4.0\n", "knob.scad": KNOB, "knob.stl": BINARY_STL}
    )
    _, result, _ = scan(root)
    [said] = [e for e in file_entry(result, "knob.stl")["evidence"] if e["source"] == "design"]
    assert worded(said["detail"], "zh") == "由设计文件 knob.scad 生成"


def test_a_license_file_nearer_the_output_and_the_best_fitting_design_decide(tree):
    thing = (
        "Knob by maker is licensed under the Creative Commons - Attribution - Share Alike license.\n"
        "http://creativecommons.org/licenses/by-sa/3.0/\n"
    )
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            # a part's own licence file beside its STL, nearer than the design's
            "cad/knob.scad": "// SPDX-License-Identifier: CERN-OHL-P-2.0\ncylinder(r=15, h=10);\n",
            "stl/LICENSE.txt": thing,
            "stl/knob.stl": BINARY_STL,
            # an STL whose folder's licence file is unknown: no licence, not its design's
            "prints/LICENSE.txt": "You may print them for yourself. You may not sell the prints.\n",
            "prints/knob.stl": BINARY_STL,
            # two boards, one name inside the other: the longest that fits
            "hw/main.kicad_pcb": board("CERN-OHL-S-2.0"),
            "hw/main-adapter.kicad_pcb": board("CERN-OHL-P-2.0"),
            "hw/gerber/main-adapter-F_Cu.gtl": GERBER,
            "hw/gerber/main-F_Cu.gtl": GERBER,
            # the design in the output's folder, not a part of that name in another project
            "mount/main.scad": "// SPDX-License-Identifier: CERN-OHL-P-2.0\ncube(1);\n",
            "mount/main.stl": BINARY_STL,
            "keyboard/main.scad": "// SPDX-License-Identifier: GPL-3.0-or-later\ncube(2);\n",
            "case/main.stl": BINARY_STL,  # nothing of its own: top-level part folders are apart
        }
    )
    _, result, _ = scan(root)
    found = licences(result)
    assert found["stl/knob.stl"] == ["CC-BY-SA-3.0"]
    assert found["prints/knob.stl"] == []
    assert found["hw/gerber/main-adapter-F_Cu.gtl"] == ["CERN-OHL-P-2.0"]
    assert found["hw/gerber/main-F_Cu.gtl"] == ["CERN-OHL-S-2.0"]
    assert found["mount/main.stl"] == ["CERN-OHL-P-2.0"]
    assert found["case/main.stl"] == ["MIT"]


def test_an_output_under_another_declaration_than_its_design_has_its_own_mismatch(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "hardware/LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
            "hardware/bldc.kicad_pcb": board("CERN-OHL-S-2.0"),
            "gerbers/bldc-F_Cu.gtl": GERBER,
        }
    )
    _, result, _ = scan(root)
    assert licences(result)["gerbers/bldc-F_Cu.gtl"] == ["CERN-OHL-S-2.0"]
    mismatched = [f["path"] for f in result["findings"] if f["rule"] == "declared-license-mismatch"]
    assert mismatched == ["gerbers/bldc-F_Cu.gtl"]


def test_a_chip_vendors_output_takes_no_design_licence(tree):
    # The vendor rule keeps a chip vendor's files out of the maker's licence; a vendor's Gerber
    # is no output of the maker's design either, whatever its name.
    vendor_gerber = "G04 Copyright (c) 2016 STMicroelectronics*\n" + GERBER
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "hw/nucleo.kicad_pcb": board("CERN-OHL-W-2.0"),
            "hw/gerber/nucleo-F_Cu.gtl": vendor_gerber,
        }
    )
    _, result, _ = scan(root)
    assert licences(result)["hw/gerber/nucleo-F_Cu.gtl"] == []


def test_easyeda_outputs_named_after_their_layer_take_the_board_nearby(tree):
    """EasyEDA and JLCPCB name Gerbers and drill files after the layer ("Gerber_TopLayer.GTL"),
    not the board: the board beside them is the one they were plotted from."""
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "hardware/clock.kicad_pcb": board("CERN-OHL-S-2.0"),
            "hardware/Gerber/Gerber_TopLayer.GTL": GERBER,
            "hardware/Gerber/Drill_PTH_Through.DRL": DRILL,
            "hardware/Gerber/panel-F_Cu.gtl": GERBER,  # named after another board: not this one's
        }
    )
    _, result, _ = scan(root)
    found = licences(result)
    assert found["hardware/Gerber/Gerber_TopLayer.GTL"] == ["CERN-OHL-S-2.0"]
    assert found["hardware/Gerber/Drill_PTH_Through.DRL"] == ["CERN-OHL-S-2.0"]
    assert found["hardware/Gerber/panel-F_Cu.gtl"] == ["MIT"]
