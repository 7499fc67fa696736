# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
r"""REUSE.toml: parse the files and apply their annotations to a file (REUSE 3.3).

A `REUSE.toml` covers files in its directory and below. In one REUSE.toml the last
`[[annotations]]` table whose `path` matches a file is that REUSE.toml's table for
the file. Across REUSE.toml files, `precedence` decides:

- `override`: the override table closest to the project root decides alone; the
  file's own information and everything in closer REUSE.toml files is ignored.
  Aggregate tables further up still add (override only silences what is closer);
  closest tables further up do not (the spec: "closest is ignored").
- `aggregate`: the table's information is always added.
- `closest` (default): a fallback. The file's own information (header, embedded
  field, `.license` sidecar) is used when present, otherwise the closest REUSE.toml
  whose table has some; decided separately for copyright and for licensing.

>>> toml = parse('version = 1\n[[annotations]]\npath = "*.stl"\n'
...              'SPDX-License-Identifier = "CERN-OHL-S-2.0"\n', "REUSE.toml")
>>> licenses, copyrights = apply([toml], "case.stl", [], [])
>>> [e.raw for e in licenses]
['CERN-OHL-S-2.0']

Globs follow the spec and the reference `reuse` tool: `*` matches anything but `/`;
`**`, and `**/` with its slash, match anything (so `src/**/x.c` matches `src/x.c`,
and also `src/ax.c`); `?` and `[` are literal. In the TOML source `"\\*"` is a
literal star and `"\\\\"` a literal backslash: once TOML has decoded the string, a
backslash makes the character after it literal. A file name that is not UTF-8 is
matched as reuse sees it, one character per undecodable byte (see globindex).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from licensecheck.globindex import Compiled, GlobIndex, Token, compile_glob
from licensecheck.model import Evidence

VERSION = 1
# A REUSE.toml past these is generated or hostile: each glob costs a regex to build.
MAX_ANNOTATIONS = 20_000
MAX_PATTERN = 4096  # characters in one path glob
PRECEDENCES = ("closest", "aggregate", "override")
PATH_KEY = "path"
COPYRIGHT_KEY = "SPDX-FileCopyrightText"
LICENSE_KEY = "SPDX-License-Identifier"
_HEADER = re.compile(r"""[ \t]*\[\[[ \t]*(?:annotations|"annotations"|'annotations')[ \t]*\]\]""")
_DRIVE = re.compile(r"[A-Za-z]:(?:/|\\|$)")


class ReuseTomlError(ValueError):
    """The REUSE.toml is not valid; the message names the file and the place."""


@dataclass(frozen=True)
class Annotation:
    patterns: tuple[str, ...]  # as written
    precedence: str  # "closest" | "aggregate" | "override"
    copyrights: tuple[str, ...]
    licenses: tuple[str, ...]  # raw SPDX expressions as written
    index: int  # position in the file (0-based)
    line: int | None  # line of its [[annotations]] header in the file


@dataclass(frozen=True)
class ReuseToml:
    path: str  # relative path of the REUSE.toml, "/" separators
    annotations: tuple[Annotation, ...]
    # The folder the REUSE.toml sits in, "" for the project root.
    directory: str = field(init=False, repr=False, compare=False, default="")
    _index: GlobIndex = field(init=False, repr=False, compare=False, default=None)  # type: ignore[assignment]
    # The evidence each annotation gives, made once and handed to every file it matches.
    _evidence: dict[int, _Given] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        # Worked out once per REUSE.toml: apply() runs for every file of the tree.
        object.__setattr__(self, "directory", self.path.rpartition("/")[0])
        object.__setattr__(self, "_index", _glob_index(self.annotations))

    def annotation_for(self, relative_path: str) -> Annotation | None:
        """The last table matching a path relative to `directory`, or None."""
        position = self._index.last_match(relative_path)
        return self.annotations[position] if position >= 0 else None


# ---------------------------------------------------------------------------- parse


def parse(text: str, path: str) -> ReuseToml:
    """Read a REUSE.toml; raise ReuseTomlError saying what is wrong and where."""
    path = path.removeprefix("./")  # as results show it: "/" separators, a backslash a name's own
    try:
        data = tomllib.loads(text)
    except (ValueError, RecursionError) as error:  # TOMLDecodeError, int digit limit, deep nesting
        raise ReuseTomlError(f"{path}: not valid TOML: {error}") from error
    _check_version(data, path)
    tables = data.get("annotations", [])
    if not isinstance(tables, list):
        raise ReuseTomlError(f"{path}: annotations must be an array of tables ([[annotations]])")
    if len(tables) > MAX_ANNOTATIONS:
        raise ReuseTomlError(f"{path}: {len(tables)} annotations, more than the limit of {MAX_ANNOTATIONS}")
    lines = _header_lines(text, len(tables))
    annotations = tuple(_annotation(table, i, lines[i], path) for i, table in enumerate(tables))
    return ReuseToml(path=path, annotations=annotations)


def _check_version(data: dict, path: str) -> None:
    if "version" not in data:
        raise ReuseTomlError(f"{path}: version is required (version = {VERSION})")
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ReuseTomlError(f"{path}: version must be an integer (got {version!r})")
    if version != VERSION:
        raise ReuseTomlError(f"{path}: version {version} is not supported (REUSE 3.3 defines {VERSION})")


def _header_lines(text: str, count: int) -> list[int | None]:
    """Line of each [[annotations]] header; None for all when they cannot be told apart
    (inline arrays, or a header-like line inside a multi-line string)."""
    found = [n for n, line in enumerate(text.split("\n"), start=1) if _HEADER.match(line)]
    return list(found) if len(found) == count else [None] * count


def _annotation(table: object, index: int, line: int | None, path: str) -> Annotation:
    where = f"annotations[{index}]"
    at = "" if line is None else f" (line {line})"
    if not isinstance(table, dict):
        raise ReuseTomlError(f"{path}: {where} must be a table{at}")

    def strings(key: str, required: bool) -> tuple[str, ...]:
        value = table.get(key)
        if value is None and required:
            raise ReuseTomlError(f"{path}: {where}.{key} is required{at}")
        value = [] if value is None else [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ReuseTomlError(f"{path}: {where}.{key} must be a string or a list of strings{at}")
        if required and not value:
            raise ReuseTomlError(f"{path}: {where}.{key} must not be empty{at}")
        return tuple(value)

    patterns = strings(PATH_KEY, required=True)
    for pattern in patterns:
        problem = _pattern_problem(pattern)
        if problem:
            raise ReuseTomlError(f"{path}: {where}.{PATH_KEY} {pattern!r} {problem}{at}")
    precedence = table.get("precedence", "closest")
    if precedence not in PRECEDENCES:
        raise ReuseTomlError(
            f"{path}: {where}.precedence must be one of {', '.join(PRECEDENCES)} (got {precedence!r}){at}"
        )
    return Annotation(
        patterns=patterns,
        precedence=precedence,
        copyrights=strings(COPYRIGHT_KEY, required=False),
        licenses=strings(LICENSE_KEY, required=False),
        index=index,
        line=line,
    )


def _pattern_problem(pattern: str) -> str | None:
    """Why a path may not be used, or None: it must stay in the REUSE.toml's folder."""
    plain = re.sub(r"\\(.)", r"\1", pattern, flags=re.DOTALL)
    if not plain:
        return "is empty"
    if len(pattern) > MAX_PATTERN:
        return f"is longer than {MAX_PATTERN} characters"
    if plain.startswith("/") or _DRIVE.match(plain):
        return "is absolute; write it relative to the REUSE.toml's folder"
    segments = plain.split("/")
    if ".." in segments:
        return "leaves the REUSE.toml's folder ('..')"
    if "." in segments:
        return "contains a '.' segment; write the path without './'"
    return None


# ---------------------------------------------------------------------------- match


_STAR, _GLOBSTAR = (None, "[^/]*"), (None, ".*")


@lru_cache(maxsize=65536)
def _compile(pattern: str) -> Compiled:
    """Tokenise a REUSE.toml glob: `\\` quotes the next character; `*` stays in its
    folder; `**` (more stars alike) and `**/` with its slash match anything."""
    tokens: list[Token] = []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\" and i + 1 < n:
            tokens.append((pattern[i + 1], ""))
            i += 2
        elif char == "*":
            end = i
            while end < n and pattern[end] == "*":
                end += 1
            if end - i == 1:
                tokens.append(_STAR)
            else:
                tokens.append(_GLOBSTAR)
                end += pattern.startswith("/", end)
            i = end
        else:
            tokens.append((char, ""))
            i += 1
    return compile_glob(tokens)


def _glob_index(annotations: Sequence[Annotation]) -> GlobIndex:
    return GlobIndex(
        (position, _compile(pattern))
        for position, annotation in enumerate(annotations)
        for pattern in annotation.patterns
    )


# ---------------------------------------------------------------------------- apply

_Hit = tuple[ReuseToml, Annotation]
_Given = tuple[tuple[Evidence, ...], tuple[Evidence, ...]]  # (licenses, copyrights) of one annotation


def apply(
    tomls: Sequence[ReuseToml],
    file_path: str,
    own_licenses: Sequence[Evidence],
    own_copyrights: Sequence[Evidence],
) -> tuple[list[Evidence], list[Evidence]]:
    """The file's license and copyright evidence once the REUSE.toml files are applied.

    `own_*` is what the file says itself (header, embedded field or sidecar); it is
    returned unchanged where it applies.
    """
    hits = _hits(tomls, file_path)
    if not hits:  # most files of most trees
        return list(own_licenses), list(own_copyrights)
    override = next((i for i, (_, a) in enumerate(hits) if a.precedence == "override"), None)
    if override is not None:
        above = hits[:override]
        chosen = [hits[override]]
        licenses, copyrights = _licenses(chosen), _copyrights(chosen)
    else:
        above = hits
        fallback = [hit for hit in hits if hit[1].precedence == "closest"]
        licenses = list(own_licenses) or _licenses(_closest(fallback, "licenses"))
        copyrights = list(own_copyrights) or _copyrights(_closest(fallback, "copyrights"))
    added = [hit for hit in above if hit[1].precedence == "aggregate"]
    return licenses + _licenses(added), copyrights + _copyrights(added)


def covers(tomls: Sequence[ReuseToml], file_path: str) -> bool:
    """Whether an annotation of a REUSE.toml matches the file."""
    return bool(tomls) and bool(_hits(tomls, file_path))


def _hits(tomls: Sequence[ReuseToml], file_path: str) -> list[_Hit]:
    """The matching table of each REUSE.toml covering the file, root first."""
    hits: list[tuple[int, _Hit]] = []
    for toml in tomls:
        folder = toml.directory
        if not folder:
            position = toml._index.last_match(file_path)  # annotation_for() inlined: asked of every file
        elif file_path.startswith(folder) and file_path[len(folder) : len(folder) + 1] == "/":
            position = toml._index.last_match(file_path[len(folder) + 1 :])
        else:
            continue
        if position >= 0:
            hits.append((folder.count("/") + bool(folder), (toml, toml.annotations[position])))
    if not hits:
        return []
    if len(hits) > 1:
        hits.sort(key=lambda item: item[0])
    return [hit for _, hit in hits]


def _closest(hits: list[_Hit], kind: str) -> list[_Hit]:
    """The deepest hit that has information of this kind ("licenses" or "copyrights")."""
    return next(([hit] for hit in reversed(hits) if getattr(hit[1], kind)), [])


def _detail(toml: ReuseToml, annotation: Annotation) -> str:
    return f"{toml.path} annotations[{annotation.index}] {annotation.precedence}"


def _licenses(hits: list[_Hit]) -> list[Evidence]:
    return [item for toml, a in hits for item in _given(toml, a)[0]]


def _copyrights(hits: list[_Hit]) -> list[Evidence]:
    return [item for toml, a in hits for item in _given(toml, a)[1]]


def _given(toml: ReuseToml, annotation: Annotation) -> _Given:
    found = toml._evidence.get(annotation.index)
    if found is None:
        detail = _detail(toml, annotation)
        licenses = tuple(
            Evidence(source="reuse-toml", raw=raw, line=annotation.line, detail=detail)
            for raw in annotation.licenses
        )
        copyrights = tuple(
            Evidence(source="reuse-toml", copyright=notice, line=annotation.line, detail=detail)
            for notice in annotation.copyrights
        )
        found = toml._evidence[annotation.index] = (licenses, copyrights)
    return found
