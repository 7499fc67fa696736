# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Shared fixture builders: small maker repositories written by the tests."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_AUTHOR_DATE": "2025-01-01T00:00:00+00:00",
    "GIT_COMMITTER_DATE": "2025-01-01T00:00:00+00:00",
}


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, env={**os.environ, **GIT_ENV}, check=True, capture_output=True, text=True
    ).stdout


def git_repo(root: Path, files: dict[str, str | bytes]) -> Path:
    write_tree(root, files)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


def scan(path: Path, *args: str, output: Path | None = None) -> tuple[int, dict | None, str]:
    """Run `licensecheck scan` in-process; returns exit code, the JSON result and the terminal output."""
    result_file = output or path.parent / f"{path.name}-result.json"
    runner = CliRunner()
    outcome = runner.invoke(main, ["scan", str(path), "-o", str(result_file), "-j", "1", *args])
    data = json.loads(result_file.read_text(encoding="utf-8")) if result_file.exists() else None
    return outcome.exit_code, data, outcome.output


def file_entry(result: dict, path: str) -> dict:
    return next(f for f in result["files"] if f["path"] == path)


def refuse_to_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Opening anything named `name` fails as for a folder without read permission (which
    root, running the tests in CI, would open anyway)."""
    real = os.open

    def refusing(path, flags, *args, **kwargs):
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


def kicad_schematic(title_block: str, *texts: str) -> str:
    """A KiCad 8 schematic (as eeschema saves it) with `title_block`'s fields and one text
    item on the sheet for each of `texts`."""
    items = "".join(
        f'  (text "{text}" (exclude_from_sim no) (at 50.8 {50.8 + 10.16 * n:.2f} 0)\n'
        f"    (effects (font (size 1.27 1.27)) (justify left bottom))\n"
        f'    (uuid "5a6b7c8d-0000-4000-8000-{n + 2:012d}"))\n'
        for n, text in enumerate(texts)
    )
    return (
        '(kicad_sch (version 20231120) (generator "eeschema") (generator_version "8.0")\n'
        '  (uuid "5a6b7c8d-0000-4000-8000-000000000001")\n'
        '  (paper "A4")\n'
        f"  (title_block {title_block})\n"
        "  (lib_symbols)\n"
        f"{items}"
        '  (sheet_instances (path "/" (page "1")))\n'
        ")\n"
    )


def rules_for(result: dict, path: str | None = None) -> set[str]:
    return {f["rule"] for f in result["findings"] if path is None or f["path"] == path}


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never touch the user's cache: every cache goes to a folder of this session."""
    os.environ["LICENSECHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def tree(tmp_path: Path):
    """A builder: tree({"a.c": "..."}) writes a project under tmp_path/project."""

    def build(files: dict[str, str | bytes], name: str = "project") -> Path:
        return write_tree(tmp_path / name, files)

    return build
