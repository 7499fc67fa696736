# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (this file is full of example notices and tags that are not its own)

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from licensecheck.textio import Decoded, decode, looks_binary, text_of

ENCODINGS = {
    "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "gb18030", "big5", "shift_jis",
    "cp1252", "latin-1", "mixed",
}  # fmt: skip
CHINESE_COMMENT = "// 版权所有 (C) 2024 深圳创客\n// 电源管理模块，作者：李雷\nint main(void) { return 0; }\n"


def test_plain_utf8_is_the_common_path():
    text = "// SPDX-FileCopyrightText: 2024 Jürgen Müller ©\n// 版权所有 深圳创客\n"
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8")


def test_empty_input_is_empty_text():
    assert decode(b"") == Decoded("", "utf-8")
    assert not looks_binary(b"")


def test_utf8_bom_is_removed():
    assert decode(codecs.BOM_UTF8 + "# © 2024 Jane\n".encode()) == Decoded("# © 2024 Jane\n", "utf-8-sig")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_wide_encodings_with_bom_are_text_despite_their_nul_bytes(bom, codec):
    text = "<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->\n<svg>版权</svg>\n"
    data = bom + text.encode(codec)
    assert b"\x00" in data
    assert not looks_binary(data)
    assert decode(data) == Decoded(text, codec)


def test_odd_length_utf16_does_not_raise():
    data = codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00"
    assert decode(data).text.startswith("abc")


def test_gbk_chinese_comment_decodes_as_gb18030():
    data = "// 版权所有 (C) 2024 深圳创客\n".encode("gbk")
    assert decode(data) == Decoded("// 版权所有 (C) 2024 深圳创客\n", "gb18030")


def test_longer_gbk_source_file():
    assert decode(CHINESE_COMMENT.encode("gbk")) == Decoded(CHINESE_COMMENT, "gb18030")


def test_gb18030_four_byte_characters():
    text = "/* 版权所有 2024 深圳创客 𠀀 € ǹ */\n"
    data = text.encode("gb18030")
    assert len(data) > len(text.encode("gbk", "ignore"))  # really needs GB18030's four-byte forms
    assert decode(data) == Decoded(text, "gb18030")


def test_traditional_chinese_in_gbk():
    text = "// 版權所有 (C) 2024 深圳創客科技\n"
    assert decode(text.encode("gbk")) == Decoded(text, "gb18030")


def test_chinese_after_a_long_ascii_head():
    text = "x = 1\n" * 20_000 + CHINESE_COMMENT
    assert decode(text.encode("gbk")) == Decoded(text, "gb18030")


@pytest.mark.parametrize(
    "text",
    ["// 版權所有 (C) 2024 台北創客工作室 陳大文\n// 電源管理模組，作者：林小明\n", "/* 開源硬體 */\n"],
)
def test_big5_traditional_chinese_is_read_as_big5(text):
    # Taiwan and Hong Kong editors write Big5; its bytes decode as GB18030 too, into other
    # characters ("版權所有" as "\ue008舦┮Τ"), so the first encoding that decodes is not enough.
    data = text.encode("big5")
    data.decode("gb18030")  # the trap
    assert decode(data) == Decoded(text, "big5")


@pytest.mark.parametrize("text", ["// 著作権 (C) 2024 山田太郎\n// 電源管理モジュール\n", "# 作者：すずき\n"])
def test_shift_jis_japanese_is_read_as_shift_jis(text):
    assert decode(text.encode("cp932")) == Decoded(text, "shift_jis")


@pytest.mark.parametrize(
    "text",
    [
        "// 作者：李雷\n",
        "/* 深圳创客 开源硬件项目 */\n",
        "// Copyright (C) 2024 李雷——韩梅梅\n",  # GBK's "——" and "·" are not the gb2312 codec's
        "// 作者·李雷\n",
    ],
)
def test_simplified_chinese_in_gbk_that_big5_also_decodes_stays_gb18030(text):
    data = text.encode("gbk")
    data.decode("cp950")  # the trap: these bytes are valid Big5 too ("釬氪ㄩ燠濘")
    assert decode(data) == Decoded(text, "gb18030")


def test_hong_kong_big5_hkscs_is_read_as_big5():
    # 峯 and 嘅 are HKSCS characters that Windows' cp950 lacks: one of them in a comment made
    # the whole file Latin-1 mojibake, with "©" holders made of 0xA9 bytes.
    text = "// 版權所有 (C) 2025 陳大文、黃嘉峯\n// 呢個檔案係用 MIT 授權嘅\n"
    assert decode(text.encode("big5hkscs")) == Decoded(text, "big5")


def test_a_utf8_line_added_to_a_gbk_file_keeps_its_dashes():
    utf8, gbk = "// © 2024 Jürgen\n", "// 初始化——串口\n"
    assert decode(utf8.encode() + gbk.encode("gbk")) == Decoded(utf8 + gbk, "mixed")


def test_a_utf8_line_added_to_a_big5_file_keeps_both():
    big5, utf8 = "/* 版權所有 2024 陳大文 */\n", "// SPDX-FileCopyrightText: 2024 Jürgen ©\n"
    assert decode(big5.encode("big5") + utf8.encode()) == Decoded(big5 + utf8, "mixed")


def test_latin1_copyright_is_not_read_as_chinese():
    data = b"Copyright \xa9 2020 J\xfcrgen"
    assert decode(data) == Decoded("Copyright © 2020 Jürgen", "cp1252")  # the same bytes in both


def test_windows_1252_keeps_its_quotes_and_dashes():
    text = "Copyright 2020 Sean O’Brien – “Mary” O’Neil, 5 €\n"
    assert decode(text.encode("cp1252")) == Decoded(text, "cp1252")


def test_bytes_windows_1252_leaves_undefined_are_latin1():
    assert decode(b"J\xfcrgen \x81\x9d") == Decoded("Jürgen \x81\x9d", "latin-1")


@pytest.mark.parametrize(
    "text",
    [
        "/* Copyright 2020 Åke Ångström */\n",  # "Åk" is a frequent Big5 hanzi (C5 6B)
        "// -40°C to 85°C, 10µs\n",  # "°C" too (B0 43)
        "// Sean O’Brien & Mary O’Neil\n",  # "’B" is a Shift-JIS kanji (92 42)
    ],
)
def test_european_text_whose_bytes_big5_or_shift_jis_decode_stays_european(text):
    assert decode(text.encode("cp1252")) == Decoded(text, "cp1252")


@pytest.mark.parametrize(
    "text",
    [
        "J\xfcrgen M\xfcller",
        "Ger\xe4te f\xfcr die K\xfcche",
        "cr\xe9\xe9e par Fran\xe7ois",
        "Espa\xf1a, se\xf1or, a\xf1o",
        "Bj\xf6rk Gu\xf0mundsd\xf3ttir",
        "M\xfcnchen Stra\xdfe",
    ],
)
def test_latin1_that_happens_to_decode_as_gb18030_stays_latin1(text):
    data = text.encode("latin-1")
    data.decode("gb18030")  # the trap: strict GB18030 accepts these bytes
    assert decode(data) == Decoded(text, "cp1252")


def test_utf8_with_one_stray_byte_keeps_its_characters():
    text = "// 版权所有 © 2024 深圳创客\n" * 10
    decoded = decode(text.encode("utf-8") + b"\xff\n")
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(text)
    assert decoded.text.count("\ufffd") == 1


@pytest.mark.parametrize(
    "data",
    [
        b"\xc3\x28 invalid two-byte sequence",
        b"\xe2\x28\xa1 invalid three-byte sequence",
        b"\x80 lone continuation byte",
        b"\xc0\xaf overlong slash",
        b"\xed\xa0\x80 encoded surrogate",
        b"truncated at the end \xe4\xb8",
    ],
)
def test_invalid_utf8_still_gives_text(data):
    decoded = decode(data)
    assert decoded is not None
    # No valid multi-byte character outweighs the broken ones.
    assert decoded.encoding in ("cp1252", "latin-1")
    assert decoded.text == data.decode(decoded.encoding)


def test_nul_byte_means_binary():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    assert looks_binary(png)
    assert decode(png) is None


def test_many_control_bytes_mean_binary():
    data = bytes(range(1, 32)) * 50
    assert b"\x00" not in data
    assert looks_binary(data)
    assert decode(data) is None


def test_text_controls_are_not_binary():
    data = b"\x1b[1mbold\x1b[0m\tcol\r\n\x0cpage\x0bvt\x08\n" * 20
    assert not looks_binary(data)


def test_only_the_first_8_kib_are_sniffed():
    assert not looks_binary(b"a" * 9000 + b"\x00")
    assert looks_binary(b"a" * 100 + b"\x00")


@given(st.binary(max_size=2048))
def test_decode_and_looks_binary_never_raise(data):
    binary = looks_binary(data)
    decoded = decode(data)
    assert decoded is None or (isinstance(decoded.text, str) and decoded.encoding in ENCODINGS)
    if decoded is None:
        assert binary


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=300))
def test_utf8_text_round_trips(text):
    if text.startswith("\ufeff"):
        text = "x" + text
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8")


# REUSE-IgnoreEnd


_PREFIXES = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"\x00"]


@given(
    st.sampled_from(_PREFIXES),
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
        st.text(max_size=100).map(lambda t: t.encode("utf-16-le")),
        st.text(alphabet="深圳创客 MIT\n", max_size=80).map(lambda t: t.encode("gb18030")),
    ),
)
def test_text_of_is_decode_unless_binary(prefix, body):
    data = prefix + body
    assert text_of(data) == (None if looks_binary(data) else decode(data))


def test_text_of_a_utf8_file_with_a_mark_and_a_nul_byte_is_binary():
    data = codecs.BOM_UTF8 + b"int a;\x00\n"
    assert looks_binary(data) and decode(data) is not None
    assert text_of(data) is None
