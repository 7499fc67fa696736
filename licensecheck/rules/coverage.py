# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Every covered file carries a license and a copyright notice (REUSE 3.3)."""

from __future__ import annotations

from collections.abc import Iterator

from licensecheck.declarations import nearest
from licensecheck.rules import Context, Issue, Rule

REUSE_SPEC = "https://reuse.software/spec-3.3/"


def missing_license(context: Context) -> Iterator[Issue]:
    cut_off = context.concluded.cut_off
    for file in context.concluded.files:
        if file.path in context.concluded.covered and not file.licenses and file.problem is None:
            # The nearest folder above that is cut off: no folder between has a licence, or the
            # file would have it.
            license_file = nearest(file.path, cut_off) if cut_off else None
            vendor = context.concluded.vendor_files.get(file.path)
            if license_file is not None:
                yield Issue(file.path, context.say("missing-license-unknown", license_file=license_file))
            elif vendor is not None:
                yield Issue(file.path, context.say("missing-license-vendor", vendor=vendor))
            else:
                yield Issue(file.path, context.say("missing-license", path=file.path))


def missing_copyright(context: Context) -> Iterator[Issue]:
    for file in context.concluded.files:
        if file.path in context.concluded.covered and not file.copyrights and file.problem is None:
            yield Issue(file.path, context.say("missing-copyright", path=file.path))


RULES = (
    Rule(
        "missing-license", "warning", (REUSE_SPEC, "https://spdx.github.io/spdx-spec/v2.3/"), missing_license
    ),
    Rule("missing-copyright", "info", (REUSE_SPEC,), missing_copyright),
)
