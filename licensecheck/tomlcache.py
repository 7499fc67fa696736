# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The package's own TOML files (knowledge base, messages, profiles), parsed once per content,
and the tables built from its data, built once per data and code.

tomllib is pure Python: parsing the knowledge base took 70 ms of every scan, the message
catalog 7 ms of every run. Parsed tables are kept in the cache folder, keyed by a hash of
the files' bytes (and the Python that wrote them), and load in a fraction of a
millisecond; an edited file is parsed again. So are the knowledge base's alias table and
identification's name table (10-15 ms each to build, a tenth of a small scan), keyed by
their data and the source of the code that builds them.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from licensecheck import atomic

_FORMAT = 1  # of the cached tables

Table = dict[str, Any]
Built = TypeVar("Built")


def digest(contents: dict[str, bytes]) -> str:
    """A hash of the files (name -> bytes)."""
    found = hashlib.sha256()
    for name, content in contents.items():
        found.update(name.encode() + b"\0" + content + b"\0")
    return found.hexdigest()


def parse(name: str, content: bytes) -> Table:
    """One file parsed; raises ValueError (tomllib's error, or bad UTF-8) naming the file."""
    import tomllib  # only when a file is new: most runs never need the parser

    try:
        return tomllib.loads(content.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{name}: not valid TOML: {error}") from error


def parsed(
    kind: str, contents: dict[str, bytes], parser: Callable[[str, bytes], Table] = parse
) -> dict[str, Table]:
    """Each file (name -> bytes) parsed by `parser`, from the cache when these exact bytes
    were parsed before; `kind` names the cache file."""
    return derived(
        kind,
        digest(contents),
        lambda: {name: parser(name, content) for name, content in contents.items()},
        usable=lambda tables: isinstance(tables, dict) and set(tables) == set(contents),
    )


def derived(
    kind: str,
    inputs: str,
    build: Callable[[], Built],
    usable: Callable[[object], bool] = lambda made: made is not None,
) -> Built:
    """What `build` makes (plain data that marshal holds), from the cache when it was made
    from the same `inputs`, a description of everything it depends on (data and code), and
    is `usable`; `kind` names the cache file."""
    stamp = f"{inputs}|{sys.version}|{_FORMAT}"
    path = atomic.cache_dir() / f"{kind}-{hashlib.sha256(stamp.encode()).hexdigest()[:24]}.marshal"
    cached = atomic.read_stamped(path, stamp)
    if usable(cached):
        return cached  # type: ignore[return-value]
    made = build()
    atomic.write_stamped(path, stamp, made)
    return made


@cache
def code_digest(module_file: str) -> str:
    """A hash of a module's source, for the `inputs` of what its code builds."""
    with open(module_file, "rb") as source:
        return hashlib.sha256(source.read()).hexdigest()[:16]
