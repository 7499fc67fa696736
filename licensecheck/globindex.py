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

Paths come as results show them (`pathnames.shown`); globs are written for names. A
path showing an escape (`\xNN` for a byte that is not UTF-8, `\\` for a backslash) is
matched as the name it stands for, one character per undecodable byte as os.fsdecode
gives it, which is how the reuse tool sees names: a one-character wildcard (dep5's
`?`) takes one such byte, a `*` never stops inside one, a backslash is one character.

>>> def glob(text):  # "*" is a wildcard for anything, every other character literal
...     return compile_glob([(None, ".*") if c == "*" else (c, "") for c in text])
>>> index = GlobIndex(enumerate(map(glob, ["docs/*", "docs/logo.svg", "*.stl"])))
>>> [index.last_match(p) for p in ("docs/logo.svg", "docs/a/b.md", "case.stl", "src/a.c")]
[1, 0, 2, -1]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from licensecheck.pathnames import local

_Glob = tuple[int, re.Pattern[str]]  # (position, regex)
Token = tuple[str | None, str]  # (a literal character, "") or (None, the regex of a wildcard)
Compiled = tuple[str, str, Any]  # (prefix, suffix, an object with fullmatch(path), or None)


def compile_glob(tokens: list[Token]) -> Compiled:
    """A tokenised glob's literal prefix and suffix (the text before its first and after
    its last wildcard) and its matcher; no matcher for a glob without wildcards."""
    wild = [i for i, (char, _) in enumerate(tokens) if char is None]
    if not wild:
        return "".join(char for char, _ in tokens if char is not None), "", None
    prefix = "".join(char for char, _ in tokens[: wild[0]] if char is not None)
    suffix = "".join(char for char, _ in tokens[wild[-1] + 1 :] if char is not None)
    return prefix, suffix, _matcher(_merge_runs(tokens))


# Wildcards that match a run of characters; any other wildcard regex matches one character.
_ANY_RUN, _FOLDER_RUN = ".*", "[^/]*"
_RUNS = (_ANY_RUN, _FOLDER_RUN)
LONG_PATH = 256  # longer paths are matched without backtracking when a glob could make it costly


def _merge_runs(tokens: list[Token]) -> list[Token]:
    """Adjacent run wildcards as one: `.*` then `[^/]*` (from `**/*`) match what `.*` matches."""
    merged: list[Token] = []
    for token in tokens:
        if merged and token[0] is None and merged[-1][0] is None and {token[1], merged[-1][1]} <= set(_RUNS):
            merged[-1] = (None, _ANY_RUN if _ANY_RUN in (token[1], merged[-1][1]) else _FOLDER_RUN)
        else:
            merged.append(token)
    return merged


def _matcher(tokens: list[Token]):
    """A regex whose run wildcards cannot backtrack into each other.

    `*a*a*a*b` tried on a long name of a's costs a plain regex polynomial time, with one
    power per star. But the text between two run wildcards is best matched at its first
    occurrence, so each run wildcard but the last is an atomic group that stops there.
    That holds when the next run wildcard is a `.*`, which can take back whatever was
    skipped, or when a `[^/]*` skipped only literal text of one folder; not when a `**`
    is followed by a `*`, which cannot take back the folders the `**` skipped. Such
    globs backtrack only on short paths; long paths are matched by simulating the glob,
    in time proportional to the path times the glob.
    """
    runs = [i for i, (char, regex) in enumerate(tokens) if char is None and regex in _RUNS]
    parts = [_regex(token) for token in tokens[: runs[0]]] if runs else [_regex(t) for t in tokens]
    unsafe = 0
    for k, at in enumerate(runs):
        end = runs[k + 1] if k + 1 < len(runs) else len(tokens)
        between = "".join(_regex(token) for token in tokens[at + 1 : end])
        run = tokens[at][1]
        literal = all(char is not None for char, _ in tokens[at + 1 : end])
        if end == len(tokens):  # the last: anchored at the end by fullmatch
            parts.append(run + between)
        elif tokens[end][1] == _ANY_RUN or (run == _FOLDER_RUN and literal):
            parts.append(f"(?>{run}?{between})")
        else:
            unsafe += 1
            parts.append(run + between)
    regex = re.compile("".join(parts), re.DOTALL)
    return regex if not unsafe else _GuardedGlob(regex, tokens, unsafe)


def _regex(token: Token) -> str:
    char, regex = token
    return re.escape(char) if char is not None else regex


class _GuardedGlob:
    """A glob whose regex may backtrack: used as is on short paths, simulated on long ones."""

    __slots__ = ("regex", "tokens", "unsafe")

    def __init__(self, regex: re.Pattern[str], tokens: list[Token], unsafe: int) -> None:
        self.regex, self.tokens, self.unsafe = regex, tokens, unsafe

    def fullmatch(self, path: str) -> bool:
        if self.unsafe == 1 and len(path) <= LONG_PATH:
            return self.regex.fullmatch(path) is not None
        return _simulate(self.tokens, path)


def _simulate(tokens: list[Token], path: str) -> bool:
    """Whether `path` matches the glob, tracking every position in the glob at once."""
    end = len(tokens)

    def closure(states: set[int]) -> set[int]:
        reached = set(states)
        for state in sorted(states):
            while state < end and tokens[state][0] is None and tokens[state][1] in _RUNS:
                state += 1  # a run wildcard may match nothing
                reached.add(state)
        return reached

    states = closure({0})
    for char in path:
        following = set()
        for state in states:
            if state == end:
                continue
            literal, regex = tokens[state]
            if literal is not None:
                if literal == char:
                    following.add(state + 1)
            elif regex == _ANY_RUN or (regex == _FOLDER_RUN and char != "/"):
                following.add(state)
            elif regex not in _RUNS and re.fullmatch(regex, char, re.DOTALL):
                following.add(state + 1)
        if not following:
            return False
        states = closure(following)
    return end in states


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
        if "\\" in path:  # rare: most names show as they are, and are matched as they are
            path = local(path)
        best = self._exact.get(path, -1)
        folder: _Folder | None = self._root
        # The indexed folders the path lies in, from the root down; asked for every file of a
        # tree, so walked here rather than through a generator.
        names = path.split("/") if folder.children else ()
        depth = 0
        while folder is not None:
            for length in folder.suffix_lengths:
                for position, regex in folder.by_suffix.get(path[-length:] if length else "", ()):
                    if position <= best:
                        break  # latest first: the rest are older
                    if regex.fullmatch(path):
                        best = position
                        break
            if depth >= len(names) - 1:
                break
            folder = folder.children.get(names[depth])
            depth += 1
        return best


def _finish(root: _Folder) -> None:
    pending = [root]  # a loop, not recursion: a glob may be thousands of folders deep
    while pending:
        folder = pending.pop()
        for candidates in folder.by_suffix.values():
            candidates.sort(key=lambda glob: -glob[0])
        folder.suffix_lengths = tuple(sorted({len(suffix) for suffix in folder.by_suffix}))
        pending.extend(folder.children.values())
