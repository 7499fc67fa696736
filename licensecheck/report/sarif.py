# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""SARIF 2.1.0 for GitHub and GitLab code scanning: one result per finding.

Beyond the OASIS schema, GitHub's ingestion has rules of its own ("SARIF support for
code scanning"): every result needs `message.text` and at least one location whose
`artifactLocation.uri` is a non-empty path relative to the repository (one result
without a location rejects the whole upload), and every rule needs
`shortDescription`, `fullDescription` (at most 1,024 characters) and `help.text`.
So a project-level finding is placed on the file that declares the project's license,
or on `LICENSE`, the file its fix creates, rather than left without a location.

Paths are relative to the top of the git work tree that holds the scanned folder
(`%SRCROOT%`), so that code scanning finds the files of a scanned subfolder
(`licensecheck scan hardware/` reports `hardware/board.kicad_pcb`); outside git, to the
scanned folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import quote

from licensecheck import i18n
from licensecheck.model import Finding, ScanResult
from licensecheck.pathnames import local, on_disk, shown
from licensecheck.rules import Rule, catalog

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/maker-licensecheck/"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# GitHub's `problem.severity` ranks non-security alerts; "note" is its "recommendation".
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
GITHUB_TEXT_LIMIT = 1024
PROJECT_FALLBACK = "LICENSE"
HELP_PARTS = ("why", "fix", "example")
FINGERPRINT = "licensecheck/v1"


def render(result: ScanResult, lang: str = "en") -> str:
    rules = catalog()
    index = {rule_id: position for position, rule_id in enumerate(rules)}
    prefix = repository_prefix(Path(local(result.root)))
    run = {
        "tool": {"driver": _driver(result, rules, lang)},
        "results": [_result(finding, result, index, lang, prefix) for finding in result.findings],
    }
    properties = _run_properties(result)
    if properties:
        run["properties"] = properties
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _driver(result: ScanResult, rules: dict[str, Rule], lang: str) -> dict:
    return {
        "name": "licensecheck",
        "version": result.tool_version,
        "informationUri": INFORMATION_URI,
        "language": lang,
        "rules": [_descriptor(rule, lang) for rule in rules.values()],
    }


def _descriptor(rule: Rule, lang: str) -> dict:
    def part(name: str) -> str:
        return i18n.text(lang, f"rule.{rule.id}.{name}")

    descriptor = {
        "id": rule.id,
        "name": "".join(word.capitalize() for word in rule.id.split("-")),
        "shortDescription": {"text": _limited(part("title"))},
        "fullDescription": {"text": _limited(part("checks"))},
        "help": {"text": _help_text(rule, lang), "markdown": _help_markdown(rule, lang)},
        "defaultConfiguration": _default_configuration(rule.severity),
        "properties": {"tags": ["license-compliance"], "sources": list(rule.sources)},
    }
    if rule.severity in PROBLEM_SEVERITY:
        descriptor["properties"]["problem.severity"] = PROBLEM_SEVERITY[rule.severity]
    if rule.sources:
        descriptor["helpUri"] = rule.sources[0]
    return descriptor


def _default_configuration(severity: str) -> dict:
    """A rule that the default profile turns off (some profiles turn it on) is disabled."""
    if severity in LEVELS:
        return {"level": LEVELS[severity]}
    return {"enabled": False}


def _help_sections(rule: Rule, lang: str) -> list[tuple[str, str]]:
    """(heading, text) pairs: what the rule checks, why, how to fix, an example."""
    sections = [(i18n.text(lang, "ui.explain.checks"), i18n.text(lang, f"rule.{rule.id}.checks"))]
    for name in HELP_PARTS:
        sections.append((i18n.text(lang, f"ui.explain.{name}"), i18n.text(lang, f"rule.{rule.id}.{name}")))
    return sections


def _help_text(rule: Rule, lang: str) -> str:
    blocks = [f"{heading}: {text}" for heading, text in _help_sections(rule, lang)]
    if rule.sources:
        sources = "\n".join(f"- {source}" for source in rule.sources)
        blocks.append(f"{i18n.text(lang, 'ui.explain.sources')}:\n{sources}")
    return "\n\n".join(blocks)


def _help_markdown(rule: Rule, lang: str) -> str:
    blocks = [f"**{heading}**: {text}" for heading, text in _help_sections(rule, lang)]
    if rule.sources:
        sources = "\n".join(f"- <{source}>" for source in rule.sources)
        blocks.append(f"**{i18n.text(lang, 'ui.explain.sources')}**:\n\n{sources}")
    return "\n\n".join(blocks)


def _limited(text: str) -> str:
    return text if len(text) <= GITHUB_TEXT_LIMIT else text[: GITHUB_TEXT_LIMIT - 1] + "…"


def repository_prefix(root: Path) -> str:
    """The scanned folder's path from the top of its git work tree, with a final "/"
    ("hardware/"); "" at the top, outside git, or when the folder cannot be resolved."""
    try:
        here = root.resolve()
        for folder in (here, *here.parents):
            if (folder / ".git").exists():  # a folder, or a file in a submodule or worktree
                return "" if folder == here else shown(here.relative_to(folder).as_posix()) + "/"
    except (OSError, RuntimeError, ValueError):
        pass
    return ""


def _result(finding: Finding, result: ScanResult, index: dict[str, int], lang: str, prefix: str) -> dict:
    entry: dict = {"ruleId": finding.rule}
    if finding.rule in index:
        entry["ruleIndex"] = index[finding.rule]
    entry["level"] = LEVELS[finding.severity]
    text = finding.message.strip() or i18n.text(lang, f"rule.{finding.rule}.title")
    entry["message"] = {"text": text}
    entry["locations"] = [_location(finding, result, lang, prefix)]
    entry["partialFingerprints"] = {FINGERPRINT: _fingerprint(finding, prefix)}
    if finding.licenses:
        entry["properties"] = {"licenses": list(finding.licenses)}
    if finding.waived is not None:
        entry["suppressions"] = [{"kind": "external", "status": "accepted", "justification": finding.waived}]
    return entry


def _location(finding: Finding, result: ScanResult, lang: str, prefix: str) -> dict:
    if finding.path is None:
        path = result.project.sources[0] if result.project.sources else PROJECT_FALLBACK
        physical = {"artifactLocation": {"uri": artifact_uri(prefix + path), "uriBaseId": SRCROOT}}
        return {"physicalLocation": physical, "message": {"text": i18n.text(lang, "ui.project")}}
    physical = {"artifactLocation": {"uri": artifact_uri(prefix + finding.path), "uriBaseId": SRCROOT}}
    if finding.line is not None and finding.line >= 1:
        physical["region"] = {"startLine": finding.line}
    return {"physicalLocation": physical}


def artifact_uri(path: str) -> str:
    """A scan path as a relative URI reference: percent-encoded, so that `#`, `%`, spaces
    or a leading `c:` can neither end the path nor read as a fragment or a scheme."""
    return quote(on_disk(path), safe="/")  # a name that is not UTF-8: its own bytes


def _fingerprint(finding: Finding, prefix: str) -> str:
    """Stable across runs and languages: the rule, the place in the repository and the
    licenses, not the message (the project of a scanned subfolder is that subfolder's)."""
    place = prefix + finding.path if finding.path is not None else prefix
    key = "\0".join([finding.rule, place, str(finding.line or 0), *finding.licenses])
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _run_properties(result: ScanResult) -> dict:
    """The scan's provenance, for whoever reads the log outside code scanning."""
    provenance = result.provenance
    values = {
        "profile": result.profile,
        "commit": provenance.commit,
        "branch": provenance.branch,
        "dirty": provenance.dirty,
        "licenseListVersion": provenance.license_list_version,
        "knowledgeVersion": provenance.knowledge_version,
    }
    return {key: value for key, value in values.items() if value is not None}
