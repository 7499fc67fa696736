# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Find the data folders (`licenses/`, `templates/`) at run time.

In a source checkout they sit beside the package; an installed wheel maps them
into the package (setup.cfg `package_dir`), so both layouts are looked at.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_path(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"licensecheck data folder {name!r} is missing from the installation")
