# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Evaluate: run every rule over the concluded scan under the active policy."""

from __future__ import annotations

from licensecheck.conclude import Concluded
from licensecheck.model import Finding, collector_paused
from licensecheck.policy import Policy
from licensecheck.rules import Context, catalog


def evaluate(
    concluded: Concluded, policy: Policy, lang: str, only_paths: frozenset[str] | None = None
) -> list[Finding]:
    """Findings of every enabled rule; `only_paths` keeps file findings for those paths (--since)."""
    with collector_paused():
        return _evaluate(concluded, policy, lang, only_paths)


def _evaluate(
    concluded: Concluded, policy: Policy, lang: str, only_paths: frozenset[str] | None
) -> list[Finding]:
    context = Context(concluded, lang, policy)
    findings = []
    for rule in catalog().values():
        severity = policy.severity(rule.id, rule.severity)
        if severity == "off":
            continue
        for issue in rule.check(context):
            if only_paths is not None and issue.path is not None and issue.path not in only_paths:
                continue
            waiver = policy.waiver(rule.id, issue.path)
            findings.append(
                Finding(
                    rule=rule.id,
                    severity=severity,
                    path=issue.path,
                    message=issue.message,
                    licenses=issue.licenses,
                    line=issue.line,
                    waived=waiver.reason if waiver else None,
                )
            )
    return sorted(set(findings), key=Finding.sort_key)
