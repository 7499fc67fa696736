# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Files written whole or not at all, and where licensecheck keeps its caches.

A temporary file in the target's folder is renamed over the target, so a reader
(another run, a browser opening a report) sees the old file or the new one, never
half of one; an interrupted write leaves no temporary behind.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from pathlib import Path

from licensecheck.model import collector_paused


def cache_dir() -> Path:
    """`$LICENSECHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/licensecheck` (when absolute), else
    `~/.cache/licensecheck`."""
    explicit = os.environ.get("LICENSECHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is invalid, to be ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "licensecheck"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write(target: Path, data: bytes | list[bytes | memoryview], shared: bool = False) -> None:
    """Replace `target` with `data` (or its pieces, one after the other: megabytes need not be
    joined first); `shared` gives it the umask's permissions (mkstemp's are owner-only, right
    for a cache, wrong for a report meant to be handed over)."""
    fd, temporary = _new_file_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in [data] if isinstance(data, bytes) else data:
                handle.write(piece)
        if shared:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _new_file_beside(target: Path) -> tuple[int, str]:
    """A new, owner-only file in `target`'s folder, as tempfile.mkstemp makes one (importing
    tempfile would cost a warm scan 6 ms)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        name = os.path.join(target.parent, f".{target.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def read_stamped(path: Path, stamp: str) -> object | None:
    """What a cache file written by `write_stamped` holds, when it carries `stamp`; None when it
    is absent, unreadable, corrupt or from other code or data."""
    try:
        data = path.read_bytes()
        # Tens of thousands of lists and tuples at once: the collector would walk them all, and
        # everything else alive, several times over (half the load of a 60,000-file cache).
        with collector_paused():
            found, payload = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if found != stamp:
        return None
    mark_used(path)
    return payload


def mark_used(path: Path) -> None:
    """Tell the pruning (licensecheck.prune) that a cache file is still read."""
    with contextlib.suppress(OSError):
        os.utime(path)


def write_cache(path: Path, data: bytes | list[bytes | memoryview]) -> bool:
    """Write a cache file whole, making its folder; False when it cannot be written, which
    only costs the next run the time to make it again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path, data)
    except OSError:
        return False
    return True


def write_stamped(path: Path, stamp: str, payload: object) -> None:
    """Keep `payload` (plain data: marshal loads it several times faster than JSON) with `stamp`.
    A cache that cannot be written, or a value marshal cannot hold, only costs time next run."""
    try:
        data = marshal.dumps((stamp, payload))
    except ValueError:
        return
    write_cache(path, data)
