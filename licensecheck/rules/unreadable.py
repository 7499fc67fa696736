# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Files the scan could not read or parse: reported, never fatal.

The reason a message gives is the one discovery or extraction wrote, in English (the
result's `problem` keeps it). A message in another language says it in its own words:
each `message.reason.*` of the English catalog is read as a pattern, its placeholders
matching the names, numbers and OS or parser messages the reason carries.

>>> from licensecheck.rules import Context
>>> reason_in(Context(None, "zh", None), "cannot list folder: Permission denied")
'无法列出文件夹：权限不足'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from licensecheck import i18n
from licensecheck.conclude import DEP5, REUSE_TOML, name_of
from licensecheck.rules import Context, Issue, Rule

_KEY = "message.reason."
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# What a placeholder may match, where narrower than any text: a reason is matched again
# and again while a message is said, so no two unbounded placeholders should meet on a
# long name (a REUSE.toml pattern may be 4096 characters).
_NUMBER = r"[0-9][0-9.e+-]*"
_QUOTED = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\""""  # a Python repr of a string
_SHAPES = {
    **dict.fromkeys(("line", "count", "limit", "size", "expected", "depth", "seconds", "version"), _NUMBER),
    **dict.fromkeys(("pattern", "escape"), _QUOTED),
    "table": r"annotations\[\d+\]",
    "key": r"[\w-]+",
    "command": r"[\w-]+",
    "at": r"(?: \(line \d+\))?",
}
# Placeholders that hold a reason of their own (an OS message after "cannot list folder: ",
# git's reason inside "git not used (...)"): said in the message's language in turn.
_NESTED = frozenset({"reason", "problem", "at"})


@cache
def _reasons() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(key, pattern) of every reason, in the English catalog's order."""
    return tuple(
        (key.removeprefix(_KEY), _pattern(wording))
        for key, wording in i18n.catalog("en").items()
        if key.startswith(_KEY)
    )


def _pattern(wording: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(wording)  # text, name, text, name, ..., text
    regex = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>{_SHAPES.get(part, '.*?')})"
        for i, part in enumerate(parts)
    )
    return re.compile(regex, re.DOTALL | re.IGNORECASE)  # OS messages come lower-cased or not


def reason_in(context: Context, reason: str) -> str:
    """`reason` in the message's language; one no pattern reads (an OS message not listed)
    is kept as it was, in a frame of that language."""
    if context.lang == "en":
        return reason
    said = _said(context, reason)
    return said if said is not None else context.say("reason-unknown", reason=reason)


def _said(context: Context, reason: str) -> str | None:
    read = _read(reason)
    if read is None:
        return None
    key, parts = read
    for name in _NESTED & parts.keys():
        parts[name] = _said(context, parts[name]) or parts[name]
    return context.say(f"reason.{key}", **parts)


def _read(reason: str) -> tuple[str, dict[str, str]] | None:
    """The key of the first wording that reads `reason`, and what its placeholders matched."""
    for key, pattern in _reasons():
        found = pattern.fullmatch(reason)
        if found:
            return key, found.groupdict()
    return None


# A .gitignore whose file was read but some of whose lines the folder walk left out (discover):
# its own license is known, so it gets a message of its own.
# "12+": and the lines after the part of a huge file that was read.
_PATTERNS_SKIPPED = re.compile(r"patterns skipped \(invalid, too costly or too many\): (\d+\+?)")


def unreadable_file(context: Context) -> Iterator[Issue]:
    for path, reason in context.concluded.problems:
        yield Issue(path or None, _message(context, path, reason))


def _message(context: Context, path: str, reason: str) -> str:
    """What the problem means. Some are not about the file's own license, and say so: a
    REUSE.toml or .reuse/dep5 that is invalid (conclude drops it whole, so none of its
    annotations or Files paragraphs applies, the valid ones included) or could not be read,
    and the scan root when git could not list the files and discover walked the folder
    instead."""
    skipped = _PATTERNS_SKIPPED.fullmatch(reason)
    if skipped:
        return context.say("ignore-patterns-skipped", count=skipped[1])
    # Only these paths are read against every wording: a tree may have thousands of problems.
    reuse_toml = name_of(path) == REUSE_TOML
    if reuse_toml or path in (DEP5, "."):
        key, parts = _read(reason) or ("", {})
        if reuse_toml:  # invalid, or not read at all: either way not applied
            said = "reuse-toml-not-applied" if key.startswith("toml-") else "reuse-toml-unread"
            return context.say(said, reason=reason_in(context, reason))
        if path == DEP5:
            said = "dep5-not-applied" if key.startswith("dep5-") else "dep5-unread"
            return context.say(said, reason=reason_in(context, reason))
        if key == "git-not-used":
            return context.say("walked-without-git", reason=reason_in(context, parts["reason"]))
    return context.say("unreadable-file", path=path, reason=reason_in(context, reason))


RULES = (Rule("unreadable-file", "warning", ("https://reuse.software/spec-3.3/",), unreadable_file),)
