# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The HTML compliance report: one self-contained page from templates/report.html.j2.

Autoescaping is on for every value: file names, copyright lines and messages
come from the scanned tree.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from jinja2 import Environment, FileSystemLoader, select_autoescape

from licensecheck import i18n
from licensecheck.model import ScanResult
from licensecheck.resources import data_path


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(data_path("templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(result: ScanResult, lang: str = "en") -> str:
    summary = result.summary()
    counted = [f for f in result.findings if f.waived is None]
    failing = summary["errors"] > 0
    licenses = Counter(lic for f in result.files for lic in f.licenses)
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            result=result,
            summary=summary,
            verdict="fail" if failing else "pass",
            findings=result.findings,
            counted=counted,
            licenses=sorted(licenses.items(), key=lambda item: (-item[1], item[0])),
            lang=lang,
            t=lambda key, **params: i18n.text(lang, key, **params),
        )
    )
