# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Files the scan could not read or parse: reported, never fatal."""

from __future__ import annotations

from collections.abc import Iterator

from licensecheck.rules import Context, Issue, Rule


def unreadable_file(context: Context) -> Iterator[Issue]:
    for path, reason in context.concluded.problems:
        yield Issue(path or None, context.say("unreadable-file", path=path, reason=reason))


RULES = (Rule("unreadable-file", "warning", ("https://reuse.software/spec-3.3/",), unreadable_file),)
