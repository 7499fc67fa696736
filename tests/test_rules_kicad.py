# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold licence tags of their own.
"""kicad-library-copy: footprints copied from KiCad's libraries into a project (NORMS KICAD-002).

The footprints below are written as KiCad 8 and KiCad 5 save them; the library ones as they
are in KiCad's footprint library (their 3D model in the library's own folder, named as the
footprint; the generator's description). They took the project's CERN-OHL-S-2.0 and nothing
was said.
"""

from __future__ import annotations

import pytest
from conftest import file_entry, scan

from licensecheck.extract import Source
from licensecheck.extract.kicad import extract

KICAD_LIBRARIES = "CC-BY-SA-4.0 WITH KiCad-libraries-exception"


def footprint(name: str, model: str | None, descr: str = "Resistor SMD 0603 (1608 Metric)") -> str:
    """A KiCad 8 footprint file (.kicad_mod)."""
    placed = "\t\t(offset (xyz 0 0 0))\n\t\t(scale (xyz 1 1 1))\n\t\t(rotate (xyz 0 0 0))\n"
    shown = f'\t(model "{model}"\n{placed}\t)\n' if model else ""
    return (
        f'(footprint "{name}"\n\t(version 20240108)\n\t(generator "pcbnew")\n\t(generator_version "8.0")\n'
        f'\t(layer "F.Cu")\n\t(descr "{descr}")\n\t(tags "resistor")\n'
        '\t(property "Reference" "REF**"\n\t\t(at 0 -1.43 0)\n\t\t(layer "F.SilkS")\n'
        '\t\t(uuid "0f2e5a8a-2f5e-4c9e-9d0b-5d8f7f9e6a01")\n'
        "\t\t(effects (font (size 1 1) (thickness 0.15)))\n\t)\n"
        "\t(attr smd)\n"
        '\t(pad "1" smd roundrect (at -0.825 0) (size 0.8 0.95) (layers "F.Cu" "F.Paste" "F.Mask")'
        ' (roundrect_rratio 0.25) (uuid "0f2e5a8a-2f5e-4c9e-9d0b-5d8f7f9e6a03"))\n'
        '\t(pad "2" smd roundrect (at 0.825 0) (size 0.8 0.95) (layers "F.Cu" "F.Paste" "F.Mask")'
        ' (roundrect_rratio 0.25) (uuid "0f2e5a8a-2f5e-4c9e-9d0b-5d8f7f9e6a04"))\n'
        f"{shown})\n"
    )


LIBRARY_R0603 = footprint(
    "R_0603_1608Metric", "${KICAD8_3DMODEL_DIR}/Resistor_SMD.3dshapes/R_0603_1608Metric.wrl"
)
# The hand-soldering variant shows the plain footprint's model.
LIBRARY_R0603_HAND = footprint(
    "R_0603_1608Metric_Pad0.98x0.95mm_HandSolder",
    "${KICAD8_3DMODEL_DIR}/Resistor_SMD.3dshapes/R_0603_1608Metric.wrl",
)
# KiCad 5: a (module ...) form, the KISYS3DMOD variable unquoted, the generator's description.
LIBRARY_C0805_KICAD5 = """(module C_0805_2012Metric (layer F.Cu) (tedit 5F68FEEE)
  (descr "Capacitor SMD 0805 (2012 Metric), IPC_7351 nominal, generated with kicad-footprint-generator")
  (tags capacitor)
  (attr smd)
  (fp_text reference REF** (at 0 -1.68) (layer F.SilkS)
    (effects (font (size 1 1) (thickness 0.15)))
  )
  (fp_text value C_0805_2012Metric (at 0 1.68) (layer F.Fab)
    (effects (font (size 1 1) (thickness 0.15)))
  )
  (pad 1 smd roundrect (at -0.95 0) (size 1 1.45) (layers F.Cu F.Paste F.Mask) (roundrect_rratio 0.25))
  (pad 2 smd roundrect (at 0.95 0) (size 1 1.45) (layers F.Cu F.Paste F.Mask) (roundrect_rratio 0.25))
)
"""
# A maker's own footprint that shows a library model for looks, and one with its own model.
OWN_SOD128 = footprint("SOD128", "${KICAD6_3DMODEL_DIR}/Diode_SMD.3dshapes/D_SOD-123.step", "SOD-128")
OWN_WITH_OWN_MODEL = footprint("R_YAGEO_MFR-25", "${KIPRJMOD}/lib/3d-models/R_YAGEO_MFR-25.step", "MFR-25")


PRETTY = "hardware/lib/project.pretty"


def test_copies_of_library_footprints_are_reported_once_per_folder(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
            "hardware/lib/project.pretty/R_0603_1608Metric.kicad_mod": LIBRARY_R0603,
            f"{PRETTY}/R_0603_1608Metric_Pad0.98x0.95mm_HandSolder.kicad_mod": LIBRARY_R0603_HAND,
            "hardware/lib/project.pretty/SOD128.kicad_mod": OWN_SOD128,
            "hardware/lib/old.pretty/C_0805_2012Metric.kicad_mod": LIBRARY_C0805_KICAD5,
            "hardware/lib/own.pretty/R_YAGEO_MFR-25.kicad_mod": OWN_WITH_OWN_MODEL,
        }
    )
    _, result, _ = scan(root)
    found = [f for f in result["findings"] if f["rule"] == "kicad-library-copy"]
    assert [(f["path"], f["severity"]) for f in found] == [
        ("hardware/lib/old.pretty/C_0805_2012Metric.kicad_mod", "warning"),
        ("hardware/lib/project.pretty/R_0603_1608Metric.kicad_mod", "warning"),
    ]
    old, project = (f["message"] for f in found)
    assert project.startswith("2 footprint(s) in hardware/lib/project.pretty (")
    assert "SOD128" not in project and "kept under CERN-OHL-S-2.0" in project
    assert "${KICAD8_3DMODEL_DIR}/Resistor_SMD.3dshapes/R_0603_1608Metric.wrl" in project
    # The maker's own SOD128 shares the folder: the annotation names the copies, not the folder.
    copies = '"hardware/lib/project.pretty/R_0603_1608Metric.kicad_mod", '
    assert f"path = [{copies}" in project and "*.kicad_mod" not in project
    assert 'path = "hardware/lib/old.pretty/*.kicad_mod"' in old  # a folder of copies only
    assert "footprint generator wrote the description" in old
    # What the project declares stays the files' licence, as REUSE reads it; the rule says why not.
    assert file_entry(result, "hardware/lib/project.pretty/R_0603_1608Metric.kicad_mod")["licenses"] == [
        "CERN-OHL-S-2.0"
    ]


def test_a_folder_declared_under_the_libraries_licence_is_not_reported(tree):
    files = {
        "LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
        "lib/kicad.pretty/R_0603_1608Metric.kicad_mod": LIBRARY_R0603,
        "lib/kicad5.pretty/C_0805_2012Metric.kicad_mod": LIBRARY_C0805_KICAD5,
        "REUSE.toml": (
            'version = 1\n\n[[annotations]]\npath = "lib/kicad.pretty/**"\n'
            'SPDX-FileCopyrightText = "KiCad libraries contributors"\n'
            f'SPDX-License-Identifier = "{KICAD_LIBRARIES}"\n'
        ),
        # A license file in the folder does it too.
        "lib/kicad5.pretty/LICENSE": f"SPDX-License-Identifier: {KICAD_LIBRARIES}\n",
    }
    _, result, _ = scan(tree(files))
    assert not [f for f in result["findings"] if f["rule"] == "kicad-library-copy"]
    assert file_entry(result, "lib/kicad.pretty/R_0603_1608Metric.kicad_mod")["licenses"] == [KICAD_LIBRARIES]


def test_boards_that_embed_library_footprints_are_designs_the_exception_covers(tree):
    board = (
        '(kicad_pcb\n\t(version 20240108)\n\t(generator "pcbnew")\n\t(generator_version "8.0")\n'
        '\t(footprint "Resistor_SMD:R_0603_1608Metric"\n\t\t(layer "F.Cu")\n'
        '\t\t(descr "Resistor SMD 0603 (1608 Metric), generated with kicad-footprint-generator")\n'
        '\t\t(model "${KICAD8_3DMODEL_DIR}/Resistor_SMD.3dshapes/R_0603_1608Metric.wrl")\n\t)\n)\n'
    )
    root = tree({"LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n", "board.kicad_pcb": board})
    _, result, _ = scan(root)
    assert not [f for f in result["findings"] if f["rule"] == "kicad-library-copy"]
    evidence = file_entry(result, "board.kicad_pcb")["evidence"]
    assert all("KiCad's library" not in e["detail"] for e in evidence)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (LIBRARY_R0603, True),
        (LIBRARY_R0603_HAND, True),
        (LIBRARY_C0805_KICAD5, True),
        # A footprint exported from a board names its library: "Capacitor_SMD:C_0402_1005Metric".
        (footprint("Capacitor_SMD:C_0402", "${KICAD7_3DMODEL_DIR}/Capacitor_SMD.3dshapes/C_0402.step"), True),
        (OWN_SOD128, False),
        (OWN_WITH_OWN_MODEL, False),
        (footprint("R_0603_1608Metric", None), False),
    ],
)
def test_what_tells_a_copy_of_a_library_footprint(text, found):
    evidence = extract(Source("x.kicad_mod", text.encode(), None))
    origins = [e for e in evidence if e.detail.startswith("footprint of KiCad's library")]
    assert bool(origins) == found
    # A fact about the file, not a licence it states.
    assert all(e.expression is None and e.copyright is None for e in origins)


def test_the_message_in_chinese_and_without_a_project_licence(tree):
    root = tree({"fp.pretty/R_0603_1608Metric.kicad_mod": LIBRARY_R0603})
    _, result, _ = scan(root, "--lang", "zh")
    [message] = [f["message"] for f in result["findings"] if f["rule"] == "kicad-library-copy"]
    assert "项目中没有任何地方说明这一点" in message and "KiCad 官方库的" in message


SCHEMATIC = (
    '(kicad_sch\n\t(version 20231120)\n\t(generator "eeschema")\n\t(generator_version "8.0")\n'
    '\t(uuid "5f1c6a3e-8a4d-4d7e-9d1e-2b7f0c9a1e11")\n\t(paper "A4")\n'
    '\t(title_block\n\t\t(title "Sensor board")\n\t\t(comment 1 "Pins: SDA; SCL")\n\t)\n)\n'
)


def unloadable(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == "kicad-unloadable"]


def test_a_licence_header_written_with_semicolons_breaks_the_file(tree):
    header = "; SPDX-FileCopyrightText: 2025 Li Wei\n; SPDX-License-Identifier: CERN-OHL-S-2.0\n"
    root = tree({"hw/board.kicad_sch": header + SCHEMATIC})
    _, result, _ = scan(root)
    [finding] = unloadable(result)
    assert finding["path"] == "hw/board.kicad_sch" and finding["severity"] == "error"
    assert "line 1 starts with ';'" in finding["message"] and "board.kicad_sch.license" in finding["message"]
    # What the maker meant is still read, and the file is not taken for something else.
    entry = file_entry(result, "hw/board.kicad_sch")
    assert entry["licenses"] == ["CERN-OHL-S-2.0"] and entry["copyrights"] == ["2025 Li Wei"]
    assert not [f for f in result["findings"] if f["rule"] == "unreadable-file"]


def test_semicolons_inside_strings_and_hash_comments_are_fine(tree):
    hashed = "# SPDX-License-Identifier: CERN-OHL-S-2.0\n" + SCHEMATIC
    _, result, _ = scan(tree({"board.kicad_sch": hashed, "lib.pretty/R_0603.kicad_mod": LIBRARY_R0603}))
    assert unloadable(result) == []


def test_a_semicolon_line_inside_a_footprint_is_found_where_it_is(tree):
    broken = LIBRARY_R0603.replace("\t(attr smd)\n", "\t(attr smd)\n\t; hand-tuned pads\n")
    line = broken[: broken.index("; hand")].count("\n") + 1
    _, result, _ = scan(tree({"lib.pretty/R_0603_1608Metric.kicad_mod": broken}), "--lang", "zh")
    [finding] = unloadable(result)
    assert f"第 {line} 行以 ';' 开头" in finding["message"]


def test_a_truncated_footprint_name_is_read_in_bounded_memory():
    # A footprint cut off inside its name (a broken download): its name is read only as far
    # as KiCad's forms are, not by a pattern that keeps state for every byte.
    import tracemalloc

    data = b'(footprint "' + b"a" * 2_000_000
    tracemalloc.start()
    try:
        evidence = extract(Source("lib.pretty/broken.kicad_mod", data, None))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not [e for e in evidence if e.detail.startswith("footprint of KiCad's library")]
    assert peak < 20_000_000  # the old pattern took over 250 MB for these 2 MB


def test_a_semicolon_line_after_the_root_form_is_read_but_harmless(tree):
    # KiCad stops reading at the root form's close: a trailing line does not break the file.
    trailing = SCHEMATIC + "; SPDX-License-Identifier: CERN-OHL-S-2.0\n"
    _, result, _ = scan(tree({"board.kicad_sch": trailing}))
    assert unloadable(result) == []
    assert file_entry(result, "board.kicad_sch")["licenses"] == ["CERN-OHL-S-2.0"]


def test_a_semicolon_header_after_a_byte_order_mark_is_found(tree):
    header = "\ufeff; SPDX-FileCopyrightText: 2025 Li Wei\n; SPDX-License-Identifier: CERN-OHL-S-2.0\n"
    _, result, _ = scan(tree({"board.kicad_sch": (header + SCHEMATIC).encode("utf-8")}))
    [finding] = unloadable(result)
    assert "line 1 starts with ';'" in finding["message"]
    entry = file_entry(result, "board.kicad_sch")
    assert entry["licenses"] == ["CERN-OHL-S-2.0"] and entry["copyrights"] == ["2025 Li Wei"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_advice_of_software_licence_on_hardware_gives_a_board_kicad_opens(tree, lang):
    import re

    from licensecheck import i18n

    example = i18n.text(lang, "rule.software-license-on-hardware.example")
    [comment] = re.findall(r'\(comment 1 "[^"]+"\)', example)
    board = (
        '(kicad_pcb\n\t(version 20240108)\n\t(generator "pcbnew")\n\t(generator_version "8.0")\n'
        f'\t(title_block\n\t\t(title "Motor driver")\n\t\t{comment}\n\t)\n)\n'
    )
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "hw/board.kicad_pcb": board}, name=lang)
    _, result, _ = scan(root)
    assert file_entry(result, "hw/board.kicad_pcb")["licenses"] == ["CERN-OHL-P-2.0"]
    assert not [
        f
        for f in result["findings"]
        if f["path"] == "hw/board.kicad_pcb"
        and f["rule"] in ("kicad-unloadable", "software-license-on-hardware")
    ]
