# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""A README's licence section that gives each part of the project its licence ("| 硬件 |
CERN-OHL-W-2.0 |", "Software: MIT"): the parts' files are weighed against it, not against
the project's LICENSE alone."""

from __future__ import annotations

import pytest
from conftest import file_entry, kicad_schematic, rules_for, scan

from licensecheck.extract.readme_parts import parts
from licensecheck.identify import data, identify
from licensecheck.report.evidence_detail import worded

ZH_TABLE = (
    "# 智能小车\n\n## 开源协议\n\n| 部分 | 协议 |\n|---|---|\n| 硬件 | CERN-OHL-W-2.0 |\n| 软件 | MIT |\n"
)
BOARD = "hardware/car.kicad_sch"


def said(readme: str) -> set[tuple[str, str]]:
    """(category, SPDX expression) for each part licence the README gives, read as a scan reads them."""
    found = set()
    for part in parts(readme):
        expression = identify(f"License: {part.value}").expression or identify(part.value).expression
        found |= {(category, expression) for category in part.categories if expression}
        found |= {(f"{folder}/", expression) for folder in part.folders if expression}
    return found


@pytest.mark.parametrize(
    ("readme", "expected"),
    [
        (ZH_TABLE, {("hardware", "CERN-OHL-W-2.0"), ("software", "MIT")}),
        (
            "## License\n\nHardware: CERN-OHL-S-2.0\nFirmware: GPL-3.0-or-later\nDocs: CC-BY-4.0\n",
            {
                ("hardware", "CERN-OHL-S-2.0"),
                ("software", "GPL-3.0-or-later"),
                ("documentation", "CC-BY-4.0"),
            },
        ),
        (
            "## 开源协议\n\n硬件采用 CERN-OHL-S-2.0 协议，软件采用 MIT 协议。\n",
            {("hardware", "CERN-OHL-S-2.0"), ("software", "MIT")},
        ),
        (
            "## License\n\n- **Hardware**: CERN-OHL-P-2.0\n- **Software**: MIT\n",
            {("hardware", "CERN-OHL-P-2.0"), ("software", "MIT")},
        ),
        (
            "## License\n\nThe hardware is licensed under CERN-OHL-W-2.0 and the firmware under MIT.\n",
            {("hardware", "CERN-OHL-W-2.0"), ("software", "MIT")},
        ),
        (  # a clause runs to the next part's: the comma in the licence's name stays in it
            "## 许可证\n\n硬件采用 CERN-OHL-S-2.0 许可证，固件采用木兰宽松许可证，第2版。\n",
            {("hardware", "CERN-OHL-S-2.0"), ("software", "MulanPSL-2.0")},
        ),
        (  # a folder column: the folders decide
            "## 开源协议\n\n| 部分 | 目录 | 协议 |\n|---|---|---|\n"
            "| 硬件（原理图、PCB、Gerber） | `hardware/` | CERN-OHL-S-2.0 |\n"
            "| 外壳 | `enclosure/` | CC BY 4.0 |\n",
            {("hardware/", "CERN-OHL-S-2.0"), ("enclosure/", "CC-BY-4.0")},
        ),
        (  # what follows the licence is not the part's
            "## License\n\nSoftware: MIT (except the files in lib/, which keep their own licenses such as"
            " GPL-2.0)\nHardware: CERN-OHL-P-2.0\n",
            {("software", "MIT"), ("hardware", "CERN-OHL-P-2.0")},
        ),
        (
            "## License\n\nSoftware: GPL-3.0-or-later. It bundles the Arduino core, which is LGPL-2.1.\n"
            "Hardware: CERN-OHL-S-2.0\n",
            {("software", "GPL-3.0-or-later"), ("hardware", "CERN-OHL-S-2.0")},
        ),
        (
            "## License\n\n- Firmware (`src/`, `include/`): **Mulan PSL v2** — see [LICENSE](LICENSE).\n"
            "- Hardware (`hardware/`): **CC BY-NC-SA 3.0**, as published on OSHWHub.\n",
            {("src/", "MulanPSL-2.0"), ("include/", "MulanPSL-2.0"), ("hardware/", "CC-BY-NC-SA-3.0")},
        ),
        (
            "## 开源协议\n\n| 部分 | 协议 |\n|---|---|\n| 3D打印外壳 | CC BY 4.0 |\n",
            {("hardware", "CC-BY-4.0")},
        ),
        (
            "## License\n\n| # | Part | License |\n|---|---|---|\n| 1 | Hardware | CERN-OHL-P-2.0 |\n",
            {("hardware", "CERN-OHL-P-2.0")},
        ),
        (
            "## License\n\n| License | Part |\n|---|---|\n"
            "| CERN-OHL-S-2.0 | Hardware |\n| MIT | Software |\n",
            {("hardware", "CERN-OHL-S-2.0"), ("software", "MIT")},
        ),
        (
            "## License\n\nHardware and software: CERN-OHL-W-2.0\n",
            {("hardware", "CERN-OHL-W-2.0"), ("software", "CERN-OHL-W-2.0")},
        ),
        (
            "## License\n\nCERN-OHL-W-2.0 (hardware), MIT (software)\n",
            {("hardware", "CERN-OHL-W-2.0"), ("software", "MIT")},
        ),
        (
            "## Hardware License\n\nCERN-OHL-W-2.0\n\n## Software License\n\nMIT\n",
            {("hardware", "CERN-OHL-W-2.0"), ("software", "MIT")},
        ),
        (
            "## License\n\n### Hardware\n\nCERN-OHL-S-2.0\n\n### Firmware\n\nThe firmware is MIT licensed.\n",
            {("hardware", "CERN-OHL-S-2.0"), ("software", "MIT")},
        ),
        # sentences about some of the code, a subfolder, examples: no part
        (
            "## License\n\nThis project is GPL-3.0.\nThe code uses FastLED, which is licensed under MIT.\n",
            set(),
        ),
        ("## License\n\nExample code in `examples/` is released under CC0-1.0.\n", set()),
        (
            "## 开源协议\n\n本项目采用 GPL-3.0 协议。其中 lib 目录下的代码来自乐鑫，采用 Apache-2.0 协议。\n",
            set(),
        ),
        ("## License\n\n| Part | License |\n|---|---|\n| Everything else | MIT |\n", set()),
        ("## License\n\nMIT\n", set()),
    ],
)
def test_the_parts_a_licence_section_names(readme, expected):
    assert said(readme) == expected


def _project(readme: str, board_license: str = "CERN-OHL-W-2.0", firmware_license: str = "MIT") -> dict:
    mit = data.load().licenses["MIT"].replace("<year>", "2025").replace("<copyright holders>", "Li Ming")
    return {
        "LICENSE": mit,
        "README.md": readme,
        BOARD: kicad_schematic(
            f'(title "Car") (company "Li Ming") (comment 1 "SPDX-License-Identifier: {board_license}")'
        ),
        "firmware/main.c": (
            f"// SPDX-FileCopyrightText: 2025 Li Ming\n// SPDX-License-Identifier: {firmware_license}\n"
            "int main(void) { return 0; }\n"
        ),
    }


def test_a_board_under_the_licence_the_readme_gives_the_hardware_is_not_against_the_license_file(tree):
    _, result, _ = scan(tree(_project(ZH_TABLE)))
    assert not {"conflicting-file-license", "declared-license-mismatch"} & rules_for(result, BOARD)
    readme = file_entry(result, "README.md")
    parts_said = {e["detail"]: e["expression"] for e in readme["evidence"] if ", part " in e["detail"]}
    assert parts_said == {
        "README license section, part hardware": "CERN-OHL-W-2.0",
        "README license section, part software": "MIT",
    }
    assert readme["licenses"] == ["MIT"]  # the parts' licences are not the README's own
    assert result["project"]["declared"] == ["MIT"]


def test_without_the_parts_the_license_file_speaks_for_the_board(tree):
    _, result, _ = scan(tree(_project("# 智能小车\n\n## 开源协议\n\nMIT\n")))
    assert {"conflicting-file-license", "declared-license-mismatch"} <= rules_for(result, BOARD)


def test_a_file_against_its_part_s_licence_says_the_readme_declares_it(tree):
    _, result, _ = scan(tree(_project(ZH_TABLE, firmware_license="GPL-3.0-only")))
    mismatches = [
        f
        for f in result["findings"]
        if f["rule"] == "declared-license-mismatch" and f["path"] == "firmware/main.c"
    ]
    assert len(mismatches) == 1 and "(declared by README.md)" in mismatches[0]["message"]
    assert not {"conflicting-file-license", "declared-license-mismatch"} & rules_for(result, BOARD)


def test_a_board_under_another_licence_than_its_part_s_is_still_reported(tree):
    _, result, _ = scan(tree(_project(ZH_TABLE, board_license="GPL-3.0-only")))
    assert "declared-license-mismatch" in rules_for(result, BOARD)


def test_the_part_evidence_reads_in_chinese():
    assert worded("README license section, part hardware", "zh") == "README 的许可证章节中硬件部分的许可证"
    assert worded("README license section, part software", "en") == "README license section, part software"


def test_a_part_with_two_licences_takes_either(tree):
    """A board under CERN-OHL-W and its printed case under CC BY 4.0 are both hardware: the
    board fits the README's table, whose hardware has two licences."""
    readme = "# Car\n\n## License\n\nCode: MIT\nCAD: CC BY 4.0\nPCB: CERN-OHL-W-2.0\n"
    _, result, _ = scan(tree(_project(readme)))
    assert not {"conflicting-file-license", "declared-license-mismatch"} & rules_for(result, BOARD)


def test_a_sentence_about_some_of_the_code_declares_no_part(tree):
    readme = (
        "# Car\n\n## License\n\nThis project is licensed under the MIT License.\n"
        "The code uses FastLED, which is licensed under GPL-3.0.\n"
    )
    _, result, _ = scan(tree(_project(readme)))
    assert not [e for e in file_entry(result, "README.md")["evidence"] if ", part " in e["detail"]]
    assert "declared-license-mismatch" not in rules_for(result, "firmware/main.c")


def test_a_section_that_gives_the_parts_licences_is_not_the_readme_s_own(tree):
    readme = "# Car\n\n## License\n\nThe hardware is under CERN-OHL-W-2.0 and the firmware under MIT."
    _, result, _ = scan(tree(_project(readme)))
    assert file_entry(result, "README.md")["licenses"] == ["MIT"]  # the LICENSE's, not CERN-OHL-W-2.0
    assert not {"conflicting-file-license", "declared-license-mismatch"} & rules_for(result, BOARD)


def test_a_file_against_its_part_s_licence_names_the_readme_s_section(tree):
    _, result, _ = scan(tree(_project(ZH_TABLE, board_license="GPL-3.0-only")))
    conflict = next(f for f in result["findings"] if f["rule"] == "conflicting-file-license")
    assert "the license section of README.md says CERN-OHL-W-2.0" in conflict["message"]


KICAD_PRO = '{"board": {"design_settings": {}}, "meta": {"filename": "car.kicad_pro", "version": 1}}\n'
BOM = "Reference,Value,Footprint,Qty\nR1,10k,Resistor_SMD:R_0603_1608Metric,1\n"


def test_a_file_without_its_own_licence_takes_its_part_s_from_the_readme(tree):
    files = _project(ZH_TABLE)
    files |= {"hardware/car.kicad_pro": KICAD_PRO, "hardware/bom.csv": BOM, "firmware/util.c": "int util;\n"}
    _, result, _ = scan(tree(files))
    for path in ("hardware/car.kicad_pro", "hardware/bom.csv"):
        entry = file_entry(result, path)
        assert entry["licenses"] == ["CERN-OHL-W-2.0"], path  # the README's hardware, not the MIT LICENSE
        [taken] = [e for e in entry["evidence"] if e["expression"]]
        assert taken["source"] == "readme"
        assert taken["detail"] == "README.md gives its licence to the hardware"
        assert not {"declared-license-mismatch", "conflicting-file-license"} & rules_for(result, path)
    assert file_entry(result, "firmware/util.c")["licenses"] == ["MIT"]
    _, result, _ = scan(tree(files), "--lang", "zh", "--profile", "reuse")
    reuse = {f["path"] for f in result["findings"] if f["rule"] == "license-not-in-reuse-form"}
    assert "hardware/bom.csv" in reuse  # REUSE does not read READMEs: the file needs its own statement


def test_a_part_with_two_licences_gives_neither_to_a_file_without_its_own(tree):
    readme = "# Car\n\n## License\n\nCode: MIT\nCAD: CC BY 4.0\nPCB: CERN-OHL-W-2.0\n"
    files = _project(readme) | {"hardware/bom.csv": BOM}
    _, result, _ = scan(tree(files))
    assert file_entry(result, "hardware/bom.csv")["licenses"] == ["MIT"]


def test_the_readme_s_part_licence_reads_in_chinese():
    assert worded("README.md gives its licence to the hardware", "zh") == "README.md 为硬件部分指定的许可证"


def test_a_table_that_names_folders_gives_each_folder_its_licence(tree):
    readme = (
        "# Clock\n\n## 开源协议\n\n| 部分 | 目录 | 协议 |\n|---|---|---|\n"
        "| 硬件 | `hardware/` | CERN-OHL-W-2.0 |\n| 外壳 | `enclosure/` | CC BY 4.0 |\n"
        "| Companion app | `app/` | MIT |\n"
    )
    files = _project(readme) | {"hardware/bom.csv": BOM, "enclosure/case.stl": "solid case\nendsolid case\n"}
    files |= {"app/main.js": "console.log(1);\n"}
    _, result, _ = scan(tree(files))
    assert file_entry(result, "hardware/bom.csv")["licenses"] == ["CERN-OHL-W-2.0"]
    assert file_entry(result, "enclosure/case.stl")["licenses"] == ["CC-BY-4.0"]
    assert file_entry(result, "app/main.js")["licenses"] == ["MIT"]
    assert file_entry(result, "firmware/main.c")["licenses"] == ["MIT"]  # no row names firmware/
    assert not {"conflicting-file-license", "declared-license-mismatch"} & rules_for(result, BOARD)


def test_a_row_the_reader_does_not_know_leaves_the_parts_alone(tree):
    readme = (
        "# Car\n\n| Part | License |\n|---|---|\n| Hardware | CERN-OHL-W-2.0 |\n| Companion app | GPL-3.0 |\n"
    )
    files = _project("# Car\n\n## License\n\n" + readme.split("\n\n", 1)[1]) | {"hardware/bom.csv": BOM}
    _, result, _ = scan(tree(files))
    assert file_entry(result, "hardware/bom.csv")["licenses"] == ["MIT"]


def test_the_main_readme_speaks_before_its_translations(tree):
    files = _project(ZH_TABLE) | {
        "README.en.md": "# Car\n\n## License\n\nHardware: CC-BY-SA-4.0\nSoftware: MIT\n",
        "hardware/bom.csv": BOM,
    }
    _, result, _ = scan(tree(files))
    bom = file_entry(result, "hardware/bom.csv")
    assert bom["licenses"] == ["CERN-OHL-W-2.0"]  # README.md's, not the translation's
    assert not {"conflicting-file-license", "declared-license-mismatch"} & rules_for(result, BOARD)


def test_one_part_licence_beside_the_project_s_own_is_a_part(tree):
    readme = (
        "# Car\n\n## License\n\nThis project is licensed under the MIT License - see the LICENSE file."
        " The PCB design files are licensed under CERN-OHL-W-2.0.\n"
    )
    files = _project(readme) | {"hardware/bom.csv": BOM}
    _, result, _ = scan(tree(files))
    assert file_entry(result, "hardware/bom.csv")["licenses"] == ["CERN-OHL-W-2.0"]
    assert file_entry(result, "firmware/main.c")["licenses"] == ["MIT"]
    assert not {"conflicting-file-license", "declared-license-mismatch"} & rules_for(result, BOARD)
    # A section that names one part alone is the project's own statement: no part.
    files = _project("# Car\n\n## License\n\nHardware: CERN-OHL-W-2.0\n") | {"hardware/bom.csv": BOM}
    _, result, _ = scan(tree(files))
    assert file_entry(result, "hardware/bom.csv")["licenses"] == ["MIT"]


def test_a_restriction_on_one_part_is_that_part_s(tree):
    """"硬件：CERN-OHL-S-2.0，禁止商用" forbids selling the hardware, not the firmware: the
    board takes the restricted licence and is not open; the firmware keeps its MIT."""
    readme = "# 智能小车\n\n## 开源协议\n\n- 硬件：CERN-OHL-S-2.0，禁止商用\n- 软件：MIT\n"
    files = {
        "LICENSE": "SPDX-License-Identifier: MIT\n",
        "README.md": readme,
        "hardware/car.kicad_pcb": '(kicad_pcb (version 20240108) (generator "pcbnew"))\n',
        "firmware/main.c": "int main(void) { return 0; }\n",
    }
    files["hardware/car.kicad_sch"] = '(kicad_sch (version 20231120) (generator "eeschema"))\n'
    _, result, _ = scan(tree(files))
    for board in ("hardware/car.kicad_pcb", "hardware/car.kicad_sch"):
        assert file_entry(result, board)["licenses"] == ["CERN-OHL-S-2.0 AND LicenseRef-Study-Use-Only"]
    assert file_entry(result, "firmware/main.c")["licenses"] == ["MIT"]
    assert file_entry(result, "README.md")["licenses"] == ["MIT"]  # the README is not restricted
    # Said once, on the README that gives the part its licence, naming the files that take it.
    [closed] = [f for f in result["findings"] if f["rule"] == "non-open-license"]
    assert closed["path"] == "README.md"
    assert closed["licenses"] == ["LicenseRef-Study-Use-Only"]
    assert closed["message"].startswith(
        "README.md gives its licence to the hardware: CERN-OHL-S-2.0 AND LicenseRef-Study-Use-Only, which is"
    )
    assert "(hardware/car.kicad_pcb, hardware/car.kicad_sch)" in closed["message"]
    _, result, _ = scan(tree(files), "--lang", "zh")
    [closed] = [f for f in result["findings"] if f["rule"] == "non-open-license"]
    assert closed["message"].startswith("README.md 为硬件部分指定的许可证：CERN-OHL-S-2.0 AND")


def test_a_chinese_full_stop_ends_a_part_s_licence():
    # No space after "。": the restriction after it is a sentence of its own, not the software's.
    section = "硬件采用 CERN-OHL-S-2.0 协议开源，软件采用 MIT 协议。禁止未经授权的商业用途。\n"
    readme = "# X\n\n## 开源协议\n\n" + section
    assert [(part.categories, part.value) for part in parts(readme)] == [
        (("hardware",), "CERN-OHL-S-2.0 协议开源"),
        (("software",), "MIT 协议"),
    ]
