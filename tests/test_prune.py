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


# Cache files as licensecheck names them: a root's, by a hash of its path; tables by their data.
OLD_ROOT, USED_ROOT, OTHER_ROOT = "a" * 24, "b" * 24, "f" * 24
OLD_INDEX, USED_INDEX = "identify-index-0123456789abcdef.marshal", "identify-index-fedcba9876543210.marshal"
KILLED = f".result-{'c' * 24}.marshal.0a1b2c3d4e5f.tmp"  # left by a killed run
WRITING = f".result-{'d' * 24}.marshal.3d4e5f6a7b8c.tmp"  # a run writing it now


def test_unused_files_go_and_a_roots_files_go_together(cache_folder):
    old, recent = MAX_AGE + DAY, MAX_AGE - DAY
    old_root = [f"result-{OLD_ROOT}.marshal", f"result-{OLD_ROOT}.files"]
    old_root += [f"scan-{OLD_ROOT}-00.marshal", f"scan-{OLD_ROOT}-15.marshal"]
    for name in old_root:
        _file(cache_folder, name, old)
    # One recently used file keeps its whole root: the result without its shards is worth less.
    used_root = [f"result-{USED_ROOT}.marshal", f"scan-{USED_ROOT}-03.marshal"]
    _file(cache_folder, used_root[0], recent)
    _file(cache_folder, used_root[1], old)
    _file(cache_folder, OLD_INDEX, old)
    _file(cache_folder, USED_INDEX, recent)
    _file(cache_folder, KILLED, 2 * DAY)
    _file(cache_folder, WRITING, 60)

    removed = prune(cache_folder, NOW)

    assert removed == sorted([KILLED, OLD_INDEX, *old_root])
    left = {path.name for path in cache_folder.iterdir()}
    assert left == {MARKER, *used_root, USED_INDEX, WRITING}


def test_pruning_happens_at_most_once_a_day(cache_folder):
    assert prune(cache_folder, NOW) == []
    _file(cache_folder, OLD_INDEX, MAX_AGE + DAY, NOW + EVERY - 60)
    assert prune(cache_folder, NOW + EVERY - 60) == []  # pruned less than a day ago
    assert prune(cache_folder, NOW + EVERY + 60) == [OLD_INDEX]


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
    other = f"result-{OTHER_ROOT}.marshal"  # another tree's, unused
    _file(cache_folder, other, MAX_AGE + DAY, time.time())

    code, warm, _ = scan(root, output=tmp_path / "warm.json")

    assert code == 0 and warm == first
    names = {path.name for path in cache_folder.iterdir()}
    assert other not in names
    # The warm run read its result: marked used, so kept.
    assert set(ours) <= names


def test_a_scan_without_the_cache_prunes_nothing(tree, cache_folder):
    root = tree({"a.c": "// SPDX-License-Identifier: MIT\nint a;\n"})
    other = f"result-{OTHER_ROOT}.marshal"
    _file(cache_folder, other, MAX_AGE + DAY, time.time())
    scan(root, "--no-cache")
    assert (cache_folder / other).exists()
    assert not (cache_folder / MARKER).exists()


def test_only_licensechecks_own_files_are_touched(cache_folder):
    """Should the cache folder be shared (LICENSECHECK_CACHE_DIR=~/.cache by mistake), what
    other programs keep there stays, however old."""
    old = MAX_AGE + DAY
    others = ["notes.txt", "result-final.pdf", "scan-2024.json", ".hidden.tmp", ".notes.txt.0a1b2c3d4e5f.tmp"]
    for name in others:
        _file(cache_folder, name, old)
    ours = [f"messages-zh-{'c' * 24}.marshal", f"scan-{OLD_ROOT}.json"]  # scan-*.json: an older format
    for name in ours:
        _file(cache_folder, name, old)
    assert prune(cache_folder, NOW) == sorted(ours)
    assert {path.name for path in cache_folder.iterdir()} == {MARKER, *others}


def test_compiled_templates_go_when_unused(cache_folder):
    (cache_folder / "templates").mkdir()
    template = f"template-{'e' * 40}.cache"  # Jinja's compiled report template, and its temporary
    old, recent = MAX_AGE + DAY, MAX_AGE - DAY
    _file(cache_folder / "templates", template, old)
    _file(cache_folder / "templates", template + "k3j_x9zq.tmp", 2 * DAY)
    _file(cache_folder / "templates", f"template-{'f' * 40}.cache", recent)
    _file(cache_folder / "templates", "notes.txt", old)
    assert prune(cache_folder, NOW) == [f"templates/{template}", f"templates/{template}k3j_x9zq.tmp"]
