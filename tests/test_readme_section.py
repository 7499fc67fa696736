# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""A README's license section, as makers write it, names the README's license."""

from __future__ import annotations

import time

import pytest
from conftest import file_entry, rules_for, scan

from licensecheck.classify import is_readme
from licensecheck.extract.readme import license_section
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
        # The heading forms of the old rule, and more.
        ("##License\n\nThis project is released under the MIT License.\n", "MIT"),
        ("LICENSE\n\nThis project is released under the MIT License.\n", "MIT"),
        ("License - MIT, see LICENSE.\n", "MIT"),
        ("许可证\n\n本项目采用 MIT 许可证。\n", "MIT"),
        ("<h2>License</h2>\n<p>Released under the MIT License.</p>\n", "MIT"),
        ("License\r\n-------\r\n\r\nMIT\r\n", "MIT"),  # a CRLF checkout
        ("## 5. License\n\nMIT\n", "MIT"),
        ("## License & Credits\n\nMIT © 2020 Ada Chen. Thanks to the QMK team.\n", "MIT"),
        (
            "## License and Acknowledgements\n\nThis project is released under the GPL-3.0 license.\n",
            "GPL-3.0-only",
        ),
        ("## 开源\n\n本项目采用 MIT 协议开源，欢迎 star。\n", "MIT"),
        # Label lines in lists and tables.
        ("## Specs\n\n- MCU: ESP32-C3\n- 许可证：MIT\n", "MIT"),
        ("## Specs\n\n- **License:** MIT\n", "MIT"),
        ("## Specs\n\n| Item | Value |\n|---|---|\n| License | MIT |\n", "MIT"),
        # GNU names in a Markdown link.
        ("## License\n\n[GPL-3.0](LICENSE) © 2024 Jane Doe\n", "GPL-3.0-only"),
        (
            "## License\n\nThis project is licensed under the [GNU General Public License v3.0](LICENSE).\n",
            "GPL-3.0-only",
        ),
        ("## 开源协议\n\n本项目采用 [GPL-3.0](LICENSE) 协议开源。\n", "GPL-3.0-only"),
        # A license badge, and no section.
        (
            "[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](https://opensource.org/licenses/MIT)\n",
            "MIT",
        ),
        ("![license](https://img.shields.io/badge/license-GPL--3.0-blue.svg)\n", "GPL-3.0-only"),
        # Parts: each part's license is read (conclusion keeps them as evidence, not the README's).
        ("## 开源协议\n\n硬件：CERN-OHL-S-2.0\n固件：MIT\n", "CERN-OHL-S-2.0 AND MIT"),
        (
            "## License\n\nCERN-OHL-S-2.0 (hardware), GPL-3.0-or-later (firmware)\n",
            "CERN-OHL-S-2.0 AND GPL-3.0-or-later",
        ),
        ("## Licensing\n\nHardware: CERN-OHL-S-2.0\n\nFirmware: MIT\n", "CERN-OHL-S-2.0 AND MIT"),
        ("## Hardware license\n\nCERN-OHL-S-2.0\n\n## Software license\n\nMIT\n", "CERN-OHL-S-2.0 AND MIT"),
        ("## License\n\n### Hardware\n\nCERN-OHL-S-2.0\n\n### Firmware\n\nMIT\n", "CERN-OHL-S-2.0 AND MIT"),
        (
            "## License\n\n| Part | License |\n|---|---|\n| 硬件 | CERN-OHL-S-2.0 |\n| 固件 | MIT |\n",
            "CERN-OHL-S-2.0 AND MIT",
        ),
        # Sentences: a project named like a licence id, a link's definition, "dual-licensed".
        (
            "## License\n\nOpenSSL is licensed under the Apache License 2.0.\n\n[logo]: doc/img/logo.svg\n",
            "Apache-2.0",
        ),
        ("## License\n\nThis project is [MIT](https://opensource.org/licenses/MIT) licensed.\n", "MIT"),
        (
            "## License\n\nThe firmware is dual-licensed under MIT or Apache-2.0, at your option.\n",
            "MIT OR Apache-2.0",
        ),
        ("## 开源协议\n\n以 MIT 协议开源，欢迎 PR。\n", "MIT"),
        ("## License\n\nMIT\n\n### Third party\n\nThe HAL is licensed under BSD-3-Clause.\n", "MIT"),
        # A badge says "GPL v3"; the section says whether "or later": the section's word counts.
        (
            "[![License: GPL v3](https://img.shields.io/badge/License-GPLv3-blue.svg)](https://www.gnu.org)\n\n"
            "## License\n\nThis firmware is free software: you can redistribute it and/or modify it "
            "under the terms of the GNU General Public License as published by the Free Software "
            "Foundation, either version 3 of the License, or (at your option) any later version.\n",
            "GPL-3.0-or-later",
        ),
        # Titles: a licensing word first wins over a dependency word; a parenthesis; emoji codes.
        ("## Licensing & Dependencies\n\nThis project is licensed under the MIT License.\n", "MIT"),
        ("## Hardware License (CERN-OHL-S v2)\n\nSee LICENSE.\n", "CERN-OHL-S-2.0"),
        ("## :scroll: License :scroll:\n\nMIT\n", "MIT"),
        ("## Open Source\n\nMIT\n", "MIT"),
        # A third-party subsection is skipped, not the end: the documentation's licence after it counts.
        (
            "## License\n\n### Hardware\n\nCERN-OHL-S-2.0\n\n### Third-party libraries\n\n- FreeRTOS: MIT\n\n"
            "### Documentation\n\nCC-BY-4.0\n",
            "CERN-OHL-S-2.0 AND CC-BY-4.0",
        ),
        # A part, a model or a company in the section is no licence, though Nokia, Intel and Zed are ids.
        ("## License\n\nMIT\n\nNokia 5110 LCD driver adapted from the Adafruit PCD8544 library.\n", "MIT"),
        ("## License\n\nMIT\n\nLanguage: Python\n\nBoard: Zed\n\nAuthor: Intel\n", "MIT"),
        ("## 开源协议\n\n本项目使用 Apache-2.0 开源协议。\n\n使用到的库：\n\n- Zlib\n- curl\n", "Apache-2.0"),
        ("## License\n\nMIT\n\n本项目使用了 lwIP（BSD-3-Clause 许可）。\n", "MIT"),
        (
            "## License\n\nMIT\n\n<details>\n<summary>BOM</summary>\n\n| U1 | Intel 8051 |\n</details>\n",
            "MIT",
        ),
        (
            "[![License](https://img.shields.io/badge/license-MIT%2FApache--2.0-blue)](LICENSE)\n",
            "MIT OR Apache-2.0",
        ),
        ('<img src="https://img.shields.io/badge/license-MIT-blue" alt="license">\n', "MIT"),
        # Another heading mentioning licensing first does not hide the section.
        ("## Copyright\n\n© 2025 Jane Doe\n\n## License\n\nMIT\n", "MIT"),
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
        # Undecided or negated: a name that does not open the line is no field.
        INTRO + "## License\n\nProprietary, not MIT.\n",
        INTRO + "## License\n\nTBD (probably MIT or GPL).\n",
        INTRO + "## License\n\nTODO: pick MIT or GPL-3.0\n",
        INTRO + "## Which license to choose?\n\nWe compare MIT and GPL below.\n",
        INTRO + "## 许可证\n\n暂未确定，可能使用 GPL 协议。\n",
        # Headings that mention licensing and are not a license section.
        "# ESP32-CAM License Plate Reader\n\nMIT App Inventor reads the plates.\n",
        INTRO + "## Copying the firmware\n\nMIT students wrote the flasher.\n",
        INTRO + "**Note:** the 3D models have a different license.\n\nMIT\n",
        # A table of contents' "- License" item opens no section.
        "## Contents\n\n- [Install](#install)\n- License\n\nZed Board rev B schematic.\n",
        # A code block's comment.
        INTRO + "## Build\n\n```sh\n# License: GPL-2.0 (upstream example)\nmake\n```\n",
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


READMES = ["README", "README.md", "readme.txt", "README.zh-CN.md", "README_CN.md", "README-hardware.md"]
MORE_READMES = ["README2.md", "README.mkd", "README.textile", "README.html", "README.en", "docs/README.rst"]


@pytest.mark.parametrize("name", READMES + MORE_READMES)
def test_readme_names(name):
    assert is_readme(name)


@pytest.mark.parametrize("name", ["readme.py", "README.c", "tools/readme.sh", "readme.json", "LICENSE.md"])
def test_modules_and_scripts_named_readme_are_not_readmes(name):
    assert not is_readme(name)  # a module's "# SPDX-FileCopyrightText" comment is no heading


def test_a_heading_hides_no_later_license_section():
    readme = "# ESP32-CAM License Plate Reader\n\nMIT App Inventor reads plates.\n\n## License\n\nGPL-3.0\n"
    assert identify(license_section(readme)).expression == "GPL-3.0-only"


@pytest.mark.parametrize("filler", [" " * 100_000, " #" * 50_000, "*" * 100_000, "-" * 100_000])
def test_a_long_heading_line_is_read_in_linear_time(filler):
    # "# a" + 100,000 spaces + "b" took 30 s: the heading's pattern backtracked over the line.
    readme = f"# a{filler}b\n\n## License{filler}\n\nMIT\n" * 2
    started = time.perf_counter()
    license_section(readme)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    "readme",
    ["## License\n" * 90_000, "## License\n\n" + "### sub\n\nx\n\n" * 80_000, "## License\n\n" + "<" * 10**6],
)
def test_a_megabyte_readme_of_one_shape_is_read_in_linear_time(readme):
    # 90,000 empty "## License" headings took 20 s when each summed what the ones before kept.
    started = time.perf_counter()
    license_section(readme)
    assert time.perf_counter() - started < 3


def test_a_title_that_only_contains_license_is_not_a_license_heading():
    readme = "# licensecheck\n\nA checker.\n\n## Usage\n\nRun it.\n"
    assert license_section(readme) == ""


@pytest.mark.parametrize(
    "comment",
    [
        "// 时钟模块：使用 NTP 协议同步时间",  # NTP, JSON, BSD and X11 are licence ids as well
        "/* 数据以 JSON 协议发送给上位机 */",
        "// 网络：使用 BSD socket 协议",
        "// 版权所有 2025 深圳某创客\n// 显示：使用 X11 协议转发",
        # ALIENTEK's header: "@license" lets the comment through, and the program is the subject.
        "/**\n * @brief 本程序使用 NTP 协议从网络获取时间\n * @license Copyright (c) 2020, 星翼电子\n */",
        "// 代码使用 Intel HEX 协议解析固件（许可见 LICENSE）",
        "/* 本驱动在 Intel 的许可下使用 */",
        "/* This file is not MIT licensed; redistribution requires written permission. */",
        "/* The SDK is Nokia licensed and not redistributable. */",
    ],
)
def test_a_protocol_named_in_a_source_comment_is_no_license(tree, comment):
    source = f'{comment}\n#include "clock.h"\n\nint tick(void) {{ return 0; }}\n'
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "src/clock.c": source})
    entry = file_entry(scan(root)[1], "src/clock.c")
    assert [e["source"] for e in entry["evidence"] if e["source"] == "text-match"] == []
    assert entry["licenses"] == ["MIT"]  # its folder's


def test_a_protocol_comment_deep_in_the_code_sends_no_code_to_the_matcher(tree, monkeypatch):
    # "协议" as a hint made a protocol comment at line 117 end the "notice": 4.9 KB of code a
    # file went to the matcher, and a 3,000-file tree took 14.7 s instead of 1.5 s.
    import licensecheck.identify

    matched = []
    real = licensecheck.identify.identify
    monkeypatch.setattr(licensecheck.identify, "identify", lambda text: matched.append(text) or real(text))
    code = "".join(f"int f{n}(void) {{ return {n}; }}\n" for n in range(100))
    text = "// 串口驱动\n" + code + "// 以下解析 Modbus 协议帧，CRC 校验失败时丢弃\n" + code
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "src/uart.c": text})
    assert file_entry(scan(root)[1], "src/uart.c")["licenses"] == ["MIT"]
    assert not [t for t in matched if "int f5(void)" in t]


ALIENTEK = (
    "/**\n * @file    sht40.c\n * @author  正点原子团队(ALIENTEK)\n"
    " * @attention\n * 本程序只供学习使用，未经作者许可，不得用于其它任何用途\n"
    ' * 版权所有，盗版必究。\n */\n#include "sht40.h"\n\nint sht40_read(void) { return 0; }\n'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本程序只供学习使用，未经作者许可，不得用于其它任何用途", "LicenseRef-Study-Use-Only"),
        ("仅供学习交流，禁止商用", "LicenseRef-Study-Use-Only"),
        ("This enclosure is for personal use only.", "LicenseRef-Study-Use-Only"),
        ("本项目采用 MIT 协议，但不允许用于商业用途。", "MIT AND LicenseRef-Study-Use-Only"),
        ("数据手册中的参数仅供参考。", None),  # a disclaimer, not a restriction
        ("MIT 协议允许商用。", None),
        # Negated, or about something else.
        ("本项目采用 MIT 协议，不禁止商用。", "MIT"),
        ("本项目不仅供学习，也可以用于商业产品。", None),
        ("There are no commercial use restrictions.", None),
        ("No commercial use of these trademarks may be made without prior written permission of MIT.", None),
        # A non-commercial licence summed up beside its name: the licence says it already.
        ("Licensed under CC BY-NC-SA 4.0 (for personal use only).", "CC-BY-NC-SA-4.0"),
    ],
)
def test_study_or_non_commercial_use_only_is_a_restriction(text, expected):
    assert identify(text).expression == expected


def test_vendor_example_code_for_study_only_is_not_open_under_an_open_project(tree):
    # Concluded MIT from the root LICENSE and shown as fine: the vendor's header forbids any
    # use but study without the author's permission.
    readme = (
        INTRO
        + "## 开源协议\n\n硬件采用 CERN-OHL-S-2.0 协议开源，软件采用 MIT 协议。禁止未经授权的商业用途。\n"
    )
    root = tree(
        {"LICENSE": "SPDX-License-Identifier: MIT\n", "README.md": readme, "drivers/sht40.c": ALIENTEK}
    )
    _, result, _ = scan(root)
    assert file_entry(result, "drivers/sht40.c")["licenses"] == ["LicenseRef-Study-Use-Only"]
    # The parts stay evidence; the restriction is about the whole project: the README's.
    assert file_entry(result, "README.md")["licenses"] == ["LicenseRef-Study-Use-Only"]
    closed = sorted(f["path"] for f in result["findings"] if f["rule"] == "non-open-license")
    assert closed == ["README.md", "drivers/sht40.c"]
    # No "add LICENSES/LicenseRef-Study-Use-Only.txt": the notice has no licence text.
    texts = [f["licenses"] for f in result["findings"] if f["rule"] == "missing-license-text"]
    assert ["LicenseRef-Study-Use-Only"] not in texts


def test_a_project_whose_readme_names_its_license_is_told_so(tree):
    # "The project declares no license" read as false to a maker whose README says it.
    readme = INTRO + "## 开源协议\n\n硬件：CERN-OHL-S-2.0\n固件：MIT\n"
    _, result, _ = scan(tree({"README.md": readme, "src/pot.c": "int pot;\n"}))
    found = [f for f in result["findings"] if f["rule"] == "no-project-license"]
    assert [f["licenses"] for f in found] == [["CERN-OHL-S-2.0", "MIT"]]
    assert "README.md names CERN-OHL-S-2.0 and MIT" in found[0]["message"]


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        # One licence and a restriction: both the README's (not a list of parts).
        (
            "MIT, but commercial use is prohibited without my permission.\n",
            ["MIT AND LicenseRef-Study-Use-Only"],
        ),
        ("CC BY-NC-SA 4.0 (for personal use only)\n", ["CC-BY-NC-SA-4.0"]),
        # Two labelled parts in one line: evidence, and the README takes its folder's licence.
        ("Code: MIT. Hardware: CERN-OHL-S-2.0.\n", ["Apache-2.0"]),
    ],
)
def test_a_licence_line_with_more_in_it(tree, section, expected):
    root = tree(
        {"LICENSE": "SPDX-License-Identifier: Apache-2.0\n", "README.md": INTRO + "## License\n\n" + section}
    )
    assert file_entry(scan(root)[1], "README.md")["licenses"] == expected


def test_two_labelled_parts_in_one_line_are_both_read():
    assert identify(
        license_section(INTRO + "## License\n\nCode: MIT. Hardware: CERN-OHL-S-2.0.\n")
    ).expression == ("MIT AND CERN-OHL-S-2.0")


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("/* 仅供学习交流，禁止商用 */", ["LicenseRef-Study-Use-Only"]),
        ("/* For personal use only. (c) 2024 Bob */", ["LicenseRef-Study-Use-Only"]),
        # A tutorial's disclaimer beside MIT, a debug helper's note: not restrictions.
        ("/** @brief 串口驱动，代码仅供学习参考 */", ["MIT"]),
        ("// for personal use only: debug print helper", ["MIT"]),
    ],
)
def test_a_source_file_for_study_use_only_is_not_open(tree, comment, expected):
    # No "license", "许可" or "版权" in the first two: they never reached the matcher.
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "src/demo.c": f"{comment}\nint demo;\n"})
    assert file_entry(scan(root)[1], "src/demo.c")["licenses"] == expected


def test_no_project_license_names_no_restriction_as_a_licence(tree):
    readme = INTRO + "## 开源协议\n\n本项目采用 MIT 协议，禁止商用。\n"
    _, result, _ = scan(tree({"README.md": readme, "src/pot.c": "int pot;\n"}))
    found = [f for f in result["findings"] if f["rule"] == "no-project-license"]
    assert [f["licenses"] for f in found] == [["MIT"]]


def test_a_header_that_says_bsd_licensed_above_the_bsd_2_clause_text_is_bsd_2_clause():
    # "This header is BSD licensed" (Linux's virtio headers) read as a grant of "BSD", a family
    # the alias table takes for BSD-3-Clause: "BSD-3-Clause AND BSD-2-Clause".
    from licensecheck.identify import data

    text = data.load().licenses["BSD-2-Clause"].replace("<year>", "2007").replace("<owner>", "Rusty Russell")
    header = "/* This header is BSD licensed so anyone can use\n * the definitions.\n"
    assert identify(header + text + "*/\n").expression == "BSD-2-Clause"
