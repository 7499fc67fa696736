# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: a fixture below holds an SPDX tag of its own.
import re

import pytest

from licensecheck import i18n
from licensecheck.rules import catalog

PLACEHOLDER = re.compile(r"\{(\w+)")


def test_every_key_in_every_language():
    keys = {lang: set(i18n.catalog(lang)) for lang in i18n.LANGUAGES}
    for lang, found in keys.items():
        for other, expected in keys.items():
            assert expected <= found, f"{lang} lacks {sorted(expected - found)} that {other} has"


def test_placeholders_agree_between_languages():
    english = i18n.catalog("en")
    for lang in i18n.LANGUAGES:
        for key, value in i18n.catalog(lang).items():
            assert set(PLACEHOLDER.findall(value)) == set(PLACEHOLDER.findall(english[key])), key


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_rule_is_documented(lang):
    strings = i18n.catalog(lang)
    for rule in catalog():
        assert f"message.{rule}" in strings
        for part in ("title", "checks", "why", "fix", "example"):
            assert strings.get(f"rule.{rule}.{part}"), f"{lang}: rule.{rule}.{part}"


def test_chinese_is_chinese():
    assert re.search(r"[\u4e00-\u9fff]", i18n.text("zh", "rule.missing-license.title"))
    assert i18n.text("zh", "ui.category.hardware") == "硬件"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "zh_TW"}, "zh"),
        ({}, "en"),
    ],
)
def test_default_language(monkeypatch, env, expected):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.default_language() == expected


def test_chinese_messages_join_clauses_the_chinese_way(tree):
    from conftest import scan

    # A GPL-3.0-or-later package with a CC-BY-SA-4.0 document (a judged, conditional fact) and
    # a board whose title block says CERN-OHL-W-2.0: facts and claims of several clauses.
    root = tree(
        {
            "package.json": '{"name": "p", "license": "GPL-3.0-or-later"}',
            "board.kicad_pcb": '(kicad_pcb (version 20221018) (generator pcbnew)\n'
            ' (title_block (company "Copyright 2024 A") (comment 1 "CERN-OHL-W-2.0"))\n)\n',
            "doc.md": "<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n# x\n",
        }
    )
    messages = {}
    for lang in ("en", "zh"):
        _, result, _ = scan(root, "--lang", lang)
        messages[lang] = [f["message"] for f in result["findings"]]
    english = " ".join(messages["en"])
    assert "; " in english and "Judgement of this knowledge base" in english
    for message in messages["zh"]:
        assert not re.search(r"[\u4e00-\u9fff）][;:] ", message), message
        assert not re.search(r"[\u4e00-\u9fff）] 写的是", message), message  # no space inside Chinese
        assert not re.search(r"[A-Za-z0-9]写的是", message), message  # a space after a Latin name
        assert "Judgement of this knowledge base" not in message
    assert any("本知识库的判断" in message for message in messages["zh"])


@pytest.mark.parametrize(
    ("reason", "chinese"),
    [
        ("permission denied", "权限不足"),
        ("not a readable zip archive: Bad magic number", "不是可读的 zip 压缩包：Bad magic number"),
        ("could not be parsed (ValueError: bad)", "无法解析（ValueError: bad）"),
        ("took longer than 30 s to read; skipped", "读取超过 30 秒，已跳过"),
        ("binary data in a Gerber file", "Gerber 文件中含有二进制数据"),
        ("cannot list folder: Permission denied", "无法列出文件夹：权限不足"),  # the OS message too
        ("a reason no table knows", "系统报告：a reason no table knows"),  # kept, framed
    ],
)
def test_unreadable_reasons_are_said_in_chinese(reason, chinese):
    from licensecheck.rules import Context
    from licensecheck.rules.unreadable import reason_in

    assert reason_in(Context(None, "zh", None), reason) == chinese
    assert reason_in(Context(None, "en", None), reason) == reason


def test_a_corrupt_archive_is_reported_in_chinese(tree):
    from conftest import scan

    root = tree({"case.3mf": "PK\x03\x04 not a zip archive", "a.c": "int x;\n"})
    _, result, _ = scan(root, "--lang", "zh")
    found = [f["message"] for f in result["findings"] if f["rule"] == "unreadable-file"]
    assert len(found) == 1 and "不是可读的 zip 压缩包" in found[0], found
    assert result["files"][1]["problem"].startswith("not a readable zip archive")  # the data stays English
