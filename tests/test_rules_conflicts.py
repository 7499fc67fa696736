# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""conflicting-file-license: sources for one file that disagree, on real trees."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import quoteattr

import pytest
from conftest import kicad_schematic, scan


def fcstd(license_name: str) -> bytes:
    """A FreeCAD document whose License property is `license_name` (FreeCAD's default is
    'All rights reserved')."""
    document = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<Document SchemaVersion="4" ProgramVersion="1.0R39109" FileVersion="1">\n'
        '    <Properties Count="2" TransientCount="0">\n'
        '        <Property name="Label" type="App::PropertyString" status="1">\n'
        '            <String value="Bracket"/>\n'
        "        </Property>\n"
        '        <Property name="License" type="App::PropertyString" status="1">\n'
        f"            <String value={quoteattr(license_name)}/>\n"
        "        </Property>\n"
        "    </Properties>\n"
        '    <Objects Count="0" Dependencies="1">\n    </Objects>\n'
        '    <ObjectData Count="0">\n    </ObjectData>\n'
        "</Document>\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Document.xml", document)
    return buffer.getvalue()


CC_BY_SA_PROJECT = {"LICENSE": "SPDX-License-Identifier: CC-BY-SA-4.0\n"}
HEADER_MIT = "// SPDX-FileCopyrightText: 2024 Jane Maker\n// SPDX-License-Identifier: MIT\nint x;\n"


def conflicts(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == "conflicting-file-license"]


def rules(result: dict, path: str) -> set[str]:
    return {f["rule"] for f in result["findings"] if f["path"] == path}


def test_freecad_all_rights_reserved_in_a_cc_by_sa_project(tree):
    files = {**CC_BY_SA_PROJECT, "cad/bracket.FCStd": fcstd("All rights reserved")}
    _, result, _ = scan(tree(files))
    [found] = conflicts(result)
    assert found["path"] == "cad/bracket.FCStd" and found["severity"] == "warning"
    message = found["message"]
    assert "LicenseRef-All-Rights-Reserved" in message and "CC-BY-SA-4.0" in message
    assert "License property" in message and "the license file LICENSE" in message
    found_rules = rules(result, "cad/bracket.FCStd")
    assert "non-open-license" in found_rules
    assert "declared-license-mismatch" not in found_rules  # one problem, not three findings


def test_freecad_set_to_the_project_license_is_fine(tree):
    files = {**CC_BY_SA_PROJECT, "cad/bracket.FCStd": fcstd("Creative Commons Attribution-ShareAlike 4.0")}
    _, result, _ = scan(tree(files))
    assert conflicts(result) == []


def test_embedded_license_naming_one_of_the_declared_licenses_is_fine(tree):
    files = {"LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0 AND GPL-3.0-or-later AND CC-BY-SA-4.0\n",
             "cad/bracket.FCStd": fcstd("Creative Commons Attribution-ShareAlike 4.0")}
    _, result, _ = scan(tree(files))
    assert conflicts(result) == []


def test_the_folder_claim_says_what_declares_and_names_several_as_alternatives(tree):
    reuse_style = {"LICENSES/CC-BY-SA-4.0.txt": "CC BY-SA\n", "LICENSES/MIT.txt": "MIT\n",
                   "cad/bracket.FCStd": fcstd("All rights reserved")}
    [found] = conflicts(scan(tree(reuse_style))[1])
    said = "the license files LICENSES/CC-BY-SA-4.0.txt and LICENSES/MIT.txt name CC-BY-SA-4.0 and MIT"
    assert said in found["message"]
    manifest = {"pyproject.toml": '[project]\nname = "jig"\nlicense = "MIT"\n',
                "cad/bracket.FCStd": fcstd("All rights reserved")}
    [found] = conflicts(scan(tree(manifest, name="manifest"))[1])
    assert "the manifest pyproject.toml says MIT" in found["message"], found["message"]
    # A license file and a manifest: neither is the other, and neither says "A OR B".
    mixed = {**manifest, "LICENSE": "SPDX-License-Identifier: Apache-2.0\n"}
    [found] = conflicts(scan(tree(mixed, name="mixed"))[1])
    assert "the files LICENSE and pyproject.toml name Apache-2.0 and MIT" in found["message"]
    # One license file naming two licences does not say "A AND B" either.
    two = {"LICENSE": "SPDX-License-Identifier: Apache-2.0\nSPDX-License-Identifier: CC0-1.0\n",
           "cad/bracket.FCStd": fcstd("All rights reserved")}
    [found] = conflicts(scan(tree(two, name="two"))[1])
    assert "the license file LICENSE names " in found["message"], found["message"]
    [found] = conflicts(scan(tree(mixed, name="mixed-zh"), "--lang", "zh")[1])
    assert "文件 LICENSE 和 pyproject.toml 中写有 Apache-2.0 和 MIT" in found["message"]


KICAD_SCH_TWO_FIELDS = kicad_schematic(
    '(title "Plant monitor") (comment 1 "License: CC-BY-SA-4.0")', "Released under CC BY-SA 4.0"
)


def test_sources_that_agree_share_one_clause(tree):
    files = {"LICENSE": "SPDX-License-Identifier: MIT\n", "hw/plant.kicad_sch": KICAD_SCH_TWO_FIELDS}
    [found] = conflicts(scan(tree(files))[1])
    message = found["message"]
    assert "the embedded metadata (text) and the embedded metadata (title_block comment 1)" in message
    assert ") say CC-BY-SA-4.0; the license file LICENSE says MIT" in message, message


def test_a_file_without_a_folder_license_has_nothing_to_disagree_with(tree):
    _, result, _ = scan(tree({"cad/bracket.FCStd": fcstd("All rights reserved")}))
    assert conflicts(result) == []


def test_sidecar_versus_header(tree):
    sidecar = "SPDX-FileCopyrightText: 2025 Li Lei\nSPDX-License-Identifier: Apache-2.0\n"
    files = {"a.c": HEADER_MIT, "a.c.license": sidecar}
    _, result, _ = scan(tree(files))
    [found] = conflicts(result)
    assert found["path"] == "a.c"
    assert "the SPDX header says MIT" in found["message"]
    assert "the .license sidecar says Apache-2.0" in found["message"]


def test_sidecar_repeating_the_header_is_fine(tree):
    files = {"a.c": HEADER_MIT, "a.c.license": "SPDX-License-Identifier: MIT\n"}
    _, result, _ = scan(tree(files))
    assert conflicts(result) == []


REUSE_TOML = """version = 1

[[annotations]]
path = "src/**"
precedence = "{precedence}"
SPDX-FileCopyrightText = "2025 Shenzhen Maker Team"
SPDX-License-Identifier = "GPL-3.0-or-later"
"""


def test_reuse_toml_override_versus_header(tree):
    files = {"REUSE.toml": REUSE_TOML.format(precedence="override"), "src/a.c": HEADER_MIT}
    _, result, _ = scan(tree(files))
    [found] = conflicts(result)
    assert "REUSE.toml" in found["message"] and "GPL-3.0-or-later" in found["message"]
    assert "the SPDX header says MIT" in found["message"]


@pytest.mark.parametrize("precedence", ["closest", "aggregate"])
def test_reuse_toml_fallback_or_addition_does_not_disagree(tree, precedence):
    # closest: the header wins by design; aggregate: both apply.
    files = {"REUSE.toml": REUSE_TOML.format(precedence=precedence), "src/a.c": HEADER_MIT}
    _, result, _ = scan(tree(files))
    assert conflicts(result) == []


def test_several_header_tags_are_one_source(tree):
    files = {"a.py": "# SPDX-License-Identifier: MIT\n# SPDX-License-Identifier: Apache-2.0\n"}
    _, result, _ = scan(tree(files))
    assert conflicts(result) == []


def test_message_in_chinese(tree):
    files = {**CC_BY_SA_PROJECT, "cad/bracket.FCStd": fcstd("All rights reserved")}
    _, result, _ = scan(tree(files), "--lang", "zh")
    [found] = conflicts(result)
    assert "相互矛盾" in found["message"] and "内嵌元数据" in found["message"]
