# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""The format table: every file format licensecheck knows, as data.

Each row names a format id, its comment style (a name of `comments.STYLES`), a
human description and the extensions and exact file names that select it.
`classify` reads this table; adding a format is adding a row (and, only when
its extension is shared with another format, a sniffer in classify.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    id: str  # short kebab-case id: "kicad-pcb", "gerber", "c"
    category: str  # "software" | "hardware" | "documentation" | "data" | "other"
    comment: str  # a style name of licensecheck.comments.STYLES
    binary: bool = False  # never decode as text (images, ZIP containers, binary STL ...)
    description: str = ""  # human name: "KiCad 6+ PCB"


_SW, _HW, _DOC, _DATA, _OTHER = "software", "hardware", "documentation", "data", "other"
_BIN = "binary"  # in the comment column: a binary format (comment style "none")

# Protel/Altium layer names, Eagle CAM names and numbered inner, mechanical and plane layers.
_GERBER_EXTENSIONS = (
    ".gbr .ger .pho .art .gtl .gbl .gto .gbo .gts .gbs .gtp .gbp .gko .gml .gpt .gpb .gdl .gd1 .gg1"
    " .cmp .sol .stc .sts .plc .pls .crc .crs" + "".join(f" .g{n} .gm{n} .gp{n}" for n in range(1, 33))
)

# One row per format: id, comment style (or _BIN), description, then the patterns that select
# it: tokens starting with "." are extensions (".tar.gz" and ".gitignore" included), other tokens
# are exact file names. All lower case. An extension listed by two rows must have a sniffer.
_ROWS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    _SW: (
        ("c", "c", "C source or header", ".c .h"),
        ("cpp", "c", "C++ source or header", ".cpp .hpp .cc .cxx .hh .hxx .c++ .h++ .ipp .tpp .inl"),
        ("arduino", "c", "Arduino sketch", ".ino .pde"),
        ("objective-c", "c", "Objective-C source", ".mm .m"),
        ("python", "python", "Python (MicroPython, FreeCAD macros, waf)", ".py .pyi .pyw .fcmacro wscript"),
        ("cython", "python", "Cython source", ".pyx .pxd"),
        ("jupyter", "none", "Jupyter notebook", ".ipynb"),
        ("rust", "c", "Rust source", ".rs"),
        ("go", "c", "Go source", ".go"),
        ("go-mod", "c", "Go module file", "go.mod go.work"),
        ("javascript", "c", "JavaScript source", ".js .mjs .cjs .jsx"),
        ("typescript", "c", "TypeScript source", ".ts .tsx .mts .cts"),
        ("web-component", "html", "Vue or Svelte single-file component", ".vue .svelte"),
        ("css", "c-block", "CSS stylesheet", ".css"),
        ("scss", "c", "Sass/SCSS/Less stylesheet", ".scss .sass .less"),
        ("shell", "hash", "Shell script", ".sh .bash .zsh .ksh .fish .envrc .bashrc .zshrc .profile"),
        ("powershell", "hash", "PowerShell script", ".ps1 .psm1 .psd1"),
        ("batch", "bat", "Windows batch file", ".bat .cmd"),
        ("cmake", "hash", "CMake script", "cmakelists.txt .cmake"),
        ("make", "hash", "Makefile", "makefile gnumakefile .mk .mak .make"),
        ("meson", "hash", "Meson build file", "meson.build meson_options.txt meson.options"),
        ("scons", "python", "SCons build script", "sconstruct sconscript"),
        ("bazel", "hash", "Bazel/Starlark build file", "build workspace .bazel .bzl .bazelrc"),
        ("kconfig", "hash", "Kconfig menu source", "kconfig"),
        ("defconfig", "hash", "Kconfig configuration (Linux, U-Boot, Buildroot defconfig)", "defconfig"),
        # Microcontroller firmware builds: the files that say a folder is built into one image.
        ("esp-idf-config", "hash", "ESP-IDF project configuration (sdkconfig)", "sdkconfig"),
        ("zephyr-config", "hash", "Zephyr application configuration", "prj.conf"),
        (
            "firmware-cmake",
            "hash",
            "CMake file of an ESP-IDF, Zephyr or Pico SDK build",
            "pico_sdk_import.cmake",
        ),
        ("linker-script", "c-block", "Linker script", ".ld .lds"),
        ("scatter-file", "semicolon", "Arm linker scatter file (Keil MDK)", ".sct .scat"),
        ("iar-linker-config", "c", "IAR linker configuration", ".icf"),
        ("keil-project", "none", "Keil MDK (µVision) project", ".uvprojx .uvproj .uvoptx .uvopt .uvmpw"),
        ("iar-project", "none", "IAR Embedded Workbench project", ".ewp .eww .ewd"),
        ("mounriver-project", "none", "MounRiver Studio project (WCH RISC-V)", ".wvproj"),
        ("segger-project", "none", "SEGGER Embedded Studio project", ".emproject"),
        ("atmel-studio-project", "none", "Microchip (Atmel) Studio project", ".cproj"),
        ("stm32cubemx", "hash", "STM32CubeMX configuration", ".ioc"),
        ("idf-component-cmake", "hash", "CMake file of an ESP-IDF component", ""),  # a CMakeLists.txt
        ("device-tree", "c", "Device tree source or overlay", ".dts .dtsi .dtso .overlay"),
        ("gnu-assembly", "c", "Assembler source (GNU as)", ".s .sx"),
        ("assembly", "semicolon", "Assembler source (NASM, MASM, 8051, Z80)", ".asm .a51 .nasm .z80"),
        ("platformio", "semicolon-hash", "PlatformIO project", "platformio.ini"),
        ("arduino-library", "hash", "Arduino library properties", "library.properties"),
        ("platformio-library", "none", "PlatformIO library manifest", "library.json"),
        ("idf-component", "hash", "ESP-IDF component manifest", "idf_component.yml"),
        ("npm-package", "none", "npm package manifest", "package.json"),
        ("pyproject", "hash", "Python project manifest", "pyproject.toml"),
        ("cargo-manifest", "hash", "Cargo manifest", "cargo.toml"),
        ("pip-requirements", "hash", "pip requirements", "requirements.txt"),
        ("java", "c", "Java source", ".java"),
        ("kotlin", "c", "Kotlin source", ".kt .kts"),
        ("groovy", "c", "Groovy or Gradle script", ".groovy .gradle jenkinsfile"),
        ("csharp", "c", "C# source", ".cs .csx"),
        ("visual-basic", "apostrophe", "Visual Basic source", ".vb .vbs .bas"),
        ("lua", "lua", "Lua source", ".lua"),
        ("perl", "hash", "Perl source", ".pl .pm"),
        ("ruby", "hash", "Ruby source", ".rb .rake .gemspec rakefile gemfile vagrantfile"),
        ("php", "c", "PHP source", ".php"),
        ("swift", "c", "Swift source", ".swift"),
        ("zig", "c", "Zig source", ".zig"),
        ("nim", "hash", "Nim source", ".nim .nims .nimble"),
        ("julia", "hash", "Julia source", ".jl"),
        ("r", "hash", "R source", ".r"),
        ("matlab", "percent", "MATLAB/Octave source", ".m"),
        ("haskell", "haskell", "Haskell source", ".hs"),
        ("ocaml", "ml", "OCaml source", ".ml .mli"),
        ("erlang", "erlang", "Erlang source", ".erl .hrl"),
        ("elixir", "hash", "Elixir source", ".ex .exs"),
        ("clojure", "clojure", "Clojure source", ".clj .cljs .cljc .edn"),
        ("lisp", "semicolon", "Lisp or Scheme source", ".lisp .lsp .el .scm .rkt"),
        ("fortran", "fortran", "Fortran source", ".f .f90 .f95 .f03 .f08 .for"),
        ("pascal", "ml", "Pascal source", ".pas .lpr .dpr"),
        ("ada", "dash", "Ada source", ".adb .ads"),
        ("sql", "dash", "SQL script", ".sql"),
        ("dart", "c", "Dart source", ".dart"),
        ("solidity", "c", "Solidity source", ".sol"),
        ("protobuf", "c", "Protocol Buffers definition", ".proto"),
        ("m4", "m4", "m4 / Autoconf source", ".m4 .ac"),
        ("awk", "hash", "AWK script", ".awk"),
        ("vim", "vim", "Vim script", ".vim"),
        ("nix", "hash", "Nix expression", ".nix"),
        ("qmake", "hash", "Qt qmake project", ".pro .pri .prf"),
        ("dockerfile", "hash", "Dockerfile", "dockerfile containerfile .dockerfile"),
        ("jinja", "jinja", "Jinja template", ".j2 .jinja .jinja2"),
        ("tcl", "hash", "Tcl script", ".tcl .tk"),
        ("gettext", "hash", "Gettext translation catalog", ".po .pot"),
        ("firmware-image", _BIN, "Firmware image", ".bin .uf2 .elf .dfu .hex .ihex .ihx .srec .s19"),
        ("object-code", _BIN, "Compiled object code or library", ".o .a .so .dll .dylib .pyc .exe"),
    ),
    _HW: (
        # HDL describes hardware even though it reads like code; its licences are hardware licences.
        ("verilog", "c", "Verilog source", ".v .vh .verilog"),
        ("systemverilog", "c", "SystemVerilog source", ".sv .svh"),
        ("vhdl", "vhdl", "VHDL source", ".vhd .vhdl"),
        # Plain Scala is software, but in maker and open-silicon repositories .scala files are
        # Chisel or SpinalHDL generators; misfiling the rare application is the cheaper error.
        ("scala", "c", "Scala (Chisel/SpinalHDL hardware generator)", ".scala"),
        ("xdc", "hash", "Xilinx design constraints", ".xdc"),
        ("sdc", "hash", "Synopsys design constraints (also Microchip .pdc)", ".sdc .pdc"),
        ("pcf", "hash", "iCE40 physical constraints", ".pcf"),
        ("lpf", "hash", "Lattice preference file", ".lpf"),
        ("qsf", "hash", "Quartus settings or project file", ".qsf .qpf"),
        ("ucf", "hash", "Xilinx user constraints (ISE)", ".ucf"),
        ("cst", "c", "Gowin physical constraints", ".cst"),
        ("fpga-bitstream", _BIN, "FPGA bitstream or programming file", ".bit .bitstream .sof .rbf .jed"),
        ("lef-def", "hash", "LEF/DEF physical design", ".lef .def"),
        ("liberty", "c-block", "Liberty timing library", ".liberty .lib"),
        ("gdsii", _BIN, "GDSII/OASIS chip layout", ".gds .gds2 .gdsii .oas"),
        ("spice", "spice", "SPICE netlist or model library", ".cir .sp .spice .ckt .net .lib"),
        ("ltspice-sch", "none", "LTspice schematic", ".asc"),
        ("kicad-sch", "kicad", "KiCad 6+ schematic", ".kicad_sch"),
        ("kicad-pcb", "kicad", "KiCad PCB (s-expression)", ".kicad_pcb"),
        ("kicad-sym", "kicad", "KiCad 6+ symbol library", ".kicad_sym"),
        ("kicad-mod", "kicad", "KiCad footprint", ".kicad_mod"),
        ("kicad-pro", "none", "KiCad 6+ project (JSON)", ".kicad_pro"),
        ("kicad-prl", "none", "KiCad 6+ project local settings (JSON)", ".kicad_prl"),
        ("kicad-wks", "kicad", "KiCad drawing sheet", ".kicad_wks"),
        ("kicad-dru", "kicad", "KiCad custom design rules", ".kicad_dru"),
        ("kicad-jobset", "none", "KiCad jobset (JSON)", ".kicad_jobset"),
        ("kicad-lib-table", "kicad", "KiCad library table", "fp-lib-table sym-lib-table"),
        ("kicad-legacy-sch", "none", "KiCad legacy schematic (EESchema)", ".sch"),
        ("kicad-legacy-lib", "hash", "KiCad legacy symbol library", ".lib"),
        ("kicad-legacy-dcm", "hash", "KiCad legacy symbol documentation", ".dcm"),
        ("kicad-legacy-pcb", "hash", "KiCad legacy board (PCBNEW-BOARD)", ".brd"),
        ("kicad-legacy-mod", "hash", "KiCad legacy footprint library", ".mod"),
        ("kicad-legacy-pro", "hash", "KiCad legacy project", ".pro"),
        ("kicad-legacy-cmp", "none", "KiCad legacy component-footprint list", ".cmp"),
        ("kicad-netlist", "none", "KiCad netlist", ".net"),
        ("eagle-sch", "html", "Eagle/Fusion Electronics schematic (XML)", ".sch"),
        ("eagle-brd", "html", "Eagle/Fusion Electronics board (XML)", ".brd"),
        ("eagle-lbr", "html", "Eagle/Fusion Electronics library (XML)", ".lbr"),
        ("schematic", "none", "Schematic of another or unrecognised EDA tool", ".sch"),
        ("pcb-layout", "none", "Board layout of another or unrecognised EDA tool", ".brd"),
        ("geda", "none", "gEDA/Lepton schematic or symbol", ".sch .sym"),
        ("xschem", "none", "Xschem schematic or symbol", ".sch .sym"),
        ("gerber", "gerber", "Gerber RS-274X/X2", _GERBER_EXTENSIONS),
        ("gerber-job", "none", "Gerber job file (JSON)", ".gbrjob"),
        # A zip of Gerbers, as EasyEDA and fabs name them ("Gerber_board_V1.0.zip"): told apart
        # from other zips by its name or its first member's (classify).
        ("gerber-archive", _BIN, "Gerber files in a zip (fabrication output)", ""),
        ("excellon", "semicolon", "Excellon drill file", ".drl .xln .exc .drd .txt"),
        ("ipc-2581", "html", "IPC-2581 fabrication data (XML)", ".cvg .xml"),
        ("ipc-d-356", "none", "IPC-D-356 test netlist", ".ipc .d356"),
        ("pick-and-place", "hash", "Pick-and-place / component positions", ".pos .xy .mnt .mnb"),
        ("bom", "none", "Bill of materials", ""),
        ("specctra", "none", "Specctra DSN/SES autorouter file", ".dsn .ses"),
        ("step", "c-block", "STEP (ISO 10303-21)", ".step .stp .p21"),
        ("iges", "none", "IGES", ".igs .iges"),
        ("brep", "none", "OpenCASCADE BREP", ".brep .brp"),
        ("stl", _BIN, "STL mesh", ".stl"),
        ("3mf", _BIN, "3D Manufacturing Format (ZIP)", ".3mf"),
        ("amf", "html", "Additive Manufacturing File (XML)", ".amf"),
        ("obj", "hash", "Wavefront OBJ mesh or MTL material", ".obj .mtl"),
        ("ply", "none", "PLY mesh", ".ply"),
        ("gltf", "none", "glTF 3D scene (JSON)", ".gltf"),
        ("openscad", "c", "OpenSCAD model", ".scad"),
        ("freecad", _BIN, "FreeCAD document (ZIP)", ".fcstd .fcstd1"),
        ("dxf", "dxf", "DXF drawing", ".dxf"),
        ("easyeda", "none", "EasyEDA Standard document (JSON)", ""),
        ("lceda-pro", _BIN, "EasyEDA/LCEDA Pro project or library (ZIP)", ".epro .elibz"),
        ("lceda-pro-doc", "none", "EasyEDA/LCEDA Pro document", ".esch .epcb .esym .efoo"),
        ("fritzing", "html", "Fritzing sketch, part or bin (XML)", ".fz .fzp .fzb"),
        ("fritzing-archive", _BIN, "Fritzing sketch or part bundle (ZIP)", ".fzz .fzpz .fzbz"),
        ("librepcb", "semicolon", "LibrePCB project or library element", ".lp .lpp .lplib"),
        ("librepcb-archive", _BIN, "LibrePCB project archive (ZIP)", ".lppz"),
        ("gcode", "semicolon", "G-code machine program", ".gcode .gco .nc .ngc"),
        ("altium", _BIN, "Altium Designer document", ".schdoc .pcbdoc .schlib .pcblib .intlib"),
        ("altium-project", "semicolon-hash", "Altium Designer project", ".prjpcb"),
        ("fusion360", _BIN, "Autodesk Fusion 360 design", ".f3d .f3z"),
        ("solidworks", _BIN, "SolidWorks part, assembly or drawing", ".sldprt .sldasm .slddrw"),
        ("sketchup", _BIN, "SketchUp model", ".skp"),
        ("rhino", _BIN, "Rhino 3D model", ".3dm"),
        ("blender", _BIN, "Blender scene", ".blend"),
        ("lightburn", "html", "LightBurn laser project (XML)", ".lbrn .lbrn2"),
    ),
    _DOC: (
        ("markdown", "html", "Markdown", ".md .markdown .mdown .mkd .mdx"),
        ("rst", "rst", "reStructuredText", ".rst .rest"),
        ("asciidoc", "asciidoc", "AsciiDoc", ".adoc .asciidoc .asc"),
        ("org", "hash", "Org mode", ".org"),
        (
            "text",
            "none",
            "Plain text",
            ".txt .text readme changelog authors contributors maintainers news"
            " todo install history changes thanks credits",
        ),
        ("license-text", "none", "License text", "license licence copying notice unlicense copyright"),
        ("html", "html", "HTML page", ".html .htm .xhtml"),
        ("tex", "tex", "TeX/LaTeX source", ".tex .sty .cls .ltx"),
        ("bibtex", "tex", "BibTeX bibliography", ".bib"),
        ("man", "man", "Manual page (roff)", ".man " + " ".join(f".{n}" for n in range(1, 10))),
        ("drawio", "html", "draw.io diagram (XML)", ".drawio"),
        ("svg", "html", "SVG drawing", ".svg"),
        ("postscript", "percent", "PostScript / EPS", ".ps .eps"),
        ("pdf", _BIN, "PDF document", ".pdf"),
        ("png", _BIN, "PNG image", ".png"),
        ("jpeg", _BIN, "JPEG image", ".jpg .jpeg"),
        ("gif", _BIN, "GIF image", ".gif"),
        ("bmp", _BIN, "BMP image", ".bmp"),
        ("webp", _BIN, "WebP image", ".webp"),
        ("tiff", _BIN, "TIFF image", ".tif .tiff"),
        ("ico", _BIN, "Icon image", ".ico"),
        ("word", _BIN, "Word document", ".docx .doc"),
        ("odt", _BIN, "OpenDocument text", ".odt .ott"),
        ("presentation", _BIN, "Presentation slides", ".pptx .ppt .odp"),
        ("epub", _BIN, "EPUB e-book", ".epub"),
        ("video", _BIN, "Video", ".mp4 .mov .webm .avi .mkv"),
        ("audio", _BIN, "Audio", ".mp3 .wav .ogg .flac"),
    ),
    _DATA: (
        ("csv", "none", "Comma-separated values", ".csv"),
        ("tsv", "none", "Tab-separated values", ".tsv .tab"),
        ("spreadsheet", _BIN, "Spreadsheet", ".xlsx .xls .ods"),
        ("json", "none", "JSON", ".json .geojson .webmanifest"),
        ("jsonc", "c", "JSON with comments / JSON5", ".jsonc .json5"),
        ("yaml", "hash", "YAML", ".yml .yaml"),
        ("toml", "hash", "TOML", ".toml pipfile"),
        ("xml", "html", "XML", ".xml .xsd .xsl .xslt"),
        (
            "ini",
            "semicolon-hash",
            "INI-style configuration",
            ".ini .cfg .conf .cnf .inf .editorconfig .npmrc .flake8 .pylintrc .coveragerc",
        ),
        ("properties", "hash", "Java-style properties", ".properties"),
        ("dotenv", "hash", "Environment variables file", ".env"),
        ("lockfile", "none", "Dependency lock file", ".lock package-lock.json pnpm-lock.yaml go.sum"),
        ("sqlite", _BIN, "SQLite database", ".db .sqlite .sqlite3"),
        (
            "spdx-document",
            "none",
            "SPDX document",
            ".spdx .spdx.json .spdx.rdf .spdx.yaml .spdx.yml .spdx.xml",
        ),
        ("reuse-toml", "hash", "REUSE.toml annotations", "reuse.toml"),
        ("dep5", "hash", "REUSE dep5 (Debian copyright format)", ""),
    ),
    _OTHER: (
        ("license-sidecar", "none", "REUSE .license sidecar", ".license"),
        ("ignore-file", "hash", "Ignore list", ".gitignore .dockerignore .npmignore .hgignore .eslintignore"),
        ("git-config", "hash", "Git/forge configuration", ".gitattributes .gitmodules .mailmap codeowners"),
        ("archive", _BIN, "Archive", ".zip .tar .gz .tgz .tar.gz .tar.xz .tar.bz2 .7z .rar .xz .bz2 .zst"),
        ("font", _BIN, "Font", ".ttf .otf .woff .woff2"),
        ("backup", "none", "Backup copy", ".bak .orig .kicad_pcb-bak .kicad_sch-bak .sch-bak"),
        # Recognised by content (classify): the HTML report, JSON result and SARIF log it writes.
        ("licensecheck-report", "none", "licensecheck report (HTML, JSON result, SARIF)", ""),
        ("binary", _BIN, "Binary data (unrecognised format)", ""),
    ),
}

FORMATS: dict[str, Format] = {
    fid: Format(fid, category, "none" if comment == _BIN else comment, comment == _BIN, description)
    for category, rows in _ROWS.items()
    for fid, comment, description, _ in rows
}
# The extensions and exact names of each format, for the documentation and the tests.
PATTERNS: dict[str, tuple[str, ...]] = {
    row[0]: tuple(row[3].split()) for rows in _ROWS.values() for row in rows
}

UNKNOWN_TEXT = Format("text", _OTHER, "none", description="Text (unrecognised format)")
UNKNOWN_BINARY = FORMATS["binary"]
