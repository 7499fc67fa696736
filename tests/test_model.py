# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""The JSON result is complete: a ScanResult comes back from it unchanged."""

from __future__ import annotations

import gc
import json

import pytest
from conftest import scan

from licensecheck.model import (
    Evidence,
    FileResult,
    Finding,
    Project,
    Provenance,
    ScanResult,
    collector_paused,
)
from licensecheck.report import json as json_report

PROJECT = {
    "LICENSE": "SPDX-License-Identifier: MIT\n",
    "a.c": "// SPDX-FileCopyrightText: 2024 深圳 Jane\n// SPDX-License-Identifier: GPL-2.0\n",
    "b.c": "int b;\n",
}


def test_result_round_trips_through_json(tree, tmp_path):
    root = tree(PROJECT)
    out = tmp_path / "r.json"
    scan(root, output=out)
    data = json.loads(out.read_text(encoding="utf-8"))
    again = ScanResult.from_dict(data)
    assert json.loads(b"".join(json_report.render(again))) == data


def test_checksums_only_when_an_spdx_document_is_asked_for(tree, tmp_path):
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "a.c": "int a;\n"})
    _, plain, _ = scan(root)
    assert all("checksums" not in f for f in plain["files"])
    _, with_spdx, _ = scan(root, "-o", str(tmp_path / "x.spdx.json"), output=tmp_path / "r.json")
    import hashlib

    entry = next(f for f in with_spdx["files"] if f["path"] == "a.c")
    assert entry["checksums"]["SHA1"] == hashlib.sha1(b"int a;\n").hexdigest()
    assert entry["checksums"]["SHA256"] == hashlib.sha256(b"int a;\n").hexdigest()


def _file(**changes) -> FileResult:
    base = {
        "path": "hw/board.kicad_pcb",
        "category": "hardware",
        "format": "kicad-pcb",
        "licenses": ("CERN-OHL-S-2.0",),
        "copyrights": ("2025 深圳 Maker",),
        "evidence": (
            Evidence("embedded", "CERN-OHL-S-2.0", None, 5, "title_block comment 1", "CERN-OHL-S-2.0"),
            Evidence("header", None, '2025 "Quoted" \\ back\tslash\n\x00 \u2028 😀', None, "", None),
        ),
        "size": 1234,
        "blob": "0" * 40,
        "problem": None,
    }
    return FileResult(**{**base, **changes})


@pytest.mark.parametrize(
    "file",
    [
        _file(),
        _file(licenses=(), copyrights=(), evidence=(), blob=None, problem="cannot parse: \ud800"),
        _file(licenses=("MIT", "Apache-2.0 OR GPL-2.0-only")),
        _file(checksums=(("SHA1", "ab"), ("SHA256", "cd"))),
        _file(size=True),  # not of the annotated types: json.dumps decides
        _file(size=2**70, evidence=(Evidence("header", line=False),)),
        _file(evidence=(Evidence("header", detail=None, raw=7),)),  # type: ignore[arg-type]
    ],
)
def test_a_file_is_written_as_json_dumps_writes_its_dict(file):
    assert file.to_json() == json.dumps(file.to_dict(), ensure_ascii=False)


def test_the_result_is_written_as_json_dumps_writes_its_dict():
    result = ScanResult(
        root="r",
        profile="default",
        tool_version="1",
        project=Project(("MIT",), ("LICENSE",)),
        files=(_file(), _file(path="a.c", category="software", format="c")),
        findings=(Finding("missing-license", "warning", "a.c", "no license", ("MIT",), 3, "waived"),),
        provenance=Provenance(dirty=True, components=(("fw", ("fw/**",)),)),
    )
    rendered = b"".join(json_report.render(result))
    assert rendered == (json.dumps(result.to_dict(), ensure_ascii=False) + "\n").encode()
    empty = ScanResult(root="r", profile="default", tool_version="1", project=Project(), files=())
    rendered = b"".join(json_report.render(empty))
    assert rendered == (json.dumps(empty.to_dict(), ensure_ascii=False) + "\n").encode()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_only_for_the_stage(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a stage that fails")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_result_read_back_from_its_json_parts_decodes_its_files_only_when_read(tree):
    root = tree(PROJECT)
    _, data, _ = scan(root)
    original = ScanResult.from_dict(data)
    again = ScanResult.from_encoded(original.encode())
    assert len(again.files) == 3 and again.files._decoded is None  # counted, not decoded
    assert again.summary() == original.summary() == data["summary"]
    assert again.to_json() == original.to_json() == json.dumps(data, ensure_ascii=False)
    assert again.files._decoded is None
    assert again == original and again.files[1].path == "a.c"
    assert again.files._decoded is not None


def test_the_summary_counts_files_by_concluded_license():
    files = tuple(
        _file(path=f"f{i}", licenses=licenses)
        for i, licenses in enumerate([("MIT",), ("MIT", "GPL-2.0-only"), (), ("MIT",)])
    )
    result = ScanResult(root=".", profile="default", tool_version="1", project=Project(), files=files)
    assert result.summary()["licenses"] == {"GPL-2.0-only": 1, "MIT": 3}
