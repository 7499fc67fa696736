# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""License texts: every license used has its text, and LICENSES/ holds nothing unused."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from licensecheck import expression, knowledge
from licensecheck.rules import Context, Issue, Rule, shared

REUSE_SPEC = "https://reuse.software/spec-3.3/"
# A GPL text serves -only and -or-later alike: compare license families.
_VERSION_SUFFIX = re.compile(r"(-only|-or-later|\+)$")


def _family(key: str) -> str:
    return _VERSION_SUFFIX.sub("", key).lower()


@shared
def _used(context: Context) -> dict[str, list[str]]:
    """License and exception id -> files using it (the project itself counts as '')."""
    used: dict[str, list[str]] = defaultdict(list)
    for file in context.concluded.files:
        for concluded in file.licenses:
            for key in expression.license_keys(concluded):
                used[key].append(file.path)
    project = context.concluded.project
    # A declaration read from LICENSES/ file names would make every text there "used".
    if any(source not in context.concluded.licenses_dir for source in project.sources):
        for declared in project.declared:
            for key in expression.license_keys(declared):
                used[key].append("")
    return used


def missing_license_text(context: Context) -> Iterator[Issue]:
    texts = {_family(key) for key in context.concluded.license_texts}
    for key, paths in sorted(_used(context).items()):
        if _family(key) in texts or knowledge.grants_nothing(key):  # no text to add
            continue
        files = [p for p in paths if p]
        example = files[0] if files else ""
        yield Issue(
            None, context.say("missing-license-text", key=key, count=len(files), example=example), (key,)
        )


def unused_license_text(context: Context) -> Iterator[Issue]:
    used = {_family(key) for key in _used(context)}
    for path, key in sorted(context.concluded.licenses_dir.items()):
        if _family(key) not in used:
            yield Issue(path, context.say("unused-license-text", key=key), (key,))


def unrecognized_license_text(context: Context) -> Iterator[Issue]:
    for path in context.concluded.unrecognized_texts:
        yield Issue(path, context.say("unrecognized-license-text", path=path))


RULES = (
    Rule("missing-license-text", "warning", (REUSE_SPEC,), missing_license_text),
    Rule("unused-license-text", "info", (REUSE_SPEC,), unused_license_text),
    Rule("unrecognized-license-text", "warning", ("https://spdx.org/licenses/",), unrecognized_license_text),
)
