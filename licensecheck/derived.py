# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Fabrication outputs under the licence of the design they were made from.

An STL exported from `knob.scad`, the Gerbers and drill files plotted from `board.kicad_pcb`
are that design in another form: CERN-OHL v2's Source is any information that can be applied
to Make a Product (S/W/P section 1.3), so Gerbers plotted from Covered Source are that Source
modified; a Creative Commons licence covers the Adapted Material as the work itself; and
NORMS.md's REUSE.toml for a maker repo gives boards, Gerbers and STLs one licence. An output
that says nothing of its own and would take its folder's licence (or none) takes its design's
instead, when the design is plain to see: the same name, nearby.

- a mechanical output (STL, 3MF, G-code ...) and a mechanical source (OpenSCAD, FreeCAD,
  STEP ...) of the same stem (`knob.stl`, `knob.scad`);
- a PCB output whose name starts with a board's stem (KiCad plots `board-F_Cu.gbr`,
  `board-job.gbrjob`, `board-PTH.drl`; Eagle's CAM `board.GTL`);

in the same folder, in folders side by side (`cad/`, `stl/`), or one in a folder of the
other's (`gerber/` beside `board.kicad_pcb`). Designs of different licences that fit alike
decide nothing. The output's evidence names the design (source "design").
"""

from __future__ import annotations

from collections.abc import Iterable

from licensecheck.fabrication import design_kinds
from licensecheck.model import Evidence, FileResult

DESIGN = "design"  # the evidence source
MADE_FROM = "is the design it was made from"  # the detail: "<design path> is the design ..."
# Kinds whose outputs are the same design in another form (a firmware image is compiled:
# its licence is its sources', which the compatibility rules weigh, not a name's).
_KINDS = ("pcb", "mechanical")
# What the design's file is for each kind: a schematic or a project file names no board.
_BOARDS = frozenset({"kicad-pcb", "kicad-legacy-pcb", "eagle-brd", "librepcb", "easyeda", "lceda-pro"})
_SEPARATORS = "-_."


def from_designs(files: list[FileResult], inherited: Iterable[str]) -> list[FileResult]:
    """`files` with each output that has no licence of its own (its path in `inherited`, or no
    licence) under the licence of the one design it was made from."""
    outputs, sources = {}, {}
    for kind in design_kinds():
        if kind.key in _KINDS:
            outputs.update(dict.fromkeys(kind.outputs, kind.key))
            sources.update(dict.fromkeys(kind.sources, kind.key))
    designs: dict[tuple[str, str], list[FileResult]] = {}  # (kind, stem) -> designs
    for file in files:
        kind = sources.get(file.format)
        if kind is not None and file.licenses and (kind != "pcb" or file.format in _BOARDS):
            designs.setdefault((kind, _stem(file.path)), []).append(file)
    if not designs:
        return files
    unlicensed = set(inherited)
    result = []
    for file in files:
        kind = outputs.get(file.format)
        if kind is not None and (not file.licenses or file.path in unlicensed):
            design = _design_of(file.path, kind, designs)
            if design is not None and design.licenses != file.licenses:
                file = _made_from(file, design)
        result.append(file)
    return result


def made_from_design(file: FileResult) -> bool:
    """Whether the file's licence is that of the design it was made from."""
    return any(item.source == DESIGN for item in file.evidence)


def _design_of(path: str, kind: str, designs: dict[tuple[str, str], list[FileResult]]) -> FileResult | None:
    folder = path.rpartition("/")[0]
    stem = _stem(path)
    # A board's outputs are named after it and a layer: "board-f_cu" is looked up as "board-f_cu",
    # "board-f" and "board".
    stems = [stem]
    if kind == "pcb":
        stems += [stem[:at] for at in range(len(stem) - 1, 0, -1) if stem[at] in _SEPARATORS]
    found = [
        design
        for name in stems
        for design in designs.get((kind, name), ())
        if _near(folder, design.path.rpartition("/")[0])
    ]
    if not found or len({design.licenses for design in found}) > 1:
        return None
    return found[0]


def _stem(path: str) -> str:
    name = path.rpartition("/")[2]
    return (name.rpartition(".")[0] or name).casefold()


def _near(first: str, second: str) -> bool:
    """The same folder, folders side by side, or one folder inside the other (up to two levels:
    `gerber/`, `production/gerber/`)."""
    if first == second:
        return True
    inner, outer = (first, second) if len(first) > len(second) else (second, first)
    if not outer or inner.startswith(outer + "/"):
        return inner.count("/") - (outer.count("/") + 1 if outer else 0) < 2
    return first.rpartition("/")[0] == second.rpartition("/")[0]


def _made_from(output: FileResult, design: FileResult) -> FileResult:
    detail = f"{design.path} {MADE_FROM}"
    said = tuple(
        Evidence(source=DESIGN, expression=expression, detail=detail) for expression in design.licenses
    )
    kept = tuple(item for item in output.evidence if not item.is_license)
    return FileResult(
        output.path,
        output.category,
        output.format,
        design.licenses,
        output.copyrights,
        kept + said,
        output.size,
        output.blob,
        output.problem,
        output.checksums,
    )
