# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""A README's license section, as makers write it, names the README's license."""

from __future__ import annotations

import pytest
from conftest import file_entry, rules_for, scan

from licensecheck.extract.readme import README_FILE, license_section
from licensecheck.identify import identify

INTRO = "# 智能花盆 Smart pot\n\nAn ESP32 pot that waters itself.\n\n"


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("## License\n\nMIT\n", "MIT"),
        ("## License\n\nMIT © 2025 Jane Doe\n", "MIT"),
        ("## License\n\n[MIT](LICENSE)\n", "MIT"),
        ("## License\n\n[CERN-OHL-S-2.0](LICENSE)\n", "CERN-OHL-S-2.0"),
        ("## License\n\nGPL-3.0-or-later\n", "GPL-3.0-or-later"),
        ("## License: Apache-2.0\n", "Apache-2.0"),
        ("## MIT License\n\nCopyright (c) 2025 Jane Doe\n", "MIT"),
        ("License\n=======\n\nMIT\n\nUsage\n-----\n\nPlug it in.\n", "MIT"),
        ("== License\n\nApache-2.0\n", "Apache-2.0"),
        ("License: MIT\n", "MIT"),
        ("**License:** MIT\n", "MIT"),
        ("## 📜 License\n\nThis repository is MIT licensed, see LICENSE.\n", "MIT"),
        ("## License\n\nThis project is licensed under the MIT License - see LICENSE for details.\n", "MIT"),
        ("## 开源协议\n\n[MIT](LICENSE)\n", "MIT"),
        ("## 开源协议\n\n本项目基于 MIT 协议开源。\n", "MIT"),
        ("## 开源协议\n\n本项目使用 Apache-2.0 开源协议。\n", "Apache-2.0"),
        ("## 许可\n\n本项目遵循 GPL-3.0 协议。\n", "GPL-3.0-only"),
        ("## 开源许可\n\n本软件遵循 Mulan PSL v2 许可。\n", "MulanPSL-2.0"),
        ("## 版权和许可\n\n本项目采用 GPL-3.0-or-later 许可。\n", "GPL-3.0-or-later"),
        ("## 开源协议 License\n\nGPL-3.0\n", "GPL-3.0-only"),
        ("许可证：MIT\n", "MIT"),
        ("## 授權\n\n本程式以 MIT 授權條款釋出。\n", "MIT"),
    ],
)
def test_the_section_names_the_license(section, expected):
    readme = INTRO + section + "\n## 制作 Build\n\nSee docs/.\n"
    assert identify(license_section(readme)).expression == expected


@pytest.mark.parametrize(
    "readme",
    [
        # Other people's code: each library would read as the README's license.
        INTRO + "## Third-party licenses\n\n- FreeRTOS: MIT\n- lwIP: BSD-3-Clause\n",
        INTRO + "## 第三方库许可\n\n- FreeRTOS：MIT\n",
        # "协议" alone is a protocol: a serial link's, here.
        INTRO + "## 通信协议\n\nMIT 格式的数据帧，波特率 115200。\n",
        # A section with a pointer only, or a long paragraph that grants nothing.
        INTRO + "## License\n\nSee [LICENSE](LICENSE).\n",
        INTRO + "## License\n\nWe have not chosen a license yet; the MIT and Apache-2.0 licenses are "
        "the candidates we are comparing for the firmware.\n",
        INTRO + "## Build\n\nMIT App Inventor is needed for the phone app.\n",
    ],
)
def test_other_sections_name_nothing(readme):
    assert identify(license_section(readme)).expression is None


def test_the_section_ends_at_the_next_heading():
    credits = "## Credits\n\nThe pump driver is licensed under the Apache-2.0 license.\n"
    readme = INTRO + "## License\n\nMIT\n\n" + credits
    assert "Apache" not in license_section(readme)


def test_a_readme_that_only_names_its_license_is_read_in_a_scan(tree):
    # "## License\n\nMIT" named nothing: only sentences were read, and the heading's line was cut off.
    readme = INTRO + "## License\n\n[MIT](LICENSE) © 2025 Jane Doe\n"
    root = tree({"README.md": readme, "src/pot.c": "int pot;\n"})
    _, result, _ = scan(root)
    assert file_entry(result, "README.md")["licenses"] == ["MIT"]
    missing = [f for f in result["findings"] if f["rule"] == "missing-license-text"]
    assert [f["licenses"] for f in missing] == [["MIT"]]
    assert "missing-license" in rules_for(result)  # src/pot.c: a README's license is its own


@pytest.mark.parametrize(
    ("name", "is_readme"),
    [
        ("README", True),
        ("README.md", True),
        ("readme.txt", True),
        ("README.zh-CN.md", True),
        ("README_CN.md", True),
        ("README-en.rst", True),
        ("readme.py", False),  # a module: its comments are not a README's headings
        ("README.c", False),
        ("readme_parser.md", False),
    ],
)
def test_which_files_are_readmes(name, is_readme):
    assert (README_FILE.match(name) is not None) == is_readme


def test_a_title_that_only_contains_license_is_not_a_license_heading():
    readme = "# licensecheck\n\nA checker.\n\n## Usage\n\nRun it.\n"
    assert license_section(readme) == ""
