# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The short terminal summary.

File names and copyright lines come from the scanned tree: control characters
and escape sequences are removed before they reach the terminal.
"""

from __future__ import annotations

import re

from licensecheck import i18n
from licensecheck.model import ScanResult

# Escape sequences, every C0/C1 control (line breaks and tabs too: a file name must not forge
# a line of the summary) and the bidirectional controls that reorder what is shown.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
SHOWN_FINDINGS = 20


def clean(value: object) -> str:
    return _CONTROL.sub("", str(value))


def render(result: ScanResult, lang: str, outputs: list[str], verbosity: int = 0) -> str:
    def t(key: str, **params: object) -> str:
        return i18n.text(lang, f"ui.{key}", **params)

    summary = result.summary()
    lines = []
    if verbosity >= 0:
        separator = i18n.text(lang, "message.list-separator")  # "数据 1、文档 12"
        categories = separator.join(
            f"{t('category.' + name)} {count}" for name, count in summary["by_category"].items()
        )
        lines.append(
            t("summary.title", version=result.tool_version, root=clean(result.root), profile=result.profile)
        )
        lines.append(t("summary.files", count=summary["files"], categories=categories))
        declared = " ; ".join(result.project.declared)
        sources = separator.join(clean(s) for s in result.project.sources)
        if declared or sources:
            lines.append(t("summary.declared", declared=declared or t("none"), sources=sources or t("none")))
        else:
            lines.append(t("summary.declared_none"))
        found = sorted(summary["licenses"].items(), key=lambda item: (-item[1], item[0]))
        listed = separator.join(f"{clean(name)} ({count})" for name, count in found)
        lines.append(t("summary.licenses", licenses=listed or t("none")))
        shown = [f for f in result.findings if f.waived is None and (verbosity > 0 or f.severity != "info")]
        for finding in shown[: None if verbosity > 0 else SHOWN_FINDINGS]:
            where = clean(finding.path) if finding.path else t("project")
            lines.append(
                f"  {t('severity.' + finding.severity):8} {finding.rule:28} {where}: {clean(finding.message)}"
            )
        if verbosity <= 0 and len(shown) > SHOWN_FINDINGS:
            lines.append("  " + t("summary.more", count=len(shown) - SHOWN_FINDINGS))
    lines.append(
        t(
            "summary.findings",
            errors=summary["errors"],
            warnings=summary["warnings"],
            infos=summary["infos"],
            waived=summary["waived"],
        )
    )
    if outputs:
        lines.append(t("summary.reports", reports=", ".join(clean(o) for o in outputs)))
    return "\n".join(lines)
