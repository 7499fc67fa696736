# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Footprints copied from KiCad's official libraries.

KiCad's symbol, footprint and 3D model libraries are under CC-BY-SA-4.0 with the KiCad
libraries exception [S31]. The exception waives attribution and ShareAlike for designs made
with them and the files generated from those designs; a copy of a library file itself (a
footprint kept in the project's own `.pretty` folder, changed or not) stays under CC-BY-SA-4.0
and keeps the exception (NORMS KICAD-002). Such a file does not say so: what shows where it
comes from is

- its 3D model: the library's own model of the same footprint (`${KICAD8_3DMODEL_DIR}/
  Resistor_SMD.3dshapes/R_0603_1608Metric.wrl` in `R_0603_1608Metric` or in its
  `R_0603_1608Metric_Pad0.98x0.95mm_HandSolder` variant). A footprint of one's own may show
  a library model for looks (a `SOD128` showing `D_SOD-123.step`): that is no copy;
- its description, when KiCad's footprint generator, which writes most of the library, wrote
  it ("..., generated with kicad-footprint-generator").

A board embeds library footprints too; that is the design the exception covers, so only
footprint files are read here. What is found is a fact about the file, not a licence it states:
its evidence has no expression, conclusion leaves it aside (the file's licence is what the
project declares for it, as REUSE reads it) and the rule kicad-library-copy weighs the two.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from licensecheck.model import Evidence

KICAD_LIBRARIES = "CC-BY-SA-4.0 WITH KiCad-libraries-exception"
ORIGIN = "footprint of KiCad's library"  # how the evidence's detail starts
MODEL_SAID = "its 3D model is "

# KiCad 5 to 9 name the library's 3D models folder KISYS3DMOD, then KICAD6_3DMODEL_DIR ...
_LIBRARY_MODEL = re.compile(
    rb'\(model\s+"?\$\{(?:KICAD\d*_3DMODEL_DIR|KISYS3DMOD)\}/[^/"\s()]+\.3dshapes/([^/"\s()]+)\.(?:wrl|step|stp)\b',
    re.IGNORECASE,
)
_GENERATED = re.compile(rb'\(descr\s+"[^"]{0,4000}?\bgenerated with kicad-footprint-generator\b')


def library_origin(data: bytes, name: str, line_of: Callable[[int], int]) -> Evidence | None:
    """Evidence that the footprint `name` (its root form's first atom, as kicad.py reads it)
    is (a copy of) one of KiCad's library footprints, or None."""
    own = name.rpartition(":")[2].encode("utf-8", "replace")  # "Capacitor_SMD:C_0402_1005Metric"
    for model in _LIBRARY_MODEL.finditer(data):
        stem = model.group(1)
        if own == stem or own.startswith(stem + b"_"):
            shown = model.group(0).partition(b"$")[2].decode("utf-8", "replace")
            return _evidence(line_of(model.start()), f"{ORIGIN}: {MODEL_SAID}${shown}")
    generated = _GENERATED.search(data)
    if generated is not None:
        return _evidence(line_of(generated.start()), f"{ORIGIN}: written by its footprint generator")
    return None


def _evidence(line: int, detail: str) -> Evidence:
    return Evidence(source="embedded", line=line, detail=detail)
