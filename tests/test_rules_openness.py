# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""non-open-license: NC, ND, all rights reserved and source-available terms, anywhere."""

from __future__ import annotations

import pytest
from conftest import scan

KICAD_PCB = '(kicad_pcb (version 20240108) (generator "pcbnew")\n  (general (thickness 1.6))\n)\n'


def tagged(comment: str, expression: str) -> str:
    return f"{comment} SPDX-License-Identifier: {expression}\n"


def non_open(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == "non-open-license"]


@pytest.mark.parametrize(
    ("path", "content", "reason"),
    [
        ("docs/guide.md", "<!-- SPDX-License-Identifier: CC-BY-NC-SA-4.0 -->\n", "commercial use"),
        ("case/case.scad", tagged("//", "CC-BY-ND-4.0"), "derived works"),
        ("fw/main.c", tagged("//", "SSPL-1.0"), "source-available"),
        ("fw/util.c", tagged("//", "LicenseRef-All-Rights-Reserved"), "for someone else's code get their"),
        (
            "docs/assembly.md",
            "<!-- SPDX-License-Identifier: LicenseRef-All-Rights-Reserved -->\n",
            "for a project's documentation",
        ),
    ],
)
def test_non_open_terms_anywhere_are_errors(tree, path, content, reason):
    code, result, _ = scan(tree({"LICENSE": "SPDX-License-Identifier: MIT\n", path: content}))
    [found] = non_open(result)
    assert found["path"] == path and found["severity"] == "error" and code == 1
    assert reason in found["message"]
    assert "OSHWA definition" in found["message"] and "Open Source Definition" in found["message"]
    assert "relicense it under an open license" in found["message"]
    assert "if it is someone else's, ask its author" in found["message"]  # not the maker's to relicense
    # The open licences offered, and the words of the reason, fit the kind of file.
    offered = {
        "docs": "(CC-BY-4.0 or CC-BY-SA-4.0)",
        "case": "(CERN-OHL-S-2.0, CERN-OHL-W-2.0 or CERN-OHL-P-2.0)",
    }
    assert offered.get(path.split("/")[0], "(MIT, Apache-2.0 or GPL-3.0-or-later)") in found["message"]
    assert "FreeCAD" not in found["message"]


def test_open_licenses_and_open_choices_are_fine(tree):
    files = {
        "LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
        "hw/board.kicad_pcb": KICAD_PCB,
        "docs/guide.md": "<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n",
        "fw/main.c": tagged("//", "MIT OR CC-BY-NC-4.0"),
    }
    _, result, _ = scan(tree(files))
    assert non_open(result) == []


def test_a_non_open_project_license_is_reported_once_on_the_license_file(tree):
    files = {
        "LICENSE": "SPDX-License-Identifier: CC-BY-NC-SA-4.0\n",
        "hw/board.kicad_pcb": KICAD_PCB,
        "hw/case.scad": tagged("//", "CC-BY-NC-4.0"),
    }
    _, result, _ = scan(tree(files))
    assert {f["path"] for f in non_open(result)} == {"LICENSE", "hw/case.scad"}


def test_and_with_a_non_open_license_is_not_open(tree):
    _, result, _ = scan(tree({"a.c": tagged("//", "MIT AND CC-BY-NC-4.0")}))
    [found] = non_open(result)
    assert found["licenses"] == ["CC-BY-NC-4.0"]


def test_message_in_chinese(tree):
    _, result, _ = scan(tree({"a.md": "<!-- SPDX-License-Identifier: CC-BY-NC-4.0 -->\n"}), "--lang", "zh")
    [found] = non_open(result)
    assert "不是开放许可证" in found["message"] and "禁止商业使用" in found["message"]


@pytest.mark.parametrize(("path", "content", "money"), [
    ("fw/main.c", tagged("//", "CC-BY-NC-4.0"), False),  # said of a hardware design only
    ("hw/case.scad", tagged("//", "CC-BY-NC-4.0"), True),
])  # fmt: skip
def test_the_non_commercial_reason_fits_the_file(tree, path, content, money):
    _, result, _ = scan(tree({"LICENSE": "SPDX-License-Identifier: MIT\n", path: content}))
    [found] = non_open(result)
    assert ("making hardware always involves money" in found["message"]) == money
    assert "Open Source Definition" in found["message"]
