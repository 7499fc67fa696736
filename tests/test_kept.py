# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""What the console script holds until it ends with os._exit, and nothing anywhere else."""

from __future__ import annotations

import gc
import weakref

from conftest import scan

from licensecheck import kept
from licensecheck.extract import FileScan


class Thing:
    pass


def test_nothing_is_held_where_the_process_goes_on(monkeypatch):
    monkeypatch.setattr(kept, "_held", None)
    thing = Thing()
    gone = weakref.ref(thing)
    kept.kept_until_exit(thing)
    del thing
    gc.collect()
    assert gone() is None


def test_the_console_script_holds_the_scans_a_scan_lets_go_of(tree, monkeypatch):
    monkeypatch.setattr(kept, "_held", None)
    kept.keep_until_exit()
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "a.c": "// SPDX-License-Identifier: MIT\n"})
    code, result, _ = scan(root, "--no-cache")
    assert code == 0 and result is not None
    held = [item for item in kept._held if isinstance(item, list) and item]
    assert {scan.file.path for scan in held[0] if isinstance(scan, FileScan)} == {"LICENSE", "a.c"}
