# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
from hypothesis import given
from hypothesis import strategies as st

from licensecheck.identify.normalize import Prepared, clean, name_key, words_of

GRANT = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this\n"
    "software, to deal in the Software without restriction, subject to the following conditions."
)


def test_comment_prefixes_and_wrapping_do_not_change_the_words():
    plain = words_of(GRANT)
    for prefix in ("# ", "// ", " * ", "-- ", "; ", "% ", "> "):
        commented = "\n".join(prefix + line for line in GRANT.splitlines())
        assert words_of(commented) == plain, prefix
    assert words_of(" ".join(GRANT.split())) == plain
    assert words_of(GRANT.replace("\n", "\r\n")) == plain
    assert words_of("/*\n" + GRANT + "\n */") == plain


def test_quotes_markdown_and_case_vanish():
    assert words_of('the "Software" is **PROVIDED** `as is`') == words_of(
        "The \u201csoftware\u201d is provided as is"
    )


def test_copyright_statements_are_dropped_but_copyright_notice_phrases_stay():
    text = "Copyright (c) 2024 ACME Robotics Ltd.\n# © 2019 Jane Doe\nretain the above\ncopyright notice"
    assert words_of(text) == ["retain", "the", "above", "copyright", "notice"]


def test_hyphenated_words_join_and_urls_and_html_go():
    assert words_of("non-infringement") == words_of("noninfringement")
    assert words_of("see https://example.org/x.html now") == ["see", "now"]
    assert words_of("<p>Some <b>bold</b> text</p>") == ["some", "bold", "text"]


def test_chinese_text_is_split_into_characters():
    assert words_of("木兰宽松许可证，第2版") == ["木", "兰", "宽", "松", "许", "可", "证", "第", "2", "版"]


def test_name_key_ignores_filler_versions_and_spelling():
    assert name_key(words_of("Academic Free License version 3.0")) == name_key(
        words_of("Academic Free Licence v3")
    )
    assert name_key(words_of("CERN-OHL-S v2")) == name_key(words_of("CERN OHL S 2.0"))


def test_prepared_maps_words_back_to_the_cleaned_text():
    prepared = Prepared("// Licensed under the MIT license.\n")
    index = prepared.words.index("mit")
    start, end = prepared.char_span(index, index)
    assert prepared.cleaned[start:end] == "mit"
    assert prepared.word_at(start) == index


@given(st.text())
def test_any_text_normalizes(text):
    prepared = Prepared(text)
    assert len(prepared.spans) == len(prepared.words)
    assert clean(text) == prepared.cleaned


def test_korean_and_japanese_are_split_into_characters_and_latin_letters_stay_words():
    assert words_of("MIT 라이선스 ライセンス") == ["mit", *"라이선스", *"ライセンス"]
    assert words_of("Lizenzgebühr für Straße") == ["lizenzgebühr", "für", "strasse"]  # casefolded


@given(st.text(alphabet=st.characters(max_codepoint=0x303F)))
def test_a_text_without_cjk_splits_as_the_pattern_with_cjk_would(text):
    # The pattern without the CJK ranges stands in for the whole one on such texts.
    from licensecheck.identify import normalize

    cleaned = clean(text)
    assert normalize.token_pattern(cleaned).findall(cleaned) == normalize._token().findall(cleaned)
