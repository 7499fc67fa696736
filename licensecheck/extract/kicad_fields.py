# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""What a KiCad text field says about licensing, whichever KiCad file it sits in.

Shared by the s-expression, legacy and project extractors. A field's name says
what it holds (`property "License"`, text variable `COPYRIGHT`, the title
block's company); any other text (title-block comments, silkscreen text,
descriptions) is free text, read for an SPDX tag, a license sentence, a
copyright notice or a designer's name:

>>> [e.expression for e in field_evidence("Licensed under the MIT license", 3, "title_block comment 1")]
['MIT']
>>> [(e.copyright, e.detail) for e in field_evidence("Designed by: Ada Lovelace", 4, "title_block comment 4")]
[('Ada Lovelace', 'title_block comment 4; designer')]
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import NamedTuple

from licensecheck.comments import STYLES, style
from licensecheck.extract.header import extract_header
from licensecheck.extract.values import MAX_VALUE, license_expression, license_in_text
from licensecheck.model import Evidence

LICENSE, COPYRIGHT, AUTHOR = "license", "copyright", "author"

# A field name -> what the field holds; first match wins ("CopyrightLicense" is a license).
_NAME_KINDS = (
    (re.compile(r"licen[cs]e|spdx.?license|许可|协议", re.IGNORECASE), LICENSE),
    (re.compile(r"copyright|版[权權]|©", re.IGNORECASE), COPYRIGHT),
    (re.compile(r"author|designer|designed.?by|creator|作者|设计", re.IGNORECASE), AUTHOR),
)

# Words without which free text names no license and no copyright: a cheap test run
# before the real reading, because a board holds thousands of descriptions. Substring
# tests on the lower-cased text are ten times faster than one regex of alternatives.
_MENTION_LITERALS = (
    "licen", "spdx", "copyright", "©", "(c)", "released under", "distributed under", "available under",
    "public domain", "ohl", "cc-by", "cc by", "cc0", "creative commons", "gpl", "apache", "mulan",
    "unlicense", "eupl", "solderpad", "许可", "版权", "版權", "协议", "采用",
)  # fmt: skip
_MENTION_WORDS = r"\b(?:mit|bsd|mpl)\b"  # short ids that also occur inside words ("transmit")
_MENTIONS = {
    str: (_MENTION_LITERALS, ("mit", "bsd", "mpl"), re.compile(_MENTION_WORDS)),
    bytes: (
        tuple(w.encode() for w in _MENTION_LITERALS),
        (b"mit", b"bsd", b"mpl"),
        re.compile(_MENTION_WORDS.encode()),
    ),
}

_TAG = re.compile(r"SPDX-License-Identifier\s*:\s*([^\r\n]*)", re.IGNORECASE)
# "Designed by: Rafael G. Martins" in a title-block comment names the designer.
_DESIGNER = re.compile(
    r"^\s*(?:(?:designed\s+by|designer|author|drawn\s+by|made\s+by)(?![a-z])|作者|设计者?|设计人)"
    r"\s*[:：]?\s*(\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_ESCAPE = re.compile(rb"\\(?:x([0-9a-fA-F]{1,2})|([0-7]{1,3})|(.))", re.DOTALL)
_SIMPLE_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"a": b"\a", b"b": b"\b", b"f": b"\f", b"v": b"\v"}
_MAX_COMMENT_LINES = 2000
_MAX_FALSE_CANDIDATES = 1000  # lines where such a leader opened no comment; past that, every line is tried


class _Leader(NamedTuple):
    """The patterns of the lines whose first non-blank character is one leader ('#', or the
    ';' KiCad cannot read: kicad_semicolons). Trying `line` at every newline costs tens of ns
    a line, through the whole file, while most design files hold few leaders or none. So it
    is tried only on the lines where the leader follows a blank or a newline, which
    `after_blank` finds in C from the first leader on (memchr). The first line, with no
    newline before it, is apart (after a byte order mark, if any)."""

    char: bytes
    line: re.Pattern[bytes]
    first: re.Pattern[bytes]
    after_blank: re.Pattern[bytes]


@cache
def _leader(char: bytes) -> _Leader:
    text = re.escape(char)
    return _Leader(
        char,
        re.compile(rb"\n[ \t]*+(" + text + rb"[^\n]*)"),
        re.compile(rb"(?:\xef\xbb\xbf)?[ \t]*+(" + text + rb"[^\n]*)"),
        re.compile(text + rb"(?<![^\n \t]" + text + rb")"),
    )


class _Fact(NamedTuple):
    is_license: bool
    value: str  # the license text as found, or the copyright holder
    expression: str | None = None
    note: str = ""  # what kind of statement it was, when the field name does not say


@lru_cache(maxsize=1024)
def kind_of(name: str) -> str | None:
    """LICENSE, COPYRIGHT or AUTHOR when a field's name says it holds one; None for other fields."""
    return next((kind for pattern, kind in _NAME_KINDS if pattern.search(name)), None)


def unescape(raw: bytes) -> str:
    r"""A string as KiCad's lexer reads it: `\"`, `\\`, `\n`, hex and octal escapes.

    >>> unescape(rb'say \"hi\"\\n')
    'say "hi"\\n'
    """
    if b"\\" in raw:
        raw = _ESCAPE.sub(_unescape_one, raw)
    return raw.decode("utf-8", "replace")


def _unescape_one(match: re.Match[bytes]) -> bytes:
    hexadecimal, octal, other = match.groups()
    if hexadecimal:
        return bytes([int(hexadecimal, 16)])
    if octal:
        return bytes([int(octal, 8) & 0xFF])
    return _SIMPLE_ESCAPES.get(other, other)


def field_evidence(
    value: str, line: int | None, detail: str, kind: str | None = None, written: str | None = None
) -> list[Evidence]:
    """Evidence in one field's value (variables already resolved).

    `kind` is what the field's name says it holds (see `kind_of`); `written` is
    the value as written in the file when it differs (`${LICENSE}`): it is kept
    as the license's raw text, the detail says what it resolved to.
    """
    found = []
    for fact in _facts(value[: MAX_VALUE * 4], kind):
        where = f"{detail}; {fact.note}" if fact.note else detail
        if fact.is_license:
            raw = written.strip() if written else fact.value
            found.append(Evidence("embedded", expression=fact.expression, raw=raw, line=line, detail=where))
        else:
            found.append(Evidence("embedded", copyright=fact.value, line=line, detail=where))
    return found


@lru_cache(maxsize=4096)
def _facts(value: str, kind: str | None) -> tuple[_Fact, ...]:
    """What a value states; cached because boards repeat each footprint's description."""
    text = value.strip()
    if not text:
        return ()
    facts = []
    license_fact = _license_fact(text, whole=kind in (None, LICENSE))
    if license_fact is None and kind == LICENSE:
        license_fact = _Fact(True, text[:MAX_VALUE])  # unmappable: kept raw for the rules to report
    if license_fact is not None:
        facts.append(license_fact)
    notices = [e.copyright for e in extract_header(text, STYLES["none"]) if e.copyright]
    facts.extend(_Fact(False, notice) for notice in notices)
    if notices or license_fact is not None:
        return tuple(facts)
    if kind in (COPYRIGHT, AUTHOR):
        facts.append(_Fact(False, " ".join(text.split())[:MAX_VALUE]))
    elif kind is None and (designer := _DESIGNER.match(text)):
        facts.append(_Fact(False, " ".join(designer.group(1).split())[:MAX_VALUE], note="designer"))
    return tuple(facts)


def _license_fact(text: str, whole: bool) -> _Fact | None:
    """A tag's value, a value that is all license (when `whole`), or a license named in a sentence.

    A company called "MIT" is not the MIT license: only license and free-text
    fields are read as a license as a whole.
    """
    tagged = _TAG.search(text)
    if tagged:
        value = tagged.group(1).strip()
        return _Fact(True, value[:MAX_VALUE], license_expression(value)) if value else None
    if whole:
        found = license_expression(text)
        if found:
            return _Fact(True, text[:MAX_VALUE], found)
    found = license_in_text(text)
    return _Fact(True, text[:MAX_VALUE], found) if found else None


@lru_cache(maxsize=4096)
def mentions(text: str | bytes) -> bool:
    """True when free text may name a license or a copyright holder (a fast pre-test).

    Works on a KiCad string as read (bytes, still escaped) or decoded. Cached:
    a board repeats each footprint's description and values.
    """
    literals, short, words = _MENTIONS[type(text)]
    low = text.lower()
    return any(word in low for word in literals) or (
        any(word in low for word in short) and words.search(low) is not None
    )


def comment_evidence(data: bytes, style_name: str = "kicad") -> list[Evidence]:
    """SPDX tags and notices in the lines whose first non-blank character is '#'.

    KiCad's lexer skips such lines, and its footprint reader keeps the leading
    ones ("initial comments") when it saves the file again.
    """
    return lines_evidence(comment_lines(data), style_name)


def lines_evidence(lines: list[tuple[int, str]], style_name: str) -> list[Evidence]:
    """The SPDX tags and notices in comment lines ((line number, text) of each), read as a
    header in the comment style `style_name`, at the lines they are on."""
    if not lines:
        return []
    numbers = [number for number, _ in lines]
    found = extract_header("\n".join(text for _, text in lines), style(style_name))
    return [replace(e, line=numbers[e.line - 1]) if e.line else e for e in found]


def comment_lines(data: bytes, leader: bytes = b"#") -> list[tuple[int, str]]:
    """(line number, text) of each line whose first non-blank character is `leader`, up to a
    sane number of them."""
    counter = LineCounter(data)
    return [
        (counter(match.start(1)), match.group(1).decode("utf-8", "replace").rstrip("\r"))
        for match in _comment_lines(data, _MAX_COMMENT_LINES, _leader(leader))
    ]


def _comment_lines(data: bytes, limit: int, leader: _Leader) -> list[re.Match[bytes]]:
    """The first line's `leader.first` match, then `leader.line`'s as finditer gives them; `limit` at most."""
    found: list[re.Match[bytes]] = []
    line_start = 0  # the lines before it are done
    first = leader.first.match(data)
    if first is not None:
        found.append(first)
        line_start = first.end() + 1
    false_candidates = 0
    while len(found) < limit and (at := data.find(leader.char, line_start)) >= 0:  # memchr: lines without it
        if false_candidates > _MAX_FALSE_CANDIDATES:  # so many that the engine's walk costs less
            rest = leader.line.finditer(data, max(line_start - 1, 0))
            return found + list(itertools.islice(rest, limit - len(found)))
        candidate = leader.after_blank.search(data, at)
        if candidate is None:
            break
        newline = data.rfind(b"\n", max(line_start - 1, 0), candidate.start())
        line = leader.line.match(data, newline) if newline >= 0 else None  # not on the first line
        if line is None:
            false_candidates += 1
            line_end = data.find(b"\n", candidate.start())
        while line is not None and len(found) < limit:  # comment lines come in runs: try the next at once
            found.append(line)
            line_end = line.end()
            line = leader.line.match(data, line_end)
        if line_end < 0:
            break
        line_start = line_end + 1
    return found


class LineCounter:
    """1-based line numbers of offsets in a file; cheap when offsets come mostly in order."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._at, self._line = 0, 1

    def __call__(self, offset: int) -> int:
        if offset >= self._at:
            self._line += self.data.count(b"\n", self._at, offset)
        else:
            self._line -= self.data.count(b"\n", offset, self._at)
        self._at = offset
        return self._line


def dedupe(evidence: list[Evidence]) -> list[Evidence]:
    """Each statement once per place: a board repeats a footprint's fields for every copy."""
    seen: set[tuple] = set()
    unique = []
    for item in evidence:
        key = (item.source, item.expression, item.copyright, item.raw, item.detail)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique
