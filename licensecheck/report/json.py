# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The JSON result of CONTRACT.md: complete, and byte-identical for the same input."""

from __future__ import annotations

import json

from licensecheck.model import ScanResult


def render(result: ScanResult, lang: str = "en") -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
