# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Discovery, the first pipeline stage: which files a scan looks at.

In a git work tree, git decides: tracked files plus untracked files that are not
ignored, with the index blob id of every file the work tree has not modified. Outside
git, a folder walk that honours `.gitignore` files stands in for it. Either way no
file is opened (one `lstat` each; in git, while git status runs, and while git's index
is the one the last run saw, none for the files git calls unchanged), symlinks are never
followed, submodules and nested repositories are listed but not entered, and trouble
becomes a `problems` line.
git itself runs through `gitrun`, which keeps a hostile repository from making it
run commands or wait forever.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from licensecheck.cache import size_in_blob_key
from licensecheck.extract import ExtractError, read_regular, stat_key
from licensecheck.model import SIZE_UNREAD, DiscoveredFile
from licensecheck.pathnames import shown

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

    from licensecheck.gitrun import Git

GITLINK_MODE = "160000"  # a submodule's entry in the index
SYMLINK_MODE = "120000"
# git's warning (LC_ALL=C) names the folder as it is, a newline or "': " included, so the name
# runs across lines up to the "': " after which the rest of the line holds no quote: the reason,
# a strerror text, never does.
_UNREADABLE_FOLDER = re.compile(r"could not open directory '(.*?)': ([^'\n]*)$", re.DOTALL | re.MULTILINE)
# Spaces before the path in each kind of `git status --porcelain=v2` record: ordinary,
# renamed, unmerged ("?" untracked has the path right after its tag).
_STATUS_FIELDS = {"1": 8, "2": 9, "u": 10}
# .gitignore files read by the walk (git reads its own): bounded, and patterns that
# cannot make one path cost seconds to match.
MAX_IGNORE_BYTES = 1024 * 1024
MAX_IGNORE_PATTERNS = 1000
MAX_PATTERN = 1024
MAX_WILDCARDS, MAX_WILDCARDS_PER_NAME = 3, 2
COST_LIMITS = (
    f"at most {MAX_WILDCARDS} wildcards, {MAX_WILDCARDS_PER_NAME} between two slashes,"
    f" {MAX_PATTERN} characters"
)
_WILDCARD_RUN = re.compile(r"\*+")
LINK_NOT_FOLLOWED = "a symbolic link, not followed"
_STATUS_COMMAND = (
    "status --porcelain=v2 -z --branch --untracked-files=all --no-renames --ignore-submodules=dirty"
)


@dataclass(frozen=True)
class GitState:
    commit: str | None  # HEAD sha, None in a repository without commits
    branch: str | None  # None when HEAD is detached
    dirty: bool  # something below the scan root is modified, staged or untracked


@dataclass(frozen=True)
class Discovery:
    files: tuple[DiscoveredFile, ...]  # sorted by path, code-point order
    submodules: tuple[str, ...]  # listed, not entered
    problems: tuple[tuple[str, str], ...]  # (relative path, reason)
    git: GitState | None  # None when git was not used
    index: str | None = None  # the stamp of git's index file for the next run (_index_stamp)


@dataclass(frozen=True)
class LastListing:
    """What the last run of a scan found, for discovery to trust: the stamp of git's index
    file then, and every file's cache key (cache.file_key: a tracked file's starts with its
    blob and its size)."""

    index: str
    keys: dict[str, str]

    def size(self, path: str, blob: str) -> int | None:
        """The size the file at `path` had last time, when it had the same blob."""
        key = self.keys.get(path)
        return None if key is None else size_in_blob_key(key, blob)


def discover(
    root: Path, exclude: Sequence[str] = (), last: LastListing | None = None, stamps: bool = True
) -> Discovery:
    """The files below `root`, from git when `root` is in a work tree, else from a walk.

    `exclude` holds gitignore-style patterns relative to `root`, applied on top of
    what git or `.gitignore` already leave out. `last`, what the last run found, spares
    most lstat calls in a work tree whose index has not changed since (see _from_git).
    Without `stamps` (a run that keys no cache by them), a walk lstats no file: the files'
    sizes are SIZE_UNREAD, for extraction to take from the file it opens (60,000 files:
    0.25 s of a 0.46 s walk).
    Raises ValueError for an invalid pattern and NotADirectoryError when `root` is not
    a folder.
    """
    root = Path(root)
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {root}")
    excluded = _exclude_spec(exclude)
    if not _dotgit_at_or_above(root) and not {"GIT_DIR", "GIT_WORK_TREE"} & set(os.environ):
        # Not in a repository: skip loading GitPython and starting git (a tenth of a warm scan).
        return _walk(_Scope(root, excluded), stamps)
    from licensecheck.gitrun import Git, GitUnusable

    try:
        return _from_git(_Scope(root, excluded), Git(root), last)
    except GitUnusable as unusable:
        problems: list[tuple[str, str]] = []
        if unusable.broken and _dotgit_at_or_above(root):
            problems.append((".", f"git not used ({unusable.reason}); walked the folder instead"))
        return _walk(_Scope(root, excluded, problems), stamps)


def changed_since(root: Path, ref: str) -> set[str]:
    """Paths below `root` (relative to it) whose work-tree content differs from `ref`,
    untracked files included and deleted files left out. Raises ValueError when `ref`
    is unknown or `root` is not in a git work tree."""
    if not ref or ref.startswith("-"):
        raise ValueError(f"not a git revision: {ref!r}")
    from licensecheck.gitrun import Git, GitUnusable

    try:
        run = Git(Path(root))
    except GitUnusable as unusable:
        raise ValueError(f"--since needs a git work tree; {root}: {unusable.reason}") from None
    try:
        commit = run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip().decode("ascii")
    except GitUnusable:
        raise ValueError(f"unknown git revision {ref!r} in {root}") from None
    try:
        # `git diff REF` would rewrite the index; the index's own diff plus status do not.
        staged = run("diff-index", "--cached", "--name-only", "-z", "--no-renames", "--relative", commit)
        status = _read_status(run)
    except GitUnusable as unusable:
        raise ValueError(f"git could not compare {root} with {ref!r}: {unusable.reason}") from None
    changed = set(_records(staged)) | status.modified | set(status.untracked)
    return {shown(p) for p in changed if not p.endswith("/") and os.path.lexists(Path(root, p))}


# --- git -----------------------------------------------------------------------------


@dataclass
class _Status:
    state: GitState
    modified: set[str]  # work tree differs from the index (or unmerged)
    untracked: list[str]
    unreadable: list[tuple[str, str]]


def _from_git(scope: _Scope, run: Git, last: LastListing | None) -> Discovery:
    # A file git status calls unchanged holds its blob, but not always as the same bytes: git
    # converts line ends, applies a working-tree encoding, smudges an LFS pointer. When git
    # rewrites a file so, it rewrites the index too (a checkout, a pull); and status calls a
    # file whose size is not the one its index entry recorded modified. So while the index
    # file is the one the last run saw, such a file has the last run's size, taken without an
    # lstat; otherwise every file is lstat'd. Left out: an entry whose recorded size git
    # cleared (read-tree, stash pop: status compares the content then), rewritten by hand as
    # other bytes of the same blob, keeps its last size until the index is written again.
    index = _index_stamp(run.index)
    trusted = last if last is not None and index is not None and last.index == index else None
    # git status takes longest (it compares every file with the index): this process reads the
    # index's listing and lstats the files meanwhile.
    with run.start(*_STATUS_COMMAND.split(), "--", ".") as running:
        # -v tags each entry: "H" an ordinary one, lower case when marked assume-unchanged (status
        # does not look at it then), "S" when outside a sparse checkout (not in the work tree).
        tracked: dict[str, str | None] = {}  # path -> blob, while status does not say it was modified
        known: dict[str, int] = {}  # path -> size, of the files the last run saw with their blob
        for record in _records(run("ls-files", "-z", "--stage", "-v")):
            meta, _, path = record.partition("\t")
            tag, mode, blob, number = meta.split(" ")
            if mode == GITLINK_MODE:
                scope.add_submodule(path)
            elif mode == SYMLINK_MODE:
                scope.skip_link(path)
            else:
                ordinary = tag == "H" and number == "0"
                tracked[path] = blob if ordinary else None
                size = trusted.size(_names(path)[0], blob) if trusted is not None and ordinary else None
                # Not an empty file: git compares its content, not its size, and one that became
                # other bytes of the same (empty) blob would keep a size 0 that waives its license.
                if size:
                    known[path] = size
        found = {path: scope.inspect(path) for path in tracked if path not in known}
        status = _parse_status(*running.finish(), run.prefix)
    for path in status.modified:
        if path in tracked:
            tracked[path] = None
            known.pop(path, None)
            if path not in found:
                found[path] = scope.inspect(path)
    for path, blob in tracked.items():
        if path in known:
            scope.add_known(path, blob, known[path])
        elif (info := found[path]) is not None:
            scope.add_file(path, info, blob)
    for path in status.untracked:
        if path.endswith("/"):  # git shows a nested repository as one untracked folder
            scope.add_submodule(path[:-1])
        elif path not in tracked:
            info = scope.inspect(path)
            if info is not None:
                scope.add_file(path, info)
    scope.problems.extend(status.unreadable)
    return scope.discovery(status.state, index)


# An index written this close to the scan may be written again within its timestamps'
# resolution (one second, or two on FAT) and keep its stamp: as git does with its own racy
# entries, such an index is not trusted next run.
RACY_NS = 3_000_000_000


def _index_stamp(index: str) -> str | None:
    """The stamp of git's index file for the next run to compare (extract.stat_key), or None
    when it is missing or was written too recently to tell a later write from it."""
    try:
        info = os.lstat(index)
    except OSError:
        return None
    if time.time_ns() - info.st_mtime_ns < RACY_NS:
        return None
    return stat_key(info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


def _read_status(run: Git) -> _Status:
    out, err = run.with_stderr(*_STATUS_COMMAND.split(), "--", ".")
    return _parse_status(out, err, run.prefix)


def _parse_status(out: bytes, err: str, prefix: str) -> _Status:
    """Read `git status --porcelain=v2 -z --branch` output; `prefix` is the root's path
    below the top level, which status puts in front of every path."""
    headers: dict[str, str] = {}
    modified: set[str] = set()
    untracked: list[str] = []
    dirty = False
    records = iter(_records(out))
    for record in records:
        kind = record[:1]
        dirty = dirty or kind in "12u?"
        if kind == "#":
            key, _, value = record[2:].partition(" ")
            headers[key] = value
        elif kind == "?":
            untracked.append(record[2:].removeprefix(prefix))
        elif kind in _STATUS_FIELDS:
            fields = record.split(" ", _STATUS_FIELDS[kind])
            if kind == "u" or fields[1][1] != ".":
                modified.add(fields[-1].removeprefix(prefix))
            if kind == "2":
                next(records, None)  # the rename's original path
    unreadable = [
        (shown(match[1].removeprefix(prefix).rstrip("/") or "."), f"cannot list folder: {match[2]}")
        for match in _UNREADABLE_FOLDER.finditer(err)
    ]
    commit = headers.get("branch.oid")
    branch = headers.get("branch.head")
    state = GitState(
        commit=None if commit in (None, "(initial)") else commit,
        branch=None if branch in (None, "(detached)") else branch,
        dirty=dirty,
    )
    return _Status(state, modified, untracked, unreadable)


def _records(out: bytes) -> list[str]:
    return [os.fsdecode(record) for record in out.split(b"\0") if record]


def _dotgit_at_or_above(root: Path) -> bool:
    """Whether git was meant to be here: then a fallback to the walk deserves a word."""
    logical, physical = root.absolute(), root.resolve()  # git starts from the physical folder
    folders = {logical, *logical.parents, physical, *physical.parents}
    return any(os.path.lexists(folder / ".git") for folder in folders)


# --- the folder walk -------------------------------------------------------------------


_Layer = tuple[str, "GitIgnoreSpec"]  # a .gitignore: its folder ("" or "dir/") and its patterns


def _walk(scope: _Scope, stamps: bool = True) -> Discovery:
    pending: list[tuple[str, tuple[_Layer, ...]]] = [("", ())]
    while pending:
        folder, layers = pending.pop()
        try:
            opened = _Listing(scope.under + folder)
        except OSError as error:
            where = shown(folder.rstrip("/")) or "."
            scope.problems.append((where, _os_reason("cannot list folder", error)))
            continue
        with opened as entries:
            _walk_folder(scope, folder, entries, layers, pending, stamps)
    return scope.discovery(None)


def _walk_folder(
    scope: _Scope,
    folder: str,
    entries: list[os.DirEntry[str]],
    layers: tuple[_Layer, ...],
    pending: list[tuple[str, tuple[_Layer, ...]]],
    stamps: bool,
) -> None:
    if folder and any(entry.name == ".git" for entry in entries):
        scope.add_submodule(folder[:-1])  # a nested repository or a submodule's work tree
        return
    layers = _with_gitignore(scope, folder, entries, layers)
    filtered = bool(layers) or scope.exclude is not None
    # A folder that lists its names but cannot be searched (r without x) holds files nobody can
    # open or lstat: each is said so ("cannot inspect"), as where every file is lstat'd.
    stamps = stamps or not os.access(scope.under + folder, os.X_OK)
    add_file = scope.add_file
    # One loop without calls for the common entry: it runs once for every file of the tree.
    for entry in entries:
        path = folder + entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            if entry.name == ".git" or (filtered and _left_out(scope, layers, path, is_dir)):
                continue
            if is_dir:
                pending.append((path + "/", layers))
            elif entry.is_file(follow_symlinks=False):  # from the folder's listing: no lstat
                if stamps:
                    add_file(path, entry.stat(follow_symlinks=False))
                else:
                    scope.add_unread(path)
            elif entry.is_symlink():
                scope.skip_link(path)
        except OSError as error:
            scope.problems.append((shown(path), _os_reason("cannot inspect", error)))


class _Listing:
    """A folder's entries, listed through a descriptor of the folder where the platform allows:
    each entry's lstat is then made relative to it (fstatat), and the kernel does not resolve
    the whole path again for every file (a walk of 60,000 files: 200 -> 175 ms). The entries'
    stat is valid inside the `with` block only, while the descriptor is open. OSError when
    the folder cannot be opened or listed."""

    def __init__(self, folder: str) -> None:
        self._fd = -1
        if os.scandir in os.supports_fd:
            self._fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
        try:
            with os.scandir(self._fd if self._fd >= 0 else folder) as listing:
                self._entries = list(listing)
        except BaseException:
            self._close()
            raise

    def __enter__(self) -> list[os.DirEntry[str]]:
        return self._entries

    def __exit__(self, *exc_info: object) -> None:
        self._close()

    def _close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _left_out(scope: _Scope, layers: tuple[_Layer, ...], path: str, is_dir: bool) -> bool:
    return _ignored(layers, path, is_dir) or scope.excluded(path, is_dir)


def _ignored(layers: tuple[_Layer, ...], path: str, is_dir: bool) -> bool:
    # The nearest .gitignore that has a say decides, as in git.
    for base, spec in reversed(layers):
        verdict = spec.check_file(path[len(base) :] + ("/" if is_dir else "")).include
        if verdict is not None:
            return verdict
    return False


def _with_gitignore(
    scope: _Scope, folder: str, entries: list[os.DirEntry[str]], layers: tuple[_Layer, ...]
) -> tuple[_Layer, ...]:
    found = [e for e in entries if e.name == ".gitignore"]
    path = folder + ".gitignore"
    try:
        if not found or not found[0].is_file(follow_symlinks=False):
            return layers  # git does not follow a symlinked .gitignore either
        # Read like any file of the tree: no symlink, no FIFO swapped in, a bounded size.
        # Two bytes past the limit: the first may be the newline ending the last line read,
        # the second says whether the file goes on after it.
        data = read_regular(Path(scope.under + path), MAX_IGNORE_BYTES + 2)
    except (OSError, ExtractError) as error:
        reason = _os_reason("cannot read", error) if isinstance(error, OSError) else f"cannot read: {error}"
        scope.problems.append((shown(path), reason))
        return layers
    cut = len(data) > MAX_IGNORE_BYTES + 1
    if cut:  # read up to the last whole line: a line cut short is another pattern ("bui" of "build/")
        data = data[: data.rfind(b"\n", 0, MAX_IGNORE_BYTES + 1) + 1]
    lines = data.decode("utf-8", "surrogateescape").splitlines()
    patterns = [line for line in lines if line.strip() and not line.startswith("#")]
    good = [line for line in patterns[:MAX_IGNORE_PATTERNS] if not costly(line) and valid_pattern(line)]
    if len(good) < len(patterns) or cut:  # git skips a bad pattern and keeps the rest; so do we
        more = "+" if cut else ""  # and the lines after the first MAX_IGNORE_BYTES, not counted
        skipped = f"patterns skipped (invalid, too costly or too many): {len(patterns) - len(good)}{more}"
        scope.problems.append((shown(path), skipped))
    from pathspec import GitIgnoreSpec  # late: 20 ms to import, and most folders have no .gitignore

    return (*layers, (folder, GitIgnoreSpec.from_lines(good)))


def valid_pattern(line: str) -> bool:
    """Whether `line` is a gitignore pattern pathspec can use ("[z-a]" compiles to a regex
    that `re` refuses: git skips such a line)."""
    try:
        from pathspec import GitIgnoreSpec

        GitIgnoreSpec.from_lines([line])
    except (ValueError, re.error):
        return False
    return True


def costly(pattern: str) -> bool:
    """A pattern whose regex could backtrack for seconds on one long path (`*a*a*a*b`
    tried on "aaaa...a"): more wildcards than real ignore files use."""
    names = pattern.split("/")
    runs = [len(_WILDCARD_RUN.findall(name)) for name in names]
    return len(pattern) > MAX_PATTERN or sum(runs) > MAX_WILDCARDS or max(runs) > MAX_WILDCARDS_PER_NAME


# --- what both ways share -----------------------------------------------------------


class _Scope:
    """What a discovery has found so far, and the rules for what it keeps."""

    def __init__(
        self, root: Path, exclude: GitIgnoreSpec | None, problems: list[tuple[str, str]] | None = None
    ) -> None:
        self.under = os.path.join(root, "")  # joined as strings: Path's `/` costs more than the lstat
        self.exclude = exclude
        self.problems: list[tuple[str, str]] = problems if problems is not None else []
        self.files: list[DiscoveredFile] = []
        self.submodules: list[str] = []
        self._folders: dict[str, bool] = {"": True}  # folder -> real folder, not excluded

    def excluded(self, path: str, is_dir: bool) -> bool:
        return self.exclude is not None and bool(self.exclude.match_file(path + ("/" if is_dir else "")))

    def add_submodule(self, path: str) -> None:
        if self._folder_ok(_parent(path)) and not self.excluded(path, True):
            self.submodules.append(shown(path))

    def inspect(self, path: str) -> os.stat_result | None:
        """The lstat of a path git lists, if it is kept: still there, not excluded, and reached
        without passing through a symlinked folder."""
        if not self._keeps(path):
            return None
        try:
            return os.lstat(self.under + path)
        except FileNotFoundError:
            return None  # tracked but deleted from the work tree
        except OSError as error:
            self.problems.append((shown(path), _os_reason("cannot inspect", error)))
            return None

    def add_known(self, path: str, blob: str | None, size: int) -> None:
        """A file the last run saw, unchanged since (see _from_git): kept without an lstat,
        unless excluded or below a symlinked folder."""
        if self._keeps(path):
            display, on_disk = _names(path)
            self.files.append(DiscoveredFile(display, size, blob, on_disk=on_disk))

    def skip_link(self, path: str) -> None:
        """A symbolic link is not followed (out of the tree it could read anything; reuse does
        not follow them either); one named as a licence or REUSE file is said to be skipped, or
        a LICENSE -> docs/license.txt link ends in "add a LICENSE file" with no reason given."""
        from licensecheck import classify  # only when a link is met: most trees have none

        name = path.rpartition("/")[2]
        named = classify.is_license_file(path) or name == "REUSE.toml" or name.endswith(".license")
        if named and self._keeps(path):
            self.problems.append((shown(path), LINK_NOT_FOLLOWED))

    def _keeps(self, path: str) -> bool:
        inside_git = ".git" in path.split("/")
        return not inside_git and not self.excluded(path, False) and self._folder_ok(_parent(path))

    def add_file(self, path: str, info: os.stat_result, blob: str | None = None) -> None:
        if not stat.S_ISREG(info.st_mode):  # symlinks, FIFOs, sockets and devices are never listed
            if stat.S_ISLNK(info.st_mode):
                self.skip_link(path)
            return
        display, on_disk = _names(path)
        self.files.append(
            DiscoveredFile(
                display, info.st_size, blob, info.st_mtime_ns, info.st_ino, info.st_ctime_ns, on_disk
            )
        )

    def add_unread(self, path: str) -> None:
        """A regular file, by its folder's listing, kept without an lstat (see discover)."""
        display, on_disk = _names(path)
        self.files.append(DiscoveredFile(display, SIZE_UNREAD, on_disk=on_disk))

    def discovery(self, git: GitState | None, index: str | None = None) -> Discovery:
        return Discovery(
            files=tuple(sorted(self.files, key=attrgetter("path"))),
            submodules=tuple(sorted(set(self.submodules))),
            problems=tuple(sorted(set(self.problems))),
            git=git,
            index=index,
        )

    def _folder_ok(self, folder: str) -> bool:
        known = self._folders.get(folder)
        if known is None:
            known = self._folder_ok(_parent(folder)) and not self.excluded(folder, True)
            if known:
                try:
                    known = stat.S_ISDIR(os.lstat(self.under + folder).st_mode)
                except OSError:
                    known = False
            self._folders[folder] = known
        return known


def _names(path: str) -> tuple[str, str | None]:
    """How a path is shown, and the name to read it by when that is not the same (pathnames)."""
    if path.isascii() and "\\" not in path:
        return path, None
    display = shown(path)
    return display, None if display == path else path


def _parent(path: str) -> str:
    return path.rpartition("/")[0]


def _exclude_spec(patterns: Sequence[str]) -> GitIgnoreSpec | None:
    if not patterns:
        return None
    for pattern in patterns:
        if not valid_pattern(pattern):
            raise ValueError(f"invalid exclude pattern: {pattern!r}")
        if costly(pattern):
            raise ValueError(f"exclude pattern too costly to match: {pattern!r} ({COST_LIMITS})")
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(list(patterns))


def _os_reason(what: str, error: OSError) -> str:
    return f"{what}: {error.strerror or error}"
