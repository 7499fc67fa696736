# SPDX-FileCopyrightText: 2026 The licensecheck authors
# SPDX-License-Identifier: Apache-2.0
"""Kinds of design (PCB, mechanical, firmware, FPGA) by the formats of their fabrication
outputs and of the editable sources they are made from: licenses/fabrication.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from licensecheck.resources import data_path


@dataclass(frozen=True)
class DesignKind:
    """A kind of design (PCB, mechanical ...) by the format ids of its files."""

    key: str
    outputs: frozenset[str]
    sources: frozenset[str]
    proprietary: frozenset[str] = frozenset()  # a proprietary tool's native files
    viewable: frozenset[str] = frozenset()  # what a tool under an FSF- or OSI-approved licence shows


@cache
def design_kinds() -> tuple[DesignKind, ...]:
    with open(data_path("licenses") / "fabrication.toml", "rb") as handle:
        table = tomllib.load(handle)
    return tuple(
        DesignKind(
            key,
            frozenset(kind["outputs"]),
            frozenset(kind["sources"]),
            frozenset(kind.get("proprietary", ())),
            frozenset(kind.get("viewable", ())),
        )
        for key, kind in table.items()
    )
