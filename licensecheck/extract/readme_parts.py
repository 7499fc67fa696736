# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The licence a README gives each part of its project, as makers write it.

A licence section may give the hardware, the firmware and the documentation licences of their
own: in a table ("| 硬件 | CERN-OHL-W-2.0 |", "| Hardware | `hardware/` | CERN-OHL-S-2.0 |"),
on label lines ("Firmware: GPL-3.0-or-later", "- **Hardware and software**: MIT"), in
clauses ("硬件采用 CERN-OHL-S-2.0 协议，软件采用 MIT 协议", "The hardware is licensed under
X and the firmware under Y"), after the licence ("CERN-OHL-W-2.0 (hardware), MIT (software)")
or under headings ("## Hardware License", "### Firmware" in "## License").

A label names a part only when it is made of part words and fillers ("All hardware source
files", "原理图和 PCB", "3D 模型"): a sentence about some of the code ("The code uses FastLED,
which is licensed under MIT", "Example code in examples/ is CC0", "其中 lib 目录下的代码来自乐鑫")
names no part. The categories are those classify gives files: hardware (boards, schematics,
mechanical parts, enclosures), software (firmware, code), documentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from licensecheck.extract import README_PART
from licensecheck.extract.readme import (
    _HTML_TAG,
    _LIST_MARK,
    README_CHARS,
    _heading,
    _is_licensing,
    _level,
    _without_code,
    license_section,
)
from licensecheck.model import Evidence


class Part(NamedTuple):
    categories: tuple[str, ...]  # () where folders name the part, or nothing the reader knows
    value: str  # the licence as written
    folders: tuple[str, ...] = ()  # "hardware", "firmware/src": the folders a row or label names


class PartLicences(NamedTuple):
    """What one README says of its project's parts: licences by category, or by folder where it
    names folders ("| 外壳 | `enclosure/` | CC BY 4.0 |"), which then decide alone."""

    readme: str
    by_category: dict[str, tuple[str, ...]]
    by_folder: dict[str, tuple[str, ...]]

    def of(self, path: str, category: str) -> tuple[str, tuple[str, ...]] | None:
        """(what gives it: a category or "folder/", the licences) for a file; None if nothing."""
        if self.by_folder:
            folders = [f for f in self.by_folder if path.startswith(f + "/")]
            if not folders:
                return None
            folder = max(folders, key=len)
            return folder + "/", self.by_folder[folder]
        found = self.by_category.get(category)
        return (category, found) if found else None


def part_licences(files: Iterable[tuple[str, Sequence[Evidence]]]) -> PartLicences | None:
    """The parts' licences of the root README that gives them, from each file's (path, evidence)
    (FileScans or FileResults): README.md before a translation (README_zh.md, README.en.md)."""
    readmes = []
    for path, evidence in files:
        if "/" not in path:
            said = [e for e in evidence if e.expression and e.detail.startswith(README_PART)]
            if said:
                readmes.append((path, said))
    if not readmes:
        return None
    path, evidence = min(readmes, key=lambda item: (item[0].casefold() != "readme.md", item[0]))
    by_category: dict[str, dict[str, None]] = {}
    by_folder: dict[str, dict[str, None]] = {}
    for item in evidence:
        part = item.detail[len(README_PART) :].strip()
        table = by_folder if part.endswith("/") else by_category
        table.setdefault(part.rstrip("/"), {})[item.expression] = None
    return PartLicences(
        path,
        {key: tuple(found) for key, found in by_category.items()},
        {key: tuple(found) for key, found in by_folder.items()},
    )


_PART_WORDS = (
    (
        "hardware",
        r"hardware|pcbs?|boards?|schematics?|3d|cad|mechanical|enclosures?|cases?|gerbers?"
        r"|硬件|硬體|外壳|外殼|结构|結構|电路|電路|原理图|原理圖",
    ),
    ("software", r"firmware|software|code|固件|韌體|软件|軟體|代码|代碼|程式碼|源码|源碼|源代码|程序|程式"),
    ("documentation", r"docs?|documentation|文档|文檔"),
)
_PART = tuple(
    (category, re.compile(rf"(?<![a-z])(?:{words})(?![a-z])", re.IGNORECASE))
    for category, words in _PART_WORDS
)
_ANY_PART = "|".join(words for _, words in _PART_WORDS)
# What may stand beside part words in a label: "All hardware source files", "本项目硬件部分".
_FILLER = re.compile(
    r"(?<![a-z])(?:the|all|our|this|its|project'?s?|open|source|sources|files?|designs?|parts?|and|or|of"
    r"|related|models?|printed|print|data|outputs?|layouts?|drawings?|assets|licen[cs]es?|licensing|stl|step"
    r"|kicad|easyeda|freecad)(?![a-z])"
    r"|本项目|本專案|项目|專案|的|部分|文件|檔案|设计|設計|全部|所有|相关|相關|以及|及|和|与|與|均|都|模型|资料|資料|源文件"
    r"|打印|列印|工程|图纸|圖紙"
    r"|许可证?|許可證?|开源协议|開源協議|协议|協議|授权|授權",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"[(（][^()（）]{0,60}[)）]")
_LABEL_CHARS = 60
# "Hardware: X", "硬件：X", "Hardware - X", "硬件采用 X 协议", "The firmware is licensed under X",
# "all software under X".
_LABEL_FIRST = re.compile(
    r"^(?P<label>[^:：|]{1,60}?)\s*"
    r"(?:[:：]|\s[-–—]\s|采用|使用|遵循|遵守|基于|以"
    r"|\b(?:(?:is|are)\s+)?(?:(?:licen[cs]ed|released|distributed|available)\s+)?under\b)\s*(?P<value>.+)$",
    re.IGNORECASE,
)
# "CERN-OHL-W-2.0 (hardware)", "MIT for the firmware", "MIT 用于软件".
_VALUE_FIRST = re.compile(
    r"^(?P<value>[^()（）]{1,60}?)\s*(?:[(（](?P<inner>[^()（）]{1,40})[)）]|\s(?:for|用于|用於)\s*(?P<after>.{1,40}))$",
    re.IGNORECASE,
)
_MARKUP = " \t*_`>#-•+[]"
# Where a clause about one part starts: a separator ("，", ";", "and", "和") before a part's
# word; the clause runs to the next one ("固件采用木兰宽松许可证，第2版").
_CLAUSE_START = re.compile(
    rf"(?:[,;，；、。]\s*|\.\s+|\s(?:and|while|whereas)\s+|[和而])(?=(?:the\s+|all\s+)?(?:{_ANY_PART})(?![a-z]))",
    re.IGNORECASE,
)
_CLAUSE_LEAD = re.compile(r"^(?:[,;，；、。.\s]|and\s|while\s|whereas\s|[和而])+", re.IGNORECASE)
_PIECES = re.compile(r"[,;，；]")
_NOT_A_VALUE = re.compile(r"^(?:\d+\.?|[\w.-]*/[\w./-]*|`[^`]*`)$")  # a row number, a folder
_FOLDER = re.compile(r"(?<![\w./-])\.?/?([\w.-]+(?:/[\w.-]+)*)/(?![\w.-])")  # "`hardware/`", "src/"
_FOLDERS_ONLY = re.compile(r"^(?:[`\s,、，;]|\.?/?[\w.-]+(?:/[\w.-]+)*/(?![\w.-]))+$")
# Where what is said of the licence ends: a sentence, a dash, "except …", "which …", "see …".
# A full stop ends the value; a Chinese one needs no space after it ("MIT 协议。禁止商用").
_VALUE_END = re.compile(
    r"\s[—–-]+\s|[.;!](?:\s|$)|[。；！]|[,，]\s*(?=which|see|except|but|and\s+the|详见|见)"
    r"|\s(?:except|but|which|see|apart\s+from|other\s+than)\b|除了|但是?|详见",
    re.IGNORECASE,
)


def parts(readme: str) -> list[Part]:
    """Each part the README's licence sections give a licence, in the order the README says
    them; a table row whose part the reader does not know has no categories and no folders."""
    found: list[Part] = []
    for line in license_section(readme).splitlines():
        line = _HTML_TAG.sub("", line).strip()
        found += _row(line) if line.count("|") >= 2 else _clauses(line)
    found += _headings(readme)
    return [part._replace(value=_licence_said(part.value)) for part in found]


def _licence_said(value: str) -> str:
    """The licence a value names, without what follows it: "MIT (except the files in lib/ …)",
    "GPL-3.0-or-later. It bundles the Arduino core, which is LGPL-2.1.", "Mulan PSL v2 — see LICENSE"."""
    value = _PARENTHESES.sub(" ", value)
    return _VALUE_END.split(value, maxsplit=1)[0].strip(_MARKUP + "。.;；,，")


def _folders(text: str) -> tuple[str, ...]:
    return tuple(found.strip("./") for found in _FOLDER.findall(text.replace("`", " ")))


def categories(label: str) -> tuple[str, ...]:
    """The parts a label names, when it is made of part words and fillers alone."""
    label = _PARENTHESES.sub(" ", label).strip(_MARKUP)
    if not label or len(label) > _LABEL_CHARS:
        return ()
    named = tuple(category for category, words in _PART if words.search(label))
    if not named:
        return ()
    rest = _FILLER.sub(" ", label)
    for _, words in _PART:
        rest = words.sub(" ", rest)
    return () if re.search(r"\w", rest) else named


def _row(line: str) -> list[Part]:
    """A table row: the cell that names parts, and the first other cell that can be a licence
    ("| 硬件（原理图、PCB） | `hardware/` | CERN-OHL-S-2.0 |", "| MIT | Software |")."""
    cells = [cell.strip(_MARKUP) for cell in line.strip().strip("|").split("|")]
    folder_cells = [at for at, cell in enumerate(cells) if cell and _FOLDERS_ONLY.match(cell)]
    folders = tuple(folder for at in folder_cells for folder in _folders(cells[at]))
    label = next((at for at, cell in enumerate(cells) if categories(cell)), None)
    start = label if label is not None else (folder_cells[0] if folder_cells else 0)
    others = [
        c
        for at, c in [*enumerate(cells)][start + 1 :] + [*enumerate(cells)][:start]
        if c and at != label and at not in folder_cells and not _NOT_A_VALUE.match(c)
    ]
    if not others:
        return []
    named = categories(cells[label]) if label is not None else ()
    return [Part(() if folders else named, others[0], folders)]


def _clauses(line: str) -> list[Part]:
    line = _LIST_MARK.sub("", line)
    whole = _LABEL_FIRST.match(line.strip(_MARKUP))
    if whole and len(categories(whole["label"])) > 1:  # "Hardware and software: X", "PCB 和代码均采用 X"
        return [_labelled(whole["label"], whole["value"])]
    found: list[Part] = []
    starts = sorted({0, *(m.start() for m in _CLAUSE_START.finditer(line))})
    for start, end in zip(starts, [*starts[1:], len(line)], strict=True):
        clause = _CLAUSE_LEAD.sub("", line[start:end]).strip(_MARKUP)
        said = _LABEL_FIRST.match(clause)
        if said and categories(said["label"]):
            found.append(_labelled(said["label"], said["value"]))
    if found:
        return found
    for piece in _PIECES.split(line):  # "CERN-OHL-W-2.0 (hardware), MIT (software)"
        said = _VALUE_FIRST.match(piece.strip(_MARKUP).rstrip("。.;；"))
        named = categories(said["inner"] or said["after"]) if said else ()
        if named:
            found.append(Part(named, said["value"].strip(_MARKUP)))
    return found


def _labelled(label: str, value: str) -> Part:
    """A labelled part: "Firmware (`src/`, `include/`): MIT" names its folders too."""
    folders = _folders(" ".join(_PARENTHESES.findall(label)))
    return Part(() if folders else categories(label), value.strip(_MARKUP), folders)


def _headings(readme: str) -> list[Part]:
    """Parts named by headings: "## Hardware License" and its first line, "### Firmware" under
    "## License"."""
    lines = _without_code(readme[:README_CHARS].splitlines())
    found: list[Part] = []
    licensing_level: int | None = None
    for i in range(len(lines)):
        level = _level(lines, i)
        heading = _heading(lines, i) if level is not None else None
        if heading is None:
            continue
        if licensing_level is not None and level <= licensing_level:
            licensing_level = None
        licensing = _is_licensing(heading.title)
        named = categories(heading.title)
        if named and (licensing or licensing_level is not None):
            value = heading.value or _first_line(lines, heading.body)
            if value:
                found.append(Part(named, value))
        elif licensing and licensing_level is None:
            licensing_level = level
    return found


def _first_line(lines: list[str], start: int) -> str | None:
    """The first line of text of a section, None when another heading comes first."""
    for i in range(start, min(start + 8, len(lines))):
        text = _HTML_TAG.sub("", lines[i]).strip(_MARKUP)
        if text:
            return None if _level(lines, i) is not None else text
    return None
