# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Hostile and unusual git repositories, end to end: a shallow clone, a bare
repository, broken `.git` folders and files, FIFOs where git reads, submodules
that are not checked out, git missing from PATH, and a repository whose own
configuration tries to make git run commands."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest
from conftest import file_entry, git, git_repo, rules_for, scan, write_tree
from hostile import run_cli

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
pytestmark = needs_git

MIT = "// SPDX-License-Identifier: MIT\n"
PROJECT = {"LICENSE": "SPDX-License-Identifier: Apache-2.0\n", "src/a.c": MIT, ".gitignore": "*.o\n"}


def repo(tmp_path, name: str = "project"):
    root = git_repo(tmp_path / name, PROJECT)
    write_tree(root, {"build/a.o": "object", "src/new.c": MIT})  # ignored, untracked
    return root


def paths(result: dict) -> list[str]:
    return [f["path"] for f in result["files"]]


def walked_or_listed(result: dict) -> None:
    """Whether git or the walk listed the tree, the same files come out: .gitignore holds."""
    assert paths(result) == [".gitignore", "LICENSE", "src/a.c", "src/new.c"]
    assert file_entry(result, "src/a.c")["licenses"] == ["MIT"]


def test_a_shallow_clone_is_listed_by_git(tmp_path):
    origin = repo(tmp_path, "origin")
    (origin / "src/a.c").write_text(MIT + "int a;\n")
    git(origin, "commit", "-qam", "second")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    write_tree(clone, {"src/new.c": MIT})
    code, result, _ = scan(clone, "--no-cache")
    assert code in (0, 1)
    assert result["provenance"]["commit"] == git(origin, "rev-parse", "HEAD").strip()
    walked_or_listed(result)


def test_a_bare_repository_is_walked_as_a_folder(tmp_path):
    bare = tmp_path / "bare.git"
    git(tmp_path, "clone", "-q", "--bare", str(repo(tmp_path)), str(bare))
    code, result, _ = scan(bare, "--no-cache")
    assert code in (0, 1)
    assert "HEAD" in paths(result) and "config" in paths(result)
    assert result["provenance"]["commit"] is None


BROKEN = {
    "gitdir-nowhere": lambda root: (root / ".git").write_text("gitdir: /nonexistent/place\n"),
    "garbage-head": lambda root: (root / ".git/HEAD").write_text("garbage"),
    "bad-config": lambda root: (root / ".git/config").write_text("[core\n\x00\xff"),
    "corrupt-index": lambda root: (root / ".git/index").write_bytes(b"DIRC" + os.urandom(200)),
    "no-objects": lambda root: shutil.rmtree(root / ".git/objects"),
    "empty-dotgit-folder": lambda root: shutil.rmtree(root / ".git") or (root / ".git").mkdir(),
    "dotgit-symlink-to-etc": lambda root: shutil.rmtree(root / ".git") or os.symlink("/etc", root / ".git"),
}


@pytest.mark.parametrize("damage", BROKEN, ids=BROKEN)
def test_a_broken_dotgit_falls_back_to_the_walk_or_still_lists_the_tree(tmp_path, damage):
    root = repo(tmp_path)
    if damage == "gitdir-nowhere":
        shutil.rmtree(root / ".git")
    BROKEN[damage](root)
    code, result, output = scan(root, "--no-cache")
    assert code in (0, 1), output
    assert "Traceback" not in output
    walked_or_listed(result)
    if result["provenance"]["commit"] is None:  # git was not used: say so
        said = [f["message"] for f in result["findings"] if f["rule"] == "unreadable-file"]
        assert any("git not used" in message for message in said)


@pytest.mark.parametrize(
    "fifo", [".git/HEAD", ".git/config", ".git/index", ".gitignore", "src/.gitattributes"]
)
def test_a_fifo_where_git_reads_costs_the_git_time_limit_then_the_walk(tmp_path, fifo):
    root = repo(tmp_path)
    (root / fifo).unlink(missing_ok=True)
    os.mkfifo(root / fifo)
    output = tmp_path / "result.json"
    started = time.monotonic()
    run = run_cli(
        "scan", str(root), "-o", str(output), "-j", "1", "--no-cache",
        env={"LICENSECHECK_GIT_TIMEOUT": "0.8"}, timeout=60,
    )  # fmt: skip
    assert time.monotonic() - started < 30
    assert run.code in (0, 1), run.stderr
    result = json.loads(output.read_text())
    assert "src/a.c" in paths(result)
    assert fifo not in paths(result)


def test_submodules_that_are_not_checked_out_are_listed_not_entered(tmp_path):
    library = repo(tmp_path, "library")
    upstream = repo(tmp_path, "upstream")
    git(upstream, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(library), "lib/sub")
    git(upstream, "commit", "-qm", "submodule")
    root = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(upstream), str(root))  # not --recursive: lib/sub stays empty
    assert list((root / "lib/sub").iterdir()) == []
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    assert result["provenance"]["submodules"] == ["lib/sub"]
    assert not any(p.startswith("lib/") for p in paths(result))


def test_git_missing_from_path_falls_back_to_the_walk(tmp_path):
    root = repo(tmp_path)
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    output = tmp_path / "result.json"
    run = run_cli(
        "scan", str(root), "-o", str(output), "-j", "1", "--no-cache",
        env={"PATH": str(empty)},
    )  # fmt: skip
    assert run.code in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    result = json.loads(output.read_text())
    assert result["provenance"]["commit"] is None
    walked_or_listed(result)


def test_a_repository_cannot_make_git_run_commands(tmp_path):
    root = repo(tmp_path)
    marks = {name: tmp_path / f"ran-{name}" for name in ("fsmonitor", "clean", "process", "hook", "include")}
    write_tree(root, {".gitattributes": "* filter=evil\n*.c filter=other\n", "extra.conf": ""})
    git(root, "add", ".gitattributes")
    git(root, "commit", "-qm", "attributes")
    git(root, "config", "core.fsmonitor", f"touch {marks['fsmonitor']}; false")
    git(root, "config", "filter.evil.clean", f"touch {marks['clean']}; cat")
    git(root, "config", "filter.evil.required", "true")
    git(root, "config", "filter.other.process", f"touch {marks['process']}")
    git(root, "config", "include.path", "../extra.conf")
    (root / "extra.conf").write_text(f'[filter "included"]\n\tclean = touch {marks["include"]}; cat\n')
    (root / ".gitattributes").write_text("* filter=evil\n*.c filter=other\nLICENSE filter=included\n")
    hooks = root / ".git/hooks"
    for hook in ("post-index-change", "pre-commit", "post-checkout"):
        (hooks / hook).write_text(f"#!/bin/sh\ntouch {marks['hook']}\n")
        (hooks / hook).chmod(0o755)
    for path in ("src/a.c", "LICENSE"):  # same size, new time: git must hash them again
        os.utime(root / path, (1_600_000_000, 1_600_000_000))
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    assert [name for name, mark in marks.items() if mark.exists()] == []
    assert result["provenance"]["commit"] is not None  # git was used, with its commands off
    assert "src/a.c" in paths(result)


def test_a_repository_owned_by_someone_else_is_walked_or_listed(tmp_path):
    root = repo(tmp_path)
    if os.geteuid() != 0:
        pytest.skip("needs root to give the repository away")
    os.chown(root / ".git", 65534, 65534)  # git's safe.directory check refuses it
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    walked_or_listed(result)
    assert "unreadable-file" not in rules_for(result, "src/a.c")
