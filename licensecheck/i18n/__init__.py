# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""User-facing strings, one catalog per language (`en.toml`, `zh.toml` beside this file).

Keys are dotted (`rule.missing-license.title`, `message.missing-license`,
`ui.summary`); a missing key in any catalog fails a test.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path

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
    with open(_HERE / f"{lang}.toml", "rb") as handle:
        return _flatten(tomllib.load(handle))


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
