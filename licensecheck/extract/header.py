# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""SPDX tags and copyright notices in the comments of any text file.

Like the REUSE tool, the whole file is read, not just its top: a tag counts
wherever it is, in any comment syntax and inside string literals of design
files (KiCad title blocks, XML metadata, JSON). Each value is cleaned of the
syntax around it: a Gerber comment ending in `CERN-OHL-S-2.0*` gives
`CERN-OHL-S-2.0`, a KiCad `(comment 2 "...: MIT")` gives `MIT`.

Expressions are returned as written (`raw`); normalizing them is the next
stage's job. Copyright values are the tag's value for `SPDX-*CopyrightText`
(`2024 Jane`) and the whole notice otherwise (`Copyright (C) <year> <holder>`).

Notices start with `Copyright` or `COPYRIGHT` (case-sensitive, as in the
REUSE tool: lowercase "copyright" is prose), `©`, `版权所有` (traditional
`版權所有`), or `(c)` plus a
year at the start of a comment, and must go on with a year or a holder's
name, so "the above copyright notice" and "COPYRIGHT HOLDERS" are not
notices. A bare `COPYRIGHT = "..."` assignment is not one either; a notice
inside its string is.

Most files cost a few memchr-fast searches of the whole text and one regex
match per tag line: candidate lines come from a few needles and REUSE-Ignore
and snippet spans are looked for only as far as the candidates go (both in
`header_scan`); a line whose only candidate is a tag with a plain value is read
in one match, other lines are read in full.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice
from typing import NamedTuple

from licensecheck.comments import STYLES, CommentStyle
from licensecheck.extract.header_scan import (  # MAX_VALUE: also re-exported from here
    AFTER_HIT,
    CHINESE_COPYRIGHT_MARKERS,
    MAX_VALUE,
    NOWHERE,
    Needles,
    Spans,
    inside,
    span_before,
    window,
)
from licensecheck.model import Evidence

# A file with more tags and notices than this is generated or hostile; the first ones are kept.
MAX_EVIDENCE = 50_000
MAX_HIT_LINES = 200_000  # lines with a candidate looked at, evidence or not (prose about copyright)
MAX_PER_LINE = 32  # tags, and notice candidates, read on one line (or one window of a long line)

_TAG = re.compile(r"SPDX-(License-Identifier|FileCopyrightText|SnippetCopyrightText)[ \t]*:")
_LICENSE_TAG = "License-Identifier"
_LICENSE_DETAIL = "SPDX-" + _LICENSE_TAG

# 版权所有 ("all rights reserved") opens or closes a notice; 版权所有者/人/方 (the holder) and
# 版权所有权 (the ownership) are words of prose, as "Copyright holders" is. Taiwan and Hong
# Kong write the same words in traditional characters: 版權所有, and Taiwan 著作權所有 too.
_CHINESE_MARKER = "(?:" + "|".join(CHINESE_COPYRIGHT_MARKERS) + ")(?![者人方权權])"
_NOTICE = re.compile(
    r"(?P<kw>(?<![\w-])(?:Copyright|COPYRIGHT)(?![\w-])|©|"
    + _CHINESE_MARKER
    + r"|(?<![\w)])\([cC]\)(?=[ \t]*\d))"
    r"(?P<sep>(?:[ \t\u3000]*(?:[:：]|\([cC]\)|（[cC]）|©))*[ \t\u3000]*(?:by[ \t]+)?)"
)
_NOTICE_DETAIL = {
    "Copyright": "Copyright",
    "COPYRIGHT": "Copyright",
    "©": "©",
    **{marker: marker for marker in CHINESE_COPYRIGHT_MARKERS},
    "(c)": "(c)",
    "(C)": "(c)",
}
_YEAR = re.compile(r"\[?\d{4}(?!\d)")  # Renesas and Microchip write "Copyright [2019] Renesas ..."
# Doxygen's command before a notice: "@copyright (C) 2018 Nuvoton Technology Corp."
_DOXYGEN_COPYRIGHT = re.compile(r"[@\\]copyright[ \t]*$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\w+")

# Words that follow "Copyright" in prose and license texts, never a holder's name.
_NOT_HOLDERS = frozenset(
    {
        # what prose says about copyright: "Copyright Holders", "Copyright Act", "COPYRIGHT NOTICE"
        "notice", "notices", "holder", "holders", "owner", "owners", "law", "laws", "act", "acts",
        "office", "statement", "statements", "license", "licence", "licenses", "licences", "licensed",
        "licensing", "information", "info", "protection", "protected", "infringement", "infringements",
        "policy", "policies", "term", "terms", "agent", "agreement", "directive", "treaty", "convention",
        "registration", "claim", "claims", "assignment", "transfer", "status", "symbol", "sign", "line",
        "lines", "header", "headers", "text", "texts", "file", "files", "page", "section", "note", "notes",
        "details", "all", "rights", "reserved",
        # function words: "Copyright And Related Rights", "COPYRIGHT IS ..."
        "and", "or", "of", "in", "on", "for", "to", "is", "are", "was", "be", "may", "shall", "will",
        "must", "under", "with", "without", "see",
        # template placeholders: "Copyright YYYY Name", "Copyright Year Your Name"
        "year", "years", "yyyy", "name", "your", "fullname", "author", "date", "dates",
    }
)  # fmt: skip

# Closing comment syntax of every declared style: none can occur in an SPDX
# expression, and a file may mix syntaxes (an HTML comment in a Markdown file).
_ALL_CLOSERS = frozenset(close for s in STYLES.values() for _, close in s.multi if close)
# Formats whose comment ends at a terminator character on the same line.
_TERMINATORS = {"gerber": "*"}

# Gerber's "*" and "*%", comment box frames ("*|", "#"), XML end tags,
# string escapes and line continuations, list punctuation.
_TRAILING_JUNK = re.compile(r"(?:</[\w:.-]+>|[*|#]+%?|\\[nrt]|\\|[;,])$")
# ST's library files end with "/****** (C) COPYRIGHT 2011 STMicroelectronics *****END OF FILE****/".
_END_OF_FILE = re.compile(r"[\s*]*\bEND OF FILE\b.*$", re.IGNORECASE)
# A line break written as an escape inside a string literal ends the value.
_ESCAPED_BREAKS = ("\\n", "\\r")
_QUOTES = ('"', "'")
_OPENING = {")": "(", "]": "[", "}": "{"}
_UNESCAPED = {q: re.compile(r"(?<!\\)" + q) for q in _QUOTES}

# Most tag lines are a comment marker, the tag, a value of plain words and maybe
# the comment's closer; _PLAIN_TAG_LINE reads one in a single match. Nothing
# before the tag is quoted, and no character of the value is one _clean acts on:
# no quote, escape, "*", "/", "#", "]", "}", "\r", tab or double space, and a last
# character _strip_trailing keeps (not ",", ";", ")"). ">" may only end the value
# (an e-mail address), and not after "-", so the value holds no "-->". Of the stops
# below only "-->" and "-}" start with a plain character, and none of the closers
# that may follow the value completes them: the value ends at the first stop, as in
# _clean. Lines no longer than MAX_VALUE keep the value whole.
_PLAIN_CHARS = r"\w.+\-@<:=&~!?%(),;"
_PLAIN_LAST = r"[\w.+\-@<:=&~!?%(]|(?<!-)>"
_PLAIN_CLOSERS = ("*/", "-->", "*)", "-}", "#}", "]]")
_PLAIN_STOPS = frozenset({*_PLAIN_CLOSERS, "////", '"""', "'''", "*", *_ESCAPED_BREAKS})
_PLAIN_TAG_LINE = re.compile(
    r"[^\"']*?(SPDX-(?:License-Identifier|FileCopyrightText|SnippetCopyrightText))[ \t]*:[ \t]*"
    rf"((?:[{_PLAIN_CHARS}]+ )*[{_PLAIN_CHARS}]*(?:{_PLAIN_LAST}))[ \t]*"
    rf"(?:(?:{'|'.join(map(re.escape, _PLAIN_CLOSERS))}|\r).*)?"
)


class _Syntax(NamedTuple):
    markers: tuple[str, ...]  # what may precede comment text, longest first
    closers: tuple[str, ...]
    terminator: str | None
    stop: re.Pattern[str]  # the first closer, terminator or escaped line break in a value
    plain_values: bool  # its stops are the ones _PLAIN_TAG_LINE is written for


class _Found(NamedTuple):
    at: int  # offset in the text
    detail: str
    value: str


def extract_header(text: str, style: CommentStyle, source: str = "header") -> list[Evidence]:
    """Every SPDX-License-Identifier and copyright notice in `text`, in order.

    One evidence per tag or notice line, with its 1-based line number;
    `expression` is left None. Evidence between SPDX-SnippetBegin and
    SPDX-SnippetEnd has the detail "snippet". A file that holds more than
    `MAX_EVIDENCE` of them, or more than `MAX_HIT_LINES` lines mentioning
    copyright, is read up to there.
    """
    needles = Needles(text)
    pos = needles.next_hit(0)
    if pos == NOWHERE:
        return []
    syntax = _syntax(style)
    spans = Spans(text)
    found: list[Evidence] = []
    line, counted, done = 1, 0, 0
    for _ in range(MAX_HIT_LINES):
        if pos == NOWHERE or len(found) >= MAX_EVIDENCE:
            break
        bounds = window(text, pos, spans)
        if bounds is None:  # ignored: go on after the ignored span
            done = spans.ignored[span_before(spans.ignored, pos)][1]
            pos = needles.next_hit(done)
            continue
        start, end = max(bounds[0], done), bounds[1]
        line += text.count("\n", counted, start)
        counted = done = end  # a window holds no line break, and ends after pos
        # The next hit is needed anyway; when it lies beyond the window, pos is the
        # window's only candidate, and the window may be a plain tag line.
        after = needles.next_hit(pos + 1)
        tag = _plain_tag(text, start, end) if after >= end and syntax.plain_values else None
        if tag:
            found.append(_evidence(tag.start(1), tag[1], tag[2], line, source, spans.snippets))
        else:
            for item in _read_window(text, start, end, syntax):
                found.append(_evidence(item.at, item.detail, item.value, line, source, spans.snippets))
        pos = after if after >= end else needles.next_hit(end)
    return found[:MAX_EVIDENCE]


def _evidence(
    at: int, detail: str, value: str, line: int, source: str, snippets: list[tuple[int, int]]
) -> Evidence:
    is_license = detail == _LICENSE_DETAIL
    if snippets and inside(snippets, at):
        detail = "snippet"
    if is_license:
        return Evidence(source=source, raw=value, line=line, detail=detail)
    return Evidence(source=source, copyright=value, line=line, detail=detail)


@cache  # one per comment style
def _syntax(style: CommentStyle) -> _Syntax:
    openers = (opening for opening, _ in style.multi)
    markers = {m.strip() for m in (*style.single, *openers, *style.middle)} - {""}
    closers = tuple(sorted(_ALL_CLOSERS | {close for _, close in style.multi if close}))
    longest_first = tuple(sorted(markers, key=len, reverse=True))
    terminator = _TERMINATORS.get(style.name)
    # One search for the leftmost of them all instead of a str.find for each.
    ends = (*closers, *((terminator,) if terminator else ()), *_ESCAPED_BREAKS)
    stop = re.compile("|".join(re.escape(end) for end in sorted(ends, key=len, reverse=True)))
    plain_values = set(_PLAIN_CLOSERS) <= set(ends) <= _PLAIN_STOPS
    return _Syntax(longest_first, closers, terminator, stop, plain_values)


def _plain_tag(text: str, start: int, end: int) -> re.Match[str] | None:
    """A short window that is a plain tag line: the tag is group 1, its value group 2.

    Only asked of a window with no other candidate: its one tag is then the only
    tag, no notice is in it, and _read_window would give this tag alone.
    """
    return _PLAIN_TAG_LINE.fullmatch(text, start, end) if end - start <= MAX_VALUE else None


def _read_window(text: str, start: int, end: int, syntax: _Syntax) -> list[_Found]:
    window = text[start:end]
    found = []
    tags = list(islice(_TAG.finditer(window), MAX_PER_LINE + 1))  # one more: where the last one stops
    stops = [m.start() for m in tags[1:]] + [len(window)] * bool(tags)
    for m, stop in zip(tags[:MAX_PER_LINE], stops, strict=False):
        value = _clean(window[m.end() : min(stop, m.end() + AFTER_HIT)], window[: m.start()], syntax)
        if value:
            kind = m.group(1)
            found.append(_Found(start + m.start(), "SPDX-" + kind, value))
    if all(m.group(1) == _LICENSE_TAG for m in tags):
        notice = _first_notice(window, syntax)
        if notice is not None:
            found.append(notice._replace(at=start + notice.at))
    return found


def _first_notice(window: str, syntax: _Syntax) -> _Found | None:
    """The first copyright notice on the line; prose about copyright is skipped."""
    for m in islice(_NOTICE.finditer(window), MAX_PER_LINE):
        prefix = window[: m.start()]
        if not _is_notice(m, window[m.end() : m.end() + 64], prefix, syntax):
            continue
        value = _clean(window[m.start() : m.start() + AFTER_HIT], prefix, syntax)
        if len(value) > len(m.group(0).strip()):
            return _Found(m.start(), _NOTICE_DETAIL[m["kw"]], value)
    return None


def _is_notice(m: re.Match[str], rest: str, prefix: str, syntax: _Syntax) -> bool:
    """A notice names a year or a holder after its keyword.

    A bare "(c)" could be an enumeration ("(c) the licensee shall"), so it
    needs a year and must open the comment text.
    """
    if m["kw"] in ("(c)", "(C)"):
        opening = _DOXYGEN_COPYRIGHT.sub("", prefix)
        return _YEAR.match(rest) is not None and _at_comment_start(opening, syntax.markers)
    return _YEAR.match(rest) is not None or _names_holder(rest)


def _names_holder(rest: str) -> bool:
    first = rest[:1]
    if not first:
        return False
    if _is_cjk(first):
        return True
    word = _FIRST_WORD.match(rest)
    return first.isupper() and word is not None and word.group().lower() not in _NOT_HOLDERS


_CJK_RANGES = (("\u3040", "\u30ff"), ("\u3400", "\u9fff"), ("\uf900", "\ufaff"), ("\uac00", "\ud7af"))


def _is_cjk(char: str) -> bool:
    """Kana, CJK ideographs and Hangul: names in these scripts have no capital letters."""
    return any(low <= char <= high for low, high in _CJK_RANGES)


def _at_comment_start(prefix: str, markers: tuple[str, ...]) -> bool:
    """True when only comment markers (or an opening quote) precede the text."""
    rest = prefix.strip()
    while rest:
        marker = next((m for m in markers if rest.startswith(m)), None)
        if marker is None:
            break
        rest = rest[len(marker) :].lstrip()
    return not rest or rest.endswith(_QUOTES)


def _clean(value: str, prefix: str, syntax: _Syntax) -> str:
    """The value without the comment, string and markup syntax around it."""
    value = value.split("\r", 1)[0]
    quote = _open_quote(prefix)
    if quote:
        closing = _UNESCAPED[quote].search(value)
        value = value[: closing.start()] if closing else value
    value = value[: _first_stop(value, syntax)]
    if "END OF FILE" in value.upper():
        value = _END_OF_FILE.sub("", value)
    value = _strip_trailing(value.strip())
    if quote:
        value = value.replace("\\" + quote, quote)
    return " ".join(value.split())[:MAX_VALUE].rstrip()


def _open_quote(prefix: str) -> str | None:
    """The quote of the string literal the value sits in, if any."""
    if (prefix.count('"') - prefix.count('\\"')) % 2:
        return '"'
    if prefix.rstrip().endswith("'") and prefix.count("'") % 2:
        return "'"
    return None


def _first_stop(value: str, syntax: _Syntax) -> int:
    found = syntax.stop.search(value)
    return found.start() if found else len(value)


def _strip_trailing(value: str) -> str:
    """Drop format syntax from the end: end tags, Gerber '*', escapes, stray quotes and brackets.

    A closing bracket or quote is only dropped when it has no partner, so
    `(MIT OR Apache-2.0)` keeps its parenthesis.
    """
    while value:
        if value[-1].isalnum() and value[-2:-1] != "\\":
            return value  # the common case: no end tag, terminator, escape, quote or bracket
        junk = _TRAILING_JUNK.search(value)
        last = value[-1]
        if junk:
            value = value[: junk.start()]
        elif _unpaired(value, last):
            value = value[:-1]
        elif last in _QUOTES and len(value) > 1 and value[0] == last:
            value = value[1:-1]
        else:
            break
        value = value.strip()
    return value


def _unpaired(value: str, last: str) -> bool:
    """True when the closing quote or bracket `last` has no partner in value."""
    if last in _QUOTES:
        return value.count(last) % 2 == 1
    return last in _OPENING and value.count(last) > value.count(_OPENING[last])
