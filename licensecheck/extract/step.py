# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""STEP (ISO 10303-21) and IGES exchange files.

STEP has no license field. Its HEADER section names the people [NORMS §5.4, S41]:

    FILE_DESCRIPTION(('Enclosure lid, CERN-OHL-W-2.0'),'2;1');
    FILE_NAME('lid.step','2025-03-01T10:00:00',('Li Lei'),('Shenzhen Maker Team'),
      'Open CASCADE STEP processor','FreeCAD','');

The authors and organizations are reported as copyright evidence whose detail
names the field (exporters' placeholders such as 'Author' or 'Unknown' are
skipped); the descriptions and the authorization are free text, read for
tags, notices and license sentences. `/* */` comments are read for SPDX tags
(REUSE tools read them too [T1]). Part 21 strings write a quote as `''` and
other characters as `\\X2\\0416\\X0\\` (UTF-16), `\\X4\\...\\X0\\`, `\\X\\hh` and
`\\S\\c`; they are decoded. Only the HEADER is parsed; the DATA section, which
is the whole bulk of the file, is searched for SPDX tags with one pattern.

IGES [S58] keeps free text in its Start section (column 73 is `S`) and the
author's name and organization in parameters 21 and 22 of its Global section.
"""

from __future__ import annotations

import re

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.fields import comment_evidence, field_evidence, tags_after, text_evidence
from licensecheck.model import Evidence

HEAD_BYTES = 256 * 1024  # a HEADER section is a few hundred bytes; exporters' comments add little
MAX_DEPTH = 16  # parameter lists in the header nest two deep
MAX_ITEMS = 1000

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*|\$|\*|[-+.0-9][-+.0-9A-Za-z]*|\S")
_SPACE = re.compile(r"\s*")
_ESCAPE = re.compile(r"\\X2\\((?:[0-9A-Fa-f]{4})*)\\X0\\|\\X4\\((?:[0-9A-Fa-f]{8})*)\\X0\\|"
                     r"\\X\\([0-9A-Fa-f]{2})|\\S\\(.)|\\P[A-I]?\\|\\\\")  # fmt: skip

# FILE_NAME parameters [ISO 10303-21 §8.2.2]: which are people and which are free text.
_FILE_NAME = ("name", "time_stamp", "author", "organization", "preprocessor_version",
              "originating_system", "authorization")  # fmt: skip
_PEOPLE = {"author": "Author", "organization": "Organization"}
_FREE_TEXT = ("authorization",)
# What exporters write when nobody filled the fields in: KiCad writes ('Pcbnew'),('Kicad').
_EXPORTER_DEFAULTS = frozenset({"pcbnew", "kicad", "open cascade", "opencascade", "freecad"})


def extract(source: Source) -> list[Evidence]:
    """License and copyright evidence in a STEP file's HEADER section and comments."""
    head = source.data[:HEAD_BYTES]
    if b"\x00" in head:
        raise ExtractError("binary data in a STEP file")
    tokens = _Tokens(head.decode("latin-1"))  # one character per byte: offsets stay byte offsets
    found: list[Evidence] = []
    seen_header = False
    while (token := tokens.next()) is not None:
        kind, value, _ = token
        if kind == "word" and value.upper() == "HEADER":
            seen_header = True
        elif kind == "word" and value.upper() == "ENDSEC" and seen_header:
            break
        elif kind == "word" and seen_header and tokens.peek_is("("):
            found += _entity(value.upper(), tokens.parameters(MAX_DEPTH))
        for body, at in tokens.take_comments():
            found += comment_evidence(body, "c-block", at, "STEP comment", ("/*", "*/"))
    if not seen_header:
        raise ExtractError("no HEADER section: not a STEP exchange file")
    return found + tags_after(source.data, _line_start(source.data, tokens.pos), "c-block")


def _line_start(data: bytes, offset: int) -> int:
    newline = data.find(b"\n", offset)
    return len(data) if newline < 0 else newline + 1


def _entity(name: str, parameters: list) -> list[Evidence]:
    if name == "FILE_DESCRIPTION":
        texts = _strings(parameters[:1])
        return [e for text, at in texts for e in text_evidence(text, at, "STEP FILE_DESCRIPTION")]
    if name != "FILE_NAME":
        return []
    found: list[Evidence] = []
    for field, value in zip(_FILE_NAME, parameters, strict=False):
        if field in _PEOPLE:
            for person, line in _strings([value]):
                if person.lower() not in _EXPORTER_DEFAULTS:
                    found += field_evidence(_PEOPLE[field], person, line, f"STEP FILE_NAME {field}")
        elif field in _FREE_TEXT:
            for text, line in _strings([value]):
                found += text_evidence(text, line, f"STEP FILE_NAME {field}")
    return found


def _strings(values: list) -> list[tuple[str, int]]:
    """The non-blank strings in a parameter, flattening lists, each with its line."""
    found: list[tuple[str, int]] = []
    for value in values[:MAX_ITEMS]:
        if isinstance(value, list):
            found += _strings(value)
        elif isinstance(value, tuple) and value[0].strip():
            found.append((value[0].strip(), value[1]))
    return found


class _Tokens:
    """A scanner over Part 21 text: strings, comments, words and punctuation, each with its line.

    Strings and comments are found with str.find, so an unterminated one costs
    one pass, never a regex backtracking over the rest of the file.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.counted = 0
        self.pending: tuple[str, str, int] | None = None
        self.comments: list[tuple[str, int]] = []  # read but not yet handed out

    def next(self) -> tuple[str, str, int] | None:
        if self.pending is not None:
            token, self.pending = self.pending, None
            return token
        text = self.text
        while True:
            self.pos = _SPACE.match(text, self.pos).end()
            if self.pos >= len(text):
                return None
            start = self.pos
            self.line += text.count("\n", self.counted, start)
            self.counted = start
            if not text.startswith("/*", start):
                break
            end = text.find("*/", start + 2)
            self.pos = len(text) if end < 0 else end + 2
            if len(self.comments) < MAX_ITEMS:
                self.comments.append((_utf8(text[start + 2 : end if end >= 0 else len(text)]), self.line))
        if text[start] == "'":
            return "string", decode(_utf8(self._string(start))), self.line
        self.pos = _WORD.match(text, start).end()
        return "word", text[start : self.pos], self.line

    def _string(self, start: int) -> str:
        text, end = self.text, start
        while True:
            end = text.find("'", end + 1)
            if end < 0:
                self.pos = len(text)
                return text[start + 1 :]
            if not text.startswith("''", end):
                self.pos = end + 1
                return text[start + 1 : end]
            end += 1

    def take_comments(self) -> list[tuple[str, int]]:
        """The comments passed since the last call, with their lines."""
        taken, self.comments = self.comments, []
        return taken

    def peek_is(self, word: str) -> bool:
        self.pending = self.next()
        return self.pending is not None and self.pending[1] == word

    def parameters(self, depth: int) -> list:
        """A parenthesized parameter list after its '(' was peeked: (string, line), nested lists, None."""
        self.pending = None
        items: list = []
        while (token := self.next()) is not None:
            kind, value, line = token
            if kind == "string":
                items.append((value, line))
            elif value == "(" and depth > 0:
                items.append(self.parameters(depth - 1))
            elif value in (")", ";"):
                break
            elif kind == "word" and value not in (",", "("):
                items.append(None)
        return items[:MAX_ITEMS]


def _utf8(latin: str) -> str:
    """Text read one byte per character, as UTF-8 when it is (exporters write it), else ISO 8859-1."""
    try:
        return latin.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return latin


def decode(raw: str) -> str:
    r"""A Part 21 string's text: `''` is a quote, `\X2\...\X0\` are UTF-16 characters.

    >>> decode(r"Li Lei''s \X2\674E96F7\X0\ part")
    "Li Lei's 李雷 part"
    """
    text = raw.replace("\r", "").replace("\n", "").replace("''", "'")
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text


def _unescape(match: re.Match[str]) -> str:
    utf16, ucs4, byte, shifted = match.groups()
    if utf16 is not None:
        return bytes.fromhex(utf16).decode("utf-16-be", errors="replace")
    if ucs4 is not None:
        return bytes.fromhex(ucs4).decode("utf-32-be", errors="replace")
    if byte is not None:
        return bytes.fromhex(byte).decode("latin-1")
    if shifted is not None:
        return chr(ord(shifted) + 128) if ord(shifted) < 128 else shifted
    return "\\" if match.group(0) == "\\\\" else ""  # \PA\ selects a code page: nothing to print


# --- IGES ----------------------------------------------------------------------------------

_IGES_AUTHOR, _IGES_ORGANIZATION = 21, 22  # Global section parameters [S58]
_IGES_PEOPLE = {_IGES_AUTHOR: ("Author", "author"), _IGES_ORGANIZATION: ("Organization", "organization")}
_HOLLERITH = re.compile(r"\s*(\d+)H")
_IGES_LINES = 2000  # Start and Global sections together; real ones have a dozen lines


def extract_iges(source: Source) -> list[Evidence]:
    """License and copyright evidence in an IGES file's Start and Global sections."""
    head = source.data[:HEAD_BYTES]
    if b"\x00" in head:
        raise ExtractError("binary data in an IGES file")
    start: list[tuple[int, str]] = []
    glob: list[tuple[int, str]] = []
    for number, raw in enumerate(head.splitlines()[:_IGES_LINES], start=1):
        line = raw.decode("latin-1")
        section = line[72:73]
        if section == "S":
            start.append((number, line[:72].rstrip()))
        elif section == "G":
            glob.append((number, line[:72]))
        elif section in ("D", "P", "T"):
            break
    if not start and not glob:
        raise ExtractError("no Start or Global section: not an IGES file")
    return _start_section(start) + _global_section(glob)


def _start_section(lines: list[tuple[int, str]]) -> list[Evidence]:
    found: list[Evidence] = []
    for number, text in lines:
        found += comment_evidence(text, "none", number, "IGES start section")
    if not any(e.is_license for e in found) and lines:
        joined = " ".join(text for _, text in lines)  # a sentence may run over several lines
        found += [e for e in text_evidence(joined, lines[0][0], "IGES start section") if e.is_license]
    return found


def _global_section(lines: list[tuple[int, str]]) -> list[Evidence]:
    if not lines:
        return []
    text = "".join(part for _, part in lines)
    found: list[Evidence] = []
    for index, value, offset in _iges_parameters(text):
        if index in _IGES_PEOPLE and value.strip():
            name, field = _IGES_PEOPLE[index]
            line = lines[min(offset // 72, len(lines) - 1)][0]
            found += field_evidence(name, value.strip(), line, f"IGES global {field}")
    return found


def _iges_parameters(text: str) -> list[tuple[int, str, int]]:
    """(1-based index, value, offset) of the Global section's parameters, up to the organization."""
    delimiter, end_mark = ",", ";"
    pos = 0
    if text.startswith("1H"):
        delimiter, pos = text[2:3] or ",", 3
    pos += 1  # past the delimiter that ends parameter 1
    if text.startswith("1H", pos):
        end_mark, pos = text[pos + 2 : pos + 3] or ";", pos + 3
    pos += 1
    found: list[tuple[int, str, int]] = []
    for index in range(3, _IGES_ORGANIZATION + 1):
        if pos >= len(text):
            break
        value, after = _iges_value(text, pos, delimiter, end_mark)
        found.append((index, value, pos))
        if after >= len(text) or text[after] == end_mark:
            break
        pos = after + 1
    return found


def _iges_value(text: str, pos: int, delimiter: str, end_mark: str) -> tuple[str, int]:
    """One parameter from pos: a Hollerith string `nH...` or plain text; and where it ends."""
    hollerith = _HOLLERITH.match(text, pos)
    if hollerith:
        length = int(hollerith.group(1))
        value_start = hollerith.end()
        end = value_start + min(length, len(text))
        after = end
        while after < len(text) and text[after] == " ":
            after += 1
        return text[value_start:end], after
    ends = [i for i in (text.find(delimiter, pos), text.find(end_mark, pos)) if i >= 0]
    end = min(ends) if ends else len(text)
    return text[pos:end], end
