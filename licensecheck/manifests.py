# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""License fields of package manifests: library.json, package.json, pyproject.toml,
Cargo.toml, library.properties.

Each reader takes the manifest's text and returns the license value as written
(an SPDX expression, ideally), or None; a manifest that does not parse gives
None too, since the file is reported by other means.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from licensecheck.model import Evidence


def _json_license(text: str) -> str | None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
        return None
    if not isinstance(data, dict):
        return None
    value = data.get("license")
    if isinstance(value, dict):  # the old npm form {"type": "MIT", "url": ...}
        value = value.get("type")
    if isinstance(value, list):  # old npm "licenses" arrays mean any of them
        value = " OR ".join(v for v in value if isinstance(v, str))
    return value.strip() if isinstance(value, str) and value.strip() else None


def _toml(text: str) -> dict:
    import tomllib  # here: only a tree with pyproject.toml or Cargo.toml needs the parser

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return {}


def _pyproject_license(text: str) -> str | None:
    project = _toml(text).get("project", {})
    value = project.get("license") if isinstance(project, dict) else None
    if isinstance(value, dict):  # PEP 621's legacy {text = "..."}; {file = ...} names no license
        value = value.get("text")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _cargo_license(text: str) -> str | None:
    package = _toml(text).get("package", {})
    value = package.get("license") if isinstance(package, dict) else None
    # Cargo historically allowed "MIT/Apache-2.0" for "MIT OR Apache-2.0".
    if isinstance(value, str) and "/" in value and " " not in value.strip():
        value = " OR ".join(part for part in value.split("/") if part)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _properties_license(text: str) -> str | None:
    # The Arduino library specification has no license key; some libraries add one anyway.
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip().lower() == "license" and value.strip():
            return value.strip()
    return None


READERS: dict[str, Callable[[str], str | None]] = {
    "library.json": _json_license,
    "package.json": _json_license,
    "pyproject.toml": _pyproject_license,
    "Cargo.toml": _cargo_license,
    "library.properties": _properties_license,
}


def is_manifest(path: str) -> bool:
    return path.rpartition("/")[2] in READERS


def evidence(path: str, text: str) -> Evidence | None:
    name = path.rpartition("/")[2]
    reader = READERS.get(name)
    value = reader(text) if reader else None
    if value is None:
        return None
    # Meant to be SPDX, often a name ("Apache License 2.0" in PlatformIO's library.json): a
    # name maps through the knowledge base's aliases, as a design file's field does, unless
    # it is ambiguous ("BSD": which one?): then the rules report it as written.
    from licensecheck.extract.values import license_expression

    mapped = license_expression(value, ambiguous=False)
    return Evidence(source="manifest", expression=mapped, raw=value, detail=f"{path} license field")
