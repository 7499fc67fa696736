# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The project passes its own checks: `licensecheck scan .` with no warning, and ruff."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import scan

REPO = Path(__file__).resolve().parent.parent


def test_licensecheck_scans_itself_without_warnings(tmp_path):
    code, result, output = scan(REPO, output=tmp_path / "self.json")
    problems = [f for f in result["findings"] if f["severity"] in ("error", "warning")]
    assert problems == [], output
    assert code == 0
    assert result["project"]["declared"] == ["Apache-2.0"]


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed")
    done = subprocess.run([ruff, "check", str(REPO)], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stdout
