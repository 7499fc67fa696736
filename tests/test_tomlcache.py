# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The package's TOML files are parsed once per content, then read back from the cache."""

from __future__ import annotations

import pytest

from licensecheck import i18n, tomlcache


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_tables_come_from_the_cache_until_the_bytes_change(cache_folder):
    parses: list[str] = []

    def counting(name: str, content: bytes):
        parses.append(name)
        return tomlcache.parse(name, content)

    files = {"a.toml": b'[rule]\nname = "\xe8\xae\xb8\xe5\x8f\xaf"\n', "b.toml": b"x = 1\n"}
    first = tomlcache.parsed("test", files, counting)
    assert first == {"a.toml": {"rule": {"name": "许可"}}, "b.toml": {"x": 1}}
    assert tomlcache.parsed("test", files, counting) == first
    assert parses == ["a.toml", "b.toml"]
    assert tomlcache.parsed("test", {**files, "b.toml": b"x = 2\n"}, counting)["b.toml"] == {"x": 2}
    assert parses[2:] == ["a.toml", "b.toml"]


def test_a_corrupt_cache_is_parsed_again(cache_folder):
    files = {"a.toml": b"x = 1\n"}
    tomlcache.parsed("test", files)
    for path in cache_folder.glob("test-*"):
        path.write_bytes(b"\x00garbage")
    assert tomlcache.parsed("test", files) == {"a.toml": {"x": 1}}


def test_invalid_toml_names_the_file():
    with pytest.raises(ValueError, match=r"bad\.toml: not valid TOML"):
        tomlcache.parse("bad.toml", b"x = \n")
    with pytest.raises(ValueError, match=r"bad\.toml: not valid TOML"):
        tomlcache.parse("bad.toml", b"x = '\xff'\n")


def test_the_message_catalogs_read_back_are_the_parsed_ones(cache_folder):
    i18n.catalog.cache_clear()
    parsed = i18n.catalog("zh")
    i18n.catalog.cache_clear()
    assert list(cache_folder.glob("messages-zh-*.marshal"))
    assert i18n.catalog("zh") == parsed and parsed["ui.none"]
