# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Awkward inputs scanned end to end: encodings, binaries, symlinks, ignored files."""

from __future__ import annotations

import json
import os

import pytest
from conftest import file_entry, git_repo, rules_for, scan

LICENSE = {"LICENSE": "SPDX-License-Identifier: MIT\n"}


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("gbk", b""),
    ],
)
def test_chinese_firmware_in_every_encoding(tree, encoding, prefix):
    text = (
        "// 版权所有 (C) 2024 深圳创客团队\n"
        "// SPDX-License-Identifier: MulanPSL-2.0\n"
        "int main(void) { return 0; }\n"
    )
    root = tree({**LICENSE, "fw/main.c": prefix + text.encode(encoding)})
    _, result, _ = scan(root)
    entry = file_entry(result, "fw/main.c")
    assert entry["licenses"] == ["MulanPSL-2.0"]
    assert any("深圳创客团队" in c for c in entry["copyrights"])


def test_a_chinese_license_label_in_a_gbk_header_is_the_files_own_license(tree):
    # Written as Shenzhen makers write it, in GBK: the file's own statement wins over the
    # MIT that its folder's license file would give it.
    text = "/* 版权所有 2025 深圳某创客\n * 许可证：木兰宽松许可证，第2版\n */\nint sensor(void);\n"
    root = tree({**LICENSE, "vendor/cnlib/sensor.c": text.encode("gbk")})
    entry = file_entry(scan(root)[1], "vendor/cnlib/sensor.c")
    assert entry["licenses"] == ["MulanPSL-2.0"]
    assert not [e for e in entry["evidence"] if e["source"] == "directory"]


@pytest.mark.parametrize(
    ("encoding", "notice", "holder"),
    [
        ("big5", "版權所有 (C) 2024 台北創客 陳大文", "陳大文"),
        ("cp932", "Copyright (C) 2024 山田太郎\n// 電源管理モジュール", "山田太郎"),
    ],
)
def test_big5_and_shift_jis_copyrights_keep_their_names(tree, encoding, notice, holder):
    text = f"// {notice}\n// SPDX-License-Identifier: MIT\nint main(void) {{ return 0; }}\n"
    root = tree({**LICENSE, "fw/main.c": text.encode(encoding)})
    entry = file_entry(scan(root)[1], "fw/main.c")
    assert entry["licenses"] == ["MIT"]
    assert any(holder in c for c in entry["copyrights"])


@pytest.mark.parametrize("label", ["开源协议：MIT", "開源協議：MIT", "授權：MIT"])
def test_a_chinese_license_label_in_a_source_comment_is_read(tree, label):
    # "开源协议：" was identified by `identify` but never sent to it by a scan: no hint word.
    root = tree({"LICENSE": "SPDX-License-Identifier: Apache-2.0\n", "src/a.c": f"// {label}\nint a;\n"})
    entry = file_entry(scan(root)[1], "src/a.c")
    assert entry["licenses"] == ["MIT"]


def test_a_traditional_chinese_readme_license_section_is_read(tree):
    readme = "# 智慧花盆\n\n## 授權\n\n本專案採用 MIT 授權條款。\n\n## 製作\n\n焊接順序見 docs。\n"
    root = tree({"README.md": readme, "src/pot.c": "int pot;\n"})
    entry = file_entry(scan(root)[1], "README.md")
    assert entry["licenses"] == ["MIT"]
    assert [e["source"] for e in entry["evidence"]] == ["text-match"]


def test_latin1_copyright(tree):
    text = "/* Copyright \xa9 2020 J\xfcrgen M\xfcller */\n/* SPDX-License-Identifier: BSD-3-Clause */\n"
    root = tree({**LICENSE, "a.c": text.encode("latin-1")})
    entry = file_entry(scan(root)[1], "a.c")
    assert entry["licenses"] == ["BSD-3-Clause"]
    assert any("Jürgen Müller" in c for c in entry["copyrights"])


def test_invalid_bytes_never_crash(tree):
    root = tree({**LICENSE, "junk.c": b"// SPDX-License-Identifier: MIT\n\xff\xfe\xfd\x80\x81" * 50})
    code, result, _ = scan(root)
    assert code in (0, 1)
    assert file_entry(result, "junk.c")["licenses"] == ["MIT"]


def test_binary_files_are_listed_but_not_read_as_text(tree):
    root = tree({**LICENSE, "fw/app.bin": b"\x00\x01SPDX-License-Identifier: GPL-3.0\x00" * 10})
    _, result, _ = scan(root)
    entry = file_entry(result, "fw/app.bin")
    assert entry["category"] == "software"
    assert not [e for e in entry["evidence"] if e["source"] == "header"]


def test_symlinks_are_never_followed(tree, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.c").write_text("// SPDX-License-Identifier: GPL-3.0-only\n")
    root = tree({**LICENSE, "src/a.c": "// SPDX-License-Identifier: MIT\n"})
    os.symlink(outside, root / "linked-dir")
    os.symlink(outside / "secret.c", root / "src" / "secret-link.c")
    os.symlink("/etc/passwd", root / "passwd")
    os.symlink(root / "src", root / "src" / "loop")
    code, result, _ = scan(root)
    paths = [f["path"] for f in result["files"]]
    assert paths == ["LICENSE", "src/a.c"]
    assert code == 0


def test_ignored_and_untracked_files_in_git(tree):
    root = git_repo(
        tree(
            {
                **LICENSE,
                ".gitignore": "# SPDX-License-Identifier: MIT\nbuild/\n*.o\n",
                "src/a.c": "// SPDX-License-Identifier: MIT\n",
                "build/out.c": "int x;\n",
                "src/a.o": b"\x7fELF",
            }
        ),
        {},
    )
    (root / "src" / "new.c").write_text("// SPDX-License-Identifier: MIT\n")  # untracked, not ignored
    (root / "build" / "later.c").write_text("int y;\n")
    _, result, _ = scan(root)
    paths = [f["path"] for f in result["files"]]
    assert paths == [".gitignore", "LICENSE", "src/a.c", "src/new.c"]
    assert result["provenance"]["dirty"] is True
    assert len(result["provenance"]["commit"]) == 40


def test_exclude_patterns_from_the_config(tree):
    root = tree(
        {
            **LICENSE,
            ".licensecheck.toml": '# SPDX-License-Identifier: MIT\nexclude = ["vendor/**"]\n',
            "vendor/x.c": "int x;\n",
            "a.c": "// SPDX-License-Identifier: MIT\n",
        }
    )
    _, result, _ = scan(root)
    assert "vendor/x.c" not in [f["path"] for f in result["files"]]
    assert "missing-license" not in rules_for(result)


def test_gitignore_is_honoured_outside_git(tree):
    root = tree(
        {**LICENSE, ".gitignore": "# SPDX-License-Identifier: MIT\n*.log\n", "a.c": "int a;\n", "x.log": "x"}
    )
    _, result, _ = scan(root)
    assert "x.log" not in [f["path"] for f in result["files"]]


def test_many_files_read_by_several_processes_give_the_same_result(tree, tmp_path):
    files = {f"src/m{i:04}.c": f"// SPDX-License-Identifier: MIT\nint v{i};\n" for i in range(400)}
    root = tree({**LICENSE, **files})
    serial, parallel = tmp_path / "serial.json", tmp_path / "parallel.json"
    scan(root, output=serial)  # -j 1
    scan(root, "-j", "2", output=parallel)
    assert serial.read_bytes() == parallel.read_bytes()


def test_the_files_json_written_beside_the_rules_is_the_same(tree, tmp_path, monkeypatch):
    """From FILES_JSON_BESIDE_FROM files, a forked child writes the files' JSON while the rules
    run (Linux); what it sends is what this process would have written."""
    from licensecheck import forked
    from licensecheck import scan as scan_module

    if not forked.available():
        pytest.skip("forked children are used on Linux only")
    started = []
    real = forked.Background

    def recording(work):
        started.append(work)
        return real(work)

    monkeypatch.setattr(forked, "Background", recording)
    monkeypatch.setattr(scan_module, "FILES_JSON_BESIDE_FROM", 50)
    symbols = "(kicad_symbol_lib (version 20211014) (generator kicad_symbol_editor))\n"
    files = {f"hw/part{i:03}.kicad_sym": symbols for i in range(60)}
    source = "// SPDX-License-Identifier: GPL-2.0-only\n// Copyright 2024 Ada {}\nint v{};\n"
    files |= {f"src/m{i:03}.c": source.format(i, i) for i in range(60)}
    root = tree({**LICENSE, **files})
    serial, beside, cached = tmp_path / "serial.json", tmp_path / "beside.json", tmp_path / "cached.json"
    scan(root, "--no-cache", output=serial)  # -j 1: made here
    assert not started
    scan(root, "--no-cache", "-j", "2", output=beside)
    assert len(started) == 1
    scan(root, "-j", "2", output=cached)  # for the result cache as well
    assert len(started) == 2
    assert serial.read_bytes() == beside.read_bytes() == cached.read_bytes()
    assert len(json.loads(beside.read_bytes())["files"]) == 121


def test_a_file_over_the_time_limit_is_unreadable_and_the_scan_goes_on(tree, monkeypatch):
    import time

    import licensecheck.extract.file as reader

    real = reader._scan_file

    def slow(root, file, with_checksums):
        if file.path == "slow.c":
            time.sleep(5)
        return real(root, file, with_checksums)

    monkeypatch.setattr(reader, "_scan_file", slow)
    monkeypatch.setenv("LICENSECHECK_TIME_LIMIT", "0.2")
    root = tree({**LICENSE, "slow.c": "int s;\n", "fast.c": "// SPDX-License-Identifier: MIT\n"})
    started = time.monotonic()
    _, result, _ = scan(root, "--no-cache")
    assert time.monotonic() - started < 4
    problem = file_entry(result, "slow.c")["problem"]
    assert problem and "longer than 0.2 s" in problem
    assert "unreadable-file" in rules_for(result, "slow.c")
    assert file_entry(result, "fast.c")["licenses"] == ["MIT"]


def test_an_extractor_crash_is_an_unreadable_file_not_a_failed_scan(tree, monkeypatch):
    import licensecheck.extract.file as reader

    def broken(source):
        raise RuntimeError("library bug")

    monkeypatch.setattr(reader, "extractor_for", lambda format_id: broken if format_id == "step" else None)
    root = tree(
        {
            **LICENSE,
            "part.step": "ISO-10303-21;\nHEADER;\nENDSEC;\n",
            "a.c": "// SPDX-License-Identifier: MIT\n",
        }
    )
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    assert "RuntimeError: library bug" in file_entry(result, "part.step")["problem"]
    assert "unreadable-file" in rules_for(result, "part.step")
    assert file_entry(result, "a.c")["licenses"] == ["MIT"]
