# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Files written whole or not at all: reports and caches."""

from __future__ import annotations

import os
import stat

import pytest

from licensecheck import atomic


def test_a_write_replaces_the_target_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "report.json"
    target.write_bytes(b"old")
    atomic.write(target, b'{"new": 1}\n')
    assert target.read_bytes() == b'{"new": 1}\n'
    assert os.listdir(tmp_path) == ["report.json"]


def test_a_cache_is_owner_only_and_a_report_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        atomic.write(tmp_path / "cache.marshal", b"x")
        atomic.write(tmp_path / "report.html", b"x", shared=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "cache.marshal").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "report.json"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic.write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["report.json"]


def test_a_stamped_cache_is_read_back_only_with_its_stamp(tmp_path):
    path = tmp_path / "sub" / "c.marshal"
    atomic.write_stamped(path, "v1", {"a": (1, "b")})
    assert atomic.read_stamped(path, "v1") == {"a": (1, "b")}
    assert atomic.read_stamped(path, "v2") is None
    path.write_bytes(b"\x00garbage")
    assert atomic.read_stamped(path, "v1") is None
