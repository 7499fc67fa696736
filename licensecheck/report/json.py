# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The JSON result of CONTRACT.md: complete, and byte-identical for the same input."""

from __future__ import annotations

from licensecheck.model import ScanResult


def render(result: ScanResult, lang: str = "en") -> str:
    # json.dumps(result.to_dict(), ensure_ascii=False) without indent, written by the model
    # itself: building a dict per file and evidence first would cost as much again.
    return result.to_json() + "\n"
