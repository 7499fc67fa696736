# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Where in a text an SPDX tag or a copyright notice may be, for `header`.

`Needles` finds the next place a tag or a notice may start, `Spans` the
REUSE-IgnoreStart ... REUSE-IgnoreEnd and SPDX-SnippetBegin ... SPDX-SnippetEnd
spans, looked for only as far as the hits go, and `window` the part of a hit's
line to read: the whole line less ignored text, or the text near the hit on a
long line. Reading the tags and notices found there is `header`'s job.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable

MAX_VALUE = 1000  # characters of a tag's or notice's value (header's; here for AFTER_HIT)

# Finding candidate lines is the whole cost for most files. CPython's regex
# engine scans 5 MB in 25-90 ms when the pattern starts with alternatives, but
# in ~2 ms when it starts with one literal character; str.find of one character
# (memchr) is several times faster again, and faster than str.find of a long
# needle. So candidates come from a few such searches, each of which first skips
# to the needle's first character. Wide (non-ASCII) needles are looked up by
# their first character alone, which str.find finds with memchr even in wide
# strings, and the rest is checked at each. "Copyright" also finds
# SPDX-FileCopyrightText and SPDX-SnippetCopyrightText.
_LITERAL_NEEDLES = ("SPDX-License-Identifier",)
_PATTERN_NEEDLES = (  # with the character every match starts with
    (re.compile(r"C(?:opyright|OPYRIGHT)"), "C"),
    (re.compile(r"\([cC]\)[ \t]*\d"), "("),
)
# The Chinese words that open a copyright notice, in simplified and traditional characters
# (Taiwan's 著作權所有): searched for here, read by header's notice pattern, and taken off a
# notice by conclusion when it compares holders.
CHINESE_COPYRIGHT_MARKERS = ("版权所有", "版權所有", "著作权所有", "著作權所有")
_WIDE_NEEDLES = ("©", *CHINESE_COPYRIGHT_MARKERS)

_IGNORE_START, _IGNORE_END = "REUSE-IgnoreStart", "REUSE-IgnoreEnd"
_SNIPPET, _SNIPPET_BEGIN, _SNIPPET_END = "SPDX-Snippet", "SPDX-SnippetBegin", "SPDX-SnippetEnd"

NOWHERE = 2**63  # the position of a needle that is not in the text: after every position
_READ_AHEAD = 256  # ignored and snippet spans are looked for this far past the window needing them

_LONG_LINE = 4096  # longer lines (minified files) are read in windows around each hit
_BEFORE_HIT = 256
AFTER_HIT = MAX_VALUE + 512


class Needles:
    """The next place a tag or a notice may start, searched lazily: a line with many hits
    ("©©©©...") costs one search, not a list of every position."""

    __slots__ = ("hits", "searches", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.searches = _ASCII_SEARCHES if text.isascii() else _ALL_SEARCHES  # isascii is O(1)
        self.hits = [-1] * len(self.searches)  # -1: not searched yet

    def next_hit(self, pos: int) -> int:
        """The first hit at or after `pos`, `NOWHERE` when there is none.

        Each search remembers its hit; it is searched again only once `pos` has passed it.
        """
        hits = self.hits
        for i, hit in enumerate(hits):
            if hit < pos:
                hits[i] = self.searches[i](self.text, pos)
        return min(hits)


def _literal_search(needle: str) -> Callable[[str, int], int]:
    lead = needle[0]

    def search(text: str, pos: int) -> int:
        pos = text.find(lead, pos)
        pos = text.find(needle, pos) if pos >= 0 else -1
        return pos if pos >= 0 else NOWHERE

    return search


def _wide_search(needle: str) -> Callable[[str, int], int]:
    lead = needle[0]

    def search(text: str, pos: int) -> int:
        pos = text.find(lead, pos)
        while pos >= 0 and not text.startswith(needle, pos):
            pos = text.find(lead, pos + 1)
        return pos if pos >= 0 else NOWHERE

    return search


def _pattern_search(pattern: re.Pattern[str], lead: str) -> Callable[[str, int], int]:
    def search(text: str, pos: int) -> int:
        pos = text.find(lead, pos)
        m = pattern.search(text, pos) if pos >= 0 else None
        return m.start() if m else NOWHERE

    return search


_ASCII_SEARCHES = (
    *(_literal_search(needle) for needle in _LITERAL_NEEDLES),
    *(_pattern_search(pattern, lead) for pattern, lead in _PATTERN_NEEDLES),
)
_ALL_SEARCHES = (*_ASCII_SEARCHES, *(_wide_search(needle) for needle in _WIDE_NEEDLES))


class Spans:
    """REUSE-IgnoreStart ... REUSE-IgnoreEnd and outermost SPDX-SnippetBegin ...
    SPDX-SnippetEnd spans (snippets may nest), looked for only as far as the hits go:
    most files have neither and their tags at the top, where a search of the whole
    text for each would cost more than reading the tags."""

    __slots__ = ("depth", "ignored", "ignored_from", "known", "snippets", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.known = 0  # every span that starts before this is listed; NOWHERE: all are
        self.ignored: list[tuple[int, int]] = []  # an unclosed start runs to the end
        self.ignored_from = 0  # where the next REUSE-IgnoreStart is looked for
        self.snippets: list[tuple[int, int]] = []  # the one still open ends at NOWHERE
        self.depth = 0  # of snippets open at `known`

    def find_before(self, limit: int) -> None:
        """List the spans that start before `limit`, and more: twice as many characters
        are known after each look, so a file with hits all along is looked at only a few times."""
        limit = min(max(limit, 2 * self.known) + _READ_AHEAD, len(self.text))
        self._find_ignored(limit)
        self._find_snippets(limit)
        self.known = limit if limit < len(self.text) else NOWHERE

    def _find_ignored(self, limit: int) -> None:
        text = self.text
        while self.ignored_from < limit:
            # A start that begins before limit ends before limit + len(_IGNORE_START) - 1.
            start = text.find(_IGNORE_START, self.ignored_from, limit + len(_IGNORE_START) - 1)
            if start < 0:
                self.ignored_from = limit
                break
            end = text.find(_IGNORE_END, start)
            if end < 0:
                self.ignored.append((start, len(text)))
                self.ignored_from = NOWHERE
            else:
                self.ignored.append((start, end + len(_IGNORE_END)))
                self.ignored_from = end

    def _find_snippets(self, limit: int) -> None:
        """Markers inside ignored spans, and ends with no snippet open, do not count."""
        text, spans, depth = self.text, self.snippets, self.depth
        before = limit + len(_SNIPPET) - 1
        pos = text.find(_SNIPPET, self.known, before)
        while pos >= 0:
            begins = text.startswith(_SNIPPET_BEGIN, pos)
            step = 1 if begins else -1 if text.startswith(_SNIPPET_END, pos) else 0
            if step and not inside(self.ignored, pos) and not (step < 0 and depth == 0):
                if step > 0 and depth == 0:
                    spans.append((pos, NOWHERE))
                depth += step
                if depth == 0:
                    spans[-1] = (spans[-1][0], pos)
            pos = text.find(_SNIPPET, pos + 1, before)
        self.depth = depth


def span_before(spans: list[tuple[int, int]], pos: int) -> int:
    """Index of the last span starting at or before pos, -1 if none."""
    return bisect_right(spans, (pos, math.inf)) - 1


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    if not spans:
        return False
    i = span_before(spans, pos)
    return i >= 0 and pos < spans[i][1]


def window(text: str, pos: int, spans: Spans) -> tuple[int, int] | None:
    """The part of pos's line to read: the whole line, less ignored text; near pos on long lines.

    None when pos is in an ignored span. The line's ends are looked for no further than
    a long line's length from pos, so a file of one huge line costs each hit a bounded
    search, not a scan to its ends.
    """
    reach = max(0, pos - _LONG_LINE)
    start = text.rfind("\n", reach, pos) + 1 or (0 if reach == 0 else -1)
    end = text.find("\n", pos, pos + _LONG_LINE)
    if end < 0:
        end = len(text) if pos + _LONG_LINE >= len(text) else -1
    if start < 0 or end < 0 or end - start > _LONG_LINE:
        start, end = max(start, pos - _BEFORE_HIT), min(end if end >= 0 else len(text), pos + AFTER_HIT)
    if end > spans.known:
        spans.find_before(end)
    ignored = spans.ignored
    if not ignored:
        return start, end
    if inside(ignored, pos):
        return None
    i = span_before(ignored, pos)
    low = ignored[i][1] if i >= 0 else 0
    high = ignored[i + 1][0] if i + 1 < len(ignored) else len(text)
    return max(start, low), min(end, high)
