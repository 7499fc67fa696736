# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The inventory for the HTML report: every file with its status, grouped into components.

A file's status is the worst severity among its findings that are not waived, then
"waived" when all of them are, else "ok". A component is a combined work, as
`licensecheck.components` draws them: by default each top-level folder, and the files
at the root form one more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from licensecheck import components, expression
from licensecheck.model import SEVERITIES, FileResult, Finding, ScanResult

STATUSES = (*SEVERITIES, "waived", "ok")
ROOT_COMPONENT = components.ROOT


@dataclass(frozen=True)
class Row:
    index: int  # position in ScanResult.files, for anchors from findings
    file: FileResult
    status: str
    linked: bool  # a finding points at this row


@dataclass(frozen=True)
class Component:
    name: str  # ROOT_COMPONENT for the files at the root
    rows: tuple[Row, ...]
    categories: tuple[tuple[str, int], ...]
    licenses: tuple[tuple[str, int], ...]  # license keys by files, most used first
    statuses: tuple[tuple[str, int], ...]  # in STATUSES order, zero counts left out

    @property
    def is_root(self) -> bool:
        return self.name == ROOT_COMPONENT


@dataclass(frozen=True)
class Inventory:
    components: tuple[Component, ...]
    categories: tuple[str, ...]  # present in the scan, for the filter
    license_keys: tuple[str, ...]  # every license and exception id, for the filter
    unlicensed: int  # files with no license
    total: int


def status_by_path(findings: tuple[Finding, ...]) -> dict[str, str]:
    worst: dict[str, str] = {}
    for finding in findings:
        if finding.path is None:
            continue
        status = "waived" if finding.waived is not None else finding.severity
        current = worst.get(finding.path)
        if current is None or STATUSES.index(status) < STATUSES.index(current):
            worst[finding.path] = status
    return worst


def build(result: ScanResult) -> Inventory:
    statuses = status_by_path(result.findings)
    component_of = _component_function(result)
    members: dict[str, list[Row]] = {}
    for index, file in enumerate(result.files):
        status = statuses.get(file.path, "ok")
        row = Row(index, file, status, file.path in statuses)
        members.setdefault(component_of(file.path), []).append(row)
    # The root's files first, then the components by name.
    ordered = sorted(members.items(), key=lambda item: (item[0] != ROOT_COMPONENT, item[0]))
    keys = {key for file in result.files for lic in file.licenses for key in expression.license_keys(lic)}
    categories = sorted({file.category for file in result.files})
    return Inventory(
        components=tuple(_component(name, rows) for name, rows in ordered),
        categories=tuple(categories),
        license_keys=tuple(sorted(keys, key=str.lower)),
        unlicensed=sum(not file.licenses for file in result.files),
        total=len(result.files),
    )


def _component(name: str, rows: list[Row]) -> Component:
    categories = Counter(row.file.category for row in rows)
    licenses = Counter(key for row in rows for key in _keys(row.file))
    statuses = Counter(row.status for row in rows)
    return Component(
        name=name,
        rows=tuple(rows),
        categories=tuple(sorted(categories.items())),
        licenses=tuple(sorted(licenses.items(), key=lambda item: (-item[1], item[0]))),
        statuses=tuple((status, statuses[status]) for status in STATUSES if statuses[status]),
    )


def _keys(file: FileResult) -> set[str]:
    return {key for lic in file.licenses for key in expression.license_keys(lic)}


def _component_function(result: ScanResult) -> Callable[[str], str]:
    # The configuration's [components] reach the report only if the scan recorded them;
    # without them every top-level folder is a component (CONTRACT.md's default).
    configured = dict(result.provenance.components)
    return lambda path: components.component_of(path, configured)
