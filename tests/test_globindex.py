# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""globindex: globs that cannot backtrack for ages, on paths of any length and depth."""

from __future__ import annotations

import os
import re
import time

import pytest

from licensecheck.globindex import LONG_PATH, GlobIndex, compile_glob
from licensecheck.pathnames import shown

STAR, GLOBSTAR, ONE = (None, "[^/]*"), (None, ".*"), (None, ".")


def glob(text: str, star=STAR):
    """'*' is `star`, '%' a `**`, '?' one character; anything else literal."""
    wild = {"*": star, "%": GLOBSTAR, "?": ONE}
    return [wild.get(char, (char, "")) for char in text]


def plain(tokens) -> re.Pattern[str]:
    return re.compile("".join(re.escape(c) if c is not None else r for c, r in tokens), re.DOTALL)


def matches(tokens, path: str) -> bool:
    prefix, _, matcher = compile_glob(tokens)
    return path == prefix if matcher is None else bool(matcher.fullmatch(path))


@pytest.mark.parametrize(
    ("pattern", "star"),
    [("*a*a*a*a*a*a*a*a*a*a*z*b", STAR), ("*a*a*a*a*a*a*a*a*a*a*z*b", GLOBSTAR), ("%a*a*a*a*z*b", STAR)],
    ids=["folder-stars", "any-stars", "globstar-then-stars"],
)
@pytest.mark.parametrize("length", [30, 250, 4000])
def test_a_backtracking_glob_fails_fast_on_a_long_name(pattern, star, length):
    tokens = glob(pattern, star)
    started = time.monotonic()
    assert not matches(tokens, "a" * length + "b")
    assert matches(tokens, "a" * length + "zb")
    assert time.monotonic() - started < 1


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("%/src/*.c", "x/src/a.c", True),
        ("%/src/*.c", "x/src/b/a.c", False),
        ("%x*y", "ax/bxcy", True),  # the first x cannot be the one: a `*` does not cross '/'
        ("%x*y", "ax/bx/cy", False),
        ("a/%/b*c", "a/q/b/c", False),
        ("a/%/b*c", "a/q/bzc", True),
    ],
)
@pytest.mark.parametrize("padding", [0, LONG_PATH])  # short paths use the regex, long ones the simulation
def test_a_globstar_before_a_star_matches_as_a_plain_regex_does(pattern, path, expected, padding):
    tokens = glob(pattern)
    path = "p" * padding + path if pattern.startswith("%") else path
    assert matches(tokens, path) is expected
    assert (plain(tokens).fullmatch(path) is not None) is expected


def test_a_glob_thousands_of_folders_deep_is_indexed_without_recursion():
    deep = "a/" * 3000
    index = GlobIndex([(0, compile_glob(glob(deep + "*.c"))), (1, compile_glob(glob(deep + "x.c")))])
    assert index.last_match(deep + "b.c") == 0
    assert index.last_match(deep + "x.c") == 1
    assert index.last_match("b.c") == -1


def shown_name(raw: bytes) -> str:
    """The path results show for a file named `raw` (pathnames.shown)."""
    return shown(os.fsdecode(raw))


@pytest.mark.parametrize(
    ("pattern", "raw", "expected"),
    [
        ("??.c", b"\xb0\xe5.c", True),  # GBK for 板.c: two bytes that are not UTF-8, shown \xb0\xe5.c
        ("?.c", b"\xb0\xe5.c", False),
        ("?????????.c", b"\xb0\xe5.c", False),  # not one character per shown character either
        ("*.c", b"\xb0\xe5.c", True),
        ("*e5.c", b"\xb0\xe5.c", False),  # the name holds no "e": a `*` does not stop inside \xe5
        ("\\xb0*", b"\xb0\xe5.c", False),  # nor does a literal backslash match an escape
        ("a\\*", b"a\xff.c", False),
        ("a?b.c", b"a\\b.c", True),  # a backslash is one character, though shown doubled
        ("a\\b.c", b"a\\b.c", True),  # a glob without wildcards: looked up by the name
        ("%/?.c", b"\xd6\xf7/\xb0.c", True),
    ],
)
def test_a_shown_escape_is_one_character_as_reuse_sees_the_name(pattern, raw, expected):
    index = GlobIndex([(0, compile_glob(glob(pattern)))])
    assert (index.last_match(shown_name(raw)) == 0) is expected


@pytest.mark.parametrize(("pattern", "expected"), [("%/*??.c", True), ("%/*?.c", True), ("%/*e5.c", False)])
def test_a_long_path_with_escapes_is_simulated_by_the_same_rule(pattern, expected):
    index = GlobIndex([(0, compile_glob(glob(pattern)))])  # a globstar then a star: simulated
    assert (index.last_match(shown_name(b"p" * LONG_PATH + b"/\xb0\xe5.c")) == 0) is expected


def test_a_character_class_matches_an_undecodable_byte_as_one_character():
    not_a = (None, "[^a]")
    index = GlobIndex([(0, compile_glob([not_a, (".", ""), ("c", "")]))])
    assert index.last_match(shown_name(b"\xb0.c")) == 0
    assert index.last_match(shown_name(b"\xb0\xe5.c")) == -1
