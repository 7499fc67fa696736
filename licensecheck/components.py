# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Components: the combined works of a project, whose licences must fit together.

By default each top-level folder is one component and the files at the root form
another, named `ROOT`. `[components]` in the configuration names components by
gitignore-style patterns; a file goes to the first configured component (in the file's
order) whose patterns match it, and a file no pattern matches falls back to the default.

>>> group(["README.md", "hw/board.kicad_pcb", "fw/main.c", "fw/lib/a.c"], {"firmware": ("fw/**",)})
{'.': ('README.md',), 'firmware': ('fw/lib/a.c', 'fw/main.c'), 'hw': ('hw/board.kicad_pcb',)}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec


ROOT = "."


@cache
def _spec(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    import pathspec  # late: 20 ms to import, needed only when patterns are used

    return pathspec.PathSpec.from_lines("gitignore", patterns)


def default_component(path: str) -> str:
    """The top-level folder of `path`, or ROOT for a file at the root."""
    head, separator, _ = path.partition("/")
    return head if separator else ROOT


def component_of(path: str, configured: Mapping[str, tuple[str, ...]]) -> str:
    for name, patterns in configured.items():
        if _spec(tuple(patterns)).match_file(path):
            return name
    return default_component(path)


def group(paths: Iterable[str], configured: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Component name -> its file paths (sorted), for every component that has a file."""
    return group_by(paths, lambda path: component_of(path, configured))


def group_by(paths: Iterable[str], component: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    """`group` with each path's component given by `component` (one worked out already)."""
    found: dict[str, list[str]] = {}
    for path in paths:
        found.setdefault(component(path), []).append(path)
    return {name: tuple(sorted(paths_)) for name, paths_ in sorted(found.items())}
