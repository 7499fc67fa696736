# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""rules/unreadable.py: files and folders the scan could not read, said in each language."""

from __future__ import annotations

import errno
import inspect
import os
import re
import struct
import zipfile
from pathlib import Path

import pytest
from conftest import file_entry, git_repo, refuse_to_open, scan, write_tree
from hostile import LAUGHS_DTD, RawMember, eagle, make_zip, raw_zip, run_extractor

from licensecheck import discover as discover_module
from licensecheck import i18n, reuse_toml
from licensecheck.archive import Archive, Limits
from licensecheck.dep5 import Dep5Error
from licensecheck.dep5 import parse as dep5_parse
from licensecheck.discover import discover
from licensecheck.extract import ExtractError, read_regular
from licensecheck.extract import file as extract_file
from licensecheck.extract.file import scan_file
from licensecheck.model import DiscoveredFile
from licensecheck.reuse_toml import ReuseTomlError
from licensecheck.rules import Context, unreadable
from licensecheck.rules.unreadable import reason_in

LICENSE = {"LICENSE": "SPDX-License-Identifier: MIT\n"}
ZH, EN = Context(None, "zh", None), Context(None, "en", None)
UNKNOWN = i18n.text("zh", "message.reason-unknown", reason="")
DEP5_FORMAT = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"


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


def said_in_each_language(tmp_path: Path, root: Path, path: str, says: dict[str, tuple[str, ...]]) -> dict:
    """Scan `root` in English and Chinese; the one unreadable-file finding at `path` must say
    each of `says[lang]`, and not that the file's own license is unknown. The English result."""
    results = {}
    for lang, words in says.items():
        _, results[lang], _ = scan(root, "--no-cache", "--lang", lang, output=tmp_path / f"{lang}.json")
        (finding,) = findings(results[lang], path)
        assert finding["severity"] == "warning"
        assert all(word in finding["message"] for word in words), finding["message"]
        assert not any(unknown in finding["message"] for unknown in ("license is unknown", "许可证未知"))
    return results["en"]


def test_an_invalid_reuse_toml_says_none_of_its_annotations_were_applied(tmp_path):
    # One valid annotation, then one whose path leaves the folder: the whole file is dropped.
    reuse = (
        'version = 1\n[[annotations]]\npath = "notes.txt"\nSPDX-FileCopyrightText = "2026 Jane Maker"\n'
        'SPDX-License-Identifier = "CC0-1.0"\n\n[[annotations]]\npath = "../x"\n'
        'SPDX-License-Identifier = "MIT"\n'
    )
    root = write_tree(tmp_path / "project", {**LICENSE, "REUSE.toml": reuse, "notes.txt": "notes\n"})
    result = said_in_each_language(
        tmp_path,
        root,
        "REUSE.toml",
        {
            "en": (
                "REUSE.toml",
                "annotations[1].path '../x' leaves",
                "(line 7)",
                "none of its annotations",
                "not even the valid ones",
                "Fix it",
            ),
            "zh": (
                "REUSE.toml",
                "超出了 REUSE.toml 所在的文件夹",
                "（第 7 行）",
                "一条也未被采用",
                "有效的也不例外",
                "请",
            ),
        },
    )
    assert file_entry(result, "notes.txt")["copyrights"] == []  # as the message says: not applied


@pytest.mark.parametrize("name", ["REUSE.toml", ".reuse/dep5"])
def test_a_reuse_toml_or_dep5_that_cannot_be_read_says_none_of_it_was_applied(tmp_path, monkeypatch, name):
    text = (
        'version = 1\n[[annotations]]\npath = "notes.txt"\nSPDX-License-Identifier = "CC0-1.0"\n'
        if name == "REUSE.toml"
        else f"{DEP5_FORMAT}\n\nFiles: notes.txt\nCopyright: 2026 Jane Maker\nLicense: CC0-1.0\n"
    )
    root = write_tree(tmp_path / "project", {**LICENSE, name: text, "notes.txt": "notes\n"})
    refuse_to_open(monkeypatch, name.rpartition("/")[2])
    part = "annotations" if name == "REUSE.toml" else "Files"
    result = said_in_each_language(
        tmp_path,
        root,
        name,
        {
            "en": ("could not be read (permission denied)", f"none of its {part}", "Make it readable"),
            "zh": ("无法读取此", "权限不足", "未被采用", "请使其可读"),
        },
    )
    assert "CC0-1.0" not in file_entry(result, "notes.txt")["licenses"]  # as the message says


def test_an_invalid_dep5_says_none_of_its_paragraphs_were_applied(tmp_path):
    dep5_text = (
        f"{DEP5_FORMAT}\n\nFiles: notes.txt\nCopyright: 2026 Jane Maker\nLicense: CC0-1.0\n\n"
        "Files: *.c\nCopyright: 2026 Jane Maker\n"
    )
    root = write_tree(tmp_path / "project", {**LICENSE, ".reuse/dep5": dep5_text, "notes.txt": "notes\n"})
    result = said_in_each_language(
        tmp_path,
        root,
        ".reuse/dep5",
        {
            "en": (
                ".reuse/dep5 line 7",
                "without a License field",
                "none of its Files paragraphs",
                "not even the valid ones",
                "REUSE.toml",
            ),
            "zh": (
                ".reuse/dep5 第 7 行",
                "缺少 License 字段",
                "一段也未被采用",
                "有效的也不例外",
                "REUSE.toml",
            ),
        },
    )
    assert file_entry(result, "notes.txt")["copyrights"] == []  # as the message says: not applied


def test_a_scan_that_could_not_use_git_says_it_walked_the_folder(tmp_path):
    root = git_repo(tmp_path / "repo", {**LICENSE, "a.txt": "a"})
    (root / ".git/config").write_text("[core\n")
    result = said_in_each_language(
        tmp_path,
        root,
        ".",
        {
            "en": (
                "git not used: it could not list the files (git ",
                "the folder was walked instead",
                ".git/info/exclude",
                "no git blob ids",
                "git status",
            ),
            "zh": (
                "未使用 git：git 无法列出文件（git ",
                "改为直接遍历文件夹",
                ".git/info/exclude",
                "没有 git blob id",
                "git status",
            ),
        },
    )
    assert all(entry["blob"] is None for entry in result["files"])  # as the message says


# ---------------------------------------------------------------------------- reasons in Chinese


def raised(make) -> str:
    """The message of the error `make()` raises: the reason a result records."""
    with pytest.raises((ExtractError, ReuseTomlError, Dep5Error)) as caught:
        make()
    return str(caught.value)


def extracted(format_id: str, data: bytes) -> str:
    return raised(lambda: run_extractor(format_id, data))


def stl(count: int, body: int) -> bytes:
    return b"binary STL".ljust(80, b" ") + struct.pack("<I", count) + bytes(body)


def scanned(tmp_path: Path, name: str, data: bytes | None = None) -> str | None:
    """The problem scan_file records for a file (absent when `data` is None)."""
    if data is not None:
        (tmp_path / name).write_bytes(data)
    return scan_file(tmp_path, DiscoveredFile(name, len(data or b""), None, 1, 2, 3)).problem


def toml(text: str) -> str:
    return raised(lambda: reuse_toml.parse(text, "hw/REUSE.toml"))


def annotation(body: str) -> str:
    return toml(f'version = 1\n[[annotations]]\n{body}\nSPDX-License-Identifier = "MIT"\n')


def dep5(paragraphs: str) -> str:
    return raised(lambda: dep5_parse(f"{DEP5_FORMAT}\n\n{paragraphs}"))


def folder_refused(tmp_path: Path, monkeypatch) -> str:
    (tmp_path / "locked").mkdir()
    refuse_to_open(monkeypatch, "locked")
    return discover(tmp_path).problems[0][1]


def gitignore_refused(tmp_path: Path, monkeypatch) -> str:
    (tmp_path / ".gitignore").write_text("*.o\n")

    def refusing(path, limit):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(discover_module, "read_regular", refusing)
    return discover(tmp_path).problems[0][1]


def git_broken(tmp_path: Path) -> str:
    git_repo(tmp_path / "repo", {"a.txt": "a"})
    (tmp_path / "repo/.git/config").write_text("[core\n")
    return discover(tmp_path / "repo").problems[0][1]


def git_too_slow(tmp_path: Path, monkeypatch) -> str:
    git_repo(tmp_path / "repo", {"a.txt": "a"})
    monkeypatch.setenv("LICENSECHECK_GIT_TIMEOUT", "0.000001")
    return discover(tmp_path / "repo").problems[0][1]


def scan_raising(tmp_path: Path, monkeypatch, error: BaseException) -> str | None:
    def failing(*args):
        raise error

    monkeypatch.setattr(extract_file, "_scan_file", failing)
    return scanned(tmp_path, "a.c", b"int a;\n")


def archive_too_large(tmp_path: Path, monkeypatch) -> str | None:
    monkeypatch.setattr(extract_file, "WHOLE_FILE_LIMIT", 1000)
    return scanned(tmp_path, "case.3mf", make_zip({"3D/3dmodel.model": bytes(9000)}, zipfile.ZIP_STORED))


def read_refused(tmp_path: Path, monkeypatch) -> str | None:
    def refusing(path, name):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(extract_file, "_read_classified", refusing)
    return scanned(tmp_path, "a.c", b"int a;\n")


def bounded(**limits: int) -> Archive:
    return Archive(make_zip({"a": "x" * 100, "b": "y" * 100}), Limits(**limits))


def read_all(archive: Archive) -> list[bytes]:
    return [archive.read(name) for name in archive.names]


def bad_crc() -> bytes:
    return raw_zip([RawMember("a", b"abc", 3, crc=1, method=zipfile.ZIP_STORED)])


def fifo_read(tmp_path: Path) -> str:
    os.mkfifo(tmp_path / "pipe")
    return raised(lambda: read_regular(tmp_path / "pipe", 10))


# Every kind of reason licensecheck writes, made by the code that writes it from an input
# that makes it: (what the Chinese must say, how the reason is made).
MADE = {
    "not a regular file": ("不是普通文件", fifo_read),
    "cannot list folder": ("无法列出文件夹：权限不足", folder_refused),
    "cannot read .gitignore": ("无法读取：输入/输出错误", gitignore_refused),
    "git not used": ("未使用 git（git ", git_broken),
    "git too slow": ("秒内完成）", git_too_slow),
    "timed out": ("读取超过 ", lambda t, m: scan_raising(t, m, extract_file.TimeLimitExceeded())),
    "not parsed": ("无法解析（ValueError: odd）", lambda t, m: scan_raising(t, m, ValueError("odd"))),
    "archive too large": ("大于 1000 字节的压缩包不会被打开", archive_too_large),
    "permission denied": ("权限不足", read_refused),
    "missing": ("文件或文件夹不存在", lambda t: scanned(t, "gone.c")),
    "not zip": ("不是可读的 zip 压缩包", lambda: extracted("3mf", b"PK\x03\x04 not a zip archive")),
    "too many members": (
        "超过上限 1",
        lambda: raised(lambda: Archive(make_zip({"a": "1", "b": "2"}), Limits(1))),
    ),
    "no member": ("压缩包中没有成员 'b'", lambda: raised(lambda: Archive(make_zip({"a": "1"})).read("b"))),
    "member unreadable": ("压缩包成员 'a' 无法读取", lambda: raised(lambda: Archive(bad_crc()).read("a"))),
    "member declared too large": (
        "按其声明的大小",
        lambda: raised(lambda: bounded(member_size=10).read("a")),
    ),
    "zip bomb": ("压缩包解压后超过 150 字节", lambda: raised(lambda: read_all(bounded(total_size=150)))),
    "binary gerber": ("Gerber 文件中含有二进制数据", lambda: extracted("gerber", b"G04 x*\n\x00\x01\x02")),
    "binary iges": ("IGES 文件中含有二进制数据", lambda: extracted("iges", b"\x00\x01\x02\x03" * 30)),
    "not xml": ("XML 格式不正确", lambda: extracted("eagle-sch", b"<eagle><drawing>")),
    "xml too deep": ("XML 元素嵌套超过 512 层", lambda: extracted("eagle-sch", b"<eagle>" + b"<g>" * 600)),
    "xml refused": (
        "拒绝处理的 XML：EntitiesForbidden",
        lambda: extracted("eagle-sch", eagle(dtd=LAUGHS_DTD)),
    ),
    "not json": ("不是有效的 JSON", lambda: extracted("easyeda", b'{"head": ')),
    "not a gerber job": ("Gerber 作业文件", lambda: extracted("gerber-job", b'{"Header": ')),
    "not kicad": ("不是 KiCad S 表达式文件", lambda: extracted("kicad-pcb", b"(something_else)\n")),
    "not kicad legacy": ("不是 KiCad 旧版文件", lambda: extracted("kicad-legacy-sch", b"hello\n")),
    "kicad project not json": ("不是 KiCad 项目文件（JSON）", lambda: extracted("kicad-pro", b"{")),
    "kicad project not object": ("JSON 文档不是对象", lambda: extracted("kicad-pro", b"[]")),
    "no step header": ("没有 HEADER 段", lambda: extracted("step", b"ISO-10303-21;\nDATA;\nENDSEC;\n")),
    "no iges start": ("不是 IGES 文件", lambda: extracted("iges", b"just some text\n")),
    "stl short": ("只有 10 字节", lambda: extracted("stl", bytes(10))),
    "stl truncated": ("5 个三角形需要 334 字节", lambda: extracted("stl", stl(5, 0))),
    "stl too long": ("文件大小不符", lambda: extracted("stl", stl(0, 10))),
    "stl no endsolid": (
        "没有以 endsolid 行结尾",
        lambda: extracted("stl", b"solid part\n facet normal 0 0 1\n"),
    ),
    "3mf root": ("而不是 <model>", lambda: extracted("3mf", make_zip({"3D/3dmodel.model": "<other/>"}))),
    "3mf no model": ("3MF 包中没有模型部件", lambda: extracted("3mf", make_zip({"x.txt": "x"}))),
    "amf root": ("而不是 <amf>", lambda: extracted("amf", b"<?xml version='1.0'?><other/>")),
    "amf empty": ("AMF 文件是空的", lambda: extracted("amf", make_zip({}))),
    "freecad no document": ("FreeCAD 压缩包中没有 Document.xml", lambda: extracted("freecad", make_zip({}))),
    "freecad root": ("而不是 <Document>", lambda: extracted("freecad", make_zip({"Document.xml": "<X/>"}))),
    "toml invalid": ("不是有效的 TOML", lambda: toml("version = ")),
    "toml not array": ("annotations 必须是表数组", lambda: toml("version = 1\nannotations = 3\n")),
    "toml no version": ("缺少 version", lambda: toml("[[annotations]]\npath = 'x'\n")),
    "toml version type": ("version 必须是整数", lambda: toml("version = '1'\n")),
    "toml version unsupported": ("不支持 version 2", lambda: toml("version = 2\n")),
    "toml not a table": ("annotations[0] 必须是表", lambda: toml("version = 1\nannotations = [1]\n")),
    "toml key missing": ("缺少 annotations[0].path（第 2 行）", lambda: annotation("precedence = 'closest'")),
    "toml key type": ("必须是字符串或字符串列表", lambda: annotation("path = 1")),
    "toml key empty": ("annotations[0].path 不能为空", lambda: annotation("path = []")),
    "toml precedence": (
        "必须是 closest, aggregate, override 之一",
        lambda: annotation("path = 'x'\nprecedence = 1"),
    ),
    "toml path empty": ("'' 为空（第 2 行）", lambda: annotation("path = ''")),
    "toml path absolute": ("是绝对路径", lambda: annotation("path = '/etc/x'")),
    "toml path leaves": ("超出了 REUSE.toml 所在的文件夹", lambda: annotation("path = '../x'")),
    "toml path dot": ("含有 '.' 路径段", lambda: annotation("path = './x'")),
    "toml path too long": ("超过 4096 个字符", lambda: annotation(f"path = '{'x' * 4097}'")),
    "dep5 continuation": ("续行之前没有字段", lambda: dep5(" continued\n")),
    "dep5 not a field": ("应为 'Field: value' 形式", lambda: dep5("Files *\nCopyright: x\nLicense: MIT\n")),
    "dep5 repeated": ("字段 'Files' 在同一段落中重复", lambda: dep5("Files: a\nFiles: b\nCopyright: x\n")),
    "dep5 no field": ("Files 段落缺少 License 字段", lambda: dep5("Files: *\nCopyright: x\n")),
    "dep5 empty": ("Files 字段为空", lambda: dep5("Files:\nCopyright: x\nLicense: MIT\n")),
    "dep5 escape": ("含有转义 '\\\\d'", lambda: dep5("Files: src/\\d.c\nCopyright: x\nLicense: MIT\n")),
    "dep5 no expression": (
        "License 字段的第一行没有",
        lambda: dep5("Files: *\nCopyright: x\nLicense:\n MIT\n"),
    ),
}


@pytest.mark.parametrize(("chinese", "make"), MADE.values(), ids=MADE.keys())
def test_every_reason_licensecheck_writes_is_said_in_chinese(tmp_path, monkeypatch, chinese, make):
    wants = inspect.signature(make).parameters
    reason = make(*[{"t": tmp_path, "m": monkeypatch}[name[0]] for name in wants])
    said = reason_in(ZH, reason)
    assert chinese in said, (reason, said)
    assert not said.startswith(UNKNOWN), (reason, said)
    assert reason_in(EN, reason) == reason


@pytest.mark.parametrize(
    ("reason", "chinese"),
    [
        ("input/output error", "输入/输出错误"),  # extraction lower-cases the OS message
        ("cannot inspect: Too many levels of symbolic links", "无法查看：符号链接层数过多"),
        ("exec format error", "系统报告：exec format error"),  # not listed: framed
        ("cannot list folder: Exec format error", "无法列出文件夹：Exec format error"),  # framed already
    ],
)
def test_a_message_of_the_os_is_said_in_chinese_or_framed(reason, chinese):
    assert reason_in(ZH, reason) == chinese


def test_each_reason_is_read_by_its_own_wording_before_any_other():
    # The wordings are tried in catalog order: an earlier one must not read a later one's reason.
    numbers = ("line", "count", "limit", "size", "expected", "depth", "seconds", "version")
    samples = {"table": "annotations[0]", "key": "path", "command": "status", "at": " (line 2)"}
    samples |= dict.fromkeys(numbers, "7") | dict.fromkeys(("pattern", "escape"), "'x'")
    english = i18n.catalog("en")
    for key, _ in unreadable._reasons():
        wording = english[f"message.reason.{key}"]
        numbers = dict.fromkeys(
            ("line", "count", "limit", "size", "expected", "depth", "seconds", "version"), "7"
        )
        quoted = dict.fromkeys(("pattern", "escape"), "'x'")
        values = {name: "x" for name in re.findall(r"\{(\w+)\}", wording)} | samples | numbers | quoted
        reason = wording.format(**values)
        first = next(other for other, pattern in unreadable._reasons() if pattern.fullmatch(reason))
        assert first == key, (reason, first)


def test_a_corrupt_archive_and_an_invalid_reuse_toml_are_reported_in_chinese(tmp_path):
    reuse = 'version = 1\n[[annotations]]\npath = "/boards/*.kicad_pcb"\nSPDX-License-Identifier = "MIT"\n'
    root = write_tree(tmp_path / "project", {**LICENSE, "REUSE.toml": reuse, "case.stl": stl(5, 0)})
    _, result, _ = scan(root, "--no-cache", "--lang", "zh")
    found = {f["path"]: f["message"] for f in result["findings"] if f["rule"] == "unreadable-file"}
    assert "二进制 STL 文件被截断：5 个三角形需要 334 字节，文件只有 84 字节" in found["case.stl"]
    assert "是绝对路径；请写成相对于 REUSE.toml 所在文件夹的路径（第 2 行）" in found["REUSE.toml"]


def test_a_gitignore_that_cannot_be_read_is_reported_once(tmp_path, monkeypatch):
    """Discovery refuses it (its patterns are not applied), then extraction refuses it again as
    a file of the tree: one finding, with discovery's reason."""
    root = write_tree(tmp_path / "project", {**LICENSE, ".gitignore": "build/\n"})
    refuse_to_open(monkeypatch, ".gitignore")
    _, result, _ = scan(root)
    found = [f for f in result["findings"] if f["rule"] == "unreadable-file"]
    assert [f["path"] for f in found] == [".gitignore"]
    assert "cannot read: Permission denied" in found[0]["message"]
