# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Property tests over every entry point that reads bytes from the tree: each
extractor of the registry, SPDX expressions, REUSE.toml, dep5, the configuration
table and the glob matcher. Arbitrary bytes and structured mutations of valid
files never raise anything but the module's own error, and each finishes in
bounded time (Hypothesis' deadline).

The examples here are few, to keep the test run fast; `benchmarks/fuzz_long.py`
runs the same properties with tens of thousands of examples each.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import zipfile
from collections import Counter

import pytest
from hostile import FIXTURES, make_zip, run_extractor
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from licensecheck import config, dep5, expression, globindex, reuse_toml
from licensecheck.extract import REGISTRY, ExtractError
from licensecheck.model import Evidence

# Inputs per target: few in the normal test run; benchmarks/fuzz_long.py asks for many.
EXAMPLES = int(os.environ.get("LICENSECHECK_FUZZ_EXAMPLES", "50"))
FAST = settings(
    max_examples=EXAMPLES,
    deadline=3000,  # ms for one input: "bounded time"
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TRIED: Counter[str] = Counter()  # inputs tried per target (read by benchmarks/fuzz_long.py)

# --- mutations ------------------------------------------------------------------------------

# Bytes that mean something to one of the formats: a mutation that inserts them reaches the parser.
TOKENS = [
    b"<", b">", b"</", b"/>", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"&", b"&amp;", b"&#", b'"', b"'", b"=",
    b"(", b")", b"\\", b"\n", b"\r\n", b"\x00", b"\xff", b"\xc3", b"*", b"%", b"G04 ", b"%TF", b"M48", b";",
    b"SPDX-License-Identifier: ", b"Copyright ", b"\xc2\xa9", b"MIT", b" OR ", b" WITH ", b"LicenseRef-",
    b"{", b"}", b"[", b"]", b",", b":", b"null", b"999\n", b"ISO-10303-21;", b"solid ", b"facet",
    b"PK\x03\x04", b'<!DOCTYPE r [<!ENTITY e "x">]>', b"&e;", b"(property ", b"(title_block", b"$Descr",
    b"\t", b" " * 64,
]  # fmt: skip


@st.composite
def mutated(draw, valid: bytes) -> bytes:
    """`valid` after a few edits: inserted tokens or bytes, deleted or duplicated slices, truncation."""
    data = bytearray(valid)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["token", "bytes", "delete", "duplicate", "truncate", "repeat"]))
        if kind == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif kind == "bytes":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "duplicate":
            size = draw(st.integers(1, 256))
            data[at:at] = data[at : at + size]
        elif kind == "truncate":
            del data[at:]
        else:  # a token many times: long lines, deep nesting, many candidates
            data[at:at] = draw(st.sampled_from(TOKENS)) * draw(st.integers(2, 2000))
    return bytes(data)


def zip_members(data: bytes) -> dict[str, bytes] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist()}
    except zipfile.BadZipFile:
        return None


@st.composite
def mutated_archive(draw, valid: bytes) -> bytes:
    """A zip whose members were mutated and packed again: the mutation reaches the XML or JSON inside."""
    members = zip_members(valid) or {}
    name = draw(st.sampled_from(sorted(members)))
    members[name] = draw(mutated(members[name]))
    if draw(st.booleans()):  # one more member, of a name an extractor reads
        extra = draw(st.sampled_from(["extra.fzp", "LICENSE", "x/metadata.lp", "SHEET/2/2.esch", "a.fz"]))
        members[extra] = draw(mutated(members[name]))
    return make_zip(members)


def inputs(format_id: str) -> st.SearchStrategy[bytes]:
    valid = FIXTURES[format_id][1]
    strategies = [st.binary(max_size=4096), mutated(valid), st.just(valid)]
    if zip_members(valid) is not None:
        strategies.append(mutated_archive(valid))
    return st.one_of(strategies)


def check_extractor(format_id: str, data: bytes) -> None:
    TRIED[format_id] += 1
    try:
        found = run_extractor(format_id, data)
    except ExtractError:
        return
    assert isinstance(found, list)
    assert all(isinstance(item, Evidence) for item in found)


# --- extractors ---------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", sorted(REGISTRY))
@FAST
@given(data=st.data())
def test_every_extractor_raises_only_extract_error(format_id, data):
    check_extractor(format_id, data.draw(inputs(format_id)))


# --- SPDX expressions ------------------------------------------------------------------------------

LICENSE_IDS = ["MIT", "Apache-2.0", "GPL-2.0", "GPL-2.0+", "GPL-3.0-or-later", "CERN-OHL-S-2.0", "mit",
               "CC-BY-4.0"]
EXCEPTIONS = ["Classpath-exception-2.0", "LLVM-exception", "Bogus-exception"]
OPERATORS = [" AND ", " OR ", " and ", " Or ", "AND", " "]  # some of them wrong


def expressions() -> st.SearchStrategy[str]:
    leaf = st.one_of(
        st.sampled_from(LICENSE_IDS),
        st.from_regex(r"LicenseRef-[A-Za-z0-9.\-]{0,12}", fullmatch=True),
        st.text(alphabet="abcXYZ-.+0123()", min_size=1, max_size=12),
    )
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(OPERATORS), inner).map("".join),
            st.tuples(inner, st.just(" WITH "), st.sampled_from(EXCEPTIONS + LICENSE_IDS)).map("".join),
            inner.map(lambda e: f"({e})"),
            inner.map(lambda e: f"({e}"),
        ),
        max_leaves=40,
    )


def check_expression(raw: str) -> None:
    TRIED["expression"] += 1
    found = expression.analyze(raw)
    assert found.raw == raw
    assert (found.normalized is None) == (found.error is not None) or found.normalized is None
    if found.normalized is not None:
        assert expression.analyze(found.normalized).normalized == found.normalized  # normal form is stable
    expression.license_keys(found.normalized or raw)


@FAST
@given(st.one_of(expressions(), st.text(max_size=300), st.text(alphabet="()AND OR WITH MIT+", max_size=300)))
@example("()")  # found by fuzzing: boolean.py raised IndexError, which crashed the scan
@example("(( AND MIT)")  # found by fuzzing: an AssertionError inside boolean.py
@example("MIT WITH GPL-2.0+")  # found by fuzzing: accepted, while its normal form was refused
def test_expression_analysis_never_raises_and_its_normal_form_is_stable(raw):
    check_expression(raw)


# --- REUSE.toml and dep5 ------------------------------------------------------------------------------

VALID_REUSE_TOML = (
    b'version = 1\n\n[[annotations]]\npath = ["hw/**", "*.kicad_pcb", "docs/\\\\*.md"]\n'
    b'precedence = "aggregate"\nSPDX-FileCopyrightText = "2025 Jane Maker"\n'
    b'SPDX-License-Identifier = "CERN-OHL-S-2.0"\n\n[[annotations]]\npath = "src/**/*.c"\n'
    b'SPDX-License-Identifier = "MIT OR Apache-2.0"\n'
)
VALID_DEP5 = (
    b"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: plant\n\n"
    b"Files: hw/* docs/?.md\nCopyright: 2025 Jane Maker\n 2024 Li Lei\nLicense: CERN-OHL-S-2.0\n\n"
    b"Files: src/\\*weird*\nCopyright: 2025 Jane\nLicense: MIT\n This is the text.\n .\n More text.\n"
)
PATHS = ["hw/board.kicad_pcb", "src/a/b/c.c", "docs/x.md", "docs/*.md", "src/*weird*x", "a" * 300, ""]


def text_inputs(valid: bytes) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=2000), mutated(valid).map(lambda b: b.decode("utf-8", "replace")))


def check_reuse_toml(text: str) -> None:
    TRIED["reuse-toml"] += 1
    try:
        parsed = reuse_toml.parse(text, "REUSE.toml")
    except reuse_toml.ReuseTomlError:
        return
    for path in PATHS:
        reuse_toml.apply([parsed], path, [], [])


DEEP_GLOB = "a/" * 1500 + "*"  # found by fuzzing: the glob index recursed once per folder


@FAST
@given(text_inputs(VALID_REUSE_TOML))
@example(f'version = 1\n[[annotations]]\npath = "{DEEP_GLOB}"\nSPDX-License-Identifier = "MIT"\n')
def test_reuse_toml_raises_only_its_own_error(text):
    check_reuse_toml(text)


def check_dep5(text: str) -> None:
    TRIED["dep5"] += 1
    try:
        parsed = dep5.parse(text)
    except dep5.Dep5Error:
        return
    for path in PATHS:
        dep5.evidence(parsed, path)


@FAST
@given(text_inputs(VALID_DEP5))
@example(f"Files: {DEEP_GLOB}\nCopyright: 2025 Jane\nLicense: MIT\n")
def test_dep5_raises_only_its_own_error(text):
    check_dep5(text)


# --- the configuration table ------------------------------------------------------------------------------

TOML_VALUES = st.recursive(
    st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.floats(allow_nan=False), st.none()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)
CONFIG_KEYS = st.sampled_from([*config.TOP_KEYS, "severity", "rule", "paths", "reason", "allow", "deny", "x"])
KNOWN_RULES = frozenset({"missing-license", "unreadable-file"})


def check_config(table: dict) -> None:
    TRIED["config"] += 1
    with contextlib.suppress(config.ConfigError):
        config.parse(table, ".licensecheck.toml", KNOWN_RULES)


@FAST
@given(st.dictionaries(st.one_of(CONFIG_KEYS, st.text(max_size=10)), TOML_VALUES, max_size=6))
def test_config_parse_raises_only_config_error(table):
    check_config(table)


@FAST
@given(st.binary(max_size=1000).map(lambda b: b.decode("utf-8", "replace")))
def test_config_files_of_any_text_are_config_errors_or_tables(text):
    import tomllib

    TRIED["config-toml"] += 1
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    check_config(table)


# --- the glob matcher ---------------------------------------------------------------------------

GLOB_TOKENS = st.sampled_from(["a", "b", "/", ".", (None, "[^/]*"), (None, ".*"), (None, ".")])


def plain_regex(tokens) -> re.Pattern[str]:
    return re.compile("".join(re.escape(c) if c is not None else r for c, r in tokens), re.DOTALL)


def check_glob(tokens, path: str) -> None:
    TRIED["glob"] += 1
    tokens = [(token, "") if isinstance(token, str) else token for token in tokens]
    prefix, _, matcher = globindex.compile_glob(tokens)
    expected = plain_regex(tokens).fullmatch(path) is not None
    got = matcher.fullmatch(path) if matcher is not None else path == prefix
    assert bool(got) == expected, (tokens, path)
    assert globindex._simulate(globindex._merge_runs(tokens), path) == expected or matcher is None


@FAST
@given(st.lists(GLOB_TOKENS, min_size=1, max_size=9), st.text(alphabet="ab/.", max_size=12))
def test_the_glob_matcher_agrees_with_a_plain_regex(tokens, path):
    check_glob(tokens, path)
