# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The license sections of a README, as makers write them.

A README says its project's license under a heading ("## License", "## 开源协议", an
underlined "License", "<h2>License</h2>", "**License**"), on a label line ("License: MIT",
"许可证：MIT") or in a shields.io badge. The section often holds only a name: "MIT",
"[MIT](LICENSE) © Jane Doe", "Hardware: CERN-OHL-S-2.0", a table row "| 固件 | MIT |".
What identification is given reads each such line as a "License:" field and every other line
as written, where sentences ("This project is licensed under ...", "本项目采用 MIT 许可证") are
grants of their own. A line is a field only when a license's name opens it (or its value after
a short label): "Proprietary, not MIT", "TBD (probably MIT)" are not.

Every license section counts ("## Hardware license" and "## Software license" name two
parts); a section about other people's code ("## Third-party licenses", "## 第三方库许可") does
not: each library it lists would read as the README's license. Fenced code is left out.
Lines are read one by one, each pattern anchored to a line: no input makes a regex backtrack
over a long line.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Names that are not READMEs though they start with "readme": a module, a script.
_CODE_EXTENSIONS = frozenset(
    re.findall(
        r"\w+",
        "py pyc pyi c h cc cpp cxx hpp hh ino js mjs ts rs go java kt rb pl pm sh bash ps1 bat lua php cs"
        " swift m mm scad v sv vhd vhdl tcl json yaml yml toml xml",
    )
)
SECTION_CHARS = 4000  # of all the license sections together
FIELD_CHARS = 200  # a longer line is prose
LINE_WORDS = 12  # a line a name opens is a field up to this long ("MIT App Inventor is needed for …")
PIECE_WORDS = 6  # and a piece of a line ("the MIT and Apache-2.0 licenses are the candidates …")
TITLE_WORDS = 4  # "MIT License", "Hardware license", "开源协议"
BELOW_ALL = 7  # the level of a bold title or a label line: any heading ends its section

_LICENCE_WORD = r"licen[cs]es?\b|licensing\b|许可|許可|授权|授權|开源协议|開源協議"
_COPYRIGHT_WORD = r"copyright\b|版权|版權"
# A title that opens with a licensing word, or a short one that ends with one.
_OPENS = re.compile(rf"^[\W\d]*(?:{_LICENCE_WORD}|{_COPYRIGHT_WORD})", re.IGNORECASE)  # "5. License"
_ENDS = re.compile(rf"(?:{_LICENCE_WORD})\W*$", re.IGNORECASE)
_ALONE = re.compile(r"^\W*(?:开源|開源|协议|協議)(?:说明|說明|声明|聲明)?\W*$")  # "## 开源", "## 协议"
_OTHERS = re.compile(r"third[\s-]*part|dependenc|vendor|第三方|依赖|依賴", re.IGNORECASE)
# Heading lines.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?!#)")
_ASCIIDOC = re.compile(r"^(=+)[ \t]")
_UNDERLINE = re.compile(r"^[=\-~^]{3,}[ \t]*$")
_HTML = re.compile(r"^\s*<h([1-6])[^>]*>(.{0,200}?)</h[1-6]>", re.IGNORECASE)
_BOLD = re.compile(r"^\s*(?:[-*+][ \t]+)?(\*\*|__)([^*_]{1,60}?)\1(.*)$")
# A line that opens with the label: "License: MIT", "License - MIT", "LICENSE", "许可证：MIT".
_LABEL_WORD = (
    r"licen[cs]es?|licensing|许可证?|許可證?|许可协议|許可協議"
    r"|开源(?:协议|许可证?)|開源(?:協議|許可證?)|授权|授權"
)
_LABEL = re.compile(rf"^[^\w!\[]{{0,3}}(?:{_LABEL_WORD})[ \t]*(?:$|[:：|\-–—(（])", re.IGNORECASE)
_COPYRIGHT_ALONE = re.compile(rf"^\W{{0,3}}(?:{_COPYRIGHT_WORD})\W*$", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_HTML_TAG = re.compile(r"<[^>]*>")
_LIST_MARK = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:")
_PATH = re.compile(r"^[^\s\[(]*/[^\s/]*[/.]")  # "doc/images/logo.svg", "docs/README.md": no name
_PIECES = re.compile(r"[,;，；、|]")
# The value after a label: "Hardware: CERN-OHL-S-2.0", "… (OSHWA UID US002345). Software: MIT".
_AFTER_LABEL = re.compile(r"[:：]([^:：]+)$")
# A sentence, read as written: "OpenSSL is licensed under …" (OpenSSL is a licence id as well),
# "MIT App Inventor is needed", "Python 代码采用 MIT 许可证".
_SENTENCE = re.compile(
    r"\b(?:is|are|was|were|has|have|uses?|needs?|requires?|licen[cs]ed|released|distributed)\b"
    r"|是|为|使用|采用|遵循|基于|需要|依赖",
    re.IGNORECASE,
)
_BADGE = re.compile(r"!\[([^\]\n]{0,80})\]\((https?://img\.shields\.io/badge/[^)\s]{1,200})\)", re.IGNORECASE)
_BADGE_ALT = re.compile(r"^licen[cs]e\s*[:：\-]?\s*(.+)$", re.IGNORECASE)
_BADGE_PATH = re.compile(r"/badge/licen[cs]e-((?:[^-/?]|--)+)-", re.IGNORECASE)


def is_readme(path: str) -> bool:
    """README, README.md, readme.txt, README.zh-CN.md, README-hardware.md: not readme.py."""
    lowered = path.rpartition("/")[2].lower()
    return lowered.startswith("readme") and lowered.rpartition(".")[2] not in _CODE_EXTENSIONS


def license_section(text: str) -> str:
    """The README's license sections (and license badge) as identification should read them;
    "" when there are none."""
    lines = _without_code(text.splitlines())
    kept: list[str] = []
    i = 0
    while i < len(lines) and sum(map(len, kept)) < SECTION_CHARS:
        heading = _heading(lines, i)
        if heading is None or not _is_licensing(heading.title):
            i += 1  # a label line may stand in any section ("## Specs", "- License: MIT")
            continue
        kept += _fields(heading.title)  # "## MIT License", "## License: Apache-2.0"
        if heading.value is not None:
            kept += _read([heading.value])
            i += 1
            continue
        end = _section_end(lines, heading.body, heading.level)
        kept += _read(lines[heading.body : end])
        i = end
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
    level: int  # 1 for "#", "=" underlines, <h1>; 7 for bold and label lines


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
        value = line[label.end() :].strip(" |)）")
        return _Heading(line.strip(), value or None, i + 1, BELOW_ALL)
    return None


def _is_underlined(lines: list[str], i: int) -> bool:
    """Whether line i is a setext title: text over "===" or "---" (a list item is not one)."""
    if i + 1 >= len(lines) or not lines[i].strip() or _LIST_MARK.match(lines[i]):
        return False
    return _UNDERLINE.match(lines[i + 1]) is not None


def _section_end(lines: list[str], start: int, level: int) -> int:
    """The index of the line that opens the next section of `level` or above (licensing or
    not): "### Hardware" under "## License" stays in it, "### Third party" does not."""
    for i in range(start, len(lines)):
        line = lines[i]
        sub = _heading(lines, i)
        if sub is not None and sub.value is None and _OTHERS.search(sub.title):  # "### Third party"
            return i
        atx = _ATX.match(line)
        if atx and len(atx.group(1)) <= level:
            return i
        asciidoc = _ASCIIDOC.match(line)
        if asciidoc and len(asciidoc.group(1)) <= level:
            return i
        html = _HTML.match(line)
        if html and int(html.group(1)) <= level:
            return i
        if _is_underlined(lines, i) and (1 if lines[i + 1].lstrip().startswith("=") else 2) <= level:
            return i
    return len(lines)


def _is_licensing(title: str) -> bool:
    if _OTHERS.search(title):
        return False
    short = len(title.split()) <= TITLE_WORDS
    return bool(_OPENS.match(title) or _ALONE.match(title) or (short and _ENDS.search(title)))


def _read(lines: list[str]) -> list[str]:
    """Each line as "License:" fields when a license's name opens it or a piece of it (a part
    after a comma or a table's bar, a value after a short label), else as written. A link's
    definition ("[logo]: doc/images/logo.svg") is neither: "doc" is a licence id (DOC)."""
    read = []
    in_definition = False  # its URL and title may follow on indented lines
    for line in lines:
        if _LINK_DEFINITION.match(line) or (in_definition and line[:1].isspace()):
            in_definition = True
            continue
        in_definition = False
        plain = _LIST_MARK.sub("", _HTML_TAG.sub(" ", line)).strip()
        if plain:
            read += _fields(plain) or [line]
    return read


def _fields(line: str) -> list[str]:
    """The line's "License:" fields: the line when a license's name opens it ("MIT", "[MIT](LICENSE)
    © Jane Doe", "GPL-2.0, or any later version"), and each short piece of it that a name opens
    ("CERN-OHL-S-2.0 (hardware)", "Hardware: CERN-OHL-S-2.0", "| 固件 | MIT |")."""
    if len(line) > FIELD_CHARS:
        return []
    fields = [f"License: {line}"] if _is_field(line, LINE_WORDS) else []
    for piece in _PIECES.split(line)[bool(fields) :]:
        labelled = _AFTER_LABEL.search(piece)
        piece = (labelled.group(1) if labelled else piece).strip()
        if piece and _is_field(piece, PIECE_WORDS):
            fields.append(f"License: {piece}")
    return fields


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
        alt = _BADGE_ALT.match(badge.group(1).strip())
        path = _BADGE_PATH.search(badge.group(2))
        if alt:
            value = alt.group(1)
        elif path:  # shields.io writes "-" as "--" and " " as "_"
            value = unquote(path.group(1)).replace("--", "\0").replace("_", " ").replace("\0", "-")
        else:
            continue
        if begins_with_name(value):
            found.append(f"License: {value}")
    return found
