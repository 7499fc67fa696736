# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""rules/unreadable.py: files and folders the scan could not read, said in each language."""

from __future__ import annotations

from conftest import scan, write_tree

LICENSE = {"LICENSE": "SPDX-License-Identifier: MIT\n"}


def findings(result: dict, path: str) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == "unreadable-file" and f["path"] == path]


def test_a_gitignore_with_skipped_patterns_says_what_was_not_applied(tmp_path):
    # "[z-a]" is a range git refuses, so it skips the line and keeps the others; so does the walk.
    root = write_tree(tmp_path / "project", {**LICENSE, ".gitignore": "[z-a]\n*.o\n", "a.c": "int a;\n"})
    for lang, says, not_says in [
        ("en", ("1 ignore pattern", "not applied", "are scanned"), "license is unknown"),
        ("zh", ("1 条忽略模式", "未被采用", "也会被扫描"), "许可证未知"),
    ]:
        _, result, _ = scan(root, "--no-cache", "--lang", lang, output=tmp_path / f"{lang}.json")
        (finding,) = findings(result, ".gitignore")
        assert finding["severity"] == "warning"
        assert all(words in finding["message"] for words in says), finding["message"]
        assert not_says not in finding["message"]
