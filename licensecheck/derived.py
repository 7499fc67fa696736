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
  `board-job.gbrjob`, `board-PTH.drl`; Eagle's CAM `board.GTL`), or, named as EasyEDA names its
  outputs after their layer (`Gerber_TopLayer.GTL`, `Drill_PTH_Through.DRL`), the board nearby;

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
# EasyEDA's (and JLCPCB's) outputs name their layer, not their board: "Gerber_TopLayer.GTL",
# "Drill_PTH_Through.DRL", "PickAndPlace_PCB1_2024-03-01.csv"; their board is the one nearby.
_NAMED_BY_EASYEDA = ("gerber_", "drill_", "pickandplace_", "pick_and_place_")
_TAKEN = ("directory", "manifest", DESIGN, "readme")  # sources of a licence taken from another file


def from_designs(files: list[FileResult], folder_licensed: Iterable[str]) -> list[FileResult]:
    """`files` with each output that took a folder's licence (its path in `folder_licensed`)
    under the licence of the design it was made from, where the design states its own and the
    folder whose licence the output took holds the design too: a license file nearer to the
    output (a Thingiverse part's, a vendored library's) is the output's."""
    outputs, sources = {}, {}
    for kind in design_kinds():
        if kind.key in _KINDS:
            outputs.update(dict.fromkeys(kind.outputs, kind.key))
            sources.update(dict.fromkeys(kind.sources, kind.key))
    designs: dict[tuple[str, str], list[FileResult]] = {}  # (kind, stem) -> designs
    for file in files:
        kind = sources.get(file.format)
        if kind is not None and (kind != "pcb" or file.format in _BOARDS) and _states_its_licence(file):
            designs.setdefault((kind, _stem(file.path)), []).append(file)
    if not designs:
        return files
    taken = set(folder_licensed)
    result = []
    for file in files:
        kind = outputs.get(file.format)
        if kind is not None and file.path in taken and file.problem is None:
            design = _design_of(file.path, kind, designs)
            if design is not None and design.licenses != file.licenses and _covers(file, design.path):
                file = _made_from(file, design)
        result.append(file)
    return result


def made_from_design(file: FileResult) -> str | None:
    """The design the file's licence is from, or None."""
    return next((item.holder for item in file.evidence if item.source == DESIGN), None)


def _states_its_licence(file: FileResult) -> bool:
    return any(item.expression in file.licenses and item.source not in _TAKEN for item in file.evidence)


def _covers(output: FileResult, design: str) -> bool:
    """Whether each folder licence the output took holds the design too."""
    for item in output.evidence:
        if item.source in _TAKEN and item.expression in output.licenses:
            folder = item.holder.rpartition("/")[0]
            if folder and not design.startswith(folder + "/"):
                return False
    return True


def _design_of(path: str, kind: str, designs: dict[tuple[str, str], list[FileResult]]) -> FileResult | None:
    """The design of the longest name that fits, the nearest of those; None when designs of
    different licences fit alike."""
    folder = path.rpartition("/")[0]
    stem = _stem(path)
    # A board's outputs are named after it and a layer: "board-f_cu" is looked up as "board-f_cu",
    # "board-f" and "board", in that order ("main-adapter-f_cu" is main-adapter's, not main's).
    stems = [stem]
    if kind == "pcb":
        stems += [stem[:at] for at in range(len(stem) - 1, 0, -1) if stem[at] in _SEPARATORS]
    for name in stems:
        ranked = _ranked(folder, kind, designs.get((kind, name), ()))
        if ranked:
            return _one_licence(ranked)
    if kind == "pcb" and stem.startswith(_NAMED_BY_EASYEDA):  # none named after a board
        ranked = _ranked(folder, kind, (d for (k, _), found in designs.items() if k == "pcb" for d in found))
        if ranked:
            return _one_licence(ranked)
    return None


def _ranked(folder: str, kind: str, designs: Iterable[FileResult]) -> dict[int, list[FileResult]]:
    """The designs near an output in `folder`, by nearness (_nearness)."""
    ranked: dict[int, list[FileResult]] = {}
    for design in designs:
        rank = _nearness(folder, design.path.rpartition("/")[0], kind)
        if rank is not None:
            ranked.setdefault(rank, []).append(design)
    return ranked


def _one_licence(ranked: dict[int, list[FileResult]]) -> FileResult | None:
    """The nearest design, when the nearest ones agree on their licence."""
    nearest = ranked[min(ranked)]
    return nearest[0] if len({design.licenses for design in nearest}) == 1 else None


def _stem(path: str) -> str:
    name = path.rpartition("/")[2]
    return (name.rpartition(".")[0] or name).casefold()


def _nearness(first: str, second: str, kind: str) -> int | None:
    """0 for the same folder, 1 for one folder inside the other (up to two levels: `gerber/`,
    `production/gerber/`), 2 for folders side by side; None for farther. Top-level folders side
    by side are near for a board's outputs (`hardware/`, `gerbers/`), not for a part's: "main",
    "case" and "base" name the parts of several projects of one repository."""
    if first == second:
        return 0
    inner, outer = (first, second) if len(first) > len(second) else (second, first)
    if not outer or inner.startswith(outer + "/"):
        return 1 if inner.count("/") - (outer.count("/") + 1 if outer else 0) < 2 else None
    parent = first.rpartition("/")[0]
    return 2 if parent == second.rpartition("/")[0] and (parent or kind == "pcb") else None


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
