# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Files written whole or not at all, and where licensecheck keeps its caches.

A temporary file in the target's folder is renamed over the target, so a reader
(another run, a browser opening a report) sees the old file or the new one, never
half of one; an interrupted write leaves no temporary behind.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    """`$LICENSECHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/licensecheck`, else `~/.cache/licensecheck`."""
    explicit = os.environ.get("LICENSECHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "licensecheck"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write(target: Path, data: bytes, shared: bool = False) -> None:
    """Replace `target` with `data`; `shared` gives it the umask's permissions (mkstemp's are
    owner-only, right for a cache, wrong for a report meant to be handed over)."""
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if shared:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_stamped(path: Path, stamp: str) -> object | None:
    """What a cache file written by `write_stamped` holds, when it carries `stamp`; None when it
    is absent, unreadable, corrupt or from other code or data."""
    try:
        found, payload = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return payload if found == stamp else None


def write_stamped(path: Path, stamp: str, payload: object) -> None:
    """Keep `payload` (plain data: marshal loads it several times faster than JSON) with `stamp`.
    A cache that cannot be written, or a value marshal cannot hold, only costs time next run."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path, marshal.dumps((stamp, payload)))
    except (OSError, ValueError):
        return
