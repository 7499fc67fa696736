# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Tests for licensecheck.discover, on real git repositories and folders built in tmp_path."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import refuse_to_open

from licensecheck.discover import (
    Discovery,
    GitState,
    _parse_status,
    changed_since,
    discover,
)
from licensecheck.pathnames import shown

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make git independent of the machine's configuration and of any enclosing repository."""
    for name in (
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_CEILING_DIRECTORIES",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "test@example.org")


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail instead of hanging if discovery ever opens a FIFO."""

    def fail(*_: object) -> None:
        raise TimeoutError("discover blocked")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout.strip()


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def make_repo(path: Path, files: dict[str, str], commit: bool = True) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    write(path, files)
    if commit:
        git(path, "add", "-A")
        git(path, "commit", "-q", "-m", "first")
    return path


def paths(found: Discovery) -> list[str]:
    return [f.path for f in found.files]


def blobs(found: Discovery) -> dict[str, str | None]:
    return {f.path: f.blob for f in found.files}


def copy_without_git(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    return target


IGNORE_TREE = {
    ".gitignore": "*.log\nbuild/\n/top-only.txt\n",
    "keep.txt": "k",
    "app.log": "l",
    "top-only.txt": "t",
    "build/out.bin": "b",
    "src/main.c": "c",
    "src/top-only.txt": "not anchored here",
    "src/debug.log": "l",
    "src/.gitignore": "!important.log\n*.tmp\n",
    "src/important.log": "i",
    "src/x.tmp": "t",
    "src/deep/.gitignore": "!*.tmp\n",
    "src/deep/y.tmp": "y",
    "src/deep/z.log": "z",
}
IGNORE_KEPT = [
    ".gitignore",
    "keep.txt",
    "src/.gitignore",
    "src/deep/.gitignore",
    "src/deep/y.tmp",
    "src/important.log",
    "src/main.c",
    "src/top-only.txt",
]


# --- git mode --------------------------------------------------------------------------


@needs_git
def test_git_lists_tracked_and_untracked_but_not_ignored(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"a.txt": "a", ".gitignore": "*.o\n"})
    write(repo, {"new.txt": "n", "obj.o": "o"})
    found = discover(repo)
    assert paths(found) == [".gitignore", "a.txt", "new.txt"]
    assert found.git is not None
    assert found.git.commit == git(repo, "rev-parse", "HEAD")
    assert found.git.branch == "main"
    assert found.git.dirty
    assert found.problems == ()


@needs_git
def test_git_state_clean_staged_detached_and_unborn(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"a.txt": "a"})
    assert discover(repo).git.dirty is False
    (repo / "a.txt").write_text("changed")
    git(repo, "add", "a.txt")  # staged only: the work tree matches the index
    assert discover(repo).git.dirty is True
    git(repo, "commit", "-q", "-m", "second")
    git(repo, "checkout", "-q", "--detach")
    assert discover(repo).git.branch is None
    unborn = make_repo(tmp_path / "unborn", {"x.txt": "x"}, commit=False)
    state = discover(unborn).git
    assert (state.commit, state.branch, state.dirty) == (None, "main", True)
    assert paths(discover(unborn)) == ["x.txt"]


@needs_git
def test_nested_gitignore_with_negation_in_git_and_in_walk(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", IGNORE_TREE, commit=False)
    assert (
        git(repo, "ls-files", "--others", "--exclude-standard").split() == IGNORE_KEPT
    )  # the fixture is right
    assert paths(discover(repo)) == IGNORE_KEPT
    walked = discover(copy_without_git(repo, tmp_path / "plain"))
    assert walked.git is None
    assert paths(walked) == IGNORE_KEPT


@needs_git
def test_blob_is_index_id_only_when_unmodified(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"same.txt": "same\n", "edited.txt": "v1\n", "staged.txt": "s1\n"})
    (repo / "edited.txt").write_text("v2\n")
    (repo / "staged.txt").write_text("s2\n")
    git(repo, "add", "staged.txt")
    write(repo, {"untracked.txt": "u"})
    found = blobs(discover(repo))
    assert found["same.txt"] == git(repo, "hash-object", "same.txt")
    assert found["staged.txt"] == git(repo, "hash-object", "staged.txt")
    assert found["edited.txt"] is None
    assert found["untracked.txt"] is None


@needs_git
def test_metadata_comes_from_lstat(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"same.txt": "as committed", "edited.txt": "v1"})
    (repo / "edited.txt").write_text("twelve bytes")
    write(repo, {"new.txt": "0123456789"})
    found = {f.path: f for f in discover(repo).files}
    for name, size in (("same.txt", 12), ("edited.txt", 12), ("new.txt", 10)):
        info, entry = os.lstat(repo / name), found[name]
        assert (entry.size, entry.mtime_ns, entry.inode) == (size, info.st_mtime_ns, info.st_ino)
    assert found["same.txt"].blob == git(repo, "hash-object", "same.txt")


@needs_git
def test_files_git_does_not_compare_are_keyed_by_their_stat(tmp_path: Path) -> None:
    """assume-unchanged: status ignores the file, so its index blob may be stale; skip-worktree
    (sparse checkout): the file is absent, or present but not git's to compare."""
    repo = make_repo(tmp_path / "repo", {"assumed.txt": "v1", "sparse.txt": "s", "gone.txt": "g"})
    git(repo, "update-index", "--assume-unchanged", "assumed.txt")
    git(repo, "update-index", "--skip-worktree", "sparse.txt", "gone.txt")
    (repo / "assumed.txt").write_text("v2, edited")
    (repo / "gone.txt").unlink()
    found = {f.path: f for f in discover(repo).files}
    assert sorted(found) == ["assumed.txt", "sparse.txt"]
    assert (found["assumed.txt"].blob, found["assumed.txt"].size) == (None, 10)
    assert (found["sparse.txt"].blob, found["sparse.txt"].size) == (None, 1)


@needs_git
def test_deleted_tracked_file_is_skipped(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"gone.txt": "g", "here.txt": "h"})
    (repo / "gone.txt").unlink()
    assert paths(discover(repo)) == ["here.txt"]


@needs_git
def test_submodule_listed_not_entered(tmp_path: Path) -> None:
    lib = make_repo(tmp_path / "lib", {"lib.c": "l"})
    repo = make_repo(tmp_path / "repo", {"main.c": "m"})
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(lib), "libs/lib")
    git(repo, "commit", "-q", "-m", "add lib")
    found = discover(repo)
    assert found.submodules == ("libs/lib",)
    assert paths(found) == [".gitmodules", "main.c"]
    assert found.git.dirty is False
    (repo / "libs/lib/lib.c").write_text("changed inside the submodule")
    assert paths(discover(repo)) == [".gitmodules", "main.c"]
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))  # the submodule is registered, not checked out
    assert not any((clone / "libs/lib").iterdir())
    assert discover(clone).submodules == ("libs/lib",)
    assert paths(discover(clone)) == [".gitmodules", "main.c"]


@needs_git
def test_untracked_nested_repository_is_a_submodule(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"a.txt": "a"})
    make_repo(repo / "vendor/other", {"o.c": "o"})
    found = discover(repo)
    assert found.submodules == ("vendor/other",)
    assert paths(found) == ["a.txt"]


@needs_git
def test_root_below_the_top_level(tmp_path: Path) -> None:
    repo = make_repo(
        tmp_path / "repo", {"top.txt": "t", "hw/board.kicad_pcb": "b", "hw/lib/x.kicad_sym": "x"}
    )
    write(repo, {"hw/new.txt": "n", "elsewhere.txt": "e"})
    found = discover(repo / "hw")
    assert paths(found) == ["board.kicad_pcb", "lib/x.kicad_sym", "new.txt"]
    assert blobs(found)["board.kicad_pcb"] == git(repo, "hash-object", "hw/board.kicad_pcb")
    assert found.git.commit == git(repo, "rev-parse", "HEAD")


@needs_git
def test_shallow_clone(tmp_path: Path) -> None:
    origin = make_repo(tmp_path / "origin", {"a.txt": "1"})
    (origin / "a.txt").write_text("2")
    git(origin, "commit", "-q", "-am", "second")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository") == "true"
    found = discover(clone)
    assert found.git.commit == git(origin, "rev-parse", "HEAD")
    assert blobs(found) == {"a.txt": git(clone, "hash-object", "a.txt")}


@needs_git
def test_git_invocations_do_not_grow_with_the_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from licensecheck.gitrun import Git, Running

    calls: list[object] = []
    real = Git.start

    def counting(self: Git, *args: str) -> Running:
        calls.append(args)
        return real(self, *args)

    monkeypatch.setattr(Git, "start", counting)
    counts = []
    for size in (2, 60):
        repo = make_repo(tmp_path / f"r{size}", {f"d{i % 7}/f{i}.txt": str(i) for i in range(size)})
        write(repo, {f"u/{i}.txt": "u" for i in range(size)})
        calls.clear()
        assert len(discover(repo).files) == 2 * size
        counts.append(len(calls))
    assert counts[0] == counts[1] <= 4


# --- symlinks, special files, odd names: both modes ----------------------------------


def both_modes(tmp_path: Path, files: dict[str, str]) -> list[Path]:
    """The same content as a git repository (all tracked) and as a plain folder."""
    plain = tmp_path / "plain"
    write(plain, files)
    if GIT is None:
        return [plain]
    return [plain, make_repo(tmp_path / "repo", files)]


def test_symlinks_are_never_listed_nor_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, {"secret.txt": "s", "dir/inner.txt": "i"})
    for root in both_modes(tmp_path, {"real.txt": "r", "sub/file.txt": "f"}):
        (root / "to-secret").symlink_to(outside / "secret.txt")
        (root / "to-passwd").symlink_to("/etc/passwd")
        (root / "to-outside-dir").symlink_to(outside / "dir")
        (root / "sub/loop").symlink_to("..")
        if (root / ".git").exists():
            git(root, "add", "to-secret")  # a tracked symlink too
        found = discover(root)
        assert paths(found) == ["real.txt", "sub/file.txt"], root
        assert found.problems == ()


@needs_git
def test_tracked_file_behind_a_symlinked_folder_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, {"f.txt": "outside"})
    repo = make_repo(tmp_path / "repo", {"d/f.txt": "inside", "a.txt": "a"})
    shutil.rmtree(repo / "d")
    (repo / "d").symlink_to(outside)
    assert paths(discover(repo)) == ["a.txt"]


def test_fifo_is_neither_opened_nor_listed(tmp_path: Path, deadline: None) -> None:
    for root in both_modes(tmp_path, {"a.txt": "a"}):
        os.mkfifo(root / "pipe")
        os.mkfifo(root / "pipe.txt")
        assert paths(discover(root)) == ["a.txt"]


def test_unreadable_folder_is_a_problem_and_the_walk_goes_on(tmp_path: Path) -> None:
    for root in both_modes(tmp_path, {"a.txt": "a", "z.txt": "z"}):
        write(root, {"locked/hidden.txt": "h", "open/b.txt": "b"})
        (root / "locked").chmod(0)
        try:
            found = discover(root)
        finally:
            (root / "locked").chmod(0o755)
        assert {"a.txt", "open/b.txt", "z.txt"} <= set(paths(found))
        if os.geteuid() != 0:  # root reads through chmod 000
            assert "locked/hidden.txt" not in paths(found)
            assert [p for p, _ in found.problems] == ["locked"]


def test_folder_that_cannot_be_listed_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"a.txt": "a", "locked/hidden.txt": "h", "open/b.txt": "b"})
    refuse_to_open(monkeypatch, "locked")
    found = discover(tmp_path)
    assert paths(found) == ["a.txt", "open/b.txt"]
    assert found.problems == (("locked", "cannot list folder: Permission denied"),)


def test_undecodable_file_name_is_kept_printable_and_distinct(tmp_path: Path) -> None:
    # Latin-1 and GBK names (a zip made on Windows, unzipped on Linux): each undecodable byte
    # shows as \xNN, so names differing only in such bytes stay apart, and each file keeps the
    # name it is read by.
    for root in both_modes(tmp_path, {"ok.txt": "o"}):
        raw = os.fsencode(root)
        for name in (b"/caf\xe9.txt", b"/caf\xe8.txt", b"/\xd4\xad\xc0\xed\xcd\xbc.kicad_sch"):
            with open(raw + name, "wb") as handle:
                handle.write(b"x")
        os.mkdir(raw + b"/d\xff")
        with open(raw + b"/d\xff/in.txt", "wb") as handle:
            handle.write(b"y")
        if (root / ".git").exists():
            git(root, "add", "-A")
        found = discover(root)
        # GBK's "\xd4\xad" and "\xcd\xbc" happen to be UTF-8 too: only the other bytes are escaped.
        gbk = "\u052d\\xc0\\xed\u037c.kicad_sch"
        shown = ["caf\\xe8.txt", "caf\\xe9.txt", "d\\xff/in.txt", "ok.txt", gbk]
        assert paths(found) == shown, root
        assert all(p.encode("utf-8") for p in paths(found))
        assert found.problems == ()
        for file in found.files:
            on_disk = file.on_disk or file.path
            assert (root / on_disk).is_file()
            assert (file.on_disk is None) == (file.path == "ok.txt")


def test_exclude_patterns(tmp_path: Path) -> None:
    files = {
        "a.c": "a",
        "a.bak": "b",
        "keep.bak": "k",
        "vendor/v.c": "v",
        "vendor/x/y.c": "y",
        "docs/d.md": "d",
    }
    for root in both_modes(tmp_path, files):
        found = discover(root, exclude=["vendor/", "*.bak", "!keep.bak", "/docs/**"])
        assert paths(found) == ["a.c", "keep.bak"], root


def test_paths_are_sorted_by_code_point(tmp_path: Path) -> None:
    names = ["b.txt", "B.txt", "a/z.txt", "a-b.txt", "é.txt", "Z/1.txt", "a.txt"]
    for root in both_modes(tmp_path, dict.fromkeys(names, "x")):
        assert paths(discover(root)) == sorted(names)


# --- falling back to the walk ----------------------------------------------------------


def test_walk_outside_git_lists_nested_repositories(tmp_path: Path) -> None:
    write(
        tmp_path, {"a.txt": "a", "sub/.git": "gitdir: ../somewhere", "sub/s.txt": "s", "lib/.git/HEAD": "x"}
    )
    write(tmp_path, {"lib/l.c": "l"})
    found = discover(tmp_path)
    assert (paths(found), found.submodules, found.git) == (["a.txt"], ("lib", "sub"), None)


@pytest.mark.parametrize("dotgit", ["file", "folder"])
def test_broken_dotgit_falls_back_to_walk(tmp_path: Path, dotgit: str) -> None:
    write(tmp_path, {"a.txt": "a", ".gitignore": "*.o\n", "b.o": "b"})
    if dotgit == "file":
        (tmp_path / ".git").write_text("gitdir: /nonexistent/place\n")
    else:
        (tmp_path / ".git").mkdir()
        (tmp_path / ".git/HEAD").write_text("garbage")
    found = discover(tmp_path)
    assert found.git is None
    assert paths(found) == [".gitignore", "a.txt"]
    assert len(found.problems) == 1 and found.problems[0][0] == "."
    assert "git not used" in found.problems[0][1]


@needs_git
def test_broken_config_falls_back_to_walk(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"a.txt": "a"})
    (repo / ".git/config").write_text("[core\n")
    found = discover(repo)
    assert (paths(found), found.git) == (["a.txt"], None)
    assert "bad config" in found.problems[0][1]


@needs_git
def test_git_missing_from_path_falls_back_to_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "repo", {"a.txt": "a", ".gitignore": "*.o\n"})
    write(repo, {"b.o": "b"})
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("GIT_PYTHON_GIT_EXECUTABLE", raising=False)
    found = discover(repo)
    assert (paths(found), found.git, found.problems) == ([".gitignore", "a.txt"], None, ())
    with pytest.raises(ValueError, match="git work tree"):
        changed_since(repo, "HEAD")


@needs_git
def test_bare_repository_as_root_is_walked(tmp_path: Path) -> None:
    bare = tmp_path / "bare.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    found = discover(bare)
    assert found.git is None
    assert "HEAD" in paths(found) and found.problems == ()


def test_root_must_be_a_folder_and_patterns_valid(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError):
        discover(tmp_path / "missing")
    with pytest.raises(ValueError, match="exclude pattern"):
        discover(tmp_path, exclude=["!"])


# --- changed_since ------------------------------------------------------------------


@needs_git
def test_changed_since(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"hw/a.txt": "a", "hw/b.txt": "b", "hw/c.txt": "c", "sw/s.c": "s"})
    base = git(repo, "rev-parse", "HEAD")
    write(repo, {"hw/b.txt": "b2", "sw/s.c": "s2"})
    git(repo, "commit", "-q", "-am", "second")
    git(repo, "tag", "v1")
    write(repo, {"hw/a.txt": "a2", "hw/new.txt": "n", "hw/x.o": "o", ".gitignore": "*.o\n"})
    (repo / "hw/c.txt").unlink()
    assert changed_since(repo / "hw", base) == {"a.txt", "b.txt", "new.txt"}
    assert changed_since(repo / "hw", "v1") == {"a.txt", "new.txt"}
    assert changed_since(repo, "v1") == {".gitignore", "hw/a.txt", "hw/new.txt"}
    with pytest.raises(ValueError, match="unknown git revision"):
        changed_since(repo, "no-such-ref")
    with pytest.raises(ValueError):
        changed_since(repo, "--output=/tmp/x")


def test_changed_since_outside_git(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="git work tree"):
        changed_since(tmp_path, "HEAD")


@needs_git
def test_discover_writes_nothing_in_the_tree(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"a.txt": "a", "b.txt": "b"})
    later = os.stat(repo / "a.txt").st_mtime_ns + 5_000_000_000
    os.utime(
        repo / "a.txt", ns=(later, later)
    )  # stale stat data: a plain `git status` would rewrite the index
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    found = discover(repo)
    changed_since(repo, "HEAD")
    assert blobs(found)["a.txt"] == git(repo, "hash-object", "a.txt")
    assert {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()} == before


def test_status_parsing_below_the_top_level() -> None:
    """What git prints is checked on real repositories above; this covers the records and
    the warning that only a non-root user can provoke (an unreadable folder)."""
    out = b"\0".join(
        [
            b"# branch.oid (initial)",
            b"# branch.head (detached)",
            b"1 .M N... 100644 100644 100644 aaa aaa hw/with space.txt",
            b"1 M. N... 100644 100644 100644 aaa bbb hw/staged.txt",
            b"2 R. N... 100644 100644 100644 aaa aaa R100 hw/new name.txt",
            b"? old name.txt",  # the original path of the rename, not an untracked-file record
            b"u UU N... 100644 100644 100644 100644 a b c hw/conflict.txt",
            b"? hw/caf\xe9.txt",
            b"",
        ]
    )
    err = "warning: could not open directory 'hw/locked/': Permission denied\nsomething else"
    status = _parse_status(out, err, "hw/")
    assert status.state == GitState(commit=None, branch=None, dirty=True)
    assert status.modified == {"with space.txt", "conflict.txt"}
    assert [shown(p) for p in status.untracked] == ["caf\\xe9.txt"]
    assert status.unreadable == [("locked", "cannot list folder: Permission denied")]
    assert _parse_status(b"# branch.oid abc\0# branch.head main\0", "", "").state == GitState(
        "abc", "main", False
    )


def test_status_warning_about_a_folder_whose_name_holds_a_newline() -> None:
    # As git 2.39 writes it (LC_ALL=C) for folders `a<newline>b` and `x': y` of mode 0, run
    # as a user other than root: the name as it is, newline and quote included.
    err = (
        "warning: unable to access '/home/u/.config/git/ignore': Permission denied\n"
        "warning: could not open directory 'a\nb/': Permission denied\n"
        "warning: could not open directory 'x': y/': Permission denied\n"
        "warning: could not open directory 'plain/': Too many open files\n"
    )
    assert _parse_status(b"", err, "").unreadable == [
        ("a\nb", "cannot list folder: Permission denied"),
        ("x': y", "cannot list folder: Permission denied"),
        ("plain", "cannot list folder: Too many open files"),
    ]


@pytest.mark.skipif(GIT is None, reason="git is not installed")
@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder of mode 0")
def test_an_unreadable_folder_whose_name_holds_a_newline_is_a_problem_in_git(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", {"a.txt": "a"})
    write(repo, {"a\nb/hidden.txt": "h"})
    (repo / "a\nb").chmod(0)
    try:
        found = discover(repo)
    finally:
        (repo / "a\nb").chmod(0o755)
    assert found.problems == (("a\nb", "cannot list folder: Permission denied"),)


def test_a_folder_outside_any_repository_is_walked_without_git(tmp_path: Path, monkeypatch) -> None:
    import licensecheck.gitrun

    (tmp_path / "a.c").write_text("int a;\n")
    started = lambda root: pytest.fail("git started outside a repository")  # noqa: E731
    monkeypatch.setattr(licensecheck.gitrun, "Git", started)
    assert [f.path for f in discover(tmp_path).files] == ["a.c"]
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere.git"))  # git could find one: ask it
    with pytest.raises(pytest.fail.Exception):
        discover(tmp_path)
