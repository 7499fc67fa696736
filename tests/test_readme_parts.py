# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""A README's licence section that gives each part of the project its licence ("| 硬件 |
CERN-OHL-W-2.0 |", "Software: MIT"): the parts' files are weighed against it, not against
the project's LICENSE alone."""

from __future__ import annotations

import pytest
from conftest import file_entry, kicad_schematic, rules_for, scan

from licensecheck.extract.readme import license_section, parts
from licensecheck.identify import data
from licensecheck.report.evidence_detail import worded

ZH_TABLE = (
    "# 智能小车\n\n## 开源协议\n\n| 部分 | 协议 |\n|---|---|\n| 硬件 | CERN-OHL-W-2.0 |\n| 软件 | MIT |\n"
)
BOARD = "hardware/car.kicad_sch"


@pytest.mark.parametrize(
    ("readme", "expected"),
    [
        (ZH_TABLE, [("hardware", "CERN-OHL-W-2.0"), ("software", "MIT")]),
        (
            "## License\n\nHardware: CERN-OHL-S-2.0\nFirmware: GPL-3.0-or-later\nDocs: CC-BY-4.0\n",
            [
                ("hardware", "CERN-OHL-S-2.0"),
                ("software", "GPL-3.0-or-later"),
                ("documentation", "CC-BY-4.0"),
            ],
        ),
        (
            "## 开源协议\n\n硬件采用 CERN-OHL-S-2.0 协议，软件采用 MIT 协议。\n",
            [("hardware", "CERN-OHL-S-2.0 协议"), ("software", "MIT 协议")],
        ),
        (
            "## License\n\n- **Hardware**: CERN-OHL-P-2.0\n- **Software**: MIT\n",
            [("hardware", "CERN-OHL-P-2.0"), ("software", "MIT")],
        ),
        (
            "## License\n\nThe hardware is licensed under CERN-OHL-W-2.0 and the firmware is released"
            " under the MIT license.\n",
            [("hardware", "CERN-OHL-W-2.0"), ("software", "the MIT license")],
        ),
        (  # a clause runs to the next part's: the comma in the licence's name stays in it
            "## 许可证\n\n硬件采用 CERN-OHL-S-2.0 许可证，固件采用木兰宽松许可证，第2版。\n",
            [("hardware", "CERN-OHL-S-2.0 许可证"), ("software", "木兰宽松许可证，第2版")],
        ),
        ("## License\n\n| Part | License |\n|---|---|\n| Everything else | MIT |\n", []),
        ("## License\n\nMIT\n", []),
    ],
)
def test_the_parts_a_licence_section_names(readme, expected):
    assert parts(license_section(readme)) == expected


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
