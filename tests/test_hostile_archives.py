# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Hostile zip-based design files (.FCStd, .3mf, .epro, .fzz, .lppz): bombs, lies,
truncation, fakes, thousands of members and archives inside archives. Each is an
`ExtractError` (an `unreadable-file` finding) in bounded time and memory."""

from __future__ import annotations

import json
import time
import tracemalloc
import zipfile

import pytest
from conftest import file_entry, rules_for, write_tree
from hostile import (
    FIXTURES,
    RawMember,
    bomb_member,
    directory_only_zip,
    epro,
    freecad,
    fritzing_part,
    fzz,
    make_zip,
    raw_zip,
    run_cli,
    run_extractor,
    threemf,
)

from licensecheck.archive import MAX_MEMBER_SIZE, MAX_MEMBERS, MAX_TOTAL_SIZE, Archive, Limits
from licensecheck.extract import ExtractError

ZIP_FORMATS = ["3mf", "amf", "freecad", "fritzing-archive", "librepcb-archive", "lceda-pro"]
# The member each format reads first: a bomb there is inflated (or refused) for sure.
READ_FIRST = {
    "3mf": "3D/3dmodel.model",
    "amf": "bracket.amf",
    "freecad": "Document.xml",
    "fritzing-archive": "sketch.fz",
    "librepcb-archive": "can2usb/project/metadata.lp",
    "lceda-pro": "SHEET/1/1.esch",
}
MB = 1024 * 1024


def bounded(
    format_id: str, data: bytes, seconds: float = 5.0, megabytes: int | None = 400
) -> ExtractError | list:
    """Run an extractor; fail when it raises anything but ExtractError, or costs too much.
    Memory is traced (which slows Python code down) unless `megabytes` is None."""
    if megabytes is not None:
        tracemalloc.start()
    started = time.monotonic()
    try:
        outcome = run_extractor(format_id, data)
    except ExtractError as error:
        outcome = error
    finally:
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert elapsed < seconds, f"{format_id}: {elapsed:.1f} s"
    if megabytes is not None:
        assert peak < megabytes * MB, f"{format_id}: {peak / MB:.0f} MB"
    return outcome


# --- bombs -------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", ZIP_FORMATS)
def test_a_member_that_inflates_past_the_limit_is_refused(format_id):
    bomb = bomb_member(READ_FIRST[format_id], MAX_MEMBER_SIZE + MB)
    assert len(bomb.payload) < MB  # a real bomb: small on disk
    outcome = bounded(format_id, raw_zip([bomb]), seconds=2, megabytes=16)
    assert isinstance(outcome, ExtractError)
    assert "inflates past" in str(outcome)


@pytest.mark.parametrize("format_id", ZIP_FORMATS)
def test_a_member_that_understates_its_size_is_cut_at_the_size_it_states(format_id):
    honest = bomb_member(READ_FIRST[format_id], MAX_MEMBER_SIZE + MB)
    liar = RawMember(honest.name, honest.payload, 1000, honest.crc)  # says 1000 bytes, holds 65 MB
    outcome = bounded(format_id, raw_zip([liar]), seconds=2, megabytes=16)
    assert isinstance(outcome, ExtractError)


def test_members_under_the_member_limit_still_stop_at_the_total_limit():
    member = bomb_member("x", MAX_MEMBER_SIZE - MB)
    count = MAX_TOTAL_SIZE // member.size + 2
    # An EasyEDA Pro archive reads every document: zeros are rows that are skipped, so
    # only the total limit stops the reading.
    names = [f"SHEET/{i}/{i}.esch" for i in range(count)]
    members = [RawMember(name, member.payload, member.size, member.crc) for name in names]
    outcome = bounded("lceda-pro", raw_zip(members), seconds=10, megabytes=2 * MAX_MEMBER_SIZE // MB + 64)
    assert isinstance(outcome, ExtractError)
    assert "zip bomb" in str(outcome)


def test_archive_counts_inflated_bytes_across_reads():
    member = bomb_member("a", 4 * MB)
    names = [f"m{i}" for i in range(6)]
    limits = Limits(member_size=5 * MB, total_size=20 * MB)
    archive = Archive(raw_zip([RawMember(n, member.payload, member.size, member.crc) for n in names]), limits)
    with pytest.raises(ExtractError, match="zip bomb"):
        for name in names:
            assert archive.read(name) == bytes(member.size)


# --- broken and fake archives --------------------------------------------------------------


@pytest.mark.parametrize("format_id", ZIP_FORMATS)
def test_truncated_archives_are_extract_errors(format_id):
    _name, data = FIXTURES[format_id]
    if format_id == "amf":  # a plain AMF is XML; its compressed form is the zip
        data = make_zip({"bracket.amf": data})
    for cut in sorted({1, 4, 22, len(data) // 3, len(data) // 2, len(data) - 22, len(data) - 1}):
        outcome = bounded(format_id, data[:cut], seconds=2, megabytes=16)
        assert isinstance(outcome, ExtractError), (cut, outcome)


@pytest.mark.parametrize("format_id", ZIP_FORMATS)
@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"PK",
        b"PK\x03\x04" + b"\xff" * 200,
        b"PK\x05\x06" + bytes(18),  # an end record alone: an empty archive
        b"PK\x05\x06" + b"\xff" * 18,  # an end record that points nowhere
        b"This is not a zip archive at all\n" * 10,
        bytes(range(256)) * 4,
    ],
    ids=["empty", "magic-only", "local-header-junk", "empty-directory", "bad-end-record", "text", "binary"],
)
def test_fake_archives_are_extract_errors_or_empty(format_id, data):
    outcome = bounded(format_id, data, seconds=2, megabytes=16)
    assert isinstance(outcome, (ExtractError, list))
    if isinstance(outcome, list):
        assert outcome == []


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA, 99, 12345])
def test_unsupported_or_corrupt_compression_is_an_extract_error(method):
    payload = b"\x00garbage that no decompressor accepts" * 10
    data = raw_zip([RawMember("Document.xml", payload, 4000, 0, method)])
    assert isinstance(bounded("freecad", data, seconds=2, megabytes=16), ExtractError)


def test_wrong_crc_is_an_extract_error():
    good = bomb_member("Document.xml", 1000)
    data = raw_zip([RawMember(good.name, good.payload, good.size, good.crc ^ 1)])
    outcome = bounded("freecad", data, seconds=2, megabytes=16)
    assert isinstance(outcome, ExtractError)


def test_member_names_that_climb_out_are_only_names():
    # Nothing is ever written, so "../../etc/x" is a name like any other.
    climbing = {"../../../../tmp/evil.fzp": fritzing_part(text="Eve"), "/abs/evil.fzp": fritzing_part()}
    data = fzz(extra=climbing)
    found = run_extractor("fritzing-archive", data)
    assert any(e.copyright == "Eve" for e in found)


# --- many members -----------------------------------------------------------------------------


def test_more_members_than_the_limit_is_refused_before_reading_them():
    data = make_zip({f"p{i}.fzp": b"" for i in range(MAX_MEMBERS + 1)}, zipfile.ZIP_STORED)
    outcome = bounded("fritzing-archive", data, seconds=3, megabytes=64)
    assert isinstance(outcome, ExtractError)
    assert f"{MAX_MEMBERS + 1} members" in str(outcome)


def test_a_huge_central_directory_costs_a_byte_count_not_a_parse():
    # 400,000 entries: zipfile alone spends seconds and hundreds of MB building their objects.
    data = directory_only_zip(400_000)
    outcome = bounded("3mf", data, seconds=1.5, megabytes=len(data) // MB + 32)
    assert isinstance(outcome, ExtractError)
    assert "400000 members" in str(outcome)


def test_thousands_of_members_under_the_limit_are_read_in_bounded_time():
    count = 2000
    members = {f"parts/p{i}.fzp": fritzing_part(text=f"Maker {i}") for i in range(count)}
    found = bounded("fritzing-archive", make_zip(members), seconds=10, megabytes=None)
    assert isinstance(found, list)
    assert {e.copyright for e in found if e.copyright} >= {f"Maker {i}" for i in range(count)}


# --- archives inside archives ----------------------------------------------------------------


def test_nested_archives_are_not_opened():
    inner_bomb = raw_zip([bomb_member("sketch.fz", MAX_MEMBER_SIZE + MB)])
    outer = {"inner.fzz": inner_bomb, "inner.zip": inner_bomb, "parts.fzpz": inner_bomb}
    cases = {
        "fritzing-archive": fzz(extra=outer),
        "lceda-pro": epro(extra={"nested.epro": inner_bomb}),
        "freecad": freecad(extra={"Embedded.FCStd": inner_bomb}),
        "3mf": threemf(extra={"Metadata/thumbnail.3mf": inner_bomb}),
    }
    for format_id, data in cases.items():
        found = bounded(format_id, data, seconds=2, megabytes=32)
        assert isinstance(found, list) and found, format_id  # the outer file is read as usual


@pytest.mark.parametrize(("format_id", "member"), [("freecad", "Document.xml"), ("3mf", "3D/3dmodel.model")])
def test_a_zip_where_the_document_should_be_is_an_extract_error(format_id, member):
    inner = make_zip({member: FIXTURES[format_id][1]})
    data = make_zip({member: inner, "_rels/.rels": b""} if format_id == "3mf" else {member: inner})
    assert isinstance(bounded(format_id, data, seconds=2, megabytes=32), ExtractError)


# --- end to end ---------------------------------------------------------------------------------


def test_a_tree_of_hostile_archives_scans_in_bounded_memory(tmp_path):
    bomb = raw_zip([bomb_member("3D/3dmodel.model", MAX_MEMBER_SIZE + MB)])
    spread = bomb_member("x", 60 * MB)
    total_bomb = raw_zip(
        [RawMember(f"SHEET/{i}/{i}.esch", spread.payload, spread.size, spread.crc) for i in range(6)]
    )
    root = write_tree(
        tmp_path / "project",
        {
            "LICENSE": "SPDX-License-Identifier: CERN-OHL-S-2.0\n",
            "case.3mf": bomb,
            "lid.FCStd": raw_zip([bomb_member("Document.xml", MAX_MEMBER_SIZE + MB)]),
            "sketch.fzz": raw_zip([bomb_member("sketch.fz", MAX_MEMBER_SIZE + MB)]),
            "plant.epro": total_bomb,
            "cut.3mf": threemf()[:-30],
            "fake.FCStd": b"PK\x03\x04 not really",
            "many.fzz": directory_only_zip(MAX_MEMBERS + 1),
            "good.3mf": threemf(),
        },
    )
    output = tmp_path / "result.json"
    run = run_cli("scan", str(root), "-o", str(output), "-j", "1", "--no-cache", timeout=120)
    assert run.code in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    result = json.loads(output.read_text())
    for path in ("case.3mf", "lid.FCStd", "sketch.fzz", "plant.epro", "cut.3mf", "fake.FCStd", "many.fzz"):
        assert file_entry(result, path)["problem"], path
        assert "unreadable-file" in rules_for(result, path), path
    assert file_entry(result, "good.3mf")["problem"] is None
    assert run.peak_mb < 1024, run.peak_mb
