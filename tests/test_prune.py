# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Cache files no run used for a month go; what runs still use stays."""

from __future__ import annotations

import os
import time

import pytest
from conftest import scan

from licensecheck.prune import EVERY, MARKER, MAX_AGE, prune

DAY = 24 * 3600
NOW = 2_000_000_000.0


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(folder))
    return folder


def _file(folder, name: str, age: float, now: float = NOW) -> None:
    path = folder / name
    path.write_bytes(b"x")
    os.utime(path, (now - age, now - age))


def test_unused_files_go_and_a_roots_files_go_together(cache_folder):
    old, recent = MAX_AGE + DAY, MAX_AGE - DAY
    for name in ("result-aa11.marshal", "result-aa11.files", "scan-aa11-00.marshal", "scan-aa11-15.marshal"):
        _file(cache_folder, name, old)
    # One recently used file keeps its whole root: the result without its shards is worth less.
    for name, age in (("result-bb22.marshal", recent), ("scan-bb22-03.marshal", old)):
        _file(cache_folder, name, age)
    _file(cache_folder, "identify-index-0123.marshal", old)
    _file(cache_folder, "identify-index-4567.marshal", recent)
    _file(cache_folder, ".result-cc33.marshal.0a1b2c.tmp", 2 * DAY)  # left by a killed run
    _file(cache_folder, ".result-dd44.marshal.3d4e5f.tmp", 60)  # a run writing it now

    removed = prune(cache_folder, NOW)

    assert removed == sorted(
        [
            ".result-cc33.marshal.0a1b2c.tmp",
            "identify-index-0123.marshal",
            "result-aa11.files",
            "result-aa11.marshal",
            "scan-aa11-00.marshal",
            "scan-aa11-15.marshal",
        ]
    )
    left = {path.name for path in cache_folder.iterdir()}
    assert left == {
        MARKER,
        "result-bb22.marshal",
        "scan-bb22-03.marshal",
        "identify-index-4567.marshal",
        ".result-dd44.marshal.3d4e5f.tmp",
    }


def test_pruning_happens_at_most_once_a_day(cache_folder):
    assert prune(cache_folder, NOW) == []
    _file(cache_folder, "identify-index-0123.marshal", MAX_AGE + DAY, NOW + EVERY - 60)
    assert prune(cache_folder, NOW + EVERY - 60) == []  # pruned less than a day ago
    assert prune(cache_folder, NOW + EVERY + 60) == ["identify-index-0123.marshal"]


def test_a_missing_or_unusable_folder_is_left_alone(tmp_path):
    assert prune(tmp_path / "missing", NOW) == []
    assert not (tmp_path / "missing").exists()
    not_a_folder = tmp_path / "file"
    not_a_folder.write_bytes(b"data")
    assert prune(not_a_folder, NOW) == []
    assert not_a_folder.read_bytes() == b"data"


def test_a_scan_marks_its_cache_used_and_prunes_what_others_left(tree, tmp_path, cache_folder):
    root = tree({"a.c": "// SPDX-License-Identifier: MIT\nint a;\n", "LICENSE": "MIT License\n"})
    code, first, _ = scan(root, output=tmp_path / "first.json")
    assert code == 0
    ours = sorted(path.name for path in cache_folder.glob("result-*"))
    assert ours
    month_ago = time.time() - MAX_AGE - DAY
    for path in cache_folder.iterdir():
        os.utime(path, (month_ago, month_ago))
    _file(cache_folder, "result-ffff.marshal", MAX_AGE + DAY, time.time())  # another tree's, unused

    code, warm, _ = scan(root, output=tmp_path / "warm.json")

    assert code == 0 and warm == first
    names = {path.name for path in cache_folder.iterdir()}
    assert "result-ffff.marshal" not in names
    # The warm run read its result: marked used, so kept.
    assert set(ours) <= names


def test_a_scan_without_the_cache_prunes_nothing(tree, cache_folder):
    root = tree({"a.c": "// SPDX-License-Identifier: MIT\nint a;\n"})
    _file(cache_folder, "result-ffff.marshal", MAX_AGE + DAY, time.time())
    scan(root, "--no-cache")
    assert (cache_folder / "result-ffff.marshal").exists()
    assert not (cache_folder / MARKER).exists()
