# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold license notices of their own.
"""The leading notice of a source file: what identification reads of a file without a tag."""

from __future__ import annotations

import pytest
from conftest import file_entry, scan

from licensecheck import comments, identify
from licensecheck.extract.file import _NOTICE_HINT
from licensecheck.extract.leading import notice_end
from licensecheck.identify import data

C = comments.style("c")
CODE = "".join(f"int f{i}(int x) {{ return x * {i}; }}\n" for i in range(200))


def end_of(text: str, style: comments.CommentStyle = C) -> str:
    return text[: notice_end(text, style, _NOTICE_HINT)]


def test_the_notice_ends_at_the_first_line_of_code():
    notice = "/*\n * Copyright 2019 Vendor\n * Licensed under the MIT License.\n */\n\n"
    assert end_of(notice + CODE) == notice


def test_code_before_the_notice_does_not_end_it():
    head = "/* driver.c: the board driver */\n#include <stdint.h>\n"
    notice = "/*\n * SPDX-free, but: Licensed under the Apache License 2.0.\n */\n"
    assert end_of(head + notice + CODE) == head + notice


def test_blank_lines_and_further_comments_belong_to_the_notice():
    notice = "// Copyright 2020 Jane\n// Licensed under the BSD license:\n\n/*\n * Redistribution\n */\n"
    assert end_of(notice + CODE) == notice


def test_a_python_docstring_is_a_comment():
    notice = '#!/usr/bin/env python3\n"""Sensor driver.\n\nLicensed under the MIT License.\n"""\n'
    assert end_of(notice + "import os\n", comments.style("python")) == notice


def test_a_marker_written_with_its_space_may_stand_alone():
    # m4's "dnl " and batch files' "REM ": a bare "dnl" separates two paragraphs of a notice.
    notice = "dnl Copyright (c) 2005 X\ndnl\ndnl Permission is hereby granted, free\ndnl\ndnl more\n"
    assert end_of(notice + "AC_DEFUN([X],[y])\n", comments.style("m4")) == notice
    batch = "REM Licensed under the MIT License.\nREM\nREM more\n"
    assert end_of(batch + "@echo off\n", comments.style("bat")) == batch


def test_a_lua_block_comment_is_not_read_as_line_comments():
    notice = "--[[ mygame\n  Licensed under the zlib license:\n  more words\n]]\n"
    assert end_of(notice + "local x = 1\n", comments.style("lua")) == notice


def test_a_file_that_is_all_comment_ends_where_it_ends():
    text = "# Licensed under the MIT License.\n# more\n"
    assert end_of(text, comments.style("hash")) == text


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    import os

    if "index" not in identify._STATE:
        os.environ["LICENSECHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("identify-cache"))
    return data.load().licenses


def c_comment(text: str) -> str:
    return "/*\n" + "".join(f" * {line}\n" for line in text.splitlines()) + " */\n"


def test_vendored_files_with_one_notice_are_identified_from_it(tree, texts):
    # Two vendored files: the same BSD notice under different copyright lines, different code.
    bsd = c_comment(texts["BSD-3-Clause"])
    files = {f"lib/v{i}.c": f"/* Copyright (c) 201{i} Vendor {i} */\n" + bsd + CODE[i:] for i in range(2)}
    _, result, _ = scan(tree({"LICENSE": texts["MIT"], **files}), "--no-cache")
    for path in files:
        entry = file_entry(result, path)
        assert entry["licenses"] == ["BSD-3-Clause"]
        # The copyright line, then the notice.
        assert [e["source"] for e in entry["evidence"]] == ["header", "text-match"]


def test_what_the_code_says_below_the_notice_is_not_the_files_license(tree):
    # A string the program prints names another project's license; no notice words are
    # around it (license, copyright, warranty ...), so only the notice above is read.
    notice = "/*\n * Licensed under the MIT License.\n */\n"
    code = '#include <stdio.h>\nint main(void) {\n    puts("Our tool is released under the GPLv3.");\n}\n'
    _, result, _ = scan(tree({"src/main.c": notice + code}), "--no-cache")
    assert file_entry(result, "src/main.c")["licenses"] == ["MIT"]


def test_a_notice_after_code_is_read_with_the_one_before(tree, texts):
    # A C library header under the LGPL whose code, below its #include lines, came from BSD.
    lgpl = (
        "/* This library is free software; you can redistribute it and/or modify it under the\n"
        "   terms of the GNU Lesser General Public License as published by the Free Software\n"
        "   Foundation; either version 2.1 of the License, or (at your option) any later version. */\n"
    )
    guard = "#ifndef NET_H\n#define NET_H\n#include <stdint.h>\n"
    text = lgpl + guard + c_comment(texts["BSD-3-Clause"]) + CODE
    _, result, _ = scan(tree({"LICENSE": texts["MIT"], "net.h": text}), "--no-cache")
    assert file_entry(result, "net.h")["licenses"] == ["LGPL-2.1-or-later AND BSD-3-Clause"]


def test_a_notice_below_a_title_that_mentions_it_is_read(tree, texts):
    # The title's "license" ends the notice at #include; the Zlib notice below says neither
    # "license" nor any other hint, but it holds "warranty": the whole head is read.
    zlib = texts["Zlib"].split("\n", 1)[1]  # without its "zlib License" title
    head = "/* mylib.c -- see the license below */\n#include <stdint.h>\n"
    files = {"LICENSE": texts["MIT"], "mylib.c": head + c_comment(zlib) + CODE}
    _, result, _ = scan(tree(files), "--no-cache")
    assert file_entry(result, "mylib.c")["licenses"] == ["Zlib"]


@pytest.mark.parametrize("spdx_id", ["ISC", "Zlib"])
def test_a_notice_that_never_says_license_is_read_whatever_its_grant(tree, texts, spdx_id):
    # "Permission is granted to anyone to use this software" (Zlib) is a grant too.
    body = texts[spdx_id].replace("ISC DISCLAIMS", "THE AUTHOR DISCLAIMS")
    body = body.replace("SHALL ISC BE", "SHALL THE AUTHOR BE")
    body = body.split("\n", 1)[1]  # without its title
    assert "licen" not in body.lower()
    _, result, _ = scan(tree({"LICENSE": texts["MIT"], "src/a.c": c_comment(body) + CODE}), "--no-cache")
    assert file_entry(result, "src/a.c")["licenses"] == [spdx_id]


def test_identification_is_memoized_by_the_cleaned_text(texts):
    one = identify.identify("Copyright 2019 A\n" + texts["Zlib"])
    two = identify.identify("Copyright 2024 B\n" + texts["Zlib"])
    assert one.expression == "Zlib" and two is one  # copyright lines are cleaned away: one entry
    assert identify.identify(texts["Zlib"] + "\nextra words here") is not one
