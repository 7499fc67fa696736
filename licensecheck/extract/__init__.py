# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Extract: turn one file's bytes into evidence.

`header.extract_header` reads SPDX tags and copyright notices from any text
file. Format extractors read the fields a design format keeps its license in;
each is one module with one entry point, registered below by format id and
imported only when a file of that format turns up.

An extractor has the shape `extract(data: bytes, path: str) -> list[Evidence]`
and raises `ExtractError` for a file it cannot parse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from licensecheck.model import DiscoveredFile, Evidence

Extractor = Callable[[bytes, str], list]


class ExtractError(Exception):
    """The file cannot be parsed; the message says why (an `unreadable-file` finding)."""


@dataclass(frozen=True)
class FileScan:
    """What extraction learnt about one file: the hand-off to conclude."""

    file: DiscoveredFile
    category: str
    format: str
    evidence: tuple[Evidence, ...] = ()
    problem: str | None = None
    text: str | None = None  # kept only for the files conclude reads (REUSE.toml, dep5, manifests)


# format id -> "module:function" below licensecheck.extract
REGISTRY: dict[str, str] = {}


def extractor_for(format_id: str) -> Extractor | None:
    target = REGISTRY.get(format_id)
    if target is None:
        return None
    module_name, _, function = target.partition(":")
    return getattr(import_module(f"licensecheck.extract.{module_name}"), function)
