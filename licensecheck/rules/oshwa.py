# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""OSHWA certification readiness (NORMS.md §3.2, §3.3; OSHW-003, OSHW-004).

- `oshwa-license-missing`: OSHWA certification asks for a licence for the hardware, the
  software (if any) and the documentation, each. Off in the default profile; the `oshwa`
  profile turns it on.
- `bom-missing`: a PCB design and no bill of materials (OSHWA best practice; an
  obligation under CERN-OHL v2's "Complete Source" and TAPR-OHL section 4.2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from licensecheck.rules import Context, Issue, Rule, views
from licensecheck.rules import wording as say

CERTIFICATION = "https://certification.oshwa.org/requirements.html"
BEST_PRACTICES = "https://www.oshwa.org/sharing-best-practices/"

# Slot -> whether it is required even when the project has no file of that category.
SLOTS = {"hardware": True, "software": False, "documentation": True}
# "bom" not inside a word, or "bill of materials"; both branches start with the "b" they share,
# which lets the search skip to each "b" instead of trying both branches at every character.
BOM_NAME = re.compile(r"b(?:(?<![a-z]b)om(?![a-z])|ill.?of.?materials)", re.IGNORECASE)
# Board and schematic designs, by format; where a format also covers libraries or parts, the
# extensions of its designs (a Fritzing .fzp is a part, a LibrePCB .lp a library element).
BOARD_DESIGNS: dict[str, tuple[str, ...] | None] = {
    "kicad-pcb": None,
    "kicad-sch": None,
    "kicad-legacy-pcb": None,
    "kicad-legacy-sch": None,
    "eagle-brd": None,
    "eagle-sch": None,
    "easyeda": None,
    "pcb-layout": None,
    "schematic": None,
    "librepcb-archive": None,
    "lceda-pro": (".epro",),
    "lceda-pro-doc": (".esch", ".epcb"),
    "librepcb": (".lpp",),
    "fritzing": (".fz",),
    "fritzing-archive": (".fzz",),
    "geda": (".sch",),
    "altium": (".schdoc", ".pcbdoc"),
}


def oshwa_license_missing(context: Context) -> Iterator[Issue]:
    concluded = context.concluded
    for slot, required in SLOTS.items():
        files = [f for f in concluded.files if f.category == slot and f.path in concluded.covered]
        if not files:
            if required:
                yield Issue(
                    None,
                    context.say(
                        "oshwa-license-missing",
                        slot=context.say(f"oshwa-slot.{slot}"),
                        detail=context.say(f"oshwa-none.{slot}"),
                    ),
                )
            continue
        if any(f.licenses for f in files):
            continue
        detail = context.say(
            "oshwa-unlicensed", count=len(files), files=say.files(context, sorted(f.path for f in files))
        )
        yield Issue(
            None, context.say("oshwa-license-missing", slot=context.say(f"oshwa-slot.{slot}"), detail=detail)
        )


def is_bom(path: str, format_id: str) -> bool:
    return format_id == "bom" or BOM_NAME.search(path.rpartition("/")[2]) is not None


def _has_bom(by_format: dict[str, list[str]]) -> bool:
    """`is_bom` of any of the files (their paths by format), the names searched by `map`."""
    if "bom" in by_format:
        return True
    return any(
        map(BOM_NAME.search, [path.rpartition("/")[2] for paths in by_format.values() for path in paths])
    )


def is_board_design(path: str, format_id: str) -> bool:
    if format_id not in BOARD_DESIGNS:
        return False
    extensions = BOARD_DESIGNS[format_id]
    return extensions is None or path.lower().endswith(extensions)


def bom_missing(context: Context) -> Iterator[Issue]:
    by_format = views.paths_by_format(context)
    designs = sorted(
        path
        for format_id in BOARD_DESIGNS.keys() & by_format.keys()
        for path in by_format[format_id]
        if is_board_design(path, format_id)
    )
    if not designs or _has_bom(by_format):
        return
    yield Issue(None, context.say("bom-missing", count=len(designs), files=say.files(context, designs)))


RULES = (
    Rule(
        "oshwa-license-missing",
        "off",
        (CERTIFICATION, "https://www.oshwa.org/definition/"),
        oshwa_license_missing,
    ),
    Rule("bom-missing", "info", (BEST_PRACTICES, "https://ohwr.org/cern_ohl_s_v2.txt"), bom_missing),
)
