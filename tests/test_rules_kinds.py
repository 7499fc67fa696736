# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""A licence's kind against the file's category: hardware licences on code, software
licences on designs, CC licences on code."""

from __future__ import annotations

import pytest
from conftest import scan

RULES = ("hardware-license-on-software", "software-license-on-hardware", "cc-license-on-software")


def tagged(expression: str) -> str:
    return f"// SPDX-License-Identifier: {expression}\nint x;\n"


def found(tree, path: str, expression: str) -> dict[str, list[dict]]:
    _, result, _ = scan(tree({"LICENSE": "SPDX-License-Identifier: MIT\n", path: tagged(expression)}))
    return {rule: [f for f in result["findings"] if f["rule"] == rule] for rule in RULES}


@pytest.mark.parametrize(("license_id", "section"), [("CERN-OHL-1.2", "2.3"), ("TAPR-OHL-1.0", "1.6")])
def test_code_under_a_license_that_excludes_software(tree, license_id, section):
    [finding] = found(tree, "fw/main.c", license_id)["hardware-license-on-software"]
    assert finding["severity"] == "warning" and finding["licenses"] == [license_id]
    assert f"section {section} excludes software" in finding["message"]
    assert "CERN-OHL-S-2.0" in finding["message"]


COVERING = ["CERN-OHL-S-2.0", "CERN-OHL-P-2.0", "SHL-0.51", "MIT OR TAPR-OHL-1.0"]


@pytest.mark.parametrize("license_id", COVERING)
def test_hardware_licenses_that_cover_code_or_an_open_choice_are_fine(tree, license_id):
    assert found(tree, "fw/main.c", license_id)["hardware-license-on-software"] == []


def test_hdl_is_hardware(tree):
    under_cern = found(tree, "rtl/top.v", "CERN-OHL-S-2.0")
    assert all(items == [] for items in under_cern.values())
    [advice] = found(tree, "rtl/top.v", "MIT")["software-license-on-hardware"]
    assert advice["severity"] == "info" and "CERN-OHL" in advice["message"]


def test_a_hardware_exception_makes_a_software_license_fit_hardware(tree):
    assert found(tree, "rtl/core.sv", "Apache-2.0 WITH SHL-2.1")["software-license-on-hardware"] == []


@pytest.mark.parametrize("license_id", ["CC-BY-SA-4.0", "CC-BY-4.0", "CC-BY-3.0"])
def test_creative_commons_on_code(tree, license_id):
    [finding] = found(tree, "src/app.c", license_id)["cc-license-on-software"]
    assert finding["severity"] == "warning" and "Creative Commons" in finding["message"]


@pytest.mark.parametrize("license_id", ["CC0-1.0", "MIT", "CC-BY-SA-4.0 OR GPL-3.0-or-later"])
def test_cc0_software_licenses_and_choices_are_fine_for_code(tree, license_id):
    assert found(tree, "src/app.c", license_id)["cc-license-on-software"] == []


def test_creative_commons_on_documentation_is_fine(tree):
    files = {"docs/guide.md": "<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n# Guide\n"}
    _, result, _ = scan(tree(files))
    assert not [f for f in result["findings"] if f["rule"] in RULES]


def test_a_declaration_naming_the_license_of_each_part(tree):
    # The LICENSE of a maker project: hardware, firmware and documentation licences together.
    files = {"LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0 AND GPL-3.0-or-later AND CC-BY-SA-4.0\n",
             "fw/main.c": "int x;\n", "hw/top.v": "module top; endmodule\n", "README.md": "# Board\n"}
    _, result, _ = scan(tree(files))
    assert not [f for f in result["findings"] if f["rule"] in RULES]
