# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""incompatible-licenses, declared-license-mismatch and compatibility-review on real trees."""

from __future__ import annotations

from conftest import scan


def c_file(expression: str) -> str:
    return f"// SPDX-FileCopyrightText: 2025 Li Lei\n// SPDX-License-Identifier: {expression}\nint x;\n"


def license_file(expression: str) -> str:
    return f"SPDX-License-Identifier: {expression}\n"


def findings(result: dict, rule: str) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == rule]


def test_apache_code_inside_a_gpl3_project_is_fine(tree):
    files = {"LICENSE": license_file("GPL-3.0-only"), "fw/main.c": c_file("GPL-3.0-only"),
             "fw/lib.c": c_file("Apache-2.0")}
    _, result, _ = scan(tree(files))
    for rule in ("incompatible-licenses", "declared-license-mismatch", "compatibility-review"):
        assert findings(result, rule) == [], rule


def test_apache_code_inside_a_gpl2_only_component_is_an_error_citing_the_source(tree):
    files = {"LICENSE": license_file("GPL-2.0-only"), "fw/main.c": c_file("GPL-2.0-only"),
             "fw/util.c": c_file("GPL-2.0-only"), "fw/lib.c": c_file("Apache-2.0")}
    code, result, _ = scan(tree(files))
    [found] = findings(result, "incompatible-licenses")
    assert found["severity"] == "error" and code == 1
    assert found["path"] == "fw/lib.c"  # the side with fewer files
    _, result, _ = scan(tree({**files, "fw/extra.c": c_file("Apache-2.0")}, name="tie"))
    [found] = findings(result, "incompatible-licenses")
    assert found["path"] == "fw/extra.c"  # a tie: the side the project does not declare
    assert set(found["licenses"]) == {"Apache-2.0", "GPL-2.0-only"}
    assert "https://www.apache.org/licenses/GPL-compatibility.html" in found["message"]
    assert "'fw'" in found["message"] and "[components]" in found["message"]


def test_gpl2_or_later_into_a_gpl3_only_project_is_fine(tree):
    files = {"LICENSE": license_file("GPL-3.0-only"), "src/a.c": c_file("GPL-2.0-or-later"),
             "src/b.c": c_file("GPL-3.0-only")}
    _, result, _ = scan(tree(files))
    assert findings(result, "incompatible-licenses") == []
    assert findings(result, "declared-license-mismatch") == []


def test_dual_license_next_to_apache_is_fine_by_choosing_mit(tree):
    files = {"LICENSE": license_file("Apache-2.0"), "src/a.c": c_file("MIT OR GPL-2.0-only"),
             "src/b.c": c_file("Apache-2.0")}
    _, result, _ = scan(tree(files))
    assert findings(result, "incompatible-licenses") == []
    assert findings(result, "compatibility-review") == []


def test_separate_top_level_folders_are_separate_works_unless_configured(tree):
    files = {"LICENSE": license_file("GPL-3.0-or-later"), "kernel/a.c": c_file("GPL-2.0-only"),
             "tools/b.c": c_file("Apache-2.0")}
    _, result, _ = scan(tree(files))
    assert findings(result, "incompatible-licenses") == []
    config = '[components]\nfirmware = ["kernel/**", "tools/**"]\n'
    _, result, _ = scan(tree({**files, ".licensecheck.toml": config}, name="configured"))
    [found] = findings(result, "incompatible-licenses")
    assert "'firmware'" in found["message"]


def test_documentation_next_to_code_is_an_aggregate(tree):
    files = {"LICENSE": license_file("GPL-2.0-only"), "main.c": c_file("GPL-2.0-only"),
             "README.md": "<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n# Robot\n"}
    _, result, _ = scan(tree(files))
    assert findings(result, "incompatible-licenses") == []


def test_a_linking_exception_lets_the_runtime_into_mit_firmware(tree):
    files = {"LICENSE": license_file("MIT"), "fw/main.c": c_file("MIT"),
             "fw/crt.c": c_file("GPL-3.0-or-later WITH GCC-exception-3.1")}
    _, result, _ = scan(tree(files))
    assert findings(result, "incompatible-licenses") == []
    assert findings(result, "declared-license-mismatch") == []
    without = {**files, "fw/crt.c": c_file("GPL-3.0-or-later")}
    _, result, _ = scan(tree(without, name="without"))
    assert len(findings(result, "declared-license-mismatch")) == 1


def test_one_file_with_licenses_that_cannot_apply_together(tree):
    files = {"LICENSE": license_file("GPL-2.0-only"), "src/a.c": c_file("GPL-2.0-only AND Apache-2.0")}
    _, result, _ = scan(tree(files))
    [found] = findings(result, "incompatible-licenses")
    assert found["path"] == "src/a.c" and "SPDX-License-Identifier" in found["message"]


def test_a_file_that_cannot_be_part_of_the_declared_license(tree):
    files = {"LICENSE": license_file("MIT"), "src/a.c": c_file("GPL-2.0-only"), "src/b.c": c_file("MIT")}
    _, result, _ = scan(tree(files))
    [found] = findings(result, "declared-license-mismatch")
    assert found["path"] == "src/a.c" and found["severity"] == "warning"
    assert "declared by LICENSE" in found["message"] and "MIT" in found["message"]
    assert "Relicense or replace the file" in found["message"]


def test_a_weak_copyleft_library_is_not_told_to_be_relicensed(tree):
    # FreeModbus's port files, Arduino's core: LGPL libraries the firmware links.
    files = {"LICENSE": license_file("MIT"), "lib/port.c": c_file("LGPL-2.1-or-later"), "b.c": c_file("MIT")}
    _, result, _ = scan(tree(files))
    [found] = findings(result, "declared-license-mismatch")
    assert found["path"] == "lib/port.c"
    assert "Relicense or replace" not in found["message"]
    assert "may still be linked into the work while it keeps its own license" in found["message"]


def test_a_folder_license_file_is_the_declaration_for_its_files(tree):
    files = {"LICENSE": license_file("GPL-3.0-or-later"), "hw/LICENSE": license_file("CERN-OHL-S-2.0"),
             "hw/case.scad": c_file("CERN-OHL-S-2.0"), "hw/part.scad": c_file("CERN-OHL-P-2.0")}
    _, result, _ = scan(tree(files))
    assert findings(result, "declared-license-mismatch") == []


def test_a_manifest_that_says_something_else_than_its_files(tree):
    files = {"LICENSE": license_file("GPL-3.0-only"), "fw/package.json": '{"name": "x", "license": "MIT"}\n',
             "fw/src/a.c": c_file("GPL-3.0-only"), "fw/src/b.c": "int y;\n"}
    _, result, _ = scan(tree(files))
    [found] = findings(result, "declared-license-mismatch")
    assert found["path"] == "fw/package.json"
    assert "fw/src/a.c (GPL-3.0-only)" in found["message"] and "license field" in found["message"]


def test_a_manifest_beside_its_license_files_agrees(tree):
    files = {"Cargo.toml": '[package]\nname = "x"\nlicense = "MIT OR Apache-2.0"\n',
             "LICENSE-MIT": license_file("MIT"), "LICENSE-APACHE": license_file("Apache-2.0"),
             "src/lib.rs": c_file("MIT OR Apache-2.0")}
    _, result, _ = scan(tree(files))
    assert findings(result, "declared-license-mismatch") == []


def test_conditional_and_unknown_combinations_ask_a_person(tree):
    files = {"LICENSE": license_file("GPL-2.0-only"), "src/a.c": c_file("GPL-2.0-only"),
             "src/eclipse.c": c_file("EPL-2.0"), "src/vendor.c": c_file("LicenseRef-Vendor")}
    _, result, _ = scan(tree(files))
    review = findings(result, "compatibility-review")
    messages = " ".join(f["message"] for f in review)
    assert all(f["severity"] == "warning" for f in review)
    assert "Secondary License" in messages and "LicenseRef-Vendor" in messages
    assert "waiver" in messages and "message." not in messages
    assert findings(result, "incompatible-licenses") == []
    component = [f for f in review if f["message"].startswith("In component 'src', combining")]
    assert len(component) == 1 and "EPL-2.0" in component[0]["message"]
    # A license the knowledge base does not know is one question per file, not one per pair.
    unknown = [f for f in review if "not in the knowledge base, so" in f["message"]]
    assert len(unknown) == 1 and unknown[0]["path"] == "src/vendor.c"



def test_an_unknown_licence_alone_is_asked_about_with_the_licences_it_joins_not_itself(tree):
    files = {"lib/led/led.h": c_file("LicenseRef-Reciprocal AND MPL-2.0")}
    _, result, _ = scan(tree(files))
    [review] = findings(result, "compatibility-review")
    assert "the licences it joins can be combined with each other" in review["message"]
    assert "combined with LicenseRef" not in review["message"]
    _, result, _ = scan(tree(files, name="zh"), "--lang", "zh")
    [review] = findings(result, "compatibility-review")
    assert "相互组合" in review["message"] and "与 LicenseRef" not in review["message"]

def test_non_open_licenses_are_left_to_their_own_rule(tree):
    files = {"LICENSE": license_file("MIT"), "docs/a.md": "<!-- SPDX-License-Identifier: CC-BY-NC-4.0 -->\n",
             "docs/b.md": "<!-- SPDX-License-Identifier: GPL-3.0-only -->\n"}
    _, result, _ = scan(tree(files))
    assert findings(result, "incompatible-licenses") == []
    assert [f["path"] for f in findings(result, "declared-license-mismatch")] == ["docs/b.md"]
    assert findings(result, "non-open-license")
    config = '[rules.non-open-license]\nseverity = "off"\n'
    _, result, _ = scan(tree({**files, ".licensecheck.toml": config}, name="off"))
    assert findings(result, "incompatible-licenses")


def test_message_in_chinese(tree):
    files = {"LICENSE": license_file("GPL-2.0-only"), "fw/main.c": c_file("GPL-2.0-only"),
             "fw/lib.c": c_file("Apache-2.0")}
    _, result, _ = scan(tree(files), "--lang", "zh")
    [found] = findings(result, "incompatible-licenses")
    assert "不能组合" in found["message"] and "专利终止" in found["message"]


def test_a_declaration_naming_the_license_of_each_part(tree):
    files = {"LICENSE": license_file("CERN-OHL-S-2.0 AND GPL-3.0-or-later AND CC-BY-SA-4.0"),
             "main.c": "int x;\n", "lib.c": c_file("MIT"), "top.v": "module top; endmodule\n",
             "case.scad": c_file("CERN-OHL-P-2.0"), "README.md": "# Board\n"}
    _, result, _ = scan(tree(files))
    for rule in ("incompatible-licenses", "declared-license-mismatch", "compatibility-review"):
        assert findings(result, rule) == [], rule


def test_a_package_manifest_speaks_for_code_not_for_the_board_beside_it(tree):
    files = {"package.json": '{"name": "dashboard", "license": "MIT"}\n', "app.js": c_file("MIT"),
             "hw/case.scad": c_file("CERN-OHL-S-2.0")}
    _, result, _ = scan(tree(files))
    # The project declares only MIT (by its manifest): the board does not fit that declaration,
    # but the manifest is not blamed for a board it does not speak for.
    assert [f["path"] for f in findings(result, "declared-license-mismatch")] == ["hw/case.scad"]


def test_pairs_with_the_same_reason_and_source_share_one_clause(tree):
    # Two strong copylefts, both ways and each against the declared licence: four facts with
    # one reason and one source, said once, the pairs named together.
    files = {"LICENSE": license_file("Apache-2.0"), "fw/a.c": c_file("GPL-3.0-or-later"),
             "fw/b.c": c_file("CERN-OHL-S-2.0")}
    _, result, _ = scan(tree(files))
    [found] = findings(result, "incompatible-licenses")
    message = found["message"]
    assert "GPL-3.0-or-later → CERN-OHL-S-2.0" in message and "CERN-OHL-S-2.0 → GPL-3.0-or-later" in message
    reasons = [part for part in message.split("; ") if "not allowed" in part]
    assert len(reasons) == 1, message
    assert message.count("[https://") == 1
    _, result, _ = scan(tree(files, name="zh"), "--lang", "zh")
    [found] = findings(result, "incompatible-licenses")
    assert found["message"].count("不允许") == 1 and "、" in found["message"], found["message"]


def test_a_weak_copyleft_hardware_design_is_not_called_a_library(tree):
    files = {"LICENSE": license_file("CERN-OHL-P-2.0"), "hw/psu.scad": c_file("CERN-OHL-W-2.0")}
    _, result, _ = scan(tree(files))
    [found] = findings(result, "declared-license-mismatch")
    assert "may still be linked" not in found["message"] and "Relicense or replace" in found["message"]
