# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""User-facing strings, one catalog per language: the TOML files in `en/` and `zh/`
beside this file, merged (one file per concern: core, norms, report ...).

Keys are dotted (`rule.missing-license.title`, `message.missing-license`,
`ui.summary`); a key missing in any language, or defined twice, fails a test.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from licensecheck import tomlcache

LANGUAGES = ("en", "zh")
_HERE = Path(__file__).resolve().parent


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


@cache
def catalog(lang: str) -> dict[str, str]:
    files = {path.name: path.read_bytes() for path in sorted((_HERE / lang).glob("*.toml"))}
    merged: dict[str, str] = {}
    for name, table in tomlcache.parsed(f"messages-{lang}", files).items():
        path = _HERE / lang / name
        strings = _flatten(table)
        twice = sorted(set(strings) & set(merged))
        if twice:
            raise ValueError(f"{path}: keys defined in another {lang} catalog too: {', '.join(twice)}")
        merged.update(strings)
    return merged


def text(lang: str, key: str, /, **params: object) -> str:
    """The string for `key` in `lang`, falling back to English, then to the key itself."""
    template = catalog(lang).get(key) or catalog("en").get(key) or key
    return template.format(**params) if params else template


def default_language() -> str:
    """`zh` when the locale says Chinese, else `en`."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
