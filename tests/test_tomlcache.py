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


def test_derived_tables_are_built_once_per_inputs(cache_folder):
    builds: list[int] = []

    def build(value: int):
        builds.append(value)
        return {"key": ("MIT", False), "n": value}

    first = tomlcache.derived("test-derived", "data 1|code a", lambda: build(1))
    assert first == {"key": ("MIT", False), "n": 1}
    assert tomlcache.derived("test-derived", "data 1|code a", lambda: build(2)) == first
    assert builds == [1]
    # Other data, or other code building it, is a new table.
    assert tomlcache.derived("test-derived", "data 2|code a", lambda: build(3))["n"] == 3
    assert tomlcache.derived("test-derived", "data 1|code b", lambda: build(4))["n"] == 4
    assert builds == [1, 3, 4]


def test_a_derived_table_that_cannot_be_written_is_still_returned(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(blocker / "cache"))
    assert tomlcache.derived("test-derived", "x", lambda: [1, 2]) == [1, 2]


def test_the_alias_and_name_tables_read_back_are_the_built_ones(cache_folder):
    from licensecheck import knowledge
    from licensecheck.identify import names
    from licensecheck.identify.index import get_index

    built = knowledge.KnowledgeBase(knowledge.default().folder).aliases
    assert list(cache_folder.glob("knowledge-aliases-*.marshal"))
    assert knowledge.KnowledgeBase(knowledge.default().folder).aliases == built
    assert built["mit"] == ("MIT", False)

    index = get_index()
    first = index.names
    assert list(cache_folder.glob("identify-names-*.marshal"))
    index._names = None
    assert index.names == first == names.build_table(index.license_names)
