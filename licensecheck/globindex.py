# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
r"""Find the last of many globs that matches a path, without trying them all.

REUSE.toml annotations and dep5 paragraphs both say "the last match wins", and
both are asked once per file of trees with tens of thousands of files, sometimes
with thousands of globs (a converted dep5 lists folder after folder). Trying
every glob on every path costs that product, so globs are indexed by what they
say literally, which a matching path must repeat:

- a glob without wildcards is a dict key;
- a glob with wildcards hangs in a folder tree under the folders of its literal
  prefix (the text before its first wildcard), and in that folder under its
  literal suffix (the text after its last wildcard, such as `.kicad_pcb`).

A path then tries only the globs of its own folder chain whose suffix it ends
with, latest first, and stops at the first that matches.

>>> def glob(text):  # "*" is a wildcard for anything, every other character literal
...     return compile_glob([(None, ".*") if c == "*" else (c, "") for c in text])
>>> index = GlobIndex(enumerate(map(glob, ["docs/*", "docs/logo.svg", "*.stl"])))
>>> [index.last_match(p) for p in ("docs/logo.svg", "docs/a/b.md", "case.stl", "src/a.c")]
[1, 0, 2, -1]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_Glob = tuple[int, re.Pattern[str]]  # (position, regex)
Token = tuple[str | None, str]  # (a literal character, "") or (None, the regex of a wildcard)
Compiled = tuple[str, str, re.Pattern[str] | None]


def compile_glob(tokens: list[Token]) -> Compiled:
    """A tokenised glob's literal prefix and suffix (the text before its first and after
    its last wildcard) and its regex; no regex for a glob without wildcards."""
    wild = [i for i, (char, _) in enumerate(tokens) if char is None]
    if not wild:
        return "".join(char for char, _ in tokens if char is not None), "", None
    prefix = "".join(char for char, _ in tokens[: wild[0]] if char is not None)
    suffix = "".join(char for char, _ in tokens[wild[-1] + 1 :] if char is not None)
    body = "".join(re.escape(char) if char is not None else regex for char, regex in tokens)
    return prefix, suffix, re.compile(body, re.DOTALL)


class _Folder:
    __slots__ = ("by_suffix", "children", "suffix_lengths")

    def __init__(self) -> None:
        self.children: dict[str, _Folder] = {}
        self.by_suffix: dict[str, list[_Glob]] = {}  # "" holds the globs ending in a wildcard
        self.suffix_lengths: tuple[int, ...] = ()


class GlobIndex:
    def __init__(self, globs: Iterable[tuple[int, Compiled]]) -> None:
        """`globs`: (position, what `compile_glob` made of the glob)."""
        self._exact: dict[str, int] = {}
        self._root = _Folder()
        for position, (prefix, suffix, regex) in globs:
            if regex is None:
                self._exact[prefix] = max(position, self._exact.get(prefix, -1))
                continue
            folder = self._root
            for name in prefix.split("/")[:-1]:
                folder = folder.children.setdefault(name, _Folder())
            folder.by_suffix.setdefault(suffix, []).append((position, regex))
        _finish(self._root)

    def last_match(self, path: str) -> int:
        """The highest position whose glob matches the whole path, -1 when none does."""
        best = self._exact.get(path, -1)
        for folder in _folder_chain(self._root, path.split("/")[:-1]):
            for length in folder.suffix_lengths:
                candidates = folder.by_suffix.get(path[-length:] if length else "")
                if candidates:
                    best = _latest_match(candidates, path, best)
        return best


def _folder_chain(root: _Folder, names: list[str]) -> Iterator[_Folder]:
    """The indexed folders a path lies in, from the root down."""
    folder = root
    yield folder
    for name in names:
        next_folder = folder.children.get(name)
        if next_folder is None:
            return
        folder = next_folder
        yield folder


def _latest_match(candidates: list[_Glob], path: str, best: int) -> int:
    for position, regex in candidates:
        if position <= best:
            break  # the rest are older
        if regex.fullmatch(path):
            return position
    return best


def _finish(folder: _Folder) -> None:
    for candidates in folder.by_suffix.values():
        candidates.sort(key=lambda glob: -glob[0])
    folder.suffix_lengths = tuple(sorted({len(suffix) for suffix in folder.by_suffix}))
    for child in folder.children.values():
        _finish(child)
