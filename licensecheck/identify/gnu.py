# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""GNU license notices: which GPL, LGPL, AGPL or GFDL, which version, "only" or "or later".

A grant of the GNU GPL followed by "either version 2 of the License, or (at
your option) any later version" reads as the "-or-later" id of version 2;
without the "later" clause, as the "-only" id.
A name without a version means any version (GPL-1.0-or-later, and for the
Lesser GPL 2.1, which introduced that name). Only *grants* count: the name
must follow "under", "licensed", "subject to", "License:" ...; "See the ...
for more details" is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = re.compile(
    r"\b(?:gnu\s+)?(?:(?P<agpl>affero\s+general\s+public)|(?P<lesser>lesser\s+general\s+public)"
    r"|(?P<library>library\s+general\s+public)|(?P<gfdl>free\s+documentation)|(?P<gpl>general\s+public))"
    r"\s+licen[cs]e\b"
    r"|\b(?:gnu\s+)?(?P<abbr>agpl|lgpl|gpl|gfdl|fdl)(?:[\s-]?v(?=\d)|-)?(?P<abbr_version>\d(?:\.\d)?)?"
    r"(?P<abbr_plus>\+|-or-?later|-?orlater|-only)?(?![a-z])"
)
# Where a version clause ends: a new sentence or paragraph, another license's name.
_CLAUSE_END = re.compile(
    r"\.\s+(?=[a-z(])|\n\s*\n|\b(?:gnu|mozilla|apache|mit|bsd|eclipse|creative|artistic|academic)\b"
    r"|\b(?:lesser|library|affero)\s+general|[。；！？]"
)
_VERSION = re.compile(r"(?:\bversion|\bv\.?|\bver\.?)\s*(\d+(?:\.\d+)?)\b")
# "或更高版本", "或（由您选择）任何更新的版本": the Chinese "or (at your option) any later version".
_CHINESE_OPTION = r"(?:\(.{0,12}?\)|（.{0,12}?）)?"  # "（由您选择）", "(at your option)"
_CHINESE_NEWER = r"(?:任何|任意)?(?:更高|更新|以后|之后|其后|后续)的?版本"
# "或" (or) is required: "运行需要 Python 3.8 或更高版本" is another sentence's, "更新版本请见官网"
# (newer releases: see the site) is not a licence's.
_CHINESE_LATER = r"(?:或|及|以及)\s*" + _CHINESE_OPTION + r"\s*" + _CHINESE_NEWER
_LATER = re.compile(r"\blater\b|\bnewer\b|^\+|\(\s*>=|\bor\s+any\s+subsequent\b|" + _CHINESE_LATER)
_ONLY = re.compile(r"\bonly\b")
_VERSION_BEFORE = re.compile(r"\bversion\s+(\d+(?:\.\d+)?)\s+(?:or\s+later\s+)?of\s+(?:the\s+)?$")
_R_STYLE = re.compile(r"^\s*\(\s*>=\s*(\d+(?:\.\d+)?)\s*\)")
_ABBR_VERSION = re.compile(r"\s*,?\s*(?:version|v\.?|ver\.?)\s*(\d+(?:\.\d+)?)\b")
_ABBR_LATER = re.compile(
    r"\s*(?:\+|,?\s*or\s+(?:\(at\s+your\s+option\)\s+)?(?:any\s+)?(?:later|newer)"
    r"|[,，]?\s*" + _CHINESE_LATER + ")"
)
_ONLY_NEXT = re.compile(r"\s*,?\s*only\b")
# Chinese labels read as "License:" is ("许可证：", "开源协议："; a full-width colon or not);
# notices.py reads them too. Before a GNU name only these and the verbs that grant ("本项目采用
# GPL-3.0") count: "基于 GPLv2 的驱动移植而来" (ported from), "根据 GPL 的要求" (as the GPL
# requires), "受 GPL 约束的代码" (code bound by the GPL) grant nothing.
CHINESE_LABEL = r"(?:许可证?|许可协议|开源协议|授权(?:协议|条款)?)\s*[:：]"  # 授权： is Taiwan's "License:"
_CHINESE_GRANT = r"(?:采用|遵循|遵守|" + CHINESE_LABEL + ")"
# Verbs that grant only when a licence noun follows the name in its clause: "本项目使用 GPL-3.0
# 协议", "以 GPL-3.0 许可证发布", "在 GPL-3.0 许可下开源", "基于 GPL-3.0 协议开源" grant; "使用
# GPL 代码" (uses GPL code), "使用了 lwIP（BSD-3-Clause 许可）" (used a library), "基于 GPLv2 的驱动"
# (based on a GPLv2 driver), "基于 GPL 协议的代码" and "在 Zlib 许可下的 miniz" (code under a
# licence), "不使用 GPL 协议" and "可能使用 GPL 协议" (not decided) do not; nor "可以", "所以",
# "难以" ..., where 以 is part of another word.
CHINESE_VERB_BEFORE_NOUN = (
    r"(?<![不未没非能会可所加予难足用])(?<!可能|或许|打算|计划|考虑)(?:基于|使用(?!了)|以|在)"
)
_CLAUSE = r"[^。；;，,（(\n]{0,30}?"  # "使用 Intel HEX 协议解析（许可见 LICENSE）": another clause
_CLAUSE_ENDS = r"(?=\s*(?:[。，,；;！!）)\n]|$))"
# "协议" is as often a protocol, whose name may be a licence id ("本程序使用 NTP 协议从网络获取时间",
# "以 JSON 协议发布数据"): it is a licence only where the clause ends with it or with a release
# ("本项目使用 MIT 协议。", "以 MIT 协议开源，欢迎 PR", "在 MIT 协议下发布"); notices.py also wants
# the project as the verb's subject.
_PROTOCOL_NOUN = r"协议(?:\s*下)?(?:\s*(?:开源|发布|发行|释出))?" + _CLAUSE_ENDS
_RELEASED_UNDER_PROTOCOL = r"协议(?:\s*下)?\s*(?:开源|发布|发行|释出)" + _CLAUSE_ENDS  # needs no subject
# The whole noun: "许可证的" must not pass as "许可" and a "证" after it.
# Nor "Intel 的许可" (Intel's permission), "CUBE 许可证管理器" (a licence manager).
_LICENCE_NOUN = r"(?<!的)(?:开源协议|许可证|许可协议|授权条款|授权协议|许可|授权)(?![证协条款议的管])(?!下的)"
CHINESE_LICENCE_NOUN_AFTER = _CLAUSE + f"(?:{_LICENCE_NOUN}|{_RELEASED_UNDER_PROTOCOL})"
CHINESE_PROTOCOL_NOUN_AFTER = _CLAUSE + _PROTOCOL_NOUN
_WORK = r"(?:项目|软件|程序|仓库|固件|作品|工程|专案|程式|代码|源码|源代码|设计|硬件|文件)"
CHINESE_SUBJECT = rf"(?:本|该|此)?{_WORK}[^。；;，,\n]{{0,6}}?"
_CHINESE_VERB_TAIL = re.compile(CHINESE_VERB_BEFORE_NOUN + r"\s*$")
_CHINESE_NOUN_NEXT = re.compile(f"{CHINESE_LICENCE_NOUN_AFTER}|{CHINESE_PROTOCOL_NOUN_AFTER}")
# Words that make the following name a grant, then the fillers allowed before the name.
_GRANT_TAIL = re.compile(
    r"(?:\bunder|\bsubject\s+to|\bgoverned\s+by|\bcovered\s+by|\blicen[cs]ed(?:\s+as)?|\blicen[cs]e\s*:"
    r"|\breleased\s+as|\bterms\s+of|\bconditions\s+of|" + _CHINESE_GRANT + ")"
    r"(?:[\s,:\"'(\[]+(?:the|terms|and|conditions|of|either|a|an|both|version|v|\d+(?:\.\d+)?))*[\s,:\"'(\[]*$"
)
# What makes a grant no grant, written just before it: "is not licensed under the MIT License",
# "is no longer under the MIT License", "rights previously granted under the MIT License"
# (FastLED's licence of 2026, about its MIT releases), "本项目不采用 GPL 协议".
_GRANTED_AS = r"(?:(?:licen[cs]ed|released|distributed|available|provided|published|offered|granted)\s+)?$"
_WORDS_OF_A_CLAUSE = r"(?:[^.;:!?。；]|\.(?=\d))"  # a version's dot ("before 2.0") ends no clause
_DENIED = re.compile(
    r"\b(?:not|never|nor|no\s+longer|no\s+more|cannot|(?:is|are|was|were|ca)n['’]t)\s+"
    r"(?:(?:be|been|being|yet|currently)\s+)*" + _GRANTED_AS + r"|\b(?:previously|formerly)\s+(?:[a-z]+\s+)?$"
    # The licence of earlier releases, a relicensed project's history: "Previous releases were
    # licensed under the MIT License", "Versions before 2.0 were released under the GPL", "This
    # project was originally licensed under the GPL v3 but is now MIT licensed".
    r"|\b(?:previous|earlier|older|prior|former|old)\s+(?:releases?|versions?|editions?|revisions?)\b"
    + _WORDS_OF_A_CLAUSE
    + r"{0,30}?\s(?:were|was|are|have\s+been|had\s+been)\s+"
    + _GRANTED_AS
    + r"|\bversions?\s+(?:before|prior\s+to|up\s+to|below|older\s+than|until)\s+"
    + _WORDS_OF_A_CLAUSE
    + r"{1,20}?"
    r"\s(?:were|was|are|have\s+been)\s+"
    + _GRANTED_AS
    + r"|\b(?:originally|initially)\s+"
    + _GRANTED_AS
    + r"|(?:不|未|并非|没有|不再)\s*$"
)
_DENIED_WITHIN = 80  # characters before a grant that may deny it


def denied(cleaned: str, grant_start: int) -> bool:
    """Whether the grant starting at `grant_start` of a cleaned text is denied or past."""
    return _DENIED.search(cleaned, max(0, grant_start - _DENIED_WITHIN), grant_start) is not None


_ABBR_TAIL = re.compile(r"\b(?:is|are|be|as)\s+(?:licen[cs]ed\s+)?$")
_CONTINUATION_TAIL = re.compile(r"\b(?:or|and)\s+(?:the\s+)?$")
_TAIL_CHARS = 90

FAMILY_PREFIX = {"agpl": "AGPL", "lesser": "LGPL", "library": "LGPL", "gfdl": "GFDL", "gpl": "GPL"}
# "Any version" of a name: the first version that used it.
UNVERSIONED = {
    "gpl": "GPL-1.0-or-later",
    "lesser": "LGPL-2.1-or-later",
    "library": "LGPL-2.0-or-later",
    "lgpl": "LGPL-2.0-or-later",
    "agpl": "AGPL-3.0-or-later",
    "gfdl": "GFDL-1.1-or-later",
}


@dataclass(frozen=True)
class GnuNotice:
    expression: str
    start: int
    end: int
    detail: str


def _family(match: re.Match[str]) -> str:
    abbr = match.group("abbr")
    if abbr:
        return {"fdl": "gfdl", "gfdl": "gfdl", "agpl": "agpl", "lgpl": "lgpl", "gpl": "gpl"}[abbr]
    return next(k for k in ("agpl", "lesser", "library", "gfdl", "gpl") if match.group(k))


def _is_grant(cleaned: str, match: re.Match[str], previous_end: int) -> bool:
    start = max(0, match.start() - _TAIL_CHARS)
    tail = cleaned[start : match.start()]
    granted = _GRANT_TAIL.search(tail)
    if granted is None and _CHINESE_NOUN_NEXT.match(cleaned, match.end()):
        granted = _CHINESE_VERB_TAIL.search(tail)
    if granted is None and match.group("abbr"):
        granted = _ABBR_TAIL.search(tail)
    if granted is not None:
        return not denied(cleaned, start + granted.start())
    return previous_end >= 0 and match.start() - previous_end < 80 and bool(_CONTINUATION_TAIL.search(tail))


def _version_clause(cleaned: str, match: re.Match[str]) -> tuple[str | None, bool, bool, int]:
    """(version, or_later, only, clause end) read after the name, or just before it."""
    window = cleaned[match.end() : match.end() + 260]
    cut = _CLAUSE_END.search(window)
    if cut:
        window = window[: cut.start()]
    if match.group("abbr"):
        version = match.group("abbr_version")
        plus = match.group("abbr_plus") or ""
        r_style = _R_STYLE.match(window)
        if r_style:
            return r_style.group(1), True, False, match.end() + r_style.end()
        rest = window[:60]
        spelled = _ABBR_VERSION.match(rest)
        if version is None and spelled:
            version, rest = spelled.group(1), rest[spelled.end() :]
        later = bool(plus and "only" not in plus) or bool(_ABBR_LATER.match(rest))
        return version, later, plus.endswith("only") or bool(_ONLY_NEXT.match(rest)), match.end() + 60
    found = _VERSION.search(window)
    before = _VERSION_BEFORE.search(cleaned[max(0, match.start() - 40) : match.start()])
    if found:
        after = window[found.end() :]
        return (
            found.group(1),
            bool(_LATER.search(after)),
            bool(_ONLY.search(after)),
            match.end() + len(window),
        )
    if before:
        return before.group(1), bool(_LATER.search(window)), False, match.end() + len(window)
    return None, bool(_LATER.search(window)), False, match.end() + len(window)


def _expression(family: str, version: str | None, later: bool, known: set[str]) -> str:
    if version is not None:
        if "." not in version:
            version += ".0"
        prefix = FAMILY_PREFIX.get(family, family.upper())
        spdx_id = f"{prefix}-{version}-{'or-later' if later else 'only'}"
        if spdx_id in known:
            return spdx_id
    return UNVERSIONED[family]


def name_end(cleaned: str, first: int) -> int | None:
    """Where a GNU license's name that starts at character `first` of a cleaned text ends."""
    found = _NAME.match(cleaned, first)
    return None if found is None else found.end()


def find(cleaned: str, known: set[str]) -> list[GnuNotice]:
    """GNU license grants in a cleaned text, in order."""
    notices: list[GnuNotice] = []
    previous_end = -1
    for match in _NAME.finditer(cleaned):
        if not _is_grant(cleaned, match, previous_end):
            continue
        notices.append(_notice(cleaned, match, known))
        previous_end = notices[-1].end
    return notices


def notice_at(cleaned: str, first: int, known: set[str]) -> GnuNotice | None:
    """The notice of the GNU name that starts at character `first`, granted or not: a grant
    that lists it with other licences says it is one ("the BSD license or the GNU GPL v2")."""
    match = _NAME.match(cleaned, first)
    return None if match is None else _notice(cleaned, match, known)


def _notice(cleaned: str, match: re.Match[str], known: set[str]) -> GnuNotice:
    family = _family(match)
    version, later, only, end = _version_clause(cleaned, match)
    expression = _expression(family, version, later and not only, known)
    if version is None:
        detail = "GNU notice (no version: any version)"
    else:
        detail = "GNU notice (or later)" if expression.endswith("-or-later") else "GNU notice (only)"
    return GnuNotice(expression, match.start(), end, detail)
