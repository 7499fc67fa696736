# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags and notices of their own.
"""Conclusion shared with forked children on a big tree: the same conclusion as one process's."""

from __future__ import annotations

import pytest
from test_derived_outputs import board
from test_rules_hardware import GERBER
from test_vendor_terms import GD32_HEADER

from licensecheck import conclude as conclude_module
from licensecheck import forked
from licensecheck.conclude import conclude
from licensecheck.discover import discover
from licensecheck.parallel import scan_files

GD32_FILE = "Firmware/GD32F1x0_standard_peripheral/Source/gd32f1x0_gpio.c"


def maker_tree() -> dict[str, str]:
    """Every kind of file whose conclusion adds to what the tree shares: files taking their
    folder's licence (from_designs reads them), a chip vendor's file (vendor_files), sidecars,
    a design and its outputs, spread over many batches."""
    files = {
        "LICENSE": "SPDX-License-Identifier: MIT\n",
        "hw/LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
        "hw/board.kicad_pcb": board("CERN-OHL-W-2.0"),
        "hw/gerber/board-F_Cu.gtl": GERBER,
        "hw/case.stl": "solid case\nendsolid case\n",
        "hw/case.stl.license": "SPDX-License-Identifier: CC-BY-4.0\nSPDX-FileCopyrightText: 2025 Maker\n",
        GD32_FILE: GD32_HEADER,
    }
    for n in range(60):
        tag = "// SPDX-License-Identifier: Apache-2.0\n" if n % 3 else ""
        files[f"fw/src/f{n:02}.c"] = f"{tag}int f{n};\n"
        files[f"hw/parts/p{n:02}.scad"] = "cube(1);\n"
    return files


def test_children_conclude_what_one_process_would(tree, monkeypatch):
    root = tree(maker_tree())
    scans = scan_files(root, list(discover(root).files), 1)
    alone = conclude(scans, jobs=1)
    monkeypatch.setattr(conclude_module, "SPREAD_FROM", 10)
    monkeypatch.setattr(conclude_module, "_BATCH_FILES_AT_LEAST", 4)  # many batches of a small tree
    sent_by_child = []
    real = forked.run

    def watched(batches, children, work, done, meanwhile=None):
        def noting(index, results, sent):
            sent_by_child.append(sent)
            done(index, results, sent)

        real(batches, children, work, noting, meanwhile)

    monkeypatch.setattr(forked, "run", watched)
    spread = conclude(scans, jobs=2)
    if forked.available():
        assert len(sent_by_child) > 2 and any(sent_by_child)
    assert spread == alone
    # What the batches added to the shared state came back from the child too.
    assert spread.vendor_files == {GD32_FILE: "GigaDevice"}
    results = {file.path: file for file in spread.files}
    assert results["fw/src/f00.c"].licenses == ("MIT",)
    assert results["hw/parts/p00.scad"].licenses == ("CERN-OHL-S-2.0",)
    assert results["hw/gerber/board-F_Cu.gtl"].licenses == ("CERN-OHL-W-2.0",)
    assert results["hw/case.stl"].licenses == ("CC-BY-4.0",)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_small_tree_is_concluded_here(tree, monkeypatch, jobs):
    root = tree(maker_tree())
    scans = scan_files(root, list(discover(root).files), 1)
    monkeypatch.setattr(forked, "run", None)  # would fail if called
    assert len(scans) < conclude_module.SPREAD_FROM
    assert conclude(scans, jobs=jobs).files


def test_no_more_processes_than_batches_whatever_jobs_says(tree, monkeypatch):
    """-j 100000 on a tree just big enough: batches of at least 64 files, a process for each
    batch at most, and never more batches than forked's tickets."""
    root = tree(maker_tree())
    scans = scan_files(root, list(discover(root).files), 1)
    alone = conclude(scans, jobs=1)
    monkeypatch.setattr(conclude_module, "SPREAD_FROM", 10)
    asked = []
    real = forked.run

    def counting(batches, children, *args, **kwargs):
        asked.append((batches, children))
        return real(batches, children, *args, **kwargs)

    monkeypatch.setattr(forked, "run", counting)
    monkeypatch.setattr(forked, "MAX_BATCHES", 2)
    spread = conclude(scans, jobs=100_000)
    assert spread == alone
    if forked.available():
        [(batches, children)] = asked
        assert batches <= 2 and children < batches
