# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""License names as notices write them ("Academic Free License version 3.0", "CERN-OHL-S v2").

The table maps a *name key* (normalize.name_key: words without "the",
"license", "version", "v", versions shortened, no spaces) to an SPDX
expression. It is built from the SPDX names and ids in the data, plus the
common short names below. GNU licenses are left to notices.py, which also
reads their "version N or later" grammar.
"""

from __future__ import annotations

import re

from .normalize import NAME_FILLER, name_key, words_of

_GNU = re.compile(r"^(?:A|L)?GPL|^GFDL|^LGPLLR")
# Endings SPDX names carry and notices often drop.
_OPTIONAL_ENDINGS = frozenset({"international", "unported", "generic"})

# Names in common use that the SPDX names and ids do not spell (written as in notices).
ALIASES: dict[str, str] = {
    "MIT-style license": "MIT",
    "MIT-style": "MIT",
    "MIT/X11": "MIT",
    "Expat": "MIT",
    "ISC license": "ISC",
    "Apache 2": "Apache-2.0",
    "Apache License 2": "Apache-2.0",
    "ASL 2.0": "Apache-2.0",
    "ALv2": "Apache-2.0",
    # "The BSD license" names the family, not a variant: read as the 3-clause one, whose terms
    # hold the 2-clause one's, unless the license file beside it says which (conclude.py).
    "BSD-style license": "BSD-3-Clause",
    "BSD license": "BSD-3-Clause",
    "BSD licensed": "BSD-3-Clause",
    "BSD-2 license": "BSD-2-Clause",
    "BSD-3 license": "BSD-3-Clause",
    "BSD-4 license": "BSD-4-Clause",
    "3-clause BSD": "BSD-3-Clause",
    "BSD 3-clause": "BSD-3-Clause",
    "new BSD": "BSD-3-Clause",
    "modified BSD": "BSD-3-Clause",
    "revised BSD": "BSD-3-Clause",
    "2-clause BSD": "BSD-2-Clause",
    "BSD 2-clause": "BSD-2-Clause",
    "simplified BSD": "BSD-2-Clause",
    "FreeBSD license": "BSD-2-Clause",
    "Mozilla Public License 2": "MPL-2.0",
    "MPL 2": "MPL-2.0",
    "MPL 1.1": "MPL-1.1",
    "Eclipse Public License 2": "EPL-2.0",
    "Eclipse Public License 1": "EPL-1.0",
    "Common Development and Distribution License": "CDDL-1.0",
    "CDDL": "CDDL-1.0",
    "Boost Software License": "BSL-1.0",
    "zlib/libpng": "Zlib",
    "zlib license": "Zlib",
    "The Unlicense": "Unlicense",
    "Creative Commons Zero": "CC0-1.0",
    "CC0": "CC0-1.0",
    "CC Zero": "CC0-1.0",
    "Server Side Public License 1": "SSPL-1.0",
    "Sun Standards License 1.1": "SISSL",
    "Sun Industry Standards Source License 1.1": "SISSL",
    "W3C Software License": "W3C",
    "Open Software License 3": "OSL-3.0",
    "Mulan PSL v2": "MulanPSL-2.0",
    "木兰宽松许可证，第2版": "MulanPSL-2.0",
    "木兰宽松许可证，第1版": "MulanPSL-1.0",
    "木兰宽松许可证 v2": "MulanPSL-2.0",
    "木兰宽松许可证 v1": "MulanPSL-1.0",
    "Mulan PSL v1": "MulanPSL-1.0",
    "Mulan Permissive Software License v2": "MulanPSL-2.0",
    "Mulan Permissive Software License v1": "MulanPSL-1.0",
    "CERN OHL v1.2": "CERN-OHL-1.2",
    "CERN OHL v1.1": "CERN-OHL-1.1",
    "CERN Open Hardware Licence v1.2": "CERN-OHL-1.2",
    "CERN Open Hardware Licence Version 2 - Strongly Reciprocal": "CERN-OHL-S-2.0",
    "CERN Open Hardware Licence Version 2 - Weakly Reciprocal": "CERN-OHL-W-2.0",
    "CERN Open Hardware Licence Version 2 - Permissive": "CERN-OHL-P-2.0",
    # How makers shorten them (the knowledge base's aliases of the three, licenses-hardware.toml).
    "CERN OHL v2 Strongly Reciprocal": "CERN-OHL-S-2.0",
    "CERN OHL v2 Weakly Reciprocal": "CERN-OHL-W-2.0",
    "CERN OHL v2 Permissive": "CERN-OHL-P-2.0",
    # As the knowledge base's Chinese names and Chinese READMEs call the three variants.
    "CERN OHL v2 强互惠": "CERN-OHL-S-2.0",
    "CERN OHL v2 弱互惠": "CERN-OHL-W-2.0",
    "CERN OHL v2 宽松": "CERN-OHL-P-2.0",
    "CERN 开放硬件许可证 第2版 强互惠型": "CERN-OHL-S-2.0",
    "CERN 开放硬件许可证 第2版 弱互惠型": "CERN-OHL-W-2.0",
    "CERN 开放硬件许可证 第2版 宽松型": "CERN-OHL-P-2.0",
    "CERN Open Hardware Licence v2 Strongly Reciprocal": "CERN-OHL-S-2.0",
    "CERN Open Hardware Licence v2 Weakly Reciprocal": "CERN-OHL-W-2.0",
    "CERN Open Hardware Licence v2 Permissive": "CERN-OHL-P-2.0",
    "TAPR OHL": "TAPR-OHL-1.0",
    "TAPR Open Hardware License": "TAPR-OHL-1.0",
    "Solderpad Hardware License v0.5": "SHL-0.5",
    "Solderpad Hardware License v0.51": "SHL-0.51",
    "Solderpad Hardware License v2.0": "Apache-2.0 WITH SHL-2.0",
    "Solderpad Hardware License v2.1": "Apache-2.0 WITH SHL-2.1",
    "SHL-2.0": "Apache-2.0 WITH SHL-2.0",
    "SHL-2.1": "Apache-2.0 WITH SHL-2.1",
    "Solderpad Hardware Licence v2.1": "Apache-2.0 WITH SHL-2.1",
    "Solderpad Hardware License, Version 2.0": "Apache-2.0 WITH SHL-2.0",
    "Solderpad Hardware License, Version 2.1": "Apache-2.0 WITH SHL-2.1",
    "Creative Commons Attribution 4.0": "CC-BY-4.0",
    "Creative Commons Attribution-ShareAlike 4.0": "CC-BY-SA-4.0",
    # Every Creative Commons licence from 2.0 on requires attribution, so notices drop the word
    # ("released under Creative Commons Share-alike 4.0", SparkFun's hardware LICENSE.md);
    # the ShareAlike licence without it is 1.0's alone (CC-SA-1.0).
    "Creative Commons ShareAlike 4.0": "CC-BY-SA-4.0",
    "Creative Commons ShareAlike 3.0": "CC-BY-SA-3.0",
    # Without a version (Thingiverse's licence files: "... is licensed under the Creative Commons -
    # Attribution - Share Alike license." over the licence's URL): read as 4.0, the current
    # version, unless a licence URL of the same licence in the text names another
    # (notices.py; identify turns "creativecommons.org/licenses/by-sa/3.0/" into "CC BY-SA 3.0").
    "Creative Commons Attribution": "CC-BY-4.0",
    "Creative Commons Attribution Share Alike": "CC-BY-SA-4.0",
    "Creative Commons Attribution Non-Commercial": "CC-BY-NC-4.0",
    "Creative Commons Attribution Non-Commercial Share Alike": "CC-BY-NC-SA-4.0",
    "Creative Commons Attribution No Derivatives": "CC-BY-ND-4.0",
    "Creative Commons Attribution NoDerivs": "CC-BY-ND-4.0",
    "Creative Commons Attribution Non-Commercial No Derivatives": "CC-BY-NC-ND-4.0",
    "Creative Commons Attribution Non-Commercial NoDerivs": "CC-BY-NC-ND-4.0",
    "CC BY": "CC-BY-4.0",
    "CC BY-SA": "CC-BY-SA-4.0",
    "CC BY-NC": "CC-BY-NC-4.0",
    "CC BY-NC-SA": "CC-BY-NC-SA-4.0",
    "CC BY-ND": "CC-BY-ND-4.0",
    "CC BY-NC-ND": "CC-BY-NC-ND-4.0",
    "CC BY 4.0": "CC-BY-4.0",
    "CC BY-SA 4.0": "CC-BY-SA-4.0",
    "CC BY-NC 4.0": "CC-BY-NC-4.0",
    "CC BY-NC-SA 4.0": "CC-BY-NC-SA-4.0",
    "CC BY-ND 4.0": "CC-BY-ND-4.0",
    "CC BY-NC-ND 4.0": "CC-BY-NC-ND-4.0",
    # The Creative Commons licences as their Chinese deeds name them: simplified, as in the
    # standard notice "本作品采用知识共享署名-相同方式共享 4.0 国际许可协议进行许可"
    # (creativecommons.org/licenses/by-sa/4.0/deed.zh-hans), and traditional, as Taiwan's
    # "創用CC 姓名標示-相同方式分享 4.0 國際" (deed.zh-hant; deed.zh_TW for older versions).
    "知识共享署名 4.0": "CC-BY-4.0",
    "知识共享署名-相同方式共享 4.0": "CC-BY-SA-4.0",
    "知识共享署名-非商业性使用 4.0": "CC-BY-NC-4.0",
    "知识共享署名-禁止演绎 4.0": "CC-BY-ND-4.0",
    "知识共享署名-非商业性使用-相同方式共享 4.0": "CC-BY-NC-SA-4.0",
    "知识共享署名-非商业性使用-禁止演绎 4.0": "CC-BY-NC-ND-4.0",
    "創用CC 姓名標示 4.0": "CC-BY-4.0",
    "創用CC 姓名標示-相同方式分享 4.0": "CC-BY-SA-4.0",
    "創用CC 姓名標示-非商業性 4.0": "CC-BY-NC-4.0",
    "創用CC 姓名標示-禁止改作 4.0": "CC-BY-ND-4.0",
    "創用CC 姓名標示-非商業性-相同方式分享 4.0": "CC-BY-NC-SA-4.0",
    "創用CC 姓名標示-非商業性-禁止改作 4.0": "CC-BY-NC-ND-4.0",
    "Academic Free License 3": "AFL-3.0",
    "WTFPL": "WTFPL",
    "Do What The Fuck You Want To Public License": "WTFPL",
}


def key_of(text: str) -> str:
    return name_key(words_of(text))


def _variants(name: str) -> set[str]:
    """A name's key, and the key without an ending notices tend to drop."""
    words = [w for w in words_of(name) if w not in NAME_FILLER]
    keys = {name_key(words)}
    while words and words[-1] in _OPTIONAL_ENDINGS:
        words = words[:-1]
        keys.add(name_key(words))
    return {k for k in keys if k}


FAMILY = "family:"  # a value that names a license family, not a license
# The detail of a notice that names "the BSD license" without saying which (BSD-2-Clause,
# BSD-3-Clause ...): conclusion gives the file the BSD licence of the license file beside it.
BSD_VARIANT_NOT_NAMED = "the BSD license, its variant not named (BSD-3-Clause assumed)"
STUDY_USE_ONLY = "LicenseRef-Study-Use-Only"  # a restriction, not a licence (licenses-restricted.toml)
_BARE_BSD_KEYS = frozenset({"bsd", "bsdstyle"})


def names_no_version(expression: str, words: list[str]) -> bool:
    """Whether a Creative Commons licence's name is written without its version ("Creative
    Commons Attribution-ShareAlike", "CC BY-SA")."""
    return expression.startswith("CC-BY") and not any(word[:1].isdigit() for word in words)


def names_bare_bsd(words: list[str]) -> bool:
    """Whether a license name's words are "BSD license", "BSD licensed" or "BSD-style license"."""
    return name_key(words) in _BARE_BSD_KEYS


def _add_families(table: dict[str, str], current: list[str], spdx_names: dict[str, str]) -> None:
    """Versionless names ("LaTeX Project Public License") as FAMILY + the id prefix, when all
    licenses of that name share it: enough to confirm a standard header, not to name a license."""
    families: dict[str, set[str]] = {}
    for spdx_id in current:
        words = [w for w in words_of(spdx_names.get(spdx_id, "")) if not w[:1].isdigit()]
        stem = name_key(words)
        if stem:
            families.setdefault(stem, set()).add(spdx_id.split("-")[0])
    for stem, prefixes in families.items():
        if len(prefixes) == 1 and stem not in table:
            table[stem] = FAMILY + prefixes.pop()


def build_table(license_names: dict[str, str]) -> dict[str, str]:
    """Name key -> SPDX expression, from the current licenses' names (id -> name) and ALIASES.
    A key two licenses share is dropped as ambiguous."""
    table: dict[str, str] = {}
    ambiguous: set[str] = set()

    def add(key: str, expression: str) -> None:
        held = table.get(key)
        if held is not None and held != expression:
            ambiguous.add(key)
        table[key] = expression

    current = [i for i in license_names if not _GNU.match(i)]
    for spdx_id in current:
        add(key_of(spdx_id), spdx_id)
    for spdx_id in current:
        for key in _variants(license_names[spdx_id]):
            if key not in table:
                add(key, spdx_id)
    for key in ambiguous:
        table.pop(key, None)
    _add_families(table, current, license_names)
    for alias, expression in ALIASES.items():
        table[key_of(alias)] = expression
    # Keys shorter than three letters ("0", "1") name nothing reliably.
    return {k: v for k, v in table.items() if len(k) >= 3}
