# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""SPDX expressions as written: they parse, name known ids, and avoid deprecated ones."""

from __future__ import annotations

from collections.abc import Iterator

from licensecheck import expression
from licensecheck.model import Evidence
from licensecheck.rules import Context, Issue, Rule, shared

SPDX_EXPRESSIONS = "https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/"
SPDX_LIST = "https://spdx.org/licenses/"


# Evidence read from the file it is reported on; the rest is reported on the file that holds it.
IN_FILE = ("header", "embedded", "text-match")
HELD_ELSEWHERE = ("reuse-toml", "manifest", "dep5")


@shared
def _all(context: Context) -> list[tuple[str, Evidence]]:
    """Each license evidence as written, once, with the file that holds it."""
    found = []
    seen: set[tuple[str, str]] = set()
    for file in context.concluded.files:
        for item in file.evidence:
            if item.raw is None:
                continue
            if item.source in IN_FILE:
                found.append((file.path, item))
            elif item.source in HELD_ELSEWHERE:
                holder = item.holder or file.path
                if (holder, item.raw) not in seen:
                    seen.add((holder, item.raw))
                    found.append((holder, item))
    return found


def _mapped(item: Evidence) -> bool:
    """A license name or URL the alias table turned into an SPDX expression: not an expression to check."""
    return item.expression is not None and item.expression != expression.analyze(item.raw).normalized


def invalid_license_expression(context: Context) -> Iterator[Issue]:
    for path, item in _all(context):
        analysis = expression.analyze(item.raw)
        if analysis.error and not _mapped(item):
            yield Issue(
                path,
                context.say("invalid-license-expression", raw=item.raw, error=analysis.error),
                (),
                item.line,
            )


def unknown_license(context: Context) -> Iterator[Issue]:
    for path, item in _all(context):
        if _mapped(item):
            continue
        for key in expression.analyze(item.raw).unknown:
            yield Issue(path, context.say("unknown-license", key=key, raw=item.raw), (key,), item.line)


def deprecated_license(context: Context) -> Iterator[Issue]:
    for path, item in _all(context):
        for old, new in expression.analyze(item.raw).deprecated:
            yield Issue(path, context.say("deprecated-license", old=old, new=new), (old,), item.line)


RULES = (
    Rule("invalid-license-expression", "error", (SPDX_EXPRESSIONS,), invalid_license_expression),
    Rule("unknown-license", "error", (SPDX_LIST, "https://reuse.software/spec-3.3/"), unknown_license),
    Rule("deprecated-license", "warning", (SPDX_LIST,), deprecated_license),
)
