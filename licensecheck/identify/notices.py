# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Standard notices and licensing statements that name a license instead of quoting it.

* A *grant* names a license right after "licensed under", "released under",
  "subject to the terms of", "pursuant to the terms of", "governed by", "License:", or Chinese
  "基于/采用/遵循 ...", "许可证：", "使用/以/在 ... 协议" — the Apache boilerplate, MPL
  Exhibit A, Creative Commons "This work is licensed under a ...", CERN-OHL v2 and
  Solderpad notices, the English and Chinese MulanPSL notices. The name is looked up in names.py.
* A few fixed phrases prove a license on their own (the CC0 waiver, Perl's
  "same terms as Perl itself"), or a restriction that makes the work not open: study or
  non-commercial use only ("仅供学习交流，禁止商用", "for personal use only").
* Exceptions named in a notice (the "Classpath" one).
* GNU notices (version, "or later") are read by gnu.py.

References count when they are grants: a project "licensed under" a named
license, with "see LICENSE" after it, names that license; a project that
"uses" one, "compatible with" one, or a list of licenses in prose names
nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from . import gnu
from .names import BSD_VARIANT_NOT_NAMED, FAMILY, STUDY_USE_ONLY, names_bare_bsd, names_no_version
from .normalize import EQUIVALENT_WORDS, NAME_FILLER, Prepared, version_number

# Not a bare "BSD": "This header is BSD licensed" names a family, which the text below decides.
_COMMON_NAME = (
    r"(?:mit|isc|0bsd|bsd-\d|apache|mpl|cc|cern|epl|eupl|boost|bsl|zlib|unlicense|wtfpl|mulan|artistic|upl)"
)
_GRANT = re.compile(
    r"\b(?:(?:dual|multi)?licen[cs]ed|released|distributed|available|provided|published|offered|covered|governed"
    r"|made\s+available|dedicated)\s+(?:to\s+you\s+)?(?:under|by|as)\b"
    r"|\bsubject\s+to\b|\bpursuant\s+to\s+the\s+terms\s+of\b|\bunder\s+the\s+terms\b|\blicen[cs]ed\s+to\s+you\b|\blicen[cs]es?\s*:"
    r"|\bspecify\s+the\s+licen[cs]e\b|\bunder\s+(?=the\s+\[?[a-z]+\s+licen[cs]e)"
    # ST's LICENSE files: "... without applicable license terms, the terms of the BSD-3-Clause
    # license shall apply"
    r"|\bterms\s+of\s+(?=the\s+\S+\s+licen[cs]e\s+shall\s+apply\b)"
    # "This project is MIT licensed", "is [MIT](…) licensed", for the common licences only: "The SDK
    # is Nokia licensed" and "This board is Intel licensed" name a company's terms, and Nokia and
    # Intel are SPDX ids too. Not "is not MIT licensed", "is it …?", "Are parts MIT licensed?".
    r"|\b(?:is|are)\s+(?:now\s+)?(?!not\b|no\b|it\b|this\b|that\b)(?=\[?"
    + _COMMON_NAME
    + r"[\w.+-]*\]?[\s-]licen[cs]ed\b(?!\s*\?))"
    r"|(?:采用|遵循|遵守|依据|根据|按照|受)|"
    + gnu.CHINESE_LABEL
    # "使用 MIT 许可证"; "本项目使用 MIT 协议", but not "使用 NTP 协议同步时间" (NTP is a licence id)
    + rf"|{gnu.CHINESE_VERB_BEFORE_NOUN}(?={gnu.CHINESE_LICENCE_NOUN_AFTER})"
    + rf"|{gnu.CHINESE_SUBJECT}{gnu.CHINESE_VERB_BEFORE_NOUN}(?={gnu.CHINESE_PROTOCOL_NOUN_AFTER})"
)
# Words that may stand between the grant and the name, or between two names of one sentence.
_LEAD_WORDS = (
    "the terms and conditions of either a an both this same as its following current latest or any to in be "
    "are is under"
)
_LEAD_FILLER = frozenset(_LEAD_WORDS.split())
# Words that end a statement's list of names; GNU names are gnu.py's, and end it too.
_STOP_WORDS = "see you which that may must for if copy except but gnu gpl lgpl agpl"
_STOP = frozenset(_STOP_WORDS.split())
_LIST_OPENERS = frozenset({"either", "both", "any", "following"})
_ARTICLES = frozenset({"the", "a", "an", "either", "both", "under"})
_FIRST_NAME_WITHIN = 4
_SENTENCE_WORDS = 40  # how far a statement's names are looked for
_NEXT_NAME_WITHIN = 10
_LONGEST_NAME = 24  # words; a Chinese name is a word per character (知识共享署名-非商业性使用-…)

STUDY_USE_ONLY_DETAIL = "study or non-commercial use only"
VENDOR_CHIPS_ONLY = "LicenseRef-Vendor-Chips-Only"  # chip vendors' clauses: not an open licence
# A chip vendor's clause tying its code to its chips, in each vendor's own wording, as its SDK
# files write it (sources.toml's vendor-sdk-* keys): a generic "only with ... devices"
# would catch descriptions of what code runs on. Searched in matched licence texts too: it is a
# clause added to a BSD or MIT text (ST's, Nordic's and Atmel's fourth clause).
VENDOR_CHIPS_CLAUSE = re.compile(
    r"\bused\s+for\s+microcontrollers?\s+manufactured\s+by\s+nanjing\s+qinheng\b"  # WCH
    r"|\bcan\s+be\s+freely\s+distributed\s+within\s+development\s+tools\s+that\s+are\s+supporting\s+such\b"
    r"|\bmust\s+execute\s+solely\s+and\s+exclusively\s+on\s+microcontroller\s+or\s+microprocessor\s+devices"
    r"\s+manufactured\s+by\s+or\s+for\s+stmicroelectronics\b"  # ST's 5-clause licence (2016-2018)
    r"|\bmust\s+only\s+be\s+used\s+with\s+a\s+nordic\s+semiconductor\s+asa\s+integrated\s+circuit\b"
    r"|\bmay\s+only\s+be\s+redistributed\s+and\s+used\s+in\s+connection\s+with\s+an?\s+atmel\s+microcontroller"
    r"|\bpermission\s+is\s+hereby\s+granted\s+for\s+use\s+on\s+(?:all\s+)?espressif\s+systems\b"
    r"|\bin\s+conjunction\s+with\s+artery\s+microcontrollers\b"
    r"|\bany\s+derivatives\s+exclusively\s+with\s+microchip\s+products\b"
    r"|\bused\s+in\s+conjunction\s+with\s+nxp\s+semiconductors\s+microcontrollers\b"
    r"|\bsolely\s+and\s+exclusively\s+(?:on\s+ti\W{0,2}s?\s+microcontroller|in\s+conjunction\s+with\s+a\s+texas\s+instruments)"
    r"|\bmay\s+only\s+be\s+used\s+with\s+products\s+of\s+renesas\b"
    r"|\bsolely\s+for\s+use\s+in\s+connection\s+with\s+cypress\W{0,2}s?\s+integrated\s+circuit\s+products\b"
)
# ST's Standard Peripheral Libraries up to 2011 (in most STM32F1 projects) and MindMotion's MM32
# libraries: a copyright and a disclaimer, no licence ("THE PRESENT FIRMWARE WHICH IS FOR GUIDANCE
# ONLY ..."). Unless the text grants something too (MindMotion's 2023 files add BSD clauses).
DISCLAIMER_ONLY = re.compile(
    r"\bthe\s+present\s+(?:firmware|software)\s+which\s+is\s+for\s+guidance\s+only\b"
    r"|\bthe\s+existing\s+firmware\s+is\s+only\s+for\s+reference\b"
)
DISCLAIMER_ONLY_DETAIL = "a vendor's disclaimer, no licence"
NO_LICENSE = "LicenseRef-All-Rights-Reserved"
_ANY_GRANT = re.compile(
    r"\bare\s+permitted\b|\bpermission\s+is\s+(?:hereby\s+)?granted\b|\blicen[cs]ed\s+under\b"
)
# Words one of which every VENDOR_CHIPS_CLAUSE holds: most texts skip its twelve alternatives.
_VENDOR_WORDS = (
    "qinheng", "development tools", "stmicroelectronics", "nordic", "atmel", "espressif", "artery",
    "microchip", "nxp", "texas instruments", "microcontroller", "renesas", "cypress",
)  # fmt: skip


def vendor_clause(cleaned: str) -> bool:
    """Whether the cleaned text holds a chip vendor's clause tying the code to its chips."""
    return any(word in cleaned for word in _VENDOR_WORDS) and VENDOR_CHIPS_CLAUSE.search(cleaned) is not None


PHRASES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"waived\s+all\s+copyright\s+and\s+related\s+(?:or|and)\s+neighbou?ring\s+rights"),
        "CC0-1.0",
        "CC0 waiver",
    ),
    (
        re.compile(r"\bunder\s+the\s+same\s+terms\s+as\s+perl\b"),
        "Artistic-1.0-Perl OR GPL-1.0-or-later",
        "Perl's terms",
    ),
    (
        re.compile(r"free\s+and\s+unencumbered\s+software\s+released\s+into\s+the\s+public\s+domain"),
        "Unlicense",
        "Unlicense statement",
    ),
    # Study or non-commercial use only: vendors' example code ("本程序只供学习使用，未经作者许可，不得
    # 用于其它任何用途"), makers' READMEs ("仅供学习交流，禁止商用"). Not a tutorial's disclaimer
    # ("代码仅供学习参考", often beside MIT), "仅供参考", "不禁止商用", "no commercial use
    # restrictions", a trademark's "not for commercial use", "for personal use only: debug print",
    # nor a licence text's own wording (matched texts are skipped).
    (
        re.compile(
            r"(?<![不并])(?:禁止|不得|不允许|不可|严禁|请勿|谢绝)(?:未经(?:作者|本人)?(?:授权|许可|同意)的?)?"
            r"(?:将本\w{1,4})?(?:用于|用作)?(?:任何)?(?:形式的)?商(?:业)?(?:用途|使用|用|化)"
            r"|(?:只|仅)(?:供|限)(?:个人)?学习(?:使用|交流|研究)?[，,\s]*(?:未经(?:作者|本人)?(?:授权|许可|同意)[，,\s]*)?"
            r"(?:不得|禁止|严禁)"
            r"|\bfor\s+(?:personal|private|educational|non-?commercial|study)\s+(?:and\s+\w+\s+)?use\s+only\b(?!\s*:)"
            r"|\bcommercial\s+use\s+(?:is\s+)?(?:strictly\s+)?(?:prohibited|forbidden|not\s+(?:allowed|permitted))"
        ),
        STUDY_USE_ONLY,
        STUDY_USE_ONLY_DETAIL,
    ),
    # ChaN's FatFs licence (not on the SPDX list), in its LICENSE.txt and in every ff.c header;
    # before R0.12 worded otherwise to the same effect, and copied by µGUI.
    (
        re.compile(
            r"\bredistribution\s+and\s+use\s+of\s+fatfs\s+in\s+source\s+and\s+binary\s+forms\b"
            r"|\bfatfs\s+module\s+is\s+a\s+free\s+software\s+that\s+opened\s+under\s+license\s+policy\b"
            r"|\bthe\s+fatfs\s+module\s+is\s+a\s+free\s+software\s+and\s+there\s+is\s+no\s+warranty\b"
        ),
        "LicenseRef-FatFs",
        "FatFs licence",
    ),
    # µGUI's header: the same terms in ChaN's older words, under µGUI's name.
    (
        re.compile(
            r"\bthe\s+[µμu]gui\s+module\s+is\s+a\s+free\s+software\s+and\s+there\s+is\s+no\s+warranty\b"
        ),
        "LicenseRef-uGUI",
        "µGUI licence",
    ),
    # Adafruit's and many Arduino libraries' one-liner: "MIT license, all text above must be
    # included in any redistribution" (Adafruit_MonoOLED.h: "all text above, and the splash
    # screen header file, must be ..."). Its "BSD license" twin names the family, not a variant
    # (Adafruit-GFX-Library's license.txt is BSD-2-Clause, others' the 3-clause one).
    (
        re.compile(
            r"\bmit\s+licen[cs]e,?\s+all\s+text\s+above\b[^.]{0,80}?\bmust\s+be\s+included\s+in\s+any\s+redistribution\b"
        ),
        "MIT",
        "MIT one-liner (all text above must be kept)",
    ),
    # Only where "BSD license" opens the line or the sentence: "Simplified BSD license, all text
    # above ..." names its variant, and is left to the folder's licence as before.
    (
        re.compile(
            r"(?:^|[.!?])[ \t]*bsd\s+licen[cs]e,?\s+all\s+text\s+above\b[^.]{0,80}?"
            r"\bmust\s+be\s+included\s+in\s+any\s+redistribution\b",
            re.MULTILINE,
        ),
        "BSD-3-Clause",
        f"one-liner naming {BSD_VARIANT_NOT_NAMED}",
    ),
    # The Eclipse projects' dual licence (Paho MQTT): "the Eclipse Public License v1.0 and
    # Eclipse Distribution License v1.0", the EDL being BSD-3-Clause; Eclipse lets the user choose.
    (
        re.compile(
            r"\beclipse\s+public\s+licen[cs]e,?\s+(?:v|version\s+)?1\.0\s+and\s+(?:the\s+)?eclipse\s+distribution\s+licen[cs]e"
        ),
        "EPL-1.0 OR BSD-3-Clause",
        "Eclipse dual licence (EPL or EDL)",
    ),
    (
        re.compile(
            r"\beclipse\s+public\s+licen[cs]e,?\s+(?:v|version\s+)?2\.0\s+and\s+(?:the\s+)?eclipse\s+distribution\s+licen[cs]e"
        ),
        "EPL-2.0 OR BSD-3-Clause",
        "Eclipse dual licence (EPL or EDL)",
    ),
    # SEGGER's and Micrium's uC/GUI and emWin sources: no licence for anyone but the licensee.
    (
        re.compile(
            r"\bthis\s+file\s+may\s+only\s+be\s+used\s+in\s+accordance\s+with\s+a\s+licen[cs]e\s+and\s+should\s+not\s+be"
            r"\s+re-?\s*distributed\b"
        ),
        NO_LICENSE,
        "SEGGER's notice: only under a licence, not to be redistributed",
    ),
    (DISCLAIMER_ONLY, NO_LICENSE, DISCLAIMER_ONLY_DETAIL),
    # Chip vendors' terms on SDK code (licenses-restricted.toml): ST's headers and LICENSE files
    # name them ("licensed by ST under Ultimate Liberty license SLA0044", "the terms of the SLA0044
    # license shall apply"); WCH's and ARM's CMSIS 1.x headers say what the code may be used with.
    (
        re.compile(r"\bsla0044\b|\bultimate\s+liberty\s+(?:software\s+)?licen[cs]e"),
        "LicenseRef-ST-SLA0044",
        "ST SLA0044",
    ),
    (
        re.compile(r"\bmcd-?st\s+liberty\s+(?:sw|software)\s+licen[cs]e"),
        "LicenseRef-MCD-ST-Liberty-SW-2.0",
        "MCD-ST Liberty SW License Agreement",
    ),
    (VENDOR_CHIPS_CLAUSE, VENDOR_CHIPS_ONLY, "for the vendor's chips only"),
    # Micrium's headers until 2020 (uC/OS-II in most STM32 tutorials' RTOS chapters): for
    # evaluation and education, commercial products need a licence; later, registered licensees
    # only. The uC/ components have been Apache-2.0 since 2020.
    (
        re.compile(
            # uC/OS-II V2.8x-V2.92: "for FREE evaluation"; uC/OS-III V3.0x: "for FREE short-term
            # evaluation". Micrium's, not a copy of its words that others put on their own code.
            r"\bprovided\s+in\s+source\s+form\s+for\s+free\s+(?:short-?term\s+)?evaluation,?\s+for\s+educational\s+use\s+or"
            r"\s+(?:for\s+)?peaceful\s+research\b(?=[\s\S]{0,300}?\bcontact\s+micri[uµ]m\b)"
        ),
        "LicenseRef-Micrium-Evaluation",
        "Micrium's evaluation terms",
    ),
    (
        re.compile(r"\bprovided\s+in\s+source\s+form\s+to\s+registered\s+licensees\s+only\b"),
        "LicenseRef-Micrium-Registered-Licensees",
        "Micrium's notice: for registered licensees only",
    ),
    # Silicon Labs' own agreement, not its Apache-2.0 files "supplemented by the ... MSLA".
    (
        re.compile(
            r"\byour\s+use\s+of\s+this\s+software\s+is\s+governed\s+by\s+the\s+terms\s+of\s+(?:the\s+)?silicon\s+labs"
            r"\s+master\s+software\s+licen[cs]e"
        ),
        "LicenseRef-MSLA",
        "Silicon Labs MSLA",
    ),
    (
        re.compile(
            # its header's "License: LA_OPT_NXP_Software_License" and "Licensed under the
            # LA_OPT_NXP_Software_License.txt", not a build script that installs the file
            r"\blicen[cs]e\s*:\s*(?:nxp\s+)?la_opt_nxp_software_licen[cs]e\b"
            r"|\blicen[cs]ed\s+under\s+(?:the\s+)?la_opt_nxp_software_licen[cs]e\b"
            r"|\bowned\s+or\s+controlled\s+by\s+nxp\s+and\s+may\s+only\s+be\s+used\s+strictly\s+in\s+accordance\b"
        ),
        "LicenseRef-LA-OPT-NXP-Software-License",
        "NXP LA_OPT software licence",
    ),
)
# Exceptions named in notices (their full texts are matched by the index).
EXCEPTION_MENTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bclasspath\W{0,3}\s+exception"), "Classpath-exception-2.0"),
    (re.compile(r"\bgcc\s+runtime\s+library\s+exception"), "GCC-exception-3.1"),
    (re.compile(r"\bllvm\s+exceptions?\b"), "LLVM-exception"),
    (re.compile(r"\blinux-syscall-note\b"), "Linux-syscall-note"),
    # FreeRTOS before V10: "GPL (version 2) ... >>>> AND MODIFIED BY <<<< the FreeRTOS exception";
    # V5-V6: "A special exception to the GPL can be applied ... a combined work that includes FreeRTOS".
    (
        re.compile(
            # FreeRTOS's own words, not a README saying which licence the bundled kernel keeps
            r"\band\s+modified\s+by\W{0,12}the\s+freertos\s+exception\b"
            r"|\bspecial\s+exception\s+to\s+the\s+gpl\s+can\s+be\s+applied\s+should\s+you\s+wish"
            r"\s+to\s+distribute\s+a\s+combined\s+work\s+that\s+includes\s+freertos\b"
        ),
        "freertos-exception-2.0",
    ),
)
MPL_NO_COPYLEFT = re.compile(r"incompatible\s+with\s+secondary\s+licen[cs]es")
OR_CUE = re.compile(
    r"dual[\s-]*licen[cs]|\balternatively\b|\beither\s+of\b|your\s+choice\s+of|\bor\s+under\b"
    r"|at\s+(?:your|the\s+licensee'?s?)\s+(?:option|choice|discretion)(?!\W{0,3}\s*any\s+later|\W{0,3}\s*version)"
    r"|\bmay\s+(?:choose|elect)\b|\bchoice\s+of\s+licen|\bunder\s+(?:the\s+terms\s+of\s+)?either\b(?!\s+version)"
    r"|\bdual\b|\bmulti[\s-]?licen"
)


@dataclass(frozen=True)
class Notice:
    expression: str
    start: int  # first and last word
    end: int
    detail: str
    confidence: float
    group: int = -1  # names read from one grant sentence share a group
    kind: str = "license"  # or "exception"
    joiner: str = "AND"  # how the names of one group combine ("OR": "the MIT or Apache license")


class _Names:
    """Longest-name lookup over the words after a grant."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.prefixes = {key[:i] for key in table for i in range(1, len(key) + 1)}

    def at(self, words: list[str], i: int) -> tuple[str, int] | None:
        """(expression, index of the name's last word) for a name starting at word i."""
        if words[i] in NAME_FILLER:
            return None
        key, best = "", None
        for j in range(i, min(i + _LONGEST_NAME, len(words))):
            w = words[j]
            if w in NAME_FILLER:
                continue
            key += version_number(EQUIVALENT_WORDS.get(w, w))
            if key not in self.prefixes:
                break
            if key in self.table:
                best = (self.table[key], j)
        return best


def _joined(words: list[str], i: int, first: int) -> bool:
    """Whether the name at word i follows "or"/"and" (a second name of the same statement), or
    the statement announced a list ("... either of:" and a bulleted list of names)."""
    if _LIST_OPENERS.intersection(words[first : first + 3]):
        return True
    return _word_before(words, i, first) in ("or", "and")


def _next_in_list(prepared: Prepared, last: int, i: int) -> bool:
    """Whether word i comes right after a name that ended at word `last`, past a comma: the
    next of a list ("MIT, BSD-3-Clause or GNU GPL v2")."""
    return i == last + 1 and "," in prepared.cleaned[prepared.spans[last][1] : prepared.spans[i][0]]


def _word_before(words: list[str], i: int, first: int) -> str | None:
    """The word before word i, articles skipped, from the grant's first word on."""
    j = i - 1
    while j > first and words[j] in _ARTICLES:
        j -= 1
    return words[j] if j >= first else None


# A GNU licence's name in a grant's list: gnu.py reads its version; the grant says which
# other names it goes with ("the BSD license or the GNU GPL v2", "the GPL, or the BSD license").
GNU_IN_LIST = "GNU"
# Words a GNU name may start with (gnu.py's _NAME says whether one does): "GPLv2" is "gplv 2".
_GNU_NAME_WORDS = frozenset(
    {"gnu", "gpl", "lgpl", "agpl", "gplv", "lgplv", "agplv", "gfdl", "general", "lesser", "library", "affero"}
)
_ABBREVIATION_BEFORE = re.compile(r"[(\[]\s*(?:the\s+)?[\"'“]?\s*$")
# After a GNU name joined by "and", what goes on with a list of licences ("the MIT and GPL
# licenses.", "MIT (MIT-LICENSE.txt) and GPL (GPL-LICENSE.txt)"), not a clause of its own ("the
# MIT license, and the GPL does not apply to it", "… and the GNU GPL v3 applies to the examples").
_LIST_GOES_ON = re.compile(
    r"(?:\s*(?:v|version)?\s*\d+(?:\.\d+)?\+?)?(?:\s+or\s+later|\s+only)?(?:\s+licen[cs]es?)?"
    r"\s*(?:[.,;:()\[\]]|$|\s+(?:respectively|at\s+your|as\s+published|or)\b)"
)


def _names_after(prepared: Prepared, names: _Names, first: int) -> list[tuple[str, int, int]]:
    """Names in the sentence after a grant: the first within a few words, then any that
    follow "or"/"and" within a few more ("either of Apache-2.0 ... or MIT"). A GNU name in
    the list is GNU_IN_LIST, with its words."""
    words = prepared.words
    found: list[tuple[str, int, int]] = []
    i, budget = first, _FIRST_NAME_WITHIN
    end = min(len(words), first + _SENTENCE_WORDS)
    # The last names that only a comma joined: a list's middle when "or"/"and" closes it ("MIT,
    # ISC or Apache-2.0"), else another statement ("Licensed under MIT, ISC for older files").
    unclosed = 0
    while i < end and budget > 0:
        joined = not found or _joined(words, i, first)
        after_comma = not joined and _next_in_list(prepared, found[-1][2], i)
        hit = names.at(words, i) if joined or after_comma else None
        if hit is None and (joined or after_comma) and words[i] in _GNU_NAME_WORDS:
            hit = _gnu_name(prepared, i, bool(found) and _word_before(words, i, first) == "and")
        if hit:
            found.append((hit[0], i, hit[1]))
            unclosed = unclosed + 1 if after_comma else 0
            i, budget = hit[1] + 1, _NEXT_NAME_WITHIN
            continue
        if words[i] in _STOP:
            break
        if words[i] not in _LEAD_FILLER:
            budget -= 1
        i += 1
    return found[: len(found) - unclosed]


def _gnu_name(prepared: Prepared, i: int, after_and: bool) -> tuple[str, int] | None:
    """(GNU_IN_LIST, its last word) for a GNU licence's name starting at word i; after "and",
    only where the list goes on after it (_LIST_GOES_ON)."""
    cleaned, start = prepared.cleaned, prepared.spans[i][0]
    if _ABBREVIATION_BEFORE.search(cleaned, max(0, start - 12), start):
        return None  # '(the "GPL")' after the name it abbreviates
    name_end = gnu.name_end(cleaned, start)
    if name_end is None or (after_and and not _LIST_GOES_ON.match(cleaned, name_end)):
        return None
    return GNU_IN_LIST, prepared.word_at(name_end) - 1


def name_last_word(words: list[str], i: int, table: dict[str, str]) -> int | None:
    """The index of the last word of a license's name (or a family's: "BSD") starting at word i."""
    hit = _names_for(table).at(words, i)
    return None if hit is None else hit[1]


def names_license(words: list[str], first: int, last: int, table: dict[str, str], expression: str) -> bool:
    """Whether words[first:last+1] name this license somewhere (a standard header must: the
    Apache boilerplate also carries the Educational Community License and others)."""
    names = _names_for(table)
    family = FAMILY + expression.split("-")[0]
    return any(
        hit is not None and hit[0] in (expression, family)
        for hit in (names.at(words, i) for i in range(first, min(last + 1, len(words))))
    )


# A licence URL as identify writes it ("CC BY-SA 3.0." or, ported, "CC BY-SA 3.0 DE"; "by-sa" is
# "bysa" once cleaned) right after a versionless name: in the rest of the name's sentence, or
# just after it (in brackets, or on the next line as Thingiverse writes it); not in another sentence.
_URL_AFTER_NAME = re.compile(
    r"[^.!?。！？\n]{0,120}?[.!?。！？]?\s*[(\[]?\s*\bcc\s+(by(?:nc)?(?:sa|nd)?)\s+(\d\.\d)(?:\s+([a-z]{2,3})\b)?"
)


def _cc_version(expression: str, cleaned: str, name_end: int, known: set[str]) -> tuple[str, str]:
    """A Creative Commons licence named without its version: the version of its URL right after
    the name, else 4.0."""
    family = expression.removesuffix("-4.0")  # "CC-BY-SA"
    named = _URL_AFTER_NAME.match(cleaned, name_end)
    if named and family == "CC-" + "-".join(_CC_PARTS.findall(named[1].upper())):
        versioned = f"{family}-{named[2]}" + (f"-{named[3].upper()}" if named[3] else "")
        if versioned in known:
            return versioned, f"licensing statement naming {family} without a version, {versioned} by its URL"
    return expression, f"licensing statement naming {family} without a version (4.0 assumed)"


_CC_PARTS = re.compile(r"BY|NC|SA|ND")


class _Listed(NamedTuple):
    """A GNU name a grant lists among others: the GNU notice there joins the grant's group."""

    start: int  # the name's first word
    group: int
    joiner: str


def _grants(
    prepared: Prepared, names: _Names, skip: list[tuple[int, int]], known: set[str], listed: list[_Listed]
) -> list[Notice]:
    """The names each grant lists, as notices of one group; the GNU names among them go to `listed`."""
    notices: list[Notice] = []
    words = prepared.words
    cleaned = prepared.cleaned
    for group, grant in enumerate(_GRANT.finditer(cleaned)):
        if gnu.denied(cleaned, grant.start()):
            continue
        first = prepared.word_at(grant.end())
        if any(start <= first <= end for start, end in skip):
            continue
        named = _names_after(prepared, names, first)
        between = words[named[0][1] : named[-1][1]] if named else []
        joiner = "OR" if "or" in between or "either" in between else "AND"
        for expression, start, last in named:
            if expression == GNU_IN_LIST:
                if len(named) > 1:
                    listed.append(_Listed(start, group, joiner))
                continue
            if expression.startswith(FAMILY):
                continue
            detail = f"licensing statement naming {expression}"
            if names_bare_bsd(words[start : last + 1]):
                detail = f"licensing statement naming {BSD_VARIANT_NOT_NAMED}"
            elif names_no_version(expression, words[start : last + 1]):
                expression, detail = _cc_version(expression, cleaned, prepared.spans[last][1], known)
            notices.append(Notice(expression, first, last, detail, 0.85, group, joiner=joiner))
    return notices


def find(
    prepared: Prepared, table: dict[str, str], known: set[str], skip: list[tuple[int, int]] = ()
) -> list[Notice]:
    """Every notice, grant and named exception in the text, in text order; no grant is read
    inside the `skip` word ranges (matched license texts: their own wording names licenses)."""
    cleaned = prepared.cleaned
    at = prepared.word_at
    notices = [
        Notice(n.expression, at(n.start), at(n.end) - 1, n.detail, 0.9) for n in gnu.find(cleaned, known)
    ]
    # A grant inside a matched text is skipped: when one text spans every word (a LICENSE
    # file holding a GNU text, searched for a notice hiding in it), none is worth the search.
    whole = any(start <= 0 and end >= len(prepared.words) - 1 for start, end in skip)
    if not whole and _GRANT.search(cleaned):
        listed: list[_Listed] = []
        granted = _grants(prepared, _names_for(table), list(skip), known, listed)
        notices = _with_listed(prepared, notices, listed, known) + granted
    vendor = vendor_clause(cleaned)
    phrased: list[Notice] = []
    for pattern, expression, detail in PHRASES:
        if pattern is VENDOR_CHIPS_CLAUSE and not vendor:
            continue
        phrased += [
            Notice(expression, at(m.start()), at(m.end()) - 1, detail, 0.9)
            for m in pattern.finditer(cleaned)
            # CC BY-NC's own text says what it forbids: that is the licence, not a notice beside it
            if (expression != STUDY_USE_ONLY or not any(start <= at(m.start()) <= end for start, end in skip))
            # a disclaimer below a grant is the grant's (MindMotion's BSD clauses), not "no licence"
            and (pattern is not DISCLAIMER_ONLY or not _ANY_GRANT.search(cleaned, 0, m.start()))
        ]
    # A phrase naming a choice ("the Eclipse Public License v1.0 and Eclipse Distribution
    # License v1.0": EPL-1.0 OR BSD-3-Clause) stands for the names a grant read in its words.
    notices = [n for n in notices if not any(_restated(n, phrase) for phrase in phrased)] + phrased
    for pattern, exception in EXCEPTION_MENTIONS:
        notices += [
            Notice(exception, at(m.start()), at(m.end()) - 1, "exception named", 0.8, kind="exception")
            for m in pattern.finditer(cleaned)
        ]
    return sorted(notices, key=lambda n: n.start)


def _with_listed(
    prepared: Prepared, notices: list[Notice], listed: list[_Listed], known: set[str]
) -> list[Notice]:
    """The GNU notices, those whose name a grant lists with others in that grant's group ("the
    BSD license or the GNU GPL v2" is one or the other, not both), and a notice for each GNU
    name a grant lists that gnu.py did not read as granted on its own."""
    by_start = {item.start: item for item in listed}
    found = []
    for notice in notices:
        item = by_start.pop(notice.start, None)
        found.append(notice if item is None else replace(notice, group=item.group, joiner=item.joiner))
    at = prepared.word_at
    for item in by_start.values():
        named = gnu.notice_at(prepared.cleaned, prepared.spans[item.start][0], known)
        if named is not None:
            start, last = at(named.start), at(named.end) - 1
            found.append(
                Notice(named.expression, start, last, named.detail, 0.9, item.group, joiner=item.joiner)
            )
    return found


def _restated(notice: Notice, phrase: Notice) -> bool:
    return (
        " OR " in phrase.expression
        and notice.start <= phrase.end
        and phrase.start <= notice.end
        and notice.expression in phrase.expression.split(" OR ")
    )


_NAMES_CACHE: dict[int, _Names] = {}


def _names_for(table: dict[str, str]) -> _Names:
    found = _NAMES_CACHE.get(id(table))
    if found is None or found.table is not table:
        found = _Names(table)
        _NAMES_CACHE.clear()
        _NAMES_CACHE[id(table)] = found
    return found
