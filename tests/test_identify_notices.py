# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Notices and licensing statements (written here), references, negatives, arbitrary input."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck import identify


@pytest.fixture(scope="session", autouse=True)
def engine(tmp_path_factory):
    if "index" not in identify._STATE:
        os.environ["LICENSECHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("identify-cache"))
    identify.identify("")


def expression(text):
    return identify.identify(text).expression


def c_comment(text):
    lines = [" * " + line if line else " *" for line in text.splitlines()]
    return (
        "/*\n * Copyright (C) 2024 Open Maker Lab e.V.\n *\n"
        + "\n".join(lines)
        + "\n */\n\nint main(void);\n"
    )


GPL_GRANT = (
    "This program is free software; you can redistribute it and/or modify it under the terms of\n"
    "the {name} as published by the Free Software Foundation{version}.\n"
    "\n"
    "This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY;\n"
    "without even the implied warranty of MERCHANTABILITY. See the {name} for more details.\n"
)


@pytest.mark.parametrize(
    ("name", "version", "expected"),
    [
        (
            "GNU General Public License",
            "; either version 2 of the License, or\n(at your option) any later version",
            "GPL-2.0-or-later",
        ),
        ("GNU General Public License", "; version 2", "GPL-2.0-only"),
        ("GNU General Public License", ", either version 3 of the License", "GPL-3.0-only"),
        ("GNU General Public License", "", "GPL-1.0-or-later"),
        (
            "GNU Lesser General Public License",
            "; either version 2.1 of the License, or (at your\noption) any later version",
            "LGPL-2.1-or-later",
        ),
        ("GNU Lesser General Public License", ", version 3", "LGPL-3.0-only"),
        (
            "GNU Library General Public License",
            "; either version 2 of the License, or (at your option) any later version",
            "LGPL-2.0-or-later",
        ),
        (
            "GNU Affero General Public License",
            ", either version 3 of the License, or (at your option) any later version",
            "AGPL-3.0-or-later",
        ),
    ],
)
def test_gnu_notices(name, version, expected):
    result = identify.identify(c_comment(GPL_GRANT.format(name=name, version=version)))
    assert result.expression == expected
    assert "GNU notice" in result.detail


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Licensed under GPLv2 or later.", "GPL-2.0-or-later"),
        ("Licensed under the GPL version 2 or later.", "GPL-2.0-or-later"),
        (
            "This library is free software; you can redistribute it under the same terms as Perl itself.",
            "Artistic-1.0-Perl OR GPL-1.0-or-later",
        ),
        ("License: GPL-3.0+", "GPL-3.0-or-later"),
        ("This file is GPLv2 as found in COPYING.", "GPL-2.0-only"),
        ("Released under the terms of the GNU General Public License version 2 only.", "GPL-2.0-only"),
        (
            'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this\n'
            "file except\n"
            "in compliance with the License.",
            "Apache-2.0",
        ),
        (
            "This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a\n"
            "copy of\n"
            "the MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.",
            "MPL-2.0",
        ),
        (
            "This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.\n\n"
            'This Source Code Form is "Incompatible With Secondary Licenses", as defined by\n'
            "the Mozilla Public\n"
            "License, v. 2.0.",
            "MPL-2.0-no-copyleft-exception",
        ),
        (
            "This work is licensed under a Creative Commons Attribution 4.0 International License.",
            "CC-BY-4.0",
        ),
        ("This work is licensed under CC BY-SA 4.0.", "CC-BY-SA-4.0"),
        ("This source describes Open Hardware and is licensed under the CERN-OHL-S v2.", "CERN-OHL-S-2.0"),
        ("This source describes Open Hardware and is licensed under the CERN-OHL-W v2.", "CERN-OHL-W-2.0"),
        ("This source describes Open Hardware and is licensed under the CERN-OHL-P v2.", "CERN-OHL-P-2.0"),
        (
            "Copyright and related rights are licensed under the Solderpad Hardware License, Version 0.51\n"
            '(the "License"); you may not use this file except in compliance with the License.',
            "SHL-0.51",
        ),
        ("Licensed under the Solderpad Hardware License v 2.1.", "Apache-2.0 WITH SHL-2.1"),
        (
            "OpenKeyboard is licensed under Mulan PSL v2.\nYou can use this software according to the\n"
            "terms and\n"
            "conditions of the Mulan PSL v2.",
            "MulanPSL-2.0",
        ),
        ("本项目采用木兰宽松许可证，第2版授权，详见 LICENSE 文件。", "MulanPSL-2.0"),
        ("本项目基于 Apache License 2.0 协议开源。", "Apache-2.0"),
        (
            "**Hardware is released under [Creative Commons Share-alike 4.0 International]"
            "(http://creativecommons.org/licenses/by-sa/4.0/).**",
            "CC-BY-SA-4.0",
        ),
        ("Licensed under Creative Commons ShareAlike 3.0.", "CC-BY-SA-3.0"),
        # Chinese labels, read as "License:" is; GNU names with the Chinese "or later".
        ("许可证：木兰宽松许可证，第2版", "MulanPSL-2.0"),
        ("许可证: MIT", "MIT"),
        ("开源协议：CERN-OHL-S-2.0", "CERN-OHL-S-2.0"),
        ("许可协议：CC BY-SA 4.0", "CC-BY-SA-4.0"),
        ("开源协议：GPL-3.0", "GPL-3.0-only"),
        ("本项目采用 GPLv3 或更高版本。", "GPL-3.0-or-later"),
        ("许可证：LGPL-2.1，或（由您选择）任何更新的版本", "LGPL-2.1-or-later"),
        # The same words in traditional characters (Taiwan, Hong Kong).
        ("本專案採用 MIT 授權條款。", "MIT"),
        ("許可證：木蘭寬鬆許可證，第2版", "MulanPSL-2.0"),
        ("授權協議：GPL-3.0 或更高版本", "GPL-3.0-or-later"),
        ("開源協議：CERN-OHL-S-2.0", "CERN-OHL-S-2.0"),
        ("授權：MIT", "MIT"),  # Taiwan's "License:"
        # Creative Commons as the Chinese deeds name it: the standard mainland notice, and Taiwan's.
        ("本作品采用知识共享署名-相同方式共享 4.0 国际许可协议进行许可。", "CC-BY-SA-4.0"),
        ("本作品采用知识共享署名-非商业性使用-相同方式共享 4.0 国际许可协议进行许可。", "CC-BY-NC-SA-4.0"),
        ("本文件採用創用 CC 姓名標示-相同方式分享 4.0 國際授權條款。", "CC-BY-SA-4.0"),
        ("授權條款：CERN-OHL-S-2.0", "CERN-OHL-S-2.0"),
        # A newer version of something else, in another sentence or without "或", is not "or later".
        ("本项目采用 GNU General Public License v3 发布。需要 Python 3.8 或更高版本。", "GPL-3.0-only"),
        ("本项目采用 GNU General Public License version 3。固件后续版本将支持蓝牙。", "GPL-3.0-only"),
        ("本项目采用 GPLv2，更新版本请见官网。", "GPL-2.0-only"),
        # "使用/以/在/基于" grant when a licence noun follows the name: the way Chinese READMEs
        # and Taiwan's releases say it.
        ("本项目使用 Apache-2.0 开源协议。", "Apache-2.0"),
        ("本程式以 MIT 授權條款釋出。", "MIT"),
        ("本项目以木兰宽松许可证第2版（MulanPSL-2.0）发布。", "MulanPSL-2.0"),
        ("本项目在 MIT 许可证下发布，欢迎使用。", "MIT"),
        ("本项目基于 GPL-3.0 协议开源", "GPL-3.0-only"),
        ("本项目使用 GPL-2.0 或更高版本协议", "GPL-2.0-or-later"),
        ("本项目以 LGPL-2.1 许可证发布", "LGPL-2.1-only"),
        # "Ported from a GPLv2 driver" grants nothing; the sentence's grant is MIT.
        ("本固件基于 GPLv2 的 Linux 内核驱动移植而来，但本仓库代码采用 MIT 许可证。", "MIT"),
        (
            "To the extent possible under law, the author has waived all copyright and related or\n"
            "neighboring\n"
            "rights to this work.",
            "CC0-1.0",
        ),
        ("This project is licensed under the terms of the MIT license. See LICENSE for details.", "MIT"),
        (
            "Use of this source code is governed by an MIT-style license that can be found in the "
            "LICENSE file.",
            "MIT",
        ),
        ("Licensed under the Academic Free License version 3.0", "AFL-3.0"),
        ("This hardware design is licensed under the CERN OHL v2 Strongly Reciprocal.", "CERN-OHL-S-2.0"),
        ("Released under the CERN OHL v2 weakly reciprocal", "CERN-OHL-W-2.0"),
        ("Licensed under the CERN Open Hardware Licence v2 permissive.", "CERN-OHL-P-2.0"),
        # Creative Commons without a version: its URL says which, else 4.0 (Thingiverse's wording)
        (
            "Gear by terrym is licensed under the Creative Commons - Attribution - Share Alike license.\n"
            "http://creativecommons.org/licenses/by-sa/3.0/",
            "CC-BY-SA-3.0",
        ),
        (
            "licensed under the Creative Commons - Attribution - Non-Commercial - Share Alike license.\n"
            "https://creativecommons.org/licenses/by-nc-sa/3.0/",
            "CC-BY-NC-SA-3.0",
        ),
        ("Released under the Creative Commons Attribution license.", "CC-BY-4.0"),
        ("This work is licensed under CC BY-SA.", "CC-BY-SA-4.0"),
        # another licence's URL says nothing of this one's version
        (
            "Licensed under the Creative Commons Attribution-ShareAlike license (see the CC BY 3.0 deed).",
            "CC-BY-SA-4.0",
        ),
        ("Licensed under http://creativecommons.org/licenses/by-nd/2.5/", "CC-BY-ND-2.5"),
        # a ported licence is another licence; an attribution URL in another sentence is no version
        ("This work is licensed under http://creativecommons.org/licenses/by/3.0/us/", "CC-BY-3.0-US"),
        (
            "Licensed under the Creative Commons Attribution-ShareAlike license "
            "(http://creativecommons.org/licenses/by-sa/3.0/de/)",
            "CC-BY-SA-3.0-DE",
        ),
        (
            "The enclosure is licensed under the Creative Commons Attribution license. Photos from "
            "Wikimedia: https://creativecommons.org/licenses/by/2.0/",
            "CC-BY-4.0",
        ),
    ],
)
def test_licensing_statements(statement, expected):
    assert expression(c_comment(statement)) == expected


def test_a_denied_grant_leaves_the_granted_one():
    assert expression("Released under the MIT license; not under the GPL.") == "MIT"
    assert expression("本项目不采用 GPL 协议，采用 MIT 许可证。") == "MIT"
    assert expression("This library is not GPL: it is licensed under the Apache License 2.0.") == "Apache-2.0"


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        (
            "Previous releases were licensed under the MIT License. This release is licensed under the"
            " Apache License 2.0.",
            "Apache-2.0",
        ),
        (
            "Versions before 2.0 were released under the MIT license; version 2.0 and later are under"
            " the GPL-3.0.",
            "GPL-3.0-only",
        ),
        (
            "Earlier versions of this library were licensed under the GNU GPL v2. It is now licensed"
            " under the MIT license.",
            "MIT",
        ),
        ("This project was originally licensed under the GPL v3 but is now MIT licensed.", "MIT"),
        ("Prior versions are available under the GPL.", None),
    ],
)
def test_the_licence_of_earlier_releases_is_history(history, expected):
    assert expression(history) == expected


def test_a_grant_in_the_past_tense_still_grants():
    assert expression("This project was released under the MIT license.") == "MIT"
    assert expression("These files were released under the GNU GPL v3.") == "GPL-3.0-only"


def test_several_licenses_in_one_statement():
    rust = (
        "Licensed under either of\n\n * Apache License, Version 2.0 ([LICENSE-APACHE](LICENSE-APACHE))\n"
        " * MIT license ([LICENSE-MIT](LICENSE-MIT))\n\nat your option.\n"
    )
    assert expression(rust) == "Apache-2.0 OR MIT"
    assert (
        expression("Dual licensed under the MIT or the Apache License, Version 2.0.") == "MIT OR Apache-2.0"
    )
    both = "The firmware is licensed under the MIT license.\nThe board is licensed under the CERN-OHL-S v2."
    assert expression(both) == "MIT AND CERN-OHL-S-2.0"


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # Atmel's and Linux drivers' dual licence, carried into MCU ports
        (
            "This program is free software; you can redistribute it and/or modify it under the terms of"
            " the BSD license or the GNU General Public License (GPL) Version 2 as published by the Free"
            " Software Foundation.",
            "BSD-3-Clause OR GPL-2.0-only",
        ),
        ("Licensed under the BSD license or the GNU GPL v2.", "BSD-3-Clause OR GPL-2.0-only"),
        (
            "This file is dual-licensed: you can use it either under the terms of the GPL, or the BSD"
            " license, at your option.",
            "BSD-3-Clause OR GPL-1.0-or-later",
        ),
        ("Dual licensed under the MIT and GPL licenses.", "MIT OR GPL-1.0-or-later"),  # jQuery 1.x
        ("Released under the MIT license or the GNU LGPL v2.1.", "MIT OR LGPL-2.1-only"),
        ("Licensed under the MIT or GPLv2 licenses.", "MIT OR GPL-2.0-only"),  # "GPLv2": one word
        ("Licensed under the MIT or GPLv2+ licenses.", "MIT OR GPL-2.0-or-later"),
        ("Licensed under the MIT License or the LGPLv2.1.", "MIT OR LGPL-2.1-only"),
        ("Licensed under the Apache License 2.0 or the GNU GPL v2.", "Apache-2.0 OR GPL-2.0-only"),
        ("Licensed under the BSD 3-Clause license or the GNU GPL v2.", "BSD-3-Clause OR GPL-2.0-only"),
        (  # jQuery 1.2
            "Dual licensed under the MIT (MIT-LICENSE.txt) and GPL (GPL-LICENSE.txt) licenses.",
            "MIT OR GPL-1.0-or-later",
        ),
        # a list whose names a comma parts: the middle one is as much a choice as the others
        ("Licensed under MIT, BSD-3-Clause or GNU GPL v2.", "MIT OR BSD-3-Clause OR GPL-2.0-only"),
    ],
)
def test_a_gnu_licence_listed_with_another_is_one_of_the_choice(statement, expected):
    assert expression(statement) == expected


@pytest.mark.parametrize(
    "statement",
    [
        "Licensed under the MIT license. See the GNU GPL for more details.",
        "This library is licensed under the MIT license, and the GPL does not apply to it.",
        "Licensed under the MIT license and the GNU GPL v2 license is NOT applicable.",
        "Licensed under the MIT license and the GNU General Public License version 3 applies to tests.",
        "Licensed under the MIT license and the LGPL parts are in lib/.",
        "Licensed under the MIT license and the GNU GPL v3 libraries it uses are not included.",
    ],
)
def test_a_gnu_name_that_starts_a_clause_of_its_own_is_not_in_the_list(statement):
    assert expression(statement) == "MIT"


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # in the order written
        ("Released under the MIT, Apache-2.0 or BSD-2-Clause license.", "MIT OR Apache-2.0 OR BSD-2-Clause"),
        ("Licensed under the Apache License 2.0, MIT or CC0 1.0, at will.", "Apache-2.0 OR MIT OR CC0-1.0"),
        ("Licensed under the MIT license, Copyright 2020 Ada Lovelace.", "MIT"),
        ("Licensed under the MIT license, see LICENSE; the Apache License 2.0 covers docs/.", "MIT"),
        # no "or"/"and" closes a list: what follows the comma is a statement of its own
        ("Licensed under MIT, ISC for older files.", "MIT"),
        ("Licensed under MIT, GPL does not apply to this file.", "MIT"),
        ("Free software, licensed under the LGPL, GPL programs may link to it.", "LGPL-2.0-or-later"),
        ("Licensed under the MPL 2.0, GPL 2.0 compatible.", "MPL-2.0"),
        ("Licensed under CC BY-SA 4.0, CC BY 4.0 for the photos.", "CC-BY-SA-4.0"),
    ],
)
def test_names_a_comma_parts_are_one_list(statement, expected):
    assert expression(statement) == expected


def test_a_gnu_name_listed_where_no_grant_lists_it_is_no_grant():
    # "use it under" is no grant this reader knows: neither licence is read (as before)
    assert expression("You can use it under the MIT or the GNU GPL v3.") is None


def test_a_notice_with_an_exception():
    text = GPL_GRANT.format(name="GNU General Public License", version="; version 2") + (
        '\nThis particular file is subject to the "Classpath" exception as provided in the LICENSE file.\n'
    )
    assert expression(text) == "GPL-2.0-only WITH Classpath-exception-2.0"


def test_mpl_tri_license_offers_a_choice():
    text = (
        "The contents of this file are subject to the Mozilla Public License Version 1.1.\n\n"
        "Alternatively, the contents of this file may be used under the terms of either the GNU General\n"
        'Public License Version 2 or later (the "GPL"), or the GNU Lesser General Public License Version\n'
        '2.1 or later (the "LGPL").\n'
    )
    assert expression(text) == "MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later"


@pytest.mark.parametrize(
    "text",
    [
        "This project uses the MIT license for its firmware, see LICENSE.",
        "# LED badge\n\nA 16x16 LED badge with an RP2040. Build instructions are in docs/.\n",
        "Unlike the GPL, the Apache License 2.0 has a patent grant; we compared both before choosing.",
        "See the GNU General Public License for more details.",
        "def main():\n    print('hello, licensed world')\n",
        "module blinky(input wire clk, output reg led);\n  always @(posedge clk) led <= ~led;\nendmodule\n",
        "Proprietary and confidential. Unauthorized copying of this file is strictly prohibited.",
        "通信协议：MIT",  # a communication protocol's label, not a licence's
        "注意：本驱动不得与受 GPL 约束的代码链接。",  # "must not be linked with GPL code"
        "根据 GPL 的要求，我们公开了全部源代码。",  # "as the GPL requires, we published the source"
        "本项目使用 GPL 代码，发布前请注意。",  # "uses GPL code": no licence noun after the name
        "本项目基于 GPL 协议的代码修改而来。",  # "modified from code under the GPL"
        "本项目使用了 FreeRTOS 的代码，其许可证见 LICENSE。",
        "本驱动使用 Modbus 协议与上位机通信。",  # a protocol, not a licence
        # grants denied or past
        "This project is no longer under the MIT License.",
        "This project is not licensed under the MIT License.",
        "They do not withdraw, terminate, or alter rights previously granted under the MIT License.",
        "This firmware is not released under the GNU General Public License.",
        "Parts of it were formerly licensed under the GPL.",
        "本项目不采用 GPL 协议。",
        "This driver isn’t licensed under the GPL.",  # a typographic apostrophe
        "The firmware cannot be distributed under the GPL.",
        "",
    ],
)
def test_mentions_prose_and_code_name_nothing(text):
    result = identify.identify(text)
    assert result.expression is None
    assert result.confidence == 0.0


@pytest.mark.parametrize(
    "phrase", ["under the terms of the ", "under the GNU GPL or the ", "licensed under the MIT or ", "-- * "]
)
def test_long_repetitive_input_is_read_in_linear_time(phrase):
    # Each repetition starts a statement; reading each one to the end of the text was quadratic.
    assert identify.identify(phrase * 4000).confidence <= 1.0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_is_answered_without_error(text):
    result = identify.identify(text)
    assert result.expression is None or isinstance(result.expression, str)
    assert 0.0 <= result.confidence <= 1.0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "licensed",
                "under",
                "the",
                "GNU",
                "GPL",
                "version",
                "2",
                "or",
                "later",
                "MIT",
                "License",
                "either",
                "(at your option)",
                "any",
                "Apache",
                "2.0",
                "*",
                "//",
                "\n",
                "Copyright",
                "(c)",
                "木兰宽松许可证",
                "第2版",
            ]
        )
    )
)
def test_license_like_word_soup_is_answered_without_error(words):
    result = identify.identify(" ".join(words))
    assert result.expression is None or result.expression.strip() == result.expression
