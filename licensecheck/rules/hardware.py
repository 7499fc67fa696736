# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Open hardware norms that look at which files a project ships.

`hardware-source-missing`: fabrication outputs without the editable design they come
from (OSHWA definition, criterion 1). `proprietary-format-only`: a design only in a proprietary
tool's native files, with nothing an open tool can show (CERN-OHL v2's Complete Source, OSHWA's
best practices). The formats of each kind of design are data, in licenses/fabrication.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from licensecheck import compat
from licensecheck.fabrication import DesignKind, design_kinds
from licensecheck.rules import Context, Issue, Rule, views

OSHWA_DEFINITION = "https://www.oshwa.org/definition/"
SHOWN_OUTPUTS = 5


def hardware_source_missing(context: Context) -> Iterator[Issue]:
    by_format = views.paths_by_format(context)
    for kind in design_kinds():
        if not by_format.keys().isdisjoint(kind.sources):
            continue
        outputs = sorted(path for format_id in kind.outputs for path in by_format.get(format_id, ()))
        if not outputs:
            continue
        yield Issue(
            None,
            context.say(
                "hardware-source-missing",
                kind=context.say(f"design-kind.{kind.key}"),
                count=len(outputs),
                outputs=_listed(outputs),
                expected=context.say(f"design-source.{kind.key}"),
            ),
        )


# Licences that ask those who pass a design on for a format open tools can show beside a
# proprietary one: CERN-OHL v2's Complete Source (FSF- or OSI-approved viewer), CERN-OHL-1.2
# 3.4 d), TAPR-OHL-1.0 4.2 ("open format versions (such as Gerber, ASCII, Postscript, or PDF) if
# your tools can create them").
VIEWABLE_REQUIRED = ("CERN-OHL-S-2.0", "CERN-OHL-W-2.0", "CERN-OHL-1.2", "TAPR-OHL-1.0")
# A PDF shows a design when its name says so (board_v2_schematic.pdf, 外壳图纸.pdf) or names the
# design file; a datasheet (ATmega328P.pdf) shows none.
_TOKEN = re.compile(r"[a-z]+|\d+")
_DESIGN_WORDS = {
    "pcb": ("schematic", "sch", "layout", "pcb", "board", "原理图", "电路图", "布局", "布线"),
    "mechanical": ("drawing", "assembly", "dimension", "case", "enclosure", "图纸", "装配", "工程图", "尺寸"),
}


def proprietary_format_only(context: Context) -> Iterator[Issue]:
    """Each kind of design whose only files are a proprietary tool's, with nothing that open
    tools can show: no export of another viewable format, no PDF of the design."""
    by_format = views.paths_by_format(context)
    for kind in design_kinds():
        native = sorted(path for format_id in kind.proprietary for path in by_format.get(format_id, ()))
        if not native or _shown_openly(kind, native, by_format):
            continue
        chosen = set(native)
        licenses = {e for file in context.concluded.files if file.path in chosen for e in file.licenses}
        required = sorted(
            {
                member
                for expression in licenses
                for member in compat.members(expression)
                if member.removesuffix("+") in VIEWABLE_REQUIRED
            }
        )
        key = "proprietary-format-only-required" if required else "proprietary-format-only"
        yield Issue(
            None,
            context.say(
                key,
                kind=context.say(f"design-kind.{kind.key}"),
                count=len(native),
                files=_listed(native),
                license=", ".join(required),
                export=context.say(f"design-export.{kind.key}"),
            ),
            tuple(required),
        )


def _shown_openly(kind: DesignKind, native: list[str], by_format: dict[str, list[str]]) -> bool:
    if any(format_id != "pdf" and format_id in by_format for format_id in kind.viewable):
        return True
    if "pdf" not in kind.viewable:
        return False
    stems = [stem for stem in {_stem(path) for path in native} if len(stem) >= 4]
    words = set(_DESIGN_WORDS.get(kind.key, ()))
    for path in by_format.get("pdf", ()):
        name = _stem(path)
        tokens = set(_TOKEN.findall(name))
        if "datasheet" in tokens:
            continue
        # Whole words: "sch" is not in "Schottky", "board" not in "keyboard", nor "pcb" in
        # "JLCPCB"; Chinese words have no spaces and are looked for as they are; the design's own
        # name (controller.PcbDoc, controller_schematic.pdf) as it is.
        if (
            tokens & words
            or any(w in name for w in words if not w.isascii())
            or any(s in name for s in stems)
        ):
            return True
    return False


def _stem(path: str) -> str:
    return path.rpartition("/")[2].rpartition(".")[0].lower()


def _listed(paths: list[str]) -> str:
    return ", ".join(paths[:SHOWN_OUTPUTS]) + (" …" if len(paths) > SHOWN_OUTPUTS else "")


RULES = (
    Rule("hardware-source-missing", "warning", (OSHWA_DEFINITION,), hardware_source_missing),
    Rule(
        "proprietary-format-only",
        "warning",
        ("https://ohwr.org/cern_ohl_s_v2.txt", "https://www.oshwa.org/sharing-best-practices/"),
        proprietary_format_only,
    ),
)
