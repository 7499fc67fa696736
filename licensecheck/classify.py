# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Classify: a file's path and first bytes -> its format, category and comment style.

The table of formats lives in formats.py; this module looks names up in it.
Only extensions that two tools share (`.sch`, `.brd`, `.lib`, `.txt`,
`.json`, `.stl`, ...) look at the first bytes; everything else is one dict look-up
on the lower-cased name, because a scan classifies tens of thousands of files.

>>> classify("hw/board.kicad_pcb", b"(kicad_pcb (version 20240108)").id
'kicad-pcb'
>>> classify("gerbers/board.GTS", b"").category
'hardware'
>>> classify("drill/board.TXT", b"M48\\n;DRILL file\\nMETRIC\\n").id
'excellon'
>>> classify("notes", b"plain words").id, classify("blob", b"\\x00\\x01").binary
('text', True)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from licensecheck import textio
from licensecheck.formats import FORMATS, PATTERNS, UNKNOWN_BINARY, UNKNOWN_TEXT, Format

__all__ = [
    "FORMATS",
    "HEAD_SIZE",
    "PATTERNS",
    "UNKNOWN_BINARY",
    "UNKNOWN_TEXT",
    "Format",
    "classify",
    "is_license_file",
    "is_readme",
]

HEAD_SIZE = 4096  # every sniff below decides within this many leading bytes

Sniffer = Callable[[str, bytes], Format]  # (lower-cased file name, head) -> format
Test = Callable[[str, bytes], bool]


@functools.cache
def _variant(fid: str, binary: bool) -> Format:
    """The format with its binary flag set, for families that come both ways (ASCII/binary STL)."""
    base = FORMATS[fid]
    return base if base.binary == binary else replace(base, binary=binary)


def _looks_binary(head: bytes) -> bool:
    # UTF-16 has NUL bytes, with a byte order mark or without one.
    if b"\x00" not in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return textio.utf16_without_bom(head) is None


def _start(head: bytes) -> bytes:
    return head[:512].lstrip(b"\xef\xbb\xbf \t\r\n")


def _starts(*prefixes: bytes) -> Test:
    return lambda name, head: _start(head).startswith(prefixes)


def _has(*needles: bytes) -> Test:
    return lambda name, head: any(needle in head for needle in needles)


def _named(pattern: str) -> Test:
    compiled = re.compile(pattern)
    return lambda name, head: compiled.search(name) is not None


def _binary_head(name: str, head: bytes) -> bool:
    return _looks_binary(head)


def _excellon(name: str, head: bytes) -> bool:
    """Excellon opens with M48, after at most a few `;` comments or a lone `%` (Eagle)."""
    for line in head[:1024].splitlines()[:16]:
        line = line.strip()
        if line.startswith(b"M48"):
            return True
        if line and not line.startswith((b";", b"%")):
            return False
    return False


def _easyeda(name: str, head: bytes) -> bool:
    # EasyEDA Standard documents carry "docType" next to "head" (newer) or "editorVersion" (older).
    return b'"docType"' in head and (b'"head"' in head or b'"editorVersion"' in head)


def _ascii_stl(name: str, head: bytes) -> bool:
    # A binary STL's free 80-byte header may itself start with "solid"; only ASCII has facet text.
    return _start(head).startswith(b"solid") and b"facet" in head and b"\x00" not in head


_GERBER_SUFFIXES = frozenset(PATTERNS["gerber"]) | {".drl", ".xln"}
_ZIP_MEMBERS = 8


def _gerber_zip(name: str, head: bytes) -> bool:
    """A zip of Gerber or drill files (a KiCad plot folder zipped, the zip EasyEDA hands the
    fab): one of its first members, read from the local headers in `head`, has their extension.
    Its name ("Gerber_board_V1.0.zip") decides only when no member can be read: a zip of a
    Gerber viewer's source is called "gerber-viewer-plugin.zip"."""
    names = _first_members(head)
    if names:
        return any("." + member.rpartition(".")[2] in _GERBER_SUFFIXES for member in names)
    return "gerber" in name.lower()


def _first_members(head: bytes) -> list[str]:
    """The names of the members whose local headers lie in `head` (lower-cased), in order: a
    folder entry ("gerber/") or a small text ("How-to-order-PCB.txt") may come first."""
    names: list[str] = []
    at = 0
    while len(names) < _ZIP_MEMBERS and head.startswith(b"PK\x03\x04", at) and at + 30 <= len(head):
        flags = int.from_bytes(head[at + 6 : at + 8], "little")
        size = int.from_bytes(head[at + 18 : at + 22], "little")
        name_length = int.from_bytes(head[at + 26 : at + 28], "little")
        extra_length = int.from_bytes(head[at + 28 : at + 30], "little")
        names.append(head[at + 30 : at + 30 + name_length].decode("utf-8", "replace").lower())
        if flags & 0x08 and size == 0 and not names[-1].endswith("/"):
            break  # the size follows the data (a streamed zip): the next header cannot be found
        at += 30 + name_length + extra_length + size
    return names


def _sniff(*rules: tuple[Test, Format], default: Format | None = None) -> Sniffer:
    """First matching rule wins; else `default` (binary when the head is), else an unknown file."""

    def sniff(name: str, head: bytes) -> Format:
        for test, found in rules:
            if test(name, head):
                return found
        if default is None:
            return _fallback(head)
        return _variant(default.id, True) if _looks_binary(head) else default

    return sniff


_F = FORMATS
_EAGLE = _has(b"<eagle", b"eagle.dtd")
_GERBER = _starts(b"G04", b"%FS", b"%TF", b"%TA", b"%MO", b"%IN", b"%IP", b"G75*")
_OWN_HTML_REPORT = _has(b'<meta name="generator" content="licensecheck ')
_SPICE_TEXT = _has(b".subckt", b".SUBCKT", b".model ", b".MODEL ")
_BOM = r"(?<![a-z])bom|bom(?![a-z])|bill.?of.?materials"
_PNP = r"(?<![a-z])(?:pos|positions?|cpl|pnp|placement)(?![a-z])|centroid|pick.?(?:and|n|&)?.?place"


def _fabrication_table(default: Format) -> Sniffer:
    """BOM and pick-and-place files are spreadsheets that only their name tells apart."""
    binary = default.binary
    return _sniff(
        (_named(_BOM), _variant("bom", binary)),
        (_named(_PNP), _variant("pick-and-place", binary)),
        default=default,
    )


_SNIFFERS: dict[str, Sniffer] = {
    ".sch": _sniff(
        (_starts(b"EESchema Schematic"), _F["kicad-legacy-sch"]),
        (_EAGLE, _F["eagle-sch"]),
        (_starts(b"(kicad_sch"), _F["kicad-sch"]),
        (_starts(b"v {xschem"), _F["xschem"]),
        (_starts(b"v 19", b"v 20"), _F["geda"]),
        default=_F["schematic"],
    ),
    ".brd": _sniff(
        (_starts(b"PCBNEW-BOARD"), _F["kicad-legacy-pcb"]),
        (_EAGLE, _F["eagle-brd"]),
        (_starts(b"(kicad_pcb"), _F["kicad-pcb"]),
        default=_F["pcb-layout"],
    ),
    ".lbr": _sniff((_EAGLE, _F["eagle-lbr"]), (_binary_head, _variant("eagle-lbr", True))),
    ".lib": _sniff(
        (_starts(b"EESchema-LIBRARY"), _F["kicad-legacy-lib"]),
        (_starts(b"!<arch>"), _F["object-code"]),  # a static or MSVC import library
        (_binary_head, _F["object-code"]),
        (_has(b"library (", b"library("), _F["liberty"]),
        (_starts(b"*"), _F["spice"]),
        (_SPICE_TEXT, _F["spice"]),
    ),
    ".net": _sniff(
        (_has(b"(export", b"EESchema Netlist"), _F["kicad-netlist"]),
        (_starts(b"*"), _F["spice"]),
        (_SPICE_TEXT, _F["spice"]),
    ),
    ".mod": _sniff((_starts(b"PCBNEW-LibModule"), _F["kicad-legacy-mod"])),
    ".pro": _sniff(
        (_starts(b"update="), _F["kicad-legacy-pro"]),
        (_has(b"last_client=kicad", b"[eeschema]", b"[pcbnew]", b"[cvpcb]"), _F["kicad-legacy-pro"]),
        default=_F["qmake"],
    ),
    ".cmp": _sniff((_starts(b"Cmp-Mod"), _F["kicad-legacy-cmp"]), (_GERBER, _F["gerber"])),
    ".sol": _sniff((_GERBER, _F["gerber"]), default=_F["solidity"]),
    ".sym": _sniff((_starts(b"v {xschem"), _F["xschem"]), (_starts(b"v 19", b"v 20"), _F["geda"])),
    ".asc": _sniff(
        (_starts(b"Version 4", b"SHEET "), _F["ltspice-sch"]),
        (_has("Version 4".encode("utf-16-le")), _F["ltspice-sch"]),  # LTspice XVII may write UTF-16
        default=_F["asciidoc"],
    ),
    ".def": _sniff((_starts(b"VERSION", b"DESIGN", b"#"), _F["lef-def"])),  # else a Windows .def file
    ".dsn": _sniff((_binary_head, _variant("schematic", True)), default=_F["specctra"]),  # OrCAD vs Specctra
    ".m": _sniff(
        (_has(b"#import", b"@interface", b"@implementation"), _F["objective-c"]), default=_F["matlab"]
    ),
    ".txt": _sniff(
        (_named(r"^requirements"), _F["pip-requirements"]),
        (_excellon, _F["excellon"]),
        (_GERBER, _F["gerber"]),
        default=_F["text"],
    ),
    ".json": _sniff(
        (_starts(b'{"schema": "licensecheck-result/'), _F["licensecheck-report"]),
        (_easyeda, _F["easyeda"]),
        default=_F["json"],
    ),
    # licensecheck's own reports, left in the tree by an earlier run: they quote other files'
    # SPDX tags (examples, findings), which must not be read as their own.
    ".sarif": _sniff((_has(b'"name": "licensecheck"'), _F["licensecheck-report"]), default=_F["json"]),
    ".html": _sniff((_OWN_HTML_REPORT, _F["licensecheck-report"]), default=_F["html"]),
    ".zip": _sniff((_gerber_zip, _F["gerber-archive"]), default=_F["archive"]),
    # Eagle keeps <schematic>/<board> behind ~9 KB of layer definitions: an Eagle .xml reads as a schematic.
    ".xml": _sniff(
        (_has(b"<IPC-2581"), _F["ipc-2581"]),
        (_has(b"fritzingVersion"), _F["fritzing"]),
        (_EAGLE, _F["eagle-sch"]),
        default=_F["xml"],
    ),
    ".stl": _sniff((_ascii_stl, _variant("stl", False)), default=_F["stl"]),
    ".amf": _sniff((_starts(b"PK"), _variant("amf", True)), default=_F["amf"]),  # AMF may be zipped
    ".ply": _sniff((_has(b"format binary"), _variant("ply", True)), default=_F["ply"]),
    ".dxf": _sniff((_starts(b"AutoCAD Binary DXF"), _variant("dxf", True)), default=_F["dxf"]),
    ".obj": _sniff((_binary_head, _F["object-code"]), default=_F["obj"]),  # COFF object vs mesh
    ".nc": _sniff((_binary_head, UNKNOWN_BINARY), default=_F["gcode"]),  # NetCDF vs G-code
    ".jed": _sniff(default=_variant("fpga-bitstream", False)),  # JEDEC fuse maps are ASCII
    **dict.fromkeys(
        (".hex", ".ihex", ".ihx", ".srec", ".s19"), _sniff(default=_variant("firmware-image", False))
    ),
    **{ext: _fabrication_table(_F[fid]) for ext, fid in ((".csv", "csv"), (".tsv", "tsv"), (".tab", "tsv"))},
    **{ext: _fabrication_table(_F["spreadsheet"]) for ext in (".xlsx", ".xls", ".ods")},
}

# A CMakeLists.txt says which SDK builds it: ESP-IDF projects and components, Zephyr and Pico
# SDK applications build microcontroller firmware (their CMake files are the firmware's mark
# when the project keeps no sdkconfig, prj.conf or component manifest).
_FIRMWARE_CMAKE = _has(
    b"$ENV{IDF_PATH}/tools/cmake/project.cmake", b"find_package(Zephyr", b"pico_sdk_init", b"pico_sdk_import"
)
_NAME_SNIFFERS: dict[str, Sniffer] = {
    "cmakelists.txt": _sniff(
        (_FIRMWARE_CMAKE, _F["firmware-cmake"]),
        (_has(b"idf_component_register"), _F["idf-component-cmake"]),
        default=_F["cmake"],
    ),
}

# Names that carry a variable suffix: Kconfig.projbuild, Makefile.am, Dockerfile.dev, sdkconfig.defaults.
_PREFIXES = (
    ("kconfig", "kconfig"),
    ("makefile", "make"),
    ("dockerfile", "dockerfile"),
    ("containerfile", "dockerfile"),
    ("sdkconfig", "esp-idf-config"),  # sdkconfig.defaults, sdkconfig.defaults.esp32s3, sdkconfig.ci
    (".env.", "dotenv"),
)
_SUFFIXES = (("_defconfig", "defconfig"),)

# Interpreters named on a `#!` line, without version digits ("python3.12" -> "python").
_INTERPRETERS = {
    **dict.fromkeys(("python", "pypy", "micropython"), "python"),
    **dict.fromkeys(("sh", "bash", "dash", "zsh", "ksh", "fish"), "shell"),
    **dict.fromkeys(("node", "nodejs", "deno"), "javascript"),
    **dict.fromkeys(("tclsh", "wish"), "tcl"),
    "perl": "perl",
    "ruby": "ruby",
    "lua": "lua",
    "php": "php",
    "pwsh": "powershell",
    "julia": "julia",
    "rscript": "r",
    "make": "make",
}
# Signatures for files whose name says nothing.
_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"\x7fELF", "firmware-image"),
    (b"PK\x03\x04", "archive"),
    (b"\x1f\x8b", "archive"),
    (b"SQLite format 3\x00", "sqlite"),
    (b"ISO-10303-21;", "step"),
    (b"(kicad_pcb", "kicad-pcb"),
    (b"(kicad_sch", "kicad-sch"),
    (b"(kicad_symbol_lib", "kicad-sym"),
)


def _index() -> tuple[dict[str, Format | Sniffer], dict[str, Format]]:
    by_ext: dict[str, Format | Sniffer] = {}
    by_name: dict[str, Format | Sniffer] = {}
    for fid, patterns in PATTERNS.items():
        for pattern in patterns:
            table = by_ext if pattern.startswith(".") else by_name
            claimed = table.get(pattern)
            if claimed is not None and pattern not in _SNIFFERS and pattern not in _NAME_SNIFFERS:
                raise ValueError(f"{pattern!r} is claimed by {claimed.id} and {fid}: add a sniffer")
            table[pattern] = FORMATS[fid]
    by_ext.update(_SNIFFERS)
    by_name.update(_NAME_SNIFFERS)
    return by_ext, by_name


_BY_EXT, _BY_NAME = _index()


def classify(path: str, head: bytes) -> Format:
    """The format of the file at `path` (relative, "/" separators) whose first bytes are `head`."""
    name = path.rpartition("/")[2].lower()
    head = head[:HEAD_SIZE]  # callers may pass more; the answer must not depend on it
    if name.endswith(".license"):
        return FORMATS["license-sidecar"]
    if path == ".reuse/dep5" or path.endswith("/.reuse/dep5"):
        return FORMATS["dep5"]
    if _in_licenses_dir(path) or _is_license_name(name):
        return FORMATS["license-text"]
    found = _BY_NAME.get(name) or _by_extension(name) or _by_affix(name)
    if found is None:
        return _fallback(head)
    return found if isinstance(found, Format) else found(name, head)


def _by_extension(name: str) -> Format | Sniffer | None:
    dot = name.rfind(".")
    if dot < 0:
        return None
    outer = name.rfind(".", 0, dot)
    if outer >= 0 and name[outer:] in _BY_EXT:  # ".spdx.json", ".tar.gz"
        return _BY_EXT[name[outer:]]
    return _BY_EXT.get(name[dot:])


def _by_affix(name: str) -> Format | None:
    for prefix, fid in _PREFIXES:
        if name.startswith(prefix):
            return FORMATS[fid]
    for suffix, fid in _SUFFIXES:
        if name.endswith(suffix):
            return FORMATS[fid]
    return None


def _fallback(head: bytes) -> Format:
    """A file no name rule knows: a `#!` interpreter, a signature, else text or binary."""
    if head.startswith(b"#!"):
        interpreter = _interpreter(head[2 : head.find(b"\n") if b"\n" in head else 256])
        if interpreter in _INTERPRETERS:
            return FORMATS[_INTERPRETERS[interpreter]]
    for magic, fid in _MAGIC:
        if head.startswith(magic):
            return FORMATS[fid]
    return UNKNOWN_BINARY if _looks_binary(head) else UNKNOWN_TEXT


def _interpreter(line: bytes) -> str:
    words = line.decode("latin-1").split()
    if words and words[0].rpartition("/")[2] == "env":
        words = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
    program = words[0].rpartition("/")[2] if words else ""
    return program.rstrip("0123456789.").lower()


# LICENSE, LICENCE.md, COPYING.LESSER, LICENSE-MIT, MIT-LICENSE.txt, THIRD_PARTY_LICENSES, NOTICE ...
_LICENSE_NAME = re.compile(
    r"(?:licen[cs]es?|copying|notices?|unlicense|copyright|copyleft)(?:[-_.][^/]*)?|[^/]*[-_.]licen[cs]es?"
)
_LICENSE_TEXT_EXTENSIONS = frozenset(
    (".txt", ".text", ".md", ".markdown", ".rst", ".html", ".htm", ".adoc", ".asciidoc", ".org")
)
_NOT_LICENSE_EXTENSIONS = frozenset(
    ext
    for fid, patterns in PATTERNS.items()
    if FORMATS[fid].category != "documentation" or FORMATS[fid].binary
    for ext in patterns
    if ext.startswith(".") and ext not in _LICENSE_TEXT_EXTENSIONS
) - {".lib"}  # COPYING.LIB is the LGPL's traditional name


@lru_cache(maxsize=65536)
def is_license_file(path: str) -> bool:
    """A license text by REUSE's and the forges' conventions.

    >>> [is_license_file(p) for p in ("COPYING.LESSER", "LICENSES/MIT.txt", "src/license.py")]
    [True, True, False]
    """
    return _in_licenses_dir(path) or _is_license_name(path.rpartition("/")[2].lower())


# Names that are not READMEs though they start with "readme": a module, a script.
_CODE_EXTENSIONS = frozenset(
    re.findall(
        r"\w+",
        "py pyc pyi c h cc cpp cxx hpp hh ino js mjs ts rs go java kt rb pl pm sh bash ps1 bat lua php cs"
        " swift m mm scad v sv vhd vhdl tcl json yaml yml toml xml",
    )
)


def is_readme(path: str) -> bool:
    """README, README.md, readme.txt, README.zh-CN.md, README-hardware.md: not readme.py."""
    lowered = path.rpartition("/")[2].lower()
    return lowered.startswith("readme") and lowered.rpartition(".")[2] not in _CODE_EXTENSIONS


def _in_licenses_dir(path: str) -> bool:
    # Case-sensitive on purpose: a lower-case licenses/ folder is ordinary content (data, code).
    return (path.startswith("LICENSES/") or "/LICENSES/" in path) and not path.endswith(".license")


def _is_license_name(name: str) -> bool:
    # Three substring tests keep the regular expression off nearly every file.
    if not ("licen" in name or "copy" in name or "notice" in name) or name.endswith(".license"):
        return False
    dot = name.rfind(".")
    if dot > 0 and name[dot:] in _NOT_LICENSE_EXTENSIONS:
        return False
    if dot > 0 and name[dot:] in _LICENSE_TEXT_EXTENSIONS:
        name = name[:dot]
    return _LICENSE_NAME.fullmatch(name) is not None
