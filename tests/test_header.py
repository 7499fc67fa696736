# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (this file is full of example tags that are not its own)

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.comments import STYLES, CommentStyle
from licensecheck.extract.header import MAX_VALUE, extract_header

# Spelled in two parts so that this file's own ignore block stays one block.
IGNORE_START, IGNORE_END = "REUSE-" + "IgnoreStart", "REUSE-" + "IgnoreEnd"


def licenses(text: str, style: str = "none") -> list[tuple[int, str]]:
    return [(e.line, e.raw) for e in extract_header(text, STYLES[style]) if e.raw is not None]


def copyrights(text: str, style: str = "none") -> list[tuple[int, str, str]]:
    return [(e.line, e.copyright, e.detail) for e in extract_header(text, STYLES[style]) if e.copyright]


# One realistic file per comment style: (style, text, expected license, expected copyright)
STYLE_CASES = {
    "c block header": (
        "c",
        "/*\n * SPDX-FileCopyrightText: 2024 Jane Maker <jane@example.org>\n"
        " * SPDX-License-Identifier: GPL-3.0-or-later\n */\n#include <stdio.h>\n",
        (3, "GPL-3.0-or-later"),
        (2, "2024 Jane Maker <jane@example.org>"),
    ),
    "c one-line block": (
        "c",
        "/* SPDX-License-Identifier: MIT */\n/* SPDX-FileCopyrightText: 2023 Li Lei */\nint x;\n",
        (1, "MIT"),
        (2, "2023 Li Lei"),
    ),
    "arduino //": (
        "c",
        "// SPDX-FileCopyrightText: 2025 Li Lei <lilei@example.cn>\n"
        "// SPDX-License-Identifier: CERN-OHL-S-2.0\n"
        "void setup() {}\n",
        (2, "CERN-OHL-S-2.0"),
        (1, "2025 Li Lei <lilei@example.cn>"),
    ),
    "python #": (
        "python",
        "#!/usr/bin/env python3\n# SPDX-FileCopyrightText: 2024 Jane\n# SPDX-License-Identifier: MIT\n"
        "import os\n",
        (3, "MIT"),
        (2, "2024 Jane"),
    ),
    "python docstring": (
        "python",
        '"""Plant sensor driver.\n\nSPDX-FileCopyrightText: 2024 Jane\n'
        'SPDX-License-Identifier: Apache-2.0\n"""\n',
        (4, "Apache-2.0"),
        (3, "2024 Jane"),
    ),
    "python one-line docstring": (
        "python",
        '"""SPDX-License-Identifier: BSD-2-Clause"""\n"""SPDX-FileCopyrightText: 2020 Bob"""\n',
        (1, "BSD-2-Clause"),
        (2, "2020 Bob"),
    ),
    "vhdl --": (
        "vhdl",
        "-- SPDX-FileCopyrightText: 2022 Ada\n-- SPDX-License-Identifier: CERN-OHL-W-2.0\nentity blink is\n",
        (2, "CERN-OHL-W-2.0"),
        (1, "2022 Ada"),
    ),
    "markdown <!-- -->": (
        "html",
        "<!--\nSPDX-FileCopyrightText: 2024 Docs Team\nSPDX-License-Identifier: CC-BY-4.0\n-->\n# Title\n",
        (3, "CC-BY-4.0"),
        (2, "2024 Docs Team"),
    ),
    "svg <!-- --> after xml declaration": (
        "html",
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- SPDX-FileCopyrightText: 2025 Li Lei -->\n'
        '<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        (3, "CC-BY-SA-4.0"),
        (2, "2025 Li Lei"),
    ),
    "kicad title block": (
        "kicad",
        '(kicad_sch (version 20231120) (generator "eeschema")\n  (title_block\n'
        '    (title "Smart plant controller")\n'
        '    (comment 1 "SPDX-FileCopyrightText: 2025 Shenzhen Maker Team")\n'
        '    (comment 2 "SPDX-License-Identifier: CERN-OHL-S-2.0"))\n)\n',
        (5, "CERN-OHL-S-2.0"),
        (4, "2025 Shenzhen Maker Team"),
    ),
    "legacy kicad Comment1": (
        "none",
        'EESchema Schematic File Version 4\n$Descr A4 11693 8268\nComp "Team"\n'
        'Comment1 "SPDX-License-Identifier: CERN-OHL-1.2"\nComment2 "Copyright 2019 Team"\n$EndDescr\n',
        (4, "CERN-OHL-1.2"),
        (5, "Copyright 2019 Team"),
    ),
    "gerber G04": (
        "gerber",
        "G04 SPDX-FileCopyrightText: 2025 Shenzhen Maker Team*\n"
        "G04 SPDX-License-Identifier: CERN-OHL-S-2.0*\n"
        "%TF.FileFunction,Copper,L1,Top*%\n%FSLAX46Y46*%\n",
        (2, "CERN-OHL-S-2.0"),
        (1, "2025 Shenzhen Maker Team"),
    ),
    "excellon ;": (
        "semicolon",
        "M48\n; DRILL file {KiCad 8.0.4} date 2025-03-01T10:00:00+0800\n"
        "; SPDX-FileCopyrightText: 2025 Shenzhen Maker Team\n; SPDX-License-Identifier: CERN-OHL-S-2.0\n"
        "METRIC\n",
        (4, "CERN-OHL-S-2.0"),
        (3, "2025 Shenzhen Maker Team"),
    ),
    "step /* */": (
        "c-block",
        "ISO-10303-21;\nHEADER;\n/* SPDX-FileCopyrightText: 2025 Li Lei */\n"
        "/* SPDX-License-Identifier: CERN-OHL-W-2.0 */\n"
        "FILE_DESCRIPTION(('Enclosure lid'),'2;1');\nENDSEC;\n",
        (4, "CERN-OHL-W-2.0"),
        (3, "2025 Li Lei"),
    ),
    "dxf 999": (
        "dxf",
        "999\nSPDX-License-Identifier: CERN-OHL-P-2.0\n999\nCopyright 2025 Li Lei\n  0\nSECTION\n",
        (2, "CERN-OHL-P-2.0"),
        (4, "Copyright 2025 Li Lei"),
    ),
    "batch REM": (
        "bat",
        "@echo off\nREM SPDX-FileCopyrightText: 2021 Win User\nREM SPDX-License-Identifier: 0BSD\n",
        (3, "0BSD"),
        (2, "2021 Win User"),
    ),
    "ocaml (* *)": (
        "ml",
        "(* SPDX-FileCopyrightText: 2023 Inria *)\n(* SPDX-License-Identifier: LGPL-2.1-or-later *)\n"
        "let x = 1\n",
        (2, "LGPL-2.1-or-later"),
        (1, "2023 Inria"),
    ),
    "pascal (* *)": (
        "ml",
        "(* Copyright (C) 2020 Pascal Person *)\n(* SPDX-License-Identifier: MPL-2.0 *)\nprogram Hello;\n",
        (2, "MPL-2.0"),
        (1, "Copyright (C) 2020 Pascal Person"),
    ),
    "haskell {- -}": (
        "haskell",
        "{- SPDX-FileCopyrightText: 2022 Curry -}\n{- SPDX-License-Identifier: BSD-3-Clause -}\n"
        "module Main where\n",
        (2, "BSD-3-Clause"),
        (1, "2022 Curry"),
    ),
    "lua --": (
        "lua",
        "-- SPDX-FileCopyrightText: 2020 Moon\n--[[ SPDX-License-Identifier: MIT ]]\nlocal x = 1\n",
        (2, "MIT"),
        (1, "2020 Moon"),
    ),
    "tex %": (
        "tex",
        "% SPDX-FileCopyrightText: 2019 Knuth Fan\n% SPDX-License-Identifier: LPPL-1.3c\n"
        "\\documentclass{article}\n",
        (2, "LPPL-1.3c"),
        (1, "2019 Knuth Fan"),
    ),
    "rst ..": (
        "rst",
        ".. SPDX-FileCopyrightText: 2024 Writer\n.. SPDX-License-Identifier: CC-BY-SA-4.0\n\nTitle\n=====\n",
        (2, "CC-BY-SA-4.0"),
        (1, "2024 Writer"),
    ),
    "jinja {# #}": (
        "jinja",
        "{# SPDX-FileCopyrightText: 2024 Web #}\n{# SPDX-License-Identifier: Apache-2.0 #}\n<p>{{ x }}</p>\n",
        (2, "Apache-2.0"),
        (1, "2024 Web"),
    ),
    "platformio ini ;": (
        "semicolon-hash",
        "; SPDX-FileCopyrightText: 2024 Maker\n; SPDX-License-Identifier: MIT\n[env:uno]\nboard = uno\n",
        (2, "MIT"),
        (1, "2024 Maker"),
    ),
}


@pytest.mark.parametrize("case", STYLE_CASES.values(), ids=STYLE_CASES.keys())
def test_every_comment_style(case):
    style, text, expected_license, expected_copyright = case
    found = extract_header(text, STYLES[style])
    assert [(e.line, e.raw) for e in found if e.raw] == [expected_license]
    assert [(e.line, e.copyright) for e in found if e.copyright] == [expected_copyright]
    assert all(e.source == "header" and e.expression is None for e in found)


def test_details_name_the_tag_or_keyword():
    text = (
        "# SPDX-License-Identifier: MIT\n"
        "# SPDX-FileCopyrightText: 2024 A\n"
        "# SPDX-SnippetCopyrightText: 2024 B\n"
    )
    assert [e.detail for e in extract_header(text, STYLES["hash"])] == [
        "SPDX-License-Identifier",
        "SPDX-FileCopyrightText",
        "SPDX-SnippetCopyrightText",
    ]


def test_source_is_passed_through():
    found = extract_header("; SPDX-License-Identifier: MIT\n", STYLES["semicolon"], source="embedded")
    assert [e.source for e in found] == ["embedded"]


# --- cleaning values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "style", "expected"),
    [
        (
            "/* SPDX-License-Identifier: GPL-2.0-or-later WITH Linux-syscall-note */",
            "c",
            "GPL-2.0-or-later WITH Linux-syscall-note",
        ),
        ("<!-- SPDX-License-Identifier: MIT-->", "html", "MIT"),
        ("(* SPDX-License-Identifier: ISC*)", "ml", "ISC"),
        ("{- SPDX-License-Identifier: BSD-2-Clause-}", "haskell", "BSD-2-Clause"),
        ('"""SPDX-License-Identifier: Zlib"""', "python", "Zlib"),
        ("{# SPDX-License-Identifier: MPL-2.0 #}", "jinja", "MPL-2.0"),
        ("G04 SPDX-License-Identifier: CERN-OHL-S-2.0 *", "gerber", "CERN-OHL-S-2.0"),
        ("G04 SPDX-License-Identifier: CERN-OHL-S-2.0*G01*", "gerber", "CERN-OHL-S-2.0"),
        ("%TF.Comment,SPDX-License-Identifier: CERN-OHL-P-2.0*%", "gerber", "CERN-OHL-P-2.0"),
        ('    (comment 2 "SPDX-License-Identifier: CERN-OHL-S-2.0")', "kicad", "CERN-OHL-S-2.0"),
        ('<metadata name="LicenseTerms">SPDX-License-Identifier: CC-BY-4.0</metadata>', "html", "CC-BY-4.0"),
        ("<description>SPDX-License-Identifier: CERN-OHL-S-2.0</description>", "none", "CERN-OHL-S-2.0"),
        ('  "description": "SPDX-License-Identifier: MIT",', "none", "MIT"),
        ('{"description":"SPDX-License-Identifier: MIT","name":"x"}', "none", "MIT"),
        (
            '<attribute name="LICENSE" value="SPDX-License-Identifier: CERN-OHL-S-2.0"/>',
            "none",
            "CERN-OHL-S-2.0",
        ),
        ('    puts("// SPDX-License-Identifier: GPL-2.0-only\\n");', "c", "GPL-2.0-only"),
        ("license = 'SPDX-License-Identifier: Apache-2.0'", "python", "Apache-2.0"),
        ("echo SPDX-License-Identifier: MIT \\", "hash", "MIT"),
        ("text: SPDX-License-Identifier: MIT\\n", "none", "MIT"),
        ("; SPDX-License-Identifier: MIT;", "semicolon", "MIT"),
        ("# SPDX-License-Identifier: MIT,", "hash", "MIT"),
        ('# SPDX-License-Identifier: "MIT"', "hash", "MIT"),
        ("# SPDX-License-Identifier:MIT", "hash", "MIT"),
        ("# SPDX-License-Identifier:   Apache-2.0    OR   MIT  ", "hash", "Apache-2.0 OR MIT"),
        ("(license SPDX-License-Identifier: MIT)", "none", "MIT"),
        ("// SPDX-License-Identifier: MIT\r", "c", "MIT"),
        (
            "|* SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception *|",
            "c",
            "Apache-2.0 WITH LLVM-exception",
        ),
        ("# SPDX-License-Identifier: MIT                 #", "hash", "MIT"),
        # the closer of any syntax, or a stray "*", right after the value
        ("<!-- SPDX-License-Identifier: MIT--->", "html", "MIT-"),
        ("# SPDX-License-Identifier: MIT -}", "hash", "MIT"),
        ("# SPDX-License-Identifier: MIT *", "hash", "MIT"),
    ],
)
def test_format_syntax_is_stripped(line, style, expected):
    assert licenses(line + "\n", style) == [(1, expected)]


@pytest.mark.parametrize(
    "expression",
    [
        "(MIT OR Apache-2.0)",
        "GPL-2.0+",
        "(GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT)",
        "((MIT AND BSD-3-Clause) OR Apache-2.0)",
        "LicenseRef-Maker_Board",
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
    ],
)
@pytest.mark.parametrize(
    ("before", "after", "style"),
    [
        ("// ", "", "c"),
        ("/* ", " */", "c"),
        ("/* ", "*/", "c"),
        ("(* ", " *)", "ml"),
        ("<!-- ", " -->", "html"),
        ('(comment 2 "', '")', "kicad"),
        ("G04 ", "*", "gerber"),
        ("<metadata>", "</metadata>", "html"),
        ('"license": "', '",', "none"),
    ],
)
def test_characters_of_the_expression_are_kept(expression, before, after, style):
    line = f"{before}SPDX-License-Identifier: {expression}{after}\n"
    assert licenses(line, style) == [(1, expression)]


def test_unbalanced_closing_parenthesis_is_dropped_balanced_one_kept():
    assert licenses("(spdx SPDX-License-Identifier: (MIT OR Apache-2.0))\n") == [(1, "(MIT OR Apache-2.0)")]
    assert licenses("# SPDX-License-Identifier: (MIT OR Apache-2.0\n") == [(1, "(MIT OR Apache-2.0")]


def test_two_tags_on_one_line():
    text = "/* SPDX-License-Identifier: MIT */ /* SPDX-FileCopyrightText: 2020 X */\n"
    assert licenses(text, "c") == [(1, "MIT")]
    assert copyrights(text, "c") == [(1, "2020 X", "SPDX-FileCopyrightText")]


def test_empty_value_gives_no_evidence():
    assert extract_header("# SPDX-License-Identifier:\n# SPDX-License-Identifier: */\n", STYLES["hash"]) == []


# --- several tags, ignore blocks, snippets -------------------------------------------------------------


def test_several_identifiers_give_several_evidences():
    text = "// SPDX-License-Identifier: MIT\n// SPDX-License-Identifier: CC-BY-4.0\nint x;\n"
    assert licenses(text, "c") == [(1, "MIT"), (2, "CC-BY-4.0")]


def test_tags_anywhere_in_the_file_are_found():
    text = "x = 1\n" * 5000 + "# SPDX-License-Identifier: MIT\n"
    assert licenses(text, "hash") == [(5001, "MIT")]


def test_crlf_line_numbers():
    text = "a\r\nb\r\n# SPDX-License-Identifier: MIT\r\n# Copyright 2024 Jane\r\n"
    assert licenses(text, "hash") == [(3, "MIT")]
    assert copyrights(text, "hash") == [(4, "Copyright 2024 Jane", "Copyright")]


def test_reuse_ignore_block_is_skipped():
    text = (
        "# SPDX-License-Identifier: MIT\n"
        f"# {IGNORE_START}\n"
        'print("# SPDX-License-Identifier: GPL-3.0-only")\n'
        'print("# Copyright 2000 Someone Else")\n'
        f"# {IGNORE_END}\n"
        "# SPDX-License-Identifier: Apache-2.0\n"
    )
    assert licenses(text, "hash") == [(1, "MIT"), (6, "Apache-2.0")]
    assert copyrights(text, "hash") == []


def test_unclosed_ignore_start_ignores_to_the_end():
    text = f"# SPDX-License-Identifier: MIT\n# {IGNORE_START}\n# SPDX-License-Identifier: GPL-2.0-only\n"
    assert licenses(text, "hash") == [(1, "MIT")]


def test_text_around_ignore_markers_on_the_same_line_counts():
    text = f"# SPDX-License-Identifier: MIT {IGNORE_START} GPL {IGNORE_END}\n# Copyright 2024 Jane\n"
    assert licenses(text, "hash") == [(1, "MIT")]
    assert copyrights(text, "hash") == [(2, "Copyright 2024 Jane", "Copyright")]


def test_ignore_end_without_start_changes_nothing():
    assert licenses(f"# {IGNORE_END}\n# SPDX-License-Identifier: MIT\n", "hash") == [(2, "MIT")]


def test_snippet_tags_are_marked_snippet():
    text = (
        "// SPDX-FileCopyrightText: 2024 Jane\n"
        "// SPDX-License-Identifier: MIT\n"
        "// SPDX-SnippetBegin\n"
        "// SPDX-SnippetCopyrightText: 2019 Stack Person\n"
        "// SPDX-License-Identifier: CC-BY-SA-4.0\n"
        "int borrowed(void);\n"
        "// SPDX-SnippetEnd\n"
        "// SPDX-License-Identifier: Apache-2.0\n"
    )
    found = [(e.line, e.raw or e.copyright, e.detail) for e in extract_header(text, STYLES["c"])]
    assert found == [
        (1, "2024 Jane", "SPDX-FileCopyrightText"),
        (2, "MIT", "SPDX-License-Identifier"),
        (4, "2019 Stack Person", "snippet"),
        (5, "CC-BY-SA-4.0", "snippet"),
        (8, "Apache-2.0", "SPDX-License-Identifier"),
    ]


def test_nested_and_unclosed_snippets():
    text = (
        "# SPDX-SnippetBegin\n# SPDX-SnippetBegin\n# SPDX-License-Identifier: MIT\n# SPDX-SnippetEnd\n"
        "# SPDX-License-Identifier: ISC\n# SPDX-SnippetEnd\n# SPDX-License-Identifier: 0BSD\n"
        "# SPDX-SnippetBegin\n# SPDX-License-Identifier: Zlib\n"
    )
    found = [(e.raw, e.detail) for e in extract_header(text, STYLES["hash"])]
    assert found == [
        ("MIT", "snippet"),
        ("ISC", "snippet"),
        ("0BSD", "SPDX-License-Identifier"),
        ("Zlib", "snippet"),
    ]


def test_snippet_marker_inside_ignore_block_does_not_count():
    text = f"# {IGNORE_START}\n# SPDX-SnippetBegin\n# {IGNORE_END}\n# SPDX-License-Identifier: MIT\n"
    assert [e.detail for e in extract_header(text, STYLES["hash"])] == ["SPDX-License-Identifier"]


def test_ignore_and_snippet_blocks_far_from_the_first_tags():
    filler = "x = 1\n" * 5000
    text = (
        "# SPDX-License-Identifier: MIT\n"
        + filler
        + f"# {IGNORE_START}\n# SPDX-License-Identifier: GPL-3.0-only\n# {IGNORE_END}\n"
        + filler
        + "# SPDX-SnippetBegin\n# SPDX-License-Identifier: ISC\n# SPDX-SnippetEnd\n"
        + "# SPDX-License-Identifier: 0BSD\n"
    )
    found = [(e.line, e.raw, e.detail) for e in extract_header(text, STYLES["hash"])]
    assert found == [
        (1, "MIT", "SPDX-License-Identifier"),
        (10006, "ISC", "snippet"),
        (10008, "0BSD", "SPDX-License-Identifier"),
    ]


def test_snippet_starts_at_its_marker_not_at_its_line():
    text = "# Copyright 2020 Jane SPDX-SnippetBegin SPDX-License-Identifier: MIT\n# SPDX-SnippetEnd\n"
    assert [(e.raw is None, e.detail) for e in extract_header(text, STYLES["hash"])] == [
        (False, "snippet"),
        (True, "Copyright"),
    ]


# --- copyright notices --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "style", "notice", "detail"),
    [
        (
            "# SPDX-FileCopyrightText: 2019 Jane Doe <jane@example.com>",
            "hash",
            "2019 Jane Doe <jane@example.com>",
            "SPDX-FileCopyrightText",
        ),
        (
            "// SPDX-FileCopyrightText: Copyright (C) 2020 Jane",
            "c",
            "Copyright (C) 2020 Jane",
            "SPDX-FileCopyrightText",
        ),
        (" * Copyright (C) 2024 Jane", "c", "Copyright (C) 2024 Jane", "Copyright"),
        (
            " * Copyright (c) 2024 Jane Maker. All rights reserved.",
            "c",
            "Copyright (c) 2024 Jane Maker. All rights reserved.",
            "Copyright",
        ),
        ("# Copyright © 2024 Jane", "hash", "Copyright © 2024 Jane", "Copyright"),
        (
            "# Copyright 2019-2024 Great Scott Gadgets",
            "hash",
            "Copyright 2019-2024 Great Scott Gadgets",
            "Copyright",
        ),
        ("# Copyright The Chromium Authors", "hash", "Copyright The Chromium Authors", "Copyright"),
        ("# Copyright: 2020 Debian Person", "hash", "Copyright: 2020 Debian Person", "Copyright"),
        ("C     COPYRIGHT (C) 1995 ACME CORP.", "none", "COPYRIGHT (C) 1995 ACME CORP.", "Copyright"),
        ("# This file is Copyright 2021 Jane Doe", "hash", "Copyright 2021 Jane Doe", "Copyright"),
        ("// (c) 2024 Jane", "c", "(c) 2024 Jane", "(c)"),
        (" * (C) 2024 Jane", "c", "(C) 2024 Jane", "(c)"),
        ("-- © 2024 Jane", "dash", "© 2024 Jane", "©"),
        ("<!-- ©2024 Jane Doe -->", "html", "©2024 Jane Doe", "©"),
        ("// 版权所有 (C) 2024 深圳创客", "c", "版权所有 (C) 2024 深圳创客", "版权所有"),
        ("// Copyright ソニー株式会社", "c", "Copyright ソニー株式会社", "Copyright"),
        ("// 版权所有：深圳创客科技有限公司", "c", "版权所有：深圳创客科技有限公司", "版权所有"),
        ("/* 版权所有（C）2024 深圳创客 */", "c", "版权所有（C）2024 深圳创客", "版权所有"),
        ("// 版權所有 (C) 2024 台北創客", "c", "版權所有 (C) 2024 台北創客", "版權所有"),  # traditional
        ("// 著作權所有 (C) 2025 陳大文", "c", "著作權所有 (C) 2025 陳大文", "著作權所有"),  # Taiwan
        (
            "G04 Copyright 2025 Shenzhen Maker Team*",
            "gerber",
            "Copyright 2025 Shenzhen Maker Team",
            "Copyright",
        ),
        ('    (comment 1 "Copyright 2025 Team")', "kicad", "Copyright 2025 Team", "Copyright"),
        ("  <dc:rights>Copyright 2025 Li Lei</dc:rights>", "html", "Copyright 2025 Li Lei", "Copyright"),
        ('COPYRIGHT = "Copyright 2020 Jane"', "python", "Copyright 2020 Jane", "Copyright"),
        ('    puts("Copyright 2024 Jane\\nAll rights reserved.");', "c", "Copyright 2024 Jane", "Copyright"),
    ],
)
def test_copyright_notices(line, style, notice, detail):
    assert copyrights(line + "\n", style) == [(1, notice, detail)]


def test_spdx_copyright_line_is_one_notice():
    assert len(copyrights("# SPDX-FileCopyrightText: Copyright 2020 Jane © ACME\n", "hash")) == 1


def test_notice_in_a_license_tag_value_is_a_notice_too():
    line = "# SPDX-License-Identifier: MIT Copyright 2020 Jane\n"
    assert licenses(line, "hash") == [(1, "MIT Copyright 2020 Jane")]
    assert copyrights(line, "hash") == [(1, "Copyright 2020 Jane", "Copyright")]


@pytest.mark.parametrize(
    "line",
    [
        # sentences of the kind license texts are made of (written for this test)
        "# Redistributions must keep the copyright notice above, this list of conditions and the disclaimer.",
        ' * THE SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" WITHOUT WARRANTY',
        "// IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM",
        "# The above copyright notice and this permission notice must appear in all copies.",
        "-- Copyright holders may grant additional permissions to recipients.",
        "% This work is protected under copyright law and international treaties.",
        "Copyright Notice",
        "COPYRIGHT NOTICE AND DISCLAIMER",
        "Copyright and Related Rights means rights closely related to copyright.",
        "Copyright Act of 1976",
        '"Copyright" here also covers laws similar to copyright for other kinds of works.',
        "the copyright owner or an entity the owner has authorized",
        "  (c) the recipient may not sublicense the work;",
        "# see item (c) 2024 edition of the rules",
        "Copyright (C) <year>  <name of author>",
        "Copyright [yyyy] [name of copyright owner]",
        "Copyright (c) <year> <copyright holders>",
        "Copyright YYYY Your Name",
        "// copyright 2020 all lowercase is prose, as in REUSE",
        "本软件版权所有，侵权必究",
        "本项目的版权所有者保留修改本文档的权利。",  # the copyright holder
        "注意：版权所有权归属请参阅 LICENSE",  # the ownership of the copyright
        "版权所有人：见 AUTHORS 文件",
        "如有疑问请联系版权所有方",
        "本專案的版權所有者保留修改本文件的權利。",  # the holder, in traditional characters
        "注意：版權所有權歸屬請參閱 LICENSE",
        'COPYRIGHT = "2020 Jane"',
        "__copyright__ = get_copyright()",
        "static const char *kCopyrightText = get();",
        "# Copyrighted material follows",
        '<metadata name="Copyright">2025 Shenzhen Maker Team</metadata>',
        "x = isalpha(c) 2024",
    ],
)
def test_prose_about_copyright_is_not_a_notice(line):
    assert copyrights(line + "\n", "hash") == []


# --- long values and robustness ------------------------------------------------------------------------


def test_values_are_capped():
    text = "// SPDX-License-Identifier: " + "A" * 5000 + "\n// Copyright 2020 " + "B" * 5000 + "\n"
    found = extract_header(text, STYLES["c"])
    assert [len(e.raw or e.copyright) for e in found] == [MAX_VALUE, MAX_VALUE]


def test_tag_in_a_very_long_minified_line():
    text = "x=1;" * 50_000 + "/* SPDX-License-Identifier: MIT */" + "y=2;" * 50_000 + "\n// (c) 2024 Jane\n"
    assert licenses(text, "c") == [(1, "MIT")]
    assert copyrights(text, "c") == [(2, "(c) 2024 Jane", "(c)")]


def test_a_5_mb_file_without_tags_is_fast():
    text = "    for (int i = 0; i < n; i++) { total += f(c) * values[i]; }  // Some comment\n" * 64_000
    assert len(text) > 5_000_000
    best = min(_seconds(lambda: extract_header(text, STYLES["c"])) for _ in range(3))
    assert extract_header(text, STYLES["c"]) == []
    assert best < 0.25  # typically ~5 ms; the bound only catches a per-line Python loop


def test_many_candidate_lines_are_fast():
    text = "# THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE\n# SPDX-License-Identifier: MIT\n" * 20_000
    elapsed = _seconds(lambda: extract_header(text, STYLES["hash"]))
    assert len(licenses(text, "hash")) == 20_000
    assert elapsed < 2


def _seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


FRAGMENTS = st.sampled_from(
    [
        *("SPDX-License-Identifier:", "SPDX-FileCopyrightText:", "SPDX-SnippetCopyrightText:"),
        *("SPDX-SnippetBegin", "SPDX-SnippetEnd", IGNORE_START, IGNORE_END),
        *("Copyright", "COPYRIGHT", "(c)", "(C)", "©", "版权所有", "（C）", "：", "2024", "Jane", "MIT"),
        *(" ", "\n", "\r", "\t", "(", ")", '"', "'", "\\", "*", ";", ",", "%"),
        *("*/", "-->", "*)", "-}", '"""', "#}", "</x>", "//", "#", "--", "<!--", "G04", "999"),
    ]
)
STYLES_ANY = st.one_of(
    st.sampled_from(list(STYLES.values())),
    st.builds(
        CommentStyle,
        name=st.text(max_size=8),
        single=st.lists(st.text(max_size=4), max_size=3).map(tuple),
        multi=st.lists(st.tuples(st.text(max_size=4), st.text(max_size=4)), max_size=2).map(tuple),
        middle=st.lists(st.text(max_size=3), max_size=2).map(tuple),
    ),
)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=400), st.lists(FRAGMENTS, max_size=60).map("".join)), STYLES_ANY)
def test_never_raises_and_evidence_is_well_formed(text, style):
    lines = text.count("\n") + 1
    for evidence in extract_header(text, style):
        value = evidence.raw if evidence.raw is not None else evidence.copyright
        assert (evidence.raw is None) != (evidence.copyright is None)
        assert evidence.expression is None
        assert value and len(value) <= MAX_VALUE and "\n" not in value and value == value.strip()
        assert 1 <= evidence.line <= lines


IDS = st.sampled_from(["MIT", "Apache-2.0", "GPL-2.0+", "CERN-OHL-S-2.0", "LicenseRef-X.1", "0BSD"])
EXPRESSIONS = st.recursive(
    IDS,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from([" AND ", " OR "]), inner).map("".join),
        inner.map(lambda e: f"({e})"),
        inner.map(lambda e: f"{e} WITH Classpath-exception-2.0"),
    ),
    max_leaves=6,
)


@given(
    EXPRESSIONS, st.sampled_from([("# ", "", "hash"), ("/* ", " */", "c"), ('(comment 1 "', '")', "kicad")])
)
def test_any_expression_survives_cleaning(expression, wrapper):
    before, after, style = wrapper
    assert licenses(f"{before}SPDX-License-Identifier: {expression}{after}\n", style) == [(1, expression)]


# REUSE-IgnoreEnd
