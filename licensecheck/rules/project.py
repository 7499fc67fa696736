# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Project-level rules: does the project declare a license at all."""

from __future__ import annotations

from collections.abc import Iterator

from licensecheck.rules import Context, Issue, Rule, wording


def no_project_license(context: Context) -> Iterator[Issue]:
    project = context.concluded.project
    if project.declared or project.sources:
        return
    named = _named_in_readme(context)
    if named:  # "The project declares no license" reads as false to whom the README says MIT
        readme, licenses = named
        yield Issue(
            None,
            context.say(
                "no-project-license-readme", readme=readme, licenses=wording.listed(context, licenses)
            ),
            tuple(licenses),
        )
    else:
        yield Issue(None, context.say("no-project-license"))


def _named_in_readme(context: Context) -> tuple[str, list[str]] | None:
    """The first root README whose license section names licences, and those licences."""
    from licensecheck import expression, knowledge
    from licensecheck.extract import README_SECTION

    for file in context.concluded.files:
        if "/" in file.path:
            continue
        named = [
            key
            for e in file.evidence
            if e.detail.startswith(README_SECTION)
            for key in expression.license_keys(e.expression or e.raw or "")
            if not knowledge.grants_nothing(key)  # "禁止商用" is no licence to add a text of
        ]
        if named:
            return file.path, list(dict.fromkeys(named))
    return None


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
