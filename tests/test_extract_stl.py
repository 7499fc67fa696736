# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""STL: tags in the solid name or binary header, and whole-file checks (validated with numpy-stl)."""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.stl import extract

# A unit tetrahedron: (normal, three vertices) per facet.
FACETS = [
    ((0.0, 0.0, -1.0), ((0, 0, 0), (0, 1, 0), (1, 0, 0))),
    ((0.0, -1.0, 0.0), ((0, 0, 0), (1, 0, 0), (0, 0, 1))),
    ((-1.0, 0.0, 0.0), ((0, 0, 0), (0, 0, 1), (0, 1, 0))),
    ((0.577, 0.577, 0.577), ((1, 0, 0), (0, 1, 0), (0, 0, 1))),
]


def binary_stl(header: bytes, facets=FACETS) -> bytes:
    body = b"".join(
        struct.pack("<12fH", *normal, *(c for vertex in vertices for c in vertex), 0)
        for normal, vertices in facets
    )
    return header.ljust(80, b"\0")[:80] + struct.pack("<I", len(facets)) + body


def ascii_stl(name: str, facets=FACETS) -> bytes:
    lines = [f"solid {name}"]
    for normal, vertices in facets:
        lines.append("  facet normal {:e} {:e} {:e}".format(*normal))
        lines.append("    outer loop")
        lines += ["      vertex {:e} {:e} {:e}".format(*vertex) for vertex in vertices]
        lines += ["    endloop", "  endfacet"]
    lines.append(f"endsolid {name}")
    return ("\n".join(lines) + "\n").encode()


def run(tmp_path: Path, data: bytes, path: str = "print/part.stl") -> list:
    return extract(Source(path, data, tmp_path))


@pytest.mark.parametrize("data", [binary_stl(b"OpenSCAD Model"), ascii_stl("OpenSCAD_Model")])
def test_fixtures_are_valid_stl(tmp_path, data):
    mesh = pytest.importorskip("stl.mesh")
    (tmp_path / "part.stl").write_bytes(data)
    assert len(mesh.Mesh.from_file(str(tmp_path / "part.stl")).vectors) == len(FACETS)


def test_tool_names_are_no_evidence(tmp_path):
    assert run(tmp_path, binary_stl(b"MESH-MESH-MESH-MESH-MESH-MESH-MESH-MESH-MESH-MESH-MESH-MESH")) == []
    assert run(tmp_path, ascii_stl("OpenSCAD_Model")) == []


def test_tags_in_binary_header(tmp_path):
    header = b"SPDX-License-Identifier: CERN-OHL-S-2.0\0\0SPDX-FileCopyrightText: 2025 Li"
    found = run(tmp_path, binary_stl(header))
    assert [(e.raw, e.copyright, e.detail, e.source) for e in found] == [
        ("CERN-OHL-S-2.0", None, "binary STL header", "embedded"),
        (None, "2025 Li", "binary STL header", "embedded"),
    ]


def test_binary_header_starting_with_solid_is_binary(tmp_path):
    # SolidWorks writes "solid <name>" into binary headers; the size decides
    found = run(tmp_path, binary_stl(b"solid bracket\nfacet SPDX-License-Identifier: MIT"))
    assert [(e.raw, e.detail) for e in found] == [("MIT", "binary STL header")]


def test_tag_in_solid_name(tmp_path):
    found = run(tmp_path, ascii_stl("lid SPDX-License-Identifier: CC-BY-SA-4.0"))
    assert [(e.raw, e.line, e.detail) for e in found] == [("CC-BY-SA-4.0", 1, "STL solid name")]


def test_truncated_binary(tmp_path):
    data = binary_stl(b"OpenSCAD Model")
    with pytest.raises(ExtractError, match="truncated binary STL"):
        run(tmp_path, data[:-7])
    with pytest.raises(ExtractError, match="truncated binary STL"):
        run(tmp_path, data[:50])


def test_binary_with_extra_bytes(tmp_path):
    with pytest.raises(ExtractError, match="size mismatch"):
        run(tmp_path, binary_stl(b"OpenSCAD Model") + b"\0" * 10)


def test_truncated_ascii(tmp_path):
    data = ascii_stl("OpenSCAD_Model")
    with pytest.raises(ExtractError, match="truncated ASCII STL"):
        run(tmp_path, data[: len(data) * 2 // 3])


def test_file_larger_than_the_read_limit_is_not_truncated(tmp_path):
    big = binary_stl(b"SPDX-License-Identifier: MIT", FACETS * 50)
    (tmp_path / "print").mkdir()
    (tmp_path / "print" / "part.stl").write_bytes(big)
    # the reader stopped after 1000 bytes; the size on disk says the file is whole
    assert [e.raw for e in extract(Source("print/part.stl", big[:1000], tmp_path, len(big)))] == ["MIT"]


def test_large_file_costs_little(tmp_path):
    small = binary_stl(b"OpenSCAD Model")
    big = small[:80] + struct.pack("<I", 4 * 250_000) + small[84:] * 250_000  # 50 MB
    start = time.perf_counter()
    assert run(tmp_path, big) == []
    assert time.perf_counter() - start < 0.1
    facets = ascii_stl("x").split(b"\n", 1)[1].rsplit(b"endsolid", 1)[0]
    text = b"solid OpenSCAD_Model\n" + facets * 50_000 + b"endsolid OpenSCAD_Model\n"  # 50 MB
    start = time.perf_counter()
    assert run(tmp_path, text) == []
    assert time.perf_counter() - start < 0.1


VALID = [binary_stl(b"SPDX-License-Identifier: MIT"), ascii_stl("SPDX-License-Identifier: MIT")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=1024),
        st.binary(max_size=200).map(lambda tail: b"solid " + tail),
        st.tuples(st.sampled_from(VALID), st.integers(0, 2000), st.binary(min_size=1, max_size=8)).map(
            lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + len(t[2]) :]
        ),
    )
)
def test_fuzz(tmp_path, data):
    start = time.perf_counter()
    try:
        found = run(tmp_path, data, "never/written.stl")
    except ExtractError:
        found = []
    assert isinstance(found, list)
    assert time.perf_counter() - start < 1
