# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The README opens with the two commands, and CI runs the second one exactly."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_the_first_two_commands():
    first, second = commands()[:2]
    assert "pip install ." in first and "licensecheck scan examples/" in first
    assert '".[test]"' in second and "pytest" in second


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands()[1] in ci.splitlines()


def test_the_rules_tables_list_exactly_the_catalog():
    from licensecheck.rules import catalog

    text = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \| (?:error|warning|info|off)", text, re.MULTILINE))
    assert documented == set(catalog())


def test_contract_rules_keep_their_default_severity():
    from licensecheck.rules import catalog

    contract = {
        "no-project-license": "error", "missing-license": "warning", "missing-copyright": "info",
        "invalid-license-expression": "error", "unknown-license": "error", "deprecated-license": "warning",
        "missing-license-text": "warning", "unused-license-text": "info", "non-open-license": "error",
        "incompatible-licenses": "error", "declared-license-mismatch": "warning",
        "conflicting-file-license": "warning", "hardware-license-on-software": "warning",
        "software-license-on-hardware": "info", "hardware-source-missing": "warning",
        "unrecognized-license-text": "warning", "unreadable-file": "warning",
    }  # fmt: skip
    rules = catalog()
    assert {rule: rules[rule].severity for rule in contract} == contract
