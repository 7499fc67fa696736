# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""`pip install .` (not only -e) gives a working command that finds licenses/ and templates/.

The wheel is built from the checkout and installed into a fresh virtual environment;
the dependencies are borrowed from the running environment through a .pth file so the
test needs no network. The commands run from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def run(*args: str | Path, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=check
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("install")
    wheels = work / "wheels"
    built = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        wheels,
        REPO,
        cwd=work,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    venv = work / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=work)
    python = venv / "bin" / "python"
    site = run(
        python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work
    ).stdout.strip()
    wheel = next(wheels.glob("*.whl"))
    installed = run(python, "-m", "pip", "install", "--no-deps", "--no-index", wheel, cwd=work, check=False)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # Dependencies come from the running environment, after the fresh site-packages in sys.path;
    # only now, or pip would find the running environment's copy of the package and skip it.
    Path(site, "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def test_wheel_contains_the_data_folders(installed):
    python = installed / "bin" / "python"
    where = run(
        python,
        "-c",
        "import licensecheck, cli; from licensecheck.resources import data_path; "
        "print(licensecheck.__file__); print(cli.__file__); "
        "print(data_path('licenses')); print(data_path('templates'))",
        cwd=installed.parent,
    ).stdout.split()
    for location in where:
        assert location.startswith(str(installed)), f"{location} is not inside the fresh environment"
    assert Path(where[2], "profiles", "default.toml").is_file()
    assert Path(where[3], "report.html.j2").is_file()


def test_console_script_scans_the_example_from_another_folder(installed, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    example = REPO / "examples" / "smart-plant"
    done = run(
        installed / "bin" / "licensecheck",
        "scan",
        example,
        "-o",
        "r.html",
        "-o",
        "r.json",
        cwd=outside,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Files:" in done.stdout
    assert (outside / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = json.loads((outside / "r.json").read_text(encoding="utf-8"))
    assert result["summary"]["files"] > 10


def test_python_dash_m(installed, tmp_path):
    done = run(installed / "bin" / "python", "-m", "licensecheck", "--version", cwd=tmp_path)
    assert done.stdout.startswith("licensecheck ")
