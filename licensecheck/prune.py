# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Cache files that no run has used for a month are removed.

Every scanned root leaves its own cache files (`result-NAME.*`, `scan-NAME-*`), and every
version of the code or data its own tables (`identify-index-*`, 5 MB each): a CI runner
that scans a fresh checkout in a new temporary folder each time would fill the disk. A
run that reads a cache file marks it used (atomic.read_stamped sets its modification
time); at most once a day, a run with the cache on removes each root's files when none of
them was used for MAX_AGE, each other file when it was not, and temporary files that an
interrupted run left behind. Nothing it removes is needed: a missing cache file only costs
the next run the time to make it again (Jinja's compiled templates, which reads do not
mark, are compiled again once a month).
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

MAX_AGE = 30 * 24 * 3600  # seconds unused before a cache file goes
EVERY = 24 * 3600  # seconds between two prunings
MARKER = ".pruned"  # its modification time is the last pruning's
TEMPLATES = "templates"  # the folder of Jinja's compiled templates (report.html), this user's alone
_TEMPORARY_AGE = 24 * 3600  # a temporary this old belongs to no live run
# The files licensecheck writes (older formats' names too); nothing else in the folder is
# touched, should the folder be shared (LICENSECHECK_CACHE_DIR=~/.cache by mistake).
_OURS = r"(?:result|scan|identify-index|identify-names|knowledge|knowledge-aliases|messages-[a-z]+|profile)"
_OURS += r"-[0-9a-f]{12,}(?:-\d+)?\.(?:marshal|files|json)"
_TEMPLATE = r"template-[0-9a-f]{40}\.cache"  # Jinja's compiled templates, in TEMPLATES
_CACHE_FILE = re.compile(rf"{_OURS}|{_TEMPLATE}")
# atomic._new_file_beside's temporaries, and Jinja's (tempfile.NamedTemporaryFile's).
_TEMPORARY = re.compile(rf"\.{_OURS}\.[0-9a-f]{{12}}\.tmp|{_TEMPLATE}\w+\.tmp")
# result-NAME.*, scan-NAME-NN.marshal (and scan-NAME.* of older formats) belong to one root.
_ROOT_FILE = re.compile(r"(?:result|scan)-([0-9a-f]+)(?:-\d+)?\.\w+")


def prune(folder: Path, now: float | None = None) -> list[str]:
    """Remove what went unused in `folder` and its TEMPLATES folder (see the module), unless
    it was pruned within a day; the paths removed, relative to `folder`."""
    now = time.time() if now is None else now
    marker = folder / MARKER
    try:
        if now - marker.stat().st_mtime < EVERY:
            return []
    except FileNotFoundError:
        pass
    except OSError:
        return []
    try:
        marker.touch()
        os.utime(marker, (now, now))
    except OSError:  # gone or unwritable: nothing to do here
        return []
    removed = _remove_unused(folder, "", now) + _remove_unused(folder / TEMPLATES, TEMPLATES + "/", now)
    return sorted(removed)


def _remove_unused(folder: Path, shown_as: str, now: float) -> list[str]:
    try:
        entries = [(entry.name, entry.stat().st_mtime) for entry in os.scandir(folder) if entry.is_file()]
    except OSError:  # absent or unreadable
        return []
    removed = []
    for name in _unused(entries, now):
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed.append(shown_as + name)
    return removed


def _unused(entries: list[tuple[str, float]], now: float) -> list[str]:
    """Of (name, modification time), the names to remove."""
    groups: dict[str, list[str]] = {}
    last_used: dict[str, float] = {}
    for name, modified in entries:
        if not (_CACHE_FILE.fullmatch(name) or _TEMPORARY.fullmatch(name)):
            continue
        root = _ROOT_FILE.fullmatch(name)
        group = f"root {root.group(1)}" if root else name
        groups.setdefault(group, []).append(name)
        last_used[group] = max(last_used.get(group, modified), modified)
    return [
        name
        for group, names in groups.items()
        if now - last_used[group] >= (_TEMPORARY_AGE if _is_temporary(group) else MAX_AGE)
        for name in names
    ]


def _is_temporary(name: str) -> bool:
    return _TEMPORARY.fullmatch(name) is not None
