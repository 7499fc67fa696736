# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Findings for the HTML report: grouped by severity, then rule; big groups folded.

A rule that fires thousands of times (every Gerber without a header) would bury the
page; past FOLD_AT findings the group shows counts per folder and a few examples.
The inventory still marks every file, and the JSON result lists every finding.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from licensecheck.model import SEVERITIES, Finding
from licensecheck.report.reuse_snippet import snippet
from licensecheck.rules import catalog

FOLD_AT = 50  # findings of one rule above which the group is folded
EXAMPLES = 10  # findings shown in a folded group
MAX_FOLDERS = 40  # rows of a folded group's folder table
PROJECT = None  # the folder key of project-level findings
ROOT = ""  # the folder key of files at the root


@dataclass(frozen=True)
class FolderCount:
    folder: str | None  # PROJECT, ROOT or a folder path; None with `others` for the rest
    findings: int
    waived: int
    others: int = 0  # when > 0, this row sums that many folders that did not fit


@dataclass(frozen=True)
class RuleGroup:
    rule: str
    severity: str
    shown: tuple[Finding, ...]  # every finding, or EXAMPLES of them when folded
    total: int
    waived: int
    folders: tuple[FolderCount, ...]  # when folded
    sources: tuple[str, ...]  # the norms the rule stands on (URLs)
    reuse_toml: str | None = None  # annotations answering the rule for its biggest folders

    @property
    def folded(self) -> bool:
        return bool(self.folders)

    @property
    def all_waived(self) -> bool:
        return self.waived == self.total

    @property
    def common_message(self) -> str | None:
        """The message, when every finding shown says the same: it is then written once."""
        messages = {finding.message for finding in self.shown}
        return messages.pop() if len(messages) == 1 and len(self.shown) > 1 else None


@dataclass(frozen=True)
class SeverityGroup:
    severity: str
    rules: tuple[RuleGroup, ...]
    counted: int  # findings not waived
    waived: int


def group(findings: Iterable[Finding]) -> tuple[SeverityGroup, ...]:
    """Severity groups in SEVERITIES order, each with its rules by id; empty groups left out."""
    by_key: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        by_key.setdefault((finding.severity, finding.rule), []).append(finding)
    groups = []
    for severity in SEVERITIES:
        rules = tuple(
            _rule_group(rule, severity, items)
            for (level, rule), items in sorted(by_key.items())
            if level == severity
        )
        if rules:
            waived = sum(r.waived for r in rules)
            groups.append(SeverityGroup(severity, rules, sum(r.total for r in rules) - waived, waived))
    return tuple(groups)


def _rule_group(rule: str, severity: str, findings: list[Finding]) -> RuleGroup:
    # Accepted findings after the ones that still need work.
    ordered = sorted(findings, key=lambda f: (f.waived is not None, f.path or "", f.line or 0, f.message))
    waived = sum(f.waived is not None for f in ordered)
    known = catalog().get(rule)
    sources = known.sources if known else ()
    reuse_toml = snippet(rule, ordered)
    if len(ordered) <= FOLD_AT:
        return RuleGroup(rule, severity, tuple(ordered), len(ordered), waived, (), sources, reuse_toml)
    shown = tuple(ordered[:EXAMPLES])
    return RuleGroup(rule, severity, shown, len(ordered), waived, folder_counts(ordered), sources, reuse_toml)


def folder_counts(findings: list[Finding], limit: int = MAX_FOLDERS) -> tuple[FolderCount, ...]:
    """Findings per folder, at the deepest level that fits in `limit` rows.

    A level that does not split the findings at all (everything in docs/) is passed
    for the next one even when that one is too long: its biggest folders are shown
    and the rest summed in a last row.
    """
    folders = [_parent(f.path) for f in findings]
    deepest = max((len(parts) for parts in folders if parts), default=0)
    chosen = _at_depth(findings, folders, 1)
    for depth in range(2, deepest + 1):
        finer = _at_depth(findings, folders, depth)
        if len(finer) > limit and len(chosen) > 1:
            break
        chosen = finer
    ranked = sorted(chosen.items(), key=lambda item: (-item[1][0], item[0] is None, item[0] or ""))
    rows = [FolderCount(folder, total, waived) for folder, (total, waived) in ranked]
    if len(rows) <= limit:
        return tuple(rows)
    rest = rows[limit - 1 :]
    summed = FolderCount(None, sum(r.findings for r in rest), sum(r.waived for r in rest), len(rest))
    return (*rows[: limit - 1], summed)


def _parent(path: str | None) -> tuple[str, ...] | None:
    if path is None:
        return None
    return tuple(path.split("/")[:-1])


def _at_depth(findings: list[Finding], folders: list, depth: int) -> dict[str | None, tuple[int, int]]:
    totals: Counter[str | None] = Counter()
    waived: Counter[str | None] = Counter()
    for finding, parts in zip(findings, folders, strict=True):
        key = PROJECT if parts is None else "/".join(parts[:depth]) or ROOT
        totals[key] += 1
        waived[key] += finding.waived is not None
    return {key: (totals[key], waived[key]) for key in totals}
