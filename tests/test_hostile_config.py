# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Hostile configuration in the scanned tree: `.licensecheck.toml`, `pyproject.toml`,
`REUSE.toml`, `.reuse/dep5` and `.gitignore` that are invalid, of the wrong types,
huge, or hold globs built to make a regex backtrack. Each is a clear exit 2 naming
the file and the key, or a finding, in bounded time."""

from __future__ import annotations

import json
import os
import time

import pytest
from conftest import file_entry, rules_for, scan, write_tree
from hostile import SECRET, run_cli

from licensecheck.dep5 import MAX_PATTERNS
from licensecheck.discover import MAX_IGNORE_BYTES
from licensecheck.reuse_toml import MAX_ANNOTATIONS

LICENSE = {"LICENSE": "SPDX-License-Identifier: Apache-2.0\n", "src/a.c": "// SPDX-License-Identifier: MIT\n"}
# A glob whose plain regex backtracks through every way of splitting a long name of a's.
BACKTRACKING_GLOB = "*a" * 12 + "*z*b"
LONG_NAME = "a" * 200 + "b.c"


def run(root, *extra: str, timeout: float = 60):
    output = root.parent / "result.json"
    output.unlink(missing_ok=True)
    done = run_cli("scan", str(root), "-o", str(output), "-j", "1", "--no-cache", *extra, timeout=timeout)
    result = json.loads(output.read_text()) if output.exists() else None
    return done, result


# --- .licensecheck.toml and pyproject.toml ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        (".licensecheck.toml", 'profile = "default"\n[rules\n', "invalid TOML"),
        (".licensecheck.toml", "profile = 3\n", "profile"),
        (".licensecheck.toml", 'profile = "lenient"\n', "profile"),
        (".licensecheck.toml", "exclude = [1, 2]\n", "exclude"),
        (".licensecheck.toml", 'rules = ["missing-license"]\n', "rules"),
        (".licensecheck.toml", '[rules.no-such-rule]\nseverity = "off"\n', "rules.no-such-rule"),
        (".licensecheck.toml", "[[waivers]]\nrule = 42\n", "waivers[0].rule"),
        (".licensecheck.toml", "licenses = 5\n", "licenses"),
        (".licensecheck.toml", "[components]\nfirmware = {a = 1}\n", "components.firmware"),
        (".licensecheck.toml", "profile = '" + "x" * 100_000 + "'\n", "profile"),
        (".licensecheck.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n", "invalid TOML"),
        (".licensecheck.toml", "\xff\xfe\x00garbage", "configuration"),
        ("pyproject.toml", '[tool.licensecheck]\nfail-on = "sometimes"\n', "fail-on"),
        ("pyproject.toml", "[tool\nname = 1\n", "invalid TOML"),
    ],
)  # fmt: skip
def test_a_bad_configuration_is_exit_2_naming_file_and_key(tmp_path, name, content, key):
    root = write_tree(tmp_path / "project", LICENSE)
    (root / name).write_bytes(content.encode("utf-8", "surrogateescape"))
    done, result = run(root)
    assert done.code == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert name in done.stderr and key in done.stderr
    assert len(done.stderr) < 2000  # one clear message, not the offending value in full
    assert result is None


@pytest.mark.parametrize("pattern", ["!", "*a*a*a*a*a*z"], ids=["invalid", "too-costly"])
def test_a_bad_exclude_pattern_is_exit_2(tmp_path, pattern):
    root = write_tree(tmp_path / "project", {**LICENSE, ".licensecheck.toml": f"exclude = [{pattern!r}]\n"})
    done, _ = run(root)
    assert done.code == 2 and "exclude" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ('[components]\nx = ["*a*a*a*a*a*a*a*a*b"]\n', "components.x"),
        ('[[waivers]]\nrule = "missing-license"\nreason = "r"\npaths = ["**a**a**a**a**a**b"]\n', "paths"),
    ],
    ids=["component", "waiver"],
)
def test_a_pattern_too_costly_to_match_is_refused_wherever_it_is(tmp_path, config, key):
    """Components and waivers are matched against every path, as exclude patterns are: one
    that backtracks on a long name held a scan of a 60-character name for a minute."""
    root = write_tree(tmp_path / "project", {**LICENSE, ".licensecheck.toml": config, "d/" + "a" * 60: "x"})
    done, _ = run(root, timeout=60)
    assert done.code == 2 and key in done.stderr and "too costly" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_fifo_as_configuration_is_not_read(tmp_path):
    root = write_tree(tmp_path / "project", LICENSE)
    os.mkfifo(root / ".licensecheck.toml")
    os.mkfifo(root / "pyproject.toml")
    done, result = run(root, timeout=30)
    assert done.code in (0, 1), done.stderr
    assert file_entry(result, "src/a.c")["licenses"] == ["MIT"]


def test_a_huge_configuration_file_is_refused_in_bounded_memory(tmp_path):
    root = write_tree(tmp_path / "project", LICENSE)
    with open(root / ".licensecheck.toml", "wb") as handle:
        handle.write(b'profile = "default"\n')
        handle.truncate(300 * 1024 * 1024)
    done, _ = run(root)
    assert done.code == 2
    assert done.peak_mb < 256, done.peak_mb


def test_a_symlinked_configuration_is_not_followed_out_of_the_tree(tmp_path):
    secret = tmp_path / "elsewhere.toml"
    secret.write_text(f'profile = "{SECRET}"\n')
    root = write_tree(tmp_path / "project", LICENSE)
    os.symlink(secret, root / ".licensecheck.toml")
    done, _ = run(root)
    assert SECRET not in done.stderr + done.stdout
    # Not ignored in silence either: its fail-on and waivers would not apply.
    assert done.code == 2 and ".licensecheck.toml: a symbolic link, not followed" in done.stderr


# --- REUSE.toml and dep5 --------------------------------------------------------------------


REUSE_TOML_CASES = {
    "invalid-toml": "version = 1\n[[annotations]\n",
    "no-version": '[[annotations]]\npath = "*"\nSPDX-License-Identifier = "MIT"\n',
    "wrong-version-type": 'version = "1"\n',
    "annotations-not-array": 'version = 1\nannotations = "x"\n',
    "path-wrong-type": 'version = 1\n[[annotations]]\npath = 5\nSPDX-License-Identifier = "MIT"\n',
    "path-leaves-folder": 'version = 1\n[[annotations]]\npath = "../x"\nSPDX-License-Identifier = "MIT"\n',
    "precedence-wrong": 'version = 1\n[[annotations]]\npath = "*"\nprecedence = 1\n',
    "huge-glob": f'version = 1\n[[annotations]]\npath = "{"a*" * 10_000}"\nSPDX-License-Identifier = "MIT"\n',
    "deep-nesting": "version = 1\nx = " + "[" * 3000 + "]" * 3000 + "\n",
    "too-many-annotations": "version = 1\n"
    + '[[annotations]]\npath = "x"\nSPDX-License-Identifier = "MIT"\n' * (MAX_ANNOTATIONS + 1),
}


@pytest.mark.parametrize("content", REUSE_TOML_CASES.values(), ids=REUSE_TOML_CASES.keys())
def test_a_bad_reuse_toml_is_a_finding_and_the_scan_goes_on(tree, content):
    root = tree({**LICENSE, "REUSE.toml": content})
    started = time.monotonic()
    code, result, _ = scan(root, "--no-cache")
    assert time.monotonic() - started < 20
    assert code in (0, 1)
    assert "unreadable-file" in rules_for(result, "REUSE.toml")
    assert file_entry(result, "src/a.c")["licenses"] == ["MIT"]


DEP5_HEAD = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
DEP5_CASES = {
    "no-license": "Files: *\nCopyright: 2025 Jane\n",
    "continuation-first": " indented\n",
    "huge-pattern": f"Files: {'a*' * 5000}\nCopyright: x\nLicense: MIT\n",
    "too-many-patterns": "Files: "
    + " ".join(f"d{i}/*" for i in range(MAX_PATTERNS + 1))
    + "\nCopyright: x\nLicense: MIT\n",
    "binary": "\x00\x01\x02 Files: x\n",
}


@pytest.mark.parametrize("content", DEP5_CASES.values(), ids=DEP5_CASES.keys())
def test_a_bad_dep5_is_a_finding_and_the_scan_goes_on(tree, content):
    root = tree({**LICENSE, ".reuse/dep5": DEP5_HEAD + content})
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    assert file_entry(result, "src/a.c")["licenses"] == ["MIT"]
    assert "unreadable-file" in rules_for(result, ".reuse/dep5") or content.startswith("\x00")


@pytest.mark.parametrize("where", ["REUSE.toml", ".reuse/dep5"])
def test_a_backtracking_glob_costs_no_more_than_a_plain_one(tree, where):
    glob = BACKTRACKING_GLOB + ".c"
    files = {f"src/{LONG_NAME[:-3]}{i}b.c": "int x;\n" for i in range(20)}
    if where == "REUSE.toml":
        config = f'version = 1\n[[annotations]]\npath = "src/{glob}"\nSPDX-License-Identifier = "CC0-1.0"\n'
    else:
        config = DEP5_HEAD + f"Files: src/{glob}\nCopyright: 2025 Jane\nLicense: CC0-1.0\n"
    root = tree({**LICENSE, where: config, **files})
    started = time.monotonic()
    _, result, _ = scan(root, "--no-cache")
    assert time.monotonic() - started < 10
    assert file_entry(result, "src/a.c")["licenses"] == ["MIT"]


def test_a_backtracking_gitignore_pattern_is_skipped_in_the_walk(tree):
    files = {f"src/{'a' * 120}{i}.c": "int x;\n" for i in range(20)}
    root = tree({**LICENSE, ".gitignore": f"{BACKTRACKING_GLOB}\n*.o\n", **files, "src/x.o": "o"})
    started = time.monotonic()
    _, result, _ = scan(root, "--no-cache")
    assert time.monotonic() - started < 10
    paths = [f["path"] for f in result["files"]]
    assert "src/x.o" not in paths  # the other patterns still apply
    assert any("patterns skipped" in f["message"] for f in result["findings"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_gitignore_larger_than_the_limit_is_read_to_its_last_whole_line(tree, lang):
    # The limit falls inside "src/keep.c.bak": read to the limit, the line would be the
    # pattern "src/keep.c" and leave out a file that nothing ignores.
    head = "*.o\n#"
    padding = "x" * (MAX_IGNORE_BYTES - len(head) - len("\nsrc/keep.c"))
    ignore = head + padding + "\nsrc/keep.c.bak\n"
    files = {**LICENSE, "src/keep.c": "// SPDX-License-Identifier: MIT\n", "src/x.o": "o"}
    _, result, _ = scan(tree({**files, ".gitignore": ignore}), "--no-cache", "--lang", lang)
    paths = [f["path"] for f in result["files"]]
    assert "src/keep.c" in paths and "src/x.o" not in paths  # the lines before the limit apply
    said = [f["message"] for f in result["findings"] if f["rule"] == "unreadable-file"]
    assert len(said) == 1 and "0+" in said[0]  # none skipped in the part read, and more after it


def test_a_gitignore_whose_last_line_ends_just_past_the_limit_keeps_that_line(tree):
    last = "src/last.c\n"
    ignore = "#" + "x" * (MAX_IGNORE_BYTES - len(last) - 1) + "\n" + last
    assert len(ignore) == MAX_IGNORE_BYTES + 1  # the newline ending the last pattern is past the limit
    files = {**LICENSE, "src/last.c": "// SPDX-License-Identifier: MIT\n", ".gitignore": ignore}
    _, result, _ = scan(tree(files), "--no-cache")
    assert "src/last.c" not in [f["path"] for f in result["files"]]
    assert "unreadable-file" not in rules_for(result)  # the file was read whole: nothing skipped


@pytest.mark.parametrize("pattern", ["[z-a]", "src/[b-a]*.c", "trailing\\"])
def test_a_gitignore_pattern_that_cannot_compile_is_skipped_in_the_walk(tree, pattern):
    # "[z-a]" becomes a regex `re` refuses (re.error, not a ValueError): git skips the line.
    root = tree({**LICENSE, ".gitignore": f"{pattern}\n*.o\n", "src/a.c": "int x;\n", "src/x.o": "o"})
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    paths = [f["path"] for f in result["files"]]
    assert "src/a.c" in paths and "src/x.o" not in paths  # the other patterns still apply
    assert any("patterns skipped" in f["message"] for f in result["findings"])


def test_a_huge_gitignore_is_read_only_up_to_its_limit(tmp_path):
    root = write_tree(tmp_path / "project", {**LICENSE, "x.o": "o"})
    with open(root / ".gitignore", "wb") as handle:
        handle.write(b"*.o\n")
        handle.truncate(1024 * 1024 * 1024)
    done, result = run(root)
    assert done.code in (0, 1), done.stderr
    assert "x.o" not in [f["path"] for f in result["files"]]
    assert done.peak_mb < 512, done.peak_mb
