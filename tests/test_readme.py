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
