# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""Wavefront OBJ/MTL: SPDX tags and notices in the leading `#` comments."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.obj import extract

CUBE_BODY = (
    "mtllib lid.mtl\n"
    "o Lid\n"
    "v 0.0 0.0 0.0\nv 1.0 0.0 0.0\nv 1.0 1.0 0.0\nv 0.0 1.0 0.0\n"
    "v 0.0 0.0 1.0\nv 1.0 0.0 1.0\nv 1.0 1.0 1.0\nv 0.0 1.0 1.0\n"
    "vn 0.0 0.0 -1.0\n"
    "usemtl PLA\n"
    "s off\n"
    "f 1 4 3 2\nf 5 6 7 8\nf 1 2 6 5\nf 2 3 7 6\nf 3 4 8 7\nf 4 1 5 8\n"
)


def obj(header: str, body: str = CUBE_BODY) -> bytes:
    return (header + body).encode("utf-8")


def run(data: bytes, path: str = "print/lid.obj") -> list:
    return extract(Source(path, data, Path("/nonexistent")))


def test_tags_and_notice_in_the_header():
    header = (
        "# Blender 4.2.0\n"
        "# www.blender.org\n"
        "# SPDX-FileCopyrightText: 2025 Li Lei <lilei@example.cn>\n"
        "# SPDX-License-Identifier: CERN-OHL-W-2.0\n"
        "# Copyright © 2025 Shenzhen Maker Team\n"
    )
    found = run(obj(header))
    assert [(e.line, e.raw, e.copyright, e.source) for e in found] == [
        (3, None, "2025 Li Lei <lilei@example.cn>", "header"),
        (4, "CERN-OHL-W-2.0", None, "header"),
        (5, None, "Copyright © 2025 Shenzhen Maker Team", "header"),
    ]


def test_statements_are_not_read():
    found = run(obj("# Exported\n", "mtllib SPDX-License-Identifier: MIT.mtl\n" + CUBE_BODY))
    assert found == []


def test_comments_after_the_first_vertex_are_not_read():
    body = CUBE_BODY + "# 8 vertices\n# SPDX-License-Identifier: GPL-3.0-only\n"
    assert [e.raw for e in run(obj("# SPDX-License-Identifier: MIT\n", body))] == ["MIT"]


def test_windows_line_ends():
    data = obj("# SPDX-License-Identifier: MIT\n").replace(b"\n", b"\r\n")
    assert [(e.raw, e.line) for e in run(data)] == [("MIT", 1)]


def test_material_library_without_vertices():
    mtl = b"# SPDX-License-Identifier: CC0-1.0\nnewmtl PLA\nKd 0.8 0.1 0.1\nillum 1\n"
    assert [e.raw for e in run(mtl, "print/lid.mtl")] == ["CC0-1.0"]


def test_latin1_notice():
    data = "# Copyright \xa9 2019 J\xfcrgen M\xfcller\n".encode("latin-1") + CUBE_BODY.encode()
    assert [e.copyright for e in run(data)] == ["Copyright © 2019 Jürgen Müller"]


def test_large_file_stops_at_the_first_vertex():
    data = obj("# SPDX-License-Identifier: MIT\n", CUBE_BODY * 200_000)  # 50 MB
    start = time.perf_counter()
    assert [e.raw for e in run(data)] == ["MIT"]
    assert time.perf_counter() - start < 0.2


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=2048), st.text(max_size=500).map(str.encode)))
def test_fuzz(data):
    start = time.perf_counter()
    try:
        found = run(data)
    except ExtractError:
        found = []
    assert isinstance(found, list)
    assert time.perf_counter() - start < 1
