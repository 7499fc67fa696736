# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Full-text license identification: name the license of a text that carries no SPDX tag.

>>> identify(open("LICENSE").read())                       # doctest: +SKIP
Identification(expression='MIT', confidence=1.0, detail='MIT: full text')

Three kinds of evidence, combined by combine.py:

* full license texts, standard headers and exception texts of the SPDX list,
  recognized through a cached shingle index (index.py, match.py), whatever the
  comment style, wrapping, quotes, Markdown or filled-in copyright lines;
* GNU notices with their version and "or later" clause (gnu.py);
* licensing statements that name a license: Apache and MPL boilerplate,
  Creative Commons, CERN-OHL, Solderpad, MulanPSL (English and Chinese) ...
  (notices.py, names.py).

A prose mention that grants nothing ("uses the MIT license") is not reported; a restriction
that makes a work not open ("仅供学习交流，禁止商用") is, as LicenseRef-Study-Use-Only.
The index is built (or loaded from the cache) on the first call, not at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 2_000_000  # beyond this a text is no license file; its head is what is read
NOTICE_MIN_WORDS = 5
GNU_TEXT = re.compile(r"^(?:A|L)?GPL-")
KIND_DETAIL = {"text": "full text", "header": "standard header", "exception": "exception text"}


# What an identification's detail calls a licence only named ("licensing statement naming MIT",
# Apache's standard header, a GNU notice): the file holds a notice, not the licence's text.
_NAMED_ONLY = (
    "licensing statement naming",
    "standard header",
    "one-liner naming",
    "MIT one-liner",
    "GNU notice",
    "exception named",
)


def full_texts(detail: str) -> list[str]:
    """The expressions an identification's `detail` ("MIT: full text; Apache-2.0: licensing
    statement naming Apache-2.0") says the text holds whole: a full text, an exception text, a
    GNU notice found with its full text ("GNU notice (or later) + full text"), a licence read
    by its own wording (ChaN's FatFs licence, a vendor's terms); not a notice that only names one."""
    found = []
    for part in detail.split("; "):
        expression, _, kind = part.partition(": ")
        if not kind.startswith(_NAMED_ONLY) or f"+ {KIND_DETAIL['text']}" in kind:
            found.append(expression)
    return found


@dataclass(frozen=True)
class Identification:
    expression: str | None  # normalized SPDX expression; None when nothing is recognized
    confidence: float  # 0.0-1.0
    detail: str = ""  # what was recognized, e.g. "MIT: full text"


_STATE: dict[str, object] = {}
# Identifications of short texts by their cleaned text, which is all identification reads:
# vendored source files repeat one notice under different copyright lines, which cleaning
# drops, so a tree of them is identified once per notice, not once per file.
_MEMO: dict[str, Identification] = {}
# And by the text as written, which files of one library often repeat byte for byte (the
# same copyright line too): cleaning it was half the cost of a memoized identification.
_MEMO_AS_WRITTEN: dict[str, Identification] = {}
MEMO_SIZE = 512
MEMO_TEXT_MAX = 16_384  # characters; a license file's whole text is read once anyway


def _engine():
    """The index and the set of known license ids, loaded once per process."""
    if "index" not in _STATE:
        from .index import get_index

        index = get_index()
        _STATE["index"] = index
        _STATE["known"] = set(index.license_ids)
    return _STATE["index"], _STATE["known"]


def reset() -> None:
    """Forget the loaded index and what it identified (tests switch cache folders)."""
    _STATE.clear()
    forget_identified()


def forget_identified() -> None:
    """Empty the memos (a benchmark times identification itself)."""
    _MEMO.clear()
    _MEMO_AS_WRITTEN.clear()


def identify(text: str) -> Identification:
    """The SPDX expression of the licenses whose text or notice this text holds."""
    from .normalize import clean

    short = len(text) <= MEMO_TEXT_MAX
    found = _MEMO_AS_WRITTEN.get(text) if short else None
    if found is not None:
        return found
    cleaned = clean(_cc_urls_named(text[:MAX_CHARS]))
    if len(cleaned) > MEMO_TEXT_MAX:
        return _identify(cleaned)
    found = _MEMO.get(cleaned)
    if found is None:
        found = _remember(_MEMO, cleaned, _identify(cleaned))
    return _remember(_MEMO_AS_WRITTEN, text, found) if short else found


# A Creative Commons licence's URL names its version ("http://creativecommons.org/licenses/by-sa/
# 3.0/", under Thingiverse's "... licensed under the Creative Commons - Attribution - Share Alike
# license."), and cleaning drops URLs: written as the licence's short name first.
# A ported licence's URL names its jurisdiction after the version (".../by/3.0/us/": CC-BY-3.0-US,
# another licence than CC-BY-3.0); the name written ends with a full stop where there is none,
# so that the next word is not taken for one.
_CC_URL = re.compile(
    r"(?:https?://)?(?:www\.)?creativecommons\.org/licenses/(by(?:-nc)?(?:-sa|-nd)?)/(\d\.\d)"
    r"(?:/([a-z]{2,3})(?![\w-]))?[^\s<>()\[\]\"']*",
    re.IGNORECASE,
)


def _cc_urls_named(text: str) -> str:
    if "ommons.org/licenses/" not in text:  # no copy of every text in upper case for the rare "Commons.org"
        return text
    return _CC_URL.sub(_cc_name, text)


def _cc_name(found: re.Match[str]) -> str:
    port = found[3]
    return (
        f" CC {found[1].upper()} {found[2]} {port.upper()} "
        if port
        else f" CC {found[1].upper()} {found[2]}. "
    )


def _remember(memo: dict[str, Identification], key: str, found: Identification) -> Identification:
    if len(memo) >= MEMO_SIZE:
        del memo[next(iter(memo))]  # the oldest
    memo[key] = found
    return found


def _identify(cleaned: str) -> Identification:
    from . import match, notices
    from .combine import Found, combine
    from .normalize import Prepared

    index, known = _engine()
    prepared = Prepared(cleaned, cleaned=True)
    words = prepared.words
    matches = [
        m
        for m in match.find(index, words)
        if m.kind != "header" or notices.names_license(words, m.first, m.last, index.names, m.expression)
    ]
    covered = len(set().union(*(range(m.first, m.last + 1) for m in matches if m.kind == "text")))
    # Few words outside the matched license texts hold no notice: skip that (slower) search,
    # unless a GNU text is among them, whose notice may hide in its run (see combine.py), or a
    # vendor's clause restricts the text it sits in (ST's, Nordic's 4th clause of a BSD text).
    gnu_text = any(m.kind == "text" and GNU_TEXT.match(m.expression) for m in matches)
    wanted = (
        gnu_text or not covered or len(words) - covered > NOTICE_MIN_WORDS or notices.vendor_clause(cleaned)
    )
    texts = [(m.first, m.last) for m in matches if m.kind == "text"]
    found_notices = notices.find(prepared, index.names, known, texts) if wanted else []
    found = [
        Found(m.expression, m.first, m.last, KIND_DETAIL[m.kind], round(m.coverage, 3), m.kind)
        for m in matches
    ]
    expression, confidence, detail = combine(prepared, found, found_notices)
    return Identification(expression, confidence, detail)


# What may follow a name that is a field's whole value: the end, punctuation, "License", a second
# name ("MIT or Apache-2.0"), "for hardware", a Chinese licence noun. Not a model number or
# another word: "Intel N100", "Nokia 5110 LCD", "Zed 2i camera" name parts, not licences.
_AFTER_NAME = re.compile(
    r"$|[^\w\s]|(?:licen[cs]ed?|or|and|for|only|version|v\d|以|协议|许可|授权|开源)(?!\w)|[\u4e00-\u9fff]"
)


def begins_with_name(text: str) -> bool:
    """Whether the text is a license's name or id and what may follow one ("MIT", "[GPL-3.0]
    (LICENSE) © 2025 …", "木兰宽松许可证，第2版", "Apache 2.0 for firmware"), as the value of a
    "License:" field is."""
    from . import gnu, notices
    from .normalize import Prepared

    prepared = Prepared(text)
    words = prepared.words
    if not words:
        return False
    at = 1 if words[0] == "the" and len(words) > 1 else 0  # "The MIT License"
    index, _ = _engine()
    cleaned = prepared.cleaned
    gnu_end = gnu.name_end(cleaned, prepared.spans[at][0])
    last = notices.name_last_word(words, at, index.names)
    ends = [gnu_end] if gnu_end is not None else []
    ends += [prepared.spans[last][1]] if last is not None else []
    return any(_AFTER_NAME.match(cleaned[end:].lstrip()) for end in ends)


def data_version() -> str:
    """The license data in use: packages, their versions and the SPDX list version."""
    index, _ = _engine()
    return index.version


__all__ = ["Identification", "begins_with_name", "data_version", "forget_identified", "identify", "reset"]
