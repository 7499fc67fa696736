# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""REUSE 3.3 to the letter (https://reuse.software/spec-3.3/; NORMS.md §4.2, LIC-004, LIC-005).

- `dep5-with-reuse-toml`: `.reuse/dep5` and `REUSE.toml` are mutually exclusive.
- `dep5-deprecated`: `.reuse/dep5` is deprecated; `reuse convert-dep5` migrates it.
- `license-text-not-in-licenses-dir`: a licence's text is in a LICENSE file, or under the
  id of a sibling version, but not at `LICENSES/<id>.<ext>` where REUSE wants it.
- `license-not-in-reuse-form`: a file licensed only by its folder's license file, a manifest
  or a licence notice, none of which REUSE reads.

The last two are off by default (licensecheck accepts those forms); the `reuse` profile
turns them on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from licensecheck import expression
from licensecheck.rules import Context, Issue, Rule, shared
from licensecheck.rules import wording as say

REUSE_SPEC = "https://reuse.software/spec-3.3/"
DEP5 = ".reuse/dep5"
REUSE_TOML = "REUSE.toml"
NOT_READ_BY_REUSE = ("directory", "manifest", "text-match", "design", "readme")
_VERSION_SUFFIX = re.compile(r"(-only|-or-later|\+)$")


def _reuse_tomls(context: Context) -> list[str]:
    return sorted(f.path for f in context.concluded.files if f.path.rpartition("/")[2] == REUSE_TOML)


@shared
def _has_dep5(context: Context) -> bool:
    return any(f.path == DEP5 for f in context.concluded.files)


def dep5_with_reuse_toml(context: Context) -> Iterator[Issue]:
    if not _has_dep5(context):
        return
    tomls = _reuse_tomls(context)
    if tomls:
        yield Issue(DEP5, context.say("dep5-with-reuse-toml", tomls=say.files(context, tomls)))


def dep5_deprecated(context: Context) -> Iterator[Issue]:
    if _has_dep5(context):
        yield Issue(DEP5, context.say("dep5-deprecated"))


def _family(key: str) -> str:
    return _VERSION_SUFFIX.sub("", key).lower()


def license_text_not_in_licenses_dir(context: Context) -> Iterator[Issue]:
    concluded = context.concluded
    in_dir = set(concluded.licenses_dir.values())
    elsewhere: dict[str, list[str]] = {}
    for key, paths in concluded.license_texts.items():
        elsewhere.setdefault(_family(key), []).extend(paths)
    used: dict[str, list[str]] = {}
    for file in concluded.files:
        if file.path in concluded.covered:
            for concluded_expression in file.licenses:
                for key in expression.license_keys(concluded_expression):
                    used.setdefault(key, []).append(file.path)
    for key, paths in sorted(used.items()):
        holders = sorted(set(elsewhere.get(_family(key), [])))
        if key in in_dir or not holders:  # no text at all is missing-license-text's finding
            continue
        yield Issue(
            None,
            context.say(
                "license-text-not-in-licenses-dir",
                key=key,
                holders=say.files(context, holders),
                example=paths[0],
            ),
            (key,),
        )


def license_not_in_reuse_form(context: Context) -> Iterator[Issue]:
    concluded = context.concluded
    for file in concluded.files:
        if file.path not in concluded.covered or not file.licenses:
            continue
        applied = [e for e in file.evidence if e.expression in file.licenses]
        if applied and all(e.source in NOT_READ_BY_REUSE for e in applied):
            holder = applied[0].holder if applied[0].source != "text-match" else file.path
            yield Issue(
                file.path,
                context.say(
                    "license-not-in-reuse-form",
                    path=file.path,
                    license=", ".join(file.licenses),
                    source=context.say(f"claim-source.{applied[0].source}", detail=holder),
                ),
                file.licenses,
            )


RULES = (
    Rule("dep5-with-reuse-toml", "warning", (REUSE_SPEC,), dep5_with_reuse_toml),
    Rule(
        "dep5-deprecated",
        "info",
        (REUSE_SPEC, "https://reuse.readthedocs.io/en/stable/man/reuse-convert-dep5.html"),
        dep5_deprecated,
    ),
    Rule("license-text-not-in-licenses-dir", "off", (REUSE_SPEC,), license_text_not_in_licenses_dir),
    Rule("license-not-in-reuse-form", "off", (REUSE_SPEC,), license_not_in_reuse_form),
)
