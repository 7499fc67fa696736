# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The license sections of a README, as makers write them.

A README says its project's license under a heading ("## License", "## 开源协议", an
underlined "License", "<h2>License</h2>", "**License**"), on a label line ("License: MIT",
"- 许可证：MIT", "| License | MIT |") or in a shields.io badge. The section often holds only
a name. What identification is given reads these as "License:" fields, every other line as
written, where sentences ("This project is licensed under ...", "本项目采用 MIT 许可证") are
grants of their own:

* the first paragraph of a section, line by line and piece by piece ("MIT", "[MIT](LICENSE)
  © Jane Doe", "CERN-OHL-S-2.0 (hardware), GPL-3.0-or-later (firmware)");
* a value after a licensing or part label anywhere in it ("Hardware: CERN-OHL-S-2.0",
  "| 固件 | MIT |").

A field is a license's name and what may follow one (identify.begins_with_name): "Nokia 5110
LCD driver", "Intel N100" and "Zed 2i camera" name parts, not licenses, though Nokia, Intel and
Zed are SPDX ids; "Proprietary, not MIT" and sentences are no fields either.

Every license section counts ("## Hardware license" and "## Software license" name two
parts); a section about other people's code ("## Third-party licenses", "## 第三方库许可", or
such a subsection of "## License") does not: each library it lists would read as the
README's license. Fenced code and link definitions are left out. Lines are read one by one,
each pattern anchored or bounded: no input makes a regex backtrack over a long line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

README_CHARS = 512 * 1024  # a README is read this far
SECTION_CHARS = 4000  # of all the license sections together
FIELD_CHARS = 200  # a longer line is prose
LINE_WORDS = 12  # a line a name opens is a field up to this long
PIECE_WORDS = 6  # and a piece of a line ("… the MIT and Apache-2.0 licenses are the candidates …")
TITLE_WORDS = 4  # "MIT License", "Hardware license", "开源协议"
BELOW_ALL = 7  # the level of a bold title or a label line: any heading ends its section

_LICENCE_WORD = r"licen[cs]es?\b|licensing\b|许可|許可|授权|授權|开源协议|開源協議"
_COPYRIGHT_WORD = r"copyright\b|版权|版權"
# A title that opens with a licensing word, or a short one that ends with one ("Hardware
# License (CERN-OHL-S v2)").
_OPENS = re.compile(rf"^[\W\d]*(?:{_LICENCE_WORD}|{_COPYRIGHT_WORD})", re.IGNORECASE)  # "5. License"
_ENDS = re.compile(rf"(?:{_LICENCE_WORD})\W*(?:[(（][^()（）]{{0,40}}[)）]\W*)?$", re.IGNORECASE)
# "## 开源", "## 协议", "## Open Source"
_ALONE = re.compile(
    r"^\W*(?:开源|開源|协议|協議|open[\s-]?source)(?:说明|說明|声明|聲明)?\W*$", re.IGNORECASE
)
_OTHERS = re.compile(r"third[\s-]*part|dependenc|vendor|第三方|依赖|依賴", re.IGNORECASE)
_EMOJI_CODE = re.compile(r":[a-z0-9_+-]{1,30}:")  # GitHub's ":scroll:"
# A label whose value is a license: a licensing word, or a part of the project.
_LABEL_WORD = (
    r"licen[cs]es?|licensing|许可证?|許可證?|许可协议|許可協議"
    r"|开源(?:协议|许可证?)|開源(?:協議|許可證?)|授权|授權"
)
_PART = re.compile(
    r"^\W*(?:(?:spdx-license-identifier|licen[cs]es?|licensing"
    r"|hardware|firmware|software|code|source|docs?|documentation|pcb"
    r"|schematics?|3d|cad|mechanical|enclosures?|gerbers?|everything else)(?![a-z])"
    r"|许可|許可|授权|授權|开源协议|開源協議|硬件|硬體|固件|韌體|软件|軟體|代码|程式碼|源码|源碼|程序|程式|文档|文檔|文件"
    r"|外壳|外殼|结构|結構|电路|電路|原理图|原理圖|其余|其餘)",
    re.IGNORECASE,
)
# Heading lines.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?!#)")
_ASCIIDOC = re.compile(r"^(=+)[ \t]")
_UNDERLINE = re.compile(r"^[=\-~^]{3,}[ \t]*$")
_HTML = re.compile(r"^\s*<h([1-6])[^>]{0,200}>(.{0,200}?)</h[1-6]>", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"^\s*<(?:h[1-6]|details|summary|table)\b", re.IGNORECASE)  # ends a section
_BOLD = re.compile(r"^\s*(?:[-*+][ \t]+)?(\*\*|__)([^*_]{1,60}?)\1(.{0,200})$")
_BOLD_ALONE = re.compile(r"^\s*(\*\*|__)[^*_]{1,60}\1\s*$")
# Markup may come first ("- ", "> ", "**", "| "); not a quotation mark: '"License: MIT"' is prose.
_LABEL = re.compile(rf"^[\s>*_|#+•-]{{0,4}}(?:{_LABEL_WORD})[ \t]*(?:$|[:：|\-–—(（])", re.IGNORECASE)
_COPYRIGHT_ALONE = re.compile(rf"^\W{{0,3}}(?:{_COPYRIGHT_WORD})\W*$", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_HTML_TAG = re.compile(r"<[^<>]{0,200}>")
_LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]{1,200}\]:")
_PATH = re.compile(r"^[^\s\[(]{0,200}/[^\s/]{0,200}[/.]")  # "doc/images/logo.svg": no name
_PIECES = re.compile(r"[,;，；、|。]|\.\s+")  # "Code: MIT. Hardware: CERN-OHL-S-2.0."
# "Hardware: CERN-OHL-S-2.0", "… (OSHWA UID US002345). Software: GPL-3.0-or-later"
_LABELLED = re.compile(r"([^:：]{1,40})[:：]([^:：]+)$")
_FRAGMENT_END = re.compile(r"[.。()（）!！?？]")
# A sentence, read as written: "OpenSSL is licensed under …" (OpenSSL is a licence id as well),
# "Python 代码采用 MIT 许可证".
_SENTENCE = re.compile(
    r"\b(?:is|are|was|were|has|have|uses|needs?|requires?|licen[cs]ed|released|distributed|applies)\b"
    r"|是|为|使用|采用|遵循|基于|需要|依赖",
    re.IGNORECASE,
)
_BADGE = re.compile(
    r"!\[([^\]\n]{0,80})\]\((https?://img\.shields\.io/badge/[^)\s]{1,200})\)"
    r"|<img\b[^>]{0,200}?src=[\"'](https?://img\.shields\.io/badge/[^\"'\s]{1,200})",
    re.IGNORECASE,
)
_BADGE_ALT = re.compile(r"^licen[cs]e\s*[:：\-]?\s*(.+)$", re.IGNORECASE)
_BADGE_PATH = re.compile(r"/badge/licen[cs]e-((?:[^-/?]|--)+)-", re.IGNORECASE)


def names_parts(expression: str) -> bool:
    """Whether a README section's licences are the project's parts' ("硬件采用 CERN-OHL-S-2.0，
    软件采用 MIT"): more than one, a restriction beside them ("禁止商用") aside."""
    if " AND " not in expression:
        return False
    from licensecheck import expression as expressions
    from licensecheck.identify.notices import STUDY_USE_ONLY

    return len([key for key in expressions.license_keys(expression) if key != STUDY_USE_ONLY]) > 1


def license_section(text: str) -> str:
    """The README's license sections (or, without one, its license badge) as identification
    should read them; "" when there are none."""
    text = text[:README_CHARS]
    lines = _without_code(text.splitlines())
    kept: list[str] = []
    size = 0
    i = 0
    while i < len(lines) and size < SECTION_CHARS:
        heading = _heading(lines, i)
        if heading is None or not _is_licensing(heading.title):
            i += 1  # a label line may stand in any section ("## Specs", "- License: MIT")
            continue
        found = _title_fields(heading.title)
        if heading.value is not None:
            found += _read([heading.value])
            i += 1
        else:
            end = _section_end(lines, heading.body, heading.level)
            found += _read(_own_lines(lines, heading.body, end))
            i = end
        if found:
            kept.append("\n\n".join(found))
            size += len(kept[-1])
    if not kept:  # a badge says less than a section: "GPL v3" and not whether "or later"
        kept = _badges(text[:SECTION_CHARS])
    return "\n\n".join(kept)[:SECTION_CHARS]


def _without_code(lines: list[str]) -> list[str]:
    """The lines, those of fenced code blocks blanked (a shell session's "# License: GPL-2.0")."""
    kept, fence = [], None
    for line in lines:
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1) == fence:
                fence = None
            kept.append("")
        elif opened:
            fence = opened.group(1)
            kept.append("")
        else:
            kept.append(line)
    return kept


class _Heading(NamedTuple):
    title: str
    value: str | None  # a label line's value ("License: MIT"): its section is that line
    body: int  # the index of the section's first line
    level: int  # 1 for "#", "=" underlines, <h1>; BELOW_ALL for bold and label lines


def _heading(lines: list[str], i: int) -> _Heading | None:
    line = lines[i]
    if not line.strip():
        return None
    atx = _ATX.match(line)
    if atx:
        return _Heading(line.strip().strip("#").strip(), None, i + 1, len(atx.group(1)))
    if _is_underlined(lines, i):
        return _Heading(line.strip(), None, i + 2, 1 if lines[i + 1].lstrip().startswith("=") else 2)
    asciidoc = _ASCIIDOC.match(line)
    if asciidoc:
        return _Heading(line.strip("= \t"), None, i + 1, len(asciidoc.group(1)))
    html = _HTML.match(line)
    if html:
        return _Heading(_HTML_TAG.sub("", html.group(2)).strip(), None, i + 1, int(html.group(1)))
    bold = _BOLD.match(line)
    if bold:
        value = bold.group(3).strip(" :：")
        return _Heading(bold.group(2).strip(" :："), value or None, i + 1, BELOW_ALL)
    if _COPYRIGHT_ALONE.match(line):
        return _Heading(line.strip(), None, i + 1, BELOW_ALL)
    label = _LABEL.match(line)
    if label:
        value = line[label.end() : label.end() + FIELD_CHARS].strip(" |)）")
        if not value and _LIST_MARK.match(line):  # "- License" in a table of contents
            return None
        return _Heading(line.strip(), value or None, i + 1, BELOW_ALL)
    return None


def _is_underlined(lines: list[str], i: int) -> bool:
    """Whether line i is a setext title: text over "===" or "---" (a list item is not one)."""
    if i + 1 >= len(lines) or not lines[i].strip() or _LIST_MARK.match(lines[i]):
        return False
    return _UNDERLINE.match(lines[i + 1]) is not None


def _level(lines: list[str], i: int) -> int | None:
    """The level of the heading line i is, when it is one that ends a section."""
    line = lines[i]
    atx = _ATX.match(line)
    if atx:
        return len(atx.group(1))
    asciidoc = _ASCIIDOC.match(line)
    if asciidoc:
        return len(asciidoc.group(1))
    html = _HTML.match(line)
    if html:
        return int(html.group(1))
    if _is_underlined(lines, i):
        return 1 if lines[i + 1].lstrip().startswith("=") else 2
    if _HTML_BLOCK.match(line):  # a multi-line <h2 align="center">, a <details> block: a new part
        return 1
    if _BOLD_ALONE.match(line):  # "**Hardware**": a part of a License section, or a new one
        return BELOW_ALL - 1
    return None


def _section_end(lines: list[str], start: int, level: int) -> int:
    """The index of the line that opens the next section of `level` or above (licensing or
    not): "### Hardware" under "## License" stays in it."""
    for i in range(start, len(lines)):
        found = _level(lines, i)
        if found is not None and found <= level:
            return i
    return len(lines)


def _own_lines(lines: list[str], start: int, end: int) -> list[str]:
    """The lines of a section, without its subsections about other people's code ("### Third
    party" under "## License")."""
    own: list[str] = []
    i = start
    while i < end:
        level = _level(lines, i)
        heading = _heading(lines, i) if level is not None else None
        if heading is not None and _OTHERS.search(heading.title):
            i = _section_end(lines, heading.body, level)
            continue
        own.append(lines[i])
        i += 1
    return own


def _is_licensing(title: str) -> bool:
    title = _EMOJI_CODE.sub("", title)
    if _OPENS.match(title):  # "## Licensing & Dependencies": the project's own first
        return True
    if _OTHERS.search(title):
        return False
    return bool(_ALONE.match(title) or (len(title.split()) <= TITLE_WORDS and _ENDS.search(title)))


def _title_fields(title: str) -> list[str]:
    """ "## MIT License", "## License: Apache-2.0", "## Hardware License (CERN-OHL-S v2)"."""
    inner = re.search(r"[(（]([^()（）]{1,40})[)）]", title)
    return _fields(title, first=True) + (_fields(inner.group(1), first=True) if inner else [])


def _read(lines: list[str]) -> list[str]:
    """The section's lines as written, each after its fields: where a name opens a line of the
    first paragraph or a piece of it, and a labelled value anywhere."""
    read: list[str] = []
    size = 0
    first = True  # in the first paragraph
    seen = False
    in_definition = False  # a link definition's URL and title may follow on indented lines
    for line in lines:
        if size >= SECTION_CHARS:
            break
        size += len(line)
        if not line.strip():
            first = first and not seen
            continue
        if _ATX.match(line) or _ASCIIDOC.match(line) or _HTML.match(line) or _BOLD_ALONE.match(line):
            first, seen = True, False  # "### Hardware": a subsection, with a first paragraph
            continue
        seen = True
        if _LINK_DEFINITION.match(line) or (in_definition and line[:1].isspace()):
            in_definition = True
            continue
        in_definition = False
        if len(line) > FIELD_CHARS:  # prose
            read.append(line)
            continue
        plain = _LIST_MARK.sub("", _HTML_TAG.sub(" ", line)).strip()
        # The line as written too: "MIT, but commercial use is prohibited" is a field and a restriction.
        read += [*(_fields(plain, first) if plain else []), line]
    return read


def _fields(line: str, first: bool) -> list[str]:
    """The line's "License:" fields. In a section's first paragraph: the line when a license's
    name opens it ("MIT", "[MIT](LICENSE) © Jane Doe", "GPL-2.0, or any later version") and each
    piece a name opens ("CERN-OHL-S-2.0 (hardware)"). Anywhere: the value after a licensing or
    part label ("Hardware: CERN-OHL-S-2.0", "| 固件 | MIT |")."""
    if len(line) > FIELD_CHARS:
        return []
    whole = first and _is_field(line, LINE_WORDS)
    fields = [f"License: {line}"] if whole else []
    pieces = [piece.strip() for piece in _PIECES.split(line)]
    label_cell = _row_label(line, pieces)
    for n, piece in enumerate(pieces):
        if whole and n == 0:  # the line's field holds it
            continue
        labelled = _LABELLED.search(piece)
        if labelled and _PART.match(_FRAGMENT_END.split(labelled.group(1))[-1]):
            piece = labelled.group(2).strip()
        elif not first and (label_cell is None or n <= label_cell):
            continue
        if piece and _is_field(piece, PIECE_WORDS):
            fields.append(f"License: {piece}")
    return fields


def _row_label(line: str, cells: list[str]) -> int | None:
    """The index of a table row's first cell when it names a part or says "License"."""
    if not line.lstrip().startswith("|"):
        return None
    first = next((n for n, cell in enumerate(cells) if cell), None)
    return first if first is not None and _PART.match(cells[first]) else None


@lru_cache(maxsize=1024)
def _is_field(text: str, most_words: int) -> bool:
    from licensecheck.identify import begins_with_name

    if _words(text) > most_words or _PATH.match(text) or _SENTENCE.search(text):
        return False
    return begins_with_name(text)


def _words(text: str) -> int:
    """Words ("CERN-OHL-S-2.0" is one); Chinese counts a word per two characters ("硬件", "固件代码")."""
    ascii_words = len(re.findall(r"[A-Za-z0-9][^\s\u4e00-\u9fff]*", text))
    chinese = len(re.findall(r"[\u4e00-\u9fff]", text))
    return ascii_words + (chinese + 1) // 2


def _badges(text: str) -> list[str]:
    """A shields.io license badge's value: "![License: MIT](…)", "…/badge/License-GPL--3.0-blue"."""
    from urllib.parse import unquote

    from licensecheck.identify import begins_with_name

    found = []
    for badge in _BADGE.finditer(text):
        alt = _BADGE_ALT.match((badge.group(1) or "").strip())
        path = _BADGE_PATH.search(badge.group(2) or badge.group(3))
        if alt:
            value = alt.group(1)
        elif path:  # shields.io writes "-" as "--" and " " as "_"
            value = unquote(path.group(1)).replace("--", "\0").replace("_", " ").replace("\0", "-")
        else:
            continue
        value = value.replace("/", " or ")  # "MIT/Apache-2.0"
        if begins_with_name(value):
            found.append(f"License: {value}")
    return found
