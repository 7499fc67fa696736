# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Hostile XML in Eagle, SVG, 3MF, Fritzing, AMF and FreeCAD files: entity expansion
(billion laughs), external entities naming a local file or a URL, parameter entities,
external DTDs and deep nesting. No entity is expanded, no file is read, no connection
is tried, and each file costs bounded time."""

from __future__ import annotations

import json
import socket
import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import file_entry, scan, write_tree
from hostile import (
    LAUGHS_DTD,
    SECRET,
    amf,
    eagle,
    entity_dtd,
    freecad,
    fritzing_part,
    fritzing_sketch,
    fzz,
    make_zip,
    parameter_entity_dtd,
    run_extractor,
    svg,
    threemf,
)

from licensecheck.extract import ExtractError

# format id -> builder(dtd, text) of a file whose text sits where an entity can be referenced
BUILDERS = {
    "eagle-sch": lambda dtd, text: eagle("schematic", dtd, text),
    "eagle-brd": lambda dtd, text: eagle("board", dtd, text),
    "eagle-lbr": lambda dtd, text: eagle("library", dtd, text),
    "svg": svg,
    "3mf": threemf,
    "3mf-rels": lambda dtd, text: threemf(rels_dtd=dtd),
    "fritzing": fritzing_part,
    "fritzing-sketch": fritzing_sketch,
    "fritzing-archive": lambda dtd, text: make_zip({"a.fz": fritzing_sketch(dtd, text)}),
    "amf": amf,
    "freecad": freecad,
}
FORMAT_OF = {"3mf-rels": "3mf", "fritzing-sketch": "fritzing"}
FILE_NAMES = {
    "eagle-sch": "board.sch", "eagle-brd": "board.brd", "eagle-lbr": "parts.lbr", "svg": "logo.svg",
    "3mf": "case.3mf", "3mf-rels": "rels.3mf", "fritzing": "part.fzp", "fritzing-sketch": "sketch.fz",
    "fritzing-archive": "bundle.fzz", "amf": "bracket.amf", "freecad": "lid.FCStd",
}  # fmt: skip
EXPANDED = "EXPANDED-ENTITY-TEXT"  # what a small internal entity would turn into
PASSWD_MARKERS = ("root:x:0:0", "root:*:0:0", "/bin/bash", "/usr/sbin/nologin")


@pytest.fixture
def no_network(monkeypatch):
    """Every way out to the network fails loudly and is recorded."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted during a scan")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n")
    return path


def attacks(secret_file: Path) -> dict[str, tuple[str, str]]:
    """name -> (DTD, text that references it)"""
    return {
        "billion-laughs": (LAUGHS_DTD, "&lol9;"),
        "internal-entity": (f'<!DOCTYPE r [<!ENTITY e "{EXPANDED}">]>', "&e;"),
        "xxe-local-file": (entity_dtd(secret_file.as_uri()), "&xxe;"),
        "xxe-passwd": (entity_dtd("file:///etc/passwd"), "&xxe;"),
        "xxe-http": (entity_dtd("http://127.0.0.1:9/licensecheck-xxe"), "&xxe;"),
        "parameter-entity": (parameter_entity_dtd("http://127.0.0.1:9/evil.dtd"), "Jane"),
        "external-dtd": ('<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">', "Jane"),
        "external-dtd-file": (f'<!DOCTYPE r SYSTEM "{secret_file.as_uri()}">', "Jane"),
    }


def extract(kind: str, data: bytes):
    started = time.monotonic()
    tracemalloc.start()
    try:
        outcome = run_extractor(FORMAT_OF.get(kind, kind), data, path=FILE_NAMES[kind])
    except ExtractError as error:
        outcome = error
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.monotonic() - started < 2, kind
    assert peak < 64 * 1024 * 1024, (kind, peak)
    return outcome


def leaks(outcome) -> bool:
    shown = str(outcome)
    return SECRET in shown or EXPANDED in shown or any(marker in shown for marker in PASSWD_MARKERS)


@pytest.mark.parametrize("kind", sorted(BUILDERS))
@pytest.mark.parametrize(
    "attack",
    [
        "billion-laughs", "internal-entity", "xxe-local-file", "xxe-passwd", "xxe-http", "parameter-entity",
        "external-dtd", "external-dtd-file",
    ],
)  # fmt: skip
def test_entities_are_never_expanded_nor_fetched(kind, attack, secret_file, no_network):
    dtd, text = attacks(secret_file)[attack]
    outcome = extract(kind, BUILDERS[kind](dtd, text))
    assert not leaks(outcome)
    assert no_network == []
    if "&" in text:  # a declared entity is used: the file is refused or read without it
        found = outcome if isinstance(outcome, list) else []
        assert not any("lol" in (e.copyright or e.raw or "") for e in found)


@pytest.mark.parametrize("kind", ["eagle-sch", "fritzing", "amf", "3mf", "freecad", "fritzing-archive"])
@pytest.mark.parametrize("attack", ["billion-laughs", "internal-entity", "xxe-passwd"])
def test_entity_declarations_make_the_file_unreadable_with_a_reason(kind, attack, secret_file):
    outcome = extract(kind, BUILDERS[kind](*attacks(secret_file)[attack]))
    assert isinstance(outcome, ExtractError)
    assert "XML refused: EntitiesForbidden" in str(outcome)


def test_svg_with_entities_keeps_its_comment_tags_but_skips_its_metadata(secret_file):
    outcome = extract("svg", svg(entity_dtd(secret_file.as_uri()), "&xxe;"))
    assert [e.raw for e in outcome if e.raw] == ["CC-BY-SA-4.0"]  # from the comment only
    assert not leaks(outcome)


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_deep_nesting_is_refused_without_recursion(kind):
    depth = 200_000
    deep = "<g>" * depth + "</g>" * depth
    outcome = extract(kind, BUILDERS[kind]("", deep))
    assert isinstance(outcome, (ExtractError, list))


@pytest.mark.parametrize("kind", ["eagle-sch", "fritzing", "amf"])
def test_many_attributes_and_long_names_are_bounded(kind):
    attributes = " ".join(f'a{i}="{"v" * 50}"' for i in range(20_000))
    long_name = "n" * 1_000_000
    for text in (f"<x {attributes}/>", f"<{long_name}/>", "x" * 5_000_000):
        assert isinstance(extract(kind, BUILDERS[kind]("", text)), (ExtractError, list))


def test_scan_of_hostile_xml_reads_no_file_and_no_network(tmp_path, secret_file, no_network):
    files: dict[str, bytes | str] = {"LICENSE": "SPDX-License-Identifier: MIT\n"}
    for name, (dtd, text) in attacks(secret_file).items():
        for kind, build in BUILDERS.items():
            stem, _, suffix = FILE_NAMES[kind].rpartition(".")
            files[f"{name}/{stem}.{suffix}"] = build(dtd, text)
    files["bundle/attack.fzz"] = fzz(entity_dtd(secret_file.as_uri()))
    root = write_tree(tmp_path / "project", files)
    code, result, output = scan(root, "--no-cache")
    assert code in (0, 1)
    text = json.dumps(result, ensure_ascii=False) + output
    assert SECRET not in text
    assert not any(marker in text for marker in PASSWD_MARKERS)
    assert no_network == []
    assert EXPANDED not in text
    assert "EntitiesForbidden" in file_entry(result, "xxe-passwd/board.sch")["problem"]
