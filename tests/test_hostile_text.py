# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Hostile file contents: a 2 GB file, a 50 MB line, NUL bytes, broken and mixed
encodings, UTF-16 without a byte order mark, a Gerber of millions of lines, lines
made of nothing but notice keywords, and a file that takes longer than the time limit."""

from __future__ import annotations

import json
import time

import pytest
from conftest import file_entry, rules_for, scan, write_tree
from hostile import GERBER, run_cli

from licensecheck import textio
from licensecheck.comments import STYLES
from licensecheck.extract.file import READ_LIMIT
from licensecheck.extract.header import MAX_EVIDENCE, extract_header

MB = 1024 * 1024
GB = 1024 * MB
TAG = b"// SPDX-License-Identifier: MIT\n"
LICENSE = {"LICENSE": "SPDX-License-Identifier: Apache-2.0\n"}  # files below carry their own MIT


def timed(function, *args):
    started = time.monotonic()
    value = function(*args)
    return value, time.monotonic() - started


def sparse(path, header: bytes, size: int = 2 * GB) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(header)
        handle.truncate(size)


# --- huge files ------------------------------------------------------------------------------


def test_a_2_gb_file_is_read_only_up_to_the_limit(tmp_path):
    root = write_tree(tmp_path / "project", {**LICENSE, "src/small.c": TAG})
    sparse(root / "src/huge.c", TAG)
    sparse(root / "hw/huge.gbr", GERBER)
    sparse(root / "hw/huge.3mf", b"PK\x03\x04")  # read whole up to its own limit: not a zip
    sparse(root / "hw/huge.stl", b"solid SPDX-License-Identifier: MIT\n facet normal 0 0 1\n")
    output = tmp_path / "result.json"
    started = time.monotonic()
    run = run_cli("scan", str(root), "-o", str(output), "-j", "1", "--no-cache", timeout=300)
    elapsed = time.monotonic() - started
    assert run.code in (0, 1), run.stderr
    result = json.loads(output.read_text())
    assert file_entry(result, "src/huge.c")["size"] == 2 * GB
    assert file_entry(result, "src/small.c")["licenses"] == ["MIT"]
    assert file_entry(result, "hw/huge.3mf")["problem"]
    # 8 GB of files, of which at most the read limits are read
    assert run.read_mb < 3 * READ_LIMIT / MB + 256 + 64, run.read_mb
    assert run.peak_mb < 1024, run.peak_mb
    assert elapsed < 60


def test_checksums_of_a_huge_file_are_streamed(tmp_path):
    root = write_tree(tmp_path / "project", LICENSE)
    sparse(root / "huge.bin", b"\x7fELF", 5 * GB // 4)  # held whole, it alone would pass 1 GB
    output = tmp_path / "result.spdx.json"
    run = run_cli("scan", str(root), "-o", str(output), "-j", "1", "--no-cache", timeout=300)
    assert run.code in (0, 1), run.stderr
    assert run.peak_mb < 1024, run.peak_mb
    assert run.read_mb >= 5 * 1024 / 4  # all of it, to hash it
    assert "huge.bin" in output.read_text()


def test_a_50_mb_single_line(tree):
    line = b"var a=1;" * (50 * MB // 8)
    minified = line[: 10 * MB] + b"/* SPDX-License-Identifier: MIT */" + line[10 * MB :]
    root = tree({**LICENSE, "one-line.c": TAG + line, "app.min.js": minified})
    (_code, result, _), elapsed = timed(scan, root, "--no-cache")
    assert elapsed < 20
    assert file_entry(result, "one-line.c")["licenses"] == ["MIT"]
    assert file_entry(result, "app.min.js")["licenses"] == ["MIT"]


# --- bytes that are not what they seem -----------------------------------------------------


def test_nul_bytes_invalid_and_mixed_encodings_never_crash(tree):
    root = tree(
        {
            **LICENSE,
            "nul.c": TAG + b"\x00" * 100 + b"int x;\n",
            "nul-late.c": TAG + b"int x;\n" * 2000 + b"\x00\x01\x02",
            "invalid.c": TAG + bytes(range(128, 256)) * 100,
            "mixed.c": "// Copyright 2024 Jürgen Müller\n".encode("latin-1")
            + "// 版权所有 2024 深圳创客\n".encode("gbk")
            + "// Copyright 2024 José\n".encode()
            + TAG,
            "board.kicad_sch": b"(kicad_sch (version 20231120)\x00\xff\xfe" + bytes(range(256)),
            "board.gbr": b"G04 SPDX-License-Identifier: MIT*\n\x00\x00\x00",
            "drawing.svg": b"<?xml version='1.0'?>\x00<svg>\xff\xfe</svg>",
        }
    )
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    assert file_entry(result, "nul-late.c")["licenses"] == ["MIT"]  # NUL after the sniffed head
    assert file_entry(result, "invalid.c")["licenses"] == ["MIT"]
    mixed = file_entry(result, "mixed.c")
    assert mixed["licenses"] == ["MIT"]
    for holder in ("Jürgen Müller", "深圳创客", "José"):  # each line in its own encoding
        assert any(holder in c for c in mixed["copyrights"]), (holder, mixed["copyrights"])
    for path in ("nul.c", "board.kicad_sch", "board.gbr", "drawing.svg"):
        file_entry(result, path)  # listed, whatever its bytes


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(codec):
    text = "// 版权所有 (C) 2024 深圳创客\n// SPDX-License-Identifier: MIT\nint main(void) { return 0; }\n"
    data = text.encode(codec)
    assert not textio.looks_binary(data)
    assert textio.decode(data) == textio.Decoded(text, codec)


def test_utf16_without_a_byte_order_mark_end_to_end(tree):
    root = tree({**LICENSE, "main.c": (TAG.decode() + "int x;\n").encode("utf-16-le")})
    assert file_entry(scan(root, "--no-cache")[1], "main.c")["licenses"] == ["MIT"]


def test_utf16_without_a_byte_order_mark_in_a_sniffed_format(tree):
    root = tree({**LICENSE, "notes.txt": (TAG.decode() + "Notes.\n").encode("utf-16-le")})
    assert file_entry(scan(root, "--no-cache")[1], "notes.txt")["licenses"] == ["MIT"]


def test_binary_that_looks_like_utf16_is_not_text():
    import struct

    samples = [struct.pack("<2000H", *range(2000)),
               bytes(range(256)) * 20, struct.pack("<1000H", *[7] * 1000)]
    for data in samples:
        assert textio.utf16_without_bom(data) is None


# --- a Gerber of millions of lines -----------------------------------------------------------


def test_a_gerber_with_millions_of_lines(tree):
    head, _, tail = GERBER.partition(b"D10*\n")
    plot = b"".join(b"X%dY-80000000D01*\n" % (100000000 + i) for i in range(3_000_000))
    root = tree({**LICENSE, "board-F_Cu.gbr": head + b"D10*\n" + plot + tail})
    (_code, result, _), elapsed = timed(scan, root, "--no-cache")
    entry = file_entry(result, "board-F_Cu.gbr")
    assert entry["size"] > READ_LIMIT  # more than is read
    assert entry["licenses"] == ["CERN-OHL-S-2.0"]
    assert elapsed < 20


# --- lines that are all candidates ----------------------------------------------------------


ONE_LINE_OF_CANDIDATES = {
    "copyright-words": "Copyright" * (4 * MB // 9),
    "copyright-signs": "©" * (4 * MB),
    "c-year": "(c)1" * MB,
    "tags": "SPDX-License-Identifier:" * (4 * MB // 24),
    "chinese": "版权所有" * MB,
}


@pytest.mark.parametrize("text", ONE_LINE_OF_CANDIDATES.values(), ids=ONE_LINE_OF_CANDIDATES.keys())
def test_one_line_of_candidates_costs_linear_time_and_bounded_memory(text):
    import tracemalloc

    _found, elapsed = timed(extract_header, text, STYLES["c"])
    assert elapsed < 3, elapsed  # each window used to search the whole line for its ends
    tracemalloc.start()
    extract_header(text[: MB // 4], STYLES["c"])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 * MB, peak / MB  # no list of every candidate position


def test_many_lines_of_prose_about_copyright_cost_linear_time():
    _, elapsed = timed(extract_header, "// Copyright the authors\n" * 200_000, STYLES["c"])
    assert elapsed < 8, elapsed


def test_evidence_per_file_is_capped():
    text = "// SPDX-License-Identifier: MIT\n" * (MAX_EVIDENCE + 100)
    found = extract_header(text, STYLES["c"])
    assert len(found) == MAX_EVIDENCE
    assert found[-1].line == MAX_EVIDENCE


# --- the per-file time limit --------------------------------------------------------------

# 200,000 lines that mention copyright without being notices: each is looked at (about 1.5 s
# of work, the most one file may cost), none gives evidence, so nothing ends the read early.
SLOW_TEXT = "// see the Copyright holders\n" * 800_000


def test_a_pathological_file_over_the_time_limit_is_an_unreadable_file(tree, monkeypatch):
    from licensecheck.extract import file as reader

    assert reader.TIME_LIMIT > 0
    monkeypatch.setenv("LICENSECHECK_TIME_LIMIT", "0.3")
    slow = SLOW_TEXT
    root = tree({**LICENSE, "slow.c": slow, "fast.c": TAG})
    (_code, result, _), elapsed = timed(scan, root, "--no-cache")
    assert elapsed < 10
    assert "longer than 0.3 s" in file_entry(result, "slow.c")["problem"]
    assert "unreadable-file" in rules_for(result, "slow.c")
    assert file_entry(result, "fast.c")["licenses"] == ["MIT"]


def test_the_time_limit_holds_in_worker_processes(tree, tmp_path):
    files = {f"src/f{i:03}.c": TAG for i in range(250)}  # enough for the worker processes
    # The first batch always goes to a worker process (the parent takes batches from the end).
    root = tree({**LICENSE, **files, "src/a-slow.c": SLOW_TEXT})
    output = tmp_path / "result.json"
    run = run_cli(
        "scan", str(root), "-o", str(output), "-j", "2", "--no-cache", env={"LICENSECHECK_TIME_LIMIT": "0.3"}
    )
    assert run.code in (0, 1), run.stderr
    result = json.loads(output.read_text())
    assert "longer than 0.3 s" in file_entry(result, "src/a-slow.c")["problem"]
    assert file_entry(result, "src/f100.c")["licenses"] == ["MIT"]


# --- tags whose value trips the expression parser --------------------------------------------


@pytest.mark.parametrize(
    "value", ["()", "( )", "(())", "() AND MIT", "MIT WITH ()", ")(", "(( AND MIT)", "(" * 3000]
)
def test_a_tag_the_expression_parser_chokes_on_is_a_finding_not_a_crash(tree, value):
    root = tree({**LICENSE, "a.c": f"// SPDX-License-Identifier: {value}\n", "b.c": TAG})
    code, result, _ = scan(root, "--no-cache")
    assert code in (0, 1)
    assert file_entry(result, "b.c")["licenses"] == ["MIT"]
    assert "MIT" not in file_entry(result, "a.c")["licenses"] or "MIT" in value


def test_binary_metadata_is_reported_not_dropped(tree):
    """A REUSE.toml or .license sidecar with NUL bytes in it says nothing: without a word,
    the files it covers fell back to their folder's licence."""
    toml = b"version = 1\n" + b"\0" * 10 + b'[[annotations]]\npath = "**"\nSPDX-License-Identifier = "MIT"\n'
    files = {"LICENSE": "SPDX-License-Identifier: MIT\n", "REUSE.toml": toml, "b.c": "int b;\n",
             "b.c.license": b"SPDX-License-Identifier: GPL-3.0-only\n" + b"\0" * 8}
    _, result, _ = scan(tree(files))
    unreadable = {f["path"]: f["message"] for f in result["findings"] if f["rule"] == "unreadable-file"}
    assert set(unreadable) == {"REUSE.toml", "b.c.license"}
    assert "binary data" in unreadable["REUSE.toml"] and "binary data" in unreadable["b.c.license"]
    assert file_entry(result, "REUSE.toml")["problem"] == "binary data in a REUSE.toml file"
