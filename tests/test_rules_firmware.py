# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""lgpl-static-linking: an LGPL library in microcontroller firmware under another license."""

from __future__ import annotations

import pytest
from conftest import scan

PLATFORMIO = "; SPDX-License-Identifier: MIT\n[env:esp32]\nplatform = espressif32\nframework = arduino\n"


def tagged(expression: str) -> str:
    return f"// SPDX-License-Identifier: {expression}\nint x;\n"


def firmware(app: str, library: str, marker: bool = True) -> dict[str, str]:
    files = {"LICENSE": "SPDX-License-Identifier: MIT\n", "fw/src/main.cpp": tagged(app),
             "fw/lib/radio/radio.cpp": tagged(library)}
    return {**files, "fw/platformio.ini": PLATFORMIO} if marker else files


def static_linking(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == "lgpl-static-linking"]


def test_lgpl_library_in_mit_firmware(tree):
    _, result, _ = scan(tree(firmware("MIT", "LGPL-2.1-or-later")))
    [found] = static_linking(result)
    assert found["severity"] == "warning" and found["path"] == "fw/lib/radio/radio.cpp"
    assert "relink" in found["message"] and "'fw'" in found["message"] and "MIT" in found["message"]


@pytest.mark.parametrize(
    ("app", "library", "marker"),
    [
        ("GPL-3.0-or-later", "LGPL-2.1-or-later", True),  # the whole is GPL anyway
        ("MIT", "LGPL-3.0-only WITH LGPL-3.0-linking-exception", True),  # the exception lifts the duty
        ("MIT", "MIT OR LGPL-2.1-only", True),  # the MIT choice
        ("MIT", "LGPL-2.1-or-later", False),  # not firmware: a desktop program may link dynamically
    ],
)
def test_look_alikes(tree, app, library, marker):
    _, result, _ = scan(tree(firmware(app, library, marker)))
    assert static_linking(result) == []
