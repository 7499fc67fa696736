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
# test/), examples, scripts.
_NOT_LINKED = re.compile(r"(?:^|/)(?:tests?|tools|scripts|examples?|extras|docs?|host)/")
# The files of a part of a firmware build: an ESP-IDF component, built into whichever project uses it.
_PART_FORMATS = frozenset({"idf-component", "idf-component-cmake"})
# The files of a firmware build (all but parts and a built image). One at the root of the tree
# (platformio.ini, an ESP-IDF or Pico SDK CMakeLists.txt), or in a top-level folder that holds no
# code of its own (Keil's Project/ or MDK-ARM/ beside USER/, Core/ and Drivers/), builds the code of
# the whole tree, which the default components split by top-level folder (src/ apart from lib/,
# main/ from components/).
_BUILD_FORMATS = FIRMWARE_FORMATS - _PART_FORMATS - {"firmware-image"}


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
    name: str  # the component holding its mark, or ROOT for the tree's firmware
    top: str  # the folder it is presented from ("" for the root)
    members: frozenset[str]  # the components its code comes from
    code: list[tuple[str, str]]  # (path, licence expression) of its linked code


def _firmware(context: Context) -> Iterator[_Firmware]:
    """Each firmware of the tree: a component holding a firmware file; with no [components]
    configured, a build of the whole tree (`_BUILD_FORMATS`) takes in every component that is
    no build of its own."""
    if views.paths_by_format(context).keys().isdisjoint(FIRMWARE_FORMATS):
        return  # no firmware component at all (most trees): no need to group the files
    by_path = {f.path: f for f in context.concluded.files}
    grouped = components.group_by(by_path, views.component_of(context))
    licensed = {f.path for f in views.material(context) if f.format in LINKED_FORMATS}
    linked = {
        name: [p for p in paths if p in licensed and not _NOT_LINKED.search(p)]
        for name, paths in grouped.items()
    }
    marks = {name: {by_path[p].format for p in paths} & FIRMWARE_FORMATS for name, paths in grouped.items()}
    units = {name: {name} for name, found in marks.items() if found}
    if context.policy.config.components:
        yield from _units(units, linked, by_path)
        return
    # What makes a build, left out what is not linked (a vendored library's examples/*.ino).
    builds = {
        name: {by_path[p].format for p in paths if not _NOT_LINKED.search(p)} & FIRMWARE_FORMATS
        for name, paths in grouped.items()
    }
    whole = [
        name
        for name, found in builds.items()
        if found & _BUILD_FORMATS
        and (name == components.ROOT or all(by_path[p].format == "object-code" for p in linked[name]))
    ]
    if whole:  # one firmware, the tree's: named as the root component is
        joining = [name for name, found in builds.items() if found <= _PART_FORMATS]  # unmarked ones too
        for name in (*whole, *joining, components.ROOT):
            units.pop(name, None)
        units[components.ROOT] = {*whole, *joining, *(grouped.keys() & {components.ROOT})}
    yield from _units(units, linked, by_path)


def _units(
    units: dict[str, set[str]], linked: dict[str, list[str]], by_path: dict[str, FileResult]
) -> Iterator[_Firmware]:
    for name, members in sorted(units.items()):
        code = [(p, e) for member in sorted(members) for p in linked[member] for e in by_path[p].licenses]
        top = "" if name == components.ROOT else f"{name}/"
        yield _Firmware(name, top, frozenset(members), sorted(code))


def _named(context: Context, firmware: _Firmware) -> str:
    """'Component 'fw' is firmware', or for the firmware built from the root, what it is."""
    if firmware.name == components.ROOT:
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
            yield Issue(
                library[0][0],
                context.say(
                    "lgpl-static-linking",
                    firmware=_named(context, firmware),
                    library=say.files(context, sorted({p for p, _ in library})),
                    lgpl=", ".join(sorted({e for _, e in library})),
                    others=", ".join(sorted({e for _, e in rest})),
                ),
                tuple(sorted({e for _, e in library})),
            )


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
        separator = context.say("list-separator")
        yield Issue(
            library[0][0],
            context.say(
                "gpl-in-firmware",
                firmware=_named(context, firmware),
                library=say.files(context, sorted({p for p, _ in library})),
                gpl=separator.join(gpl),
                others=separator.join(sorted({e for _, e in rest})),
                presented=say.declared(presented),
            ),
            gpl,
        )


RULES = (
    Rule("lgpl-static-linking", "warning", SOURCES, lgpl_static_linking),
    Rule("gpl-in-firmware", "warning", GPL_SOURCES, gpl_in_firmware),
)
