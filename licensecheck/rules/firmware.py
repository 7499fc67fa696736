# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Copyleft libraries linked into microcontroller firmware.

`lgpl-static-linking`: an LGPL library linked into microcontroller firmware.

Firmware for a microcontroller is one statically linked image. A program that links an
LGPL library may keep its own licence only if users can modify the library and relink
(LGPL-2.1 section 6, LGPL-3.0 section 4): for firmware that means shipping the object
files or the source of the rest (NORMS.md §2.2 fact 8, COMP-007; judgement from the texts).
A component is firmware when it holds a firmware build or image file; the rule fires when
its other code is under a licence that is not itself GNU copyleft.

`gpl-in-firmware`: a GPL or AGPL library linked into firmware whose own code is declared under
a licence the GPL does not fit (an MIT project with a GPL display driver in lib/). The image is
one work based on the library, which GPL-2.0 section 2(b) and GPL-3.0 section 5(c) put under the
GPL as a whole: the MIT code may be part of it, but the firmware is not MIT (judgement from the
texts; the FSF's FAQ on static linking). Pairs that cannot combine at all are
incompatible-licenses'.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from licensecheck import compat, components
from licensecheck.rules import Context, Issue, Rule, views
from licensecheck.rules import wording as say

if TYPE_CHECKING:
    from licensecheck.model import FileResult

SOURCES = (
    "https://www.gnu.org/licenses/gpl-faq.html#LGPLStaticVsDynamic",
    "https://www.gnu.org/licenses/lgpl-3.0.html",
)
GPL_SOURCES = (
    "https://www.gnu.org/licenses/gpl-faq.html#GPLStaticVsDynamic",
    "https://www.gnu.org/licenses/gpl-3.0.html",
)
# The files that make a component firmware: a sketch, a firmware build's project or configuration
# (PlatformIO, ESP-IDF, Zephyr, Pico SDK, Keil MDK, IAR, MounRiver, SEGGER, Microchip Studio,
# STM32CubeMX), a linker script or an image.
FIRMWARE_FORMATS = frozenset(
    {
        "arduino", "platformio", "idf-component", "idf-component-cmake", "esp-idf-config", "zephyr-config",
        "firmware-cmake",
        "linker-script", "scatter-file", "iar-linker-config", "keil-project", "iar-project",
        "mounriver-project", "segger-project", "atmel-studio-project", "stm32cubemx", "firmware-image",
    }
)  # fmt: skip
# Code that ends up in the image (build files and scripts do not).
LINKED_FORMATS = frozenset(
    {"c", "cpp", "arduino", "gnu-assembly", "assembly", "rust", "zig", "ada", "pascal", "go", "object-code"}
)
GNU_COPYLEFT = ("GPL-", "AGPL-", "LGPL-")
# Code beside the firmware that the image does not hold: host tools, native unit tests (PlatformIO's
# test/), examples and samples, scripts.
_NOT_LINKED = re.compile(
    r"(?:^|/)(?:tests?|test_apps|tools|scripts|examples?|samples?|extras|docs?|host)/", re.IGNORECASE
)
# A firmware build's project or configuration (not a part of one, a linker script or an image,
# which vendored libraries carry too: TinyUSB's board .ld files, a co-processor's .bin).
# An IDE's project file lists sources from across the tree (Keil's Project/ or USER/ beside
# HARDWARE/, CORE/ and STM32F10x_FWLib/); a build system's sits where its sources start.
_IDE_PROJECTS = frozenset(
    {
        "keil-project",
        "iar-project",
        "mounriver-project",
        "segger-project",
        "atmel-studio-project",
        "stm32cubemx",
    }
)
_BUILD_SYSTEMS = frozenset({"arduino", "platformio", "esp-idf-config", "zephyr-config", "firmware-cmake"})
# Top-level folders of a firmware repository that hold another program: a host tool (上位机).
# Not gui/, web/, server/ or client/: firmware keeps LVGL or emWin in GUI/, an HTTP server in web/.
_HOST_FOLDER = re.compile(
    r"(?:host|pc|pc[-_ ]?(?:app|tool|software)|desktop|android|ios|mobile|simulator|emulator|上位机)"
    r"(?:[-_ ].*)?",
    re.IGNORECASE,
)
# A linker script at the root: a Makefile build (libopencm3, GD32 and CH32 Makefile projects).
_ROOT_BUILDS = frozenset({"linker-script", "scatter-file", "iar-linker-config"})
# Build files of another kind of program, at the top of a folder: the folder is that program.
_PROGRAM_BUILDS = frozenset(
    {"cmake", "qmake", "npm-package", "cargo-manifest", "pyproject", "go-mod", "meson"}
)


def _lgpl(member: str) -> bool:
    base, exception = compat.split(member)
    return base.startswith("LGPL-") and exception is None  # a linking exception lifts the duty


def _copyleft(member: str) -> bool:
    return compat.split(member)[0].startswith(GNU_COPYLEFT)


def _strong(member: str) -> bool:
    base, exception = compat.split(member)
    return base.startswith(("GPL-", "AGPL-")) and exception is None  # GCC's, Classpath: linking allowed


@dataclass(frozen=True)
class _Firmware:
    name: str  # the component holding its build, as messages name it
    whole_tree: bool  # its build takes in the code of the tree's other folders
    members: frozenset[str]  # the components its linked code comes from
    code: list[tuple[str, str]]  # (path, licence expression) of its linked code

    @property
    def top(self) -> str:
        """The folder it is presented from ("" for the root)."""
        return "" if self.whole_tree or self.name == components.ROOT else f"{self.name}/"


def _firmware(context: Context) -> Iterator[_Firmware]:
    """Each firmware of the tree: a component holding a firmware file. With no [components]
    configured, one build of the whole tree (`_whole_tree_builds`) takes in every component
    that is no build or other program of its own."""
    if views.paths_by_format(context).keys().isdisjoint(FIRMWARE_FORMATS):
        return  # no firmware component at all (most trees): no need to group the files
    by_path = {f.path: f for f in context.concluded.files}
    grouped = components.group_by(by_path, views.component_of(context))
    licensed = {f.path for f in views.material(context) if f.format in LINKED_FORMATS}
    linked = {
        name: [p for p in paths if p in licensed and not _NOT_LINKED.search(p)]
        for name, paths in grouped.items()
    }
    marked = [
        name for name, paths in grouped.items() if any(by_path[p].format in FIRMWARE_FORMATS for p in paths)
    ]
    units = {name: {name} for name in marked}
    whole: list[str] = []
    if not context.policy.config.components:
        builds = {name: _builds(name, paths, by_path) for name, paths in grouped.items()}
        whole = _whole_tree_builds(builds, linked, by_path)
        if whole:  # one firmware, the tree's
            cmake_build = "firmware-cmake" in builds[whole[0]]
            joining = [
                n for n in grouped if n not in whole and _joins(n, grouped[n], builds, by_path, cmake_build)
            ]
            for name in (*whole, *joining):
                units.pop(name, None)
            units[whole[0]] = {*whole, *joining}
    for name, members in sorted(units.items()):
        code = [(p, e) for member in sorted(members) for p in linked[member] for e in by_path[p].licenses]
        contributing = frozenset(member for member in members if linked[member])
        yield _Firmware(name, name in whole, contributing, sorted(code))


def _builds(name: str, paths: tuple[str, ...], by_path: dict[str, FileResult]) -> frozenset[str]:
    """The formats of a component's own firmware build: a build system's file at its top
    (bootloader/platformio.ini), an IDE project up to one folder down (Projects/MDK-ARM/), at
    the root a linker script too. Deeper files, and the rest, are a vendored library's
    (components/drv/sdkconfig.rename, lib/tinyusb/hw/bsp/board.ld, examples/Demo/Demo.ino)."""
    found = set()
    for path in paths:
        kind = by_path[path].format
        depth = path.count("/")
        if (
            (kind in _BUILD_SYSTEMS and depth <= 1)
            or (kind in _IDE_PROJECTS and depth <= 2 and not _NOT_LINKED.search(path))
            or (kind in _ROOT_BUILDS and name == components.ROOT)
        ):
            found.add(kind)
    return frozenset(found)


def _whole_tree_builds(
    builds: dict[str, frozenset[str]], linked: dict[str, list[str]], by_path: dict[str, FileResult]
) -> list[str]:
    """The components whose build takes in the tree, the first naming it:
    - a build at the root; with an IDE's or a linker script only, also the top-level folders
      holding only IDE projects (STM32CubeMX's EWARM/ and MDK-ARM/ beside its .ioc), while a
      build system's root leaves them apart (a bootloader in its own Keil project);
    - else a top-level folder holding an IDE project (Keil's Project/ or ALIENTEK's USER/),
      unless two such folders hold code of their own: two firmwares, each built from its folder."""
    ide_only = [
        n for n, formats in builds.items() if formats and formats <= _IDE_PROJECTS and n != components.ROOT
    ]
    root = builds.get(components.ROOT, frozenset())
    if root:
        return [components.ROOT] if root & _BUILD_SYSTEMS else [components.ROOT, *ide_only]
    with_code = [n for n in ide_only if any(by_path[p].format != "object-code" for p in linked[n])]
    return [] if len(with_code) > 1 else ide_only


def _joins(
    name: str,
    paths: tuple[str, ...],
    builds: dict[str, frozenset[str]],
    by_path: dict[str, FileResult],
    cmake: bool,
) -> bool:
    """A component the tree's build takes in: no build of its own, no host program (by its name,
    or a build file of another kind at its top; CMake's is the build's own in a CMake build)."""
    if builds.get(name) or (name != components.ROOT and _HOST_FOLDER.fullmatch(name)):
        return False
    other_programs = _PROGRAM_BUILDS - {"cmake"} if cmake else _PROGRAM_BUILDS
    return not any(p.count("/") == 1 and by_path[p].format in other_programs for p in paths)


def _named(context: Context, firmware: _Firmware) -> str:
    """'Component 'fw' is firmware', or for the tree's firmware, what it is."""
    if firmware.whole_tree:
        return context.say("firmware-root")
    return context.say("firmware-component", component=firmware.name)


Linked = list[tuple[str, str]]  # (path, licence expression)


def _split(code: Linked, copyleft: Callable[[str], bool]) -> tuple[Linked, Linked]:
    """The code every choice of whose licence has a `copyleft` member (the library), and the
    code under no GNU copyleft choice at all (the rest); GNU copyleft of another kind is neither."""
    library, rest = [], []
    for path, expression in code:
        options = compat.options(expression)
        if all(any(copyleft(m) for m in option) for option in options):
            library.append((path, expression))
        elif not any(all(_copyleft(m) for m in option) for option in options):
            rest.append((path, expression))
    return library, rest


def lgpl_static_linking(context: Context) -> Iterator[Issue]:
    for firmware in _firmware(context):
        library, rest = _split(firmware.code, _lgpl)
        if library and rest:
            yield _linking(context, "lgpl-static-linking", "lgpl", firmware, library, rest)


def gpl_in_firmware(context: Context) -> Iterator[Issue]:
    from licensecheck.rules.compatibility import component_pairs

    nearest = views.nearest_declaration(context)
    for firmware in _firmware(context):
        library, rest = _split(firmware.code, _strong)
        if not (library and rest):
            continue
        # A pair that cannot be combined at all is incompatible-licenses' to report (the pairs
        # are that rule's shared view: asked only of firmware that links GPL code).
        pairs = component_pairs(context)
        if any(pair.component in firmware.members and pair.answer.verdict == "no" for pair in pairs):
            continue
        gpl = tuple(sorted({e for _, e in library}))
        # What the firmware is presented under: the declaration over its top (the project's
        # LICENSE, or the firmware folder's), not a vendored library's own LICENSE.
        declaration = nearest(firmware.top + "(component)")
        presented = declaration.expressions if declaration else tuple(sorted({e for _, e in rest}))
        if all(compat.into(e, presented).verdict == "yes" for e in gpl):
            continue  # a GPL firmware linking MIT code: GPL as a whole, as declared
        yield _linking(
            context, "gpl-in-firmware", "gpl", firmware, library, rest, presented=say.declared(presented)
        )


def _linking(
    context: Context, key: str, named: str, firmware: _Firmware, library: Linked, rest: Linked, **more: str
) -> Issue:
    """The issue on a firmware's copyleft library, its licences given to the message as `named`."""
    separator = context.say("list-separator")
    licenses = tuple(sorted({e for _, e in library}))
    message = context.say(
        key,
        firmware=_named(context, firmware),
        library=say.files(context, sorted({p for p, _ in library})),
        others=separator.join(sorted({e for _, e in rest})),
        **{named: separator.join(licenses)},
        **more,
    )
    return Issue(library[0][0], message, licenses)


RULES = (
    Rule("lgpl-static-linking", "warning", SOURCES, lgpl_static_linking),
    Rule("gpl-in-firmware", "warning", GPL_SOURCES, gpl_in_firmware),
)
