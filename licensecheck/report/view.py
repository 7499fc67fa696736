# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The view model of the HTML report: everything the templates show, already decided.

The templates only lay out; what passes, what is grouped with what and which
obligations apply is computed here, from the ScanResult and the knowledge base.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from licensecheck import i18n, knowledge
from licensecheck.config import ConfigError
from licensecheck.model import SEVERITIES, Finding, ScanResult
from licensecheck.policy import SEVERITY_ORDER, profile
from licensecheck.report import chart, findings_view, inventory_view
from licensecheck.report.terms import Named, base, named, terms

MISSING_TEXT_RULE = "missing-license-text"


@dataclass(frozen=True)
class Verdict:
    failing: bool
    fail_on: str  # error | warning | info | never
    counts: tuple[tuple[str, int], ...]  # (severity, findings not waived), in SEVERITIES order
    waived: int
    blocking: int  # findings not waived at or above fail_on


@dataclass(frozen=True)
class LicenseUse:
    """A license term in use, with what distributing the project under it requires."""

    named: Named
    files: int
    declared: bool
    known: bool  # in the knowledge base
    kinds: tuple[str, ...]
    copyleft: str | None
    obligations: tuple[str, ...]  # texts in the report's language
    text_missing: bool


@dataclass(frozen=True)
class Report:
    verdict: Verdict
    declared: tuple[tuple[str, tuple[Named, ...]], ...]  # (expression, its terms)
    chart: tuple[chart.Panel, ...]
    findings: tuple[findings_view.SeverityGroup, ...]
    inventory: inventory_view.Inventory
    licenses: tuple[LicenseUse, ...]
    missing_texts: tuple[Finding, ...]  # the missing-license-text findings not waived
    anchors: dict[str, int]  # file path -> inventory row index, for links from findings
    generated: str  # when the report was rendered, UTC
    profile_description: str


def build(result: ScanResult, lang: str, now: datetime | None = None) -> Report:
    inventory = inventory_view.build(result)
    anchors = {
        row.file.path: row.index for component in inventory.components for row in component.rows if row.linked
    }
    missing = tuple(f for f in result.findings if f.rule == MISSING_TEXT_RULE and f.waived is None)
    return Report(
        verdict=verdict(result),
        declared=tuple((d, tuple(named(term, lang) for term in terms(d))) for d in result.project.declared),
        chart=chart.panels(result.files),
        findings=findings_view.group(result.findings),
        inventory=inventory,
        licenses=licenses_in_use(result, lang, {key for f in missing for key in f.licenses}),
        missing_texts=missing,
        anchors=anchors,
        generated=(now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S UTC"),
        profile_description=_profile_description(result.profile, lang),
    )


def fail_level(result: ScanResult) -> str:
    """The --fail-on the scan ran with: the verdict agrees with the exit code."""
    return result.provenance.fail_on


def verdict(result: ScanResult) -> Verdict:
    level = fail_level(result)
    counted = [f for f in result.findings if f.waived is None]
    by_severity = Counter(f.severity for f in counted)
    threshold = SEVERITY_ORDER.get(level)
    blocking = (
        0 if threshold is None else sum(SEVERITY_ORDER.get(f.severity, 0) >= threshold for f in counted)
    )
    return Verdict(
        failing=blocking > 0,
        fail_on=level,
        counts=tuple((severity, by_severity[severity]) for severity in SEVERITIES),
        waived=len(result.findings) - len(counted),
        blocking=blocking,
    )


def licenses_in_use(result: ScanResult, lang: str, missing_keys: set[str]) -> tuple[LicenseUse, ...]:
    files: Counter[str] = Counter()
    for file in result.files:
        files.update({term for lic in file.licenses for term in terms(lic)})
    declared = {term for d in result.project.declared for term in terms(d)}
    uses = [_use(term, files[term], term in declared, lang, missing_keys) for term in set(files) | declared]
    # Declared licenses first, then by how many files use them.
    return tuple(sorted(uses, key=lambda u: (not u.declared, -u.files, u.named.term.lower())))


def _use(term: str, count: int, declared: bool, lang: str, missing_keys: set[str]) -> LicenseUse:
    entry = knowledge.license(base(term))
    texts = tuple((o.zh if lang == "zh" else o.en) for o in knowledge.obligations(base(term)))
    keys = {part.strip() for part in term.split(" WITH ")}
    return LicenseUse(
        named=named(term, lang),
        files=count,
        declared=declared,
        known=entry is not None,
        kinds=entry.kind if entry else (),
        copyleft=entry.copyleft if entry else None,
        obligations=texts,
        text_missing=bool(keys & missing_keys),
    )


def _profile_description(name: str, lang: str) -> str:
    key = f"report.profiles.{name}"
    if key in i18n.catalog(lang):
        return i18n.text(lang, key)
    try:
        return profile(name).description
    except (ConfigError, OSError):
        return ""
