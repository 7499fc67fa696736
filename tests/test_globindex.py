# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""globindex: globs that cannot backtrack for ages, on paths of any length and depth."""

from __future__ import annotations

import re
import time

import pytest

from licensecheck.globindex import LONG_PATH, GlobIndex, compile_glob

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
