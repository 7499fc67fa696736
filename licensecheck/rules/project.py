# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Project-level rules: does the project declare a license at all."""

from __future__ import annotations

from collections.abc import Iterator

from licensecheck.rules import Context, Issue, Rule


def no_project_license(context: Context) -> Iterator[Issue]:
    project = context.concluded.project
    if not project.declared and not project.sources:
        yield Issue(None, context.say("no-project-license"))


RULES = (
    Rule(
        "no-project-license",
        "error",
        (
            "https://opensource.org/osd",
            "https://www.oshwa.org/definition/",
            "https://reuse.software/spec-3.3/",
        ),
        no_project_license,
    ),
)
