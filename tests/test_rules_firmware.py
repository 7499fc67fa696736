# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
# REUSE-IgnoreStart: the fixtures below hold SPDX tags of their own.
"""lgpl-static-linking: an LGPL library in microcontroller firmware under another license."""

from __future__ import annotations

import pytest
from conftest import scan

PLATFORMIO = "; SPDX-License-Identifier: MIT\n[env:esp32]\nplatform = espressif32\nframework = arduino\n"


def tagged(expression: str) -> str:
    return f"// SPDX-License-Identifier: {expression}\nint x;\n"


def firmware(app: str, library: str, marker: bool = True) -> dict[str, str]:
    files = {
        "LICENSE": "SPDX-License-Identifier: MIT\n",
        "fw/src/main.cpp": tagged(app),
        "fw/lib/radio/radio.cpp": tagged(library),
    }
    return {**files, "fw/platformio.ini": PLATFORMIO} if marker else files


def static_linking(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == "lgpl-static-linking"]


def test_lgpl_library_in_mit_firmware(tree):
    _, result, _ = scan(tree(firmware("MIT", "LGPL-2.1-or-later")))
    [found] = static_linking(result)
    assert found["severity"] == "warning" and found["path"] == "fw/lib/radio/radio.cpp"
    assert "relink" in found["message"] and "'fw'" in found["message"] and "MIT" in found["message"]


@pytest.mark.parametrize(
    ("app", "library", "marker"),
    [
        ("GPL-3.0-or-later", "LGPL-2.1-or-later", True),  # the whole is GPL anyway
        ("MIT", "LGPL-3.0-only WITH LGPL-3.0-linking-exception", True),  # the exception lifts the duty
        ("MIT", "MIT OR LGPL-2.1-only", True),  # the MIT choice
        ("MIT", "LGPL-2.1-or-later", False),  # not firmware: a desktop program may link dynamically
    ],
)
def test_look_alikes(tree, app, library, marker):
    _, result, _ = scan(tree(firmware(app, library, marker)))
    assert static_linking(result) == []


def gpl_in_firmware(result: dict) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == "gpl-in-firmware"]


def test_gpl_library_in_mit_firmware(tree):
    # The trial's worst miss: a GPL display driver in lib/ of an MIT firmware passed, since MIT
    # can be part of a GPL work (no incompatibility) and the library's own LICENSE covers it.
    files = firmware("MIT", "GPL-3.0-only")
    _, result, _ = scan(tree(files))
    [found] = gpl_in_firmware(result)
    assert found["severity"] == "warning" and found["path"] == "fw/lib/radio/radio.cpp"
    assert found["licenses"] == ["GPL-3.0-only"]
    assert "'fw'" in found["message"] and "presented under MIT" in found["message"]
    assert static_linking(result) == []


def test_gpl_library_under_its_own_license_file_in_mit_firmware(tree):
    files = {
        "LICENSE": "SPDX-License-Identifier: MIT\n",
        "fw/platformio.ini": PLATFORMIO,
        "fw/src/main.cpp": tagged("MIT"),
        "fw/lib/GxEPD2/LICENSE": "SPDX-License-Identifier: GPL-3.0-or-later\n",
        "fw/lib/GxEPD2/src/GxEPD2.cpp": '#include "GxEPD2.h"\nint epd;\n',
    }
    _, result, _ = scan(tree(files))
    assert [f["path"] for f in gpl_in_firmware(result)] == ["fw/lib/GxEPD2/src/GxEPD2.cpp"]


@pytest.mark.parametrize(
    ("project", "app", "library", "marker"),
    [
        ("GPL-3.0-or-later", "GPL-3.0-or-later", "MIT", True),  # a GPL firmware linking MIT code
        ("MIT", "MIT", "GPL-3.0-only", False),  # not firmware: no marker
        ("MIT", "MIT", "GPL-2.0-only WITH Classpath-exception-2.0", True),  # linking allowed
        ("Apache-2.0", "Apache-2.0", "GPL-2.0-only", True),  # cannot combine: incompatible-licenses
        ("MIT", "MIT", "MIT OR GPL-3.0-only", True),  # the MIT choice
    ],
)
def test_gpl_look_alikes(tree, project, app, library, marker):
    files = firmware(app, library, marker)
    files["LICENSE"] = f"SPDX-License-Identifier: {project}\n"
    _, result, _ = scan(tree(files))
    assert gpl_in_firmware(result) == []


def test_a_gpl_firmware_vendoring_an_mit_library_under_its_own_license_is_fine(tree):
    # The vendored library's MIT LICENSE was taken for what the firmware is presented under.
    files = {
        "LICENSE": "SPDX-License-Identifier: GPL-3.0-or-later\n",
        "fw/platformio.ini": PLATFORMIO.replace("MIT", "GPL-3.0-or-later"),
        "fw/src/main.cpp": "int main(void) { return 0; }\n",
        "fw/lib/ArduinoJson/LICENSE.txt": "SPDX-License-Identifier: MIT\n",
        "fw/lib/ArduinoJson/src/ArduinoJson.h": "int json;\n",
    }
    _, result, _ = scan(tree(files))
    assert gpl_in_firmware(result) == []


def test_a_gpl_2_or_later_library_in_apache_firmware(tree):
    # Apache-2.0 and GPL-2.0-or-later combine under GPL-3.0: incompatible-licenses is silent,
    # and the image is not Apache-2.0.
    files = firmware("Apache-2.0", "GPL-2.0-or-later")
    files["LICENSE"] = "SPDX-License-Identifier: Apache-2.0\n"
    _, result, _ = scan(tree(files))
    assert [f["path"] for f in gpl_in_firmware(result)] == ["fw/lib/radio/radio.cpp"]


@pytest.mark.parametrize("beside", ["fw/tools/bin2c/bin2c.c", "fw/test/test_native/test_main.cpp"])
def test_gpl_host_tools_and_native_tests_are_not_linked(tree, beside):
    files = firmware("MIT", "MIT")
    files[beside] = tagged("GPL-3.0-only")
    _, result, _ = scan(tree(files))
    assert gpl_in_firmware(result) == []


# Firmware builds kept at the root of the tree, or in a folder beside the code (Keil's Project/),
# take in the code of the whole tree, which the default components split by top-level folder.
ESP_IDF_ROOT = (
    "# The following lines of boilerplate have to be in your project's\n"
    "# CMakeLists in this exact order for cmake to work correctly\n"
    "cmake_minimum_required(VERSION 3.16)\n\n"
    "include($ENV{IDF_PATH}/tools/cmake/project.cmake)\n"
    "project(plant_monitor)\n"
)
UVPROJX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'
    '<Project xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:noNamespaceSchemaLocation="project_projx.xsd">\n'
    "  <SchemaVersion>2.1</SchemaVersion>\n  <Header>### uVision Project, (C) Keil Software</Header>\n"
    "  <Targets>\n    <Target>\n      <TargetName>LED</TargetName>\n"
    "      <ToolsetNumber>0x4</ToolsetNumber>\n"
    "      <ToolsetName>ARM-ADS</ToolsetName>\n    </Target>\n  </Targets>\n</Project>\n"
)
ROOT_BUILDS = {
    "platformio": {
        "platformio.ini": PLATFORMIO,
        "src/main.cpp": tagged("MIT"),
        "lib/driver/driver.cpp": "int driver;\n",
    },
    "esp-idf": {
        "CMakeLists.txt": ESP_IDF_ROOT,
        "sdkconfig.defaults": "CONFIG_ESPTOOLPY_FLASHSIZE_4MB=y\n",
        "main/CMakeLists.txt": 'idf_component_register(SRCS "app_main.c" INCLUDE_DIRS ".")\n',
        "main/app_main.c": tagged("MIT"),
        "components/driver/CMakeLists.txt": 'idf_component_register(SRCS "driver.c" INCLUDE_DIRS ".")\n',
        "components/driver/driver.c": "int driver;\n",
    },
    "keil": {
        "Project/LED.uvprojx": UVPROJX,
        "USER/main.c": tagged("MIT"),
        "HARDWARE/driver/driver.c": "int driver;\n",
    },
}
DRIVER = {
    "platformio": "lib/driver/driver.cpp",
    "esp-idf": "components/driver/driver.c",
    "keil": "HARDWARE/driver/driver.c",
}


def root_build(kind: str, driver: str) -> dict[str, str]:
    files = {"LICENSE": "SPDX-License-Identifier: MIT\n", **ROOT_BUILDS[kind]}
    files[DRIVER[kind]] = tagged(driver) + files[DRIVER[kind]]
    return files


@pytest.mark.parametrize("kind", sorted(ROOT_BUILDS))
def test_a_gpl_driver_in_a_firmware_built_from_the_root(tree, kind):
    # The default components put the driver's folder apart from the application's: both rules
    # were silent unless [components] named them one.
    _, result, _ = scan(tree(root_build(kind, "GPL-3.0-only")))
    [found] = gpl_in_firmware(result)
    assert found["path"] == DRIVER[kind] and found["licenses"] == ["GPL-3.0-only"]
    assert "The project is one firmware image, presented under MIT" in found["message"]


@pytest.mark.parametrize("kind", sorted(ROOT_BUILDS))
def test_an_lgpl_driver_in_a_firmware_built_from_the_root(tree, kind):
    _, result, _ = scan(tree(root_build(kind, "LGPL-2.1-or-later")))
    assert [f["path"] for f in static_linking(result)] == [DRIVER[kind]]


def test_a_vendored_library_with_example_sketches_is_part_of_the_root_build(tree):
    # Arduino libraries ship examples/*.ino: a sketch there does not make lib/ a build of its own.
    files = root_build("platformio", "GPL-3.0-only")
    files["lib/driver/examples/Demo/Demo.ino"] = "void setup() {}\nvoid loop() {}\n"
    _, result, _ = scan(tree(files))
    assert [f["path"] for f in gpl_in_firmware(result)] == ["lib/driver/driver.cpp"]


def test_a_root_build_leaves_host_code_and_other_firmware_apart(tree):
    files = root_build("platformio", "MIT")
    files["host/flasher/flasher.c"] = tagged("GPL-3.0-only")  # runs on the PC
    files["bootloader/platformio.ini"] = PLATFORMIO  # a firmware of its own, built apart
    files["bootloader/src/boot.c"] = tagged("GPL-2.0-or-later")
    files["bootloader/LICENSE"] = "SPDX-License-Identifier: GPL-2.0-or-later\n"
    _, result, _ = scan(tree(files))
    assert gpl_in_firmware(result) == [] and static_linking(result) == []


def test_a_released_image_does_not_make_the_tree_one_firmware(tree):
    # An image says nothing of what was linked into it: a desktop program beside it stays apart.
    files = {
        "LICENSE": "SPDX-License-Identifier: MIT\n",
        "release/plant-v1.2.bin": b"\x00\x20\x00\x20\xc1\x01\x00\x08" * 8,
        "app/main.c": tagged("MIT"),
        "app/vendor/chart.c": tagged("GPL-3.0-only"),
        "gui/window.c": tagged("MIT"),
    }
    _, result, _ = scan(tree(files))
    assert gpl_in_firmware(result) == []


def test_configured_components_are_kept_as_configured(tree):
    files = root_build("platformio", "GPL-3.0-only")
    files[".licensecheck.toml"] = '[components]\napp = ["src/**"]\ndrivers = ["lib/**"]\n'
    _, result, _ = scan(tree(files))
    assert gpl_in_firmware(result) == []


@pytest.mark.parametrize(
    "extra",
    [
        {"lib/driver/fw/coproc.bin": b"\x00\x01\x02\x03" * 16},  # a co-processor image it ships
        {"lib/tinyusb/hw/bsp/board.ld": "MEMORY { FLASH (rx) : ORIGIN = 0x08000000, LENGTH = 64K }\n"},
        {"lib/driver/Examples/Demo/Demo.ino": tagged("GPL-3.0-only")},  # examples, any case
        {"lib/driver/sdkconfig.rename": "CONFIG_OLD CONFIG_NEW\n"},
    ],
)
def test_what_a_vendored_library_carries_does_not_make_it_a_build_of_its_own(tree, extra):
    files = {**root_build("platformio", "GPL-3.0-only"), **extra}
    _, result, _ = scan(tree(files))
    assert [f["path"] for f in gpl_in_firmware(result)] == ["lib/driver/driver.cpp"]


@pytest.mark.parametrize(
    "host",
    [
        {"pc-app/main.cpp": tagged("GPL-3.0-only"), "pc-app/CMakeLists.txt": "project(flasher)\n"},
        {"上位机/main.cpp": tagged("GPL-3.0-only")},
        {"desktop-app/window.cpp": tagged("GPL-3.0-only")},
    ],
)
def test_a_host_program_beside_a_root_build_is_not_linked(tree, host):
    files = {**root_build("platformio", "MIT"), **host}
    _, result, _ = scan(tree(files))
    assert gpl_in_firmware(result) == []


def test_an_incompatible_pair_in_unlinked_tools_does_not_hide_the_firmwares_gpl(tree):
    files = root_build("platformio", "GPL-3.0-only")
    files["tools/flash.py"] = "# SPDX-License-Identifier: GPL-2.0-only\n"
    files["tools/gen.py"] = "# SPDX-License-Identifier: Apache-2.0\n"
    _, result, _ = scan(tree(files))
    assert [f["path"] for f in gpl_in_firmware(result)] == ["lib/driver/driver.cpp"]


@pytest.mark.parametrize(
    "layout",
    [
        # µVision 5 keeps its run-time environment beside the project file.
        {"Project/LED.uvprojx": UVPROJX, "Project/RTE/_Target_1/RTE_Components.h": "#define RTE_H\n"},
        # ALIENTEK's tutorials keep the project file beside main.c in USER/.
        {"USER/LED.uvprojx": UVPROJX, "OBJ/LED.sct": "LR_IROM1 0x08000000 0x00080000 {\n}\n"},
    ],
)
def test_keil_layouts_build_the_whole_tree(tree, layout):
    files = {
        "LICENSE": "SPDX-License-Identifier: MIT\n",
        "USER/main.c": tagged("MIT"),
        "HARDWARE/OLED/oled.c": tagged("GPL-3.0-only"),
        **layout,
    }
    _, result, _ = scan(tree(files))
    [found] = gpl_in_firmware(result)
    assert found["path"] == "HARDWARE/OLED/oled.c"
    assert "The project is one firmware image" in found["message"]


def test_two_keil_firmwares_stay_two(tree):
    files = {
        "LICENSE": "SPDX-License-Identifier: MIT\n",
        "board_a/LED.uvprojx": UVPROJX,
        "board_a/main.c": tagged("MIT"),
        "board_b/MOTOR.uvprojx": UVPROJX,
        "board_b/main.c": tagged("GPL-3.0-only"),
        "board_b/LICENSE": "SPDX-License-Identifier: GPL-3.0-only\n",
    }
    _, result, _ = scan(tree(files))
    assert gpl_in_firmware(result) == []  # board_b is GPL as a whole, board_a links no GPL code


@pytest.mark.parametrize(
    "layout",
    [
        # ALIENTEK's HAL layout and ST's templates: the project one folder further down.
        {"Projects/MDK-ARM/LED.uvprojx": UVPROJX, "USER/main.c": tagged("MIT")},
        # A Makefile project: its linker script at the root.
        {
            "Makefile": "all:\n\tarm-none-eabi-gcc -T STM32F103C8Tx_FLASH.ld\n",
            "STM32F103C8Tx_FLASH.ld": "MEMORY {}\n",
        },
        # STM32CubeMX's .ioc with a Keil and an IAR folder, each with its startup file.
        {
            "blink.ioc": "#MicroXplorer Configuration settings - do not modify\n",
            "MDK-ARM/blink.uvprojx": UVPROJX,
            "MDK-ARM/startup_stm32f103xb.s": "  AREA RESET, DATA\n",
            "EWARM/blink.ewp": "<project></project>\n",
            "EWARM/startup_stm32f103xb.s": "  SECTION .intvec:CODE:NOROOT(2)\n",
        },
        # A Pico SDK build: src/ and lib/ keep CMakeLists.txt of the build's own.
        {
            "CMakeLists.txt": "include(pico_sdk_import.cmake)\npico_sdk_init()\nadd_subdirectory(src)\n",
            "src/CMakeLists.txt": "add_executable(clock main.c)\n",
            "GUI/CMakeLists.txt": "add_library(gui STATIC ugui.c)\n",
        },
    ],
)
def test_more_layouts_that_build_the_whole_tree(tree, layout):
    files = {"LICENSE": "SPDX-License-Identifier: MIT\n", "src/main.c": tagged("MIT"), **layout}
    files["GUI/ugui/ugui.c"] = tagged("GPL-3.0-only")  # firmware keeps its graphics library in GUI/
    _, result, _ = scan(tree(files))
    assert [f["path"] for f in gpl_in_firmware(result)] == ["GUI/ugui/ugui.c"]


def test_a_bootloader_in_its_own_keil_project_stays_apart_from_the_root_build(tree):
    files = root_build("platformio", "MIT")
    files["bootloader/boot.uvprojx"] = UVPROJX
    files["bootloader/boot.c"] = tagged("GPL-3.0-only")
    _, result, _ = scan(tree(files))
    assert gpl_in_firmware(result) == []
