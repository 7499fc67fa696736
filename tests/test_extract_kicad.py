# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart
# (the fixtures below carry example tags and notices that are not this file's own)

import contextlib
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licensecheck.extract import ExtractError, Source
from licensecheck.extract.kicad import FORM_LIMIT, extract

UUID = "92570387-c21c-4257-9c29-c8cac1aa98c9"


def q(text: str) -> str:
    """A KiCad string as KiCad writes it."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def title_block(title=None, company=None, comments=None, date=None, indent="\t") -> str:
    lines = [f"{indent}(title_block"]
    for key, value in (("title", title), ("date", date), ("company", company)):
        if value is not None:
            lines.append(f"{indent}\t({key} {q(value)})")
    for number, value in (comments or {}).items():
        lines.append(f"{indent}\t(comment {number} {q(value)})")
    return "\n".join([*lines, f"{indent})"]) + "\n"


def sch_text(text: str) -> str:
    return (
        f"\t(text {q(text)}\n\t\t(exclude_from_sim no)\n\t\t(at 203.2 45.72 0)\n"
        "\t\t(effects\n\t\t\t(font\n\t\t\t\t(size 1.27 1.27)\n\t\t\t)\n\t\t\t(justify left bottom)\n\t\t)\n"
        f'\t\t(uuid "{UUID}")\n\t)\n'
    )


def make_kicad_sch(block: str = "", items: str = "") -> str:
    """A KiCad 8 schematic sheet, as eeschema saves it."""
    return (
        '(kicad_sch\n\t(version 20231120)\n\t(generator "eeschema")\n\t(generator_version "8.0")\n'
        f'\t(uuid "{UUID}")\n\t(paper "A4")\n{block}\t(lib_symbols)\n{items}'
        '\t(sheet_instances\n\t\t(path "/"\n\t\t\t(page "1")\n\t\t)\n\t)\n)\n'
    )


def gr_text(text: str, layer: str = "F.SilkS") -> str:
    return (
        f'\t(gr_text {q(text)}\n\t\t(at 20 40 0)\n\t\t(layer "{layer}")\n\t\t(uuid "{UUID}")\n'
        "\t\t(effects\n\t\t\t(font\n\t\t\t\t(size 0.8 0.8)\n\t\t\t\t(thickness 0.12)\n\t\t\t)\n\t\t)\n\t)\n"
    )


def footprint(reference: str, descr: str = "Resistor SMD 0603", properties=(), indent: str = "\t") -> str:
    """A footprint as placed on a KiCad 8 board (indent "\t") or saved in a library (indent "")."""
    i = indent
    lines = [f'{i}(footprint "Resistor_SMD:R_0603_1608Metric"', f'{i}\t(layer "F.Cu")']
    if not indent:
        lines = ['(footprint "R_0603_1608Metric"', "\t(version 20240108)", '\t(generator "pcbnew")',
                 '\t(generator_version "8.0")', '\t(layer "F.Cu")']  # fmt: skip
    else:
        lines.append(f'{i}\t(uuid "{UUID}")\n{i}\t(at 100 50)')
    lines.append(f"{i}\t(descr {q(descr)})")
    lines.append(f'{i}\t(tags "resistor")')
    for name, value in (("Reference", reference), ("Value", "10k"), *properties):
        lines.append(
            f'{i}\t(property {q(name)} {q(value)}\n{i}\t\t(at 0 -1.43 0)\n{i}\t\t(layer "F.Fab")\n'
            f"{i}\t\t(effects\n{i}\t\t\t(font\n{i}\t\t\t\t(size 1 1)\n{i}\t\t\t\t(thickness 0.15)\n"
            f"{i}\t\t\t)\n{i}\t\t)\n{i}\t)"
        )
    lines.append(f"{i}\t(attr smd)")
    lines.append(
        f'{i}\t(fp_text user "${{REFERENCE}}"\n{i}\t\t(at 0 0 0)\n{i}\t\t(layer "F.Fab")\n'
        f"{i}\t\t(effects\n{i}\t\t\t(font\n{i}\t\t\t\t(size 0.4 0.4)\n{i}\t\t\t\t(thickness 0.06)\n"
        f"{i}\t\t\t)\n{i}\t\t)\n{i}\t)"
    )
    lines.append(
        f'{i}\t(pad "1" smd roundrect\n{i}\t\t(at -0.825 0)\n{i}\t\t(size 0.8 0.95)\n'
        f'{i}\t\t(layers "F.Cu" "F.Paste" "F.Mask")\n{i}\t\t(roundrect_rratio 0.25)\n{i}\t)'
    )
    lines.append(f"{i})")
    return "\n".join(lines) + "\n"


def make_kicad_pcb(block: str = "", items: str = "", properties=()) -> str:
    """A KiCad 8 board, as pcbnew saves it (board-level properties come after setup)."""
    own = "".join(f"\t(property {q(name)} {q(value)})\n" for name, value in properties)
    return (
        '(kicad_pcb\n\t(version 20240108)\n\t(generator "pcbnew")\n\t(generator_version "8.0")\n'
        "\t(general\n\t\t(thickness 1.6)\n\t\t(legacy_teardrops no)\n\t)\n"
        f'\t(paper "A4")\n{block}'
        '\t(layers\n\t\t(0 "F.Cu" signal)\n\t\t(31 "B.Cu" signal)\n\t\t(36 "B.SilkS" user "B.Silkscreen")\n'
        '\t\t(37 "F.SilkS" user "F.Silkscreen")\n\t\t(44 "Edge.Cuts" user)\n\t\t(49 "F.Fab" user)\n\t)\n'
        "\t(setup\n\t\t(pad_to_mask_clearance 0)\n\t\t(allow_soldermask_bridges_in_footprints no)\n\t)\n"
        f'{own}\t(net 0 "")\n{items})\n'
    )


def make_kicad5_pcb(company: str, comment: str, silk: str) -> str:
    """A KiCad 5 board (format 20171130): unquoted atoms where KiCad 5 left them bare."""
    return (
        "(kicad_pcb (version 20171130) (host pcbnew 5.1.6)\n\n  (general\n    (thickness 1.6)\n"
        "    (drawings 1)\n    (tracks 0)\n    (zones 0)\n    (modules 0)\n    (nets 1)\n  )\n\n"
        '  (page A4)\n  (title_block\n    (title "LAN tap")\n    (date 2020-07-27)\n'
        f"    (company {q(company)})\n    (comment 1 {q(comment)})\n  )\n\n"
        "  (layers\n    (0 F.Cu signal)\n    (31 B.Cu signal)\n    (36 B.SilkS user)\n    (37 F.SilkS user)\n"
        "  )\n\n  (setup\n    (last_trace_width 0.25)\n    (trace_clearance 0.2)\n"
        "    (zone_clearance 0.508)\n"
        "    (zone_45_only no)\n    (trace_min 0.2)\n    (via_size 0.8)\n    (via_drill 0.4)\n"
        "    (via_min_size 0.4)\n    (via_min_drill 0.3)\n    (uvia_size 0.3)\n    (uvia_drill 0.1)\n"
        "    (uvias_allowed no)\n    (uvia_min_size 0.2)\n    (uvia_min_drill 0.1)\n"
        "    (edge_width 0.05)\n    (segment_width 0.2)\n    (pcb_text_width 0.3)\n"
        "    (pcb_text_size 1.5 1.5)\n    (mod_edge_width 0.12)\n    (mod_text_size 1 1)\n"
        "    (mod_text_width 0.15)\n    (pad_size 1.524 1.524)\n    (pad_drill 0.762)\n"
        "    (pad_to_mask_clearance 0.051)\n    (solder_mask_min_width 0.25)\n    (aux_axis_origin 0 0)\n"
        '    (visible_elements FFFFFF7F)\n  )\n\n  (net 0 "")\n\n'
        f"  (gr_text {silk} (at 146.4564 89.154 225) (layer B.SilkS) (tstamp 5F1F688D)\n"
        "    (effects (font (size 1.5 1.5) (thickness 0.3)) (justify mirror))\n  )\n\n)\n"
    )


def make_symbol_lib(properties) -> str:
    props = "".join(
        f"\t\t(property {q(name)} {q(value)}\n\t\t\t(at 0 0 0)\n\t\t\t(effects\n\t\t\t\t(font\n"
        "\t\t\t\t\t(size 1.27 1.27)\n\t\t\t\t)\n\t\t\t\t(hide yes)\n\t\t\t)\n\t\t)\n"
        for name, value in (("Reference", "U"), ("Value", "Sensor"), *properties)
    )
    return (
        '(kicad_symbol_lib\n\t(version 20231120)\n\t(generator "kicad_symbol_editor")\n'
        '\t(generator_version "8.0")\n\t(symbol "Sensor"\n\t\t(exclude_from_sim no)\n\t\t(in_bom yes)\n'
        f'\t\t(on_board yes)\n{props}\t\t(symbol "Sensor_0_1"\n\t\t\t(rectangle\n\t\t\t\t(start -5 5)\n'
        "\t\t\t\t(end 5 -5)\n\t\t\t\t(stroke\n\t\t\t\t\t(width 0.254)\n\t\t\t\t\t(type default)\n\t\t\t\t)\n"
        "\t\t\t\t(fill\n\t\t\t\t\t(type background)\n\t\t\t\t)\n\t\t\t)\n\t\t)\n\t)\n)\n"
    )


def make_wks(texts) -> str:
    items = "".join(
        f'\t(tbtext {q(text)}\n\t\t(name "")\n\t\t(pos 109 {4 + 4 * n})\n\t)\n'
        for n, text in enumerate(texts)
    )
    return (
        '(kicad_wks\n\t(version 20231118)\n\t(generator "pl_editor")\n\t(generator_version "8.0")\n'
        "\t(setup\n\t\t(textsize 1.5 1.5)\n\t\t(linewidth 0.15)\n\t\t(textlinewidth 0.15)\n"
        "\t\t(left_margin 10)\n\t\t(right_margin 10)\n\t\t(top_margin 10)\n\t\t(bottom_margin 10)\n\t)\n"
        f'\t(rect\n\t\t(name "")\n\t\t(start 110 34)\n\t\t(end 2 2)\n\t)\n{items})\n'
    )


def make_project(variables: dict) -> str:
    """A .kicad_pro as KiCad 8 writes it (only the parts that matter here)."""
    document = {
        "board": {"design_settings": {"defaults": {}}},
        "meta": {"filename": "board.kicad_pro", "version": 1},
        "sheets": [[UUID, "Root"]],
        "text_variables": variables,
    }
    return json.dumps(document, indent=2) + "\n"


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())


def run(root: Path, files: dict[str, str | bytes], target: str):
    write(root, files)
    return extract(Source(target, (root / target).read_bytes(), root))


def run_data(text: str | bytes, name: str = "board.kicad_pcb"):
    data = text.encode() if isinstance(text, str) else text
    return extract(Source(name, data, Path("/nonexistent")))


def licenses(evidence):
    return [(e.line, e.expression, e.raw, e.detail) for e in evidence if e.is_license]


def copyrights(evidence):
    return [(e.line, e.copyright, e.detail) for e in evidence if e.copyright]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# -- the fixtures are files KiCad opens ----------------------------------------------------------


def test_fixtures_parse_with_kiutils(tmp_path):
    pytest.importorskip("kiutils")
    from kiutils.board import Board
    from kiutils.footprint import Footprint
    from kiutils.schematic import Schematic
    from kiutils.symbol import SymbolLib
    from kiutils.wks import WorkSheet

    comments = {1: 'x "quoted" y', 2: "SPDX-License-Identifier: MIT"}
    block = title_block("Plant", "Shenzhen Maker Team", comments)
    files = {
        "a.kicad_sch": make_kicad_sch(block, sch_text("Note")),
        "b.kicad_pcb": make_kicad_pcb(block, footprint("R1") + gr_text("${LICENSE}")),
        "c.kicad_pcb": make_kicad5_pcb(
            "Copyright (c) 2020 Example", "Licensed under the CERN-OHL-P v2", "hi"
        ),
        "d.kicad_mod": footprint("REF**", indent=""),
        "e.kicad_sym": make_symbol_lib([("License", "CERN-OHL-W-2.0")]),
        "f.kicad_wks": make_wks(["Copyright 2024 Example Labs"]),
    }
    write(tmp_path, files)
    sch = Schematic.from_file(str(tmp_path / "a.kicad_sch"))
    assert sch.titleBlock.company == "Shenzhen Maker Team"
    assert sch.titleBlock.comments == comments
    board = Board.from_file(str(tmp_path / "b.kicad_pcb"))
    assert [fp.properties["Reference"] for fp in board.footprints] == ["R1"]
    assert [t.text for t in board.graphicItems if hasattr(t, "text")] == ["${LICENSE}"]
    assert Board.from_file(str(tmp_path / "c.kicad_pcb")).titleBlock.comments == {
        1: "Licensed under the CERN-OHL-P v2"
    }
    assert Footprint.from_file(str(tmp_path / "d.kicad_mod")).description == "Resistor SMD 0603"
    symbol = SymbolLib.from_file(str(tmp_path / "e.kicad_sym")).symbols[0]
    assert {p.key: p.value for p in symbol.properties}["License"] == "CERN-OHL-W-2.0"
    assert WorkSheet.from_file(str(tmp_path / "f.kicad_wks")).drawingObjects


# -- title blocks ------------------------------------------------------------------------------------


def test_title_block_spdx_tag_in_a_comment():
    text = make_kicad_sch(title_block("Plant", comments={2: "SPDX-License-Identifier: CERN-OHL-S-2.0"}))
    found = run_data(text, "plant.kicad_sch")
    assert licenses(found) == [
        (line_of(text, "(comment 2"), "CERN-OHL-S-2.0", "CERN-OHL-S-2.0", "title_block comment 2")
    ]
    assert copyrights(found) == []


def test_title_block_license_sentence_and_designer():
    block = title_block(
        "synth",
        comments={
            3: "Released under CERN Open Hardware Licence Version 2 - Strongly Reciprocal",
            4: "Designed by: Jane Q. Maker",
        },
    )
    text = make_kicad_pcb(block)
    found = run_data(text)
    sentence = "Released under CERN Open Hardware Licence Version 2 - Strongly Reciprocal"
    assert licenses(found) == [
        (line_of(text, "(comment 3"), "CERN-OHL-S-2.0", sentence, "title_block comment 3")
    ]
    assert copyrights(found) == [
        (line_of(text, "(comment 4"), "Jane Q. Maker", "title_block comment 4; designer")
    ]


def test_company_notice_and_bare_company():
    notice = run_data(make_kicad_sch(title_block(company="Copyright (c) 2010-2020 Example Gadgets <a@b.c>")))
    assert [c for _, c, _ in copyrights(notice)] == ["Copyright (c) 2010-2020 Example Gadgets <a@b.c>"]
    bare = run_data(make_kicad_sch(title_block(company="MIT")))
    assert licenses(bare) == []  # a company called MIT is not the MIT license
    assert [(c, d) for _, c, d in copyrights(bare)] == [("MIT", "title_block company")]


def test_empty_title_block_and_no_title_block():
    assert run_data(make_kicad_sch(title_block(comments={1: "", 2: ""}))) == []
    assert run_data(make_kicad_sch()) == []


def test_strings_are_unescaped():
    block = title_block(comments={1: 'Licensed under the "CERN-OHL-W-2.0"\n(c) 2024 Example Labs'})
    found = run_data(make_kicad_sch(block))
    assert [e.expression for e in found if e.is_license] == ["CERN-OHL-W-2.0"]
    assert [e.raw for e in found if e.is_license] == [
        'Licensed under the "CERN-OHL-W-2.0"\n(c) 2024 Example Labs'
    ]
    assert [e.copyright for e in found if e.copyright] == ["(c) 2024 Example Labs"]


# -- text variables ----------------------------------------------------------------------------------


def test_variables_resolve_from_the_project_beside_the_sheet(tmp_path):
    block = title_block("${TITLE}", "${COPYRIGHT}", {1: "${LICENSE}"}, date="${DATE}")
    sheet = make_kicad_sch(block)
    files = {
        "hw/cynthion.kicad_pro": make_project(
            {
                "COPYRIGHT": "Copyright 2019-2024 Example Gadgets",
                "LICENSE": "Licensed under the CERN-OHL-P v2",
                "TITLE": "Cynthion",
                "DATE": "2024-08-27",
            }
        ),
        "hw/aux_port.kicad_sch": sheet,
    }
    found = run(tmp_path, files, "hw/aux_port.kicad_sch")
    via = "text variable {} via cynthion.kicad_pro"
    assert licenses(found) == [
        (
            line_of(sheet, "(comment 1"),
            "CERN-OHL-P-2.0",
            "${LICENSE}",
            f'title_block comment 1; {via.format("LICENSE")} = "Licensed under the CERN-OHL-P v2"',
        )
    ]
    assert copyrights(found) == [
        (
            line_of(sheet, "(company"),
            "Copyright 2019-2024 Example Gadgets",
            f'title_block company; {via.format("COPYRIGHT")} = "Copyright 2019-2024 Example Gadgets"',
        )
    ]


def test_project_with_the_same_stem_is_preferred(tmp_path):
    files = {
        "a.kicad_pro": make_project({"LICENSE": "MIT"}),
        "board.kicad_pro": make_project({"LICENSE": "CERN-OHL-S-2.0"}),
        "board.kicad_pcb": make_kicad_pcb(title_block(comments={1: "${LICENSE}"})),
    }
    found = run(tmp_path, files, "board.kicad_pcb")
    assert [e.expression for e in found] == ["CERN-OHL-S-2.0"]
    assert "via board.kicad_pro" in found[0].detail


def test_unresolved_variable_gives_nothing(tmp_path):
    files = {
        "board.kicad_pcb": make_kicad_pcb(title_block(comments={1: "${LICENSE}"}), gr_text("${LICENSE}"))
    }
    assert run(tmp_path, files, "board.kicad_pcb") == []
    files["board.kicad_pro"] = b"\x00 not json"  # an unreadable project is passed over
    assert run(tmp_path, files, "board.kicad_pcb") == []


def test_silkscreen_text_with_project_variables(tmp_path):
    board = make_kicad_pcb(title_block("Plant"), footprint("R1") + gr_text("${LICENSE} ${SOURCE_URL}"))
    files = {
        "board.kicad_pro": make_project({"LICENSE": "CERN-OHL-S-2.0", "SOURCE_URL": "https://example.cn/p"}),
        "board.kicad_pcb": board,
    }
    found = run(tmp_path, files, "board.kicad_pcb")
    assert [(e.line, e.expression, e.raw) for e in found] == [
        (line_of(board, "(gr_text"), "CERN-OHL-S-2.0", "${LICENSE} ${SOURCE_URL}")
    ]
    assert found[0].detail.startswith("gr_text (F.SilkS); text variable LICENSE via board.kicad_pro")
    assert "text variable SOURCE_URL via board.kicad_pro" in found[0].detail


def test_title_block_variables_and_board_properties_in_text(tmp_path):
    block = title_block(comments={2: "Copyright 2025 Example Labs"})
    board = make_kicad_pcb(
        block,
        gr_text("${COMMENT2}", "B.SilkS") + gr_text("${LICENSE}"),
        properties=[("LICENSE", "CERN-OHL-P-2.0")],
    )
    files = {"board.kicad_pcb": board, "board.kicad_pro": make_project({"LICENSE": "MIT"})}
    found = run(tmp_path, files, "board.kicad_pcb")
    assert [(e.line, e.expression, e.detail) for e in found if e.is_license] == [
        (line_of(board, '(property "LICENSE"'), "CERN-OHL-P-2.0", "board property LICENSE"),
        # the board's own variable wins over the project's, as in KiCad
        (line_of(board, '(gr_text "${LICENSE}'), "CERN-OHL-P-2.0",
         'gr_text (F.SilkS); board property LICENSE = "CERN-OHL-P-2.0"'),
    ]  # fmt: skip
    via_title = 'gr_text (B.SilkS); COMMENT2 from title_block comment 2 = "Copyright 2025 Example Labs"'
    assert copyrights(found) == [
        (line_of(board, "(comment 2"), "Copyright 2025 Example Labs", "title_block comment 2"),
        (line_of(board, '(gr_text "${COMMENT2}'), "Copyright 2025 Example Labs", via_title),
    ]


# -- boards, libraries, drawing sheets --------------------------------------------------------------


def test_kicad5_board_with_bare_atoms():
    text = make_kicad5_pcb(
        "Copyright (c) 2010-2020 Example Gadgets <info@example.com>",
        "Licensed under the CERN-OHL-P v2",
        "https://example.com/lan-tap",
    )
    found = run_data(text)
    assert licenses(found) == [
        (
            line_of(text, "(comment 1"),
            "CERN-OHL-P-2.0",
            "Licensed under the CERN-OHL-P v2",
            "title_block comment 1",
        )
    ]
    assert copyrights(found) == [
        (
            line_of(text, "(company"),
            "Copyright (c) 2010-2020 Example Gadgets <info@example.com>",
            "title_block company",
        )
    ]


def test_footprint_properties_on_a_board_and_license_words_in_descr():
    items = footprint("R1", properties=[("License", "CERN-OHL-W-2.0")]) + footprint(
        "R2", descr="Connector, CC-BY-SA-4.0, from the Example library"
    )
    text = make_kicad_pcb("", items)
    found = run_data(text)
    assert [(e.expression, e.detail) for e in found] == [
        ("CERN-OHL-W-2.0", "footprint property License"),
        ("CC-BY-SA-4.0", "footprint descr"),
    ]
    assert found[0].line == line_of(text, '(property "License"')


def test_repeated_footprints_give_evidence_once():
    items = "".join(footprint(f"R{n}", properties=[("License", "CERN-OHL-W-2.0")]) for n in range(5))
    assert len(run_data(make_kicad_pcb("", items))) == 1


def test_library_footprint_with_initial_comments():
    text = "# SPDX-FileCopyrightText: 2025 Li Lei\n# SPDX-License-Identifier: CC-BY-SA-4.0\n" + footprint(
        "REF**", indent=""
    )
    found = run_data(text, "Conn.kicad_mod")
    assert [(e.source, e.line, e.raw) for e in found if e.is_license] == [("header", 2, "CC-BY-SA-4.0")]
    assert [(e.source, e.line, e.copyright) for e in found if e.copyright] == [("header", 1, "2025 Li Lei")]


def test_footprint_with_descr_only_and_kicad5_module():
    assert run_data(footprint("REF**", indent=""), "R.kicad_mod") == []
    module = (
        '(module SOD128 (layer F.Cu) (tedit 5FF38DF3)\n  (descr "SOD-128, released under CC0-1.0")\n'
        "  (attr smd)\n  (fp_text reference REF** (at 0 -2.3) (layer F.SilkS)\n"
        "    (effects (font (size 1 1) (thickness 0.15)))\n  )\n"
        '  (fp_text user "Copyright 2021 Example Parts" (at 0 0) (layer F.Fab)\n'
        "    (effects (font (size 1 1) (thickness 0.15)))\n  )\n)\n"
    )
    found = run_data(module, "SOD128.kicad_mod")
    assert [(e.line, e.expression, e.detail) for e in found if e.is_license] == [(2, "CC0-1.0", "descr")]
    assert copyrights(found) == [(7, "Copyright 2021 Example Parts", "fp_text user (F.Fab)")]


def test_symbol_library_properties():
    text = make_symbol_lib(
        [("License", "CERN-OHL-W-2.0"), ("Licence", "Our own licence"), ("Author", "Li Lei")]
    )
    found = run_data(text, "lib.kicad_sym")
    assert [(e.expression, e.raw, e.detail) for e in found if e.is_license] == [
        ("CERN-OHL-W-2.0", "CERN-OHL-W-2.0", "property License"),
        (None, "Our own licence", "property Licence"),  # unmappable, kept raw for the rules
    ]
    assert copyrights(found) == [(line_of(text, '"Author"'), "Li Lei", "property Author")]
    assert run_data(make_symbol_lib([("Datasheet", "https://example.com/ds.pdf")]), "lib.kicad_sym") == []


def test_drawing_sheet_texts():
    sheet = make_wks(["Copyright 2024 Example Labs", "Licensed under CERN-OHL-S-2.0", "${TITLE}"])
    found = run_data(sheet, "a.kicad_wks")
    assert [(e.copyright or e.expression, e.detail) for e in found] == [
        ("Copyright 2024 Example Labs", "tbtext"),
        ("CERN-OHL-S-2.0", "tbtext"),
    ]


def test_schematic_note_and_hash_comment_line():
    text = "# SPDX-License-Identifier: MIT\n" + make_kicad_sch("", sch_text("Firmware: GPL-3.0-or-later"))
    found = run_data(text, "a.kicad_sch")
    assert [(e.source, e.line, e.raw, e.detail) for e in found] == [
        ("header", 1, "MIT", "SPDX-License-Identifier"),
        ("embedded", line_of(text, "(text "), "Firmware: GPL-3.0-or-later", "text"),
    ]


def test_every_kind_of_text_item():
    board = make_kicad_pcb(
        "",
        '\t(gr_text_box "Licensed under CERN-OHL-S-2.0"\n\t\t(start 0 0)\n\t\t(end 10 5)\n'
        '\t\t(layer "B.SilkS")\n\t)\n'
        '\t(footprint "Logo"\n\t\t(layer "F.Cu")\n'
        '\t\t(fp_text_box "Copyright 2024 Example Labs"\n\t\t\t(start 0 0)\n\t\t\t(end 9 3)\n'
        '\t\t\t(layer "F.SilkS")\n\t\t)\n\t)\n'
        "\t(table\n\t\t(column_count 1)\n\t\t(cells\n"
        '\t\t\t(table_cell "SPDX-License-Identifier: GPL-3.0-or-later"\n\t\t\t\t(start 0 0)\n'
        '\t\t\t\t(end 20 4)\n\t\t\t\t(layer "F.SilkS")\n\t\t\t)\n\t\t)\n\t)\n'
        # not KiCad's keywords, though they start like them
        '\t(gr_texts "MIT")\n\t(text_boxes "MIT")\n\t(properties "License" "MIT")\n\t(descriptions "MIT")\n',
    )
    assert [(e.expression or e.copyright, e.detail) for e in run_data(board)] == [
        ("CERN-OHL-S-2.0", "gr_text_box (B.SilkS)"),
        ("Copyright 2024 Example Labs", "fp_text_box (F.SilkS)"),
        ("GPL-3.0-or-later", "table_cell (F.SilkS)"),
    ]
    sheet = make_kicad_sch(
        "", '\t(text_box "Released under the MIT License"\n\t\t(at 10 10 0)\n\t\t(size 40 5)\n\t)\n'
    )
    assert [(e.expression, e.detail) for e in run_data(sheet, "a.kicad_sch")] == [("MIT", "text_box")]


def test_byte_order_mark_and_comment_lines_before_the_root():
    text = "\ufeff# SPDX-License-Identifier: MIT\n# Copyright 2025 Li Lei\n" + footprint("REF**", indent="")
    found = run_data(text, "R.kicad_mod")
    assert [(e.line, e.raw or e.copyright) for e in found] == [(1, "MIT"), (2, "Copyright 2025 Li Lei")]
    far = "# padding\n" * 10_000 + footprint("REF**", indent="")  # the root form 100 KB down
    with pytest.raises(ExtractError):
        run_data(far, "R.kicad_mod")


INSIDE = '(property "License" "MIT") is how a field looks'


@pytest.mark.parametrize(
    "text",
    [
        make_kicad_sch("", sch_text(INSIDE)),
        make_kicad_pcb("", footprint("R1", descr=INSIDE)),
        make_kicad_pcb("", footprint("R1", properties=[("Note", INSIDE)])),
        make_kicad_pcb("", '\t(fp_text user "' + INSIDE.replace('"', '\\"') + '")\n'),
    ],
)
def test_a_form_inside_a_string_is_not_read(text):
    assert run_data(text) == []


# -- errors, safety, speed ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello",
        b"version https://git-lfs.github.com/spec/v1\noid sha256:00\n",
        b"(kicad_foo)",
        b"\xff\xfe(\x00",
    ],
)
def test_not_a_kicad_file(data):
    with pytest.raises(ExtractError):
        run_data(data)


VALID = [
    make_kicad_sch(title_block("T", "C", {1: "Licensed under MIT"}), sch_text("Copyright 2020 X")),
    make_kicad_pcb(title_block(comments={1: "${LICENSE}"}), footprint("R1") + gr_text("CC-BY-4.0")),
    make_kicad5_pcb("Copyright 2020 X", "GPL-2.0-or-later", "x"),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=2000),
    prefix=st.sampled_from([b"", b"(kicad_pcb ", b"# x\n(footprint ", b"(module "]),
)
def test_random_bytes_never_crash(data, prefix):
    with contextlib.suppress(ExtractError):
        run_data(prefix + data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.sampled_from(range(len(VALID))),
    at=st.floats(0, 1),
    cut=st.integers(0, 40),
    insert=st.binary(max_size=40),
)
def test_mutated_fixtures_never_crash(which, at, cut, insert):
    data = VALID[which].encode()
    pos = int(at * len(data))
    started = time.perf_counter()
    with contextlib.suppress(ExtractError):
        run_data(data[:pos] + insert + data[pos + cut :])
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize(
    "body",
    [
        b'(fp_text "' + b'(fp_text \\"' * 100_000,  # an unterminated string holding many openings
        b'(gr_text "Copyright 2020 Example" ' * 100_000,  # text items nested and never closed
        b"(text " * 200_000,  # forms nested deeper than anything is read
        b'(descr "a")' * 100_000,
        b"#" * 1_000_000,
        b"\n#" * 300_000,
    ],
)
def test_hostile_files_are_read_in_linear_time(body):
    started = time.perf_counter()
    run_data(b"(kicad_pcb (version 20240108)\n" + body)
    assert time.perf_counter() - started < 3


def test_large_board_is_scanned_to_its_end(tmp_path):
    footprints = "".join(footprint(f"R{n}") for n in range(3000))  # about 3 MB
    board = make_kicad_pcb(title_block(comments={1: "CERN-OHL-S-2.0"}), footprints + gr_text("${LICENSE}"))
    files = {"big.kicad_pcb": board, "big.kicad_pro": make_project({"LICENSE": "CERN-OHL-S-2.0"})}
    started = time.perf_counter()
    found = run(tmp_path, files, "big.kicad_pcb")
    assert time.perf_counter() - started < 2
    assert [(e.line, e.expression) for e in found] == [
        (line_of(board, "(comment 1"), "CERN-OHL-S-2.0"),
        (line_of(board, '(gr_text "${LICENSE}'), "CERN-OHL-S-2.0"),
    ]


def test_a_long_text_item_is_read_only_as_far_as_needed():
    cache = "\t\t(render_cache " + "(polygon (pts (xy 1 2) (xy 3 4)))" * (FORM_LIMIT // 16) + ")\n"
    item = gr_text("Copyright 2025 Example Labs").replace("\t)\n", cache + "\t)\n", 1)
    found = run_data(make_kicad_pcb("", item + gr_text("Licensed under the MIT License")))
    assert [e.copyright or e.expression for e in found] == ["Copyright 2025 Example Labs", "MIT"]


# REUSE-IgnoreEnd
