# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""gitrun: git run with the repository's commands switched off and a time limit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from licensecheck.gitrun import SAFE_CONFIG, Git, GitUnusable, _config_environment, _filter_drivers

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def make_repo(root):
    root.mkdir()
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    commands = (["init", "-q", "-b", "main"], ["config", "user.name", "T"], ["config", "user.email", "t@e.x"])
    for command in commands:
        subprocess.run(["git", *command], cwd=root, check=True, env=env)
    (root / "a.txt").write_text("a\n")
    subprocess.run(["git", "add", "a.txt"], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "a"], cwd=root, check=True, env=env)
    return root


def test_filter_drivers_are_read_from_config_listing():
    listing = b"filter.lfs.clean\ngit-lfs clean\0filter.lfs.process\nx\0filter.a.b.smudge\ncat\0core.x\ny\0"
    assert _filter_drivers(listing) == ["a.b", "lfs"]
    assert _filter_drivers(b"") == []


def test_configuration_goes_through_the_environment():
    environment = _config_environment((("a.b", "1"), ("filter.x=y.clean", "")))
    assert environment["GIT_CONFIG_COUNT"] == "2"
    assert environment["GIT_CONFIG_KEY_1"] == "filter.x=y.clean" and environment["GIT_CONFIG_VALUE_1"] == ""


def test_every_filter_driver_of_the_repository_is_switched_off(tmp_path):
    root = make_repo(tmp_path / "repo")
    subprocess.run(["git", "config", "filter.evil.clean", "touch ran; cat"], cwd=root, check=True)
    git = Git(root)
    said = git("config", "--get", "filter.evil.clean")
    assert said.strip() == b""
    assert git("config", "--get", "core.fsmonitor").strip() == dict(SAFE_CONFIG)["core.fsmonitor"].encode()


def test_a_command_that_blocks_is_stopped_at_the_time_limit(tmp_path, monkeypatch):
    root = make_repo(tmp_path / "repo")
    git = Git(root)
    os.mkfifo(root / ".git" / "blocking")
    monkeypatch.setenv("LICENSECHECK_GIT_TIMEOUT", "1")
    started = time.monotonic()
    with pytest.raises(GitUnusable, match="did not finish within 1 s") as raised:
        git("config", "--file", str(root / ".git" / "blocking"), "--list")
    assert raised.value.broken
    assert time.monotonic() - started < 10


def test_a_bare_repository_and_a_plain_folder_are_not_usable(tmp_path, monkeypatch):
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    with pytest.raises(GitUnusable, match="bare") as raised:
        Git(bare)
    assert not raised.value.broken
    plain = tmp_path / "plain"
    plain.mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above either
    with pytest.raises(GitUnusable):
        Git(plain)


def test_discovery_in_a_work_tree_does_not_load_gitpython(tmp_path):
    # GitPython takes 75-80 ms to import, a quarter of a warm scan of a work tree: discovery
    # runs git itself (the SPDX writer still reads the commit's time through GitPython).
    root = make_repo(tmp_path / "repo")
    probe = (
        "import sys; from pathlib import Path; from licensecheck.discover import discover; "
        f"found = discover(Path({str(root)!r})); "
        "print(found.git is not None, [f.path for f in found.files], 'git' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[0] == "True ['a.txt'] False"


def _processes_in(folder):
    """Pids of the processes whose working folder is `folder`."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/cwd") == str(folder):
                    found.append(int(entry))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_at_the_time_limit_a_wrapper_and_the_git_it_started_both_go(tmp_path, monkeypatch):
    root = make_repo(tmp_path / "repo")
    (root / ".git" / "HEAD").unlink()
    os.mkfifo(root / ".git" / "HEAD")  # git blocks reading it
    wrapper = tmp_path / "wrapgit"
    wrapper.write_text(f'#!/bin/sh\n{shutil.which("git")} "$@"\n')  # no exec: git is its child
    wrapper.chmod(0o755)
    monkeypatch.setenv("GIT_PYTHON_GIT_EXECUTABLE", str(wrapper))
    monkeypatch.setenv("LICENSECHECK_GIT_TIMEOUT", "1")
    with pytest.raises(GitUnusable, match="did not finish within 1 s"):
        Git(root)
    time.sleep(0.2)
    left = _processes_in(root)
    for pid in left:
        os.kill(pid, 9)
    assert left == []


def test_a_relative_git_executable_is_the_users_not_one_in_the_scanned_tree(tmp_path, monkeypatch):
    root = make_repo(tmp_path / "repo")
    planted = root / "bin" / "git"
    planted.parent.mkdir()
    planted.write_text(f"#!/bin/sh\ntouch {tmp_path}/RAN\nexit 1\n")
    planted.chmod(0o755)
    mine = tmp_path / "bin" / "git"
    mine.parent.mkdir()
    mine.write_text(f'#!/bin/sh\nexec {shutil.which("git")} "$@"\n')
    mine.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_PYTHON_GIT_EXECUTABLE", "bin/git")
    assert Git(root).prefix == ""
    assert not (tmp_path / "RAN").exists()


def test_a_git_that_cannot_be_run_is_as_no_git(tmp_path, monkeypatch):
    root = make_repo(tmp_path / "repo")
    not_executable = tmp_path / "git"
    not_executable.write_text("#!/bin/sh\n")
    not_executable.chmod(0o644)
    monkeypatch.setenv("GIT_PYTHON_GIT_EXECUTABLE", str(not_executable))
    with pytest.raises(GitUnusable) as raised:
        Git(root)
    assert not raised.value.broken  # the scan walks the folder, with no finding


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_a_command_left_unfinished_goes_with_the_block_that_started_it(tmp_path):
    """Discovery reads the index while git status runs: if that reading fails, status must not
    be left running (or blocked on a FIFO) behind the scan."""
    root = make_repo(tmp_path / "repo")
    git = Git(root)
    os.mkfifo(root / ".git" / "blocking")
    with pytest.raises(GitUnusable), git.start("config", "--file", str(root / ".git" / "blocking"), "--list"):
        raise GitUnusable("the other command failed", broken=True)
    time.sleep(0.2)
    left = _processes_in(root)
    for pid in left:
        os.kill(pid, 9)
    assert left == []


def test_a_started_command_gives_its_output_when_finished(tmp_path):
    root = make_repo(tmp_path / "repo")
    git = Git(root)
    inside, prefix = ("rev-parse", "--is-inside-work-tree"), ("rev-parse", "--show-prefix")
    with git.start(*inside) as first, git.start(*prefix) as second:
        assert second.finish() == (b"\n", "")
        assert first.finish() == (b"true\n", "")


def test_time_this_process_spends_before_finishing_does_not_count_against_git(tmp_path, monkeypatch):
    """Discovery reads the index listing while status runs: git ended in time, so its output
    stands however long the reading took."""
    root = make_repo(tmp_path / "repo")
    git = Git(root)
    monkeypatch.setenv("LICENSECHECK_GIT_TIMEOUT", "0.5")
    with git.start("rev-parse", "--is-inside-work-tree") as running:
        time.sleep(0.8)
        assert running.finish() == (b"true\n", "")


def test_where_there_are_no_process_groups_a_failing_git_still_falls_back_to_the_walk(tmp_path, monkeypatch):
    """Windows has no os.killpg: stopping the git status that runs beside a failed ls-files
    must not end the scan."""
    from licensecheck.discover import discover

    root = make_repo(tmp_path / "repo")
    (root / "a.c").write_text("int a;\n")
    index = root / ".git" / "index"
    index.write_bytes(index.read_bytes()[:20])  # git ls-files: index file smaller than expected
    monkeypatch.delattr(os, "killpg")
    found = discover(root)
    assert "a.c" in [f.path for f in found.files]
    assert found.git is None and "walked the folder instead" in found.problems[0][1]
