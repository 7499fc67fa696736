# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""license-not-allowed: the configuration's allow and deny lists, per category."""

from __future__ import annotations

from conftest import scan

KICAD_PCB = (
    '(kicad_pcb (version 20240108) (generator "pcbnew")\n'
    '  (title_block (comment 1 "SPDX-License-Identifier: MIT"))\n)\n'
)
CONFIG = """
[licenses]
deny = ["CC-BY-NC-*", "AGPL-3.0-only"]

[licenses.hardware]
allow = ["CERN-OHL-*"]
"""


def tagged(expression: str) -> str:
    return f"// SPDX-License-Identifier: {expression}\nint x;\n"


def not_allowed(result: dict) -> dict[str, dict]:
    return {f["path"]: f for f in result["findings"] if f["rule"] == "license-not-allowed"}


def project(tree, files: dict[str, str], name: str = "project"):
    base = {".licensecheck.toml": CONFIG, "LICENSE": "SPDX-License-Identifier: GPL-3.0-or-later\n"}
    _, result, _ = scan(tree({**base, **files}, name=name))
    return not_allowed(result)


def test_deny_list_with_wildcards(tree):
    nc_doc = "<!-- SPDX-License-Identifier: CC-BY-NC-4.0 -->\n"
    files = {"a.c": tagged("AGPL-3.0-only"), "b.md": nc_doc, "c.c": tagged("AGPL-3.0-or-later")}
    found = project(tree, files)
    assert set(found) == {"a.c", "b.md"}
    assert found["a.c"]["severity"] == "error"
    assert "deny list" in found["a.c"]["message"] and ".licensecheck.toml" in found["a.c"]["message"]


def test_allow_list_of_one_category(tree):
    found = project(tree, {"hw/board.kicad_pcb": KICAD_PCB, "fw/main.c": tagged("MIT")})
    assert set(found) == {"hw/board.kicad_pcb"}
    assert "not on the allow list for hardware files" in found["hw/board.kicad_pcb"]["message"]


def test_an_expression_passes_when_one_choice_does(tree):
    files = {"a.c": tagged("MIT OR AGPL-3.0-only"), "b.c": tagged("AGPL-3.0-only OR CC-BY-NC-4.0")}
    found = project(tree, files)
    assert set(found) == {"b.c"}
    assert found["b.c"]["licenses"] == ["AGPL-3.0-only", "CC-BY-NC-4.0"]


def test_an_exception_matches_its_license(tree):
    found = project(tree, {"a.c": tagged("AGPL-3.0-only WITH Classpath-exception-2.0")})
    assert set(found) == {"a.c"}


def test_without_lists_nothing_is_refused(tree):
    _, result, _ = scan(tree({"a.c": tagged("AGPL-3.0-only")}))
    assert not_allowed(result) == {}
