# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the text below mentions SPDX tags as examples, not as this file's own.
"""classify: real file names and real first bytes -> format, category, binary flag."""

from __future__ import annotations

import doctest
import re
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licensecheck import classify as classify_module
from licensecheck import formats
from licensecheck.classify import FORMATS, HEAD_SIZE, PATTERNS, Format, classify, is_license_file
from licensecheck.comments import STYLES
from licensecheck.model import CATEGORIES

# --- heads as the tools write them ------------------------------------------------------------------

KICAD_SCH = b'(kicad_sch (version 20231120) (generator "eeschema")\n  (paper "A4")\n  (title_block\n'
KICAD_PCB = b'(kicad_pcb (version 20240108) (generator "pcbnew")\n  (general\n    (thickness 1.6)\n'
KICAD5_PCB = b"(kicad_pcb (version 20171130) (host pcbnew 5.1.6)\n\n  (general\n"
KICAD_LEGACY_SCH = b"EESchema Schematic File Version 4\nEELAYER 30 0\nEELAYER END\n$Descr A4 11693 8268\n"
KICAD_LEGACY_LIB = b"EESchema-LIBRARY Version 2.4\n#encoding utf-8\n#\n# Connector_RJ45\n#\n"
KICAD_LEGACY_BRD = b"PCBNEW-BOARD Version 1 date Sat 10 Sep 2011 08:43:46 PM MDT\n\n# Created by Pcbnew\n"
KICAD_LEGACY_MOD = b"PCBNEW-LibModule-V1  Sun 23 Oct 2011 10:33:50 PM MDT\n# encoding utf-8\n$INDEX\n"
KICAD_LEGACY_PRO = b"update=Tue 28 Jul 2020 11:21:02 AM MDT\nversion=1\nlast_client=kicad\n[cvpcb]\n"
EAGLE = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE eagle SYSTEM "eagle.dtd">\n'
    b'<eagle version="9.6.2">\n<drawing>\n<settings>\n<setting alwaysvectorfont="no"/>\n'
)
GERBER_X2 = (
    b"%TF.GenerationSoftware,KiCad,Pcbnew,8.0.4*%\n%TF.CreationDate,2025-03-01T10:00:00+08:00*%\n"
    b"%TF.ProjectId,smart-plant,5f3c2a1e-9b7d-4c1a-8e2f-0a1b2c3d4e5f,rev1.2*%\n"
    b"%TF.FileFunction,Copper,L1,Top*%\n%TF.FilePolarity,Positive*%\n%FSLAX46Y46*%\n"
    b"G04 Gerber Fmt 4.6, Leading zero omitted, Abs format (unit mm)*\n%MOMM*%\n"
)
GERBER_EAGLE = b"G75*\n%MOIN*%\n%OFA0B0*%\n%FSLAX25Y25*%\n%IPPOS*%\n%LPD*%\n"
EXCELLON = (
    b"M48\n; DRILL file {KiCad 8.0.4} date 2025-03-01T10:00:00+0800\n"
    b"; FORMAT={-:-/ absolute / metric / decimal}\n; #@! TF.FileFunction,Plated,1,2,PTH\nFMAT,2\nMETRIC\n"
)
EXCELLON_EAGLE = b"%\nM48\nM72\nT01C0.0120\nT02C0.0200\n%\n"
STEP = b"ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('Enclosure lid'),'2;1');\n"
STL_ASCII = b"solid cube\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 1\n"
# A binary STL whose free 80-byte header begins with "solid", as OpenSCAD-era exporters wrote it.
STL_BINARY_SOLID = b"solid OpenSCAD_Model".ljust(80, b" ") + struct.pack("<I12fH", 1, *([0.0] * 12), 0)
STL_BINARY = b"Exported from FreeCAD".ljust(80, b"\x00") + struct.pack("<I12fH", 1, *([1.5] * 12), 0)
EASYEDA = b'{\n  "head": {\n    "docType": "1",\n    "editorVersion": "6.5.22",\n    "title": "Sheet_1",\n'
EASYEDA_OLD = b'{\n  "editorVersion": "6.5.50",\n  "docType": "5",\n  "title": "Open Dosimeter [rev 1]",\n'
QMAKE = b"QT += core gui widgets\nTARGET = serialmonitor\nTEMPLATE = app\nSOURCES += main.cpp\n"
GO_MOD = b"module github.com/maker/plantd\n\ngo 1.22\n\nrequire go.bug.st/serial v1.6.2\n"
IPC_2581 = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<IPC-2581 revision="C" xmlns="http://webstds.ipc.org/2581">\n'
)
FRITZING_PART = b'<?xml version="1.0" encoding="UTF-8"?>\n<module fritzingVersion="0.1.1201" moduleId="R">\n'
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
INTEL_HEX = b":100000000C9434000C9446000C9446000C944600A6\n:00000001FF\n"

CASES = [
    # software
    ("firmware/src/main.c", b"// SPDX-License-Identifier: MIT\n#include <stdio.h>\n", "c", "software"),
    ("firmware/include/board.h", b"#pragma once\n", "c", "software"),
    ("lib/Driver/src/Driver.cpp", b'#include "Driver.h"\n', "cpp", "software"),
    ("lib/Driver/src/Driver.hpp", b"", "cpp", "software"),
    ("src/a.cc", b"", "cpp", "software"),
    ("src/a.cxx", b"", "cpp", "software"),
    ("src/a.hh", b"", "cpp", "software"),
    ("Blink/Blink.ino", b"void setup() {\n  pinMode(LED_BUILTIN, OUTPUT);\n}\n", "arduino", "software"),
    ("old/Sketch.pde", b"void setup() {}\n", "arduino", "software"),
    ("tools/gen_bom.py", b"#!/usr/bin/env python3\n", "python", "software"),
    ("typings/machine.pyi", b"", "python", "software"),
    ("micropython/boot.py", b"import machine\n", "python", "software"),
    ("micropython/main.py", b"", "python", "software"),
    ("macros/ExportStep.FCMacro", b"import FreeCAD\n", "python", "software"),
    ("src/lib.rs", b"", "rust", "software"),
    ("cmd/plantd/main.go", b"package main\n", "go", "software"),
    ("go.mod", GO_MOD, "go-mod", "software"),
    ("web/app.js", b"", "javascript", "software"),
    ("web/app.mjs", b"", "javascript", "software"),
    ("web/app.cjs", b"", "javascript", "software"),
    ("web/App.jsx", b"", "javascript", "software"),
    ("web/app.ts", b"", "typescript", "software"),
    ("web/App.tsx", b"", "typescript", "software"),
    ("web/style.css", b"", "css", "software"),
    ("web/style.scss", b"", "scss", "software"),
    ("scripts/flash.sh", b"#!/bin/sh\n", "shell", "software"),
    ("scripts/env.bash", b"", "shell", "software"),
    ("scripts/env.zsh", b"", "shell", "software"),
    ("scripts/env.fish", b"", "shell", "software"),
    ("scripts/install.ps1", b"", "powershell", "software"),
    ("scripts/build.bat", b"@echo off\n", "batch", "software"),
    ("CMakeLists.txt", b"cmake_minimum_required(VERSION 3.16)\n", "cmake", "software"),
    ("cmake/arm-none-eabi.cmake", b"", "cmake", "software"),
    ("Makefile", b"all:\n\t$(CC) -o app main.c\n", "make", "software"),
    ("GNUmakefile", b"", "make", "software"),
    ("mk/rules.mk", b"", "make", "software"),
    ("Makefile.am", b"", "make", "software"),
    ("main/Kconfig", b'menu "Plant"\n', "kconfig", "software"),
    ("main/Kconfig.projbuild", b"", "kconfig", "software"),
    ("configs/defconfig", b"CONFIG_FOO=y\n", "defconfig", "software"),
    ("configs/stm32f4_disco_defconfig", b"", "defconfig", "software"),
    ("sdkconfig", b"# Automatically generated file. DO NOT EDIT.\n", "esp-idf-config", "software"),
    ("sdkconfig.defaults", b"", "esp-idf-config", "software"),
    ("prj.conf", b"CONFIG_GPIO=y\n", "zephyr-config", "software"),
    ("sdkconfig.defaults.esp32s3", b"CONFIG_ESP32S3_SPIRAM_SUPPORT=y\n", "esp-idf-config", "software"),
    (
        "CMakeLists.txt",
        b"cmake_minimum_required(VERSION 3.16)\n"
        b"include($ENV{IDF_PATH}/tools/cmake/project.cmake)\nproject(blink)\n",
        "firmware-cmake",
        "software",
    ),
    (
        "main/CMakeLists.txt",
        b'idf_component_register(SRCS "blink_example_main.c"\n                       INCLUDE_DIRS ".")\n',
        "idf-component-cmake",
        "software",
    ),
    (
        "app/CMakeLists.txt",
        b"cmake_minimum_required(VERSION 3.20.0)\nfind_package(Zephyr REQUIRED HINTS $ENV{ZEPHYR_BASE})\n",
        "firmware-cmake",
        "software",
    ),
    (
        "CMakeLists.txt",
        b"cmake_minimum_required(VERSION 3.13)\ninclude(pico_sdk_import.cmake)\nproject(blink C CXX ASM)\n",
        "firmware-cmake",
        "software",
    ),
    (
        "pico_sdk_import.cmake",
        b"# This is a copy of <PICO_SDK_PATH>/external/pico_sdk_import.cmake\n",
        "firmware-cmake",
        "software",
    ),
    (
        "Project/LED.uvprojx",
        b'<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n<Project xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n',
        "keil-project",
        "software",
    ),
    (
        "MDK-ARM/blink.uvoptx",
        b'<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n',
        "keil-project",
        "software",
    ),
    (
        "Project/LED.uvproj",
        b'<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n',
        "keil-project",
        "software",
    ),
    (
        "Objects/LED.sct",
        b"; *************************************************************\n"
        b"; *** Scatter-Loading Description File generated by uVision ***\n",
        "scatter-file",
        "software",
    ),
    (
        "EWARM/blink.ewp",
        b'<?xml version="1.0" encoding="UTF-8"?>\n<project>\n    <fileVersion>3</fileVersion>\n',
        "iar-project",
        "software",
    ),
    (
        "EWARM/stm32f411xe_flash.icf",
        b"/*###ICF### Section handled by ICF editor, don't touch! ****/\n",
        "iar-linker-config",
        "software",
    ),
    (
        "blink.ioc",
        b"#MicroXplorer Configuration settings - do not modify\nMcu.Family=STM32F4\n",
        "stm32cubemx",
        "software",
    ),
    ("CH32V003.wvproj", b"", "mounriver-project", "software"),
    (
        "blink.emProject",
        b'<!DOCTYPE CrossStudio_Project_File>\n<solution Name="blink" version="2">\n',
        "segger-project",
        "software",
    ),
    (
        "blink/blink.cproj",
        b'<?xml version="1.0" encoding="utf-8"?>\n<Project DefaultTargets="Build">\n',
        "atmel-studio-project",
        "software",
    ),
    ("linker/STM32F411.ld", b"MEMORY\n{\n", "linker-script", "software"),
    ("linker/app.lds", b"", "linker-script", "software"),
    ("boards/plant.dts", b"/dts-v1/;\n", "device-tree", "software"),
    ("boards/common.dtsi", b"", "device-tree", "software"),
    ("boards/nrf52840dk.overlay", b"", "device-tree", "software"),
    ("startup/startup_stm32.s", b"  .syntax unified\n", "gnu-assembly", "software"),
    ("startup/crt0.S", b"", "gnu-assembly", "software"),
    ("boot/loader.asm", b"; boot sector\n", "assembly", "software"),
    (
        "platformio.ini",
        b"; PlatformIO Project Configuration File\n[env:esp32dev]\n",
        "platformio",
        "software",
    ),
    ("library.properties", b"name=PlantSensor\nversion=1.2.0\n", "arduino-library", "software"),
    ("library.json", b'{ "name": "PlantSensor", "license": "MIT" }', "platformio-library", "software"),
    ("main/idf_component.yml", b"dependencies:\n", "idf-component", "software"),
    ("package.json", b'{"name": "ui"}', "npm-package", "software"),
    ("pyproject.toml", b"[project]\n", "pyproject", "software"),
    ("Cargo.toml", b"[package]\n", "cargo-manifest", "software"),
    ("requirements-dev.txt", b"pytest\n", "pip-requirements", "software"),
    ("app/src/Main.java", b"", "java", "software"),
    ("app/src/Main.kt", b"", "kotlin", "software"),
    ("tool/Program.cs", b"", "csharp", "software"),
    ("nodemcu/init.lua", b"", "lua", "software"),
    ("tools/x.pl", b"", "perl", "software"),
    ("Rakefile", b"", "ruby", "software"),
    ("tools/x.rb", b"", "ruby", "software"),
    ("web/index.php", b"", "php", "software"),
    ("ios/App.swift", b"", "swift", "software"),
    ("fw/main.zig", b"", "zig", "software"),
    ("fw/main.nim", b"", "nim", "software"),
    ("sim/model.jl", b"", "julia", "software"),
    ("analysis/plot.R", b"", "r", "software"),
    ("dsp/fir.m", b"function y = fir(x)\n% FIR filter\n", "matlab", "software"),
    (
        "ios/AppDelegate.m",
        b"#import <Foundation/Foundation.h>\n@implementation AppDelegate\n",
        "objective-c",
        "software",
    ),
    ("Dockerfile", b"FROM python:3.12-slim\n", "dockerfile", "software"),
    ("docker/Dockerfile.dev", b"", "dockerfile", "software"),
    ("meson.build", b"project('plant', 'c')\n", "meson", "software"),
    ("meson_options.txt", b"", "meson", "software"),
    ("SConstruct", b"", "scons", "software"),
    ("BUILD.bazel", b"", "bazel", "software"),
    ("BUILD", b"", "bazel", "software"),
    ("templates/report.html.j2", b"{# report #}\n", "jinja", "software"),
    ("scripts/build.tcl", b"", "tcl", "software"),
    ("ui/serialmonitor.pro", QMAKE, "qmake", "software"),
    ("build/firmware.hex", INTEL_HEX, "firmware-image", "software"),
    ("scripts/flash", b"#!/usr/bin/env python3\nimport serial\n", "python", "software"),
    ("bin/deploy", b"#!/bin/bash\nset -e\n", "shell", "software"),
    ("bin/tool", b"#!/usr/bin/env -S node --no-warnings\n", "javascript", "software"),
    # hardware: HDL and constraints
    ("rtl/top.v", b"module top(input clk);\n", "verilog", "hardware"),
    ("rtl/defs.vh", b"", "verilog", "hardware"),
    ("rtl/top.sv", b"", "systemverilog", "hardware"),
    ("rtl/pkg.svh", b"", "systemverilog", "hardware"),
    ("rtl/top.vhd", b"library ieee;\n", "vhdl", "hardware"),
    ("rtl/top.vhdl", b"", "vhdl", "hardware"),
    ("src/main/scala/Top.scala", b"import chisel3._\n", "scala", "hardware"),
    ("fpga/arty.xdc", b"set_property PACKAGE_PIN E3 [get_ports clk]\n", "xdc", "hardware"),
    ("fpga/top.sdc", b"", "sdc", "hardware"),
    ("fpga/icebreaker.pcf", b"set_io clk 35\n", "pcf", "hardware"),
    ("fpga/ulx3s.lpf", b"", "lpf", "hardware"),
    ("fpga/top.qsf", b"", "qsf", "hardware"),
    ("fpga/top.ucf", b"", "ucf", "hardware"),
    ("fpga/tangnano.cst", b"", "cst", "hardware"),
    ("sim/amp.cir", b"* opamp\n", "spice", "hardware"),
    ("sim/amp.sp", b"", "spice", "hardware"),
    ("sim/amp.spice", b"", "spice", "hardware"),
    ("sim/models.lib", b"* SPICE models\n.SUBCKT opamp 1 2 3\n", "spice", "hardware"),
    ("pdk/cells.lib", b"/* timing */\nlibrary (sky130_fd_sc_hd__tt_025C_1v80) {\n", "liberty", "hardware"),
    # hardware: KiCad
    ("hw/board.kicad_sch", KICAD_SCH, "kicad-sch", "hardware"),
    ("hw/board.kicad_pcb", KICAD_PCB, "kicad-pcb", "hardware"),
    ("hw/old.kicad_pcb", KICAD5_PCB, "kicad-pcb", "hardware"),
    ("hw/lib/parts.kicad_sym", b"(kicad_symbol_lib (version 20220914)\n", "kicad-sym", "hardware"),
    ("hw/lib/parts.pretty/R.kicad_mod", b'(footprint "R_0603" (version 20240108)\n', "kicad-mod", "hardware"),
    ("hw/board.kicad_pro", b'{\n  "board": {\n', "kicad-pro", "hardware"),
    ("hw/board.kicad_prl", b"{\n", "kicad-prl", "hardware"),
    ("hw/sheet.kicad_wks", b"(kicad_wks (version 20220228)\n", "kicad-wks", "hardware"),
    ("hw/board.kicad_dru", b'(version 1)\n(rule "HV"\n', "kicad-dru", "hardware"),
    ("hw/fp-lib-table", b"(fp_lib_table\n  (version 7)\n", "kicad-lib-table", "hardware"),
    ("hw/sym-lib-table", b"(sym_lib_table\n", "kicad-lib-table", "hardware"),
    ("hw/legacy/board.sch", KICAD_LEGACY_SCH, "kicad-legacy-sch", "hardware"),
    ("hw/legacy/board-cache.lib", KICAD_LEGACY_LIB, "kicad-legacy-lib", "hardware"),
    ("hw/legacy/board.dcm", b"EESchema-DOCLIB  Version 2.0\n#\n", "kicad-legacy-dcm", "hardware"),
    ("hw/legacy/board.brd", KICAD_LEGACY_BRD, "kicad-legacy-pcb", "hardware"),
    ("hw/legacy/parts.mod", KICAD_LEGACY_MOD, "kicad-legacy-mod", "hardware"),
    ("hw/legacy/board.pro", KICAD_LEGACY_PRO, "kicad-legacy-pro", "hardware"),
    (
        "hw/legacy/board.cmp",
        b"Cmp-Mod V01 Created by CvPcb (5.1.6) date = 28/07/2020\n",
        "kicad-legacy-cmp",
        "hardware",
    ),
    ("hw/legacy/board.net", b"(export (version D)\n  (design\n", "kicad-netlist", "hardware"),
    # hardware: Eagle and other EDA tools
    ("eagle/board.sch", EAGLE, "eagle-sch", "hardware"),
    ("eagle/board.brd", EAGLE, "eagle-brd", "hardware"),
    ("eagle/parts.lbr", EAGLE, "eagle-lbr", "hardware"),
    ("geda/power.sch", b"v 20130925 2\nC 40000 40000 1 0 0 title-B.sym\n", "geda", "hardware"),
    ("xschem/inv.sch", b"v {xschem version=3.4.5 file_version=1.2\n}\n", "xschem", "hardware"),
    ("easyeda/Sheet_1.json", EASYEDA, "easyeda", "hardware"),
    ("easyeda/OpenDosimeter_SCH.json", EASYEDA_OLD, "easyeda", "hardware"),
    ("lceda/ProPrj_Bed.epro", ZIP, "lceda-pro", "hardware"),
    ("lceda/lib.elibz", ZIP, "lceda-pro", "hardware"),
    ("lceda/Sheet.esch", b'["DOCTYPE","SCH","1.1"]\n', "lceda-pro-doc", "hardware"),
    ("lceda/Board.epcb", b"", "lceda-pro-doc", "hardware"),
    ("lceda/Part.esym", b"", "lceda-pro-doc", "hardware"),
    ("lceda/Part.efoo", b"", "lceda-pro-doc", "hardware"),
    ("fritzing/sketch.fzz", ZIP, "fritzing-archive", "hardware"),
    ("fritzing/resistor.fzp", FRITZING_PART, "fritzing", "hardware"),
    ("fritzing/resistor.xml", FRITZING_PART, "fritzing", "hardware"),
    ("fritzing/part.fzpz", ZIP, "fritzing-archive", "hardware"),
    ("fritzing/bin.fzb", b"<?xml version='1.0'?>\n<module fritzingVersion='0.9'>\n", "fritzing", "hardware"),
    ("librepcb/project/metadata.lp", b"(librepcb_project_metadata c1ad3b0e\n", "librepcb", "hardware"),
    ("librepcb/demo.lpp", b"LIBREPCB-PROJECT\n", "librepcb", "hardware"),
    ("librepcb/can2usb.lppz", ZIP, "librepcb-archive", "hardware"),
    ("altium/Main.SchDoc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "altium", "hardware"),
    ("altium/Main.PcbDoc", b"", "altium", "hardware"),
    ("cad/case.f3d", ZIP, "fusion360", "hardware"),
    ("cad/bracket.SLDPRT", b"", "solidworks", "hardware"),
    ("cad/frame.sldasm", b"", "solidworks", "hardware"),
    # hardware: fabrication outputs
    ("gerbers/board-F_Cu.gbr", GERBER_X2, "gerber", "hardware"),
    ("gerbers/board.GTS", GERBER_EAGLE, "gerber", "hardware"),
    ("gerbers/board.gko", b"G04 Layer: BoardOutlineLayer*\n", "gerber", "hardware"),
    (
        "gerbers/board-job.gbrjob",
        b'{\n  "Header": {\n    "GenerationSoftware": {\n',
        "gerber-job",
        "hardware",
    ),
    ("gerbers/board.sol", GERBER_EAGLE, "gerber", "hardware"),
    ("gerbers/board.cmp", GERBER_EAGLE, "gerber", "hardware"),
    ("gerbers/board-PTH.drl", EXCELLON, "excellon", "hardware"),
    ("gerbers/board.DRL", EXCELLON, "excellon", "hardware"),
    ("gerbers/board.xln", EXCELLON, "excellon", "hardware"),
    ("gerbers/board.exc", EXCELLON, "excellon", "hardware"),
    ("gerbers/board-PTH.txt", EXCELLON, "excellon", "hardware"),
    ("Production/Panel.TXT", EXCELLON_EAGLE, "excellon", "hardware"),
    (
        "gerbers/drill.txt",
        b";DRILL FILE\n;Generated by LibrePCB 0.1.0\nM48\nFMAT,2\n",
        "excellon",
        "hardware",
    ),
    ("fab/board.xml", IPC_2581, "ipc-2581", "hardware"),
    ("fab/board.cvg", IPC_2581, "ipc-2581", "hardware"),
    ("fab/board-top.pos", b"### Footprint positions - created on 2025-03-01\n", "pick-and-place", "hardware"),
    ("fab/board-top-pos.csv", b"Ref,Val,Package,PosX,PosY,Rot,Side\n", "pick-and-place", "hardware"),
    ("jlcpcb/board_cpl.csv", b"Designator,Mid X,Mid Y,Layer,Rotation\n", "pick-and-place", "hardware"),
    ("assembly/centroid.csv", b"", "pick-and-place", "hardware"),
    ("assembly/PickAndPlace_PCB1.csv", b"", "pick-and-place", "hardware"),
    ("fab/board-bom.csv", b"Reference,Value,Footprint,Qty\n", "bom", "hardware"),
    ("jlcpcb/BOM_JLCPCB.csv", b"Comment,Designator,Footprint,LCSC\n", "bom", "hardware"),
    ("fab/bom.tsv", b"", "bom", "hardware"),
    ("toolpaths/case.gcode", b";FLAVOR:Marlin\nG28\n", "gcode", "hardware"),
    ("toolpaths/case.gco", b"", "gcode", "hardware"),
    ("cnc/panel.nc", b"G21\nG90\nG0 X0 Y0\n", "gcode", "hardware"),
    ("fpga/top.jed", b"\x02QF1234*\nL0000 0101*\n", "fpga-bitstream", "hardware"),
    # hardware: mechanical
    ("3d/lid.step", STEP, "step", "hardware"),
    ("3d/lid.stp", STEP, "step", "hardware"),
    ("3d/lid.p21", STEP, "step", "hardware"),
    ("3d/lid.igs", b"", "iges", "hardware"),
    ("3d/lid.iges", b"", "iges", "hardware"),
    ("3d/cube.stl", STL_ASCII, "stl", "hardware"),
    ("3d/print.3mf", ZIP, "3mf", "hardware"),
    ("3d/part.amf", b'<?xml version="1.0"?>\n<amf unit="millimeter">\n', "amf", "hardware"),
    ("3d/mesh.obj", b"# Blender v2.93 OBJ File\nv 1.0 0.0 0.0\n", "obj", "hardware"),
    ("3d/mesh.ply", b"ply\nformat ascii 1.0\nelement vertex 8\n", "ply", "hardware"),
    ("3d/enclosure.scad", b"// SPDX-License-Identifier: CERN-OHL-S-2.0\ncube(10);\n", "openscad", "hardware"),
    ("3d/case.FCStd", ZIP, "freecad", "hardware"),
    ("laser/panel.dxf", b"  0\nSECTION\n  2\nHEADER\n", "dxf", "hardware"),
    ("laser/panel.DXF", b"999\nSPDX-License-Identifier: CERN-OHL-P-2.0\n  0\nSECTION\n", "dxf", "hardware"),
    # documentation
    ("README.md", b"# Plant controller\n", "markdown", "documentation"),
    ("docs/guide.markdown", b"", "markdown", "documentation"),
    ("docs/index.rst", b"", "rst", "documentation"),
    ("docs/guide.adoc", b"", "asciidoc", "documentation"),
    ("docs/guide.asciidoc", b"", "asciidoc", "documentation"),
    ("docs/datasheet.pdf", b"%PDF-1.7\n", "pdf", "documentation"),
    ("docs/notes.txt", b"Assembly notes.\nM48 screws hold the lid.\n", "text", "documentation"),
    ("README", b"Plant controller\n", "text", "documentation"),
    ("docs/photo.png", PNG, "png", "documentation"),
    ("docs/photo.JPG", b"\xff\xd8\xff\xe0", "jpeg", "documentation"),
    ("docs/photo.jpeg", b"", "jpeg", "documentation"),
    ("docs/anim.gif", b"GIF89a", "gif", "documentation"),
    ("docs/icon.bmp", b"BM", "bmp", "documentation"),
    ("docs/photo.webp", b"RIFF", "webp", "documentation"),
    ("docs/scan.tif", b"II*\x00", "tiff", "documentation"),
    ("docs/scan.tiff", b"", "tiff", "documentation"),
    ("web/favicon.ico", b"\x00\x00\x01\x00", "ico", "documentation"),
    ("docs/paper.tex", b"\\documentclass{article}\n", "tex", "documentation"),
    ("docs/index.html", b"<!DOCTYPE html>\n", "html", "documentation"),
    ("docs/page.htm", b"", "html", "documentation"),
    ("man/plantd.1", b'.\\" SPDX-License-Identifier: MIT\n.TH PLANTD 1\n', "man", "documentation"),
    ("docs/manual.odt", ZIP, "odt", "documentation"),
    ("docs/manual.docx", ZIP, "word", "documentation"),
    (
        "docs/logo.svg",
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">\n',
        "svg",
        "documentation",
    ),
    # data
    ("data/readings.csv", b"time,moisture\n0,512\n", "csv", "data"),
    (
        "partitions.csv",
        b"# Name, Type, SubType, Offset, Size\nnvs, data, nvs, 0x9000, 0x5000\n",
        "csv",
        "data",
    ),
    ("data/purpose.csv", b"", "csv", "data"),
    ("data/readings.tsv", b"", "tsv", "data"),
    ("data/config.json", b'{"name": "plant", "version": "1.0"}', "json", "data"),
    ("config.yml", b"", "yaml", "data"),
    (".github/workflows/ci.yaml", b"", "yaml", "data"),
    ("config.toml", b"", "toml", "data"),
    ("data/pins.xml", b'<?xml version="1.0"?>\n<pins>\n', "xml", "data"),
    ("setup.cfg", b"[metadata]\n", "ini", "data"),
    ("device.ini", b"", "ini", "data"),
    ("nginx.conf", b"", "ini", "data"),
    (".env", b"WIFI_SSID=plant\n", "dotenv", "data"),
    ("Cargo.lock", b"# This file is automatically @generated by Cargo.\n", "lockfile", "data"),
    ("ui/package-lock.json", b"{\n", "lockfile", "data"),
    ("data/log.db", b"SQLite format 3\x00", "sqlite", "data"),
    ("data/values.xlsx", ZIP, "spreadsheet", "data"),
    ("sbom.spdx", b"SPDXVersion: SPDX-2.3\n", "spdx-document", "data"),
    ("sbom.spdx.json", b'{"spdxVersion": "SPDX-2.3"}', "spdx-document", "data"),
    ("sbom.spdx.rdf", b"", "spdx-document", "data"),
    ("sbom.spdx.yaml", b"", "spdx-document", "data"),
    # REUSE and licensing
    ("REUSE.toml", b"version = 1\n", "reuse-toml", "data"),
    (
        ".reuse/dep5",
        b"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n",
        "dep5",
        "data",
    ),
    ("3d/lid.stl.license", b"SPDX-License-Identifier: CERN-OHL-S-2.0\n", "license-sidecar", "other"),
    ("LICENSE", b"MIT License\n", "license-text", "documentation"),
    ("LICENSES/CERN-OHL-S-2.0.txt", b"CERN Open Hardware Licence\n", "license-text", "documentation"),
    ("hw/LICENSES/CC-BY-SA-4.0.txt", b"", "license-text", "documentation"),
    # other
    (".gitignore", b"build/\n", "ignore-file", "other"),
    (".gitattributes", b"*.kicad_pcb text\n", "git-config", "other"),
    ("dist/fw.zip", ZIP, "archive", "other"),
    ("dist/src.tar.gz", b"\x1f\x8b\x08", "archive", "other"),
]


@pytest.mark.parametrize(("path", "head", "expected", "category"), CASES)
def test_classifies_real_files(path: str, head: bytes, expected: str, category: str) -> None:
    found = classify(path, head)
    assert (found.id, found.category) == (expected, category)


@pytest.mark.parametrize(
    ("path", "head", "expected", "binary"),
    [
        ("3d/cube.stl", STL_ASCII, "stl", False),
        ("3d/cube.stl", STL_BINARY_SOLID, "stl", True),  # "solid" header without facet text
        ("3d/cube.stl", STL_BINARY, "stl", True),
        ("3d/cube.STL", STL_ASCII, "stl", False),
        ("3d/cube.stl", b"", "stl", True),
        ("3d/part.amf", ZIP, "amf", True),  # AMF may be zipped
        ("3d/mesh.ply", b"ply\nformat binary_little_endian 1.0\n", "ply", True),
        ("build/firmware.hex", INTEL_HEX, "firmware-image", False),
        ("build/firmware.bin", b"\x00\x20\x00\x20\x91\x01\x00\x08", "firmware-image", True),
        ("build/firmware.uf2", b"UF2\nWQ]\x9e", "firmware-image", True),
        ("build/firmware.elf", b"\x7fELF\x01\x01\x01\x00", "firmware-image", True),
        ("fpga/top.bit", b"\x00\x09\x0f\xf0", "fpga-bitstream", True),
        ("fpga/top.jed", b"\x02QF1234*\n", "fpga-bitstream", False),
        ("fab/ProjectBOM.xlsx", ZIP, "bom", True),
        ("fab/bom.ods", ZIP, "bom", True),
        ("fab/bom.csv", b"Ref,Qty\n", "bom", False),
        ("eagle/old.lbr", b"\x10\x00\x00\x00\x80\x00", "eagle-lbr", True),
        ("old/board.sch", b"\x10\x80\x00\x00\x1a\x00", "schematic", True),
        ("old/board.brd", b"\x10\x80\x00\x00\x1a\x00", "pcb-layout", True),
        ("laser/panel.dxf", b"AutoCAD Binary DXF\r\n\x1a\x00", "dxf", True),
        ("docs/photo.png", PNG, "png", True),
        ("3d/case.FCStd", ZIP, "freecad", True),
    ],
)
def test_binary_flag_follows_the_bytes(path: str, head: bytes, expected: str, binary: bool) -> None:
    found = classify(path, head)
    assert (found.id, found.binary) == (expected, binary)


@pytest.mark.parametrize(
    ("path", "head", "expected"),
    [
        # the same extension, told apart by the first bytes
        ("x.sch", KICAD_LEGACY_SCH, "kicad-legacy-sch"),
        ("x.sch", EAGLE, "eagle-sch"),
        ("x.sch", b"", "schematic"),
        ("x.brd", KICAD_LEGACY_BRD, "kicad-legacy-pcb"),
        ("x.brd", EAGLE, "eagle-brd"),
        ("x.lib", KICAD_LEGACY_LIB, "kicad-legacy-lib"),
        ("x.lib", b"!<arch>\n/               0           0     0     0       4         `\n", "object-code"),
        ("x.lib", b"some vendor library listing\n", "text"),
        ("x.mod", KICAD_LEGACY_MOD, "kicad-legacy-mod"),
        ("x.mod", b"MODULE constants\n  REAL :: pi\n", "text"),
        ("go.mod", GO_MOD, "go-mod"),
        ("x.pro", KICAD_LEGACY_PRO, "kicad-legacy-pro"),
        ("x.pro", b"[general]\nversion=1\n[pcbnew]\nversion=1\n", "kicad-legacy-pro"),
        ("x.pro", QMAKE, "qmake"),
        ("x.pro", b"", "qmake"),
        ("x.json", EASYEDA, "easyeda"),
        ("x.json", b'{"docType": "invoice", "amount": 3}', "json"),
        ("x.txt", EXCELLON, "excellon"),
        ("x.txt", b"Just words\n", "text"),
        ("x.txt", b"", "text"),
        ("x.xml", IPC_2581, "ipc-2581"),
        ("x.xml", EAGLE, "eagle-sch"),
        ("x.xml", b"<config/>", "xml"),
        ("x.m", b"x = linspace(0, 1);\n", "matlab"),
        ("x.m", b"", "matlab"),
        ("x.net", b"* LTspice netlist\nV1 in 0 5\n.end\n", "spice"),
        ("x.sol", b"pragma solidity ^0.8.0;\n", "solidity"),
        ("x.obj", b"L\x01\x03\x00\x00\x00\x00\x00", "object-code"),
        ("x.nc", b"CDF\x01\x00\x00\x00\x00", "binary"),
        ("x.asc", b"Version 4\nSHEET 1 880 680\n", "ltspice-sch"),
        ("x.asc", "Version 4\nSHEET 1 880 680\n".encode("utf-16"), "ltspice-sch"),
        ("x.asc", b"= Guide\n", "asciidoc"),
        ("x.def", b"VERSION 5.8 ;\nDESIGN top ;\n", "lef-def"),
        ("x.def", b"LIBRARY plant\nEXPORTS\n", "text"),
    ],
)
def test_ambiguous_extensions_are_sniffed(path: str, head: bytes, expected: str) -> None:
    assert classify(path, head).id == expected


@pytest.mark.parametrize(
    ("path", "head", "expected", "category", "binary"),
    [
        ("data/blob.xyz", b"hello", "text", "other", False),
        ("data/blob.xyz", b"\x00\x01\x02\x03", "binary", "other", True),
        ("data/blob.xyz", b"", "text", "other", False),
        ("data/utf16.xyz", "hello".encode("utf-16"), "text", "other", False),
        ("download", b"%PDF-1.4\n", "pdf", "documentation", True),
        ("snapshot", b"(kicad_pcb (version 20240108)\n", "kicad-pcb", "hardware", False),
        ("run", b"#!/usr/bin/python3.12\n", "python", "software", False),
        ("run", b"#!/usr/bin/env unknown-interpreter\n", "text", "other", False),
        ("run", b"#!", "text", "other", False),
    ],
)
def test_unknown_names_fall_back_on_the_bytes(
    path: str, head: bytes, expected: str, category: str, binary: bool
) -> None:
    found = classify(path, head)
    assert (found.id, found.category, found.binary) == (expected, category, binary)


@pytest.mark.parametrize(
    "path",
    [
        "LICENSE",
        "LICENSE.md",
        "LICENCE.txt",
        "license.rst",
        "COPYING",
        "COPYING.LESSER",
        "COPYING.LIB",
        "NOTICE",
        "NOTICE.txt",
        "UNLICENSE",
        "LICENSE-MIT",
        "LICENSE.Apache-2.0",
        "MIT-LICENSE.txt",
        "THIRD_PARTY_LICENSES",
        "vendor/lib/COPYING",
        "LICENSES/MIT.txt",
        "LICENSES/LicenseRef-Plant.txt",
        "hw/LICENSES/CERN-OHL-S-2.0.txt",
    ],
)
def test_license_files(path: str) -> None:
    assert is_license_file(path)
    assert classify(path, b"").id == "license-text"


@pytest.mark.parametrize(
    "path",
    [
        "src/license.py",
        "licensecheck/licenses.toml",
        "licenses/mit.toml",  # a lower-case licenses/ folder is ordinary content
        "licensecheck/classify.py",
        "LICENSE.license",  # the sidecar of LICENSE
        "3d/lid.stl.license",
        "docs/license.pdf",
        "src/noticeboard.c",
        "docs/noticeboard.txt",
        "README.md",
    ],
)
def test_not_license_files(path: str) -> None:
    assert not is_license_file(path)
    assert classify(path, b"").id != "license-text"


def test_extensions_and_names_ignore_case() -> None:
    for path in ("board.GTS", "Board.Kicad_Pcb", "MAKEFILE", "cmakelists.TXT", "Top.VHD", "Case.fcstd"):
        assert classify(path, b"") == classify(path.lower(), b"")
    assert classify("board.GTS", b"").id == "gerber"


@pytest.mark.parametrize(
    "ext",
    [
        ".gbr",
        ".ger",
        ".pho",
        ".art",
        ".gtl",
        ".gbl",
        ".gto",
        ".gbo",
        ".gts",
        ".gbs",
        ".gtp",
        ".gbp",
        ".gko",
        ".gm1",
        ".gm9",
        ".g1",
        ".g9",
        ".gp1",
        ".gml",
        ".GTS",
        ".GBL",
    ],
)
def test_gerber_layer_extensions(ext: str) -> None:
    assert classify("gerbers/board" + ext, GERBER_X2).id == "gerber"


def test_every_plain_pattern_selects_its_format() -> None:
    claims: dict[str, list[str]] = {}
    for fid, patterns in PATTERNS.items():
        for pattern in patterns:
            claims.setdefault(pattern, []).append(fid)
    checked = 0
    for pattern, fids in claims.items():
        if len(fids) > 1 or pattern in classify_module._SNIFFERS:
            continue
        path = "dir/file" + pattern if pattern.startswith(".") else "dir/" + pattern
        assert classify(path, b"").id == fids[0], path
        assert classify(path.upper(), b"").id == fids[0], path.upper()
        checked += 1
    assert checked > 300


def test_the_table() -> None:
    assert len(FORMATS) >= 80
    rows = [row[0] for rows in formats._ROWS.values() for row in rows]
    assert len(rows) == len(set(rows)), "a format id is declared twice"
    for fid, found in FORMATS.items():
        assert found.id == fid
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", fid), fid
        assert found.category in CATEGORIES, fid
        assert found.comment in STYLES, fid
        assert found.description, fid
        if found.binary:
            assert found.comment == "none", fid
    assert {f.category for f in FORMATS.values()} == set(CATEGORIES)


def test_every_sniffed_result_is_a_known_format_and_style() -> None:
    heads = [
        b"",
        KICAD_LEGACY_SCH,
        EAGLE,
        GERBER_X2,
        EXCELLON,
        STL_ASCII,
        STL_BINARY,
        EASYEDA,
        ZIP,
        b"\x00" * 8,
    ]
    for ext in classify_module._SNIFFERS:
        for head in heads:
            found = classify("dir/name" + ext, head)
            assert found.id in FORMATS, (ext, found)
            assert found.comment in STYLES and found.category in CATEGORIES


@pytest.mark.parametrize(
    "path",
    [
        "",
        ".",
        "..",
        "dir/",
        "a.",
        "x..y",
        ".hidden",
        "noext",
        "file.",
        "\u7535\u8def\u677f/\u4e3b\u677f",
        "a b/c d.e f",
        "dir\\win.c",
        "a" * 10_000,
        "/".join(["deep"] * 2_000) + "/x.v",
        "x.\udcff",
    ],
)
def test_odd_names_never_fail(path: str) -> None:
    for head in (b"", b"\x00\xff" * 100, EXCELLON):
        assert isinstance(classify(path, head), Format)
    assert isinstance(is_license_file(path), bool)


def test_huge_and_unicode_names_keep_their_extension() -> None:
    assert classify("a" * 10_000 + ".kicad_pcb", KICAD_PCB).id == "kicad-pcb"
    assert classify("\u786c\u4ef6/\u4e3b\u677f.kicad_sch", KICAD_SCH).id == "kicad-sch"
    assert classify("/".join(["deep"] * 2_000) + "/top.v", b"").id == "verilog"


def test_only_the_head_counts() -> None:
    tail = b"\n" * HEAD_SIZE + b'"docType" "head"'
    assert classify("x.json", b"{" + tail).id == "json"
    assert classify("x.stl", b"solid x\n" + b" " * HEAD_SIZE + b"facet").binary


@settings(max_examples=300, deadline=None)
@given(path=st.text(max_size=80), head=st.binary(max_size=600))
def test_any_input_gives_a_valid_format(path: str, head: bytes) -> None:
    found = classify(path, head)
    assert found.category in CATEGORIES
    assert found.comment in STYLES
    assert found.id in FORMATS


@settings(max_examples=200, deadline=None)
@given(stem=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-0123456789", min_size=1, max_size=20))
def test_bom_and_placement_names_only_change_spreadsheets(stem: str) -> None:
    found = classify(f"fab/{stem}.csv", b"a,b\n")
    assert found.id in {"csv", "bom", "pick-and-place"}
    assert found.id != "bom" or "bom" in stem


def test_docstring_examples() -> None:
    assert doctest.testmod(classify_module).failed == 0
