# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""Builders for the hostile-input tests: one small valid file per extractor, zip
archives written byte by byte (so a test can lie in them), XML attacks, and a
command-line run in a child process that reports its peak memory and bytes read."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import textwrap
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from licensecheck.extract import REGISTRY, Source, extractor_for

# --- zip archives ---------------------------------------------------------------------


def make_zip(members: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@dataclass(frozen=True)
class RawMember:
    """One entry of a zip written by hand: what it claims and the bytes it carries."""

    name: str
    payload: bytes  # compressed bytes as stored
    size: int  # declared inflated size
    crc: int
    method: int = zipfile.ZIP_DEFLATED


@cache
def deflated_zeros(size: int) -> tuple[bytes, int]:
    """Raw deflate of `size` zero bytes and their CRC, built once per size."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    parts, crc = [], 0
    for _ in range(size >> 20):
        parts.append(squeeze.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    tail = bytes(size & ((1 << 20) - 1))
    parts += [squeeze.compress(tail), squeeze.flush()]
    return b"".join(parts), zlib.crc32(tail, crc)


def bomb_member(name: str, size: int, declared: int | None = None) -> RawMember:
    payload, crc = deflated_zeros(size)
    return RawMember(name, payload, size if declared is None else declared, crc)


def raw_zip(members: list[RawMember]) -> bytes:
    """A zip archive whose headers say exactly what `members` claim, true or not."""
    body, directory = bytearray(), bytearray()
    for member in members:
        name = member.name.encode()
        sizes = (member.crc, len(member.payload), member.size)
        offset = len(body)
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, member.method, 0, 0, *sizes, len(name), 0)
        body += name + member.payload
        directory += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, member.method, 0, 0, *sizes, len(name), 0, 0, 0, 0, 0,
            offset,
        )  # fmt: skip
        directory += name
    count = min(len(members), 0xFFFF)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(body), 0)
    return bytes(body + directory + end)


def directory_only_zip(entries: int) -> bytes:
    """A central directory of `entries` empty stored members and nothing else (zipfile reads it)."""
    records = b"".join(
        struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0)
        + b"%08d" % i
        for i in range(entries)
    )
    count = min(entries, 0xFFFF)
    return records + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(records), 0, 0)


# --- XML attacks ------------------------------------------------------------------------

SECRET = "licensecheck-secret-7f3a"  # written into a file an external entity names
LAUGHS_DTD = (
    '<!DOCTYPE r [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


def entity_dtd(system_id: str) -> str:
    return f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{system_id}">]>'


def parameter_entity_dtd(system_id: str) -> str:
    return f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{system_id}"> %p;]>'


# --- one valid file per extractor ----------------------------------------------------------

EAGLE = """<?xml version="1.0" encoding="utf-8"?>
{dtd}<eagle version="9.6.2"><drawing><settings><setting alwaysvectorfont="no"/></settings>
<layers><layer number="1" name="Top" color="4" fill="1" visible="yes" active="yes"/></layers>
<{kind}><description>{text}</description>
<plain><text x="0" y="0" size="1.778" layer="21">SPDX-License-Identifier: CERN-OHL-S-2.0</text></plain>
</{kind}></drawing></eagle>
"""
SVG = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}<svg xmlns="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" width="10" height="10">
<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->
<metadata><rdf:RDF><cc:Work rdf:about="">
<cc:license rdf:resource="http://creativecommons.org/licenses/by-sa/4.0/"/>
<dc:creator><cc:Agent><dc:title>{text}</dc:title></cc:Agent></dc:creator>
</cc:Work></rdf:RDF></metadata><path d="M0 0L10 10"/></svg>
"""
FRITZING_PART = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}<module fritzingVersion="0.9.3" moduleId="ResistorModuleID"><title>Resistor</title>
<author>{text}</author><description>Released under the MIT license.</description>
<properties><property name="license">CC-BY-SA-4.0</property></properties></module>
"""
FRITZING_SKETCH = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}<module fritzingVersion="0.9.3"><project_properties>
<project_property name="license" value="CERN-OHL-P-2.0"/></project_properties>
<instances><instance moduleIdRef="NoteModuleID" modelIndex="1" path=":/resources/parts/core/note.fzp">
<title>Note1</title><text>{text}</text></instance></instances></module>
"""
THREEMF_MODEL = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}<model unit="millimeter" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">
<metadata name="Title">Case</metadata><metadata name="Designer">{text}</metadata>
<metadata name="LicenseTerms">CC-BY-4.0</metadata>
<resources><object id="1" type="model"><mesh><vertices><vertex x="0" y="0" z="0"/></vertices>
<triangles/></mesh></object></resources><build><item objectid="1"/></build></model>
"""
THREEMF_RELS = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Target="/3D/3dmodel.model" Id="rel0"
 Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/></Relationships>
"""
AMF = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}<amf unit="millimeter"><metadata type="name">Bracket</metadata>
<metadata type="license">CERN-OHL-W-2.0</metadata><metadata type="author">{text}</metadata>
<object id="0"><mesh><vertices><vertex><coordinates><x>0</x><y>0</y><z>0</z></coordinates></vertex>
</vertices></mesh></object></amf>
"""
FREECAD_DOCUMENT = """<?xml version='1.0' encoding='utf-8'?>
{dtd}<Document SchemaVersion="4" ProgramVersion="0.21" FileVersion="1"><Properties Count="3">
<Property name="CreatedBy" type="App::PropertyString"><String value="{text}"/></Property>
<Property name="License" type="App::PropertyString"><String value="CC-BY-SA-4.0"/></Property>
<Property name="LicenseURL" type="App::PropertyString">
<String value="https://creativecommons.org/licenses/by-sa/4.0/"/></Property>
</Properties><Objects Count="0"/><ObjectData Count="0"/></Document>
"""
DEFAULT_TEXT = "Jane Maker"


def eagle(kind: str = "schematic", dtd: str = "", text: str = "Released under the MIT license") -> bytes:
    return EAGLE.format(kind=kind, dtd=dtd, text=text).encode()


def svg(dtd: str = "", text: str = DEFAULT_TEXT) -> bytes:
    return SVG.format(dtd=dtd, text=text).encode()


def fritzing_part(dtd: str = "", text: str = DEFAULT_TEXT) -> bytes:
    return FRITZING_PART.format(dtd=dtd, text=text).encode()


def fritzing_sketch(dtd: str = "", text: str = "Licensed under CERN-OHL-P-2.0") -> bytes:
    return FRITZING_SKETCH.format(dtd=dtd, text=text).encode()


def threemf(
    dtd: str = "", text: str = DEFAULT_TEXT, rels_dtd: str = "", extra: dict[str, bytes] | None = None
) -> bytes:
    return make_zip(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "_rels/.rels": THREEMF_RELS.format(dtd=rels_dtd),
            "3D/3dmodel.model": THREEMF_MODEL.format(dtd=dtd, text=text),
            **(extra or {}),
        }
    )


def amf(dtd: str = "", text: str = DEFAULT_TEXT) -> bytes:
    return AMF.format(dtd=dtd, text=text).encode()


def freecad(dtd: str = "", text: str = DEFAULT_TEXT, extra: dict[str, bytes] | None = None) -> bytes:
    return make_zip({"Document.xml": FREECAD_DOCUMENT.format(dtd=dtd, text=text), **(extra or {})})


def fzz(dtd: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    return make_zip(
        {
            "sketch.fz": fritzing_sketch(dtd),
            "part.fzp": fritzing_part(dtd),
            "LICENSE": b"MIT License\n",
            **(extra or {}),
        }
    )


def epro(extra: dict[str, bytes] | None = None) -> bytes:
    project = {"name": "plant", "config": {"license": "CERN-OHL-S-2.0", "author": DEFAULT_TEXT}}
    return make_zip({"project.json": json.dumps(project), "SHEET/1/1.esch": EPRO_DOCUMENT, **(extra or {})})


EPRO_DOCUMENT = (
    b'["DOCTYPE","SCH","1.1"]\n["HEAD",{"originX":0,"originY":0,"version":"2"}]\n'
    b'["ATTR","e3","e1","License","CERN-OHL-S-2.0",null,null,null,null,null,"st1",0]\n'
    b'["TEXT","e5",0,0,0,"SPDX-License-Identifier: MIT","st1",0]\n'
)
LIBREPCB_METADATA = """(librepcb_project_metadata fcb53008-22fe-4aa8-bb70-96cf242dd318
 (name "can2usb")
 (author "Jane Maker")
 (version "v1")
 (created 2019-11-28T19:57:31Z)
 (attribute "LICENSE" (type string) (unit none) (value "CERN-OHL-S-2.0"))
)
"""
LIBREPCB_SYMBOL = """(librepcb_symbol 11e1f693-0777-48e4-b3bd-b451f3c929b3
 (name "L-EU")
 (description "Inductor. SPDX-License-Identifier: CC0-1.0")
 (keywords "inductor")
 (author "Jane Maker")
 (version "0.1")
 (created 2015-03-01T20:00:00Z)
 (deprecated false)
)
"""
EASYEDA = json.dumps(
    {
        "editorVersion": "6.5.50",
        "docType": "1",
        "head": {"docType": "1", "editorVersion": "6.5.50", "c_para": {"License": "CERN-OHL-W-2.0"}},
        "canvas": "CA~1000~1000~#FFFFFF~yes~#CCCCCC~5~1000~1000~line~5~pixel~5~0~0",
        "shape": [
            "T~L~100~100~0~#000000~~8pt~~~~comment~SPDX-License-Identifier: MIT~1~start~gge1~0~pinpart"
        ],
    }
).encode()
GERBER = (
    b"%TF.GenerationSoftware,KiCad,Pcbnew,8.0.0*%\n%TF.FileFunction,Copper,L1,Top*%\n"
    b"%TFLicense,CERN-OHL-S-2.0*%\nG04 SPDX-FileCopyrightText: 2025 Jane Maker*\n%FSLAX46Y46*%\n%MOMM*%\n"
    b"%LPD*%\nG01*\n%ADD10C,0.250000*%\nD10*\nX100000000Y-80000000D02*\nX100000000Y-90000000D01*\nM02*\n"
)
GERBER_JOB = json.dumps(
    {
        "Header": {"GenerationSoftware": {"Vendor": "KiCad"}, "CreationDate": "2025-03-01T10:00:00"},
        "GeneralSpecs": {"ProjectId": {"Name": "plant"}, "License": "CERN-OHL-S-2.0", "Author": DEFAULT_TEXT},
    },
    indent=2,
).encode()
EXCELLON = (
    b"M48\n; SPDX-License-Identifier: CERN-OHL-S-2.0\n; Copyright 2025 Jane Maker\nFMAT,2\nMETRIC\n"
    b"T1C0.400\n%\nG90\nG05\nT1\nX131.319Y-82.169\nM30\n"
)
STEP = (
    b"ISO-10303-21;\n/* SPDX-License-Identifier: CERN-OHL-S-2.0 */\nHEADER;\n"
    b"FILE_DESCRIPTION(('Enclosure lid'),'2;1');\n"
    b"FILE_NAME('lid.step','2025-03-01T10:00:00',('Jane Maker'),('Maker Team'),'','FreeCAD','');\n"
    b"FILE_SCHEMA(('AUTOMOTIVE_DESIGN'));\nENDSEC;\nDATA;\n#1=CARTESIAN_POINT('',(0.,0.,0.));\nENDSEC;\n"
    b"END-ISO-10303-21;\n"
)
IGES_LINES = [
    ("SPDX-License-Identifier: CERN-OHL-W-2.0", "S", 1),
    ("1H,,1H;,7Hbracket,11Hbracket.igs,7HCADTOOL,3H1.0,32,38,6,308,15,7Hbracket,1.0,2,2HMM,1,0.01,", "G", 1),
    ("15H20250301.100000,0.001,100.0,10HJane Maker,10HMaker Team,11,0,15H20250301.100000;", "G", 2),
    ("     110       1       0       0       0       0       0       000000000", "D", 1),
    ("     110       0       0       1       0                               0", "D", 2),
    ("110,0.,0.,0.,1.,1.,1.;", "P", 1),
    ("S      1G      2D      2P      1", "T", 1),
]
IGES = "".join(f"{text:<72}{section}{number:7d}\n" for text, section, number in IGES_LINES).encode()
DXF = (
    b"999\nSPDX-License-Identifier: CC-BY-4.0\n0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1018\n"
    b"9\n$CUSTOMPROPERTYTAG\n1\nLicense\n9\n$CUSTOMPROPERTY\n1\nCC-BY-4.0\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n"
    b"0\nLINE\n8\n0\n10\n0.0\n20\n0.0\n30\n0.0\n11\n1.0\n21\n1.0\n31\n0.0\n0\nENDSEC\n0\nEOF\n"
)
KICAD_BLOCK = (
    '\t(title_block\n\t\t(title "Plant controller")\n\t\t(company "Jane Maker")\n'
    '\t\t(comment 1 "SPDX-License-Identifier: CERN-OHL-S-2.0")\n\t)\n'
)
KICAD = {
    "kicad-sch": '(kicad_sch\n\t(version 20231120)\n\t(generator "eeschema")\n\t(paper "A4")\n'
    + KICAD_BLOCK
    + "\t(lib_symbols)\n)\n",
    "kicad-pcb": '(kicad_pcb\n\t(version 20240108)\n\t(generator "pcbnew")\n'
    '\t(general\n\t\t(thickness 1.6)\n\t)\n\t(paper "A4")\n'
    + KICAD_BLOCK
    + '\t(layers\n\t\t(0 "F.Cu" signal)\n\t)\n)\n',
    "kicad-sym": '(kicad_symbol_lib\n\t(version 20231120)\n\t(generator "kicad_symbol_editor")\n'
    '\t(symbol "Sensor"\n\t\t(property "Reference" "U"\n\t\t\t(at 0 0 0)\n\t\t)\n'
    '\t\t(property "License" "CERN-OHL-P-2.0"\n\t\t\t(at 0 0 0)\n\t\t)\n\t)\n)\n',
    "kicad-mod": '(footprint "R_0603"\n\t(version 20240108)\n\t(generator "pcbnew")\n\t(layer "F.Cu")\n'
    '\t(descr "Resistor. SPDX-License-Identifier: CC-BY-SA-4.0")\n'
    '\t(property "License" "CC-BY-SA-4.0"\n\t\t(at 0 0 0)\n\t\t(layer "F.Fab")\n\t)\n)\n',
    "kicad-wks": '(kicad_wks\n\t(version 20231118)\n\t(generator "pl_editor")\n'
    "\t(setup\n\t\t(textsize 1.5 1.5)\n\t)\n"
    '\t(tbtext "SPDX-License-Identifier: CERN-OHL-S-2.0"\n\t\t(name "")\n\t\t(pos 1 1)\n\t)\n)\n',
}
KICAD_PRO = json.dumps(
    {
        "meta": {"filename": "plant.kicad_pro", "version": 1},
        "text_variables": {"LICENSE": "CERN-OHL-S-2.0", "COPYRIGHT": "2025 Jane Maker"},
    },
    indent=2,
).encode()
LEGACY_DESCR = (
    'Title "Plant"\nDate "2020-01-01"\nRev "1"\nComp "Jane Maker"\n'
    'Comment1 "SPDX-License-Identifier: CERN-OHL-S-2.0"\nComment2 ""\nComment3 ""\nComment4 ""\n'
)
KICAD_LEGACY = {
    "kicad-legacy-sch": "EESchema Schematic File Version 4\nEELAYER 30 0\nEELAYER END\n"
    "$Descr A4 11693 8268\nencoding utf-8\nSheet 1 1\n" + LEGACY_DESCR + "$EndDescr\n$EndSCHEMATC\n",
    "kicad-legacy-lib": "EESchema-LIBRARY Version 2.4\n#encoding utf-8\n"
    "# SPDX-License-Identifier: CC-BY-SA-4.0\n"
    '#\n# R\n#\nDEF R R 0 0 N Y 1 F N\nF0 "R" 80 0 50 V V C CNN\nF1 "R" 0 0 50 V V C CNN\n'
    "DRAW\nS -40 -100 40 100 0 1 10 N\nENDDRAW\nENDDEF\n#\n#End Library\n",
    "kicad-legacy-dcm": "EESchema-DOCLIB  Version 2.0\n#\n$CMP R\n"
    "D Resistor. SPDX-License-Identifier: CC0-1.0\n"
    "$ENDCMP\n#\n#End Doc Library\n",
    "kicad-legacy-pcb": "PCBNEW-BOARD Version 1 date Sat 10 Sep 2011\n\n"
    "$GENERAL\nencoding utf-8\n$EndGENERAL\n\n"
    "$SHEETDESCR\nSheet A4 11693 8268\n" + LEGACY_DESCR + "$EndSHEETDESCR\n\n$EndBOARD\n",
    "kicad-legacy-mod": "PCBNEW-LibModule-V1  Sun 23 Oct 2011\n# encoding utf-8\n"
    "# SPDX-License-Identifier: CC-BY-SA-4.0\n$INDEX\nSOD128\n$EndINDEX\n$EndLIBRARY\n",
    "kicad-legacy-pro": "update=22/05/2015 07:44:53\nversion=1\nlast_client=kicad\n"
    "[general]\nversion=1\nRootSch=\nBoardNm=\n[text_variables]\nLICENSE=CERN-OHL-S-2.0\n",
}
STL_ASCII = (
    b"solid SPDX-License-Identifier: CC-BY-4.0\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n"
    b"   vertex 1 0 0\n   vertex 0 1 0\n  endloop\n endfacet\nendsolid\n"
)
OBJ = (
    b"# SPDX-License-Identifier: CC-BY-4.0\n# Copyright 2025 Jane Maker\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"
)


LEGACY_NAMES = ("plant.sch", "parts.lib", "parts.dcm", "plant.brd", "parts.mod", "plant.pro")


def librepcb_archive(extra: dict[str, bytes] | None = None) -> bytes:
    return make_zip(
        {
            "can2usb/project/metadata.lp": LIBREPCB_METADATA,
            "can2usb/LICENSE.txt": "CC0 1.0 Universal\n\nStatement of purpose.\n",
            **(extra or {}),
        }
    )


# format id -> (file name, bytes): every REGISTRY entry has one
FIXTURES: dict[str, tuple[str, bytes]] = {
    "stl": ("case.stl", STL_ASCII),
    "obj": ("case.obj", OBJ),
    "3mf": ("case.3mf", threemf()),
    "amf": ("bracket.amf", amf()),
    "freecad": ("lid.FCStd", freecad()),
    "eagle-sch": ("board.sch", eagle("schematic")),
    "eagle-brd": ("board.brd", eagle("board")),
    "eagle-lbr": ("parts.lbr", eagle("library")),
    "fritzing": ("resistor.fzp", fritzing_part()),
    "fritzing-archive": ("sketch.fzz", fzz()),
    "librepcb": ("symbol.lp", LIBREPCB_SYMBOL.encode()),
    "librepcb-archive": ("can2usb.lppz", librepcb_archive()),
    "easyeda": ("sheet.json", EASYEDA),
    "lceda-pro": ("plant.epro", epro()),
    "lceda-pro-doc": ("sheet.esch", EPRO_DOCUMENT),
    "gerber": ("board-F_Cu.gbr", GERBER),
    "gerber-job": ("board-job.gbrjob", GERBER_JOB),
    "excellon": ("board.drl", EXCELLON),
    "step": ("lid.step", STEP),
    "iges": ("bracket.igs", IGES),
    "dxf": ("outline.dxf", DXF),
    "svg": ("logo.svg", svg()),
    **{fid: (f"plant.{fid.replace('-', '_')}", text.encode()) for fid, text in KICAD.items()},
    "kicad-pro": ("plant.kicad_pro", KICAD_PRO),
    **{
        fid: (name, text.encode())
        for (fid, text), name in zip(KICAD_LEGACY.items(), LEGACY_NAMES, strict=True)
    },
}
assert set(FIXTURES) == set(REGISTRY), set(REGISTRY) ^ set(FIXTURES)


def run_extractor(format_id: str, data: bytes, root: Path = Path("/nonexistent"), path: str | None = None):
    """What the extractor of `format_id` makes of `data`; ExtractError passes through."""
    name = path or FIXTURES[format_id][0]
    return extractor_for(format_id)(Source(name, data, root, len(data)))


# --- a user who may not read or write everything -----------------------------------------


def unprivileged() -> dict | None:
    """subprocess arguments that run a child without the power to read every file, or None.

    Root reads through chmod 000, so the child runs as the user 'nobody' when it can
    start this Python interpreter; else it stays root but drops, before exec, the two
    capabilities that bypass file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH).
    """
    if os.geteuid() != 0:
        return {}
    import pwd

    try:
        entry = pwd.getpwnam("nobody")
        as_nobody = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        if subprocess.run([sys.executable, "-c", "pass"], **as_nobody, check=False).returncode == 0:
            return {**as_nobody, "env": {"HOME": "/nonexistent"}}
    except (KeyError, OSError):
        pass
    return {"preexec_fn": _drop_file_capabilities} if _can_drop_capabilities() else None


_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 24, 1, 2


def _drop_file_capabilities() -> None:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _can_drop_capabilities() -> bool:
    try:
        probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_file_capabilities)
        return probe.returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.fixture
def shared_tmp():
    """A folder every user may enter (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="licensecheck-hostile-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):  # give back what a test locked, so it can be removed
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


# --- the command line in a child process ------------------------------------------------

_DRIVER = textwrap.dedent(
    """
    import json, os, resource, sys

    def _stats(path=sys.argv[1]):
        io = dict(line.split(": ") for line in open("/proc/self/io").read().splitlines())
        # VmHWM, not ru_maxrss: the latter starts from the RSS of the process that forked this one.
        status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines())
        with open(path, "w") as out:
            json.dump({
                "peak_kb": int(status["VmHWM"].split()[0]),
                "workers_peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                "read_bytes": int(io["rchar"]),
            }, out)

    # The console script ends with os._exit, which runs no atexit handler; so do forked
    # workers, whose statistics are not the scan's.
    real_exit, scan_pid = os._exit, os.getpid()

    def _exit(code):
        if os.getpid() == scan_pid:
            _stats()
        real_exit(code)

    os._exit = _exit
    sys.argv = ["licensecheck", *sys.argv[2:]]
    from cli import run
    run()
    """
)


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    peak_mb: float  # the scan process's peak resident memory
    workers_peak_mb: float  # the largest worker's
    read_mb: float  # bytes the scan process read through read() calls


def run_cli(*args: str, timeout: float = 120, cwd: Path | None = None, **popen) -> Run:
    """`licensecheck ARGS` in a child process, with its peak memory and bytes read."""
    stats = Path(os.environ.get("TMPDIR", "/tmp")) / f"licensecheck-stats-{os.getpid()}-{id(args)}.json"
    stats.unlink(missing_ok=True)
    env = {**os.environ, **popen.pop("env", {})}
    done = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(stats), *args],
        capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env, **popen,
    )  # fmt: skip
    try:
        measured = json.loads(stats.read_text())
    except (OSError, ValueError):
        measured = {"peak_kb": 0, "workers_peak_kb": 0, "read_bytes": 0}
    finally:
        stats.unlink(missing_ok=True)
    mb = 1024 * 1024
    return Run(
        done.returncode, done.stdout, done.stderr,
        measured["peak_kb"] / 1024, measured["workers_peak_kb"] / 1024, measured["read_bytes"] / mb,
    )  # fmt: skip


def tree_digest(root: Path) -> dict[str, tuple]:
    """Every entry below root (symlinks not followed): type, mode, size, mtime, content hash."""
    import hashlib

    found = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder, name)
            info = path.lstat()
            content = None
            if path.is_file() and not path.is_symlink() and os.access(path, os.R_OK):
                content = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_symlink():
                content = os.readlink(path)
            found[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns, content)
    return found


def assert_mutation_harmless(run, text: bytes, position: int, noise: bytes, seconds: float = 1.0) -> None:
    """`noise` written over `text` at `position` (wrapped): the extractor `run` raises nothing
    but ExtractError and finishes within `seconds`."""
    import contextlib
    import time

    from licensecheck.extract import ExtractError

    position %= len(text)
    start = time.perf_counter()
    with contextlib.suppress(ExtractError):
        run(text[:position] + noise + text[position + len(noise) :])
    assert time.perf_counter() - start < seconds
