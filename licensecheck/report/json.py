# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The JSON result of CONTRACT.md: complete, and byte-identical for the same input."""

from __future__ import annotations

from licensecheck.model import ScanResult


def render(result: ScanResult, lang: str = "en") -> list[bytes | memoryview]:
    """json.dumps(result.to_dict(), ensure_ascii=False) without indent, as UTF-8 pieces written
    one after the other, made by the model itself: building a dict per file and evidence first
    would cost as much again, and a warm run has the files' part as UTF-8 already."""
    return result.to_utf8_pieces(end=b"\n")
