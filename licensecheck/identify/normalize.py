# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Text normalization along the SPDX matching guidelines.

`clean` turns any text into one lower-case string without markup, URLs or
copyright lines; `Prepared` splits it into words (with their offsets in the
cleaned string, on demand). Punctuation, comment leaders, quotes, bullets, line
ends and wrapping vanish between words, so "(c)" vs "©", CRLF, rewrapping,
`#`/`//`/` * ` prefixes, Markdown emphasis and typographic quotes all compare
equal. The license texts and the scanned text go through the same functions.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

# Comment leaders and quote markers at the start of a line (`#`, `//`, ` * `, `--`, `;`, `%`,
# `!`, `>`), removed so that phrases wrapped across comment lines read on.
_LINE_LEADER = re.compile(r"^[ \t]*[#/*;%!>-][ \t#/*;%!>-]*", re.MULTILINE)
_HTML_TAG = re.compile(r"</?[a-z!][^<>\n]{0,300}>")
_HTML_HINT = re.compile(r"</(?:p|div|li|h[1-6]|a|span|td)>|<br\s*/?>|<html", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]\"']+")
_MD_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " "}
# A copyright statement: "Copyright (c) 2024 ...", "© ACME", "Portions Copyright [yyyy] ...".
# "copyright notice" / "copyright holders" wrapped onto a line start are not statements.
_COPYRIGHT_LINE = re.compile(
    r"^[ \t]*(?:portions[ \t]+)?(?:copyright\b|©|\(c\))[ \t]*(?:\(c\)|©|:)?[ \t]*"
    r"(?:[\d\[<{(`'\"$_©]|by\b|yyyy|year\b|\(c\))[^\n]{0,200}$",
    re.MULTILINE,
)
_RIGHTS_RESERVED = re.compile(r"all\s+rights\s+reserved\.?")
_HYPHEN = re.compile(r"-(?<=[a-z]-)(?=[a-z])")

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_LETTERS = "a-z\u00df-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff"
# Words, numbers with dotted parts ("2.1"), single CJK characters. `re` takes 4 ms to compile
# the CJK ranges (it marks each of their 46,000 code points), which most scans never use:
# a text without a CJK character is split by the same pattern without them.
_CJK_FROM = "\u3040"
_TOKEN_WITHOUT_CJK = re.compile(rf"[{_LETTERS}]+|\d+(?:\.\d+)*")


@functools.cache
def _token() -> re.Pattern[str]:
    return re.compile(rf"[{_LETTERS}]+|\d+(?:\.\d+)*|[{CJK}]")


def token_pattern(text: str) -> re.Pattern[str]:
    """The pattern splitting `text` (cleaned: lower case) into words."""
    return _TOKEN_WITHOUT_CJK if text.isascii() or max(text) < _CJK_FROM else _token()


# Spelling variants the SPDX guidelines treat as equal (British/American and similar);
# the index gives both spellings one word id.
EQUIVALENT_WORDS = {
    "licence": "license",
    "licences": "licenses",
    "licenced": "licensed",
    "licencing": "licensing",
    "licencee": "licensee",
    "licencor": "licensor",
    "sublicence": "sublicense",
    "acknowledgement": "acknowledgment",
    "acknowledgements": "acknowledgments",
    "analogue": "analog",
    "authorisation": "authorization",
    "authorised": "authorized",
    "behaviour": "behavior",
    "centre": "center",
    "favour": "favor",
    "fulfil": "fulfill",
    "judgement": "judgment",
    "labelled": "labeled",
    "offence": "offense",
    "organisation": "organization",
    "organisations": "organizations",
    "practise": "practice",
    "recognised": "recognized",
    "utilisation": "utilization",
}


# Traditional characters of the words Chinese licensing statements are made of, and their
# simplified forms, which the statements are read in (notices.py, gnu.py, names.py): Taiwan
# and Hong Kong write "本專案採用 MIT 授權" and "許可證：木蘭寬鬆許可證，第2版". Each maps one way
# only: none of them is in GB2312, the simplified set.
_SIMPLIFIED = str.maketrans("許證協議開權採據蘭寬鬆條專釋發", "许证协议开权采据兰宽松条专释发")


def clean(text: str) -> str:
    """Lower-case text without comment leaders, markup, URLs and copyright statements,
    hyphenated words joined ("non-infringement" = "noninfringement"), licensing words in
    traditional Chinese characters in their simplified forms."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n")).casefold()
    if not text.isascii():
        text = text.translate(_SIMPLIFIED)
    if _HTML_HINT.search(text):
        text = _HTML_TAG.sub(" ", text)
        for entity, char in _ENTITIES.items():
            text = text.replace(entity, char)
    text = _LINE_LEADER.sub("", text)
    text = _MD_LINK_TARGET.sub("]", text)
    text = _URL.sub(" ", text)
    text = _COPYRIGHT_LINE.sub("", text)
    text = _RIGHTS_RESERVED.sub(" ", text)
    return _HYPHEN.sub("", text)


class Prepared:
    """A cleaned text, its words, and (computed on demand) where each word starts and ends."""

    def __init__(self, text: str, *, cleaned: bool = False) -> None:
        """`text` as read, or already `clean`ed when `cleaned`."""
        self.cleaned = text if cleaned else clean(text)
        self.words: list[str] = token_pattern(self.cleaned).findall(self.cleaned)
        self._spans: list[tuple[int, int]] | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = [m.span() for m in token_pattern(self.cleaned).finditer(self.cleaned)]
        return self._spans

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        spans = self.spans
        return spans[first][0], spans[min(last, len(spans) - 1)][1]

    def word_at(self, offset: int) -> int:
        """Index of the first word starting at or after a character offset."""
        return bisect.bisect_left(self.spans, (offset, -1))


def words_of(text: str) -> list[str]:
    cleaned = clean(text)
    return token_pattern(cleaned).findall(cleaned)


# Words a license name may carry or drop without naming another license.
NAME_FILLER = frozenset({"the", "license", "licence", "licensed", "version", "v", "ver", "vers"})


def version_number(token: str) -> str:
    """'2.0' -> '2', '1.0.0' -> '1', '0.51' stays: "Version 2" and "2.0" name the same."""
    if token[:1].isdigit():
        while token.endswith(".0"):
            token = token[:-2]
    return token


def name_key(words: list[str]) -> str:
    """A license name as one comparable string: fillers dropped, versions short, no spaces."""
    return "".join(version_number(EQUIVALENT_WORDS.get(w, w)) for w in words if w not in NAME_FILLER)
