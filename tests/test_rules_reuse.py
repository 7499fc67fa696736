# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""REUSE 3.3 to the letter: dep5, texts in LICENSES/, licensing REUSE tools can read."""

from __future__ import annotations

from conftest import scan

DEP5 = (
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    "Upstream-Name: robot\n\n"
    "Files: hw/*\nCopyright: 2025 Li Lei\nLicense: CERN-OHL-S-2.0\n"
)
REUSE_TOML = 'version = 1\n\n[[annotations]]\npath = "docs/**"\nSPDX-License-Identifier = "CC-BY-4.0"\n'
HEADER = "// SPDX-FileCopyrightText: 2025 Li Lei\n// SPDX-License-Identifier: {}\nint x;\n"
MIT_TEXT_TAG = "SPDX-License-Identifier: MIT\n"


def findings(result: dict, rule: str) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == rule]


def test_dep5_and_reuse_toml_together(tree):
    _, result, _ = scan(tree({".reuse/dep5": DEP5, "REUSE.toml": REUSE_TOML, "hw/a.scad": "cube(1);\n"}))
    [found] = findings(result, "dep5-with-reuse-toml")
    assert found["path"] == ".reuse/dep5" and found["severity"] == "warning"
    assert "REUSE.toml" in found["message"] and "reuse convert-dep5" in found["message"]


def test_dep5_alone_is_deprecated_not_conflicting(tree):
    _, result, _ = scan(tree({".reuse/dep5": DEP5, "hw/a.scad": "cube(1);\n"}))
    assert findings(result, "dep5-with-reuse-toml") == []
    assert findings(result, "dep5-deprecated")[0]["severity"] == "info"


def test_reuse_profile_wants_each_text_under_its_own_id(tree):
    # licensecheck accepts the -only text for -or-later; REUSE 3.3 names texts by the exact id.
    files = {"LICENSES/GPL-3.0-only.txt": "GNU GENERAL PUBLIC LICENSE\n",
             "src/a.c": HEADER.format("GPL-3.0-or-later"), "src/b.c": HEADER.format("GPL-3.0-only")}
    code, result, _ = scan(tree(files), "--profile", "reuse")
    [found] = findings(result, "license-text-not-in-licenses-dir")
    assert found["severity"] == "error" and code == 1
    assert "LICENSES/GPL-3.0-or-later.txt" in found["message"]
    assert "LICENSES/GPL-3.0-only.txt" in found["message"]
    fixed = {**files, "LICENSES/GPL-3.0-or-later.txt": "GNU GENERAL PUBLIC LICENSE\n"}
    _, result, _ = scan(tree(fixed, name="fixed"), "--profile", "reuse")
    assert findings(result, "license-text-not-in-licenses-dir") == []
    _, result, _ = scan(tree(files, name="default"))
    assert findings(result, "license-text-not-in-licenses-dir") == []  # off by default


def test_reuse_profile_refuses_a_license_known_only_from_the_folder(tree):
    files = {"LICENSE": MIT_TEXT_TAG, "LICENSES/MIT.txt": "MIT License\n", "src/a.c": "int x;\n",
             "src/b.c": HEADER.format("MIT")}
    _, result, _ = scan(tree(files), "--profile", "reuse")
    [found] = findings(result, "license-not-in-reuse-form")
    assert found["path"] == "src/a.c" and "the license file LICENSE" in found["message"]


def test_default_profile_accepts_folder_licenses_and_license_files(tree):
    files = {"LICENSE": MIT_TEXT_TAG, "src/a.c": "int x;\n"}
    _, result, _ = scan(tree(files))
    assert findings(result, "license-not-in-reuse-form") == []
    assert findings(result, "license-text-not-in-licenses-dir") == []


def test_reuse_profile_leaves_other_norms_out(tree):
    files = {"LICENSE": "SPDX-License-Identifier: GPL-2.0-only\n", "LICENSES/GPL-2.0-only.txt": "GPL\n",
             "LICENSES/Apache-2.0.txt": "Apache\n", "src/a.c": HEADER.format("GPL-2.0-only"),
             "src/b.c": HEADER.format("Apache-2.0")}
    _, result, _ = scan(tree(files), "--profile", "reuse")
    assert findings(result, "incompatible-licenses") == []
    _, result, _ = scan(tree(files, name="default"))
    assert findings(result, "incompatible-licenses")
