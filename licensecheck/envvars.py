# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Limits a user may change through the environment (LICENSECHECK_TIME_LIMIT, ...)."""

from __future__ import annotations

import os


def seconds(variable: str, default: float) -> float:
    """The number of seconds `variable` holds; `default` when it is unset or not a number."""
    try:
        return float(os.environ.get(variable, default))
    except ValueError:
        return default
