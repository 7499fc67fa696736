# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""`.reuse/dep5`: the Debian copyright format 1.0, deprecated by REUSE 3.3 but still read.

The file is paragraphs of `Field: value` lines separated by blank lines; a line
starting with a space or tab continues the field above (" ." stands for an empty
line), a line starting with `#` is a comment. Only `Files` paragraphs matter here:
the header (`Format:`, `Upstream-Name:`, ...) and stand-alone `License` paragraphs
(full license texts) are skipped. The first line of `License` is the expression;
the lines below it are license text and are not read.

The last `Files` paragraph matching a file wins. In `Files` globs `*` matches any
run of characters and `?` any one character, both including `/`; `\\*`, `\\?` and
`\\\\` are literal. REUSE 3.3 adds dep5 information to the file's own (aggregate);
the caller does that.

>>> dep5 = parse("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\\n\\n"
...              "Files: gerbers/*\\nCopyright: 2025 Jane Doe\\nLicense: CERN-OHL-S-2.0\\n")
>>> match(dep5, "gerbers/board-F_Cu.gbr").license
'CERN-OHL-S-2.0'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from licensecheck.globindex import Compiled, GlobIndex, Token, compile_glob
from licensecheck.model import Evidence

DEP5_PATH = ".reuse/dep5"
_FIELD = re.compile(r"([!-9;-~][!-9;-~]*)[ \t]*:(.*)")  # deb822: printable ASCII but ':', no space
_WILDCARDS = {"*": ".*", "?": "."}
_ESCAPABLE = "*?\\"
# A dep5 file past these is generated or hostile: each glob costs a regex to build.
MAX_PATTERNS = 20_000
MAX_PATTERN = 4096  # characters in one glob


class Dep5Error(ValueError):
    """The dep5 file is not valid; the message names the line."""


@dataclass(frozen=True)
class Dep5Paragraph:
    patterns: tuple[str, ...]
    copyrights: tuple[str, ...]
    license: str
    line: int  # first line of the paragraph in the file


@dataclass(frozen=True)
class Dep5:
    paragraphs: tuple[Dep5Paragraph, ...]
    _index: GlobIndex = field(init=False, repr=False, compare=False, default=None)  # type: ignore[assignment]
    # The evidence each paragraph gives, made once and handed to every file it matches.
    _evidence: dict[int, tuple[Evidence, tuple[Evidence, ...]]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        # Built once: match() runs for every file of the tree.
        globs = (
            (position, _compile(pattern))
            for position, paragraph in enumerate(self.paragraphs)
            for pattern in paragraph.patterns
        )
        object.__setattr__(self, "_index", GlobIndex(globs))


def parse(text: str) -> Dep5:
    """Read a dep5 file; raise Dep5Error naming the line of the first problem."""
    paragraphs = []
    for start, fields in _paragraphs(text):
        if "files" not in fields:
            continue
        paragraphs.append(_files_paragraph(start, fields))
    patterns = sum(len(paragraph.patterns) for paragraph in paragraphs)
    if patterns > MAX_PATTERNS:
        raise Dep5Error(f"{DEP5_PATH}: {patterns} Files patterns, more than the limit of {MAX_PATTERNS}")
    return Dep5(paragraphs=tuple(paragraphs))


def match(dep5: Dep5, file_path: str) -> Dep5Paragraph | None:
    """The last `Files` paragraph whose globs match the path, or None."""
    position = dep5._index.last_match(file_path)
    return dep5.paragraphs[position] if position >= 0 else None


def evidence(dep5: Dep5, file_path: str) -> tuple[list[Evidence], list[Evidence]]:
    """License and copyright evidence the dep5 file gives a path (both empty when none)."""
    position = dep5._index.last_match(file_path)
    if position < 0:
        return [], []
    found = dep5._evidence.get(position)
    if found is None:
        paragraph = dep5.paragraphs[position]
        detail = f"{DEP5_PATH} line {paragraph.line}"
        license_ = Evidence(source="dep5", raw=paragraph.license, line=paragraph.line, detail=detail)
        copyrights = tuple(
            Evidence(source="dep5", copyright=notice, line=paragraph.line, detail=detail)
            for notice in paragraph.copyrights
        )
        found = dep5._evidence[position] = (license_, copyrights)
    return [found[0]], list(found[1])


# A field: (line of its name, its lines: the first-line value then each continuation)
_Field = tuple[int, list[str]]


def _paragraphs(text: str) -> list[tuple[int, dict[str, _Field]]]:
    """Each paragraph's first line and its fields by lower-cased name (names are case-insensitive)."""
    paragraphs: list[tuple[int, dict[str, _Field]]] = []
    fields: dict[str, _Field] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if line.startswith("#"):
            continue
        if not line.strip(" \t"):  # deb822 blank line: spaces and tabs only
            fields, current = {}, None
            continue
        if not fields:
            paragraphs.append((number, fields))
        if line[0] in " \t":
            if current is None:
                raise Dep5Error(f"{DEP5_PATH} line {number}: continuation line without a field above it")
            current.append("" if line.strip() == "." else line.strip())
            continue
        found = _FIELD.fullmatch(line)
        if found is None:
            raise Dep5Error(f"{DEP5_PATH} line {number}: expected 'Field: value', got {line[:60]!r}")
        name = found.group(1).lower()
        if name in fields:
            raise Dep5Error(f"{DEP5_PATH} line {number}: field {found.group(1)!r} repeated in one paragraph")
        current = [found.group(2).strip()]
        fields[name] = (number, current)
    return paragraphs


def _files_paragraph(start: int, fields: dict[str, _Field]) -> Dep5Paragraph:
    for name in ("copyright", "license"):
        if name not in fields:
            raise Dep5Error(f"{DEP5_PATH} line {start}: Files paragraph without a {name.title()} field")
    files_line, files = fields["files"]
    patterns = tuple(" ".join(files).split())
    if not patterns:
        raise Dep5Error(f"{DEP5_PATH} line {files_line}: Files field is empty")
    for pattern in patterns:
        if len(pattern) > MAX_PATTERN:
            raise Dep5Error(
                f"{DEP5_PATH} line {files_line}: a Files pattern is longer than {MAX_PATTERN} characters"
            )
        escape = _invalid_escape(pattern)
        if escape is not None:
            raise Dep5Error(
                f"{DEP5_PATH} line {files_line}: Files pattern {pattern!r} has the escape {escape!r};"
                " only \\*, \\? and \\\\ are allowed"
            )
    license_line, license_lines = fields["license"]
    if not license_lines[0]:
        raise Dep5Error(f"{DEP5_PATH} line {license_line}: License field has no expression on its first line")
    copyrights = tuple(notice for notice in fields["copyright"][1] if notice)
    return Dep5Paragraph(patterns=patterns, copyrights=copyrights, license=license_lines[0], line=start)


def _invalid_escape(pattern: str) -> str | None:
    """The first escape Debian does not allow (only `\\*`, `\\?` and `\\\\`), or None."""
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            escaped = pattern[i + 1 : i + 2]
            if not escaped or escaped not in _ESCAPABLE:
                return "\\" + escaped
            i += 1
        i += 1
    return None


def _compile(pattern: str) -> Compiled:
    """Tokenise a dep5 glob: `*` matches any run of characters, `?` any one, `/` included."""
    tokens: list[Token] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and pattern[i + 1 : i + 2] in tuple(_ESCAPABLE):
            i += 1
            tokens.append((pattern[i], ""))
        elif char in _WILDCARDS:
            tokens.append((None, _WILDCARDS[char]))
        else:
            tokens.append((char, ""))
        i += 1
    return compile_glob(tokens)
