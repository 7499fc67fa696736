# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""A run without cache keys walks the tree without an lstat a file: extraction sizes them."""

from __future__ import annotations

import os

import pytest
from conftest import refuse_to_open, scan

from licensecheck import forked
from licensecheck.discover import discover
from licensecheck.model import SIZE_UNREAD
from licensecheck.parallel import scan_files

FILES = {
    "LICENSE": "SPDX-License-Identifier: MIT\n",
    "src/main.c": "// SPDX-License-Identifier: MIT\nint main(void) { return 0; }\n",
    "src/empty.c": "",
    "docs/notes.md": "# Notes\n" + "A line of notes.\n" * 300,
    "secret.c": "// SPDX-License-Identifier: MIT\nint secret;\n",
}


def special_tree(tree):
    root = tree(FILES)
    os.mkfifo(root / "src/pipe.c")
    (root / "COPYING").symlink_to(root / "LICENSE")
    return root


def test_the_walk_lists_what_it_would_with_stamps_and_leaves_sizes_unread(tree):
    root = special_tree(tree)
    stamped, unstamped = discover(root), discover(root, stamps=False)
    assert [f.path for f in unstamped.files] == [f.path for f in stamped.files] == sorted(FILES)
    assert {f.size for f in unstamped.files} == {SIZE_UNREAD}
    assert unstamped.problems == stamped.problems == (("COPYING", "a symbolic link, not followed"),)


@pytest.mark.parametrize("can_fork", [True, False])
def test_extraction_gives_each_file_its_size(tree, monkeypatch, can_fork):
    """In this process, in forked children, or in a process pool (where forking is not safe)."""
    root = tree({f"src/f{n:03}.c": "int x;\n" * n for n in range(300)})
    monkeypatch.setattr(forked, "available", lambda: can_fork)
    scans = scan_files(root, list(discover(root, stamps=False).files), 2)
    assert [s.file.size for s in scans] == [len("int x;\n") * n for n in range(300)]


def test_a_scan_without_cache_says_what_one_with_it_says(tree, monkeypatch):
    root = special_tree(tree)
    refuse_to_open(monkeypatch, "secret.c")  # unreadable: its size comes from an lstat then
    _, cached, _ = scan(root, output=root.parent / "cached.json")
    _, uncached, _ = scan(root, "--no-cache", output=root.parent / "uncached.json")
    assert uncached == cached
    sizes = {f["path"]: f["size"] for f in uncached["files"]}
    assert sizes == {path: len(text.encode()) for path, text in FILES.items()}
    [secret] = [f for f in uncached["files"] if f["path"] == "secret.c"]
    assert secret["problem"] == "permission denied"


def test_a_folder_that_cannot_be_searched_has_its_files_lstatd(tree, monkeypatch):
    """Read but not search permission (r--): the folder lists its names, but no file in it can
    be opened or lstat'd, and each is said so as in a run that lstats every file. (Root, who
    runs the tests in CI, may search any folder: the permission is refused here.)"""
    from licensecheck import discover as discover_module

    root = tree(FILES)
    real = os.access
    monkeypatch.setattr(
        discover_module.os, "access", lambda path, mode: not str(path).endswith("src/") and real(path, mode)
    )
    sizes = {f.path: f.size for f in discover(root, stamps=False).files}
    assert sizes["src/main.c"] == len(FILES["src/main.c"]) and sizes["src/empty.c"] == 0
    assert sizes["LICENSE"] == SIZE_UNREAD
