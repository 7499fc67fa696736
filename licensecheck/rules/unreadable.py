# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Files the scan could not read or parse: reported, never fatal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from licensecheck.rules import Context, Issue, Rule

# The reasons discovery and extraction give most often, as they word them (the result's
# `problem` keeps the English): a message in another language says them in its own words,
# the details after them (an OS or parser message) as they were.
REASONS = (
    ("permission-denied", re.compile(r"permission denied()")),
    ("missing", re.compile(r"no such file or directory()")),
    ("not-regular", re.compile(r"not a regular file()")),
    ("not-zip", re.compile(r"not a readable zip archive: (.*)", re.DOTALL)),
    ("not-parsed", re.compile(r"could not be parsed \((.*)\)", re.DOTALL)),
    ("timed-out", re.compile(r"took longer than ([\d.]+) s to read; skipped")),
    ("cannot-list", re.compile(r"cannot list folder: (.*)", re.DOTALL)),
    ("cannot-inspect", re.compile(r"cannot inspect: (.*)", re.DOTALL)),
    ("cannot-read", re.compile(r"cannot read: (.*)", re.DOTALL)),
    ("binary", re.compile(r"binary data in an? (.+) file")),
    ("not-xml", re.compile(r"not well-formed XML: (.*)", re.DOTALL)),
    ("not-json", re.compile(r"not valid JSON: (.*)", re.DOTALL)),
    ("zip-bomb", re.compile(r"the archive inflates past (\d+) bytes \(a zip bomb\?\)")),
)


def reason_in(context: Context, reason: str) -> str:
    """`reason` in the message's language, where it is one of REASONS."""
    if context.lang == "en":
        return reason
    for key, pattern in REASONS:
        said = pattern.fullmatch(reason)
        if said:
            return context.say(f"reason.{key}", detail=said[1])
    return reason


# A .gitignore whose file was read but some of whose lines the folder walk left out (discover):
# its own license is known, so it gets a message of its own.
_PATTERNS_SKIPPED = re.compile(r"patterns skipped \(invalid, too costly or too many\): (\d+)")


def unreadable_file(context: Context) -> Iterator[Issue]:
    for path, reason in context.concluded.problems:
        skipped = _PATTERNS_SKIPPED.fullmatch(reason)
        if skipped:
            message = context.say("ignore-patterns-skipped", count=skipped[1])
        else:
            message = context.say("unreadable-file", path=path, reason=reason_in(context, reason))
        yield Issue(path or None, message)


RULES = (Rule("unreadable-file", "warning", ("https://reuse.software/spec-3.3/",), unreadable_file),)
