# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""How a path the file system holds is shown in results, and back.

Linux names are bytes: a zip made on Windows and unzipped here leaves GBK names that are not
UTF-8, which os.fsdecode turns into lone surrogates no report can hold. Such a name is shown
with each undecodable byte as `\\xNN` and each backslash doubled, as git quotes names: a name
shown with a backslash came through this escaping, so two names never show alike (a file
literally named `a\\xff.c` is shown `a\\\\xff.c`), and the shown form reads back to the bytes.
Every other name is shown as it is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_ESCAPED = re.compile(r"\\(\\|x[89a-f][0-9a-f])")


def shown(path: str) -> str:
    """`path` (as os.fsdecode gives it) as results show it."""
    if "\\" not in path:
        try:
            path.encode("utf-8")
            return path
        except UnicodeEncodeError:
            pass
    # backslashreplace writes \xNN for the bytes that are not UTF-8 (never an ASCII one).
    return os.fsencode(path).replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def local(path: str) -> str:
    """The path `path` shows as os functions take it (surrogate-escaped, as os.fsdecode gives)."""
    return path if "\\" not in path else os.fsdecode(on_disk(path))


def on_disk(path: str) -> bytes:
    """The bytes of the name `path` shows (`shown`'s inverse)."""
    if "\\" not in path:
        return path.encode("utf-8")
    unescaped = _ESCAPED.sub(lambda m: "\\" if m[1] == "\\" else chr(0xDC00 + int(m[1][1:], 16)), path)
    return unescaped.encode("utf-8", "surrogateescape")


def below(root: Path, path: Path) -> str | None:
    """`path` as results show a file below `root` ("docs/r.html"), when it lies below it (both
    resolved: a relative -o, a symlinked root); None when it does not, or is `root` itself."""
    try:
        inside = path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return None
    return shown(inside.as_posix()) if inside.parts else None
