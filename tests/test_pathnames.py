# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""pathnames: how names the file system holds are shown, and back."""

from __future__ import annotations

import os

import pytest

from licensecheck.pathnames import on_disk, shown


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"plain.c", "plain.c"),
        ("原理图.kicad_sch".encode(), "原理图.kicad_sch"),  # UTF-8: as it is
        (b"caf\xe9.c", "caf\\xe9.c"),  # Latin-1
        (b"\xd4\xad\xc0\xed\xcd\xbc.c", "\u052d\\xc0\\xed\u037c.c"),  # GBK: some byte pairs are UTF-8
        (b"a\\xff.c", "a\\\\xff.c"),  # a backslash is doubled: never read as an escape
        (b"src\\main.c", "src\\\\main.c"),  # a Windows path unzipped as one name
        (b"a\\\xff.c", "a\\\\\\xff.c"),
    ],
)
def test_names_are_shown_as_utf8_and_read_back(raw, expected):
    name = os.fsdecode(raw)
    assert shown(name) == expected
    shown(name).encode("utf-8")  # a report can hold it
    assert on_disk(shown(name)) == raw


def test_no_two_names_show_alike():
    raws = [b"a\xff.c", b"a\\xff.c", b"a\\\\xff.c", b"a\xfe.c", b"a\\\xff.c", b"a\\\\\xff.c"]
    raws.append("a\u00ff.c".encode())
    assert len({shown(os.fsdecode(raw)) for raw in raws}) == len(raws)
