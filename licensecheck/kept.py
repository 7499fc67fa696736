# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Objects held until the process ends, in a process that ends with os._exit once its reports
are written (the console script, cli._exit_now): the scan's objects need not be freed one by
one as each stage lets go of them. Freeing the scans of 59,168 files took 44 ms, the result
another 45 ms (11,887 files: 8 and 8 ms). Anywhere else (tests, a program calling the
library) nothing is held."""

from __future__ import annotations

_held: list[object] | None = None


def keep_until_exit() -> None:
    """From now on, kept_until_exit holds what it is given: this process ends with os._exit."""
    global _held
    _held = []


def kept_until_exit(*objects: object) -> None:
    """Hold `objects` until the process ends, if keep_until_exit was called."""
    if _held is not None:
        _held.extend(objects)
