# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
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
