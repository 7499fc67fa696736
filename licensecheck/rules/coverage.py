# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Every covered file carries a license and a copyright notice (REUSE 3.3)."""

from __future__ import annotations

from collections.abc import Iterator

from licensecheck.conclude import folder_of, states_folder_license
from licensecheck.rules import Context, Issue, Rule

REUSE_SPEC = "https://reuse.software/spec-3.3/"


def missing_license(context: Context) -> Iterator[Issue]:
    # Folder -> its own license file that matches no licence: a file below it that has none is
    # told why its folder's licence did not reach it.
    unknown = {
        folder_of(path): path for path in context.concluded.unrecognized_texts if states_folder_license(path)
    }
    for file in context.concluded.files:
        if file.path in context.concluded.covered and not file.licenses and file.problem is None:
            license_file = _nearest(unknown, file.path) if unknown else None
            if license_file is None:
                yield Issue(file.path, context.say("missing-license", path=file.path))
            else:
                yield Issue(file.path, context.say("missing-license-unknown", license_file=license_file))


def _nearest(by_folder: dict[str, str], path: str) -> str | None:
    folder = folder_of(path)
    while True:
        if folder in by_folder:
            return by_folder[folder]
        if not folder:
            return None
        folder = folder_of(folder)


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
