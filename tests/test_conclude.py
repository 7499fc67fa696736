# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Conclude: which evidence wins, on real trees scanned end to end."""

from __future__ import annotations

import json
import os

from conftest import file_entry, kicad_schematic, rules_for, scan

HEADER_MIT = "// SPDX-FileCopyrightText: 2024 Jane Maker\n// SPDX-License-Identifier: MIT\nint x;\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def sources(entry: dict) -> list[str]:
    return [e["source"] for e in entry["evidence"] if e["expression"]]


def test_sidecar_replaces_the_file_header(tree):
    root = tree(
        {
            "a.c": HEADER_MIT,
            "a.c.license": "SPDX-FileCopyrightText: 2025 Li Lei\nSPDX-License-Identifier: Apache-2.0\n",
        }
    )
    _, result, _ = scan(root)
    entry = file_entry(result, "a.c")
    assert entry["licenses"] == ["Apache-2.0"]
    assert entry["copyrights"] == ["2025 Li Lei"]
    assert {"header", "sidecar"} <= set(sources(entry))  # the overridden header stays as evidence
    sidecar = file_entry(result, "a.c.license")
    assert "missing-license" not in rules_for(result, "a.c.license")
    assert sidecar["category"] == "other"


def test_sidecar_for_a_binary_file(tree):
    root = tree({"img/photo.png": PNG, "img/photo.png.license": "SPDX-License-Identifier: CC-BY-4.0\n"})
    _, result, _ = scan(root)
    assert file_entry(result, "img/photo.png")["licenses"] == ["CC-BY-4.0"]
    assert "missing-license" not in rules_for(result, "img/photo.png")


def test_several_identifiers_in_one_file_combine_with_and(tree):
    root = tree({"a.py": "# SPDX-License-Identifier: MIT\n# SPDX-License-Identifier: Apache-2.0\n"})
    _, result, _ = scan(root)
    assert file_entry(result, "a.py")["licenses"] == ["MIT AND Apache-2.0"]


REUSE_TOML = """version = 1

[[annotations]]
path = "hw/**"
SPDX-FileCopyrightText = "2025 Shenzhen Maker Team"
SPDX-License-Identifier = "CERN-OHL-S-2.0"

[[annotations]]
path = "vendor/**"
precedence = "override"
SPDX-FileCopyrightText = "KiCad Library Team"
SPDX-License-Identifier = "CC-BY-SA-4.0"

[[annotations]]
path = "docs/**"
precedence = "aggregate"
SPDX-License-Identifier = "CC-BY-4.0"
"""


def test_reuse_toml_closest_fills_only_what_is_missing(tree):
    root = tree(
        {
            "REUSE.toml": REUSE_TOML,
            "hw/board.gbr": "G04 outline*\nM02*\n",
            "hw/own.scad": "// SPDX-License-Identifier: MIT\ncube(1);\n",
        }
    )
    _, result, _ = scan(root)
    gerber = file_entry(result, "hw/board.gbr")
    assert gerber["licenses"] == ["CERN-OHL-S-2.0"]
    assert gerber["copyrights"] == ["2025 Shenzhen Maker Team"]
    assert sources(gerber) == ["reuse-toml"]
    own = file_entry(result, "hw/own.scad")
    assert own["licenses"] == ["MIT"]  # the file's own license wins over closest
    assert own["copyrights"] == ["2025 Shenzhen Maker Team"]  # copyright filled in separately


def test_reuse_toml_override_beats_header_and_sidecar(tree):
    root = tree(
        {
            "REUSE.toml": REUSE_TOML,
            "vendor/lib.kicad_sym": "(kicad_symbol_lib (version 20231120) (generator kicad_symbol_editor))\n",
            "vendor/a.c": HEADER_MIT,
            "vendor/a.c.license": "SPDX-License-Identifier: GPL-3.0-or-later\n",
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "vendor/a.c")["licenses"] == ["CC-BY-SA-4.0"]
    assert file_entry(result, "vendor/lib.kicad_sym")["copyrights"] == ["KiCad Library Team"]


def test_reuse_toml_aggregate_adds_to_the_header(tree):
    root = tree(
        {"REUSE.toml": REUSE_TOML, "docs/guide.md": "<!-- SPDX-License-Identifier: MIT -->\n# Guide\n"}
    )
    _, result, _ = scan(root)
    assert file_entry(result, "docs/guide.md")["licenses"] == ["CC-BY-4.0", "MIT"]


def test_invalid_reuse_toml_is_a_finding_and_the_scan_goes_on(tree):
    root = tree({"REUSE.toml": "version = 2\n", "a.c": HEADER_MIT})
    code, result, _ = scan(root)
    assert code in (0, 1)
    unreadable = [f for f in result["findings"] if f["rule"] == "unreadable-file"]
    assert unreadable and unreadable[0]["path"] == "REUSE.toml"
    assert file_entry(result, "a.c")["licenses"] == ["MIT"]


DEP5 = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: smart-plant

Files: hw/*
Copyright: 2024 Jane Maker
License: CERN-OHL-W-2.0
"""


def test_dep5_aggregates(tree):
    root = tree({".reuse/dep5": DEP5, "hw/board.gbr": "G04 outline*\nM02*\n", "hw/a.scad": HEADER_MIT})
    _, result, _ = scan(root)
    assert file_entry(result, "hw/board.gbr")["licenses"] == ["CERN-OHL-W-2.0"]
    assert file_entry(result, "hw/a.scad")["licenses"] == ["CERN-OHL-W-2.0", "MIT"]
    assert "missing-license" not in rules_for(result, ".reuse/dep5")


def test_folder_license_file_covers_files_without_their_own(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: GPL-3.0-or-later\n",
            "lib/vendor/LICENSE": "SPDX-License-Identifier: MIT\n",
            "lib/vendor/ring.c": "int ring;\n",
            "src/main.c": "int main;\n",
            "src/own.c": HEADER_MIT,
        }
    )
    _, result, _ = scan(root)
    ring = file_entry(result, "lib/vendor/ring.c")
    assert ring["licenses"] == ["MIT"] and sources(ring) == ["directory"]
    assert file_entry(result, "src/main.c")["licenses"] == ["GPL-3.0-or-later"]
    assert file_entry(result, "src/own.c")["licenses"] == ["MIT"]
    assert result["project"] == {"declared": ["GPL-3.0-or-later"], "sources": ["LICENSE"]}
    assert "missing-license" not in rules_for(result)


def test_a_readme_licence_section_naming_each_parts_licence_is_not_the_readmes_own(tree):
    parts = "## 许可证\n\n硬件采用 CERN-OHL-S-2.0 许可证，固件采用木兰宽松许可证，第2版。\n"
    one = "## License\n\nThis project is licensed under the MIT License.\n"
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MulanPSL-2.0\n",
            "README.md": "# 智能花盆\n\n" + parts,
            "docs/README.md": "# Docs\n\n" + one,
        }
    )
    _, result, _ = scan(root)
    readme = file_entry(result, "README.md")
    # Kept as evidence, not applied: the README takes its folder's licence, and no rule
    # reads it as a README under CERN-OHL-S-2.0 AND MulanPSL-2.0.
    assert readme["licenses"] == ["MulanPSL-2.0"] and sources(readme) == ["text-match"] * 3 + ["directory"]
    parts_said = {e["detail"]: e["expression"] for e in readme["evidence"] if ", part " in e["detail"]}
    assert parts_said == {
        "README license section, part hardware": "CERN-OHL-S-2.0",
        "README license section, part software": "MulanPSL-2.0",
    }
    assert "declared-license-mismatch" not in rules_for(result)
    assert file_entry(result, "docs/README.md")["licenses"] == ["MIT"]  # one licence: the README's


def test_one_notice_written_with_two_markers_is_listed_once(tree):
    title_block = '(title "智能花盆") (comment 1 "Copyright 2025 深圳某创客")'
    schematic = kicad_schematic(title_block, "版权所有 2025 深圳某创客", "© 2024 Li Lei")
    root = tree({"LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n", "hw/pot.kicad_sch": schematic})
    copyrights = file_entry(scan(root)[1], "hw/pot.kicad_sch")["copyrights"]
    assert copyrights == ["Copyright 2025 深圳某创客", "© 2024 Li Lei"]


def test_one_notice_in_simplified_and_traditional_characters_is_listed_once(tree):
    text = "// 版權所有 2025 陳大文\n// © 2025 陳大文\n// SPDX-License-Identifier: MIT\n"
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "src/main.c": text})
    assert file_entry(scan(root)[1], "src/main.c")["copyrights"] == ["© 2025 陳大文"]


def test_manifest_declares_the_project_license(tree):
    root = tree({"library.json": json.dumps({"name": "ringbuf", "license": "MIT"}), "src/ring.c": "int r;\n"})
    _, result, _ = scan(root)
    assert result["project"]["declared"] == ["MIT"]
    assert result["project"]["sources"] == ["library.json"]
    entry = file_entry(result, "src/ring.c")
    assert entry["licenses"] == ["MIT"] and sources(entry) == ["manifest"]
    assert "no-project-license" not in rules_for(result)


def test_licenses_folder_declares_when_nothing_else_does(tree):
    root = tree(
        {"LICENSES/CERN-OHL-S-2.0.txt": "CERN Open Hardware Licence Version 2\n", "a.scad": HEADER_MIT}
    )
    _, result, _ = scan(root)
    assert result["project"]["declared"] == ["CERN-OHL-S-2.0"]
    assert "no-project-license" not in rules_for(result)


def test_no_project_license(tree):
    _, result, _ = scan(tree({"a.c": HEADER_MIT}))
    findings = [f for f in result["findings"] if f["rule"] == "no-project-license"]
    assert len(findings) == 1 and findings[0]["path"] is None and findings[0]["severity"] == "error"


def test_license_texts_missing_and_unused(tree):
    root = tree(
        {
            "LICENSES/MIT.txt": "MIT License\n",
            "LICENSES/BSD-3-Clause.txt": "BSD 3-Clause License\n",
            "LICENSES/GPL-2.0-or-later.txt": "GNU GENERAL PUBLIC LICENSE Version 2\n",
            "a.c": HEADER_MIT,
            "b.c": "// SPDX-License-Identifier: Apache-2.0 AND GPL-2.0-only\n",
        }
    )
    _, result, _ = scan(root)
    missing = {f["licenses"][0] for f in result["findings"] if f["rule"] == "missing-license-text"}
    assert missing == {"Apache-2.0"}  # GPL-2.0-only is served by the GPL-2.0-or-later text
    unused = [f for f in result["findings"] if f["rule"] == "unused-license-text"]
    assert [f["path"] for f in unused] == ["LICENSES/BSD-3-Clause.txt"]


def test_a_license_file_that_only_names_its_licence_holds_no_text(tree):
    from licensecheck.identify import data

    mit = data.load().licenses["MIT"].replace("<year> <copyright holders>", "2025 Li Wei")
    root = tree(
        {
            "LICENSE": "Licensed under the MIT License.\n",
            "a.c": HEADER_MIT,
            "lib/x/LICENSE.txt": mit + "\nThe fonts in fonts/ are released under the Apache License 2.0.\n",
            "lib/x/x.c": "// SPDX-License-Identifier: MIT AND Apache-2.0\nint x;\n",
        }
    )
    _, result, _ = scan(root)
    missing = [f for f in result["findings"] if f["rule"] == "missing-license-text"]
    # MIT's text is in lib/x/LICENSE.txt; Apache-2.0 is only named there, and in LICENSE nothing is
    assert [f["licenses"] for f in missing] == [["Apache-2.0"]]
    _, result, _ = scan(tree({"LICENSE": "Licensed under the MIT License.\n", "a.c": HEADER_MIT}, "alone"))
    assert [f["licenses"] for f in result["findings"] if f["rule"] == "missing-license-text"] == [["MIT"]]


def test_a_gnu_notice_over_its_full_text_holds_the_text(tree):
    from licensecheck.identify import data

    notice = (
        "This program is free software: you can redistribute it and/or modify it under the terms of\n"
        "the GNU General Public License as published by the Free Software Foundation, either version 3\n"
        "of the License, or (at your option) any later version.\n\n"
    )
    gpl = "// SPDX-License-Identifier: GPL-3.0-or-later\nint main(void) { return 0; }\n"
    root = tree({"COPYING": notice + data.load().licenses["GPL-3.0-only"], "main.c": gpl})
    _, result, _ = scan(root)
    assert file_entry(result, "COPYING")["licenses"] == ["GPL-3.0-or-later"]
    assert not [f for f in result["findings"] if f["rule"] == "missing-license-text"]
    _, result, _ = scan(tree({"COPYING": notice, "main.c": gpl}, "notice"))  # the notice alone
    assert [f["licenses"] for f in result["findings"] if f["rule"] == "missing-license-text"] == [
        ["GPL-3.0-or-later"]
    ]


def test_a_gnu_text_in_licenses_reads_as_the_variant_its_file_name_says(tree):
    from licensecheck.identify import data

    gpl3 = data.load().licenses["GPL-3.0-only"]  # the same text serves -only and -or-later
    root = tree(
        {
            "LICENSES/GPL-3.0-or-later.txt": gpl3,
            "LICENSES/LGPL-3.0-only.txt": data.load().licenses["LGPL-3.0-only"],
            "COPYING": gpl3,  # no id in the name: the text alone says -only
            "a.c": "// SPDX-FileCopyrightText: 2024 Jane\n// SPDX-License-Identifier: GPL-3.0-or-later\n",
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "LICENSES/GPL-3.0-or-later.txt")["licenses"] == ["GPL-3.0-or-later"]
    assert file_entry(result, "LICENSES/LGPL-3.0-only.txt")["licenses"] == ["LGPL-3.0-only"]
    assert file_entry(result, "COPYING")["licenses"] == ["GPL-3.0-only"]


def test_covered_files_follow_reuse(tree):
    root = tree(
        {
            "LICENSES/MIT.txt": "MIT License\n",
            "COPYING": "SPDX-License-Identifier: MIT\n",
            "empty.c": "",
            "sbom.spdx.json": "{}",
            "REUSE.toml": "version = 1\n",
            "a.c": HEADER_MIT,
        }
    )
    _, result, _ = scan(root)
    flagged = {f["path"] for f in result["findings"] if f["rule"] in ("missing-license", "missing-copyright")}
    assert flagged == set()


def test_expression_findings_carry_line_numbers(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "a.c": "// header\n// SPDX-License-Identifier: MIT OR\n",
            "b.c": "// SPDX-License-Identifier: GPLv3\n",
            "c.c": "// SPDX-License-Identifier: GPL-3.0+\n",
        }
    )
    _, result, _ = scan(root)
    by_rule = {(f["rule"], f["path"]): f for f in result["findings"]}
    assert by_rule[("invalid-license-expression", "a.c")]["line"] == 2
    assert by_rule[("unknown-license", "b.c")]["licenses"] == ["GPLv3"]
    deprecated = by_rule[("deprecated-license", "c.c")]
    assert "GPL-3.0-or-later" in deprecated["message"]
    assert file_entry(result, "c.c")["licenses"] == ["GPL-3.0-or-later"]


def test_unreadable_file_is_a_finding_and_the_scan_goes_on(tree, monkeypatch):
    import licensecheck.extract.file as reader

    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "a.c": HEADER_MIT, "secret.c": HEADER_MIT})
    if os.geteuid() == 0:  # root reads anything: make the read itself fail
        real = reader._read_classified

        def refuse(path, name):
            if name == "secret.c":
                raise PermissionError(13, "Permission denied", path)
            return real(path, name)

        monkeypatch.setattr(reader, "_read_classified", refuse)
    else:
        (root / "secret.c").chmod(0)
    code, result, _ = scan(root)
    assert code in (0, 1)
    found = [f for f in result["findings"] if f["rule"] == "unreadable-file"]
    assert [f["path"] for f in found] == ["secret.c"]
    assert "permission denied" in found[0]["message"]
    assert file_entry(result, "secret.c")["problem"] == "permission denied"
    assert "missing-license" not in rules_for(result, "secret.c")
    assert file_entry(result, "a.c")["licenses"] == ["MIT"]
    # The root LICENSE covers a.c; secret.c may say otherwise: unknown, not the folder's guess.
    assert file_entry(result, "secret.c")["licenses"] == []
    assert result["summary"]["licenses"] == {"MIT": 2}  # LICENSE and a.c


def test_an_unparsable_file_keeps_what_reuse_toml_says_of_it(tree):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "REUSE.toml": 'version = 1\n[[annotations]]\npath = "*.3mf"\n'
            'SPDX-FileCopyrightText = "2025 Jane"\nSPDX-License-Identifier = "CERN-OHL-P-2.0"\n',
            "case.3mf": "PK\x03\x04 not a zip archive",
            "part.3mf": "PK\x03\x04 not one either",
            "other.stl": "solid x\nendsolid x\n",
        }
    )
    code, result, _ = scan(root)
    assert code in (0, 1)
    assert file_entry(result, "case.3mf")["problem"]
    assert file_entry(result, "case.3mf")["licenses"] == ["CERN-OHL-P-2.0"]  # REUSE.toml names the file
    assert file_entry(result, "other.stl")["licenses"] == ["MIT"]  # read fine: the folder's license


def test_a_thingiverse_part_keeps_the_creative_commons_version_its_licence_file_links(tree):
    from licensecheck.report.evidence_detail import worded

    thing = (
        "Captive Planetary Gear Set: parametric. by terrym is licensed under the Creative Commons - "
        "Attribution - Share Alike license.\nhttp://creativecommons.org/licenses/by-sa/3.0/\n"
    )
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: CC-BY-SA-4.0\n",
            "parts/gear/LICENSE.txt": thing,
            "parts/gear/gear.scad": "module gear() { cylinder(r=10, h=5); }\n",
        }
    )
    _, result, _ = scan(root)
    assert file_entry(result, "parts/gear/LICENSE.txt")["licenses"] == ["CC-BY-SA-3.0"]
    assert file_entry(result, "parts/gear/gear.scad")["licenses"] == ["CC-BY-SA-3.0"]
    assert "unrecognized-license-text" not in rules_for(result)
    [evidence] = [
        e for e in file_entry(result, "parts/gear/LICENSE.txt")["evidence"] if e["source"] == "text-match"
    ]
    assert "按其 URL 为 CC-BY-SA-3.0" in worded(evidence["detail"], "zh")
