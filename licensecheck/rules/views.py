# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Views of the concluded scan that several rules read, each built once per evaluation.

Not a rule module (it has no RULES and is not in `MODULES`). Every view is a `shared`
function of the context: the first rule that asks builds it, the others read it.
"""

from __future__ import annotations

from collections.abc import Callable

from licensecheck import components, declarations
from licensecheck.model import FileResult
from licensecheck.rules import Context, shared


@shared
def material(context: Context) -> list[FileResult]:
    """`declarations.material`: the files whose licences count for compatibility."""
    return declarations.material(context.concluded)


@shared
def nearest_declaration(context: Context) -> declarations.Nearest:
    """`declarations.nearest` against the license files of the scan, for any path; and
    `of_file`, the same with the parts the root README gives licences of their own."""
    concluded = context.concluded
    return declarations.Nearest(declarations.license_files(concluded), declarations.readme_parts(concluded))


@shared
def manifests(context: Context) -> list[declarations.Declaration]:
    return declarations.manifests(context.concluded)


@shared
def license_files_by_folder(context: Context) -> dict[str, list[FileResult]]:
    return declarations.license_files_by_folder(context.concluded)


@shared
def paths_by_format(context: Context) -> dict[str, list[str]]:
    """Format -> the paths of its files, in tree order."""
    found: dict[str, list[str]] = {}
    for file in context.concluded.files:
        found.setdefault(file.format, []).append(file.path)
    return found


@shared
def licensed_by_category(context: Context) -> dict[str, list[FileResult]]:
    """Category -> its covered files that carry a licence, in tree order."""
    covered = context.concluded.covered
    found: dict[str, list[FileResult]] = {}
    for file in context.concluded.files:
        if file.licenses and file.path in covered:
            found.setdefault(file.category, []).append(file)
    return found


@shared
def component_of(context: Context) -> Callable[[str], str]:
    """The component of any path of the scan, each path matched against the configuration once."""
    configured = context.policy.config.components
    if not configured:
        return components.default_component
    known = {f.path: components.component_of(f.path, configured) for f in context.concluded.files}
    return lambda path: known[path] if path in known else components.component_of(path, configured)
