# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""The JSON result is complete: a ScanResult comes back from it unchanged."""

from __future__ import annotations

import json

from conftest import scan

from licensecheck.model import ScanResult
from licensecheck.report import json as json_report


def test_result_round_trips_through_json(tree, tmp_path):
    root = tree(
        {
            "LICENSE": "SPDX-License-Identifier: MIT\n",
            "a.c": "// SPDX-FileCopyrightText: 2024 Jane\n// SPDX-License-Identifier: GPL-2.0\n",
            "b.c": "int b;\n",
        }
    )
    out = tmp_path / "r.json"
    scan(root, output=out)
    data = json.loads(out.read_text(encoding="utf-8"))
    again = ScanResult.from_dict(data)
    assert json.loads(json_report.render(again)) == data


def test_checksums_only_when_an_spdx_document_is_asked_for(tree, tmp_path):
    root = tree({"LICENSE": "SPDX-License-Identifier: MIT\n", "a.c": "int a;\n"})
    _, plain, _ = scan(root)
    assert all("checksums" not in f for f in plain["files"])
    _, with_spdx, _ = scan(root, "-o", str(tmp_path / "x.spdx.json"), output=tmp_path / "r.json")
    import hashlib

    entry = next(f for f in with_spdx["files"] if f["path"] == "a.c")
    assert entry["checksums"]["SHA1"] == hashlib.sha1(b"int a;\n").hexdigest()
    assert entry["checksums"]["SHA256"] == hashlib.sha256(b"int a;\n").hexdigest()
