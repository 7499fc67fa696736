# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The license section of a README, as makers write it.

A README says its project's license under a heading ("## License", "## 开源协议",
"License\\n=======", "**License:** MIT", "== License") or on a label line ("License: MIT",
"许可证：MIT"). The section often holds only a name: "MIT", "[MIT](LICENSE) © Jane Doe",
"GPL-3.0-or-later". What identification is given reads as a "License:" field: the heading,
then the first paragraph when it is that short, then the rest as written, whose sentences
("This project is licensed under ...", "本项目采用 MIT 许可证") are grants of their own.

A section about other people's code ("## Third-party licenses", "## 第三方库许可") is not the
README's license: each library it lists would read as the README's.
"""

from __future__ import annotations

import re

# README, README.md, readme.txt, README.zh-CN.md, README_CN.md, README-en.rst: not readme.py.
README_FILE = re.compile(
    r"^readme(?:[_-][a-z]{2}(?:[-_][a-z]{2,4})?)?(?:\.[a-z]{2}(?:[-_][a-z]{2,4})?(?=\.))?"
    r"(?:\.(?:md|markdown|mdown|txt|text|rst|adoc|asciidoc|org))?$",
    re.IGNORECASE,
)
_LABEL = r"licen[cs]e|licensing|许可证?|許可證?|许可协议|許可協議|开源协议|開源協議|授权|授權"
_HEADING = re.compile(
    r"^\#{1,6}[ \t]+(?P<atx>[^\n]+?)[ \t#]*$"  # ## License
    r"|^=+[ \t]+(?P<asciidoc>[^\n]+)$"  # == License
    r"|^(?P<setext>[^\s#=\-][^\n]*)\n[=\-~^]{3,}[ \t]*$"  # License, underlined
    r"|^(?:\*\*|__)(?P<bold>[^*_\n]+(?:\*\*|__)[^\n]*)$"  # **License:** MIT
    rf"|^(?P<label>(?:{_LABEL})[ \t]*[:：][^\n]*)$",  # License: MIT
    re.MULTILINE | re.IGNORECASE,
)
# A title about licensing. "协议" alone is as often "protocol" ("## 通信协议", a serial link's).
_LICENSING = re.compile(
    r"\blicen[cs](?:e[sd]?|ing)\b|copyright|copying|许可|許可|授权|授權|开源协议|開源協議|版权|版權|开源声明|開源聲明"
)
_OTHERS = re.compile(
    r"third[\s-]*part|dependenc|vendor|credit|acknowledg|第三方|依赖|依賴|致谢|致謝", re.IGNORECASE
)
_NEXT_HEADING = re.compile(r"^#{1,6}\s|^=+\s|^\S.*\n[=\-~^]{3,}\s*$", re.MULTILINE)
_EMPHASIS = re.compile(r"\*\*|__")
SECTION_CHARS = 4000
SHORT_WORDS = 8  # a first paragraph this short is a name ("MIT License © 2025 Jane Doe")
_WORD = re.compile(r"\w+")


def license_section(text: str) -> str:
    """The README's license section as identification should read it; "" when there is none."""
    for heading in _HEADING.finditer(text):
        title = _EMPHASIS.sub("", next(group for group in heading.groups() if group is not None)).strip()
        if _is_licensing(title):
            rest = text[heading.end() : heading.end() + SECTION_CHARS]
            following = _NEXT_HEADING.search(rest)
            return _as_field(title, rest[: following.start()] if following else rest)
    return ""


def _is_licensing(title: str) -> bool:
    lowered = title.lower()
    return bool(_LICENSING.search(lowered)) and not _OTHERS.search(lowered)


def _as_field(title: str, section: str) -> str:
    body = section.strip()
    first, _, rest = body.partition("\n\n")
    if len(_WORD.findall(first)) <= SHORT_WORDS:
        body = f"License: {first}\n\n{rest}"
    return f"License: {title}\n\n{body}"
